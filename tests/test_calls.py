"""The call sheet (`python -m builder calls`, builder/editors/calls.py): which centres to call, with what each
number is said to be, the questions, and the check to record afterwards, which then validates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder import cli, registry
from builder.editors import calls
from builder.site import evidence
from builder.site.i18n import load_strings
from tests.conftest import FIXTURE_TODAY, FIXTURES, REAL_TODAY, ROOT


def test_the_real_registry_has_a_call_sheet() -> None:
    reg = registry.load(ROOT / "data", REAL_TODAY)
    due = calls.due(reg, REAL_TODAY)
    text = calls.sheet(due, REAL_TODAY, load_strings(ROOT / "data" / "ui.yaml"))
    assert due and all(not c.confidential for c in due)
    assert {c.id for c in due} >= {"izmir-barosu-kadin-haklari", "karsiyaka-nezihe-muhiddin"}
    assert "ARAMA LİSTESİ" in text and "Bu numara merkezin kendi hattı mı?" in text
    assert (
        "Aranacak: (0232) 400 00 04 — Kaynaklarda geçen numara; merkezin kendi hattı olduğu henüz doğrulanmadı" in text
    )
    assert "not: Alan kodu (0232) kaynaklarda yok" in text  # the inferred part is said to the caller
    assert "asla isim değil" in text and "183" not in text.split("Aranacak:")[1].split("\n")[0]


def test_filters_by_district_and_age() -> None:
    reg = registry.load(FIXTURES / "small", FIXTURE_TODAY)
    assert [c.id for c in calls.due(reg, FIXTURE_TODAY, district="konak")] == ["ornek-konak"]
    old = [c.id for c in calls.due(reg, FIXTURE_TODAY, older_than=365)]
    assert "ornek-urla" in old and "ornek-konak" not in old  # konak's line was confirmed in January
    assert "ornek-siginma" not in [c.id for c in calls.due(reg, FIXTURE_TODAY)]  # never a shelter


def test_the_recorded_call_validates_and_changes_the_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "small", data)
    assert cli.main(["--root", str(tmp_path), "--today", FIXTURE_TODAY.isoformat(), "calls", "--district", "urla"]) == 0
    sheet = capsys.readouterr().out
    assert "        - date: 2026-10-20" in sheet and 'confirmed: ["(0232) 444 44 44"]' in sheet
    # An editor calls, then records what the sheet says, filling in what she confirmed.
    centers = data / "centers.yaml"
    text = centers.read_text(encoding="utf-8")
    entry = text.index("  - id: ornek-urla")
    end = text.index("  - id: ornek-il-geneli")
    recorded = (
        text[:entry]
        + text[entry:end].replace(
            "        - {id: eski-haber, url: https://example.org/urla-2021, publisher: Örnek Gazete, kind: news, "
            "published: 2021, read: 2025-06-01}\n",
            "        - {id: eski-haber, url: https://example.org/urla-2021, publisher: Örnek Gazete, kind: news, "
            "published: 2021, read: 2025-06-01}\n"
            "      checks:\n"
            "        - date: 2026-10-20\n"
            "          method: call\n"
            "          by: volunteer\n"
            '          confirmed: ["(0232) 444 44 44", address, entry, services]\n'
            "          note: The centre answered; the address is the same.\n",
        )
        + text[end:]
    )
    centers.write_text(recorded, encoding="utf-8")
    reg = registry.load(data, FIXTURE_TODAY)
    urla = next(c for c in reg.centers if c.id == "ornek-urla")
    assert evidence.status(urla) == "verified"
    assert evidence.facts(urla)["phone:+902324444444"].basis == "call"


def test_an_unknown_district_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--today", REAL_TODAY.isoformat(), "calls", "--district", "atlantis"]) == 2
    assert "unknown district" in capsys.readouterr().err
