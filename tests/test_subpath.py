"""Deployed where it will really live: a GitHub Pages project site, served under /<repository>/.

The real registry is built with site_url https://kdm-izmir.github.io/kdm-izmir/ (tests/conftest.py) and served
under /kdm-izmir/ by the harness, which answers a missing address with the site's 404.html as GitHub Pages does.
- Over HTTP, every link, script, stylesheet, image, form and data address of every page (404.html reached at a
  missing address included, and the sitemap's addresses) is followed: none leaves /kdm-izmir/, none fails.
- In the browser, every page type in every language loads with no failed request, no request outside the
  sub-path and no console error (the `browse` fixture's guard) and without moving (layout shift, measured on
  the same visit at 360 px), and the language menu lands on the same page in the other language. At the root
  the same guard holds on every page type and language in tests/test_a11y.py.
- The 404 page, at any depth, is styled, and its quick exit leaves on Shift pressed three times.
"""

from __future__ import annotations

import http.client
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen
from xml.etree import ElementTree

import pytest

from builder.languages import SITE_LANGUAGES, url_prefix
from tests.browser import NEUTRAL, layout_shift
from tests.conftest import PROJECT_SITE_URL
from tests.pagetypes import PageType, page_types
from tests.test_layout_shift import CLS_LIMIT
from tests.test_quick_exit import QUICK_EXIT_URL

ATTRIBUTES = {"href", "src", "action", "data-index", "data-root", "data-center-url"}
FOLDERS = {"data-assets": "kdm/locator.js"}  # a folder the script loads from: one file it must hold
NOT_FETCHED = ("mailto:", "tel:", "sms:", "javascript:", "data:", "geo:")
MISSING = "no-such-page/deeper/"


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in ATTRIBUTES and "{" not in value:  # "merkezler/{id}/" is a script's template
                self.found.append(value)
            elif value and name in FOLDERS:
                self.found.append(value.rstrip("/") + "/" + FOLDERS[name])


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urlopen(url, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()
    except http.client.HTTPException as error:
        return 0, "", str(error).encode()


def crawl(address: str, starts: list[str]) -> tuple[set[str], list[str]]:
    """Follow everything from `starts`; returns (the HTML pages read, the problems)."""
    host = urlsplit(address).netloc
    queue, seen, pages, problems = deque(starts), set(starts), set(), []
    while queue:
        url = queue.popleft()
        status, kind, body = fetch(url)
        if status != 200 and not url.endswith(MISSING):
            problems.append(f"{url}: {status}")
        if kind != "text/html":
            continue
        pages.add(url)
        parser = _References()
        parser.feed(body.decode("utf-8"))
        for reference in parser.found:
            if reference.startswith(NOT_FETCHED):
                continue
            if reference.startswith(PROJECT_SITE_URL):  # canonical links: the site's public address
                reference = address + reference[len(PROJECT_SITE_URL) :]
            target = urldefrag(urljoin(url, reference)).url
            parts = urlsplit(target)
            if parts.netloc != host:
                continue  # another host: the quick exit, OpenStreetMap, the sources (tests/test_links.py)
            if not target.startswith(address):
                problems.append(f"{url}: {reference} leaves {urlsplit(address).path}")
            elif target not in seen:
                seen.add(target)
                queue.append(target)
    return pages, problems


def test_every_link_stays_under_the_sub_path_and_answers(subpath_origin: str) -> None:
    sitemap = ElementTree.fromstring(fetch(subpath_origin + "sitemap.xml")[2])
    addresses = [loc.text or "" for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert addresses and all(a.startswith(PROJECT_SITE_URL) for a in addresses)
    # The sitemap's addresses are starts too: the coverage view (/kapsam/) is for coordinators who are given
    # its address, and no page links to it.
    local = [subpath_origin + a[len(PROJECT_SITE_URL) :] for a in addresses]
    pages, problems = crawl(subpath_origin, list(dict.fromkeys([subpath_origin, subpath_origin + MISSING, *local])))
    assert set(local) <= pages
    assert len(pages) > 400
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(sorted(problems)[:50])


def test_the_crawler_catches_a_link_out_of_the_sub_path(subpath_site: Path, subpath_origin: str) -> None:
    """Not vacuous: the crawler reports a root-relative link that forgot the sub-path, and a missing file."""
    page = subpath_site / "planted-crawl-test" / "index.html"
    page.parent.mkdir()
    page.write_text('<!doctype html><a href="/assets/kdm/site.css">x</a><a href="gone/">y</a>', encoding="utf-8")
    try:
        _, problems = crawl(subpath_origin, [subpath_origin + "planted-crawl-test/"])
    finally:
        page.unlink()
        page.parent.rmdir()
    assert any("leaves /kdm-izmir/" in p for p in problems)
    assert any(p.endswith("planted-crawl-test/gone/: 404") for p in problems)


TYPES = page_types()
# The tour runs at the narrowest common phone width, where layout shifts are largest, and measures them on
# the way (tests/test_layout_shift.py): one visit per page type and language holds both promises.
NARROW_PHONE = {"width": 360, "height": 780}


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
@pytest.mark.parametrize("kind", TYPES, ids=[t.slug() for t in TYPES])
def test_every_page_type_loads_cleanly_and_holds_still(browse, subpath_origin: str, kind: PageType, lang: str) -> None:
    page, seen = browse(subpath_origin, viewport=NARROW_PHONE)
    response = page.goto(kind.url(subpath_origin, lang), wait_until="load")
    assert response is not None and response.status == 200
    total, shifts = layout_shift(page)  # two frames on: what the scripts asked for on load is in the guard too
    assert total <= CLS_LIMIT, f"CLS {total:.3f}: {shifts}"
    assert seen.problems() == {}


@pytest.mark.parametrize("layout", ["root", "subpath"])
def test_the_language_menu_leads_to_the_same_page(browse, layout: str, request: pytest.FixtureRequest) -> None:
    address: str = request.getfixturevalue("real_origin" if layout == "root" else "subpath_origin")
    page, _ = browse(address)
    for start in ("", "merkezler/sonim-izmir/"):
        page.goto(address + start, wait_until="load")
        page.click(".md-header .md-select > button")
        page.click(".md-select__link[hreflang=ar]")
        page.wait_for_load_state("load")
        assert page.url == address + url_prefix("ar") + start
        assert page.evaluate("document.documentElement.lang") == "ar"


@pytest.mark.parametrize("depth", ["", MISSING], ids=["top", "deep"])
def test_the_404_page_is_styled_and_its_quick_exit_works(browse, subpath_origin: str, depth: str) -> None:
    page, seen = browse(subpath_origin, stubs={QUICK_EXIT_URL: NEUTRAL})
    response = page.goto(subpath_origin + "missing-" + depth, wait_until="load")
    assert response is not None and response.status == 404
    seen.failed.remove(response.url)  # the page itself answers 404, as it must; nothing it loads may
    # Material's stylesheet and ours applied: the header is a flex row, the quick exit a fixed bar on a phone.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header__inner')).display") == "flex"
    assert page.evaluate("getComputedStyle(document.querySelector('.kdm-quick-exit')).position") in ("fixed", "sticky")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(QUICK_EXIT_URL)
