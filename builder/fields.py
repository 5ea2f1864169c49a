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

from builder import source
from builder.hours import WEEKDAYS
from builder.i18n import Strings
from builder.models import Access, Center, District, Hotline, Kind, Localized, Precision, Service, Status, check_slug
from builder.models import Location as PointModel

START: Final = "<!-- fields:start -->"
END: Final = "<!-- fields:end -->"

# Meanings for the fields whose model has no description yet (a description in models.py wins).
HELP: Final[dict[str, str]] = {
    "center.name": "The centre's name as the operator writes it.",
    "center.kind": "What sort of place it is (see the values below).",
    "center.operator": "Who runs it: the municipality, the ministry's directorate, the association.",
    "center.address": "Street, number and neighbourhood as the operator gives them. Never for a shelter.",
    "center.phones": "Ways to call. Leave out a number no source confirms.",
    "center.phones[].label": "A short note shown with the number, e.g. \"ask for the counseling centre\".",
    "center.email": "The centre's own address, if it publishes one.",
    "center.website": "The operator's page about this centre.",
    "center.services": "What the centre offers (see the values below).",
    "center.interpreting": "Interpreting the centre can arrange, e.g. \"Arabic interpreter by appointment\".",
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
VALUE_TYPES: Final[dict[str, Any]] = {"kind": Kind, "services": Service, "status": Status,
                                      "location.precision": Precision,
                                      "access.appointment": Access.model_fields["appointment"].annotation}
UI_PREFIX: Final = {"kind": "kind", "services": "service", "status": "status",
                    "access.appointment": "access.appointment"}
_FORMS: Final = {  # validators of models.py, by function name -> what an editor writes
    "check_slug": "lowercase letters, digits and hyphens, like `karsiyaka-bostanli`",
    "_https": "a web address starting with `https://`",
    "_http": "a web address (`https://` or `http://`)",
    "_email": "an e-mail address",
    "_language": "a language code: `tr`, `ku`, `ar`, `fa`, `en` ...",
    "_phone": "a phone number as written in Türkiye: `0232 362 57 77`, `444 35 66`, `183`",
    "_check_interval": "a time range in quotes, like `\"08:30-17:30\"`",
    "_check_day": "time ranges in quotes, like `[\"08:30-12:00\", \"13:00-17:30\"]`",
}
DAY_HELP: Final = "Opening times on that weekday. A day left out is a closed day."


@dataclass(frozen=True)
class Row:
    path: str
    required: bool
    form: str
    meaning: str


def _optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _own_validators(annotation: Any, metadata: list[Any]) -> list[str]:
    """Names of the validators on the field itself (not on the items of a list)."""
    found = list(metadata)
    if get_origin(annotation) is Annotated:
        found += list(get_args(annotation)[1:])
    return [name for m in found if (name := getattr(getattr(m, "func", None), "__name__", ""))]


def form(annotation: Any, metadata: list[Any] | None = None) -> str:
    """What an editor writes for a field of this type, in words."""
    annotation = _optional(annotation)
    for name in _own_validators(annotation, metadata or []):
        if name in _FORMS:
            return _FORMS[name]
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) is Literal:
        return "one of: " + ", ".join(f"`{v}`" for v in get_args(annotation))
    if get_origin(annotation) is list:
        item = _optional(get_args(annotation)[0])
        if get_origin(item) is Literal:
            return "a list, one or more of: " + ", ".join(f"`{v}`" for v in get_args(item))
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "a list (lines starting with `-`); each item has the fields below"
        return "a list (lines starting with `-`, or `[a, b]`); each: " + form(item)
    if annotation is Localized:
        return "text in Turkish (`tr:`), and if you have them `en:`, `ar:`, `ku:`, `fa:`"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "a group of the fields below"
    return {bool: "`true` or `false`", float: "a number", int: "a whole number", dt.date: "a date: YYYY-MM-DD",
            str: "text"}.get(annotation, str(annotation))


def rows(model: type[BaseModel], prefix: str = "", seen: dict[type, str] | None = None,
         root: str = "") -> Iterator[Row]:
    """Every field of `model` and of the models inside it, depth first; a model met twice (the hours of a
    phone) is described once and referred to after that."""
    seen = {} if seen is None else seen
    root = root or model.__name__.lower()
    days = [d for d in WEEKDAYS if d in model.model_fields]
    for name, info in model.model_fields.items():
        if name in days[1:]:
            continue
        path = f"{prefix}{name}" if name not in days else f"{prefix}mon … sun"
        inner = _optional(info.annotation)
        is_list = get_origin(inner) is list
        sub = _optional(get_args(inner)[0]) if is_list else inner
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
    parts = [START, "<!-- generated by `python -m builder fields --write` from builder/models.py: do not edit -->",
             "", "### `data/centers.yaml`: one entry per centre", "", table(Center), "",
             "### Values to choose from", "", values_table(strings), "",
             "### `data/hotlines.yaml`: national and city-wide lines", "", table(Hotline), "",
             "### `data/districts.yaml`: the 30 districts (under a key such as `karsiyaka:`)", "", table(District),
             "", END]
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


# --- a new entry ------------------------------------------------------------------------------------------


def _choices(literal: Any) -> str:
    return ", ".join(get_args(literal))


def skeleton(center_id: str) -> str:
    """A new entry to paste at the end of data/centers.yaml. Required fields are left empty, so that
    validation points at each one until it is filled; optional ones are commented out."""
    sources = PointModel.model_fields["source"].annotation
    return f"""\
  # New entry: fill in every empty field. `python -m builder validate` lists what is left, line by line.
  # A line starting with # is optional: remove the # to use it, and only with a source.
  - id: {center_id}  # permanent: it is the page address. Never change it once published.
    name:
      tr:  # the centre's name in Turkish, as the operator writes it
      # en:  # English name, if you have a good translation
      # ar:  # Arabic
      # ku:  # Kurmanji
      # fa:  # Persian
    kind:  # one of: {_choices(Kind)}
    operator:
      tr:  # who runs it: municipality, ministry directorate, association
    # district: konak  # a key of data/districts.yaml; leave out if unknown
    # address:  # never for a shelter
    #   tr: Street, number, neighbourhood, as the operator's page gives them
    # location: {{lat: 38.4189, lon: 27.1287, precision: street, source: map}}  # read off a map; never for a shelter
    #   precision: {_choices(Precision)}
    #   source: {_choices(_optional(sources))}
    phones:  # delete these three lines if no source gives a number
      - number:  # as written in Türkiye: 0232 362 57 77, 444 35 66 or 183
        kind: direct  # direct (its own line), switchboard (a general line: ask for the centre) or hotline
    # email: kadin@example.bel.tr
    # website: https://www.example.bel.tr/kadin-danisma-merkezi
    # hours:  # leave out if unknown; never guess. A weekday left out is a closed day.
    #   mon: ["08:30-12:00", "13:00-17:30"]
    #   tue: ["08:30-17:30"]
    #   public_holidays: closed  # closed, open or unknown
    services: []  # one or more of: {_choices(Service)}
    languages: [tr]  # languages staff speak without an interpreter
    # access: {{appointment: recommended, free: true}}  # appointment: required, recommended, walk-in, unknown
    status: active  # {_choices(Status)}
    verification:
      status: unverified  # verified only after a call or the operator's own page confirmed the contacts
      checked:  # the day you checked, like 2026-03-08
      method:  # how: phone call to the centre, the operator's page, two news reports ...
      sources:
        -  # the page that confirms the facts above; one line per page
"""


def check_new_id(document: str, center_id: str) -> None:
    """Raise ValueError, in words for an editor, unless `center_id` is a valid id no entry of the
    centers file `document` uses yet. Reads the raw file, so it works on a registry being edited."""
    check_slug(center_id)
    data = source.parse(document.encode("utf-8"), "data/centers.yaml").data
    entries = data.get("centers") if isinstance(data, dict) else None
    used = {e.get("id") for e in entries if isinstance(e, dict)} if isinstance(entries, list) else set()
    if center_id in used:
        raise ValueError(f"the id {center_id!r} is already used in data/centers.yaml; ids must be unique")


def append_skeleton(document: str, center_id: str) -> tuple[str, int]:
    """data/centers.yaml with the skeleton added at the end of its list, and the line of the new `- id:`."""
    check_new_id(document, center_id)
    head = document.rstrip("\n") + "\n\n"
    text = skeleton(center_id)
    line = head.count("\n") + next(i for i, ln in enumerate(text.splitlines()) if ln.startswith("  - id: ")) + 1
    return head + text, line
