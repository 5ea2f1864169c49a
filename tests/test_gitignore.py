"""A build leaves `git status` clean: everything the builder writes into content/ is either a hand-written file
it leaves as it is or sits in a git-ignored place, and no git-ignored file is tracked (the district sheets
under content/cikti/ were once committed: every build on a new day rewrote 150 of them).

The session's build of the real registry (tests/conftest.py `real_site`) stands in for a build in the
checkout: it writes the same files into its own content/ folder, beside its site/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str, stdin: str = "") -> str:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("these tests read the checkout's git index: run them in a git clone")
    done = subprocess.run(["git", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # check-ignore answers 1 when nothing is ignored
        raise RuntimeError(done.stderr)
    return done.stdout


def test_no_tracked_file_is_ignored() -> None:
    assert git("ls-files", "--cached", "--ignored", "--exclude-standard") == ""


def test_a_build_writes_only_ignored_files_or_leaves_tracked_ones_as_they_are(real_site: Path) -> None:
    docs = real_site.parent / "content"
    written = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())
    assert written
    tracked = set(git("ls-files", "-z", "content/").split("\0")) - {""}
    changed = [
        p
        for p in written
        if f"content/{p}" in tracked and (docs / p).read_bytes() != (ROOT / "content" / p).read_bytes()
    ]
    assert changed == [], "a build rewrites tracked files"
    untracked = [f"content/{p}" for p in written if f"content/{p}" not in tracked]
    ignored = set(git("check-ignore", "--no-index", "--stdin", stdin="\n".join(untracked)).splitlines())
    assert sorted(set(untracked) - ignored) == [], "a build writes files git would show as new"
    assert git("check-ignore", "--no-index", "site/index.html").strip() == "site/index.html"
