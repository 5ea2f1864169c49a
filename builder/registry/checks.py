"""Checks that span entries or files, and the one that needs the clock.

They read the raw data, so they also run on entries that failed their own validation: the editor sees
every problem in one pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from builder.registry import source
from builder.registry.messages import shown_text
from builder.registry.problems import Problem


def _at(doc: source.Document, path: tuple[str | int, ...], entry: str, field: str, message: str) -> Problem:
    line, column = doc.position(path)
    return Problem(doc.file, line, column, message, entry, field)


def cross_check(docs: dict[str, source.Document], today: dt.date) -> list[Problem]:
    cdoc, hdoc = docs["centers"], docs["hotlines"]
    raw_districts = docs["districts"].data.get("districts") if isinstance(docs["districts"].data, dict) else None
    districts = [str(k) for k in raw_districts] if isinstance(raw_districts, dict) else None
    problems = _centers(cdoc, districts) + _unique_ids(hdoc, "hotlines", "hotline")
    for doc, top, noun in ((cdoc, "centers", "center"), (hdoc, "hotlines", "hotline")):
        problems += _not_in_future(doc, top, noun, today)
    return problems


def _entry(item: dict[str, Any], index: int, noun: str) -> str:
    ident = item.get("id")
    return f"{noun} {ident if isinstance(ident, str) else f'#{index + 1}'}"


def _centers(cdoc: source.Document, districts: list[str] | None) -> list[Problem]:
    problems = _unique_ids(cdoc, "centers", "center")
    for index, item in raw_items(cdoc, "centers"):
        entry, here = _entry(item, index, "center"), ("centers", index)
        district = item.get("district")
        if isinstance(district, str) and districts is not None and district not in districts:
            close = difflib.get_close_matches(district, districts, 1)
            hint = f"; did you mean `{close[0]}`?" if close else " (see data/districts.yaml)"
            message = f"unknown district `{shown_text(district)}`{hint}"
            problems.append(_at(cdoc, (*here, "district"), entry, "district", message))
        if item.get("confidential") is True:
            for field in ("address", "location", "district", "transport"):
                if item.get(field) is not None:
                    problems.append(
                        _at(
                            cdoc,
                            (*here, field),
                            entry,
                            field,
                            "a confidential entry must not have this field: its place is never published",
                        )
                    )
        elif item.get("kind") == "shelter":
            problems.append(
                _at(cdoc, (*here, "kind"), entry, "confidential", "a shelter must be marked `confidential: true`")
            )
    return problems


def _unique_ids(doc: source.Document, top: str, noun: str) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for index, item in raw_items(doc, top):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in first:
            line, _ = doc.position((top, first[ident], "id"))
            problems.append(
                _at(
                    doc,
                    (top, index, "id"),
                    f"{noun} {ident}",
                    "id",
                    f"the id is already used by the entry on line {line}; ids must be unique",
                )
            )
        first.setdefault(ident, index)
    return problems


def _not_in_future(doc: source.Document, top: str, noun: str, today: dt.date) -> list[Problem]:
    """A check dated after the build's day is a typo (2062 for 2026): refuse it, naming the build's date."""
    problems = []
    for index, item in raw_items(doc, top):
        verification = item.get("verification")
        checked = verification.get("checked") if isinstance(verification, dict) else None
        if isinstance(checked, dt.date) and checked > today:
            problems.append(
                _at(
                    doc,
                    (top, index, "verification", "checked"),
                    _entry(item, index, noun),
                    "verification.checked",
                    f"checked date {checked} is in the future (today is {today})",
                )
            )
    return problems


def raw_items(doc: source.Document, top: str) -> list[tuple[int, dict[str, Any]]]:
    items = doc.data.get(top) if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]
