"""One tap to call, on every page (DESIGN.md): every built page, in every language, carries call links to 112
and ALO 183; and every national or city line that visible text names (112, 183, 153, 155, 156, 157) is itself
a call link. Quoted sources (<blockquote>, <q>) are evidence, not advice, and stay as written."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

SHORT = re.compile(r"(?<![\d.,/])(112|183|153|155|156|157)(?!\d)(?![.,]\d)")
OUTSIDE_TEXT = {"head", "script", "style", "template", "svg", "noscript", "a", "blockquote", "q"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Text(HTMLParser):
    """Visible text runs outside links (and outside the head, scripts and quotes)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.bare: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not OUTSIDE_TEXT.intersection(self.open) and SHORT.search(data):
            self.bare.append(" ".join(data.split())[:160])


def bare_numbers(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.bare


def test_the_scanner_sees_a_bare_number_and_lets_a_link_pass() -> None:
    assert bare_numbers("<p>ALO 183'ü arayın</p>") == ["ALO 183'ü arayın"]
    assert bare_numbers('<p><a href="tel:183">ALO 183</a>; 6284, 1.153 ve 2183</p>') == []
    assert bare_numbers("<p>اتصلي بالرقم 155 و156</p>") == ["اتصلي بالرقم 155 و156"]
    assert bare_numbers("<blockquote>Alo 153’ün çağrılarını</blockquote>") == []


@pytest.mark.build  # the site is asked for by name (getfixturevalue)
@pytest.mark.parametrize("site_name", ["real_site", "small_site"])
def test_every_page_calls_112_and_183_and_links_every_line_it_names(
    site_name: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(site_name)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    missing, bare = {}, {}
    for path in pages:
        html = path.read_text(encoding="utf-8")
        calls = set(re.findall(r'href="tel:(\d+)"', html))
        if not {"112", "183"} <= calls:
            missing[str(path.relative_to(site))] = sorted({"112", "183"} - calls)
        found = bare_numbers(html)
        if found:
            bare[str(path.relative_to(site))] = found
    assert missing == {}
    assert bare == {}
