"""Accessibility gate: axe-core (axe-playwright-python) finds no WCAG 2.2 A/AA violation on any page type, in
any language, in the states a reader sees: the locator's list and its map (tiles stubbed), the search page
with results, phone and laptop widths.

No rule is disabled. A violation is fixed in site_overrides (site.css, partials, main.html blocks) or, when
it comes from the builder's templates, reported there."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from builder.languages import RTL, SITE_LANGUAGES
from tests.browser import load_map, search
from tests.pagetypes import SEARCH_QUERY, PageType, page_types

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
AXE = Axe()

# Every page type, and the locator a second time with its map loaded.
STATES = [(kind, "") for kind in page_types()]
STATES.insert(2, (next(k for k in page_types() if k.kind == "locator"), "map"))
STATE_IDS = [kind.slug() + (f"-{state}" if state else "") for kind, state in STATES]


def report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{', '.join(t for t in v['tags'] if 'wcag' in t)}]")
        for node in v["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {node.get('failureSummary', '').replace(chr(10), ' ')[:300]}")
    return "\n".join(lines)


def check(page: Any, kind: PageType, lang: str, origin: str, state: str) -> list[dict[str, Any]]:
    page.goto(kind.url(origin, lang), wait_until="load")
    if state == "map":
        load_map(page)
    if kind.kind == "search":
        search(page, SEARCH_QUERY)
    return AXE.run(page, options=OPTIONS).response["violations"]


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
@pytest.mark.parametrize(("kind", "state"), STATES, ids=STATE_IDS)
def test_no_wcag_violations_on_a_phone(browse, real_origin: str, kind: PageType, state: str, lang: str) -> None:
    page, seen = browse(real_origin)
    violations = check(page, kind, lang, real_origin, state)
    assert violations == [], report(violations)
    if state == "map":
        assert seen.tiles, "the map asked for no tile: it was not loaded"


# The laptop layout (sidebar navigation, quick exit in the header) in one left-to-right and every
# right-to-left language.
@pytest.mark.parametrize("lang", ["tr", *sorted(RTL)])
@pytest.mark.parametrize(("kind", "state"), STATES, ids=STATE_IDS)
def test_no_wcag_violations_on_a_laptop(browse, real_origin: str, kind: PageType, state: str, lang: str) -> None:
    page, _ = browse(real_origin, viewport={"width": 1280, "height": 800})
    violations = check(page, kind, lang, real_origin, state)
    assert violations == [], report(violations)


def test_the_gate_runs_the_wcag_rules_and_catches_a_violation(browse, real_origin: str) -> None:
    """The harness is not vacuous: WCAG 2.2 rules are selected (target-size is 2.2 AA), and a planted fault
    (an unnamed image link, low-contrast text) is reported."""
    page, _ = browse(real_origin)
    page.goto(real_origin + "en/", wait_until="load")
    page.evaluate(AXE.axe_script)
    rules = set(page.evaluate("tags => axe.getRules(tags).map(r => r.ruleId)", WCAG_TAGS))
    assert {"color-contrast", "link-in-text-block", "target-size", "label", "link-name"} <= rules
    page.evaluate("""() => {
        const main = document.querySelector('main');
        main.insertAdjacentHTML('beforeend',
          '<a href="#x"><img src="data:," width="30" height="30"></a><p style="color:#bbb">faint</p>');
    }""")
    found = {v["id"] for v in AXE.run(page, options=OPTIONS).response["violations"]}
    assert {"link-name", "color-contrast"} <= found
