"""How old an entry's evidence is: a center not checked for a year may have moved, changed its number or
closed. Pages flag such entries; `python -m builder stale` (builder.editors.stale) lists them for editors."""

from __future__ import annotations

import datetime as dt
from typing import Final, Protocol

from builder.registry.models import Verification

DAYS: Final = 365


class Checked(Protocol):
    @property
    def verification(self) -> Verification: ...


def is_stale(entry: Checked, today: dt.date, days: int = DAYS) -> bool:
    """True when the entry was last checked more than `days` days before `today`."""
    return (today - entry.verification.checked).days > days
