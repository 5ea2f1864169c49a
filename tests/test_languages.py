"""Five languages (issue 5): guides, fallbacks with a notice, review status, direction."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.languages import SITE_LANGUAGES, direction, url_prefix
from builder.site.i18n import load_strings
from tests.conftest import ROOT
from tests.htmltools import find, parse, with_class

GUIDES = sorted(p.stem for p in (ROOT / "content" / "rehber").glob("*.md") if len(p.suffixes) == 1)
STRINGS = load_strings(ROOT / "data" / "ui.yaml").table


def test_every_guide_exists_in_every_language() -> None:
    assert len(GUIDES) >= 11  # the eight guides, the glossary, the safety plan and their index
    for guide in GUIDES:
        for lang in SITE_LANGUAGES:
            suffix = "" if lang == "tr" else f".{lang}"
            assert (ROOT / "content" / "rehber" / f"{guide}{suffix}.md").is_file(), (guide, lang)


@pytest.mark.parametrize("lang", ["en", "ar", "ku", "fa"])
def test_an_untranslated_page_is_shown_in_turkish_with_a_notice_in_the_readers_language(
    small_site: Path, lang: str
) -> None:
    elements = parse(small_site / lang / "yalniz-turkce" / "index.html")  # tests/fixtures/content/
    notes = [e.text.strip() for e in with_class(elements, "kdm-translation-note")]
    assert notes == [STRINGS["translation.fallback"][lang]]
    assert find(elements, "html")[0].attrs["lang"] == lang  # the interface stays in her language


@pytest.mark.parametrize("lang", ["en", "ar", "ku", "fa"])
def test_unreviewed_translations_say_so(real_site: Path, lang: str) -> None:
    elements = parse(real_site / url_prefix(lang) / "rehber" / "koruma-karari" / "index.html")
    notes = [e.text.strip() for e in with_class(elements, "kdm-translation-note")]
    assert notes == [STRINGS["translation.pending"][lang]]
    turkish = parse(real_site / "rehber" / "koruma-karari" / "index.html")
    assert not with_class(turkish, "kdm-translation-note")


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_direction_and_left_to_right_numbers(real_site: Path, lang: str) -> None:
    for path in ("", "rehber/acil/", "merkezler/izmir-barosu-kadin-haklari/"):
        elements = parse(real_site / url_prefix(lang) / path / "index.html")
        assert find(elements, "body")[0].attrs["dir"] == direction(lang)
        assert find(elements, "html")[0].attrs["lang"] == lang
    if direction(lang) == "rtl":
        center = parse(real_site / url_prefix(lang) / "merkezler" / "izmir-barosu-kadin-haklari" / "index.html")
        numbers = with_class(center, "kdm-tel")
        assert numbers and all(n.attrs.get("dir") == "ltr" for n in numbers)
        guide = parse(real_site / url_prefix(lang) / "rehber" / "acil" / "index.html")
        tel = [e for e in guide if e.tag == "a" and e.attrs.get("href", "").startswith("tel:")]
        assert tel and all(e.attrs.get("dir") == "ltr" for e in tel), lang
