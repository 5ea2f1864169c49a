"""The built site, read as HTML: every center in every language, lang/dir, alternates, tel links, distances."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from geopy.distance import geodesic

from builder import registry
from builder.languages import SITE_LANGUAGES, direction, url_prefix
from builder.site.i18n import Formatter
from tests.conftest import FIXTURE_TODAY, FIXTURES, ROOT, today_for
from tests.htmltools import find, parse, with_class

E164_OR_SHORT = re.compile(r"^tel:(\+[1-9]\d{6,14}|\d{3,6})$")


def page(site: Path, lang: str, path: str) -> Path:
    return site / url_prefix(lang) / path / "index.html"


@pytest.mark.parametrize("data_dir", [FIXTURES / "small", ROOT / "data"], ids=["small", "real"])
def test_every_center_has_a_page_in_every_language(data_dir: Path, site_builder) -> None:
    site = site_builder(data_dir)
    reg = registry.load(data_dir, today_for(data_dir))
    for center in reg.centers:
        for lang in SITE_LANGUAGES:
            html_file = page(site, lang, f"merkezler/{center.id}")
            assert html_file.is_file(), html_file
            h1 = find(parse(html_file), "h1")
            assert [h.text.strip() for h in h1] == [center.name.get(lang)]
    for key in reg.districts:
        for lang in SITE_LANGUAGES:
            assert page(site, lang, f"ilceler/{key}").is_file()


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_lang_and_direction(lang: str, small_site: Path) -> None:
    for path in ("", "merkezler/ornek-konak", "ilceler/konak", "merkezler", "ilceler"):
        elements = parse(page(small_site, lang, path))
        assert find(elements, "html")[0].attrs["lang"] == lang
        assert find(elements, "body")[0].attrs["dir"] == direction(lang)


def test_the_language_menu_points_at_the_same_page_in_every_language(small_site: Path) -> None:
    """The menu is plain links (it works without JavaScript, and Material's script has no alternates to
    reroute it): each leads to this page's translation."""
    html_file = page(small_site, "en", "merkezler/ornek-konak")
    menu = {e.attrs["hreflang"]: e.attrs["href"] for e in with_class(parse(html_file), "md-select__link")}
    assert set(menu) == set(SITE_LANGUAGES)
    for lang, href in menu.items():
        target = (html_file.parent / href / "index.html").resolve()
        assert target == page(small_site, lang, "merkezler/ornek-konak").resolve(), (lang, href)
        assert find(parse(target), "html")[0].attrs["lang"] == lang


def test_no_page_head_has_hreflang_alternates(small_site: Path) -> None:
    """Material fetches a sitemap.xml beside every <link rel="alternate"> of a page (404s); the translations
    are declared in sitemap.xml instead (tests/test_sitemap.py)."""
    heads = [f for f in small_site.rglob("*.html") if find(parse(f), "link", rel="alternate")]
    assert heads == []


@pytest.mark.parametrize("data_dir", [FIXTURES / "small", ROOT / "data"], ids=["small", "real"])
def test_tel_links_are_e164_and_numbers_stay_left_to_right(data_dir: Path, site_builder) -> None:
    site = site_builder(data_dir)
    count = 0
    for html_file in site.rglob("index.html"):
        for link in (e for e in parse(html_file) if e.tag == "a" and e.attrs.get("href", "").startswith("tel:")):
            count += 1
            assert E164_OR_SHORT.match(link.attrs["href"]), (html_file, link.attrs["href"])
    assert count > 50
    arabic = parse(page(site, "ar", "merkezler/" + registry.load(data_dir, today_for(data_dir)).centers[0].id))
    numbers = with_class(arabic, "kdm-tel")
    assert numbers and all(n.attrs.get("dir") == "ltr" for n in numbers)


def test_phone_is_linked_in_e164_and_shown_in_national_format(small_site: Path) -> None:
    elements = parse(page(small_site, "tr", "merkezler/ornek-konak"))
    link = find(elements, "a", href="tel:+902321111111")[0]
    assert "(0232) 111 11 11" in link.text


def test_district_page_sorts_by_geodesic_distance(small_site: Path) -> None:
    reg = registry.load(FIXTURES / "small", FIXTURE_TODAY)
    konak = reg.districts["konak"]
    expected = []
    for center_id in ("ornek-konak", "ornek-bornova"):
        loc = next(c for c in reg.centers if c.id == center_id).location
        assert loc is not None
        expected.append((geodesic((konak.lat, konak.lon), (loc.lat, loc.lon)).km, center_id))
    expected.sort()
    elements = parse(page(small_site, "en", "ilceler/konak"))
    listed = [e.attrs["href"].split("/")[-2] for e in with_class(elements, "kdm-card__name")]
    assert listed[:2] == [cid for _, cid in expected]
    distances = [d.text for d in with_class(elements, "kdm-card__distance")]
    fmt = Formatter("en")
    assert distances[0] == f"{fmt.km(expected[0][0])} km"  # exact location: no "about"
    assert distances[1] == f"about {fmt.km(expected[1][0])} km"  # street precision: approximate


def test_center_without_point_uses_its_district_and_says_so(small_site: Path) -> None:
    elements = parse(page(small_site, "en", "ilceler/urla"))
    first = with_class(elements, "kdm-card")[0]
    assert "Örnek Urla Merkezi" in first.text and "In this district" in first.text
    center = parse(page(small_site, "en", "merkezler/ornek-urla"))
    assert "Hours unknown — call before you go." in " ".join(e.text for e in find(center, "dd"))
    assert "known only to the district" in " ".join(e.text for e in with_class(center, "kdm-note"))


def test_confidential_entries_never_appear_with_a_place(small_site: Path) -> None:
    for lang in SITE_LANGUAGES:
        for key in registry.load(FIXTURES / "small", FIXTURE_TODAY).districts:
            text = page(small_site, lang, f"ilceler/{key}").read_text(encoding="utf-8")
            assert "ornek-siginma" not in text
        shelter = parse(page(small_site, lang, "merkezler/ornek-siginma"))
        assert not find(shelter, "dt") or all("Adres" not in e.text for e in find(shelter, "dt"))
        assert with_class(shelter, "kdm-confidential")


def test_center_pages_stay_out_of_the_sidebar(small_site: Path) -> None:
    elements = parse(page(small_site, "tr", ""))
    nav_links = [
        e.attrs.get("href", "")
        for e in elements
        if e.tag == "a" and any("md-nav__link" in a.attrs.get("class", "") for a in [e])
    ]
    assert nav_links and not any("merkezler/ornek" in href for href in nav_links)


def test_home_leads_with_emergency_lines(real_site: Path) -> None:
    for lang in SITE_LANGUAGES:
        elements = parse(page(real_site, lang, ""))
        emergency = with_class(elements, "kdm-emergency")[0]
        calls = [e.attrs["href"] for e in with_class(elements, "kdm-call") if emergency in e.ancestors]
        assert calls[:2] == ["tel:112", "tel:183"]  # the lines' own buttons (descriptions link numbers too)
        finder = with_class(elements, "kdm-find__button")[0]
        assert (page(real_site, lang, "").parent / finder.attrs["href"] / "index.html").is_file()


def test_hours_are_localized(small_site: Path) -> None:
    turkish = " ".join(e.text for e in find(parse(page(small_site, "tr", "merkezler/ornek-konak")), "th"))
    assert "Pazartesi" in turkish and "Salı" in turkish
    arabic = " ".join(e.text for e in find(parse(page(small_site, "ar", "merkezler/ornek-konak")), "th"))
    assert "الاثنين" in arabic


def test_an_entry_whose_evidence_is_old_says_it_may_have_changed(small_site: Path) -> None:
    # Built as on FIXTURE_TODAY (2026-10-20): ornek-urla's number and address come from a 2021 report;
    # ornek-konak's line was confirmed by a call on 2026-01-15, within the year.
    old = page(small_site, "en", "merkezler/ornek-urla").read_text(encoding="utf-8")
    assert "kdm-stale" in old and "more than a year old" in old and 'href="tel:183"' in old
    assert "This address comes from a source of 2021" in old
    recent = page(small_site, "en", "merkezler/ornek-konak").read_text(encoding="utf-8")
    assert "kdm-stale" not in recent and "confirmed by a call on 15 January 2026" in recent


_FOOTER_LINK = re.compile(r'<div class="md-copyright"><a class="kdm-footer-link" href="([^"]+)">([^<]+)</a>')


def test_every_footer_links_the_accessibility_statement_in_its_language(real_site: Path) -> None:
    """Every page (404.html included, from the site's root path) links its language's statement."""
    from builder.site.routes import STATEMENT_PAGE

    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 400
    for html_file in pages:
        text = html_file.read_text(encoding="utf-8")
        if 'class="md-footer"' not in text:
            continue  # redirect stubs
        found = _FOOTER_LINK.search(text)
        assert found, f"{html_file.relative_to(real_site)}: no accessibility link in the footer"
        lang = re.search(r'<html lang="([a-z]+)"', text)
        assert lang is not None
        href = found.group(1)
        if html_file.name == "404.html":
            assert href == f"/{url_prefix(lang.group(1))}{STATEMENT_PAGE}/"
            continue
        target = (html_file.parent / href).resolve() / "index.html"
        assert target == (real_site / url_prefix(lang.group(1)) / STATEMENT_PAGE / "index.html").resolve(), (
            f"{html_file.relative_to(real_site)}: {href}"
        )
        assert target.is_file()
