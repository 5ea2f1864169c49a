"""What each registry field means, for editors: the field tables of CONTRIBUTING.md (`python -m builder fields`),
in Turkish by default and in English with `--lang en`.

The tables come from the models (field names, whether they are required, their types and Literal values) and
from the catalogue builder/registry/meanings.yaml (what each field, value and form means, in both languages).
tests/test_contributing.py fails when CONTRIBUTING.md's copy differs from what this module generates, so the
guide cannot drift from the validator.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from builder.registry import meanings
from builder.registry.form import form_of
from builder.registry.hours import WEEKDAYS
from builder.registry.models import Center, District, Hotline, Localized
from builder.site.i18n import Strings

START: Final = "<!-- fields:start -->"
END: Final = "<!-- fields:end -->"
GUIDE_LANG: Final = "tr"  # CONTRIBUTING.md carries the Turkish tables; `--lang en fields` prints the English

# The site's own label for a value (data/ui.yaml), shown beside its meaning: field key -> ui.yaml prefix.
UI_PREFIX: Final = {
    "Center.kind": "kind",
    "Center.services": "service",
    "Center.status": "status",
    "Phone.kind": "phone.kind",
    "Phone.channels": "phone.channel",
    "Hours.public_holidays": "hours.holidays",
    "Access.appointment": "access.appointment",
    "Source.kind": "evidence.kind",
    "Check.method": "check",
    "Check.by": "role",
}
_SIMPLE: Final[dict[Any, str]] = {bool: "bool", float: "number", int: "int", dt.date: "date", str: "text"}


@dataclass(frozen=True)
class Row:
    path: str  # as the editor meets it: "phones[].kind"
    key: str  # in meanings.yaml: "Phone.kind"
    required: bool
    form: str
    meaning: str


def optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def literal_values(annotation: Any) -> tuple[str, ...]:
    """The values a field allows, for a Literal or a list of Literals (after Optional); () otherwise."""
    annotation = optional(annotation)
    if get_origin(annotation) is list:
        annotation = optional(get_args(annotation)[0])
    return tuple(get_args(annotation)) if get_origin(annotation) is Literal else ()


def _choices(annotation: Any) -> str:
    return ", ".join(f"`{v}`" for v in get_args(annotation))


def form(annotation: Any, lang: str = GUIDE_LANG, metadata: list[Any] | None = None) -> str:
    """What an editor writes for a field of this type, in words."""
    annotation = optional(annotation)
    key = form_of(annotation, metadata)
    if key:
        return meanings.form(key, lang)
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is Literal:
        return meanings.form("one_of", lang, choices=_choices(annotation))
    if get_origin(annotation) is list:
        item = optional(get_args(annotation)[0])
        if get_origin(item) is Literal:
            return meanings.form("some_of", lang, choices=_choices(item))
        if isinstance(item, type) and issubclass(item, BaseModel):
            return meanings.form("list_of_groups", lang)
        return meanings.form("list_of", lang, item=form(item, lang))
    if annotation is Localized:
        return meanings.form("localized", lang)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return meanings.form("group", lang)
    return meanings.form(_SIMPLE[annotation], lang)


def field_key(model: type[BaseModel], name: str) -> str:
    """A field's key in meanings.yaml: "Center.phones"; the seven weekdays share "Hours.day"."""
    return meanings.DAY_KEY if name in WEEKDAYS else f"{model.__name__}.{name}"


def rows(
    model: type[BaseModel], lang: str = GUIDE_LANG, prefix: str = "", seen: dict[type, str] | None = None
) -> Iterator[Row]:
    """Every field of `model` and of the models inside it, depth first; a model met twice (the hours of a
    phone) is described once and referred to after that."""
    seen = {} if seen is None else seen
    days = [d for d in WEEKDAYS if d in model.model_fields]
    for name, info in model.model_fields.items():
        if name in days[1:]:
            continue
        path = f"{prefix}{name}" if name not in days else f"{prefix}mon … sun"
        key = field_key(model, name)
        inner = optional(info.annotation)
        is_list = get_origin(inner) is list
        sub = optional(get_args(inner)[0]) if is_list else inner
        meaning = meanings.field(key, lang)
        if key in meanings.VALUES:
            meaning += " " + meanings.word("see_values", lang)
        nested = isinstance(sub, type) and issubclass(sub, BaseModel) and sub is not Localized
        if nested and sub in seen:
            yield Row(path, key, info.is_required(), meanings.form("same_as", lang, path=seen[sub]), meaning)
            continue
        yield Row(path, key, info.is_required(), form(info.annotation, lang, list(info.metadata)), meaning)
        if nested:
            seen[sub] = path
            yield from rows(sub, lang, f"{path}{'[]' if is_list else ''}.", seen)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(model: type[BaseModel], lang: str = GUIDE_LANG) -> str:
    yes = meanings.word("required", lang)
    lines = [meanings.word("head", lang), "|---|---|---|---|"]
    for row in rows(model, lang):
        lines.append(f"| `{row.path}` | {yes if row.required else ''} | {_cell(row.form)} | {_cell(row.meaning)} |")
    return "\n".join(lines)


def values_table(
    model: type[BaseModel], strings: Strings, lang: str = GUIDE_LANG, shown: set[str] | None = None
) -> str:
    """The values to choose from, for each field of `model` that has a closed list and is not in `shown`
    (which it adds to): each with the site's label for it and what it means."""
    shown = set() if shown is None else shown
    lines = [meanings.word("values_head", lang), "|---|---|---|---|"]
    for row in rows(model, lang):
        if row.key not in meanings.VALUES or row.key in shown:
            continue
        shown.add(row.key)
        for value in meanings.VALUES[row.key]:
            ui_key = f"{UI_PREFIX[row.key]}.{value}" if row.key in UI_PREFIX else ""
            label = strings.get(ui_key, lang) if ui_key in strings.table else ""
            meaning = meanings.value(row.key, value, lang)
            lines.append(f"| `{row.path}` | `{value}` | {_cell(label)} | {_cell(meaning)} |")
    return "\n".join(lines)


def section(strings: Strings, lang: str = GUIDE_LANG) -> str:
    """What goes between the markers of CONTRIBUTING.md (in Turkish), or what `fields` prints."""
    shown: set[str] = set()
    parts = [START, meanings.word("generated", lang), ""]
    for heading, model, file in (
        ("centers", Center, "`data/centers.yaml`"),
        ("hotlines", Hotline, "`data/hotlines.yaml`"),
        ("districts", District, ""),
    ):
        parts += [meanings.word(heading, lang), "", table(model, lang), ""]
        values = values_table(model, strings, lang, shown)
        if values.count("\n") > 1:
            parts += [meanings.word("values", lang, file=file), "", values, ""]
    return "\n".join([*parts, END])


def replace_section(document: str, strings: Strings) -> str:
    """The guide with its field tables made again, in the guide's language."""
    head, start, rest = document.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the document has no {START} ... {END} markers")
    return head + section(strings, GUIDE_LANG) + tail


def current_section(document: str) -> str:
    _, start, rest = document.partition(START)
    inner, end, _ = rest.partition(END)
    return start + inner + end if start and end else ""
