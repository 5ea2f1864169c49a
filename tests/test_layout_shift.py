"""Stable layout on a phone: cumulative layout shift (CLS) at most 0.02 on every page type in every language,
measured in Chromium with a `layout-shift` PerformanceObserver (tests/browser.py `layout_shift`) from the first
frame, at 360 px (the narrowest common phone). The tour over every page type and language is the sub-path one
(tests/test_subpath.py: one visit checks requests and shifts); here the locator, whose script draws its list,
at 400 px too, and the proof that the measure sees a shift.

"Good" in Core Web Vitals is 0.1; 0.02 leaves room for nothing but sub-pixel movement. A page that shifts is
fixed where it is drawn: the locator and the search page are laid out as their scripts will leave them from the
first frame (assets/kdm/locator.css, site.css).
"""

from __future__ import annotations

import pytest

from builder.languages import SITE_LANGUAGES
from tests.browser import layout_shift
from tests.pagetypes import page_types

pytestmark = pytest.mark.browser

CLS_LIMIT = 0.02
LOCATOR = next(kind for kind in page_types() if kind.kind == "locator")


# The list shows what is open now and today's holiday: it must hold still on any day (make test-clocks).
@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_the_locator_holds_still_on_a_wider_phone(browse, real_origin: str, lang: str) -> None:
    page, _ = browse(real_origin, viewport={"width": 400, "height": 780})
    page.goto(LOCATOR.url(real_origin, lang), wait_until="load")
    total, shifts = layout_shift(page)
    assert total <= CLS_LIMIT, f"CLS {total:.3f}: {shifts}"


def test_the_measure_sees_a_shift(browse, real_origin: str) -> None:
    """Not vacuous: a block inserted above the content, after the first frame, is measured."""
    page, _ = browse(real_origin, viewport={"width": 360, "height": 780})
    page.goto(real_origin + "merkezler/", wait_until="load")
    page.evaluate("""() => new Promise(done => requestAnimationFrame(() => setTimeout(() => {
        document.querySelector('article').insertAdjacentHTML('afterbegin', '<div style="height:300px"></div>');
        done();
    }, 50)))""")
    total, _ = layout_shift(page)
    assert total > 0.1
