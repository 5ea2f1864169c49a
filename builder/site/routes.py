"""Every URL the site publishes, in one place: pages, the open-data files, and the templates handed to
JavaScript (as `data-*` attributes) so that scripts never build a URL of their own.

Page URLs are relative to a language's root ("merkezler/sonim-izmir/"); the language prefix ("en/") comes
from `builder.languages`. Folders are Turkish words and permanent: published-urls.txt holds them to it.
"""

from __future__ import annotations

import posixpath
from typing import Final

from builder.languages import SITE_LANGUAGES, url_prefix

CENTERS_DIR: Final = "merkezler"
DISTRICTS_DIR: Final = "ilceler"
LOCATOR_DIR: Final = "bul"
SEARCH_DIR: Final = "ara"
SHEETS_DIR: Final = "cikti"  # printable district sheets
COVERAGE_DIR: Final = "kapsam"  # for coordinators, in Turkish and English (linked from the data page)
GENERATED_DIRS: Final = (CENTERS_DIR, DISTRICTS_DIR, LOCATOR_DIR, SEARCH_DIR, SHEETS_DIR, COVERAGE_DIR)
HOME_FILE: Final = "index"
SAFETY_PAGE: Final = "guvenli-gezinme"  # hand-written: content/guvenli-gezinme*.md
DATA_PAGE: Final = "veri"  # hand-written: content/veri*.md
STATEMENT_PAGE: Final = "erisilebilirlik"  # hand-written: content/erisilebilirlik*.md, linked from every footer
DATA_DIR: Final = "data"  # content/data/ -> site/data/: the open-data files, beside the pages
SEARCH_INDEX_DIR: Final = "search"  # site/search/<lang>.json, written by the engine
ASSETS_DIR: Final = "assets"
# A placeholder the scripts fill in: "merkezler/{id}/" -> "merkezler/sonim-izmir/".
ID: Final = "{id}"


def center(center_id: str) -> str:
    return f"{CENTERS_DIR}/{center_id}/"


def district(key: str) -> str:
    return f"{DISTRICTS_DIR}/{key}/"


def sheet(key: str) -> str:
    return f"{SHEETS_DIR}/{key}/"


def coverage() -> str:
    return f"{COVERAGE_DIR}/"


def locator(center_id: str | None = None) -> str:
    return f"{LOCATOR_DIR}/" + (f"#merkez={center_id}" if center_id else "")


def search_index(lang: str) -> str:
    """From the site root (one index per language, not under a language prefix)."""
    return f"{SEARCH_INDEX_DIR}/{lang}.json"


def data_file(name: str) -> str:
    """An open-data file, from the site root: data/centers.json."""
    return f"{DATA_DIR}/{name}"


HSDS_DIR: Final = f"{DATA_DIR}/hsds"  # Open Referral HSDS 3.0: tables (CSV, JSON), data package, profile
HSDS_API_DIR: Final = f"{HSDS_DIR}/api"  # the read-only HSDS API as static files
JSON: Final = ".json"


def hsds_file(name: str) -> str:
    """A file of the HSDS export, from the site root: data/hsds/services.csv."""
    return f"{HSDS_DIR}/{name}"


def hsds_api(endpoint: str) -> str:
    """The static file that answers HSDS API endpoint `endpoint`: "/" -> data/hsds/api/index.json,
    "/services" -> data/hsds/api/services.json, "/services/<id>" -> data/hsds/api/services/<id>.json."""
    path = endpoint.strip("/")
    return f"{HSDS_API_DIR}/{path or 'index'}{JSON}"


def feed(lang: str) -> str:
    """The Atom feed of registry changes in language `lang`, from the site root: data/changes.atom (Turkish),
    data/changes-en.atom ... (not changes.en.atom: the i18n plugin would move a file so named to en/)."""
    return data_file(f"changes{'' if lang == SITE_LANGUAGES[0] else '-' + lang}.atom")


def page_path(lang: str, url: str) -> str:
    """A page URL of language `lang` from the site root: "en/merkezler/x/"."""
    return url_prefix(lang) + url


def relative(target: str, base: str) -> str:
    """A link from page URL `base` to page URL `target`, both relative to the same root."""
    rel = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") or target == "":
        return "./" if rel == "." else rel.rstrip("/") + "/"
    return rel


def to_site_root(lang: str, base: str) -> str:
    """From page `base` of language `lang` to the site root (where assets/, data/ and search/ live)."""
    return relative("", page_path(lang, base))


def asset(lang: str, base: str) -> str:
    """The site's assets/ folder, seen from page `base` of language `lang`."""
    return to_site_root(lang, base) + f"{ASSETS_DIR}/"


def absolute(site_url: str, path: str) -> str:
    """`path` (from the site root) under the site's public address, e.g. https://example.org/kdm/merkezler/x/."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def languages_of(url: str) -> dict[str, str]:
    """The same page in every site language, from the site root."""
    return {lang: page_path(lang, url) for lang in SITE_LANGUAGES}
