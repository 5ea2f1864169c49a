"""Printable district sheets (issue 6): one A4 page per district and language, for paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.languages import SITE_LANGUAGES, url_prefix
from tests.htmltools import parse, with_class


def test_every_district_has_a_sheet_linked_from_its_page(real_site: Path) -> None:
    for lang in SITE_LANGUAGES:
        for district in (real_site / url_prefix(lang) / "ilceler").iterdir():
            if not (district / "index.html").is_file() or district.name == "index.html":
                continue
            link = with_class(parse(district / "index.html"), "kdm-sheet-link")
            if not link:
                continue  # the districts index
            sheet = real_site / url_prefix(lang) / "cikti" / district.name / "index.html"
            assert sheet.is_file(), sheet
            text = sheet.read_text(encoding="utf-8")
            assert "112" in text and "183" in text


@pytest.mark.browser
# A sheet grows as its evidence ages (notices of old sources): it must fit on any day (make test-clocks).
@pytest.mark.parametrize(("lang", "district"), [("tr", "karsiyaka"), ("ar", "konak"), ("fa", "buca"), ("en", "tire")])
def test_a_sheet_prints_on_one_a4_page_without_the_screen_furniture(
    real_origin: str, browse, lang: str, district: str
) -> None:
    origin = real_origin
    page, _ = browse(origin, viewport=None)
    page.goto(f"{origin}{url_prefix(lang)}cikti/{district}/")
    page.emulate_media(media="print")
    assert page.locator(".kdm-quick-exit").is_hidden()
    assert page.locator(".md-header").is_hidden()
    assert page.locator("[data-kdm-print-url]").inner_text().endswith(f"cikti/{district}/")
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"{lang}/{district}: {pages} pages"
