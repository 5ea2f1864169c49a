"""Checks that span entries or files, and the warnings an editor should see before publishing.

They read the raw data, so they also run on entries that failed their own validation: the editor sees
every problem in one pass. A warning is printed but does not stop publication.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, Final

from builder.registry import source
from builder.registry.messages import dotted, shown_text
from builder.registry.problems import Problem
from builder.registry.wording import Say

# Texts longer than this are published, with a warning: (limit, why).
LIMITS: Final[dict[str, tuple[int, str]]] = {
    "name": (100, "reason.short"),
    "operator": (120, "reason.short"),
    "address": (160, "reason.short"),
    "label": (140, "reason.label"),
    "how": (300, "reason.short"),
    "eligibility": (300, "reason.short"),
    "interpreting": (300, "reason.short"),
    "transport": (300, "reason.short"),
    "description": (400, "reason.short"),
    "notes": (500, "reason.notes"),
}
NAMES: Final = ("name", "operator", "address")
_HIDDEN: Final = ("address", "location", "district", "transport")  # never published for a confidential entry
# Words that place a building: street, neighbourhood, number (Turkish, and as they appear in translations).
_PLACE_WORDS: Final = re.compile(
    r"\b(mahalle(si)?|mah\.|sokak|sokağı|sok\.|sk\.|cadde(si)?|cad\.|bulvar(ı)?|blv\.|no\s*:|street|avenue)",
    re.IGNORECASE,
)
_JOINERS: Final = "\u200c\u200d"  # Persian and Kurdish spelling needs the zero-width (non-)joiner
# ` #` outside quotes starts a comment; when no space follows (`Kat 2 #3`) it was most likely meant as text.
_CUT: Final = re.compile(r"""^(\s*(?:-\s+)?(?:[\w.-]+:\s+)?)([^'"\s#{\[][^#'"{\[]*?)\s+#(\S.*)$""")


def _at(
    doc: source.Document, path: tuple[str | int, ...], entry: str, field: str, say: Say, warning: bool = False
) -> Problem:
    line, column = doc.position(path)
    return Problem.of(doc.file, line, column, say, entry, field, warning)


def cross_check(docs: dict[str, source.Document]) -> list[Problem]:
    cdoc, hdoc = docs["centers"], docs["hotlines"]
    raw = docs["districts"].data.get("districts") if isinstance(docs["districts"].data, dict) else None
    districts = (
        {str(k): str(v.get("name", k)) if isinstance(v, dict) else str(k) for k, v in raw.items()}
        if isinstance(raw, dict)
        else None
    )
    return _centers(cdoc, districts) + _unique_ids(hdoc, "hotlines", "hotline")


def _entry(item: dict[str, Any], index: int, noun: str) -> str:
    ident = item.get("id")
    return f"{noun} {ident if isinstance(ident, str) and ident.strip() else f'#{index + 1}'}"


def _centers(cdoc: source.Document, districts: dict[str, str] | None) -> list[Problem]:
    problems = _unique_ids(cdoc, "centers", "center")
    for index, item in raw_items(cdoc, "centers"):
        entry, here = _entry(item, index, "center"), ("centers", index)
        district = item.get("district")
        if isinstance(district, str) and districts is not None and district not in districts:
            close = difflib.get_close_matches(district, list(districts), 1)
            hint = Say("did_you_mean", close=close[0]) if close else Say("see_districts")
            say = Say("unknown_district", got=shown_text(district), hint=hint)
            problems.append(_at(cdoc, (*here, "district"), entry, "district", say))
        if item.get("confidential") is True:
            for field in _HIDDEN:
                if item.get(field) is not None:
                    problems.append(_at(cdoc, (*here, field), entry, field, Say("confidential_field")))
            for path, text in _texts(item, ()):
                found = "" if path[0] in _HIDDEN else _place_named(text, districts or {})
                if found:
                    field = dotted(path)
                    say = Say("confidential_place", found=found)
                    problems.append(_at(cdoc, (*here, *path), entry, field, say))
        elif item.get("kind") == "shelter":
            problems.append(_at(cdoc, (*here, "kind"), entry, "confidential", Say("shelter_confidential")))
    return problems


def _texts(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every published text of a raw entry with its path; the sources and checks are the editors' record."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("verification", "evidence", "id", "website", "url", "email"):
                yield from _texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*path, index))
    elif isinstance(node, str):
        yield path, node


def _fold(text: str) -> str:
    """İ/ı and the other Turkish letters reduced to ASCII, so Karşıyaka and Karsiyaka match."""
    text = text.replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _place_named(text: str, districts: dict[str, str]) -> str:
    """The first place word or district name in `text` (a district only as a capitalised word), or ''."""
    words = _PLACE_WORDS.search(text)
    if words:
        return words.group(0)
    folded = _fold(text)
    for name in districts.values():
        if re.search(rf"(?<!\w){re.escape(_fold(name))}(?!\w)", folded):
            return name
    return ""


def _unique_ids(doc: source.Document, top: str, noun: str) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for index, item in raw_items(doc, top):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in first:
            line, _ = doc.position((top, first[ident], "id"))
            problems.append(_at(doc, (top, index, "id"), f"{noun} {ident}", "id", Say("duplicate_id", line=line)))
        first.setdefault(ident, index)
    return problems


def warnings(docs: dict[str, source.Document]) -> list[Problem]:
    """What is published but worth an editor's look: a text cut by ` #`, an over-long text, odd characters."""
    out: list[Problem] = []
    for top, noun in (("centers", "center"), ("hotlines", "hotline")):
        doc = docs.get(top)
        if doc is None:
            continue
        out += _comment_cuts(doc)
        for index, item in raw_items(doc, top):
            entry = _entry(item, index, noun)
            for path, text in _texts(item, ()):
                named = [p for p in path if isinstance(p, str) and p in LIMITS]
                field = dotted(path)
                if named and named[-1] in LIMITS and len(text) > LIMITS[named[-1]][0]:
                    limit, why = LIMITS[named[-1]]
                    say = Say("warn.long", length=len(text), limit=limit, reason=Say(why))
                    out.append(_at(doc, (top, index, *path), entry, field, say, warning=True))
                odd = _odd_characters(text) if path and path[0] in NAMES else ""
                if odd:
                    out.append(_at(doc, (top, index, *path), entry, field, Say("warn.characters", chars=odd), True))
    return out


def _comment_cuts(doc: source.Document) -> list[Problem]:
    out = []
    for number, line in enumerate(doc.text.splitlines(), 1):
        if line.lstrip().startswith("#"):
            continue
        match = _CUT.match(line)
        if match:
            kept, rest = match.group(2), match.group(3)
            say = Say("warn.comment_cut", kept=kept, whole=f"{kept} #{rest}")
            out.append(Problem.of(doc.file, number, len(match.group(1)) + 1, say, warning=True))
    return out


def _odd_characters(text: str) -> str:
    """Characters a name should not have: emoji and other symbols, control and invisible format characters."""
    odd = {
        c
        for c in text
        if unicodedata.category(c) in ("So", "Sk", "Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp") and c not in _JOINERS
    }
    return " ".join(sorted(shown_text(c) for c in odd))


def raw_items(doc: source.Document, top: str) -> list[tuple[int, dict[str, Any]]]:
    items = doc.data.get(top) if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]
