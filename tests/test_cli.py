"""The command line, end to end in a throw-away copy of the project."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_handwritten_content


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "builder", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("builder", "site_overrides", "schema"):
        (root / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "data", root / "data")
    copy_handwritten_content(root / "content")
    return root


def test_validate_the_real_registry(project: Path) -> None:
    result = run("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tamam: 21 merkez")


@pytest.mark.build
def test_build_then_a_broken_registry_changes_nothing(project: Path) -> None:
    first = run("build", cwd=project)
    assert first.returncode == 0, first.stderr
    assert (project / "site" / "ar" / "merkezler" / "sonim-izmir" / "index.html").is_file()
    before = (digest(project / "site"), digest(project / "content"))

    centers = project / "data" / "centers.yaml"
    good = centers.read_text(encoding="utf-8")
    broken = good.replace("      - number: 0232 362 57 77", "      - number: 0232 362 57", 1)
    broken = broken.replace("    district: buca", "    district: bucaa", 1)
    centers.write_text(broken, encoding="utf-8")
    try:
        second = run("build", cwd=project)
        assert second.returncode == 1
        assert "Traceback" not in second.stderr
        lines = second.stderr.splitlines()
        assert lines[0] == "kayıtta 2 sorun var; hiçbir şey yayımlanmadı:"
        assert any(
            "data/centers.yaml:" in ln and "merkez karsiyaka-nezihe-muhiddin: phones[0].number:" in ln for ln in lines
        ), second.stderr
        assert any("district: bilinmeyen ilçe `bucaa`; bunu mu demek istediniz: `buca`?" in ln for ln in lines)
        assert (digest(project / "site"), digest(project / "content")) == before
        assert run("validate", cwd=project).returncode == 1
    finally:
        centers.write_text(good, encoding="utf-8")


def test_validate_a_single_file(project: Path, tmp_path: Path) -> None:
    ok = run("validate", str(project / "data" / "hotlines.yaml"), cwd=project)
    lines = yaml.safe_load((project / "data" / "hotlines.yaml").read_text(encoding="utf-8"))["hotlines"]
    assert ok.returncode == 0 and f"{len(lines)} kayıt" in ok.stdout
    bad = tmp_path / "centers.yaml"
    bad.write_text("centers:\n  - id: x\n", encoding="utf-8")
    result = run("validate", str(bad), cwd=project)
    assert result.returncode == 1 and f"{bad}:2:5: merkez x: name: bu alan zorunlu ama yok: ekleyin" in result.stderr


@pytest.mark.build
def test_plain_mkdocs_build_works_through_the_hook(project: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "en" / "ilceler" / "konak" / "index.html").is_file()
