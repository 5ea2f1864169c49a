"""The browser harness keeps its promise (tests/conftest.py `browse`): a tab that misbehaves fails the test that
opened it, and a shared tab (`shared=True`) is handed to the next test with a clean record, so that one test's
console error neither passes unseen nor fails its neighbour. Run as a small suite of its own (pytester), since
a failing teardown is what is under test."""

from __future__ import annotations

import os

import pytest

from tests.conftest import ROOT

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.browser

INNER = """
import pytest
from tests.browser import serve
from tests.conftest import browse, chromium, shared_tabs  # noqa: F401  (the fixtures under test)

SEEN = []


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    (folder / "index.html").write_text("<!doctype html><title>t</title><p>a page")
    with serve(folder) as address:
        yield address


@pytest.mark.parametrize("shared", [False, True])
def test_a_console_error_fails_its_own_test(browse, origin, shared):
    page, seen = browse(origin, shared=shared)
    page.goto(origin, wait_until="load")
    SEEN.append(page)
    page.evaluate("() => console.error('planted')")


def test_the_shared_tab_comes_back_clean(browse, origin):
    page, seen = browse(origin, shared=True)
    assert page is SEEN[-1]  # the same tab as the shared test above, not a new one
    assert seen.problems() == {}
    page.goto(origin, wait_until="load")


def test_a_shared_tab_asked_for_twice_keeps_what_it_saw(browse, origin):
    page, _ = browse(origin, shared=True)
    page.goto(origin, wait_until="load")
    page.evaluate("() => console.error('planted twice')")
    again, seen = browse(origin, shared=True)
    assert again is page and seen.console_errors == ["planted twice"]


def test_a_fresh_tab_is_a_new_one(browse, origin):
    page, _ = browse(origin)
    assert page is not SEEN[-1] and page is not SEEN[0]
    page.goto(origin, wait_until="load")
"""


def test_a_misbehaving_tab_fails_its_test_and_a_shared_one_comes_back_clean(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makepyfile(test_inner=INNER)
    env = os.environ.get("PYTHONPATH", "")
    monkeypatch.setenv("PYTHONPATH", f"{ROOT}{os.pathsep}{env}" if env else str(ROOT))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q", "-o", "timeout=120")
    result.assert_outcomes(passed=5, errors=3)
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_a_console_error_fails_its_own_test?False?*"])
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_a_console_error_fails_its_own_test?True?*"])
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_a_shared_tab_asked_for_twice_keeps_what_it_saw*"])
    result.stdout.fnmatch_lines(["*tabs that were not clean*planted*"])
