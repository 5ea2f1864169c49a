"""Opening hours: the registry's form (weekly intervals in Europe/Istanbul time, or 24/7) and its checks.

Unknown hours are simply absent: the site then says "call before you go" and never guesses.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

TIMEZONE: Final = "Europe/Istanbul"
WEEKDAYS: Final[tuple[str, ...]] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_INTERVAL = re.compile(r"([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)")


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def _check_interval(value: str) -> str:
    match = _INTERVAL.fullmatch(value)
    if not match:
        raise ValueError(f"expected a time range like 08:30-17:30 (24-hour clock, in quotes); got {value!r}")
    start, end = value.split("-")
    if minutes(end) <= minutes(start):
        raise ValueError(f"{value!r} ends before it starts; a range past midnight is two ranges on two days")
    return value


Interval = Annotated[str, AfterValidator(_check_interval)]


def _check_day(intervals: list[str]) -> list[str]:
    spans = sorted((minutes(i.split("-")[0]), minutes(i.split("-")[1])) for i in intervals)
    for (_, end), (start, _) in pairwise(spans):
        if start < end:
            raise ValueError(f"time ranges overlap: {', '.join(intervals)}")
    return intervals


Day = Annotated[list[Interval], AfterValidator(_check_day), Field(min_length=1)]


class Hours(BaseModel):
    """Either `always_open: true`, or time ranges per weekday (days not listed are closed)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    always_open: bool = Field(False, description="Open 24 hours, 7 days a week.")
    mon: Day | None = None
    tue: Day | None = None
    wed: Day | None = None
    thu: Day | None = None
    fri: Day | None = None
    sat: Day | None = None
    sun: Day | None = None
    public_holidays: Literal["closed", "open", "unknown"] = Field(
        "unknown", description="What happens on Turkish public and religious holidays."
    )

    @model_validator(mode="after")
    def _one_form(self) -> Hours:
        has_days = any(self.day(d) for d in WEEKDAYS)
        if self.always_open and has_days:
            raise ValueError("give either always_open: true or weekday time ranges, not both")
        if not self.always_open and not has_days:
            raise ValueError("no opening times given; if they are unknown, leave out `hours` entirely")
        return self

    def day(self, weekday: str) -> tuple[str, ...]:
        return tuple(getattr(self, weekday) or ())
