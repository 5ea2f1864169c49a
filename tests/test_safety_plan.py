"""The safety plan (content/rehber/guvenlik-plani*.md, assets/kdm/safety-plan.js): what she types is kept
nowhere: no storage, no cookie, no field filled again by Back, by the back-forward cache or by a reload; the
fields are not offered to autocomplete; and every language has the page with its fields."""

from __future__ import annotations

import pytest

from builder.languages import SITE_LANGUAGES, url_prefix
from tests.test_privacy import EMPTY, STORAGE

PLAN = "rehber/guvenlik-plani/"
SECRET = "Kod kelime: MAVİ KAPI, ablam 0532 000 00 00"


def values(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator("[data-kdm-plan-field]").evaluate_all("fields => fields.map(f => f.value)")


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_nothing_typed_is_kept(browse, real_origin: str, lang: str) -> None:
    page, _ = browse(real_origin)
    url = real_origin + url_prefix(lang) + PLAN
    page.goto(url, wait_until="load")
    fields = page.locator("[data-kdm-plan-field]")
    assert fields.count() >= 4
    assert fields.evaluate_all(
        "fs => fs.every(f => f.autocomplete === 'off' && f.getAttribute('spellcheck') === 'false')"
    )
    assert page.locator("[data-kdm-plan-print]").is_visible()
    for index in range(fields.count()):
        fields.nth(index).fill(f"{SECRET} {index}")
    assert all(v.startswith(SECRET) for v in values(page))
    assert page.evaluate(STORAGE) == EMPTY and page.context.cookies() == []
    # Away and Back (the back-forward cache may keep the page whole): empty.
    page.goto(real_origin + url_prefix(lang) + "rehber/", wait_until="load")
    page.go_back(wait_until="load")
    assert page.url == url and values(page) == [""] * fields.count()
    # A reload: empty.
    fields.first.fill(SECRET)
    page.reload(wait_until="load")
    assert values(page) == [""] * fields.count()
    assert page.evaluate(STORAGE) == EMPTY


def test_without_javascript_the_browser_restores_nothing(browse, real_origin: str) -> None:
    page, _ = browse(real_origin, java_script_enabled=False)
    page.goto(real_origin + PLAN, wait_until="load")
    page.locator("[data-kdm-plan-field]").first.fill(SECRET)
    page.goto(real_origin + "rehber/", wait_until="load")
    page.go_back(wait_until="load")
    assert values(page)[0] == ""  # autocomplete="off": the browser does not fill the field in again
