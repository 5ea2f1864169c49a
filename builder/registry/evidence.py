"""Evidence: where each fact of an entry comes from (its sources, and the dated checks of editors), so that a
reader sees what a fact rests on and how old it is, and the entry's status is derived, never typed.

An entry lists its `sources` (a page: URL, publisher, kind, when it was published or "undated", when an editor
read it, optionally a short quote) and its `checks` (a call, a visit, an e-mail or the operator's own page:
the date, the editor's role (never a name), the facts confirmed or found wrong). Each fact names the sources
that back it: a phone in its own `evidence`, the other facts in the entry's `evidence` mapping.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema

from builder.registry.form import Form
from builder.registry.values import Slug, SourceUrl, Text
from builder.registry.wording import Say

SourceKind = Literal["operator", "register", "news", "other"]
CheckMethod = Literal["call", "visit", "email", "operator-page"]
Role = Literal["editor", "volunteer", "social-worker", "lawyer", "coordinator"]
# The facts an entry's evidence mapping and its checks speak of; a phone is named by its number.
FACTS: Final = ("entry", "address", "location", "email", "hours", "services", "access", "languages")
CONTACT: Final = frozenset({"phone", "address", "hours"})  # what must be confirmed for "verified"
QUOTE_LIMIT: Final = 400
_YEAR_MONTH = re.compile(r"(19|20)\d\d(-(0[1-9]|1[0-2]))?")


@dataclass(frozen=True)
class Published:
    """When a page was published, to the precision its page gives: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def __str__(self) -> str:
        return "-".join([f"{self.year:04d}", *(f"{p:02d}" for p in (self.month, self.day) if p is not None)])


PUBLISHED_FORM: Final = 'a date (2025-04-10), a month in quotes ("2025-04"), a year (2025), or `undated`'


def parse_published(value: Any) -> Published | None:
    """None for "undated"; a ValueError an editor can act on for anything else."""
    if isinstance(value, Published):
        return value
    if value == "undated":
        return None
    if isinstance(value, dt.datetime):
        raise Say("published.time", got=repr(value))
    if isinstance(value, dt.date):
        return Published(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2099:
        return Published(value)
    if isinstance(value, str) and _YEAR_MONTH.fullmatch(value):
        parts = [int(p) for p in value.split("-")]
        return Published(*parts)
    raise Say("published", got=repr(value))


def _published_text(value: Published | None) -> str | int:
    return "undated" if value is None else str(value)


PublishedDate = Annotated[
    Published | None,
    PlainValidator(parse_published),
    PlainSerializer(_published_text),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": _YEAR_MONTH.pattern},
                {"type": "integer", "minimum": 1900, "maximum": 2099},
                {"const": "undated"},
            ],
            "description": PUBLISHED_FORM,
        }
    ),
    Form(PUBLISHED_FORM),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# A source's id, and a fact's reference to it.
SourceId = Annotated[Slug, Form("the `id` of one of the entry's `verification.sources`, like `izgazete-2025`")]


class Source(_Model):
    id: SourceId = Field(description="A short name for this source, unique in the entry; facts refer to it.")
    url: SourceUrl = Field(description="The page's address, as read.")
    publisher: Text = Field(description="Who published it: the operator, the newspaper or agency, the ministry ...")
    kind: SourceKind = Field(
        description="operator: the operator's own page; register: an official register or gazette; news: a news "
        "report (a press release carried by a newspaper is news); other: anything else."
    )
    published: PublishedDate = Field(description="When the page was published; `undated` if it does not say.")
    read: dt.date = Field(description="The day an editor read the page (YYYY-MM-DD).")
    quote: Annotated[str, Field(min_length=1, max_length=QUOTE_LIMIT)] | None = Field(
        None, description=f"A short quote that backs the facts, at most {QUOTE_LIMIT} characters."
    )
    copy_of: SourceId | None = Field(
        None,
        description="The id of another source carrying the same text (one press release in two outlets): "
        "the two then count as one.",
    )


class Check(_Model):
    date: dt.date = Field(description="The day of the call, visit or e-mail (YYYY-MM-DD).")
    method: CheckMethod = Field(
        description="call: a phone call to the centre; visit: someone went there; email: a reply from the centre; "
        "operator-page: the operator's own page, read on that day."
    )
    by: Role = Field(description="The checker's role, never a name.")
    confirmed: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description="What the check confirmed: entry, address, location, email, hours, services, access, "
        "languages, or a phone by its number as written in `phones` (its kind and label included).",
    )
    wrong: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list, description="What the check found wrong (the same names). Correct it, then confirm it."
    )
    note: Annotated[str, Field(min_length=1, max_length=600)] | None = Field(
        None, description="What was said or seen, in a sentence or two (no names of people)."
    )


class Verification(_Model):
    """How we know: the entry's sources and its dated checks. Its status is derived from them."""

    sources: list[Source] = Field(min_length=1, description="The pages the entry's facts come from.")
    checks: list[Check] = Field(default_factory=list, description="Calls, visits and e-mails, newest last.")

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


SourceIds = list[SourceId]


class Evidence(_Model):
    """Which sources back each fact of an entry (phones carry their own `evidence`)."""

    entry: SourceIds = Field(
        min_length=1, description="That the centre exists as described: its name, operator, kind and notes."
    )
    address: SourceIds | None = Field(None, description="Required when the entry has an address.")
    location: SourceIds | None = Field(None, description="Required when the entry has a location (unless geocoded).")
    email: SourceIds | None = Field(None, description="Required when the entry has an e-mail address.")
    hours: SourceIds | None = Field(None, description="Required when the entry has opening hours.")
    services: SourceIds | None = Field(None, description="Required: what backs the list of services.")
    access: SourceIds | None = Field(None, description="Required when anything about access is known.")
    languages: SourceIds | None = Field(None, description="Required when languages other than Turkish are listed.")

    def of(self, fact: str) -> tuple[str, ...]:
        return tuple(getattr(self, fact) or ())
