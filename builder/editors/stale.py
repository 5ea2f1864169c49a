"""`python -m builder stale`: the entries (centers and lines) whose contact facts rest on evidence older than a
year, or undated, oldest first, with what each fact rests on and where to start; exits 1 when there are any.

The age is the evidence's (the newest call, or the date the source was published), not the day an editor last
looked. In Turkish by default (`--lang en` for the rest of the team).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from builder.registry import Registry, phones
from builder.registry.models import Center, Hotline
from builder.registry.wording import say
from builder.site import evidence
from builder.site.evidence import STALE_DAYS, FactEvidence
from builder.site.i18n import Strings


@dataclass(frozen=True)
class Due:
    entry: Center | Hotline
    facts: list[tuple[str, FactEvidence]]  # (what, evidence) of each contact fact that is too old
    as_of: dt.date | None  # the newest evidence of them all

    @property
    def noun(self) -> str:
        return "center" if isinstance(self.entry, Center) else "hotline"


def stale(registry: Registry, today: dt.date, days: int = STALE_DAYS) -> list[Due]:
    """The entries due for a new check: undated first, then the oldest evidence first, then by id."""
    found = []
    entries: list[Center | Hotline] = [*registry.centers, *registry.hotlines]
    for entry in entries:
        facts = evidence.facts(entry)
        old = [
            (name, f)
            for name, f in facts.items()
            if f in evidence.contact(facts.values()) and f.older_than(today, days)
        ]
        if old:
            found.append(Due(entry, old, evidence.newest(facts.values())))
    return sorted(found, key=lambda d: (d.as_of is not None, d.as_of or dt.date.min, d.entry.id))


def shown(key: str) -> str:
    """A phone's key as an editor writes it: a number in national form, or the web address of a route."""
    return phones.national(key) if key.startswith("+") or key.isdigit() else key


def _steps(entry: Center | Hotline, strings: Strings, lang: str) -> list[str]:
    steps = []
    if isinstance(entry, Center) and entry.website:
        steps.append(say("stale.page", lang, url=entry.website))
    for phone in entry.phones:
        if phone.number is not None and phone.kind != "national":
            kind = strings.get(f"phone.kind.{phone.kind}", lang)
            steps.append(say("stale.call", lang, number=phones.national(phone.number), kind=kind))
    return steps


def report(due: list[Due], strings: Strings, days: int = STALE_DAYS, lang: str = "tr") -> str:
    """The report in the editor's language (Turkish or English); what a line is and what a fact rests on are
    said in the site's own words (`strings`, data/ui.yaml)."""
    if not due:
        return say("stale.none", lang, days=days)
    lines = [say("stale.head", lang, n=len(due), days=days), ""]
    for item in due:
        lines.append(f"- {say(f'noun.{item.noun}', lang)} {item.entry.id}: {item.entry.name.tr}")
        for name, fact in item.facts:
            what = strings.get(f"fact.{fact.fact}", lang)
            what += f" {shown(name.removeprefix('phone:'))}" if fact.fact == "phone" else ""
            newest = fact.as_of()
            when = newest.isoformat() if newest else say("stale.undated", lang)
            basis = strings.get(evidence.basis_key(fact.basis), lang)
            lines.append(say("stale.fact", lang, fact=what, basis=basis, when=when))
        steps = _steps(item.entry, strings, lang)
        if steps:
            lines.append(say("stale.todo", lang, steps="; ".join(steps)))
    lines += ["", say("stale.foot", lang)]
    return "\n".join(lines)
