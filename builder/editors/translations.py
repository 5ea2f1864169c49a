"""Translation coverage: interface strings, hand-written pages, and which translations await review.

`python -m builder translations` prints it; `python -m builder build` warns about the gaps. A page not
translated into a language is published there in Turkish with a notice in the reader's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from builder.languages import DEFAULT, SITE_LANGUAGES, suffix
from builder.site.i18n import Strings

_REVIEW = re.compile(r"^translation_review:\s*(\S+)", re.MULTILINE)


@dataclass
class Coverage:
    lang: str
    strings: int
    strings_total: int
    pages: list[str] = field(default_factory=list)  # translated hand-written pages
    missing: list[str] = field(default_factory=list)  # shown in Turkish with a notice
    pending_review: list[str] = field(default_factory=list)


def handwritten_pages(docs_dir: Path, generated: tuple[str, ...]) -> list[str]:
    """Turkish source pages (x.md) that editors write, relative to docs_dir, without the generated ones."""
    out = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if rel.parts[0] in generated or len(path.suffixes) > 1 or (len(rel.parts) == 1 and rel.stem == "index"):
            continue
        out.append(rel.as_posix())
    return out


def coverage(
    strings: Strings, docs_dir: Path, generated: tuple[str, ...], languages: tuple[str, ...] = SITE_LANGUAGES
) -> list[Coverage]:
    pages = handwritten_pages(docs_dir, generated)
    report = []
    for lang in languages:
        have = sum(1 for values in strings.table.values() if values.get(lang, "").strip())
        item = Coverage(lang, have, len(strings.table))
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


def table(report: list[Coverage]) -> str:
    lines = [
        "| language | interface strings | pages translated | shown in Turkish | awaiting review |",
        "|---|---|---|---|---|",
    ]
    for c in report:
        total = len(c.pages) + len(c.missing)
        lines.append(
            f"| {c.lang} | {c.strings}/{c.strings_total} | {len(c.pages)}/{total} | "
            f"{', '.join(c.missing) or '—'} | {', '.join(c.pending_review) or '—'} |"
        )
    return "\n".join(lines)


def gaps(report: list[Coverage]) -> list[str]:
    out = []
    for c in report:
        if c.missing:
            out.append(f"{c.lang}: {len(c.missing)} page(s) shown in Turkish: {', '.join(c.missing)}")
        if c.strings < c.strings_total:
            out.append(f"{c.lang}: {c.strings_total - c.strings} interface string(s) missing")
    return out
