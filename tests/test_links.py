"""Links of the built real site, in every language.

- Every internal reference (a, link, script, img, the search page's index, the locator's asset folder)
  resolves to a file of the site, and every #anchor to an element id of its target page. The locator's
  `#merkez=<id>` is an address for its script: the id must be a center of that page's data.
- Links the scripts build from data resolve too: the locator's center pages and the search index's results.
- Every tel: link is E.164 (a valid number) or a valid Turkish short number (112, 183, ...).
- Every link to another host carries rel="noreferrer", including links drawn in the browser (directions,
  map attribution).
- Both layouts hold: the site at the root of its host, and the same registry built for a GitHub Pages project
  site (site_url under /kdm-izmir/), whose root-relative links (404.html's) must stay under that path.
  The sitemap is tests/test_sitemap.py's; tests/test_subpath.py follows every link over HTTP.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import phonenumbers
import pytest
from phonenumbers import shortnumberinfo

from builder.languages import SITE_LANGUAGES, url_prefix
from builder.site import i18n, routes
from tests.browser import load_map
from tests.conftest import SUBPATH
from tests.htmltools import parse

REFERENCES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "form": "action",
}
DATA_REFERENCES = ("data-index", "data-assets", "data-root")  # search and locator scripts' base addresses
LOCATOR_FOCUS = re.compile(r"merkez=([a-z0-9-]+)$")
E164 = re.compile(r"\+[1-9]\d{6,14}")


@dataclass(frozen=True)
class Reference:
    page: str  # site-relative path of the HTML file
    tag: str
    url: str
    rel: str = ""


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_dir(site: Path, html_file: Path) -> str:
    """The URL folder a page is served at: x/index.html is /x/, 404.html is served from the root."""
    return "/" + html_file.parent.relative_to(site).as_posix().strip(".").strip("/")


@functools.cache
def _ids(html_file: Path) -> frozenset[str]:
    elements = parse(html_file)
    return frozenset(
        [e.attrs["id"] for e in elements if "id" in e.attrs]
        + [e.attrs["name"] for e in elements if e.tag == "a" and "name" in e.attrs]
    )


@functools.cache
def _locator_ids(html_file: Path) -> frozenset[str]:
    return frozenset(row[0] for row in _locator_data(html_file)["centers"])


@functools.cache
def _locator_data(html_file: Path) -> dict:  # type: ignore[type-arg]
    text = html_file.read_text(encoding="utf-8")
    island = re.search(r'<script type="application/json" id="kdm-locator-data">(.*?)</script>', text, re.DOTALL)
    assert island, f"{html_file}: no locator data"
    return json.loads(island.group(1))


def target_file(site: Path, path: str) -> Path | None:
    """The file a site path is served from, or None."""
    candidate = site / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() and site in candidate.resolve().parents else None


def references(site: Path) -> Iterator[tuple[Path, Reference]]:
    for html_file in pages(site):
        rel = html_file.relative_to(site).as_posix()
        for element in parse(html_file):
            attr = REFERENCES.get(element.tag)
            if attr and element.attrs.get(attr):
                yield html_file, Reference(rel, element.tag, element.attrs[attr], element.attrs.get("rel", ""))
            for data in DATA_REFERENCES:
                if element.attrs.get(data):
                    yield html_file, Reference(rel, data, element.attrs[data])


def is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def broken(site: Path, html_file: Path, url: str, tag: str = "a", mount: str = "/") -> str | None:
    """Why an internal reference does not resolve, or None when it does. `mount`: the path the site is
    served under ("/", or a project site's "/kdm-izmir/"); a root-relative link must stay inside it."""
    parts = urlsplit(url)
    base = page_dir(site, html_file)
    if parts.path.startswith("/"):
        if not (parts.path + "/").startswith(mount):
            return f"leaves the site's path {mount}"
        parts = parts._replace(path="/" + parts.path[len(mount) :])
    path = posixpath.normpath(posixpath.join(base + "/", parts.path)) + ("/" if parts.path.endswith("/") else "")
    if tag == "data-assets":  # the folder the locator loads its scripts from
        return None if (site / path.strip("/") / "kdm" / "locator.js").is_file() else f"no assets at {path}"
    target = html_file if not parts.path else target_file(site, path)
    if target is None:
        return f"no file for {path}"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html":
        focus = LOCATOR_FOCUS.fullmatch(fragment)
        if focus:
            if focus.group(1) not in _locator_ids(target):
                return f"#{fragment}: no such center on the locator"
        elif fragment not in _ids(target):
            return f"#{fragment}: no such id in {target.relative_to(site)}"
    return None


@pytest.fixture(scope="module")
def all_references(real_site: Path) -> list[tuple[Path, Reference]]:
    found = list(references(real_site))
    assert len(found) > 10_000
    return found


@pytest.mark.build  # the site is asked for by name (getfixturevalue)
@pytest.mark.parametrize("layout", ["root", "subpath"])
def test_every_internal_link_and_anchor_resolves(layout: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue("real_site" if layout == "root" else "subpath_site")
    mount = "/" if layout == "root" else SUBPATH
    problems, anchors, rooted = [], 0, 0
    for html_file, ref in references(site):
        if is_internal(ref.url):
            anchors += "#" in ref.url
            rooted += ref.url.startswith("/")
            why = broken(site, html_file, ref.url, ref.tag, mount)
            if why:
                problems.append(f"{ref.page}: <{ref.tag}> {ref.url}: {why}")
    assert anchors > 100  # guides cross-link sections; center pages link to the map with #merkez=
    assert rooted > 10  # 404.html is served at any depth: its links start at the site's path
    assert problems == [], f"{len(problems)} broken:\n" + "\n".join(sorted(set(problems))[:60])


def test_a_link_that_leaves_the_sub_path_is_caught(subpath_site: Path) -> None:
    """The checker itself: a root-relative link of a project site must begin with its path."""
    page = subpath_site / "404.html"
    assert broken(subpath_site, page, f"{SUBPATH}assets/kdm/site.css", "link", SUBPATH) is None
    assert broken(subpath_site, page, "/assets/kdm/site.css", "link", SUBPATH) == f"leaves the site's path {SUBPATH}"


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_every_language_links_within_itself(real_site: Path, lang: str) -> None:
    """A page in one language links to pages in that language (the language switch and alternates aside, and
    the coverage page where this language has none of its own)."""
    root = url_prefix(lang)
    others = [url_prefix(other) for other in SITE_LANGUAGES if other != lang and url_prefix(other)]
    problems = []
    for html_file in (real_site / root).rglob("index.html") if root else real_site.glob("**/index.html"):
        rel = html_file.relative_to(real_site).as_posix()
        if not root and any(rel.startswith(o) for o in others):
            continue
        for element in parse(html_file):
            href = element.attrs.get("href", "") if element.tag == "a" else ""
            if (
                not href
                or not is_internal(href)
                or element.attrs.get("hreflang")
                or "md-select__link" in element.attrs.get("class", "")
            ):
                continue
            target = posixpath.normpath(posixpath.join(page_dir(real_site, html_file) + "/", urlsplit(href).path))
            target = target.lstrip("/") + "/"
            lands_in = next((o for o in others if target.startswith(o)), "")
            # The coverage page is written in Turkish and English only: the other languages link the English one.
            partial = lang not in i18n.languages_of("coverage.") and target == f"{lands_in}{routes.coverage()}"
            if lands_in != "" and lands_in != root and not partial:
                problems.append(f"{rel}: {href}")
    assert problems == [], "\n".join(problems[:40])


def test_script_built_links_resolve(real_site: Path) -> None:
    """The locator's result links (merkezler/<id>/ from its data) and the search results (the index's
    addresses) lead to pages of the same language."""
    for lang in SITE_LANGUAGES:
        root = url_prefix(lang)
        locator = real_site / root / "bul" / "index.html"
        for row in _locator_data(locator)["centers"]:
            assert target_file(real_site, f"/{root}merkezler/{row[0]}/"), (lang, row[0])
        index = json.loads((real_site / "search" / f"{lang}.json").read_text(encoding="utf-8"))
        assert index, lang
        for row in index:
            path = posixpath.normpath(f"/{urlsplit(row[0]).path}") + ("/" if row[0].endswith("/") else "")
            others = [url_prefix(o) for o in SITE_LANGUAGES if o != lang and len(url_prefix(o)) > len(root)]
            assert path.startswith(f"/{root}") and not any(path.startswith(f"/{o}") for o in others), (lang, row[0])
            assert target_file(real_site, path), (lang, row[0])


def valid_tel(number: str) -> bool:
    if E164.fullmatch(number):
        return phonenumbers.is_valid_number(phonenumbers.parse(number))
    return (
        number.isdigit()
        and len(number) <= 6
        and shortnumberinfo.is_valid_short_number_for_region(phonenumbers.parse(number, "TR"), "TR")
    )


def test_every_tel_link_is_e164_or_a_turkish_short_number(real_site: Path, all_references) -> None:  # type: ignore[no-untyped-def]
    numbers = {ref.url for _, ref in all_references if ref.url.startswith("tel:")}
    for lang in SITE_LANGUAGES:  # the locator's call buttons are drawn from its data
        data = _locator_data(real_site / url_prefix(lang) / "bul" / "index.html")
        numbers |= {phone[0] for row in data["centers"] for phone in row[6]}
    assert len(numbers) > 5
    assert [n for n in numbers if not valid_tel(n.removeprefix("tel:"))] == []
    assert "tel:112" in numbers


def test_every_outbound_link_carries_noreferrer(real_site: Path, all_references) -> None:  # type: ignore[no-untyped-def]
    problems = []
    for _, ref in all_references:
        if ref.tag == "a" and urlsplit(ref.url).scheme in ("http", "https") and "noreferrer" not in ref.rel.split():
            problems.append(f"{ref.page}: {ref.url}")
    assert problems == [], "\n".join(sorted(set(problems))[:40])


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_links_drawn_in_the_browser_carry_noreferrer(browse, real_origin: str, lang: str) -> None:
    outbound = """origin => [...document.querySelectorAll('a[href]')]
        .filter(a => /^https?:/.test(a.href) && new URL(a.href).origin !== origin)
        .map(a => [a.href, a.rel])"""
    page, _ = browse(real_origin)
    page.goto(real_origin + url_prefix(lang) + "bul/", wait_until="load")
    load_map(page)
    links = page.evaluate(outbound, real_origin.rstrip("/"))
    assert any(href.startswith("https://www.openstreetmap.org/search") for href, _ in links)  # directions
    assert [href for href, rel in links if "noreferrer" not in rel.split()] == []
