"""What each published fact rests on, derived once from the registry's sources and checks: its basis (a call,
the operator's own page, a news report ...), its age, and the entry's status, which is never typed by hand.

A fact is *confirmed* when a call, visit or e-mail confirmed it; *corroborated* when two independent sources
(different publishers, copies of one release counted once) or an official one (the operator's own page, an
official register) give it. An entry is verified when every contact fact it publishes (each phone, the
address, the hours) is confirmed; partial when every fact it publishes is confirmed or corroborated;
unverified otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal, get_args

from builder.registry.evidence import FACTS, Check, CheckMethod, Published, Source, Verification
from builder.registry.models import Center, Hotline, Localized, Phone
from builder.registry.sourcing import CONTACT_METHODS, confirming, present_facts

Status = Literal["verified", "partial", "unverified"]
Basis = Literal["call", "visit", "email", "operator-page", "operator", "register", "news", "other"]
_STRENGTH: Final[tuple[Basis, ...]] = (
    "call",
    "visit",
    "email",
    "operator-page",
    "operator",
    "register",
    "news",
    "other",
)
CONTACT_FACTS: Final = ("address", "hours")
OLD_ADDRESS_YEARS: Final = 3
STALE_DAYS: Final = 365
CHECK_METHODS: Final = frozenset(get_args(CheckMethod))


@dataclass(frozen=True)
class FactEvidence:
    """One published fact: the sources that give it and the checks that confirmed it (newest last)."""

    fact: str  # a fact name of registry.evidence.FACTS, or "phone"
    sources: tuple[Source, ...]
    checks: tuple[Check, ...]
    inferred: Localized | None = None

    @property
    def basis(self) -> Basis:
        """The strongest thing the fact rests on."""
        kinds: list[Basis] = [c.method for c in self.checks] + [s.kind for s in self.sources]
        return min(kinds, key=_STRENGTH.index) if kinds else "other"

    @property
    def confirmed(self) -> Check | None:
        """The newest call, visit or e-mail that confirmed it."""
        contacts = [c for c in self.checks if c.method in CONTACT_METHODS]
        return max(contacts, key=lambda c: c.date) if contacts else None

    @property
    def independent(self) -> int:
        """How many independent sources give it: one per publisher, copies of one text counted once."""
        originals = {s.copy_of or s.id for s in self.sources}
        return len({s.publisher.casefold() for s in self.sources if s.id in originals})

    @property
    def corroborated(self) -> bool:
        official = any(s.kind in ("operator", "register") for s in self.sources) or bool(self.checks)
        return official or self.independent >= 2

    @property
    def newest_source(self) -> Source | None:
        """The newest dated source, or the newest read undated one."""
        dated = [s for s in self.sources if s.published is not None]
        if dated:
            return max(dated, key=lambda s: (s.published.last_day() if s.published else dt.date.min, s.read))
        return max(self.sources, key=lambda s: s.read) if self.sources else None

    def as_of(self) -> dt.date | None:
        """The last day the evidence speaks for: the newest check, or the end of the newest source's date."""
        dates = [c.date for c in self.checks]
        dates += [s.published.last_day() for s in self.sources if s.published is not None]
        return max(dates) if dates else None

    def older_than(self, today: dt.date, days: int) -> bool:
        """True when its newest evidence is more than `days` before `today`, or has no date at all."""
        newest = self.as_of()
        return newest is None or (today - newest).days > days


def basis_key(basis: Basis) -> str:
    """The ui.yaml key that names a basis in words: a check's method, or a source's kind."""
    return f"check.{basis}" if basis in CHECK_METHODS else f"evidence.kind.{basis}"


def phone_evidence(verification: Verification, phone: Phone) -> FactEvidence:
    sources = tuple(s for i in phone.evidence if (s := verification.source(i)) is not None)
    checks = tuple(confirming(verification, phone.key, CONTACT_METHODS | {"operator-page"}))
    return FactEvidence("phone", sources, checks, phone.inferred)


def fact_evidence(entry: Center | Hotline, fact: str) -> FactEvidence:
    verification = entry.verification
    sources = tuple(s for i in entry.evidence.of(fact) if (s := verification.source(i)) is not None)
    checks = tuple(confirming(verification, fact, CONTACT_METHODS | {"operator-page"}))
    return FactEvidence(fact, sources, checks)


def facts(entry: Center | Hotline) -> dict[str, FactEvidence]:
    """Every fact the entry publishes, by name (phones as "phone:<key>")."""
    present = present_facts(entry)
    found = {fact: fact_evidence(entry, fact) for fact in FACTS if present.get(fact)}
    found |= {f"phone:{p.key}": phone_evidence(entry.verification, p) for p in entry.phones}
    return found


def status(entry: Center | Hotline) -> Status:
    published = facts(entry)
    contact = [e for name, e in published.items() if name.startswith("phone:") or name in CONTACT_FACTS]
    if contact and all(e.confirmed is not None for e in contact):
        return "verified"
    if all(e.confirmed is not None or e.corroborated for e in published.values()):
        return "partial"
    return "unverified"


def contact(facts: Iterable[FactEvidence]) -> list[FactEvidence]:
    """The contact facts among `facts`: each phone, the address, the hours."""
    return [f for f in facts if f.fact == "phone" or f.fact in CONTACT_FACTS]


def is_stale(facts: Iterable[FactEvidence], today: dt.date, days: int = STALE_DAYS) -> bool:
    """Contact facts that rest on evidence older than `days` (or undated): they may have changed."""
    return any(f.older_than(today, days) for f in contact(facts))


def newest(facts: Iterable[FactEvidence]) -> dt.date | None:
    """The newest evidence of the contact facts (None when none is dated)."""
    dates = [d for f in contact(facts) if (d := f.as_of()) is not None]
    return max(dates) if dates else None


def old_address(address: FactEvidence | None, today: dt.date) -> Published | None:
    """When the address rests only on evidence older than three years: the newest source's date."""
    if address is None:
        return None
    limit = today - dt.timedelta(days=round(OLD_ADDRESS_YEARS * 365.25))
    if any(c.date >= limit for c in address.checks):
        return None
    source = address.newest_source
    if source is None or source.published is None:
        return None
    return source.published if source.published.last_day() < limit else None
