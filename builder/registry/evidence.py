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
from builder.registry.meanings import form, means
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


PUBLISHED_FORM: Final = form("published", "en")


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
    Form("published"),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# A source's id, and a fact's reference to it.
SourceId = Annotated[Slug, Form("source_id")]


class Source(_Model):
    id: Slug = Field(description=means("Source.id"))
    url: SourceUrl = Field(description=means("Source.url"))
    publisher: Text = Field(description=means("Source.publisher"))
    kind: SourceKind = Field(description=means("Source.kind"))
    published: PublishedDate = Field(description=means("Source.published"))
    read: dt.date = Field(description=means("Source.read"))
    quote: Annotated[str, Field(min_length=1, max_length=QUOTE_LIMIT)] | None = Field(
        None, description=means("Source.quote")
    )
    copy_of: SourceId | None = Field(
        None,
        description=means("Source.copy_of"),
    )


class Check(_Model):
    date: dt.date = Field(description=means("Check.date"))
    method: CheckMethod = Field(description=means("Check.method"))
    by: Role = Field(description=means("Check.by"))
    confirmed: list[Annotated[str, Field(min_length=1)]] = Field(
        default_factory=list,
        description=means("Check.confirmed"),
    )
    wrong: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list, description=means("Check.wrong"))
    note: Annotated[str, Field(min_length=1, max_length=600)] | None = Field(None, description=means("Check.note"))


class Verification(_Model):
    """How we know: the entry's sources and its dated checks. Its status is derived from them."""

    sources: list[Source] = Field(min_length=1, description=means("Verification.sources"))
    checks: list[Check] = Field(default_factory=list, description=means("Verification.checks"))

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


SourceIds = list[SourceId]


class Evidence(_Model):
    """Which sources back each fact of an entry (phones carry their own `evidence`)."""

    entry: SourceIds = Field(min_length=1, description=means("Evidence.entry"))
    address: SourceIds | None = Field(None, description=means("Evidence.address"))
    location: SourceIds | None = Field(None, description=means("Evidence.location"))
    email: SourceIds | None = Field(None, description=means("Evidence.email"))
    hours: SourceIds | None = Field(None, description=means("Evidence.hours"))
    services: SourceIds | None = Field(None, description=means("Evidence.services"))
    access: SourceIds | None = Field(None, description=means("Evidence.access"))
    languages: SourceIds | None = Field(None, description=means("Evidence.languages"))

    def of(self, fact: str) -> tuple[str, ...]:
        return tuple(getattr(self, fact) or ())
