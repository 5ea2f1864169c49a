"""One page of each kind the site has, in each language: what the accessibility, budget and screenshot
runs visit. Found in the built site, so a synthetic build (no guides) yields its own, shorter list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from builder.languages import SITE_LANGUAGES, url_prefix
from builder.pages import CENTERS_DIR, DISTRICTS_DIR, LOCATOR_DIR, SAFETY_PAGE, SEARCH_DIR

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


def _first_center(site: Path) -> str:
    names = sorted(p.parent.name for p in (site / CENTERS_DIR).glob("*/index.html"))
    return CENTER if CENTER in names else names[0]


def page_types(site: Path, guides: bool = True) -> list[PageType]:
    """Every page type of the built `site` (its default-language tree): home, locator, a center page, a
    district page, both indexes, the guides' index and each guide, the safety page and the search page."""
    types = [
        PageType("home", ""),
        PageType("locator", f"{LOCATOR_DIR}/"),
        PageType("center", f"{CENTERS_DIR}/{_first_center(site)}/"),
        PageType("district", f"{DISTRICTS_DIR}/{DISTRICT}/"),
        PageType("districts", f"{DISTRICTS_DIR}/"),
        PageType("centers", f"{CENTERS_DIR}/"),
        PageType("safety", f"{SAFETY_PAGE}/"),
        PageType("search", f"{SEARCH_DIR}/"),
    ]
    if (site / CENTERS_DIR / CONFIDENTIAL_CENTER / "index.html").is_file():
        types.insert(3, PageType("center-confidential", f"{CENTERS_DIR}/{CONFIDENTIAL_CENTER}/"))
    if guides and (site / GUIDES_DIR / "index.html").is_file():
        types.append(PageType("guides", f"{GUIDES_DIR}/"))
        types += [PageType("guide", f"{GUIDES_DIR}/{p.parent.name}/")
                  for p in sorted((site / GUIDES_DIR).glob("*/index.html"))]
    return types


def every_page(site: Path, languages: tuple[str, ...] = SITE_LANGUAGES) -> list[tuple[str, PageType]]:
    return [(lang, pt) for lang in languages for pt in page_types(site)]
