"""Page-weight budgets (issue "Quality gates"), on the real registry and on a synthetic 2,000-center one.

Measured as tests/weight.py says: everything a page loads on a first visit at 390x844, gzip -9 of each
response body, tiles excluded. Budgets: every page but the locator <= 90 KB; the locator <= 130 KB (real)
and <= 160 KB (2,000 centers), measured as it first opens (its map loads only when scrolled to; that
heavier state is weighed too and printed, not budgeted). KB = 1,000 bytes.

The figures are printed in the terminal summary (conftest.py)."""

from __future__ import annotations

import pytest

from builder.languages import SITE_LANGUAGES
from tests.conftest import SYNTHETIC_CENTERS
from tests.pagetypes import PageType, page_types
from tests.weight import Weight, measure

pytestmark = pytest.mark.browser

KB = 1000
PAGE_BUDGET = 90 * KB
LOCATOR_BUDGET = {"real": 130 * KB, "synthetic": 160 * KB}
RECORDED: list[tuple[str, str, str, Weight]] = []  # (registry, language, page, weight), for the summary

REAL = page_types()
# The synthetic build has no guides (they link to real centers) and its own center ids.
SYNTHETIC = [PageType(k.kind, k.path) for k in REAL if k.kind not in ("guide", "guides", "center-confidential")]


def budget(kind: PageType, registry: str) -> int:
    return LOCATOR_BUDGET[registry] if kind.kind == "locator" else PAGE_BUDGET


def check(weight: Weight, limit: int, label: str) -> None:
    assert weight.gzip <= limit, f"{label}: {weight.gzip / KB:.1f} KB > {limit / KB:.0f} KB\n{weight.breakdown()}"


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
@pytest.mark.parametrize("kind", REAL, ids=[k.slug() for k in REAL])
def test_real_registry_pages_are_within_budget(browse, real_origin: str, kind: PageType, lang: str) -> None:
    weight = measure(browse, real_origin, kind.url(real_origin, lang))
    RECORDED.append(("real", lang, kind.slug(), weight))
    check(weight, budget(kind, "real"), f"{lang} {kind.slug()}")


@pytest.fixture(scope="module")
def synthetic_center(synthetic_site) -> str:  # type: ignore[no-untyped-def]
    return sorted(p.parent.name for p in (synthetic_site / "merkezler").glob("*/index.html"))[0]


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
@pytest.mark.parametrize("kind", SYNTHETIC, ids=[k.slug() for k in SYNTHETIC])
def test_synthetic_2000_center_pages_are_within_budget(
    browse, synthetic_origin: str, synthetic_center: str, kind: PageType, lang: str
) -> None:
    if kind.kind == "center":
        kind = PageType("center", f"merkezler/{synthetic_center}/")
    weight = measure(browse, synthetic_origin, kind.url(synthetic_origin, lang))
    RECORDED.append((f"{SYNTHETIC_CENTERS:,}", lang, kind.slug(), weight))
    check(weight, budget(kind, "synthetic"), f"{SYNTHETIC_CENTERS} centers, {lang} {kind.slug()}")


@pytest.mark.parametrize("registry", ["real", "synthetic"])
def test_locator_map_loads_only_when_needed(browse, registry: str, request: pytest.FixtureRequest) -> None:
    """The locator's first view carries no map library; scrolled to, the map adds them (weighed, printed)."""
    origin = request.getfixturevalue("real_origin" if registry == "real" else "synthetic_origin")
    first = measure(browse, origin, origin + "bul/")
    assert not any("leaflet" in item.path for item in first.items)
    with_map = measure(browse, origin, origin + "bul/", with_map=True)
    assert any("leaflet" in item.path for item in with_map.items)
    name = "real" if registry == "real" else f"{SYNTHETIC_CENTERS:,}"
    RECORDED.append((name, "tr", "locator+map (not budgeted)", with_map))


def test_weighing_is_deterministic(browse, real_origin: str) -> None:
    """Bytes, not time: two cold visits of the same page weigh the same."""
    one = measure(browse, real_origin, real_origin + "bul/")
    two = measure(browse, real_origin, real_origin + "bul/")
    assert one.gzip == two.gzip and sorted(i.path for i in one.items) == sorted(i.path for i in two.items)
