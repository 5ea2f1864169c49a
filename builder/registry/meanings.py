"""What each registry field and each allowed value means, and what an editor writes for a type, in Turkish
first and in English: one catalogue (meanings.yaml), one entry per idea, the two languages side by side.

The models take their `Field` descriptions from its English (`means`), so the JSON Schema that editors' tools
show says the same as CONTRIBUTING.md's field tables, which `python -m builder fields` makes from both
languages (builder.editors.fields). A key that is not in the catalogue is a programming error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import yaml

LANGS: Final = ("tr", "en")
Texts = dict[str, str]  # language -> text

_CATALOGUE: Final[dict[str, Any]] = yaml.safe_load(
    Path(__file__).with_name("meanings.yaml").read_text(encoding="utf-8")
)
FIELDS: Final[dict[str, Texts]] = _CATALOGUE["fields"]  # "Model.field" -> texts
VALUES: Final[dict[str, dict[str, Texts]]] = _CATALOGUE["values"]  # "Model.field" -> value -> texts
FORMS: Final[dict[str, Texts]] = _CATALOGUE["forms"]
TABLE: Final[dict[str, Texts]] = _CATALOGUE["table"]
DAY_KEY: Final = "Hours.day"  # one meaning for the seven weekdays


def _text(section: dict[str, Texts], name: str, key: str, lang: str) -> str:
    if key not in section:
        raise KeyError(f"no {name} {key!r} in builder/registry/meanings.yaml")
    return section[key][lang if lang in LANGS else "tr"]


def field(key: str, lang: str = "tr") -> str:
    """What field `key` ("Center.phones", "Hours.day") means."""
    return _text(FIELDS, "field", key, lang)


def value(key: str, allowed: str, lang: str = "tr") -> str:
    """What value `allowed` of field `key` means."""
    return _text(VALUES.get(key, {}), f"value of {key}:", allowed, lang)


def form(key: str, lang: str = "tr", **fill: str) -> str:
    """What an editor writes for a type, in words."""
    return _text(FORMS, "form", key, lang).format(**fill)


def word(key: str, lang: str = "tr", **fill: str) -> str:
    """The field tables' own words: headings, column names."""
    return _text(TABLE, "table word", key, lang).format(**fill)


def means(key: str) -> str:
    """The English description of field `key` for its pydantic `Field`, followed by what each of its values
    means: the JSON Schema's hover text in editors' tools."""
    values = VALUES.get(key, {})
    return " ".join([field(key, "en"), *(f"{v}: {texts['en']}" for v, texts in values.items())])
