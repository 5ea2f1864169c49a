"""`python -m builder stale`: the entries due for a new check, oldest first, with where to start (the
operator's page, a phone call); exits 1 when there are any."""

from __future__ import annotations

import datetime as dt

from builder.registry import Registry, phones
from builder.registry.models import Center
from builder.site.freshness import DAYS, is_stale


def stale(registry: Registry, today: dt.date, days: int = DAYS) -> list[Center]:
    """The stale centers, oldest check first (then by id, so the list is stable)."""
    found = [c for c in registry.centers if is_stale(c, today, days)]
    return sorted(found, key=lambda c: (c.verification.checked, c.id))


def how_to_verify(center: Center) -> str:
    """Where an editor starts: the operator's own page first, then a call, then the recorded sources."""
    steps = []
    if center.website:
        steps.append(f"check the operator's page {center.website}")
    direct = [p for p in center.phones if p.kind == "direct"]
    if direct:
        steps.append(f"call {phones.national(direct[0].number)} and ask whether the entry is still right")
    elif center.phones:
        first = center.phones[0]
        steps.append(f"call {phones.national(first.number)} ({first.kind}) and ask for the centre")
    steps.append(f"re-read {center.verification.sources[0]}")
    return "; ".join(steps)


def report(centers: list[Center], today: dt.date, days: int = DAYS) -> str:
    if not centers:
        return f"No entry is older than {days} days: every center was checked since {today - dt.timedelta(days)}."
    count = len(centers)
    lines = [f"{count} center{'s' if count != 1 else ''} not checked for more than {days} days:", ""]
    for center in centers:
        age = (today - center.verification.checked).days
        lines += [
            f"- {center.id}: {center.name.tr}",
            f"    checked {center.verification.checked.isoformat()} ({age} days ago, {center.verification.status})",
            f"    to verify: {how_to_verify(center)}",
        ]
    lines += [
        "",
        "After checking, set `verification: checked:` to the day you checked, `method:` to how, and add "
        'the page you used to `sources:` (see CONTRIBUTING.md, "Checking an entry").',
    ]
    return "\n".join(lines)
