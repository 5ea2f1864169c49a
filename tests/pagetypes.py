"""One page of each kind the site has, in each language: what the accessibility, budget and screenshot
runs visit. Found in the built site, so a synthetic build (no guides) yields its own, shorter list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.languages import url_prefix
from builder.site.routes import (
    CENTERS_DIR,
    COVERAGE_DIR,
    DISTRICTS_DIR,
    HOME_FILE,
    LOCATOR_DIR,
    SAFETY_PAGE,
    SEARCH_DIR,
)

ROOT = Path(__file__).resolve().parent.parent
GUIDES_DIR = "rehber"
# Real registry: a center with hours, several phones and a map link; a confidential one (no place).
CENTER = "sonim-izmir"
CONFIDENTIAL_CENTER = "ibb-kadin-konukevleri"
DISTRICT = "konak"
# Typed into the search page: matches pages in every language (a district name is the same everywhere).
SEARCH_QUERY = "Konak"


@dataclass(frozen=True)
class PageType:
    kind: str  # "home", "locator", "center", ...
    path: str  # relative to a language root, "" for the home page

    def url(self, origin: str, lang: str) -> str:
        return origin + url_prefix(lang) + self.path

    def slug(self) -> str:
        """A name for files and test ids: the kind, and for a guide its page name."""
        return f"guide-{self.path.split('/')[1]}" if self.kind == "guide" else self.kind


def _guides(site: Path | None) -> list[str]:
    if site is None:  # before any build (test collection): the hand-written guides in content/
        return sorted(
            p.stem for p in (ROOT / "content" / GUIDES_DIR).glob("*.md") if "." not in p.stem and p.stem != "index"
        )
    return sorted(p.parent.name for p in (site / GUIDES_DIR).glob("*/index.html"))


def _pages() -> list[str]:
    return sorted(
        p.stem for p in (ROOT / "content").glob("*.md") if "." not in p.stem and p.stem not in (HOME_FILE, SAFETY_PAGE)
    )


def page_types(site: Path | None = None) -> list[PageType]:
    """Every page type of the built `site` (default: of the real registry, read from content/ and known ids):
    home, locator, a center page (and a confidential one), a district page, both indexes, the guides' index
    and each guide, the safety page and the search page. A synthetic build has no guides."""
    center, confidential = CENTER, True
    if site is not None:
        names = sorted(p.parent.name for p in (site / CENTERS_DIR).glob("*/index.html"))
        center = CENTER if CENTER in names else names[0]
        confidential = CONFIDENTIAL_CENTER in names
    types = [
        PageType("home", ""),
        PageType("locator", f"{LOCATOR_DIR}/"),
        PageType("center", f"{CENTERS_DIR}/{center}/"),
        PageType("district", f"{DISTRICTS_DIR}/{DISTRICT}/"),
        PageType("districts", f"{DISTRICTS_DIR}/"),
        PageType("centers", f"{CENTERS_DIR}/"),
        PageType("safety", f"{SAFETY_PAGE}/"),
        PageType("search", f"{SEARCH_DIR}/"),
        PageType("coverage", f"{COVERAGE_DIR}/"),
    ]
    # Any other hand-written top-level page (content/<name>.md): new pages are checked without a list to update.
    types += [PageType(f"page-{name}", f"{name}/") for name in _pages()]
    if confidential:
        types.insert(3, PageType("center-confidential", f"{CENTERS_DIR}/{CONFIDENTIAL_CENTER}/"))
    guides = _guides(site)
    if guides:
        types.append(PageType("guides", f"{GUIDES_DIR}/"))
        types += [PageType("guide", f"{GUIDES_DIR}/{name}/") for name in guides]
    return types
