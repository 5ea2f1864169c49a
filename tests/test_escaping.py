"""Invariant 4: every registry string is escaped wherever it lands. Hostile text renders as literal text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder import registry
from builder.languages import SITE_LANGUAGES, url_prefix
from tests.conftest import FIXTURE_TODAY, FIXTURES
from tests.hostile import NAME, PAYLOADS, write_registry
from tests.htmltools import find, parse, with_class


@pytest.fixture(scope="module")
def hostile_site(site_builder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = write_registry(tmp_path_factory.mktemp("hostile-data"), FIXTURES)
    registry.load(data, FIXTURE_TODAY)  # the corpus itself is a valid registry
    return site_builder(data)


def test_no_injected_markup_on_any_page(hostile_site: Path) -> None:
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for html_file in pages:
        for element in parse(html_file):
            assert element.tag != "iframe", html_file
            if element.tag == "img":
                assert element.attrs.get("src") != "x", html_file
            if element.tag == "script" and element.attrs.get("type") in ("application/json", "application/ld+json"):
                json.loads(element.text)  # data islands stay data: valid JSON, no raw "<" to break out
                assert "<" not in element.text, html_file
            elif element.tag == "script":
                assert "alert(1)" not in element.text, html_file
            for name, value in element.attrs.items():
                assert not name.startswith("on"), (html_file, element.tag, name)
                if name in ("href", "src"):
                    assert not value.strip().lower().startswith(("javascript:", "data:")), (html_file, value)


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_hostile_name_renders_as_literal_text(lang: str, hostile_site: Path) -> None:
    elements = parse(hostile_site / url_prefix(lang) / "merkezler" / "hostile" / "index.html")
    assert [h.text for h in find(elements, "h1")] == [NAME]
    assert NAME in find(elements, "title")[0].text
    center = with_class(elements, "kdm-center")[0]
    # Markdown would have turned "*emphasis* __strong__" into <em> and <strong>.
    assert not [e for e in elements if e.tag in ("em", "strong") and e.text in ("emphasis", "strong")]
    text = center.text
    for payload in PAYLOADS[:10]:
        assert payload.replace("\n", " ") in text.replace("\n", " ") or payload in text, payload


def test_hostile_strings_stay_text_in_lists_and_districts(hostile_site: Path) -> None:
    for path in ("ilceler/konak", "ilceler", "merkezler", ""):
        html_file = hostile_site / path / "index.html"
        text = " ".join(e.text for e in find(parse(html_file), "main"))
        assert "<img src=x onerror=alert(1)>" in text, path


def test_front_matter_cannot_be_injected(hostile_site: Path) -> None:
    title = find(parse(hostile_site / "ilceler" / "konak" / "index.html"), "title")[0].text
    assert "injected" in title and title.count("---") >= 2  # the whole string, shown, not parsed as YAML
