"""The locator (issue 3): nearest first from the phone's position, districts without GPS or JavaScript,
open now in Europe/Istanbul time whatever the phone's time zone, the map, and no position leaving the page."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic

from builder import registry
from builder.languages import url_prefix
from builder.site import catalog
from tests.browser import load_map, serve, slow_phone
from tests.conftest import FIXTURES, REAL_TODAY, ROOT

pytestmark = pytest.mark.browser


POINTS = {"karsiyaka": (38.4600, 27.1200), "menemen": (38.6000, 27.0700), "tire": (38.0900, 27.7400)}


@pytest.mark.parametrize("where", list(POINTS))
def test_geolocation_puts_the_true_nearest_first(browse, real_origin: str, where: str) -> None:
    lat, lon = POINTS[where]
    cat = catalog.derive(registry.load(ROOT / "data", REAL_TODAY), REAL_TODAY)
    distances = {cid: geodesic((lat, lon), (p.lat, p.lon)).km for cid, p in cat.places.items()}
    nearest = min(distances.values())
    page, seen = browse(real_origin, geolocation={"latitude": lat, "longitude": lon}, permissions=["geolocation"])
    page.goto(real_origin + "bul/")
    page.click("[data-kdm-locate-button]")
    page.wait_for_selector(".kdm-result__distance:not(:empty)")
    first = page.locator(".kdm-result:not([hidden])").first
    first_id = first.get_attribute("data-id")
    assert distances[first_id] <= nearest + 0.01, (first_id, distances[first_id], nearest)
    assert first.is_visible()
    call = first.locator(".kdm-action--call")
    assert call.count() == 0 or call.is_visible()
    requests = [*seen.foreign, *seen.tiles, page.url]
    assert not any(f"{lat}" in url or f"{lon}" in url for url in requests)


def test_on_a_slow_phone_the_first_tap_on_the_location_button_works(browse, real_origin: str) -> None:
    """The button takes its place before the script has come (no layout shift) but shows only once the script
    listens: on slow 4G with a 4x slower CPU (as benchmarks/phone.py and Lighthouse's phone), a tap the moment
    it shows finds the nearest center."""
    lat, lon = POINTS["karsiyaka"]
    page, _ = browse(real_origin, geolocation={"latitude": lat, "longitude": lon}, permissions=["geolocation"])
    slow_phone(page)
    page.goto(real_origin + "bul/", wait_until="commit")
    page.locator("[data-kdm-locate-button]").click(timeout=60_000)  # as soon as it is visible and stable
    page.locator(".kdm-result:not([hidden]) .kdm-result__distance:not(:empty)").first.wait_for(timeout=60_000)


def test_denied_geolocation_offers_the_district_picker(browse, real_origin: str) -> None:
    page, _ = browse(real_origin, permissions=[])
    page.goto(real_origin + "en/bul/")
    page.click("[data-kdm-locate-button]")
    message = page.locator("[data-kdm-locate-message]")
    message.filter(has_text="Choose your district").wait_for()
    assert page.locator("[data-kdm-pick]").first.get_attribute("open") is not None
    assert page.evaluate("document.activeElement.matches('[data-kdm-district-select]')")
    page.select_option("[data-kdm-district-select]", label="Tire")
    assert page.locator(".kdm-result").first.get_attribute("data-id") == "tire-kadin-danisma"
    assert "Sorted by distance from Tire." in message.inner_text()


def test_without_javascript_district_links_lead_to_sorted_lists(browse, real_origin: str) -> None:
    page, _ = browse(real_origin, java_script_enabled=False)
    page.goto(real_origin + "bul/")
    links = page.locator("[data-kdm-pick] .kdm-district-list a")
    assert links.count() == 30 and links.first.is_visible()  # the picker is open without JavaScript
    page.click(".kdm-district-list >> text=Menemen")
    assert page.url.endswith("/ilceler/menemen/")
    assert page.locator(".kdm-card__name").first.inner_text().startswith("Menemen")


def test_a_script_that_never_comes_leaves_the_page_without_javascript(browse, real_origin: str) -> None:
    """With JavaScript on, locator.css lays the page out as locator.js will (no layout shift); if the script
    never arrives, the load event ends that and the district picker is open, as without JavaScript."""
    page, _ = browse(real_origin)
    page.route("**/kdm/locator.js", lambda route: route.abort())
    page.goto(real_origin + "bul/", wait_until="load")
    links = page.locator("[data-kdm-pick] .kdm-district-list a")
    links.first.wait_for(state="visible")
    assert links.count() == 30
    assert page.locator("[data-kdm-locate]").is_hidden()  # no button that nothing would answer


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
def test_open_now_in_istanbul_time(browse, small_origin: str, instant: str, expected: str) -> None:
    page, _ = browse(small_origin, timezone_id="America/New_York", locale="en-US")
    page.clock.set_fixed_time(instant)
    page.goto(small_origin + "en/bul/")
    assert page.locator("#merkez-ornek-konak .kdm-result__open").inner_text() == expected
    assert page.locator("#merkez-ornek-bornova .kdm-result__open").inner_text() == "Open 24 hours"
    assert page.locator("#merkez-ornek-urla .kdm-result__open").inner_text() == "Hours unknown — call first"
    page.goto(small_origin + "en/merkezler/ornek-konak/")
    assert page.locator("[data-kdm-open-now]").inner_text() == expected


def test_transport_hints_are_shown(browse, small_origin: str) -> None:
    page, _ = browse(small_origin)
    page.goto(small_origin + "en/bul/")
    hint = page.locator("#merkez-ornek-konak .kdm-result__transport")
    assert hint.inner_text() == "A 5-minute walk from Konak metro station."


def test_open_now_is_localized_in_arabic(browse, small_origin: str) -> None:
    page, _ = browse(small_origin)
    page.clock.set_fixed_time("2026-11-24T19:00:00Z")
    page.goto(small_origin + "ar/bul/")
    assert page.locator("#merkez-ornek-konak .kdm-result__open").inner_text() == "مغلق — يفتح غداً الساعة 8:30 ص"


def test_filters_update_the_list_and_announce_the_count(browse, small_origin: str) -> None:
    page, _ = browse(small_origin)
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


def test_arabic_locator_is_rtl_with_ltr_numbers_and_a_working_map(browse, real_origin: str) -> None:
    page, seen = browse(real_origin)
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
    drawn = page.evaluate("() => window.marker_cluster_kdm.getLayers().length")
    assert drawn >= 10  # centers drawn from the JSON island (close ones in clusters)
    assert page.evaluate("getComputedStyle(document.querySelector('.leaflet-container')).direction") == "ltr"
    load_map(page)
    assert seen.tiles and all(t.startswith("https://tile.openstreetmap.org/") for t in seen.tiles)


@pytest.mark.parametrize("lang", ["tr", "ar"])
def test_the_map_markers_take_the_keyboard(browse, small_origin: str, lang: str) -> None:
    """Every center on the map is a marker reached by Tab and opened by Enter, named by the center's name: the
    exact places and the ones known only roughly (a ring inside their area) alike."""
    page, _ = browse(small_origin)
    page.goto(small_origin + url_prefix(lang) + "bul/", wait_until="load")
    page.locator("[data-kdm-map]").scroll_into_view_if_needed()
    page.wait_for_selector(".kdm-pin--area")
    pins = page.locator(".kdm-pin")
    assert page.locator(".kdm-pin--exact").count() >= 1 and page.locator(".kdm-pin--area").count() >= 1
    for index in range(pins.count()):
        pin = pins.nth(index)
        assert pin.get_attribute("role") == "button" and pin.get_attribute("tabindex") == "0"
        pin.focus()
        assert page.evaluate("document.activeElement.classList.contains('kdm-pin')")
        page.keyboard.press("Enter")
        title = pin.get_attribute("title")
        assert title
        # the popup named by the pin opens (the one before fades out over 200 ms)
        page.locator(".leaflet-popup-content a").filter(has_text=title).wait_for()


def test_the_page_stays_useful_when_tiles_fail(browse, real_origin: str) -> None:
    page, seen = browse(real_origin, tiles="fail")  # the tile server is down
    page.goto(real_origin + "bul/", wait_until="load")
    page.locator("[data-kdm-map]").scroll_into_view_if_needed()
    page.wait_for_selector(".leaflet-interactive")
    assert page.locator(".kdm-result .kdm-action--call").first.is_visible()
    assert seen.tiles_refused


def test_show_on_map_focuses_the_center(browse, small_origin: str) -> None:
    page, _ = browse(small_origin)
    page.goto(small_origin + "merkezler/ornek-konak/")
    page.click(".kdm-show-on-map")
    page.wait_for_selector(".leaflet-popup-content")
    assert page.locator(".leaflet-popup-content a").inner_text() == "Örnek Konak Merkezi"
    assert "kdm-result--focus" in page.locator("#merkez-ornek-konak").get_attribute("class")


def test_popups_are_text_even_for_hostile_names(browse, site_builder, tmp_path_factory) -> None:
    from tests.hostile import write_registry

    data = write_registry(tmp_path_factory.mktemp("hostile-map"), FIXTURES)
    site = site_builder(data)
    with serve(site) as origin:
        page, seen = browse(origin)
        page.goto(origin + "bul/#merkez=hostile")
        page.wait_for_selector(".leaflet-popup-content")
        assert "<img src=x onerror=alert(1)>" in page.locator(".leaflet-popup-content a").inner_text()
        assert seen.dialogs == [] and seen.console_errors == []


@pytest.mark.parametrize("control", ["walkin", "noid", "wheelchair"])
def test_access_filters_say_what_they_hide_for_want_of_an_answer(browse, small_origin: str, control: str) -> None:
    page, _ = browse(small_origin)
    page.goto(small_origin + "en/bul/")
    page.locator("[data-kdm-filters] summary").click()
    note = page.locator("[data-kdm-hidden-unknown]")
    assert note.is_hidden()
    page.check(f"[data-kdm-filter='{control}']")
    # Only ornek-konak says yes (walk in, no ID, wheelchair); the three others do not say: unknown, not no.
    assert page.locator("[data-kdm-count]").inner_text() == "1 centre"
    assert page.locator(".kdm-result:not([hidden])").first.get_attribute("data-id") == "ornek-konak"
    assert note.is_visible() and note.inner_text().startswith("3 more centres are not shown")
    assert "Unknown does not mean no" in note.inner_text()
    page.uncheck(f"[data-kdm-filter='{control}']")
    assert note.is_hidden() and page.locator("[data-kdm-count]").inner_text() == "4 centres"
