"""What changed between two versions of the registry, entry by entry: pure, on the raw data (so it also
compares a registry that does not validate). The reviewer's report (builder.editors.changes) and the
open-data feed of changes (builder.exports.feed) both read it.

A swapped phone number is the worst thing this project could publish, so every change to a way of
reaching or finding a center (phones, e-mail, website, address, location, confidentiality) is *sensitive*
and sorts first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SENSITIVE = ("phones", "email", "website", "address", "location", "district", "confidential")


@dataclass(frozen=True)
class Change:
    path: str  # "phones[0].number"
    old: Any
    new: Any

    @property
    def sensitive(self) -> bool:
        return self.path.split("[")[0].split(".")[0] in SENSITIVE


@dataclass
class CenterChanges:
    id: str
    name: str
    changes: list[Change] = field(default_factory=list)

    @property
    def sensitive(self) -> bool:
        return any(c.sensitive for c in self.changes)


@dataclass
class Report:
    added: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # id, name, flat fields
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[CenterChanges] = field(default_factory=list)

    @property
    def sensitive(self) -> bool:
        return bool(self.added or self.removed or any(c.sensitive for c in self.changed))

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out |= flatten(item, f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(value, list):
        out = {}
        for index, item in enumerate(value):
            out |= flatten(item, f"{prefix}[{index}]")
        return out or {prefix: []}
    return {prefix: value}


def _entries(data: Any) -> dict[str, dict[str, Any]]:
    """Entries by id, from a centers or hotlines file."""
    lists = [v for v in data.values() if isinstance(v, list)] if isinstance(data, dict) else []
    return {str(e["id"]): e for e in (lists[0] if lists else []) if isinstance(e, dict) and "id" in e}


def _name(center: dict[str, Any]) -> str:
    name = center.get("name")
    return str(name.get("tr", "")) if isinstance(name, dict) else str(name or "")


def compare(old_data: Any, new_data: Any) -> Report:
    old, new = _entries(old_data), _entries(new_data)
    report = Report()
    for ident in new.keys() - old.keys():
        report.added.append((ident, _name(new[ident]), flatten(new[ident])))
    for ident in old.keys() - new.keys():
        report.removed.append((ident, _name(old[ident])))
    for ident in sorted(old.keys() & new.keys()):
        before, after = flatten(old[ident]), flatten(new[ident])
        diffs = [
            Change(path, before.get(path), after.get(path))
            for path in sorted(before.keys() | after.keys())
            if before.get(path) != after.get(path)
        ]
        if diffs:
            diffs.sort(key=lambda c: (not c.sensitive, c.path))
            report.changed.append(CenterChanges(ident, _name(new[ident]), diffs))
    report.added.sort()
    report.removed.sort()
    report.changed.sort(key=lambda c: (not c.sensitive, c.id))
    return report
