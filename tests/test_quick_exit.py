"""Invariant 1: quick exit on every page, in every language, first focusable, working without JavaScript.

Static checks cover every built page; browser checks (Playwright + Debian's chromium) cover behaviour:
click, Shift x3 with either Shift key or a mix, Shift used for capitals, JavaScript off, a theme bundle
that never arrives, Back after leaving, and the back/forward cache."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.languages import SITE_LANGUAGES, url_prefix
from builder.site.i18n import load_strings
from tests.browser import NEUTRAL, serve
from tests.conftest import ROOT
from tests.htmltools import parse, with_class

QUICK_EXIT_URL = yaml.safe_load(
    (ROOT / "mkdocs.yml")
    .read_text(encoding="utf-8")
    .split("\nextra_css:")[0]
    .split("\nextra:\n", 1)[1]
    .join(["extra:\n", ""])
)["extra"]["quick_exit_url"]
FOCUSABLE = {"a", "button", "input", "select", "textarea"}
LABELS = load_strings(ROOT / "data" / "ui.yaml").table["quick_exit.label"]


def first_focusable(html_file: Path):  # type: ignore[no-untyped-def]
    for element in parse(html_file):
        if element.tag not in FOCUSABLE or element.attrs.get("tabindex") == "-1":
            continue
        if element.tag == "a" and "href" not in element.attrs:
            continue
        if (
            element.tag == "input"
            and element.attrs.get("type") in ("hidden", "checkbox")
            and "md-toggle" in element.attrs.get("class", "")
        ):
            continue  # Material's drawer and search toggles are display:none
        return element
    return None


def test_every_page_starts_with_the_quick_exit_link(real_site: Path) -> None:
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 150
    for html_file in pages:
        link = first_focusable(html_file)
        assert link is not None and "kdm-quick-exit__link" in link.attrs.get("class", ""), html_file
        assert link.attrs["href"] == QUICK_EXIT_URL
        assert set(link.attrs["rel"].split()) == {"nofollow", "noreferrer"}


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_label_and_screen_reader_strings_are_in_the_page_language(lang: str, real_site: Path) -> None:
    elements = parse(real_site / url_prefix(lang) / "index.html")
    root = next(e for e in elements if "data-kdm-quick-exit" in e.attrs)
    link = with_class(elements, "kdm-quick-exit__link")[0]
    assert link.text.startswith(LABELS[lang])  # visible words first: voice control matches them
    for key in ("press-two-more", "press-one-more", "timed-out", "activated"):
        assert root.attrs[f"data-i18n-{key}"].strip()
    if lang != "en":
        assert root.attrs["data-i18n-activated"] != "Leaving."


# --- behaviour in a browser --------------------------------------------------------------------------------

pytest_browser = pytest.mark.browser


@pytest.fixture(scope="module")
def origin(real_site: Path):  # type: ignore[no-untyped-def]
    with serve(real_site) as url:
        yield url


@pytest.fixture
def tab(browse, origin: str):  # type: ignore[no-untyped-def]
    return browse(origin, stubs={QUICK_EXIT_URL: NEUTRAL})


@pytest_browser
@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_first_tab_reaches_the_quick_exit(tab, origin: str, lang: str) -> None:
    page, _ = tab
    for path in ("", "merkezler/", "ilceler/konak/", "merkezler/sonim-izmir/"):
        page.goto(origin + url_prefix(lang) + path)
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert "kdm-quick-exit__link" in focused, path
        box = page.locator(".kdm-quick-exit__link").bounding_box()
        assert box and box["y"] + box["height"] <= 844 and box["height"] >= 44 and box["width"] >= 44


@pytest_browser
def test_click_replaces_the_page_in_history(tab, origin: str) -> None:
    page, _ = tab
    page.goto(origin + "ilceler/")
    page.goto(origin + "merkezler/sonim-izmir/")
    page.click(".kdm-quick-exit__link")
    page.wait_for_url(QUICK_EXIT_URL)
    assert page.title() == "neutral"
    page.go_back()
    assert page.url == origin + "ilceler/"  # the exited page is not one Back press away
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("document.documentElement.classList.contains('kdm-quick-exit-active')") is False


@pytest_browser
@pytest.mark.parametrize(
    "keys",
    [["ShiftLeft"] * 3, ["ShiftRight"] * 3, ["ShiftLeft", "ShiftRight", "ShiftLeft"]],
    ids=["left", "right", "mixed"],
)
def test_shift_three_times_leaves(tab, origin: str, keys: list[str]) -> None:
    page, _ = tab
    page.goto(origin + "en/merkezler/sonim-izmir/")
    status = page.locator("[data-kdm-quick-exit-status]")
    page.keyboard.press(keys[0])
    assert status.inner_text() == "Shift, press 2 more times to exit."
    page.keyboard.press(keys[1])
    assert status.inner_text() == "Shift, press 1 more time to exit."
    page.keyboard.press(keys[2])
    page.wait_for_url(QUICK_EXIT_URL)


@pytest_browser
def test_both_shift_keys_together_count_once_and_capitals_do_not_count(tab, origin: str) -> None:
    page, _ = tab
    page.goto(origin + "en/")
    page.keyboard.down("ShiftLeft")
    page.keyboard.down("ShiftRight")
    page.keyboard.up("ShiftLeft")
    page.keyboard.up("ShiftRight")
    assert page.locator("[data-kdm-quick-exit-status]").inner_text() == "Shift, press 2 more times to exit."
    page.keyboard.press("Shift+KeyA")  # typing a capital letter: resets, and is not a press
    page.keyboard.press("Shift+KeyB")
    assert page.locator("[data-kdm-quick-exit-status]").inner_text() == "Quick exit cancelled."
    page.keyboard.press("ShiftLeft")
    page.keyboard.press("ShiftLeft")
    assert page.url.startswith(origin)  # only two clean presses since the reset
    page.keyboard.press("ShiftRight")
    page.wait_for_url(QUICK_EXIT_URL)


@pytest_browser
def test_content_is_hidden_and_title_blanked_at_once(tab, origin: str) -> None:
    page, _ = tab
    page.goto(origin + "merkezler/sonim-izmir/")
    # Read the page in the same task as the click, before the neutral page can arrive.
    state = page.evaluate("""() => {
        document.querySelector('.kdm-quick-exit__link').click();
        return [getComputedStyle(document.body).visibility, document.title];
    }""")
    assert state == ["hidden", "\u200b"]
    page.wait_for_url(QUICK_EXIT_URL)


@pytest_browser
def test_pageshow_from_the_back_forward_cache_restores_the_page(tab, origin: str) -> None:
    page, _ = tab
    page.goto(origin + "merkezler/sonim-izmir/")
    page.evaluate("document.documentElement.classList.add('kdm-quick-exit-active'); document.title='\\u200b'")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert page.evaluate("getComputedStyle(document.body).visibility") == "visible"


@pytest_browser
def test_works_without_javascript(browse, origin: str) -> None:
    page, _ = browse(origin, java_script_enabled=False, stubs={QUICK_EXIT_URL: NEUTRAL})
    page.goto(origin + "ar/merkezler/sonim-izmir/")
    page.click(".kdm-quick-exit__link")
    page.wait_for_url(QUICK_EXIT_URL)


@pytest_browser
def test_works_while_the_theme_bundle_is_still_loading(browse, origin: str) -> None:
    page, _ = browse(origin, stubs={QUICK_EXIT_URL: NEUTRAL})
    held = []
    page.route("**/assets/javascripts/bundle.*.js", lambda route: held.append(route))  # never answered
    with page.expect_request(lambda request: "/assets/javascripts/bundle." in request.url):
        page.goto(origin + "merkezler/sonim-izmir/", wait_until="commit")
    page.wait_for_selector(".kdm-quick-exit__link")
    assert page.evaluate("document.readyState") == "loading"  # the parser still waits for the bundle
    assert held, "the bundle request was not seen"
    page.keyboard.press("ShiftLeft")
    page.keyboard.press("ShiftLeft")
    page.keyboard.press("ShiftLeft")
    page.wait_for_url(QUICK_EXIT_URL)


# 400% zoom of a 1280x1024 window: 320x256 CSS pixels (WCAG 1.4.10, reflow).
ZOOM_400 = {"width": 320, "height": 256}


@pytest_browser
@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_at_400_percent_zoom_the_bar_is_usable_and_covers_nothing(browse, origin: str, lang: str) -> None:
    page, _ = browse(origin, viewport=ZOOM_400, stubs={QUICK_EXIT_URL: NEUTRAL})
    page.goto(origin + url_prefix(lang) + "merkezler/sonim-izmir/", wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= ZOOM_400["width"], "the page scrolls sideways"
    bar = page.locator(".kdm-quick-exit").bounding_box()
    link = page.locator(".kdm-quick-exit__link").bounding_box()
    assert bar is not None and link is not None
    # On screen, whole, at the bottom, and no more than a third of the screen.
    assert bar["y"] + bar["height"] <= ZOOM_400["height"] + 0.5 and bar["height"] <= ZOOM_400["height"] / 3
    assert link["x"] >= 0 and link["x"] + link["width"] <= ZOOM_400["width"] and link["height"] >= 44
    # At the end of the page the last of its content (the footer) ends above the bar: it hides nothing.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    footer = page.locator(".md-footer").bounding_box()
    bar = page.locator(".kdm-quick-exit").bounding_box()
    assert footer is not None and bar is not None
    assert footer["y"] + footer["height"] <= bar["y"] + 0.5
    page.click(".kdm-quick-exit__link")
    page.wait_for_url(QUICK_EXIT_URL)
