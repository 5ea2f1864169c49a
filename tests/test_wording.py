"""The editors' words (builder/registry/wording.yaml): every message in Turkish and English with the same
blanks, every key the code names exists, and every message in the catalogue is said somewhere."""

from __future__ import annotations

import re
import string

import pytest

from builder.registry.evidence import FACTS
from builder.registry.wording import MESSAGES, Say, say
from tests.conftest import ROOT

CODE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "builder").rglob("*.py")))
# Keys the code builds from a name: f"fact.{fact}", f"noun.{noun}", the reasons of checks.LIMITS.
BUILT = {f"fact.{fact}" for fact in FACTS} | {f"noun.{n}" for n in ("center", "hotline", "district", "string")}


def _blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_have_the_same_blanks(key: str) -> None:
    turkish, english = MESSAGES[key]
    assert turkish.strip() and english.strip()
    assert _blanks(turkish) == _blanks(english), key


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named = set(re.findall(r"""\bSay\(\s*["']([\w.]+)["']""", CODE))
    named |= set(re.findall(r"""\bsay\(\s*["']([\w.]+)["']""", CODE))
    assert named - set(MESSAGES) == set()


def test_every_message_of_the_catalogue_is_used() -> None:
    quoted = set(re.findall(r"""["']([a-z0-9_]+(?:\.[a-z0-9_]+)*)["']""", CODE))
    unused = sorted(k for k in MESSAGES if k not in quoted and k not in BUILT)
    assert unused == []


def test_an_unknown_key_is_a_programming_error() -> None:
    with pytest.raises(KeyError, match=r"wording\.yaml"):
        Say("no.such.message")


def test_values_are_said_in_the_same_language() -> None:
    nested = Say("src.none", fact=Say("fact.address"), key="address")
    assert nested.text("tr").startswith("adres için kaynak yok")
    assert nested.text("en").startswith("the address has no source")
    assert str(nested) == nested.text("en")  # logs and pydantic see the English
    assert say("noun.center", "tr") == "merkez"


def test_turkish_is_the_default() -> None:
    assert Say("file.empty").text() == "dosya boş"
