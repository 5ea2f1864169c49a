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
        [sys.executable, "-m", "builder", "--root", str(tmp_path), "--lang", "en", "diff", str(old), str(new)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "⚠ This change touches contact details" in out
    phone = out.index("⚠ phones[0].number: '0232 362 57 7[7]' → '0232 362 57 7[8]'")
    notes = out.index("notes.tr: 'eski' → 'yeni'")
    assert phone < notes and "⚠ notes" not in out
    assert "- ⚠ fresh Yeni Merkez" in out and "phones[0].number: '0232 111 11 11'" in out
    assert "- ⚠ gone Kapanan" in out.split("Removed entries")[1]


def test_markdown_for_the_job_summary(tmp_path: Path) -> None:
    report = changes.compare(*(changes_data(t) for t in (OLD, NEW)))
    text = changes.render(report, markdown=True)
    assert text.startswith("⚠ **Bu değişiklik iletişim bilgilerine")
    assert "## Değişen kayıtlar" in text and "`phones[0].number`: '0232 362 57 7**7**' → '0232 362 57 7**8**'" in text


def test_the_changed_digits_are_marked() -> None:
    assert changes.digits_marked("0232 362 57 77", "0232 326 57 77", False) == ("0232 3[62] 57 77", "0232 3[26] 57 77")
    assert changes.digits_marked("444 35 66", "444 35 66 1", False) == ("444 35 66", "444 35 66[ 1]")


def test_a_contact_change_without_new_evidence_is_flagged() -> None:
    bare = changes.render(changes.compare(changes_data(OLD), changes_data(NEW)))
    assert "⚠ iletişim bilgisi değişti ama `verification:` altına yeni bir kaynak ya da kontrol eklenmedi" in bare

    checked = NEW.replace(
        "    notes: {tr: yeni}\n",
        "    notes: {tr: yeni}\n    verification:\n      checks:\n        - {date: 2026-11-30, method: call}\n",
        1,
    )
    old = OLD.replace("    notes: {tr: eski}\n", "    notes: {tr: eski}\n    verification: {checks: []}\n", 1)
    report = changes.render(changes.compare(changes_data(old), changes_data(checked)))
    assert "yeni bir kaynak ya da kontrol eklenmedi" not in report


def test_a_note_only_change_is_not_marked() -> None:
    report = changes.compare(changes_data(OLD), changes_data(OLD.replace("eski", "daha eski")))
    assert not report.sensitive and not report.empty
    assert "⚠" not in changes.render(report)


def test_against_a_git_revision() -> None:
    result = subprocess.run([sys.executable, "-m", "builder", "diff", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "centers.yaml (HEAD:data/centers.yaml ile karşılaştırıldı)" in result.stdout
    assert "hotlines.yaml" in result.stdout


def changes_data(text: str) -> object:
    from builder.registry import source

    return source.parse(text.encode(), "x.yaml").data
