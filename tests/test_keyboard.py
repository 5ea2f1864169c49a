"""Keyboard, touch and text size on a phone (390x844), in every language.

- Tab from the top reaches the quick exit first, then the language switch, the locator's filters and its
  call buttons, in that order; every stop on the way is visibly focused (an outline or a box-shadow on
  :focus-visible) and not hidden behind the header or the quick-exit bar.
- Quick exit, call and directions buttons are at least 44x44 CSS px.
- At 200 % text the quick exit stays whole on screen and the bar covers nothing at the end of the page.
  "200 % text" is Chromium's default font size raised from 16 to 32 px through the DevTools protocol
  (Page.setFontSizes): what a reader's browser text-size setting does. Material sizes its type in rem from
  the root, so all text doubles (checked below: the label's computed font size is twice the normal one).
  Page zoom (CSS `zoom: 2`, which enlarges the layout too) is checked as well.
"""

from __future__ import annotations

from typing import Any

import pytest

from builder.languages import SITE_LANGUAGES
from tests.browser import PHONE
from tests.pagetypes import page_types

pytestmark = pytest.mark.browser

QUICK_EXIT = ".kdm-quick-exit__link"
LANGUAGE_SWITCH = ".md-header .md-select > button"
FILTERS = "[data-kdm-filters] > summary"
FILTER_CONTROLS = "[data-kdm-filter]"
CALL = ".kdm-action--call, .kdm-call"
DIRECTIONS = ".kdm-action--go"
MIN_TARGET = 44

# What the focused element looks like, and whether the reader can see it: the middle and two inner points
# of its box must hit the element itself, not the sticky header or the quick-exit bar drawn over it.
FOCUSED = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  const points = [[.5, .5], [.25, .3], [.75, .7]].map(([fx, fy]) => [r.left + r.width * fx, r.top + r.height * fy]);
  const seen = points.every(([x, y]) => {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === e || e.contains(hit));
  });
  return {
    html: e.outerHTML.slice(0, 120),
    focusVisible: e.matches(':focus-visible'),
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    shadow: s.boxShadow !== 'none',
    seen: seen,
  };
}"""


def tab_until(page: Any, selector: str, limit: int = 80) -> list[dict[str, Any]]:
    """Press Tab until the focused element matches `selector`; returns every stop on the way (inclusive)."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(FOCUSED) | {"match": page.evaluate("s => document.activeElement.matches(s)", selector)}
        )
        if stops[-1]["match"]:
            return stops
    raise AssertionError(f"{selector} not reached in {limit} Tab presses; last: {stops[-1]['html']}")


def assert_visibly_focused(stops: list[dict[str, Any]]) -> None:
    for stop in stops:
        assert stop["focusVisible"], stop["html"]
        assert stop["outline"] or stop["shadow"], f"no focus indicator: {stop['html']}"
        assert stop["seen"], f"focused but hidden (off screen or covered): {stop['html']}"


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_tab_order_on_the_locator(browse, real_origin: str, lang: str) -> None:
    # Reduced motion: Material then moves its drawer without a transition, so positions are final at once.
    page, _ = browse(real_origin, reduced_motion="reduce")
    page.goto(real_origin + ("" if lang == "tr" else f"{lang}/") + "bul/", wait_until="load")
    first = tab_until(page, QUICK_EXIT, limit=1)
    to_language = tab_until(page, LANGUAGE_SWITCH)
    to_filters = tab_until(page, FILTERS)
    page.keyboard.press("Enter")  # open the filters: their controls come next
    to_controls = [tab_until(page, FILTER_CONTROLS) for _ in range(page.locator(FILTER_CONTROLS).count())]
    to_call = tab_until(page, CALL)
    assert_visibly_focused(first + to_language + to_filters + [s for stops in to_controls for s in stops] + to_call)
    # A few more: the list keeps its focus visible and clear of the bar as the page scrolls.
    more = []
    for _ in range(3):
        more += tab_until(page, CALL)
    assert_visibly_focused(more)


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_tab_reaches_quick_exit_first_and_call_buttons_on_a_center_page(browse, real_origin: str, lang: str) -> None:
    page, _ = browse(real_origin, reduced_motion="reduce")
    page.goto(real_origin + ("" if lang == "tr" else f"{lang}/") + "merkezler/sonim-izmir/", wait_until="load")
    stops = tab_until(page, QUICK_EXIT, limit=1) + tab_until(page, LANGUAGE_SWITCH) + tab_until(page, CALL)
    assert_visibly_focused(stops)


TARGET_PAGES = ["", "bul/", "merkezler/sonim-izmir/", "ilceler/konak/"]


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
@pytest.mark.parametrize("width", [360, PHONE["width"]])
def test_tap_targets_are_at_least_44px(browse, real_origin: str, lang: str, width: int) -> None:
    sizes = """s => [...document.querySelectorAll(s)].filter(e => e.getClientRects().length)
                 .map(e => { const r = e.getBoundingClientRect();
                             return [e.className, e.textContent.trim().slice(0, 30), r.width, r.height]; })"""
    page, _ = browse(real_origin, viewport={"width": width, "height": PHONE["height"]})
    for path in TARGET_PAGES:
        page.goto(real_origin + ("" if lang == "tr" else f"{lang}/") + path, wait_until="load")
        targets = page.evaluate(sizes, f"{QUICK_EXIT}, {CALL}, {DIRECTIONS}")
        kinds = " ".join(t[0] for t in targets)
        assert "kdm-quick-exit__link" in kinds and "call" in kinds, path
        small = [t for t in targets if t[2] < MIN_TARGET or t[3] < MIN_TARGET]
        assert small == [], (path, small)
    # The locator draws directions buttons for centers with a known place.
    page.goto(real_origin + ("" if lang == "tr" else f"{lang}/") + "bul/", wait_until="load")
    assert page.locator(DIRECTIONS).count() > 0


# --- 200 % text ------------------------------------------------------------------------------------------

QUICK_EXIT_BOX = """() => {
  const link = document.querySelector('.kdm-quick-exit__link');
  const r = link.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
          fontSize: parseFloat(getComputedStyle(link).fontSize),
          clipped: link.scrollWidth > link.clientWidth + 1 || link.scrollHeight > link.clientHeight + 1,
          onTop: !!hit && (hit === link || link.contains(hit)), width: innerWidth, height: innerHeight};
}"""
# At the end of the page, the last thing drawn (Material's footer, or the content when there is none)
# must end above the bar: the bar reserves its own room rather than covering it.
END_CLEAR = """() => {
  window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'});
  const bar = document.querySelector('.kdm-quick-exit').getBoundingClientRect();
  const last = document.querySelector('.md-footer') || document.querySelector('.md-content');
  return last.getBoundingClientRect().bottom - bar.top;
}"""


def enlarge(page: Any, method: str) -> None:
    if method == "text":
        cdp = page.context.new_cdp_session(page)
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})  # Chromium's default: 16/13


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
@pytest.mark.parametrize("method", ["text", "page"])
def test_quick_exit_stays_on_screen_at_200_percent(browse, real_origin: str, lang: str, method: str) -> None:
    paths = [kind.path for kind in page_types() if kind.kind in ("home", "locator", "center", "guides", "safety")]
    page, _ = browse(real_origin)
    page.goto(real_origin + ("" if lang == "tr" else f"{lang}/"), wait_until="load")
    normal = page.evaluate(QUICK_EXIT_BOX)
    enlarge(page, method)
    for path in paths:
        page.goto(real_origin + ("" if lang == "tr" else f"{lang}/") + path, wait_until="load")
        if method == "page":
            page.add_style_tag(content="html { zoom: 2 }")
        box = page.evaluate(QUICK_EXIT_BOX)
        if method == "text":
            assert box["fontSize"] >= 2 * normal["fontSize"] - 0.5, (path, box, normal)  # really enlarged
        assert 0 <= box["left"] and box["right"] <= PHONE["width"], (path, box)
        assert 0 <= box["top"] and box["bottom"] <= PHONE["height"], (path, box)
        assert box["onTop"] and not box["clipped"], (path, box)
        assert page.evaluate(END_CLEAR) <= 1, f"{path}: the bar covers the end of the page"
