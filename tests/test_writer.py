"""The writer writes only what changed and removes what the builder no longer produces."""

from __future__ import annotations

from pathlib import Path

from builder.site.writer import write


def test_writes_only_changes_and_removes_stale_files(tmp_path: Path) -> None:
    pages = {"merkezler/a.md": "A", "merkezler/b.md": "B", "index.md": "home"}
    first = write(pages, tmp_path, ("merkezler",), ("index.md",))
    assert sorted(first.written) == sorted(pages)
    mtime = (tmp_path / "merkezler/a.md").stat().st_mtime_ns
    (tmp_path / "guide.md").write_text("hand-written")
    second = write({"merkezler/a.md": "A", "index.md": "home 2"}, tmp_path, ("merkezler",), ("index.md",))
    assert second.written == ["index.md"] and second.unchanged == 1 and second.removed == ["merkezler/b.md"]
    assert (tmp_path / "merkezler/a.md").stat().st_mtime_ns == mtime
    assert (tmp_path / "guide.md").read_text() == "hand-written"  # outside the builder's folders: untouched
