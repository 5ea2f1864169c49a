"""The house: folders that show the phases and depend only on the ones above them, small modules, and one
place per idea (URLs, the clock, JSON islands)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

BUILDER = ROOT / "builder"
# Each folder may import from itself and the ones before it; project.py and cli.py tie them together.
LAYERS = ("registry", "site", "exports", "engine", "editors")
TOP = {"languages": 0, "project": 3, "cli": 5, "__main__": 5, "__init__": 0}
MODULES = sorted(p for p in BUILDER.rglob("*.py"))


def _layer(module: str) -> float:
    """builder.site.pages -> 1; builder.project -> 3 (above exports, below engine)."""
    parts = module.split(".")[1:]
    if not parts:
        return 0
    if parts[0] in LAYERS:
        return LAYERS.index(parts[0])
    return {"languages": -1, "project": 2.5, "cli": 9, "__main__": 9}.get(parts[0], 0)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("builder"):
            found |= {f"{node.module}.{a.name}" if node.module == "builder" else node.module for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("builder")}
    return found


def _name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(BUILDER)))
def test_each_folder_depends_only_on_the_ones_above_it(path: Path) -> None:
    here = _layer(_name(path))
    wrong = sorted(m for m in _imports(path) if _layer(m) > here)
    assert wrong == [], f"{_name(path)} (layer {here}) imports from below: {wrong}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(BUILDER)))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= 320, f"{path.relative_to(ROOT)} has {lines} lines: split it by what it does"


def test_only_the_edges_read_the_clock() -> None:
    clock = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|time\.time)\(")
    readers = sorted(str(p.relative_to(ROOT)) for p in MODULES if clock.search(p.read_text(encoding="utf-8")))
    assert readers == ["builder/project.py"], readers


def test_urls_are_made_in_one_place() -> None:
    """Page folders are spelled in site/routes.py only (scripts get URL templates, exports use routes)."""
    sources = [*BUILDER.rglob("*.py"), *BUILDER.rglob("*.j2"), *(ROOT / "site_overrides").rglob("*.js")]
    folder = re.compile(r"""["'/](merkezler|ilceler|bul|cikti)/""")
    spelled = sorted(str(p.relative_to(ROOT)) for p in sources if folder.search(p.read_text(encoding="utf-8")))
    assert spelled == ["builder/site/routes.py"], spelled


def test_islands_use_tojson_and_nothing_is_marked_safe() -> None:
    templates = [*(BUILDER / "site" / "templates").glob("*.j2"), *(ROOT / "site_overrides").rglob("*.html")]
    for path in templates:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b", text), f"{path.name} marks a value safe"
        for script in re.findall(r'<script type="application/(?:ld\+)?json"[^>]*>(.*?)</script>', text, re.S):
            assert script.strip().endswith("| tojson }}"), f"{path.name}: an island not through tojson: {script}"
