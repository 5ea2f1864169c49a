"""The meanings of fields and values (builder/registry/meanings.yaml): every field of the contract and every
value a field allows has a Turkish and an English text, the models' descriptions are its English, every
form and table word is in both languages with the same blanks, and nothing in the catalogue names nothing."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from builder.editors import fields
from builder.registry import meanings
from builder.registry.evidence import QUOTE_LIMIT
from builder.registry.models import Center, District, Hotline, Localized
from builder.site.i18n import load_strings
from tests.conftest import ROOT

CODE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "builder").rglob("*.py")))


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[type[BaseModel]]:
    if model in seen or model is Localized:
        return
    seen.add(model)
    yield model
    for info in model.model_fields.values():
        for sub in _inside(info.annotation):
            yield from _models(sub, seen)


def _inside(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    if get_origin(annotation) is not None:
        for arg in get_args(annotation):
            yield from _inside(arg)


SEEN: set[type[BaseModel]] = set()
MODELS = [m for top in (Center, Hotline, District) for m in _models(top, SEEN)]
FIELDS = {fields.field_key(m, name): (m, name, info) for m in MODELS for name, info in m.model_fields.items()}
CHOICES = {key: fields.literal_values(info.annotation) for key, (_, _, info) in FIELDS.items()}
CHOICES = {key: values for key, values in CHOICES.items() if values}


def _blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_catalogue_names_exactly_the_fields_of_the_contract() -> None:
    assert sorted(set(FIELDS) - set(meanings.FIELDS)) == [], "add a tr and an en text to meanings.yaml's fields"
    assert sorted(set(meanings.FIELDS) - set(FIELDS)) == [], "meanings.yaml names fields the models do not have"
    assert {"Center.phones", "Phone.kind", "Source.read", "Check.by", "Hours.day", "District.lat"} <= set(FIELDS)


@pytest.mark.parametrize("key", sorted(meanings.FIELDS))
def test_every_field_means_something_in_turkish_and_in_english(key: str) -> None:
    texts = meanings.FIELDS[key]
    assert set(texts) == {"tr", "en"} and texts["tr"].strip() and texts["en"].strip()
    assert texts["tr"] != texts["en"], f"{key}: the Turkish text is the English one"


@pytest.mark.parametrize("key", sorted(FIELDS))
def test_the_models_descriptions_are_the_catalogues_english(key: str) -> None:
    _, _, info = FIELDS[key]
    assert info.description == meanings.means(key)
    assert info.description.startswith(meanings.field(key, "en"))


def test_the_catalogue_explains_exactly_the_fields_with_a_closed_list() -> None:
    assert sorted(set(CHOICES) - set(meanings.VALUES)) == [], "explain their values in meanings.yaml's values"
    assert sorted(set(meanings.VALUES) - set(CHOICES)) == [], "meanings.yaml explains values of no closed list"
    assert len(CHOICES) >= 13


@pytest.mark.parametrize("key", sorted(CHOICES))
def test_every_allowed_value_means_something_in_turkish_and_in_english(key: str) -> None:
    explained = meanings.VALUES[key]
    assert tuple(explained) == CHOICES[key], f"explain exactly the values of {key}, in the models' order"
    for value, texts in explained.items():
        assert set(texts) == {"tr", "en"} and texts["tr"].strip() and texts["en"].strip(), f"{key}: {value}"


@pytest.mark.parametrize("section", ["forms", "table"])
def test_forms_and_table_words_have_both_languages_with_the_same_blanks(section: str) -> None:
    catalogue = meanings.FORMS if section == "forms" else meanings.TABLE
    for key, texts in catalogue.items():
        assert set(texts) == {"tr", "en"} and texts["tr"].strip() and texts["en"].strip(), key
        assert _blanks(texts["tr"]) == _blanks(texts["en"]), key


def test_every_form_and_table_word_is_used() -> None:
    quoted = set(re.findall(r"""["']([a-z_]+)["']""", CODE))
    unused = sorted(k for k in (*meanings.FORMS, *meanings.TABLE) if k not in quoted)
    assert unused == []


def test_the_quote_limit_is_the_validators() -> None:
    assert all(str(QUOTE_LIMIT) in meanings.field("Source.quote", lang) for lang in meanings.LANGS)


def test_an_unknown_key_is_a_programming_error() -> None:
    from builder.registry.form import Form

    with pytest.raises(KeyError, match=r"meanings\.yaml"):
        meanings.field("Center.adress")
    with pytest.raises(KeyError, match=r"meanings\.yaml"):
        Form("no-such-form")


@pytest.mark.parametrize("lang", meanings.LANGS)
def test_the_tables_are_in_one_language(lang: str) -> None:
    section = fields.section(load_strings(ROOT / "data" / "ui.yaml"), lang)
    other = "en" if lang == "tr" else "tr"
    for key in ("head", "values_head", "centers", "hotlines", "districts"):
        assert meanings.word(key, lang) in section and meanings.word(key, other) not in section
    for key, texts in meanings.FIELDS.items():
        assert texts[lang].replace("|", "\\|") in section, key
    assert meanings.value("Phone.kind", "direct", lang) in section
