"""The languages the site is published in: one place, read by the builder, the tests and mkdocs.yml's check."""

from __future__ import annotations

from typing import Final

# Every language a registry text may carry. Turkish is required, the others fall back to it.
TEXT_LANGUAGES: Final[tuple[str, ...]] = ("tr", "en", "ar", "ku", "fa")

DEFAULT: Final = "tr"
# Languages the site is built in, default first. mkdocs.yml's i18n languages must match (a test checks).
SITE_LANGUAGES: Final[tuple[str, ...]] = ("tr", "en", "ar", "ku", "fa")
RTL: Final[frozenset[str]] = frozenset({"ar", "fa"})

# Babel locale used for dates, weekdays, numbers and language names of each site language.
BABEL_LOCALE: Final[dict[str, str]] = {"tr": "tr_TR", "en": "en_GB", "ar": "ar", "ku": "ku", "fa": "fa_IR"}


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"


def suffix(lang: str) -> str:
    """File-name suffix of mkdocs-static-i18n's suffix structure: x.md (default), x.en.md, x.ar.md."""
    return "" if lang == DEFAULT else f".{lang}"


def url_prefix(lang: str) -> str:
    return "" if lang == DEFAULT else f"{lang}/"
