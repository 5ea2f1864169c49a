"""The reviewer's change report: what a pull request changes in the registry, entry by entry.

A swapped phone number is the worst thing this project could publish, so every change to a way of
reaching or finding a center (phones, e-mail, website, address, location, confidentiality) comes first
and is marked. Works on raw data, so it also reports on a registry that does not validate.
"""

from __future__ import annotations

import difflib
import subprocess
from itertools import groupby
from pathlib import Path
from typing import Any

from builder.registry import source
from builder.registry.changes import SENSITIVE, CenterChanges, Change, Report, compare, flatten
from builder.registry.wording import say

__all__ = ["SENSITIVE", "CenterChanges", "Change", "Report", "compare", "flatten", "render", "report_for"]

MARK = "⚠"


def _value(value: Any, lang: str) -> str:
    return say("diff.none", lang) if value is None else repr(value) if isinstance(value, str) else str(value)


def digits_marked(old: str, new: str, markdown: bool) -> tuple[str, str]:
    """Both numbers with the characters that differ marked (**5** in Markdown, [5] in text): a swapped or
    mistyped digit is the change a reviewer must not miss."""
    mark = (lambda s: f"**{s}**") if markdown else (lambda s: f"[{s}]")
    if len(old) == len(new):  # same shape: the digits that differ, place by place (a swap marks both)
        runs = [(differ, list(run)) for differ, run in groupby(zip(old, new, strict=True), lambda p: p[0] != p[1])]
        marked = [(mark if differ else str)("".join(a for a, _ in run)) for differ, run in runs]
        marked_new = [(mark if differ else str)("".join(b for _, b in run)) for differ, run in runs]
        return "".join(marked), "".join(marked_new)
    before, after = "", ""
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        same = op == "equal"
        before += old[a1:a2] if same or a1 == a2 else mark(old[a1:a2])
        after += new[b1:b2] if same or b1 == b2 else mark(new[b1:b2])
    return before, after


def _change_line(change: Change, markdown: bool, lang: str) -> str:
    old, new = _value(change.old, lang), _value(change.new, lang)
    if change.path.endswith(".number") and isinstance(change.old, str) and isinstance(change.new, str):
        old, new = (repr(x) for x in digits_marked(change.old, change.new, markdown))
    return f"{old} → {new}"


def unevidenced(center: CenterChanges) -> bool:
    """A contact change with nothing new under `verification:` (no source, no check): it rests on nobody's word."""
    contact = any(c.sensitive for c in center.changes)
    evidence = any(c.path.startswith("verification.") and c.new is not None for c in center.changes)
    return contact and not evidence


def render(report: Report, markdown: bool = False, lang: str = "tr") -> str:
    code = (lambda s: f"`{s}`") if markdown else (lambda s: s)
    lines: list[str] = []
    head = "## " if markdown else ""
    if report.empty:
        return say("diff.no_change", lang) + "\n"
    if report.sensitive:
        warning = say("diff.sensitive", lang)
        lines += [f"{MARK} **{warning}**" if markdown else f"{MARK} {warning}", ""]
    if report.added:
        lines.append(f"{head}{say('diff.added', lang)}")
        for ident, name, fields in report.added:
            lines.append(f"- {MARK} {code(ident)} {name}")
            for path, value in fields.items():
                if path.split("[")[0].split(".")[0] in SENSITIVE:
                    lines.append(f"    - {code(path)}: {_value(value, lang)}")
        lines.append("")
    if report.removed:
        lines.append(f"{head}{say('diff.removed', lang)}")
        lines += [f"- {MARK} {code(ident)} {name}" for ident, name in report.removed]
        lines.append("")
    if report.changed:
        lines.append(f"{head}{say('diff.changed', lang)}")
        for center in report.changed:
            lines.append(f"- {MARK + ' ' if center.sensitive else ''}{code(center.id)} {center.name}")
            if unevidenced(center):
                lines.append(f"    - {MARK} {say('diff.no_evidence', lang)}")
            for change in center.changes:
                mark = f"{MARK} " if change.sensitive else ""
                lines.append(f"    - {mark}{code(change.path)}: {_change_line(change, markdown, lang)}")
        lines.append("")
    return "\n".join(lines)


# --- reading the two versions -------------------------------------------------------------------------------


class Unreadable(Exception):
    """One of the two versions cannot be read: the message says which and why."""


def report_for(root: Path, before: str, after: Path, markdown: bool = False, lang: str = "tr") -> str:
    """The report for `after` compared with `before`: a file, or the same file at a git revision."""
    if Path(before).is_file():
        old_raw, old_name = Path(before).read_bytes(), before
    else:
        rel = after.resolve().relative_to(root).as_posix()
        shown = subprocess.run(["git", "show", f"{before}:{rel}"], cwd=root, capture_output=True, check=False)
        if shown.returncode != 0:
            reason = shown.stderr.decode(errors="replace").strip()
            raise Unreadable(say("diff.unreadable", lang, file=rel, revision=before, reason=reason))
        old_raw, old_name = shown.stdout, f"{before}:{rel}"
    try:
        old = source.parse(old_raw, old_name).data
        new = source.read(after).data
    except source.SourceError as exc:
        raise Unreadable(exc.problem.line_text(lang)) from None
    return report(old, new, after.name, old_name, markdown, lang)


def report(old: Any, new: Any, file: str, before: str, markdown: bool = False, lang: str = "tr") -> str:
    """The report on the raw data of two versions of `file`, the older one named `before` ("main:data/...")."""
    title = say("diff.title", lang, file=file, before=before)
    head = f"# {title}\n" if markdown else f"{title}\n{'=' * len(title)}"
    return head + "\n" + render(compare(old, new), markdown=markdown, lang=lang)
