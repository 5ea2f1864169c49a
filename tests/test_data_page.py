"""The data page (content/veri*.md) in every language: it names each published file's standard and version,
licence, how often it changes and how to cite it; links every HSDS file and the language's own feed; and
every link to a data file downloads it, so the reader stays on the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.languages import SITE_LANGUAGES, url_prefix
from builder.site import routes
from tests.conftest import ROOT

ANCHORS = ("dosyalar", "hsds", "hsds-api", "hsds-profili", "degisiklikler", "guncelleme", "surum", "lisans", "atif")


def _page(site: Path, lang: str) -> str:
    return (site / url_prefix(lang) / routes.DATA_PAGE / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_every_data_link_downloads(real_site: Path, lang: str) -> None:
    html = _page(real_site, lang)
    links = re.findall(r"<a\b[^>]*>", html)
    to_data = [a for a in links if re.search(r'href="(\.\./)*data/', a)]
    assert len(to_data) > 40, lang
    assert [a for a in to_data if " download" not in a] == [], lang


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_the_page_covers_every_file_standard_and_its_feed(real_site: Path, lang: str) -> None:
    html = _page(real_site, lang)
    hrefs = {h.split("data/", 1)[1] for h in re.findall(r'href="((?:\.\./)*data/[^"]+)"', html)}
    hsds = {p.relative_to(real_site / "data").as_posix() for p in (real_site / "data" / "hsds").rglob("*.*")}
    documented = {h for h in hsds if "/api/services/" not in h}  # one file per service: documented as a pattern
    assert documented - hrefs == set(), lang
    assert routes.feed(lang).removeprefix("data/") in hrefs
    for name in ("centers.json", "centers.geojson", "centers.csv", "datapackage.json"):
        assert name in hrefs
    for needle in ("HSDS", "3.0", "RFC 7946", "RFC 4287", "Frictionless", "CC BY 4.0", "2.0", "api/services/{id}.json"):
        assert needle in html, (lang, needle)
    for anchor in ANCHORS:
        assert f'id="{anchor}"' in html, (lang, anchor)


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_the_page_links_its_feed_and_the_coverage_page(real_site: Path, lang: str) -> None:
    html = _page(real_site, lang)
    head, body = html.split("</head>", 1)
    depth = "../" * (1 + (lang != SITE_LANGUAGES[0]))
    # In the text, never as <link rel="alternate"> in the head: Material fetches sitemap.xml beside any.
    assert 'rel="alternate"' not in head, lang
    assert f'href="{depth}{routes.feed(lang)}"' in body, lang
    # /kapsam/ is written in Turkish and English: the other languages link the English page and say so.
    coverage = {"tr": "../kapsam/", "en": "../kapsam/"}.get(lang, "../../en/kapsam/")
    assert f'<a href="{coverage}">' in html, lang
    assert (real_site / url_prefix(lang if lang in ("tr", "en") else "en") / routes.coverage() / "index.html").is_file()


def test_every_language_has_the_same_sections() -> None:
    texts = {lang: (ROOT / "content" / f"veri{'' if lang == 'tr' else '.' + lang}.md").read_text("utf-8")
             for lang in SITE_LANGUAGES}  # fmt: skip
    anchors = {lang: re.findall(r"\{#([a-z-]+)\}", text) for lang, text in texts.items()}
    assert all(found == anchors["tr"] for found in anchors.values()), anchors
