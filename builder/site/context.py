"""What every page of one language is rendered with: the catalog, the interface strings, the holidays, the
language, and its formatter."""

from __future__ import annotations

from dataclasses import dataclass

from builder.site.catalog import Catalog
from builder.site.holidays import Holiday
from builder.site.i18n import Formatter, Strings


@dataclass(frozen=True)
class Site:
    """Where the site lives (for absolute URLs: canonical, JSON-LD) and where staff report corrections."""

    url: str = "http://127.0.0.1:8000/"  # with a trailing slash
    report_url: str = ""


@dataclass(frozen=True)
class Context:
    """What every page of one language is rendered with."""

    catalog: Catalog
    strings: Strings
    lang: str
    holidays: tuple[Holiday, ...] = ()
    site: Site = Site()

    def t(self, key: str, **values: str) -> str:
        return self.strings.get(key, self.lang, **values)

    @property
    def fmt(self) -> Formatter:
        return Formatter(self.lang)
