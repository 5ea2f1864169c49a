"""The reviewer's change report: what a pull request changes in the registry, entry by entry.

A swapped phone number is the worst thing this project could publish, so every change to a way of
reaching or finding a center (phones, e-mail, website, address, location, confidentiality) comes first
and is marked. Works on raw data, so it also reports on a registry that does not validate.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.registry import source

SENSITIVE = ("phones", "email", "website", "address", "location", "district", "confidential")
MARK = "⚠"


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


def _value(value: Any) -> str:
    return "(none)" if value is None else repr(value) if isinstance(value, str) else str(value)


def render(report: Report, markdown: bool = False) -> str:
    code = (lambda s: f"`{s}`") if markdown else (lambda s: s)
    lines: list[str] = []
    head = "## " if markdown else ""
    if report.empty:
        return "No change.\n"
    if report.sensitive:
        lines += [
            f"{MARK} **This change touches contact details, places or whole entries. Check every "
            f"marked line against its source before merging.**"
            if markdown
            else f"{MARK} This change touches contact details, places or whole entries. Check every "
            "marked line against its source before merging.",
            "",
        ]
    if report.added:
        lines.append(f"{head}New entries")
        for ident, name, fields in report.added:
            lines.append(f"- {MARK} {code(ident)} {name}")
            for path, value in fields.items():
                if path.split("[")[0].split(".")[0] in SENSITIVE:
                    lines.append(f"    - {code(path)}: {_value(value)}")
        lines.append("")
    if report.removed:
        lines.append(f"{head}Removed entries (their pages would disappear)")
        lines += [f"- {MARK} {code(ident)} {name}" for ident, name in report.removed]
        lines.append("")
    if report.changed:
        lines.append(f"{head}Changed entries")
        for center in report.changed:
            lines.append(f"- {MARK + ' ' if center.sensitive else ''}{code(center.id)} {center.name}")
            for change in center.changes:
                mark = f"{MARK} " if change.sensitive else ""
                lines.append(f"    - {mark}{code(change.path)}: {_value(change.old)} → {_value(change.new)}")
        lines.append("")
    return "\n".join(lines)


# --- reading the two versions -------------------------------------------------------------------------------


class Unreadable(Exception):
    """One of the two versions cannot be read: the message says which and why."""


def report_for(root: Path, before: str, after: Path, markdown: bool = False) -> str:
    """The report for `after` compared with `before`: a file, or the same file at a git revision."""
    if Path(before).is_file():
        old_raw, old_name = Path(before).read_bytes(), before
    else:
        rel = after.resolve().relative_to(root).as_posix()
        shown = subprocess.run(["git", "show", f"{before}:{rel}"], cwd=root, capture_output=True, check=False)
        if shown.returncode != 0:
            reason = shown.stderr.decode(errors="replace").strip()
            raise Unreadable(f"cannot read {rel} at {before!r}: {reason}")
        old_raw, old_name = shown.stdout, f"{before}:{rel}"
    try:
        old = source.parse(old_raw, old_name).data
        new = source.read(after).data
    except source.SourceError as exc:
        raise Unreadable(str(exc.problem)) from None
    title = f"{after.name} (compared with {old_name})"
    head = f"# {title}\n" if markdown else f"{title}\n{'=' * len(title)}"
    return head + "\n" + render(compare(old, new), markdown=markdown)
