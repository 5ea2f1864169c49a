"""The Nu Html Checker (vnu, the W3C's validator) reports no error on any page the site publishes.

One JVM checks every HTML file of the real build (it takes seconds to start; one run for all pages), together
with a planted faulty page that must be reported, so that a checker that quietly checks nothing fails too.
vnu.jar comes from the vnu-jar npm package (package-lock.json); Java from Debian's default-jre-headless, which
`make test` installs when missing (the Makefile's debian target). A missing one is an error, never a skip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PLANTED = (
    '<!doctype html><html lang="en"><title>x</title>'
    '<input type="checkbox" autocomplete="off"><label for="nowhere">x</label>'
)


def check(files: list[Path]) -> list[dict[str, str]]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the Nu Html Checker needs Java and vnu.jar: `make debian` and `npm ci` (`make test` does both)")
    run = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    return json.loads(run.stderr)["messages"]  # vnu writes its report to stderr, exit 1 when it found errors


def test_every_page_is_valid_html(real_site: Path, tmp_path: Path) -> None:
    planted = tmp_path / "planted.html"
    planted.write_text(PLANTED, encoding="utf-8")
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 400
    messages = check([planted, *pages])
    by_file = Counter(Path(m["url"].removeprefix("file:")).name for m in messages if "planted" in m.get("url", ""))
    assert by_file["planted.html"] >= 2, "the checker did not report the planted errors"
    found = [m for m in messages if "planted" not in m.get("url", "")]
    lines = [f"{m.get('url', '?').split(str(real_site))[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in found]
    assert lines == [], f"{len(lines)} errors:\n" + "\n".join(lines[:40])
