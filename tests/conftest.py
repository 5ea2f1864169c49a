"""Shared fixtures: building a site from a registry into a temporary folder, once per registry."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from builder import hooks
from builder.pages import GENERATED_DIRS, HOME_FILE
from builder.project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


GUIDES = "rehber"  # hand-written guides link to real centers: only builds of the real registry include them


def copy_handwritten_content(target: Path, guides: bool = True) -> None:
    """Copy content/ without what the builder generates, so a test build has the real hand-written pages."""
    source = ROOT / "content"

    def ignore(folder: str, names: list[str]) -> list[str]:
        here = Path(folder)
        return [n for n in names if (here == source and (n in GENERATED_DIRS or n.startswith(HOME_FILE + ".")
                                                         or n == f"{HOME_FILE}.md" or (n == GUIDES and not guides)))]

    shutil.copytree(source, target, ignore=ignore) if source.is_dir() else target.mkdir(parents=True)


def config_without_guides(workdir: Path) -> Path:
    """mkdocs.yml for a fixture registry: the same site, minus the guides' nav entry; paths made absolute."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace(f"  - {GUIDES}/index.md\n", "")
    for relative in ("builder/hooks.py", "site_overrides", "data", "builder/templates"):
        text = text.replace(f" {relative}\n", f" {ROOT / relative}\n")
    config = workdir / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_site(data_dir: Path, workdir: Path, strict: bool = True) -> Path:
    docs = workdir / "content"
    real = data_dir.resolve() == (ROOT / "data").resolve()
    copy_handwritten_content(docs, guides=real)
    project = Project.at(ROOT, data_dir=data_dir, docs_dir=docs, site_dir=workdir / "site",
                         config_file=ROOT / "mkdocs.yml" if real else config_without_guides(workdir))
    old = os.environ.get(hooks.DATA_ENV)
    os.environ[hooks.DATA_ENV] = str(data_dir)
    try:
        hooks.build_site(project, strict=strict)
    finally:
        if old is None:
            os.environ.pop(hooks.DATA_ENV, None)
        else:
            os.environ[hooks.DATA_ENV] = old
    return project.site_dir


@pytest.fixture(scope="session")
def site_builder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path], Path]]:
    built: dict[Path, Path] = {}

    def build(data_dir: Path) -> Path:
        if data_dir not in built:
            built[data_dir] = build_site(data_dir, tmp_path_factory.mktemp("build"))
        return built[data_dir]

    yield build


@pytest.fixture(scope="session")
def small_site(site_builder: Callable[[Path], Path]) -> Path:
    return site_builder(FIXTURES / "small")


@pytest.fixture(scope="session")
def real_site(site_builder: Callable[[Path], Path]) -> Path:
    return site_builder(ROOT / "data")


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    from tests.browser import ARGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
        yield browser
        browser.close()
