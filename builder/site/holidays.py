"""Turkish public and religious holidays, from the `holidays` package, as data for the open-now logic.

Computed at build time, from the build's one clock (builder.project), for the coming 400 days: the
scheduled weekly rebuild keeps them moving. Hand-kept holiday tables silently expire, so the build fails
when the data it would publish ends less than 90 days after the build date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

import holidays as holidays_package
from holidays.constants import HALF_DAY, PUBLIC

from builder.registry.problems import Problem, RegistryError
from builder.registry.wording import Say
from builder.site.i18n import Strings

HORIZON_DAYS: Final = 400
MINIMUM_DAYS: Final = 90
# A page is read after its build, never before; a week's margin covers a phone whose clock runs slow.
PAST_DAYS: Final = 7
HALF_DAY_FROM: Final = 13 * 60  # arife and 28 Ekim: work stops at 13:00 (minutes after midnight)
_PACKAGE_LANGUAGE: Final = {"tr": "tr", "en": "en_US"}  # others come from data/ui.yaml (holiday.*)


@dataclass(frozen=True)
class Holiday:
    date: dt.date
    half_day: bool  # closed from 13:00
    names: dict[str, str]  # site language -> name


def _key(english: str) -> str:
    base = re.sub(r"\s*\(from 1pm\)", "", english).replace("'", "")
    ascii_name = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode()
    return "holiday." + re.sub(r"[^a-z]+", "-", ascii_name.lower()).strip("-")


def calendar(strings: Strings, languages: tuple[str, ...], today: dt.date) -> list[Holiday]:
    start, end = today - dt.timedelta(days=PAST_DAYS), today + dt.timedelta(days=HORIZON_DAYS)
    years = list(range(start.year, end.year + 1))
    by_lang = {
        lang: {
            cat: holidays_package.Turkey(years=years, categories=(cat,), language=code) for cat in (PUBLIC, HALF_DAY)
        }
        for lang, code in {**_PACKAGE_LANGUAGE, "key": "en_US"}.items()
    }
    out: list[Holiday] = []
    for category in (PUBLIC, HALF_DAY):
        for date in sorted(by_lang["key"][category]):
            if not start <= date <= end:
                continue
            names: dict[str, str] = {}
            for lang in languages:
                if lang in _PACKAGE_LANGUAGE:
                    names[lang] = "; ".join(by_lang[lang][category].get_list(date))
                else:
                    parts = [strings.get(_key(n), lang) for n in by_lang["key"][category].get_list(date)]
                    name = "; ".join(parts)
                    names[lang] = strings.get("holiday.half_day", lang, name=name) if category == HALF_DAY else name
            out.append(Holiday(date, category == HALF_DAY, names))
    out.sort(key=lambda h: (h.date, h.half_day))
    english = {y: " ".join(v for d, v in by_lang["key"][PUBLIC].items() if d.year == y) for y in years}
    check_coverage(english, today)
    return out


def holiday_keys(today: dt.date) -> set[str]:
    """The ui.yaml keys needed for languages the package does not translate (checked by a test)."""
    years = range(today.year, today.year + 3)
    return {
        _key(part)
        for cat in (PUBLIC, HALF_DAY)
        for name in holidays_package.Turkey(years=years, categories=(cat,), language="en_US").values()
        for part in name.split("; ")
    }


def check_coverage(english_names_by_year: dict[int, str], today: dt.date) -> None:
    """Both bayrams must be known for every year until 90 days ahead; otherwise the data has expired."""
    needed_until = today + dt.timedelta(days=MINIMUM_DAYS)
    for year in range(today.year, needed_until.year + 1):
        names = english_names_by_year.get(year, "")
        if "Eid al-Fitr" not in names or "Eid al-Adha" not in names:
            say = Say("holidays.expired", year=year, days=MINIMUM_DAYS, today=today)
            raise RegistryError([Problem.of("holidays package", 0, 1, say)])
