"""The editors' commands: new-center's skeleton (valid once filled, and every empty field reported where it
is until then), geocode with nothing to look up, and fields."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from builder import cli, registry
from builder.editors import fields, skeleton
from builder.registry import source
from builder.registry.models import Center
from builder.registry.problems import RegistryError
from builder.site import evidence
from tests.conftest import FIXTURE_TODAY, FIXTURES


def main(root: Path, *args: str) -> int:
    """The command line on a copy of a fixture project, on the fixtures' day."""
    return cli.main(["--root", str(root), "--today", FIXTURE_TODAY.isoformat(), *args])


PLACEHOLDERS = {
    "name.tr",
    "kind",
    "operator.tr",
    "phones[0].kind",
    "services",
    "evidence.entry",
    *(f"verification.sources[0].{field}" for field in ("id", "url", "publisher", "kind", "published", "read")),
}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "small", tmp_path / "data")
    return tmp_path


def _entry(text: str) -> dict[str, Any]:
    data = source.parse(("centers:\n" + text).encode("utf-8"), "skeleton").data
    assert isinstance(data["centers"], list) and len(data["centers"]) == 1
    return data["centers"][0]


def test_the_skeleton_is_valid_once_filled() -> None:
    entry = _entry(skeleton.skeleton("yeni-merkez"))
    assert entry["id"] == "yeni-merkez"
    entry["name"]["tr"] = "Yeni Kadın Danışma Merkezi"
    entry["kind"] = "municipal-counseling"
    entry["operator"]["tr"] = "Örnek Belediyesi"
    entry["phones"][0] |= {"number": "0232 362 57 77", "kind": "switchboard", "evidence": ["belediye"]}
    entry["services"] = ["legal-counseling", "referral"]
    entry["evidence"] = {"entry": ["belediye"], "services": ["belediye"]}
    entry["verification"]["sources"][0] |= {
        "id": "belediye",
        "url": "https://www.example.bel.tr/kadin",
        "publisher": "Örnek Belediyesi",
        "kind": "operator",
        "published": "undated",
        "read": dt.date(2026, 10, 1),
    }
    center = Center.model_validate(entry)
    assert (center.status, center.languages, evidence.status(center)) == ("active", ["tr"], "partial")
    assert center.phones[0].number == "+902323625777"


def _filled(text: str) -> str:
    """The Turkish skeleton with every placeholder filled in, as an editor would, from one fictional source."""
    return (
        text.replace("      tr:  # merkezin", "      tr: Yeni Merkez  # merkezin")
        .replace("        kind:  # direct", "        kind: switchboard  # direct")
        .replace("    kind:  # şunlardan", "    kind: ngo  # şunlardan")
        .replace("      tr:  # kim yürütüyor", "      tr: Yeni Dernek  # kim yürütüyor")
        .replace("      - number:  #", '      - number: "0232 111 11 11"  #')
        .replace("        evidence: []", "        evidence: [dernek]")
        .replace("      services: []", "      services: [dernek]")
        .replace("    services: []", "    services: [referral]")
        .replace("      entry: []", "      entry: [dernek]")
        .replace("        - id:  #", "        - id: dernek  #")
        .replace("          url:  #", "          url: https://example.org/yeni  #")
        .replace("          publisher:  #", "          publisher: Yeni Dernek  #")
        .replace("          kind:  #", "          kind: operator  #")
        .replace("          published:  #", "          published: undated  #")
        .replace("          read:  #", "          read: 2026-10-01  #")
    )


def test_the_unfilled_skeleton_fails_on_each_placeholder_line(project: Path) -> None:
    centers = project / "data" / "centers.yaml"
    before = centers.read_text(encoding="utf-8")
    assert main(project, "new-center", "yeni-merkez", "--write") == 0
    after = centers.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n") + "\n\n  # Yeni kayıt")  # appended; nothing else touched
    with pytest.raises(RegistryError) as caught:
        registry.load(project / "data", FIXTURE_TODAY, root=project)
    problems = caught.value.problems
    assert {p.entry for p in problems} == {"center yeni-merkez"}
    assert {p.field for p in problems} == PLACEHOLDERS
    lines = after.splitlines()
    for problem in problems:  # each points at its own empty line, which says what to write
        assert problem.file == "data/centers.yaml"
        assert "#" in lines[problem.line - 1] or problem.field == "services"

    skeleton_at = after.index("  - id: yeni-merkez")
    filled = after[:skeleton_at] + _filled(after[skeleton_at:])
    centers.write_text(filled, encoding="utf-8")
    reg = registry.load(project / "data", FIXTURE_TODAY, root=project)
    assert reg.centers[-1].id == "yeni-merkez" and len(reg.centers) == 6


def test_every_optional_line_of_the_skeleton_validates_once_uncommented(project: Path) -> None:
    # The skeleton's commented lines are forms that validate: remove every `# ` before a key, fill in the
    # placeholders and the facts' sources, and the entry passes every rule, with no warning.
    text = re.sub(r"(?m)^(\s*)# ( *[a-z_]+:)", r"\1\2", skeleton.skeleton("yeni-merkez"))
    for fact in ("address", "location", "hours", "access", "languages"):
        text = text.replace(f"      {fact}: []", f"      {fact}: [dernek]")
    text = _filled(text).replace("    languages: [tr]", "    languages: [tr, ar]")
    entry = _entry(text)
    assert {"district", "address", "location", "hours", "access"} <= set(entry)
    assert set(entry["evidence"]) == {"entry", "services", "address", "location", "hours", "access", "languages"}
    centers = project / "data" / "centers.yaml"
    centers.write_text(centers.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, encoding="utf-8")
    reg = registry.load(project / "data", FIXTURE_TODAY, root=project)
    new = reg.centers[-1]
    assert new.id == "yeni-merkez" and reg.warnings == ()
    assert (new.district, new.location and new.location.precision, new.access.appointment) == (
        "konak",
        "street",
        "recommended",
    )


def test_new_center_prints_and_reports_the_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(project, "new-center", "yeni-merkez") == 0
    assert capsys.readouterr().out == skeleton.skeleton("yeni-merkez")
    assert main(project, "new-center", "yeni-merkez", "--write") == 0
    out = capsys.readouterr().out
    line = int(out.split("data/centers.yaml:")[1].split(".")[0])
    text = (project / "data" / "centers.yaml").read_text(encoding="utf-8").splitlines()
    assert text[line - 1].startswith("  - id: yeni-merkez  #")


@pytest.mark.parametrize(
    ("ident", "message"),
    [("ornek-konak", "already used"), ("Yeni Merkez", "expected lowercase letters"), ("yeni-", "expected lowercase")],
)
def test_new_center_refuses_a_bad_or_used_id(
    project: Path, capsys: pytest.CaptureFixture[str], ident: str, message: str
) -> None:
    before = (project / "data" / "centers.yaml").read_bytes()
    assert main(project, "new-center", ident, "--write") == 2
    assert message in capsys.readouterr().err
    assert (project / "data" / "centers.yaml").read_bytes() == before


def test_geocode_with_nothing_to_look_up(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Without its one address that has no point, the small registry asks nothing of the geocoder.
    centers = project / "data" / "centers.yaml"
    text = centers.read_text(encoding="utf-8").replace('    address: {tr: "Örnek Mahallesi, Urla"}\n', "")
    centers.write_text(text.replace("      address: [eski-haber]\n", ""), encoding="utf-8")
    assert main(project, "geocode", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Nothing to look up" in out and "nothing looked up; data/centers.yaml unchanged (dry run)" in out


def test_geocode_refuses_an_invalid_registry(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    centers = project / "data" / "centers.yaml"
    centers.write_text(
        centers.read_text(encoding="utf-8").replace("district: urla", "district: urlaa"), encoding="utf-8"
    )
    assert main(project, "geocode") == 1
    assert "bilinmeyen ilçe `urlaa`; bunu mu demek istediniz: `urla`?" in capsys.readouterr().err


def test_fields_prints_the_generated_tables(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(project, "fields") == 0
    out = capsys.readouterr().out
    assert out.startswith(fields.START) and out.rstrip().endswith(fields.END)
    guide = project / "CONTRIBUTING.md"
    guide.write_text(f"# Guide\n\n{fields.START}\nold\n{fields.END}\n\nThe end.\n", encoding="utf-8")
    assert main(project, "fields", "--write") == 0
    text = guide.read_text(encoding="utf-8")
    assert text.startswith("# Guide\n\n" + fields.START) and text.endswith(fields.END + "\n\nThe end.\n")
    assert "| `verification.sources[].read` | evet | bir tarih, yıl-ay-gün: `2026-03-08` |" in text


def test_fields_in_english_for_the_rest_of_the_team(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(project, "--lang", "en", "fields") == 0
    out = capsys.readouterr().out
    assert "| field | required | what to write | meaning |" in out and "| alan |" not in out
    assert "| `verification.sources[].read` | yes | a date, year-month-day: `2026-03-08` |" in out
    guide = project / "CONTRIBUTING.md"
    guide.write_text(f"{fields.START}\n{fields.END}\n", encoding="utf-8")
    assert main(project, "--lang", "en", "fields", "--write") == 0  # the guide's tables stay Turkish
    assert "| alan | zorunlu | ne yazılır | anlamı |" in guide.read_text(encoding="utf-8")
