"""Invariant 4 in a real browser: the hostile registry's pages run no injected script."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder import registry
from tests.browser import serve
from tests.conftest import FIXTURE_TODAY, FIXTURES
from tests.hostile import write_registry

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(site_builder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = write_registry(tmp_path_factory.mktemp("hostile-browser"), FIXTURES)
    registry.load(data, FIXTURE_TODAY)
    return site_builder(data)


def test_hostile_pages_open_no_dialog_and_log_no_error(hostile_site: Path, browse) -> None:
    paths = [
        "",
        "merkezler/",
        "ilceler/",
        "ilceler/konak/",
        "merkezler/hostile/",
        "merkezler/hostile-elsewhere/",
        "merkezler/hostile-shelter/",
    ]
    paths += [f"{lang}/{p}" for lang in ("en", "ar") for p in paths]
    with serve(hostile_site) as origin:
        page, seen = browse(origin)
        for path in paths:
            page.goto(origin + path, wait_until="load")
            assert page.locator("h1").first.inner_text().strip(), path
        assert seen.dialogs == []  # and the rest of the watch, at teardown
