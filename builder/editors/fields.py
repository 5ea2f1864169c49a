"""What each registry field means, for editors: the field tables of CONTRIBUTING.md and the skeleton of a
new entry (`python -m builder fields`, `python -m builder new-center ID`).

Both come from the models: field names, whether they are required, their `Field` descriptions and their
Literal values. tests/test_contributing.py fails when CONTRIBUTING.md's copy differs from what this
module generates, so the guide cannot drift from the validator.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from builder.registry.form import form_of
from builder.registry.hours import WEEKDAYS
from builder.registry.models import Access, Center, District, Hotline, Kind, Localized, Precision, Service, Status
from builder.site.i18n import Strings

START: Final = "<!-- fields:start -->"
END: Final = "<!-- fields:end -->"

# Meanings for the fields whose model has no description yet (a description in models.py wins).
HELP: Final[dict[str, str]] = {
    "center.name": "The centre's name as the operator writes it.",
    "center.kind": "What sort of place it is (see the values below).",
    "center.operator": "Who runs it: the municipality, the ministry's directorate, the association.",
    "center.address": "Street, number and neighbourhood as the operator gives them. Never for a shelter.",
    "center.phones": "Ways to call. Leave out a number no source confirms.",
    "center.phones[].label": 'A short note shown with the number, e.g. "ask for the counseling centre".',
    "center.email": "The centre's own address, if it publishes one.",
    "center.website": "The operator's page about this centre.",
    "center.services": "What the centre offers (see the values below).",
    "center.interpreting": 'Interpreting the centre can arrange, e.g. "Arabic interpreter by appointment".',
    "center.eligibility": "Who may come, if not every woman: age, place of residence ...",
    "center.access": "How to get in: appointment, wheelchair, ID, cost.",
    "center.access.appointment": "Whether to book first (see the values below).",
    "center.transport": "How to get there by bus, metro or ferry.",
    "center.notes": "Anything else a woman should know before she goes or calls.",
    "center.status": "Whether it is open (see the values below). A closed centre keeps its entry.",
    "center.verification": "How you know: when and how the entry was checked, and where.",
    "hotline.name": "The line's name, e.g. ALO 183.",
    "hotline.description": "What the line is for, in one or two sentences.",
    "hotline.phones": "The numbers to call.",
    "hotline.phones[].label": "A short note shown with the number.",
    "hotline.scope": "national: the whole country; izmir: İzmir only.",
    "hotline.id": "Permanent lowercase name of the line, like alo-183.",
    "hotline.hours": "When the line answers; leave out if unknown.",
    "hotline.languages": "Languages the line answers in.",
    "hotline.verification": "How you know: when and how the entry was checked, and where.",
    "district.lat": "Latitude of the district's reference point (its town centre).",
    "district.lon": "Longitude of the district's reference point.",
    "district.note": "A remark for editors.",
}
# Meanings of the values editors choose from. Tests check that every Literal value is explained here.
VALUES: Final[dict[str, dict[str, str]]] = {
    "kind": {
        "metropolitan-counseling": "İzmir Büyükşehir Belediyesi's women's counseling or solidarity centres.",
        "municipal-counseling": "A district municipality's Kadın Danışma Merkezi.",
        "municipal-unit": "A district municipality's women's or equality unit that is not called a counseling centre.",
        "state-violence-prevention": "ŞÖNİM, the ministry's violence prevention and monitoring centres.",
        "bar-legal-aid": "A bar association's women's rights or legal-aid centre.",
        "ngo": "An association or foundation.",
        "refugee-support": "An organisation that mainly serves migrants and refugees.",
        "shelter": "A shelter or safe house: always `confidential: true`, never with a place.",
    },
    "services": {
        "legal-counseling": "A lawyer explains rights: violence, divorce, custody, complaints.",
        "psychological-support": "Talks with a psychologist or counselor.",
        "social-work": "A social worker looks at what is needed and helps with applications.",
        "protection-order-help": "Help to apply for protection measures under Law 6284.",
        "shelter-referral": "Arranges a place in a shelter.",
        "shelter": "The shelter itself (confidential entries only).",
        "childcare-during-visits": "Someone looks after children during the visit.",
        "children-support": "Services for children and young people themselves.",
        "group-work": "Support groups and workshops.",
        "training": "Courses and rights training.",
        "economic-support": "Help with money, work or vocational training.",
        "referral": "Sends women on to the service they need.",
    },
    "status": {
        "active": "Open.",
        "opening-soon": "Announced but not open yet.",
        "temporarily-closed": "Closed for now (renovation, move); say why in `notes`.",
        "closed": "Closed for good. Keep the entry: its page then says so instead of disappearing.",
    },
    "location.precision": {
        "exact": "The door of the building.",
        "street": "The right street or building, within about 250 m.",
        "neighbourhood": "The right neighbourhood, within about a kilometre.",
        "district": "Only the district.",
    },
    "access.appointment": {
        "required": "Only with an appointment.",
        "recommended": "Better with an appointment; walking in is possible.",
        "walk-in": "No appointment needed.",
        "unknown": "Not known (the default).",
    },
}
VALUE_TYPES: Final[dict[str, Any]] = {
    "kind": Kind,
    "services": Service,
    "status": Status,
    "location.precision": Precision,
    "access.appointment": Access.model_fields["appointment"].annotation,
}
UI_PREFIX: Final = {
    "kind": "kind",
    "services": "service",
    "status": "status",
    "access.appointment": "access.appointment",
}
DAY_HELP: Final = "Opening times on that weekday. A day left out is a closed day."


@dataclass(frozen=True)
class Row:
    path: str
    required: bool
    form: str
    meaning: str


def optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def form(annotation: Any, metadata: list[Any] | None = None) -> str:
    """What an editor writes for a field of this type, in words."""
    annotation = optional(annotation)
    words = form_of(annotation, metadata)
    if words:
        return words
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is Literal:
        return "one of: " + ", ".join(f"`{v}`" for v in get_args(annotation))
    if get_origin(annotation) is list:
        item = optional(get_args(annotation)[0])
        if get_origin(item) is Literal:
            return "a list, one or more of: " + ", ".join(f"`{v}`" for v in get_args(item))
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "a list (lines starting with `-`); each item has the fields below"
        return "a list (lines starting with `-`, or `[a, b]`); each: " + form(item)
    if annotation is Localized:
        return "text in Turkish (`tr:`), and if you have them `en:`, `ar:`, `ku:`, `fa:`"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "a group of the fields below"
    return {
        bool: "`true` or `false`",
        float: "a number",
        int: "a whole number",
        dt.date: "a date: YYYY-MM-DD",
        str: "text",
    }.get(annotation, str(annotation))


def rows(
    model: type[BaseModel], prefix: str = "", seen: dict[type, str] | None = None, root: str = ""
) -> Iterator[Row]:
    """Every field of `model` and of the models inside it, depth first; a model met twice (the hours of a
    phone) is described once and referred to after that."""
    seen = {} if seen is None else seen
    root = root or model.__name__.lower()
    days = [d for d in WEEKDAYS if d in model.model_fields]
    for name, info in model.model_fields.items():
        if name in days[1:]:
            continue
        path = f"{prefix}{name}" if name not in days else f"{prefix}mon … sun"
        inner = optional(info.annotation)
        is_list = get_origin(inner) is list
        sub = optional(get_args(inner)[0]) if is_list else inner
        meaning = info.description or HELP.get(f"{root}.{path}", "") or (DAY_HELP if name in days else "")
        nested = isinstance(sub, type) and issubclass(sub, BaseModel) and sub is not Localized
        if nested and sub in seen:
            yield Row(path, info.is_required(), f"the same form as `{seen[sub]}`", meaning)
            continue
        yield Row(path, info.is_required(), form(info.annotation, list(info.metadata)), meaning)
        if nested:
            seen[sub] = path
            yield from rows(sub, f"{path}{'[]' if is_list else ''}.", seen, root)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(model: type[BaseModel]) -> str:
    lines = ["| field | required | what to write | meaning |", "|---|---|---|---|"]
    for row in rows(model):
        lines.append(f"| `{row.path}` | {'yes' if row.required else ''} | {_cell(row.form)} | {_cell(row.meaning)} |")
    return "\n".join(lines)


def values_table(strings: Strings) -> str:
    lines = ["| field | value | shown on the site (tr) | meaning |", "|---|---|---|---|"]
    for field, meanings in VALUES.items():
        for value, meaning in meanings.items():
            key = f"{UI_PREFIX[field]}.{value}" if field in UI_PREFIX else ""
            shown = strings.get(key, "tr") if key in strings.table else ""
            lines.append(f"| `{field}` | `{value}` | {_cell(shown)} | {_cell(meaning)} |")
    return "\n".join(lines)


def section(strings: Strings) -> str:
    """What goes between the markers of CONTRIBUTING.md."""
    parts = [
        START,
        "<!-- generated by `python -m builder fields --write` from builder/models.py: do not edit -->",
        "",
        "### `data/centers.yaml`: one entry per centre",
        "",
        table(Center),
        "",
        "### Values to choose from",
        "",
        values_table(strings),
        "",
        "### `data/hotlines.yaml`: national and city-wide lines",
        "",
        table(Hotline),
        "",
        "### `data/districts.yaml`: the 30 districts (under a key such as `karsiyaka:`)",
        "",
        table(District),
        "",
        END,
    ]
    return "\n".join(parts)


def replace_section(document: str, strings: Strings) -> str:
    head, start, rest = document.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the document has no {START} ... {END} markers")
    return head + section(strings) + tail


def current_section(document: str) -> str:
    _, start, rest = document.partition(START)
    inner, end, _ = rest.partition(END)
    return start + inner + end if start and end else ""
