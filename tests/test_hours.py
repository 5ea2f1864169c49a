"""Opening hours (builder/registry/hours.py): either 24/7 or time ranges per weekday, checked for sense, read
once into typed spans and grouped once."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from builder.registry.hours import ALL_DAY, WEEKDAYS, Hours, Run, Span, hhmm, parse_span


def errors(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str, str]]:
    """(location, type, message) of every error that validating `data` raises."""
    with pytest.raises(ValidationError) as caught:
        Hours.model_validate(data)
    return [(tuple(e["loc"]), e["type"], e["msg"]) for e in caught.value.errors()]


def one_error(data: dict[str, Any]) -> tuple[tuple[str | int, ...], str, str]:
    [error] = errors(data)
    return error


def texts(spans: tuple[Span, ...]) -> tuple[str, ...]:
    return tuple(str(s) for s in spans)


# ------------------------------------------------------------------------------------------ valid forms


def test_weekday_ranges_and_days_not_listed_are_closed() -> None:
    hours = Hours.model_validate({"mon": ["08:30-12:00", "13:00-17:30"], "fri": ["08:30-17:30"]})

    assert hours.day("mon") == (Span(510, 720), Span(780, 1050))
    assert texts(hours.day("fri")) == ("08:30-17:30",)
    assert [d for d in WEEKDAYS if not hours.day(d)] == ["tue", "wed", "thu", "sat", "sun"]
    assert not hours.always_open
    assert hours.public_holidays == "unknown"


def test_always_open_alone() -> None:
    hours = Hours.model_validate({"always_open": True, "public_holidays": "open"})

    assert hours.always_open
    assert all(hours.day(d) == (ALL_DAY,) for d in WEEKDAYS)
    assert hours.by_span() == ((ALL_DAY, WEEKDAYS),)


def test_always_open_false_with_ranges_is_the_weekday_form() -> None:
    assert Hours.model_validate({"always_open": False, "tue": ["09:00-12:00"]}).day("tue") == (Span(540, 720),)


@pytest.mark.parametrize("interval", ["00:00-24:00", "23:59-24:00", "00:00-00:01", "08:30-17:30"])
def test_ranges_at_the_edges_of_the_day(interval: str) -> None:
    assert texts(Hours.model_validate({"sat": [interval]}).day("sat")) == (interval,)


def test_ranges_that_touch_do_not_overlap() -> None:
    assert texts(Hours.model_validate({"mon": ["08:00-12:00", "12:00-17:00"]}).day("mon")) == (
        "08:00-12:00",
        "12:00-17:00",
    )


def test_hours_are_frozen() -> None:
    hours = Hours.model_validate({"always_open": True})

    with pytest.raises(ValidationError):
        hours.always_open = False  # type: ignore[misc]


def test_spans_in_minutes() -> None:
    assert parse_span("00:00-24:00") == Span(0, 1440) == ALL_DAY
    assert (parse_span("08:30-17:30").start, parse_span("08:30-17:30").end) == (510, 1050)
    assert (hhmm(0), hhmm(510), hhmm(1440)) == ("00:00", "08:30", "24:00")


def test_spans_are_sorted_and_grouped_once() -> None:
    hours = Hours.model_validate(
        {
            "mon": ["13:00-17:30", "08:30-12:00"],
            "tue": ["08:30-12:00", "13:00-17:30"],
            "wed": ["08:30-17:30"],
            "fri": ["08:30-17:30"],
        }
    )
    split = (Span(510, 720), Span(780, 1050))
    assert hours.day("mon") == split
    assert hours.runs() == (
        Run(("mon", "tue"), split),
        Run(("wed",), (Span(510, 1050),)),
        Run(("fri",), (Span(510, 1050),)),
    )
    assert hours.by_span() == (
        (Span(510, 720), ("mon", "tue")),
        (Span(780, 1050), ("mon", "tue")),
        (Span(510, 1050), ("wed", "fri")),
    )
    assert hours.boundaries() == {510, 720, 780, 1050}
    assert hours.model_dump()["mon"] == ["08:30-12:00", "13:00-17:30"]  # written back as editors write it


# ---------------------------------------------------------------------------------- the two forms


def test_always_open_together_with_weekdays_is_refused() -> None:
    loc, kind, message = one_error({"always_open": True, "mon": ["08:30-17:30"]})

    assert (loc, kind) == ((), "value_error")
    assert "either always_open: true or weekday time ranges, not both" in message


@pytest.mark.parametrize(
    "data",
    [{}, {"public_holidays": "closed"}, {"always_open": False}, {"mon": None}],
    ids=["nothing", "holidays-only", "always-open-false", "null-day"],
)
def test_no_opening_times_is_refused(data: dict[str, Any]) -> None:
    loc, _, message = one_error(data)

    assert loc == ()
    assert "leave out `hours` entirely" in message


# ------------------------------------------------------------------------------------------ one range


@pytest.mark.parametrize(
    "interval",
    [
        "8:30-17:30",
        "08:30 - 17:30",
        "0830-1730",
        "08:30-17:60",
        "24:00-24:00",
        "08:30-25:00",
        "08.30-17.30",
        "08:30",
        "",
        "08:30-17:30-18:00",
    ],
)
def test_a_range_must_be_hh_mm_dash_hh_mm(interval: str) -> None:
    loc, kind, message = one_error({"wed": [interval]})

    assert (loc, kind) == (("wed", 0), "value_error")
    assert "expected a time range like 08:30-17:30" in message


@pytest.mark.parametrize("interval", ["17:30-08:30", "09:00-09:00", "23:00-01:00"])
def test_a_range_must_end_after_it_starts(interval: str) -> None:
    loc, _, message = one_error({"thu": ["07:00-08:00", interval]})

    assert loc == ("thu", 1)
    assert "ends before it starts" in message
    assert "two ranges on two days" in message


@pytest.mark.parametrize("interval", ["08:30-17:30\n", "08:30-24:00\n", "08:30-17:30\n\n"])
def test_a_range_with_a_trailing_newline_is_refused(interval: str) -> None:
    """A `|` block or an escaped \\n leaves a line break at the end, which `$` alone would let through."""
    loc, kind, message = one_error({"mon": [interval]})

    assert (loc, kind) == (("mon", 0), "value_error")
    assert "expected a time range like 08:30-17:30" in message


# ------------------------------------------------------------------------------------------- one day


@pytest.mark.parametrize(
    "day",
    [
        ["08:30-12:30", "12:00-17:30"],
        ["13:00-17:00", "08:00-13:30"],  # out of order
        ["08:00-12:00", "08:00-12:00"],  # the same range twice
        ["08:00-18:00", "10:00-11:00"],  # one inside the other
        ["08:00-09:00", "10:00-12:00", "11:00-13:00"],  # the overlap is not the first pair
    ],
    ids=["overlap", "unsorted", "duplicate", "nested", "later-pair"],
)
def test_ranges_of_one_day_must_not_overlap(day: list[str]) -> None:
    loc, _, message = one_error({"mon": day})

    assert loc == ("mon",)
    assert message.startswith("Value error, time ranges overlap: ")
    assert ", ".join(day) in message


def test_an_empty_day_is_refused() -> None:
    loc, kind, _ = one_error({"sun": [], "mon": ["08:00-12:00"]})

    assert (loc, kind) == (("sun",), "too_short")


def test_every_bad_day_is_reported() -> None:
    found = errors({"mon": ["17:30-08:30"], "tue": ["08:00-12:00", "11:00-13:00"], "wed": ["8-5"]})

    assert [loc for loc, _, _ in found] == [("mon", 0), ("tue",), ("wed", 0)]


# -------------------------------------------------------------------------------------- strict shapes


@pytest.mark.parametrize(
    ("data", "loc", "kind"),
    [
        ({"always_open": "yes"}, ("always_open",), "bool_type"),
        ({"always_open": 1}, ("always_open",), "bool_type"),
        ({"mon": "08:30-17:30"}, ("mon",), "list_type"),
        ({"mon": [830]}, ("mon", 0), "value_error"),
        ({"monday": ["08:30-17:30"], "mon": ["08:30-17:30"]}, ("monday",), "extra_forbidden"),
        ({"mon": ["08:30-17:30"], "public_holidays": "sometimes"}, ("public_holidays",), "literal_error"),
        ({"mon": ["08:30-17:30"], "timezone": "UTC"}, ("timezone",), "extra_forbidden"),
    ],
    ids=[
        "always-open-text",
        "always-open-number",
        "day-not-a-list",
        "range-not-text",
        "unknown-day",
        "unknown-holiday-rule",
        "unknown-key",
    ],
)
def test_shapes_are_strict(data: dict[str, Any], loc: tuple[str | int, ...], kind: str) -> None:
    assert one_error(data)[:2] == (loc, kind)
