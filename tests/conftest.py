"""Shared fixtures: building a site from a registry into a temporary folder, once per registry."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from builder import project as project_module
from builder.engine import driver
from builder.project import Project
from builder.registry import wording
from builder.site.routes import GENERATED_DIRS, HOME_FILE
from tests.fakeclock import real_clock_for_children  # under faketime, also a time.sleep that works

# Editors' messages are in Turkish unless KDM_LANG says otherwise; the tests expect the default in every shell.
os.environ.pop(wording.LANG_ENV, None)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The one clock in tests. Fixture registries are built as on a fixed day, so that what depends on the date
# (open now around the 28-29 October 2026 holidays, stale entries, evidence ages) is the same every run.
# The real registry is built as on the real day, as the site is: its tests assert nothing that depends on
# the date, and `make test` proves it by running the whole suite again under two other clocks (faketime).
FIXTURE_TODAY = dt.date(2026, 10, 20)
REAL_TODAY = project_module.today()


def today_for(data_dir: Path) -> dt.date:
    return REAL_TODAY if data_dir.resolve() == (ROOT / "data").resolve() else FIXTURE_TODAY


GUIDES = "rehber"  # hand-written guides link to real centers: only builds of the real registry include them


def copy_handwritten_content(target: Path, guides: bool = True) -> None:
    """Copy content/ without what the builder generates, so a test build has the real hand-written pages."""
    source = ROOT / "content"

    def ignore(folder: str, names: list[str]) -> list[str]:
        here = Path(folder)
        return [
            n
            for n in names
            if (
                here == source
                and (
                    n in GENERATED_DIRS
                    or n.startswith(HOME_FILE + ".")
                    or n == f"{HOME_FILE}.md"
                    or (n == GUIDES and not guides)
                )
            )
        ]

    shutil.copytree(source, target, ignore=ignore) if source.is_dir() else target.mkdir(parents=True)
    if not guides:  # a fixture build: one page written only in Turkish shows the fallback in every other language
        shutil.copy(FIXTURES / "content" / "yalniz-turkce.md", target / "yalniz-turkce.md")


def config_without_guides(workdir: Path) -> Path:
    """mkdocs.yml for a fixture registry: the same site, minus the guides' nav entry; paths made absolute."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace(f"  - {GUIDES}/index.md\n", "")
    for relative in ("builder/engine/hooks.py", "site_overrides", "data", "builder/site/templates"):
        text = text.replace(f" {relative}\n", f" {ROOT / relative}\n")
    config = workdir / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_site(
    data_dir: Path, workdir: Path, strict: bool = True, today: dt.date | None = None, site_url: str | None = None
) -> Path:
    docs = workdir / "content"
    real = data_dir.resolve() == (ROOT / "data").resolve()
    copy_handwritten_content(docs, guides=real)
    project = Project.at(
        ROOT,
        data_dir=data_dir,
        docs_dir=docs,
        site_dir=workdir / "site",
        config_file=ROOT / "mkdocs.yml" if real else config_without_guides(workdir),
        site_url=site_url,
    )
    driver.build_site(project, today or today_for(data_dir), strict=strict)
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


# Where the site really lives: a GitHub Pages project site, under /<repository>/. The real registry is built a
# second time for that address; tests serve it under the same path (tests/test_subpath.py).
PROJECT_SITE_URL = "https://kdm-izmir.github.io/kdm-izmir/"
SUBPATH = "/kdm-izmir/"


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT / "data", tmp_path_factory.mktemp("subpath"), site_url=PROJECT_SITE_URL)


SYNTHETIC_CENTERS = 2000


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of benchmarks/synthetic.py's 2,000-center registry, without the guides (they link to real
    centers). Built once per session: about 30-60 s."""
    from benchmarks.synthetic import write_registry

    workdir = tmp_path_factory.mktemp("synthetic")
    data = write_registry(workdir / "data", SYNTHETIC_CENTERS, REAL_TODAY)  # with the real hotlines: real day
    return build_site(data, workdir / "build", today=REAL_TODAY)


# --- the browser: one harness (tests/browser.py) for every browser test ------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """Debian's chromium under Playwright, shared by the session. Missing chromium is an error, not a skip."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with real_clock_for_children():
        manager = sync_playwright()
        playwright = manager.start()
    try:
        browser = launch(playwright)
        yield browser
        browser.close()
    finally:
        manager.__exit__(None, None, None)


@pytest.fixture(scope="session")
def real_origin(real_site: Path) -> Iterator[str]:
    """The real site served on a free local port for the whole session."""
    from tests.browser import serve

    with serve(real_site) as origin:
        yield origin


@pytest.fixture(scope="session")
def subpath_origin(subpath_site: Path) -> Iterator[str]:
    """The project-site build served under its sub-path: yields http://127.0.0.1:<port>/kdm-izmir/."""
    from tests.browser import serve

    with serve(subpath_site, prefix=SUBPATH) as address:
        yield address


@pytest.fixture(scope="session")
def small_origin(small_site: Path) -> Iterator[str]:
    from tests.browser import serve

    with serve(small_site) as origin:
        yield origin


@pytest.fixture(scope="session")
def shared_tabs(chromium: Any) -> Iterator[dict[str, tuple[Any, Any, Any]]]:
    """The tabs `browse(..., shared=True)` hands out, one per origin and options: (context, page, watch)."""
    tabs: dict[str, tuple[Any, Any, Any]] = {}
    yield tabs
    for context, _, _ in tabs.values():
        context.close()


@pytest.fixture
def browse(chromium: Any, shared_tabs: dict[str, tuple[Any, Any, Any]]) -> Iterator[Callable[..., tuple[Any, Any]]]:
    """Open watched tabs: `page, seen = browse(origin, **options)` (options as tests.browser.tab). At
    teardown every tab is closed and must have stayed clean: no request to another host, no console error,
    no dialog, no failed request. The one browser fixture of every browser test.

    `shared=True`: a tab kept open for the next test with the same origin and options, its record cleared —
    for tests that only open pages and read them (the accessibility engines): a new tab costs Chromium about
    a second, a page opened in a kept one a quarter of that. Routing (the watch) keeps the HTTP cache off,
    and the site stores nothing (tests/test_privacy.py). At teardown a shared tab goes to about:blank, so that
    what the last page still did is counted here; one that cannot is closed and not shared again. A test that
    weighs a first visit, measures how a page settles, or changes the tab beyond its page (history, focus, the
    clock, permissions, routes, CDP sessions or throttling, emulated media, viewport, headers, init scripts,
    listeners) opens its own."""
    from tests.browser import open_tab

    opened: list[tuple[Any, Any]] = []  # (context to close, or None for a shared tab; its watch)
    lent: list[str] = []

    def browse_tab(origin: str, *, shared: bool = False, **options: Any) -> tuple[Any, Any]:
        if not shared:
            context, page, seen = open_tab(chromium, origin, **options)
            opened.append((context, seen))
            return page, seen
        key = repr((origin, sorted((k, repr(v)) for k, v in options.items())))
        kept = shared_tabs.get(key)
        if kept is None or kept[1].is_closed():
            if kept is not None:  # its page was closed: so goes the context
                with contextlib.suppress(Exception):
                    kept[0].close()
            kept = shared_tabs[key] = open_tab(chromium, origin, **options)
        elif key not in lent:  # lent twice in one test: the record so far stays this test's
            kept[2].clear()
        lent.append(key)
        opened.append((None, kept[2]))
        return kept[1], kept[2]

    yield browse_tab
    # Closing may fail (a crashed page, a browser gone): the record below still says what the tabs did.
    for key in dict.fromkeys(lent):
        context, page, _ = shared_tabs[key]
        try:
            page.goto("about:blank")
        except Exception:
            shared_tabs.pop(key)
            with contextlib.suppress(Exception):
                context.close()
    for context, _ in opened:
        if context is not None:
            with contextlib.suppress(Exception):
                context.close()
    problems = {index: seen.problems() for index, (_, seen) in enumerate(opened) if seen.problems()}
    assert problems == {}, f"tabs that were not clean: {problems}"


@pytest.fixture(scope="session")
def synthetic_origin(synthetic_site: Path) -> Iterator[str]:
    from tests.browser import serve

    with serve(synthetic_site) as origin:
        yield origin


BROWSER_FIXTURES = {"chromium", "browse"}
SLOW_FIXTURES = {"synthetic_site", "synthetic_origin"}
BUILD_FIXTURES = {"site_builder", "subpath_site", "synthetic_site"}  # a whole site through MkDocs


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark what needs a browser (`browser`), a whole site built through MkDocs (`build`) or the 2,000-center
    site (`slow`) by the fixtures it uses (with theirs), before `-m` selects: `make test-fast` runs
    `-m "not browser and not build"`, the pure core and the editors' tools."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        callspec = getattr(item, "callspec", None)
        synthetic = callspec is not None and "synthetic" in callspec.params.values()  # getfixturevalue("synthetic_…")
        if used & SLOW_FIXTURES or synthetic:
            item.add_marker(pytest.mark.slow)
            # The first of them builds 2,000 centers in its setup (~2 min alone, twice that beside a second run)
            if not item.get_closest_marker("timeout"):
                item.add_marker(pytest.mark.timeout(900))


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Fail the run at once, with the fix, when browser tests are selected and chromium is missing:
    hundreds of identical fixture errors would hide the one cause, and a skip would hide it entirely."""
    if any(item.get_closest_marker("browser") for item in session.items):
        from tests.browser import ChromiumMissing, chromium_path

        try:
            chromium_path()
        except ChromiumMissing as exc:
            raise pytest.UsageError(str(exc)) from None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The page weights measured by tests/test_budget.py, per page and language (KB gzip -9)."""
    import sys

    budget = sys.modules.get("tests.test_budget")
    if budget is None or not budget.RECORDED:
        return
    from builder.languages import SITE_LANGUAGES

    table: dict[tuple[str, str], dict[str, object]] = {}
    for registry, lang, page, weight in budget.RECORDED:
        table.setdefault((registry, page), {})[lang] = weight
    write = terminalreporter.write_line
    terminalreporter.section("page weight, KB gzip -9 (first visit, 390x844; HTML = the page itself)")
    write(f"{'registry':>9} {'page':<32}" + "".join(f"{lang:>7}" for lang in SITE_LANGUAGES) + "   HTML (tr)")
    for (registry, page), weights in table.items():
        cells = "".join(
            f"{weights[lang].gzip / 1000:7.1f}" if lang in weights else f"{'':>7}"  # type: ignore[attr-defined]
            for lang in SITE_LANGUAGES
        )
        first = weights.get("tr") or next(iter(weights.values()))
        html = first.items[0].gzip / 1000 if first.items else 0  # type: ignore[attr-defined]
        write(f"{registry:>9} {page:<32}{cells}   {html:.1f}")
