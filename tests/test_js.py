"""The small JavaScript modules' own unit tests (tests/js/*.test.js), run by Node's test runner: the pure
cores of hours.js, search.js, locator.js and quick-exit.js, without a browser."""

from __future__ import annotations

import shutil
import subprocess

from tests.conftest import ROOT

SUITES = sorted((ROOT / "tests" / "js").glob("*.test.js"))


def test_every_small_module_has_unit_tests() -> None:
    assert {p.name.removesuffix(".test.js") for p in SUITES} >= {"hours", "search", "locator", "quick-exit"}


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "Node.js is missing: `make test` installs Debian's npm (which brings node) first"
    result = subprocess.run(
        [node, "--test", *map(str, SUITES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"TZ": "America/New_York", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
