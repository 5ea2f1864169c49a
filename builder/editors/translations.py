"""Translation coverage: interface strings, hand-written pages, which translations await review, and the
registry's entries (centers and hotlines) that have no text at all in a language.

`python -m builder translations` prints it; `python -m builder build` warns about the gaps. A page not
translated into a language is published there in Turkish with a notice in the reader's language; so is an
entry's name, notes or labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from builder.languages import DEFAULT, SITE_LANGUAGES, suffix
from builder.registry.models import Center, Hotline, Localized
from builder.registry.wording import say
from builder.site.i18n import Strings, languages_of

_REVIEW = re.compile(r"^translation_review:\s*(\S+)", re.MULTILINE)


@dataclass
class Coverage:
    lang: str
    strings: int
    strings_total: int
    pages: list[str] = field(default_factory=list)  # translated hand-written pages
    missing: list[str] = field(default_factory=list)  # shown in Turkish with a notice
    pending_review: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)  # "center x", "hotline y": no text at all in this language
    entries_total: int = 0


def handwritten_pages(docs_dir: Path, generated: tuple[str, ...]) -> list[str]:
    """Turkish source pages (x.md) that editors write, relative to docs_dir, without the generated ones."""
    out = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if rel.parts[0] in generated or len(path.suffixes) > 1 or (len(rel.parts) == 1 and rel.stem == "index"):
            continue
        out.append(rel.as_posix())
    return out


def texts(node: object) -> Iterator[Localized]:
    """Every localized text of an entry, however deep (phones' labels, services' notes ...)."""
    if isinstance(node, Localized):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from texts(getattr(node, name))
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from texts(item)


def untranslated(entries: Iterable[Center | Hotline], lang: str) -> list[str]:
    """The entries with not one text in `lang`: shown wholly in Turkish there."""
    out = []
    for entry in entries:
        noun = "center" if isinstance(entry, Center) else "hotline"
        if not any(getattr(text, lang) for text in texts(entry)):
            out.append(f"{noun} {entry.id}")
    return out


def coverage(
    strings: Strings,
    docs_dir: Path,
    generated: tuple[str, ...],
    languages: tuple[str, ...] = SITE_LANGUAGES,
    entries: Iterable[Center | Hotline] = (),
) -> list[Coverage]:
    pages = handwritten_pages(docs_dir, generated)
    entries = list(entries)
    report = []
    for lang in languages:
        needed = [values for key, values in strings.table.items() if lang in languages_of(key)]
        have = sum(1 for values in needed if values.get(lang, "").strip())
        item = Coverage(lang, have, len(needed), entries=untranslated(entries, lang), entries_total=len(entries))
        for page in pages:
            translated = docs_dir / (page[:-3] + suffix(lang) + ".md")
            if lang != DEFAULT and not translated.is_file():
                item.missing.append(page)
                continue
            item.pages.append(page)
            review = _REVIEW.search(translated.read_text(encoding="utf-8").split("\n---", 1)[0])
            if lang != DEFAULT and review and review.group(1) not in ("done", "reviewed"):
                item.pending_review.append(page)
        report.append(item)
    return report


def table(report: list[Coverage], lang: str = "tr") -> str:
    lines = [say("tx.head", lang), "|---|---|---|---|---|---|"]
    for c in report:
        total = len(c.pages) + len(c.missing)
        lines.append(
            f"| {c.lang} | {c.strings}/{c.strings_total} | {len(c.pages)}/{total} | "
            f"{', '.join(c.missing) or '—'} | {', '.join(c.pending_review) or '—'} | "
            f"{len(c.entries)}/{c.entries_total} |"
        )
    return "\n".join(lines)


def gaps(report: list[Coverage], lang: str = "tr") -> list[str]:
    out = []
    for c in report:
        if c.missing:
            out.append(say("tx.gap_pages", lang, lang_=c.lang, n=len(c.missing), pages=", ".join(c.missing)))
        if c.strings < c.strings_total:
            out.append(say("tx.gap_strings", lang, lang_=c.lang, n=c.strings_total - c.strings))
        if c.entries:
            out.append(say("tx.gap_entries", lang, lang_=c.lang, n=len(c.entries), entries=", ".join(c.entries)))
    return out
