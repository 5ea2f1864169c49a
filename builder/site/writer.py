"""The only module of the core that touches disk: writes generated pages, and only what changed.

Rewriting an unchanged file would make `mkdocs serve` rebuild forever; a stale page of a removed center
must disappear, so files under the generated folders that are no longer produced are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def write(
    pages: dict[str, str], docs_dir: Path, generated_dirs: tuple[str, ...], generated_files: tuple[str, ...] = ()
) -> WriteReport:
    """Write `pages` under docs_dir. Every file under `generated_dirs`, and every name in `generated_files`,
    that is not in `pages` is removed: those places belong to the builder alone."""
    report = WriteReport()
    for rel, text in sorted(pages.items()):
        target = docs_dir / rel
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                report.unchanged += 1
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        report.written.append(rel)
    owned = [p for d in generated_dirs if (docs_dir / d).is_dir() for p in (docs_dir / d).rglob("*") if p.is_file()]
    owned += [docs_dir / name for name in generated_files if (docs_dir / name).is_file()]
    for path in owned:
        rel = path.relative_to(docs_dir).as_posix()
        if rel not in pages:
            path.unlink()
            report.removed.append(rel)
    return report
