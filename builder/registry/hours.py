"""Opening hours: the registry's form (weekly time ranges in Europe/Istanbul time, or 24/7), read once into
typed spans, and grouped once, so that pages, islands and exports only format them.

Editors write a range as text ("08:30-17:30"); everything after validation sees a `Span` of minutes.
Unknown hours are simply absent: the site then says "call before you go" and never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby, pairwise
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)

from builder.registry.form import Form
from builder.registry.meanings import DAY_KEY, means
from builder.registry.wording import Say

TIMEZONE: Final = "Europe/Istanbul"
WEEKDAYS: Final[tuple[str, ...]] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_MINUTES: Final = 24 * 60
_RANGE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))")
RANGE_FORM: Final = "a time range like 08:30-17:30 (24-hour clock, in quotes)"


@dataclass(frozen=True, order=True)
class Span:
    """From `start` to `end`, in minutes after midnight; `end` may be 1440 (24:00)."""

    start: int
    end: int

    def __str__(self) -> str:
        return f"{hhmm(self.start)}-{hhmm(self.end)}"


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


ALL_DAY: Final = Span(0, DAY_MINUTES)


def parse_span(value: Any) -> Span:
    """The editor's text "08:30-17:30" as a Span; a ValueError in words an editor can act on."""
    if isinstance(value, Span):
        return value
    if not isinstance(value, str):
        raise Say("hours.range", got=repr(value))
    match = _RANGE.fullmatch(value)
    if not match:
        raise Say("hours.range", got=repr(value))
    numbers = [int(g) for g in match.groups() if g is not None]
    span = Span(numbers[0] * 60 + numbers[1], numbers[2] * 60 + numbers[3])
    if span.end <= span.start:
        raise Say("hours.backwards", got=repr(value))
    return span


RangeText = Annotated[
    Span,
    PlainValidator(parse_span),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": _RANGE.pattern, "description": RANGE_FORM}),
    Form("range"),
]


def _check_day(spans: list[Span]) -> list[Span]:
    ordered = sorted(spans)
    for first, second in pairwise(ordered):
        if second.start < first.end:
            raise Say("hours.overlap", spans=", ".join(str(s) for s in spans))
    return ordered


Day = Annotated[
    list[RangeText],
    Field(min_length=1),
    AfterValidator(_check_day),
    Form("day"),
]


@dataclass(frozen=True)
class Run:
    """Consecutive weekdays with the same spans: "Monday–Friday 08:30–17:30"."""

    days: tuple[str, ...]
    spans: tuple[Span, ...]


class Hours(BaseModel):
    """Either `always_open: true`, or time ranges per weekday (days not listed are closed)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    always_open: bool = Field(False, description=means("Hours.always_open"))
    mon: Day | None = Field(None, description=means(DAY_KEY))
    tue: Day | None = Field(None, description=means(DAY_KEY))
    wed: Day | None = Field(None, description=means(DAY_KEY))
    thu: Day | None = Field(None, description=means(DAY_KEY))
    fri: Day | None = Field(None, description=means(DAY_KEY))
    sat: Day | None = Field(None, description=means(DAY_KEY))
    sun: Day | None = Field(None, description=means(DAY_KEY))
    public_holidays: Literal["closed", "open", "unknown"] = Field("unknown", description=means("Hours.public_holidays"))

    @model_validator(mode="after")
    def _one_form(self) -> Hours:
        has_days = any(getattr(self, d) for d in WEEKDAYS)
        if self.always_open and has_days:
            raise Say("hours.both")
        if not self.always_open and not has_days:
            raise Say("hours.none")
        return self

    def day(self, weekday: str) -> tuple[Span, ...]:
        """The day's spans, earliest first; (ALL_DAY,) every day when always open."""
        if self.always_open:
            return (ALL_DAY,)
        return tuple(getattr(self, weekday) or ())

    def week(self) -> tuple[tuple[str, tuple[Span, ...]], ...]:
        """Every weekday with its spans (empty = closed), Monday first."""
        return tuple((day, self.day(day)) for day in WEEKDAYS)

    def runs(self) -> tuple[Run, ...]:
        """Runs of consecutive open weekdays with equal spans, Monday first; closed days left out."""
        return tuple(
            Run(tuple(days), spans)
            for spans, group in groupby(WEEKDAYS, key=self.day)
            if spans
            for days in [list(group)]
        )

    def by_span(self) -> tuple[tuple[Span, tuple[str, ...]], ...]:
        """Each distinct span with every weekday that has it, in the order first met (schema.org, HSDS)."""
        days: dict[Span, list[str]] = {}
        for weekday in WEEKDAYS:
            for span in self.day(weekday):
                days.setdefault(span, []).append(weekday)
        return tuple((span, tuple(found)) for span, found in days.items())

    def boundaries(self) -> set[int]:
        """Every minute at which the hours open or close (the locator formats these times once)."""
        return {m for _, spans in self.week() for span in spans for m in (span.start, span.end)}
