"""The rules of evidence (invariant 8: facts are sourced), checked on each validated entry and located for
the editor: every fact names its sources, every source backs a fact, a direct line is confirmed, a check
speaks of facts that exist, nothing is dated after the build, and a fact a check found wrong is not kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from builder.registry import phones as phone_numbers
from builder.registry import source
from builder.registry.evidence import FACTS, Check, Evidence, Verification
from builder.registry.models import Center, Hotline, Phone
from builder.registry.problems import Problem
from builder.registry.wording import Say

Path = tuple[str | int, ...]
CONTACT_METHODS = frozenset({"call", "visit", "email"})


@dataclass(frozen=True)
class Finding:
    path: Path  # from the entry
    field: str
    say: Say


def check(doc: source.Document, top: str, index: int, entry: Center | Hotline, today: dt.date) -> list[Problem]:
    noun = "center" if top == "centers" else "hotline"
    out = []
    for finding in findings(entry, today):
        line, column = doc.position((top, index, *finding.path))
        out.append(Problem.of(doc.file, line, column, finding.say, f"{noun} {entry.id}", finding.field))
    return out


def present_facts(entry: Center | Hotline) -> dict[str, bool]:
    """Which facts of the evidence mapping the entry states."""
    if isinstance(entry, Hotline):
        return {"entry": True, "hours": entry.hours is not None, "languages": entry.languages != ["tr"]}
    return {
        "entry": True,
        "address": entry.address is not None,
        "location": entry.location is not None and entry.location.source != "geocoded",
        "email": entry.email is not None,
        "hours": entry.hours is not None,
        "services": True,
        "access": entry.access.known,
        "languages": entry.languages != ["tr"],
    }


def phone_key(text: str) -> str | None:
    """A check's name for a phone, as the phone stores it (E.164 or a short code); None if it is no number."""
    try:
        return phone_numbers.normalize(text)
    except ValueError:
        return None


def confirming(verification: Verification, key: str, methods: frozenset[str] = CONTACT_METHODS) -> list[Check]:
    """The checks that confirmed fact `key` (a fact name, or a phone's key), by the given methods."""
    return [c for c in verification.checks if c.method in methods and key in _keys(c.confirmed)]


def _keys(names: list[str]) -> set[str]:
    return {name if name in FACTS else (phone_key(name) or name) for name in names}


def findings(entry: Center | Hotline, today: dt.date) -> Iterator[Finding]:
    verification, evidence = entry.verification, entry.evidence
    ids = [s.id for s in verification.sources]
    yield from _sources(verification, ids, today)
    referenced: set[str] = set()
    present = present_facts(entry)
    for fact in FACTS:
        if fact not in Evidence.model_fields:
            continue
        named = evidence.of(fact)
        referenced |= set(named)
        yield from _unknown(named, ids, ("evidence", fact))
        confirmed = confirming(verification, fact, CONTACT_METHODS | {"operator-page"})
        if present.get(fact) and not named and not confirmed:
            yield Finding(
                ("evidence",),
                f"evidence.{fact}",
                Say("src.none", fact=Say(f"fact.{fact}"), key=fact),
            )
        if named and not present.get(fact):
            yield Finding(
                ("evidence", fact),
                f"evidence.{fact}",
                Say("src.no_fact", fact=Say(f"fact.{fact}"), key=fact),
            )
    for index, phone in enumerate(entry.phones):
        referenced |= set(phone.evidence)
        yield from _unknown(phone.evidence, ids, ("phones", index, "evidence"))
        yield from _phone(verification, phone, index)
    for index, item in enumerate(verification.sources):
        if item.id not in referenced and not any(s.copy_of == item.id for s in verification.sources):
            yield Finding(
                ("verification", "sources", index, "id"),
                f"verification.sources[{index}]",
                Say("src.unused", id=item.id),
            )
    yield from _checks(entry, today)


def _sources(verification: Verification, ids: list[str], today: dt.date) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, item in enumerate(verification.sources):
        here = ("verification", "sources", index)
        if item.id in seen:
            yield Finding(
                (*here, "id"),
                f"verification.sources[{index}].id",
                Say("src.duplicate", id=item.id),
            )
        seen.add(item.id)
        if item.read > today:
            yield Finding(
                (*here, "read"),
                f"verification.sources[{index}].read",
                Say("src.read_future", date=item.read, today=today),
            )
        if item.published is not None and item.published.first_day() > min(item.read, today):
            yield Finding(
                (*here, "published"),
                f"verification.sources[{index}].published",
                Say("src.published_after", published=item.published, read=item.read),
            )
        if item.copy_of is not None and (item.copy_of not in ids or item.copy_of == item.id):
            yield Finding(
                (*here, "copy_of"),
                f"verification.sources[{index}].copy_of",
                Say("src.copy_of", id=item.copy_of),
            )


def _unknown(named: tuple[str, ...] | list[str], ids: list[str], path: Path) -> Iterator[Finding]:
    for index, name in enumerate(named):
        if name not in ids:
            yield Finding(
                (*path, index),
                ".".join(str(p) for p in path) + f"[{index}]",
                Say("src.unknown_id", name=name, ids=", ".join(ids)),
            )


def _phone(verification: Verification, phone: Phone, index: int) -> Iterator[Finding]:
    here, field = ("phones", index), f"phones[{index}]"
    called = confirming(verification, phone.key)
    if not phone.evidence and not called:
        yield Finding(
            (*here, "number"),
            f"{field}.evidence",
            Say("phone.no_source"),
        )
    if phone.kind != "direct":
        return
    official = any(
        (s := verification.source(i)) is not None and s.kind in ("operator", "register") for i in phone.evidence
    )
    if phone.inferred is not None and not called:
        yield Finding(
            (*here, "kind"),
            f"{field}.kind",
            Say("phone.inferred_direct"),
        )
    elif not called and not official and not confirming(verification, phone.key, frozenset({"operator-page"})):
        yield Finding(
            (*here, "kind"),
            f"{field}.kind",
            Say("phone.direct_unconfirmed"),
        )


def _checks(entry: Center | Hotline, today: dt.date) -> Iterator[Finding]:
    present = {fact for fact, here in present_facts(entry).items() if here}
    phone_keys = {p.key for p in entry.phones}
    latest: dict[str, tuple[dt.date, int, bool, int]] = {}  # fact -> (date, check index, wrong?, item index)
    for index, item in enumerate(entry.verification.checks):
        here = ("verification", "checks", index)
        if item.date > today:
            yield Finding(
                (*here, "date"),
                f"verification.checks[{index}].date",
                Say("future_check", date=item.date, today=today),
            )
        for group in ("confirmed", "wrong"):
            for position, name in enumerate(getattr(item, group)):
                key = name if name in FACTS else phone_key(name) or name
                if key not in present and key not in phone_keys:
                    if group == "wrong":
                        continue  # a fact found wrong and since removed: the check stays as history
                    yield Finding(
                        (*here, group, position),
                        f"verification.checks[{index}].{group}[{position}]",
                        Say("check.unknown_fact", name=name, facts=", ".join(sorted(present))),
                    )
                    continue
                if key not in latest or (item.date, index) >= latest[key][:2]:
                    latest[key] = (item.date, index, group == "wrong", position)
    for date, index, wrong, position in latest.values():
        if wrong:
            yield Finding(
                ("verification", "checks", index, "wrong", position),
                f"verification.checks[{index}].wrong[{position}]",
                Say("check.wrong_kept", date=date),
            )
