"""Invariants 2 and 3 in a browser: nothing requested from another host, nothing stored on the device.

A tour of every page of the real site in every language, the language switch and a search."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import serve

pytestmark = pytest.mark.browser

STORAGE = """async () => ({
  local: localStorage.length,
  session: sessionStorage.length,
  cookies: document.cookie,
  workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  caches: (await caches.keys()).length,
})"""
EMPTY = {"local": 0, "session": 0, "cookies": "", "workers": 0, "databases": 0, "caches": 0}


@pytest.mark.timeout(900)  # every page in five languages (~600): about two minutes alone, more on a busy machine
def test_full_tour_requests_nothing_elsewhere_and_stores_nothing(real_site: Path, browse) -> None:
    pages = sorted(p.relative_to(real_site).parent.as_posix() for p in real_site.rglob("index.html"))
    assert len(pages) > 150
    with serve(real_site) as origin:
        page, seen = browse(origin)
        for path in pages:
            page.goto(origin + ("" if path == "." else path + "/"), wait_until="load")
        # Switch language through Material's selector, as a reader would.
        page.goto(origin + "en/merkezler/sonim-izmir/")
        page.locator("a[hreflang='ar']").first.dispatch_event("click")
        page.wait_for_url("**/ar/**")
        # Search, and the locator with a district chosen and filters used.
        page.goto(origin + "ara/")
        page.locator("input[type=search]").fill("danisma")
        page.wait_for_selector("[data-kdm-search-results] li")
        page.goto(origin + "bul/")
        page.locator("[data-kdm-pick] summary").first.click()
        page.select_option("[data-kdm-district-select]", label="Buca")
        page.locator("[data-kdm-filters] summary").click()
        page.check("[data-kdm-filter='open']")
        assert page.evaluate(STORAGE) == EMPTY
        assert page.context.cookies() == []
        assert seen.foreign == []  # and the rest of the watch, at teardown
