"""The reviewer's change report (python -m builder diff)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builder.editors import changes
from tests.conftest import ROOT

OLD = """centers:
  - id: a
    name: {tr: A Merkezi}
    phones:
      - number: 0232 362 57 77
    notes: {tr: eski}
  - id: gone
    name: {tr: Kapanan}
"""
NEW = """centers:
  - id: a
    name: {tr: A Merkezi}
    phones:
      - number: 0232 362 57 78
    notes: {tr: yeni}
  - id: fresh
    name: {tr: Yeni Merkez}
    phones:
      - number: 0232 111 11 11
"""


def test_a_changed_phone_is_listed_first_and_marked(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "centers.yaml"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "builder", "--root", str(tmp_path), "diff", str(old), str(new)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "⚠ This change touches contact details" in out
    phone = out.index("⚠ phones[0].number: '0232 362 57 77' → '0232 362 57 78'")
    notes = out.index("notes.tr: 'eski' → 'yeni'")
    assert phone < notes and "⚠ notes" not in out
    assert "- ⚠ fresh Yeni Merkez" in out and "phones[0].number: '0232 111 11 11'" in out
    assert "- ⚠ gone Kapanan" in out.split("Removed entries")[1]


def test_markdown_for_the_job_summary(tmp_path: Path) -> None:
    report = changes.compare(*(changes_data(t) for t in (OLD, NEW)))
    text = changes.render(report, markdown=True)
    assert text.startswith("⚠ **This change touches")
    assert "## Changed entries" in text and "`phones[0].number`" in text


def test_a_note_only_change_is_not_marked() -> None:
    report = changes.compare(changes_data(OLD), changes_data(OLD.replace("eski", "daha eski")))
    assert not report.sensitive and not report.empty
    assert "⚠" not in changes.render(report)


def test_against_a_git_revision() -> None:
    result = subprocess.run([sys.executable, "-m", "builder", "diff", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "centers.yaml (compared with HEAD:data/centers.yaml)" in result.stdout
    assert "hotlines.yaml" in result.stdout


def changes_data(text: str) -> object:
    from builder.registry import source

    return source.parse(text.encode(), "x.yaml").data
