"""Where the site lives, as the built pages say it: sitemap.xml and canonical links in both layouts.

One setting decides it: site_url (builder/project.py, KDM_SITE_URL; mkdocs.yml has the same default for a plain
`mkdocs build`). The real registry is built at the default address (the site at the root of its host) and at a
GitHub Pages project address (under /kdm-izmir/). In both:
- the sitemap lists every page and nothing else, each at its absolute address under site_url;
- each entry names the page in every language (xhtml:link hreflang, absolute): the one place the translations
  are declared, since the pages' heads carry no alternates (site_overrides/main.html says why);
- every page's canonical link is its own absolute address.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from builder.languages import SITE_LANGUAGES, url_prefix
from builder.project import DEFAULT_SITE_URL, SITE_URL_ENV
from tests.conftest import PROJECT_SITE_URL, ROOT
from tests.htmltools import find, parse

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LAYOUTS = {"root": ("real_site", DEFAULT_SITE_URL), "subpath": ("subpath_site", PROJECT_SITE_URL)}


@pytest.fixture(params=sorted(LAYOUTS), scope="module")
def layout(request: pytest.FixtureRequest) -> tuple[Path, str]:
    fixture, site_url = LAYOUTS[request.param]
    return request.getfixturevalue(fixture), site_url


def built_pages(site: Path) -> set[str]:
    return {"" if f.parent == site else f.parent.relative_to(site).as_posix() + "/" for f in site.rglob("index.html")}


def path_of(address: str, site_url: str) -> str:
    assert address.startswith(site_url), f"{address} is not under {site_url}"
    return address[len(site_url) :]


@pytest.mark.build  # the site is asked for by name (getfixturevalue)
def test_the_sitemap_lists_every_page_at_its_absolute_address(layout: tuple[Path, str]) -> None:
    site, site_url = layout
    entries = ET.parse(site / "sitemap.xml").getroot().findall("s:url", NS)
    listed = [path_of(e.findtext("s:loc", namespaces=NS) or "", site_url) for e in entries]
    assert len(listed) == len(set(listed))
    built = built_pages(site)
    assert sorted(built - set(listed)) == [], "pages missing from sitemap.xml"
    assert sorted(set(listed) - built) == [], "sitemap.xml lists pages that were not built"
    for lang in SITE_LANGUAGES:
        assert f"{url_prefix(lang)}bul/" in listed


@pytest.mark.build  # the site is asked for by name (getfixturevalue)
def test_every_entry_names_the_page_in_every_language(layout: tuple[Path, str]) -> None:
    site, site_url = layout
    for entry in ET.parse(site / "sitemap.xml").getroot().findall("s:url", NS):
        alternates = {a.get("hreflang"): a.get("href") or "" for a in entry.findall("x:link", NS)}
        assert set(alternates) == set(SITE_LANGUAGES), entry.findtext("s:loc", namespaces=NS)
        for lang, address in alternates.items():
            target = site / path_of(address, site_url) / "index.html"
            assert find(parse(target), "html")[0].attrs["lang"] == lang, address


@pytest.mark.build  # the site is asked for by name (getfixturevalue)
def test_every_page_is_canonical_at_its_own_address(layout: tuple[Path, str]) -> None:
    site, site_url = layout
    for path in built_pages(site):
        links = find(parse(site / path / "index.html"), "link", rel="canonical")
        assert [link.attrs["href"] for link in links] == [site_url + path], path


def test_mkdocs_yml_has_the_projects_default_address() -> None:
    """A plain `mkdocs build` and `python -m builder build` agree on where the site lives."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = re.search(r"^site_url: !ENV \[(\w+), (.+)\]$", text, re.MULTILINE)
    assert line, "mkdocs.yml: site_url: !ENV [KDM_SITE_URL, <default>]"
    assert line.group(1) == SITE_URL_ENV
    assert yaml.safe_load(line.group(2)) == DEFAULT_SITE_URL
