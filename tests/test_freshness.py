"""Stale entries: the boundary day, the order, the report and the command's exit code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from builder import cli, registry
from builder.editors import stale
from builder.registry.models import Center
from builder.site import freshness
from tests.conftest import FIXTURE_TODAY, FIXTURES


def main(root: Path, *args: str) -> int:
    """The command line on a copy of a fixture project, on the fixtures' day."""
    return cli.main(["--root", str(root), "--today", FIXTURE_TODAY.isoformat(), *args])


@pytest.fixture(scope="module")
def small() -> registry.Registry:
    return registry.load(FIXTURES / "small", FIXTURE_TODAY)


def _checked(center: Center, day: dt.date) -> Center:
    return center.model_copy(update={"verification": center.verification.model_copy(update={"checked": day})})


def test_is_stale_after_the_given_number_of_days(small: registry.Registry) -> None:
    center = _checked(small.centers[0], dt.date(2025, 1, 1))
    assert not freshness.is_stale(center, dt.date(2026, 1, 1))  # exactly 365 days: still fresh
    assert freshness.is_stale(center, dt.date(2026, 1, 2))
    assert not freshness.is_stale(center, dt.date(2025, 3, 1), days=59)
    assert freshness.is_stale(center, dt.date(2025, 3, 2), days=59)


def test_stale_lists_the_oldest_first(small: registry.Registry) -> None:
    # The fixture: ornek-konak checked 2026-01-15, the four others 2025-06-01.
    found = stale.stale(small, dt.date(2026, 6, 3))
    assert [c.id for c in found] == sorted(c.id for c in small.centers if c.id != "ornek-konak")
    assert stale.stale(small, dt.date(2026, 6, 1)) == []
    older = dataclasses.replace(small, centers=(_checked(small.centers[0], dt.date(2024, 1, 1)), *small.centers[1:]))
    assert stale.stale(older, dt.date(2026, 6, 3))[0].id == "ornek-konak"
    assert len(stale.stale(small, dt.date(2026, 6, 3), days=10)) == len(small.centers)


def test_report_says_what_to_do(small: registry.Registry) -> None:
    today = dt.date(2026, 6, 3)
    text = stale.report(stale.stale(small, today), today)
    assert text.startswith("4 centers not checked for more than 365 days:")
    assert "- ornek-bornova: Örnek Bornova Merkezi\n    checked 2025-06-01 (367 days ago, partial)" in text
    assert "call (0232) 222 22 22 (switchboard) and ask for the centre" in text
    assert "re-read https://example.org/source" in text
    assert stale.report([], today).startswith("No entry is older than 365 days")
    konak = _checked(small.centers[0], dt.date(2020, 1, 1))
    assert stale.how_to_verify(konak).startswith("check the operator's page https://example.org/konak; call ")


def test_the_command_exits_1_when_any_entry_is_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "small", data)
    # the fixture's 2025 dates are long past
    assert main(tmp_path, "stale") == 1
    out = capsys.readouterr().out
    assert "ornek-siginma" in out and "to verify:" in out
    assert main(tmp_path, "stale", "--days", "100000") == 0
    assert capsys.readouterr().out.startswith("No entry is older than 100000 days")


def test_the_command_reports_an_invalid_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "small", data)
    centers = data / "centers.yaml"
    centers.write_text(centers.read_text(encoding="utf-8").replace("kind: ngo", "kind: ngoo"), encoding="utf-8")
    assert main(tmp_path, "stale") == 1
    assert "kind: expected one of" in capsys.readouterr().err
