"""The locator (issue 3): nearest first from the phone's position, districts without GPS or JavaScript,
open now in Europe/Istanbul time whatever the phone's time zone, the map, and no position leaving the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.distance import geodesic

from builder import catalog, registry
from tests.browser import serve, watch
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.browser
TILE_PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63"
                         "f8ffff3f0005fe02fea7d6a4e80000000049454e44ae426082")


def open_locator(browser, origin: str, path: str = "bul/", **context_options):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, **context_options)
    page = context.new_page()
    seen = watch(page, origin)
    tiles: list[str] = []

    def tile(route) -> None:  # type: ignore[no-untyped-def]
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=TILE_PNG)

    page.route("https://tile.openstreetmap.org/**", tile)  # registered last: matched before the guard
    return context, page, seen, tiles


@pytest.fixture(scope="module")
def real_origin(real_site: Path):  # type: ignore[no-untyped-def]
    with serve(real_site) as url:
        yield url


@pytest.fixture(scope="module")
def small_origin(small_site: Path):  # type: ignore[no-untyped-def]
    with serve(small_site) as url:
        yield url


POINTS = {"karsiyaka": (38.4600, 27.1200), "menemen": (38.6000, 27.0700), "tire": (38.0900, 27.7400)}


@pytest.mark.parametrize("where", list(POINTS))
def test_geolocation_puts_the_true_nearest_first(chromium, real_origin: str, where: str) -> None:
    lat, lon = POINTS[where]
    cat = catalog.derive(registry.load(ROOT / "data"))
    distances = {cid: geodesic((lat, lon), (p.lat, p.lon)).km for cid, p in cat.places.items()}
    nearest = min(distances.values())
    context, page, seen, _ = open_locator(chromium, real_origin, geolocation={"latitude": lat, "longitude": lon},
                                          permissions=["geolocation"])
    page.goto(real_origin + "bul/")
    page.click("[data-kdm-locate-button]")
    page.wait_for_selector(".kdm-result__distance:not(:empty)")
    first = page.locator(".kdm-result:not([hidden])").first
    first_id = first.get_attribute("data-id")
    assert distances[first_id] <= nearest + 0.01, (first_id, distances[first_id], nearest)
    assert first.is_visible()
    call = first.locator(".kdm-action--call")
    assert call.count() == 0 or call.is_visible()
    requests = [r for r in seen.foreign] + [page.url]
    assert not any(f"{lat}" in url or f"{lon}" in url for url in requests)
    context.close()
    assert seen.foreign == [] and seen.console_errors == []


def test_denied_geolocation_offers_the_district_picker(chromium, real_origin: str) -> None:
    context, page, _, _ = open_locator(chromium, real_origin, permissions=[])
    page.goto(real_origin + "en/bul/")
    page.click("[data-kdm-locate-button]")
    message = page.locator("[data-kdm-locate-message]")
    message.filter(has_text="Choose your district").wait_for()
    assert page.locator("[data-kdm-pick]").first.get_attribute("open") is not None
    assert page.evaluate("document.activeElement.matches('[data-kdm-district-select]')")
    page.select_option("[data-kdm-district-select]", label="Tire")
    assert page.locator(".kdm-result").first.get_attribute("data-id") == "tire-kadin-danisma"
    assert "Sorted by distance from Tire." in message.inner_text()
    context.close()


def test_without_javascript_district_links_lead_to_sorted_lists(chromium, real_origin: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(real_origin + "bul/")
    links = page.locator("[data-kdm-pick] .kdm-district-list a")
    assert links.count() == 30 and links.first.is_visible()  # the picker is open without JavaScript
    page.click(".kdm-district-list >> text=Menemen")
    assert page.url.endswith("/ilceler/menemen/")
    assert page.locator(".kdm-card__name").first.inner_text().startswith("Menemen")
    context.close()


# Europe/Istanbul is UTC+3 all year. The phone is set to New York to prove the zone does not matter.
CLOCK = [
    ("2026-11-23T06:00:00Z", "Open — closes at 12:00"),  # Monday 09:00
    ("2026-11-23T09:30:00Z", "Closed — opens today 13:00"),  # Monday 12:30, the lunch break
    ("2026-11-24T19:00:00Z", "Closed — opens tomorrow 08:30"),  # Tuesday 22:00
    ("2026-11-22T08:00:00Z", "Closed — opens tomorrow 08:30"),  # Sunday 11:00
    ("2026-11-20T19:00:00Z", "Closed — opens Monday 08:30"),  # Friday 22:00
    ("2026-10-29T07:00:00Z", "Closed today: Republic Day"),  # Thursday 29 October 10:00
    ("2026-10-28T08:00:00Z", "Open — closes at 13:00 today: Republic Day (from 1pm)"),  # Wednesday 11:00
    ("2026-10-28T11:00:00Z", "Closed today: Republic Day (from 1pm)"),  # Wednesday 14:00
]


@pytest.mark.parametrize(("instant", "expected"), CLOCK)
def test_open_now_in_istanbul_time(chromium, small_origin: str, instant: str, expected: str) -> None:
    context, page, seen, _ = open_locator(chromium, small_origin, timezone_id="America/New_York", locale="en-US")
    page.clock.set_fixed_time(instant)
    page.goto(small_origin + "en/bul/")
    assert page.locator("#merkez-ornek-konak .kdm-result__open").inner_text() == expected
    assert page.locator("#merkez-ornek-bornova .kdm-result__open").inner_text() == "Open 24 hours"
    assert page.locator("#merkez-ornek-urla .kdm-result__open").inner_text() == "Hours unknown — call first"
    page.goto(small_origin + "en/merkezler/ornek-konak/")
    assert page.locator("[data-kdm-open-now]").inner_text() == expected
    context.close()
    assert seen.console_errors == []


def test_transport_hints_are_shown(chromium, small_origin: str) -> None:
    context, page, _, _ = open_locator(chromium, small_origin)
    page.goto(small_origin + "en/bul/")
    hint = page.locator("#merkez-ornek-konak .kdm-result__transport")
    assert hint.inner_text() == "A 5-minute walk from Konak metro station."
    context.close()


def test_open_now_is_localized_in_arabic(chromium, small_origin: str) -> None:
    context, page, _, _ = open_locator(chromium, small_origin)
    page.clock.set_fixed_time("2026-11-24T19:00:00Z")
    page.goto(small_origin + "ar/bul/")
    assert page.locator("#merkez-ornek-konak .kdm-result__open").inner_text() == "مغلق — يفتح غداً الساعة 8:30 ص"
    context.close()


def test_filters_update_the_list_and_announce_the_count(chromium, small_origin: str) -> None:
    context, page, _, _ = open_locator(chromium, small_origin)
    page.clock.set_fixed_time("2026-11-23T06:00:00Z")
    page.goto(small_origin + "en/bul/")
    count = page.locator("[data-kdm-count]")
    assert count.get_attribute("aria-live") == "polite" and count.inner_text() == "4 centres"
    page.locator("[data-kdm-filters] summary").click()
    page.select_option("[data-kdm-filter='language']", label="Kurdish")
    assert count.inner_text() == "1 centre"
    page.select_option("[data-kdm-filter='language']", "")
    page.check("[data-kdm-filter='open']")
    assert count.inner_text() == "2 centres"  # Konak (Monday 09:00) and Bornova (24/7)
    assert page.locator(".kdm-result:not([hidden])").count() == 2
    context.close()


def test_arabic_locator_is_rtl_with_ltr_numbers_and_a_working_map(chromium, real_origin: str) -> None:
    context, page, seen, tiles = open_locator(chromium, real_origin)
    page.goto(real_origin + "ar/bul/", wait_until="load")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    frame = page.locator(".kdm-map__frame")
    assert frame.get_attribute("dir") == "ltr"
    numbers = page.locator(".kdm-result .kdm-tel")
    assert numbers.count() > 10
    assert page.evaluate("getComputedStyle(document.querySelector('.kdm-result .kdm-tel')).direction") == "ltr"
    assert page.locator("script[src*='leaflet']").count() == 0  # the map loads only when needed
    page.locator(".kdm-map").scroll_into_view_if_needed()
    page.wait_for_selector(".leaflet-interactive")
    assert page.locator(".leaflet-interactive").count() >= 10  # centers drawn from the JSON island
    assert page.evaluate("getComputedStyle(document.querySelector('.leaflet-container')).direction") == "ltr"
    page.wait_for_function("document.querySelectorAll('.leaflet-tile-loaded').length > 0")
    assert tiles and all(t.startswith("https://tile.openstreetmap.org/") for t in tiles)
    context.close()
    assert seen.foreign == [] and seen.console_errors == []


def test_the_page_stays_useful_when_tiles_fail(chromium, real_origin: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    watch(page, real_origin)  # aborts tile requests like any other host
    page.goto(real_origin + "bul/", wait_until="load")
    assert page.locator(".kdm-result .kdm-action--call").first.is_visible()
    context.close()


def test_show_on_map_focuses_the_center(chromium, small_origin: str) -> None:
    context, page, _, _ = open_locator(chromium, small_origin)
    page.goto(small_origin + "merkezler/ornek-konak/")
    page.click(".kdm-show-on-map")
    page.wait_for_selector(".leaflet-popup-content")
    assert page.locator(".leaflet-popup-content a").inner_text() == "Örnek Konak Merkezi"
    assert "kdm-result--focus" in page.locator("#merkez-ornek-konak").get_attribute("class")
    context.close()


def test_popups_are_text_even_for_hostile_names(chromium, site_builder, tmp_path_factory) -> None:
    from tests.hostile import write_registry

    data = write_registry(tmp_path_factory.mktemp("hostile-map"), FIXTURES)
    site = site_builder(data)
    with serve(site) as origin:
        context, page, seen, _ = open_locator(chromium, origin)
        page.goto(origin + "bul/#merkez=hostile")
        page.wait_for_selector(".leaflet-popup-content")
        assert "<img src=x onerror=alert(1)>" in page.locator(".leaflet-popup-content a").inner_text()
        context.close()
    assert seen.dialogs == [] and seen.console_errors == []
