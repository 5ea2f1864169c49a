"""schema.org JSON-LD of the center pages (builder/site/jsonld.py) against the schema.org vocabulary the
`schemaorg` package ships: only types and properties that exist, each where its domain and range allow;
absolute URLs from the site's address; an address whole or not at all; `telephone` only for a direct line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from builder.languages import SITE_LANGUAGES, url_prefix
from builder.project import DEFAULT_SITE_URL
from builder.site import jsonld, routes
from builder.site.public import publish
from builder.site.views import Context
from tests.standards import schemaorg_errors
from tests.test_exports import _center, _load, _with

SITE = "https://example.org/kdm/"


@pytest.mark.parametrize("name", ["real", "small"])
def test_every_center_in_every_language_uses_only_schemaorg(name: str) -> None:
    cat, strings = _load(name)
    for lang in SITE_LANGUAGES:
        ctx = Context(cat, strings, lang)
        for center in cat.centers:
            url = routes.absolute(SITE, routes.page_path(lang, routes.center(center.id)))
            markup = jsonld.center(ctx, center, url)
            assert schemaorg_errors(markup) == [], (center.id, lang)
            assert markup["@id"] == markup["url"] == url and url.startswith(SITE)
            address = markup.get("address") or markup.get("location", {}).get("address")
            if address is not None:
                assert {"streetAddress", "addressLocality", "addressRegion", "addressCountry"} <= set(address)
            direct = [p.number for p in center.phones if p.kind == "direct"]
            assert markup.get("telephone") == (direct[0] if direct else None), center.id


def test_a_known_street_and_district_make_a_whole_address() -> None:
    center = _center(id="tam-adres", address={"tr": "Örnek Sokak 1", "en": "1 Örnek Street"}, district="konak")
    cat = _with("small", center)
    _, strings = _load("small")
    markup = jsonld.center(Context(cat, strings, "en"), publish(center, cat.districts), SITE + "x/")
    assert markup["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "1 Örnek Street",
        "addressLocality": "Konak",
        "addressRegion": "İzmir",
        "addressCountry": "TR",
    }
    assert markup["location"]["address"] == markup["address"]  # an NGO: its place has the address too
    assert schemaorg_errors(markup) == []


def test_the_vocabulary_check_can_fail() -> None:
    assert schemaorg_errors({"@type": "GovernmentOfice"}) != []
    assert schemaorg_errors({"@type": "NGO", "openingHours24": "x"}) != []
    assert schemaorg_errors({"@type": "NGO", "geo": {"@type": "GeoCoordinates", "latitude": 1}}) != []  # not a Place
    assert schemaorg_errors({"@type": "ContactPoint", "telephone": None}) != []
    assert schemaorg_errors({"@type": "OpeningHoursSpecification", "dayOfWeek": ["Mondag"]}) != []
    assert schemaorg_errors({"@type": "OpeningHoursSpecification", "dayOfWeek": ["Monday"]}) == []


def _center_pages(site: Path, every: int = 1) -> list[Path]:
    """The center pages of every language; with `every` > 1, the Turkish ones whole and one in `every` of the
    others (the markup is made by the same code in each language: a sample keeps the 10,000 pages of the
    synthetic site under a few seconds)."""
    pages = []
    for lang in SITE_LANGUAGES:
        found = sorted((site / url_prefix(lang) / routes.CENTERS_DIR).glob("*/index.html"))
        pages += found if lang == SITE_LANGUAGES[0] else found[::every]
    return pages


def _check_pages(pages: list[Path]) -> None:
    for page in pages:
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"))
        assert len(blocks) == 1, page
        markup = json.loads(blocks[0])
        assert markup["@id"].startswith(DEFAULT_SITE_URL) and markup["@id"].endswith("/"), page
        assert schemaorg_errors(markup) == [], page


def test_the_built_pages_carry_valid_absolute_markup(real_site: Path) -> None:
    pages = _center_pages(real_site)
    assert len(pages) >= 5 * 20
    _check_pages(pages)


def test_the_synthetic_pages_carry_valid_markup(synthetic_site: Path) -> None:
    pages = _center_pages(synthetic_site, every=20)
    assert len(pages) >= 2000 + 4 * 100
    _check_pages(pages)
