"""Interface strings (data/ui.yaml) and localized formatting (Babel) for one site language at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from babel import Locale
from babel.dates import format_date, format_time, get_day_names
from babel.lists import format_list
from babel.numbers import format_decimal

from builder.languages import BABEL_LOCALE, SITE_LANGUAGES
from builder.registry import source
from builder.registry.hours import DAY_MINUTES, WEEKDAYS, Hours, Span
from builder.registry.problems import Problem, RegistryError
from builder.registry.wording import Say

# The coordinators' pages (/kapsam/) are published in Turkish and English only: their strings need no other text.
PARTIAL: Final[dict[str, tuple[str, ...]]] = {"coverage.": ("tr", "en")}


def languages_of(key: str, languages: tuple[str, ...] = SITE_LANGUAGES) -> tuple[str, ...]:
    """The languages a string must have."""
    for prefix, needed in PARTIAL.items():
        if key.startswith(prefix):
            return tuple(lang for lang in languages if lang in needed)
    return languages


@dataclass(frozen=True)
class Strings:
    table: dict[str, dict[str, str]]  # key -> language -> text

    def get(self, key: str, lang: str, **values: str) -> str:
        text = self.table[key][lang]
        return text.format(**values) if values else text


def load_strings(path: Path, display: str = "data/ui.yaml", languages: tuple[str, ...] = SITE_LANGUAGES) -> Strings:
    try:
        doc = source.read(path, display)
    except source.SourceError as exc:
        raise RegistryError([exc.problem]) from exc
    raw = doc.data.get("strings") if isinstance(doc.data, dict) else None
    if not isinstance(raw, dict):
        raise RegistryError([Problem.of(display, 1, 1, Say("strings.top"))])
    problems: list[Problem] = []
    table: dict[str, dict[str, str]] = {}
    for key, values in raw.items():
        line, column = doc.position(("strings", key))
        if not isinstance(values, dict):
            problems.append(Problem.of(display, line, column, Say("strings.shape"), f"string {key}"))
            continue
        missing = [
            lang
            for lang in languages_of(str(key), languages)
            if not isinstance(values.get(lang), str) or not values[lang].strip()
        ]
        if missing:
            say = Say("strings.missing", langs=", ".join(missing))
            problems.append(Problem.of(display, line, column, say, f"string {key}"))
        # A comma in an unquoted text of a {tr: ..., en: ...} line starts a new key: "en: Open 24 hours, 7 days"
        # becomes en: "Open 24 hours" plus a key "7 days". Only language codes are keys here.
        stray = [str(k) for k in values if k not in SITE_LANGUAGES]
        if stray:
            say = Say("strings.stray", keys=", ".join(repr(s) for s in stray))
            problems.append(Problem.of(display, line, column, say, f"string {key}"))
        table[str(key)] = {str(k): str(v) for k, v in values.items()}
    if problems:
        raise RegistryError(problems)
    return Strings(table)


@dataclass(frozen=True)
class Formatter:
    """Numbers, dates, weekdays and language names as a reader of `lang` writes them."""

    lang: str

    @property
    def locale(self) -> str:
        return BABEL_LOCALE[self.lang]

    def km(self, value: float) -> str:
        return format_decimal(value, "#,##0.0" if value < 10 else "#,##0", locale=self.locale)

    def date(self, value: dt.date) -> str:
        return format_date(value, "long", locale=self.locale)

    def number(self, value: float, digits: int = 0) -> str:
        return format_decimal(value, "#,##0" + ("." + "0" * digits if digits else ""), locale=self.locale)

    def time(self, minutes: int) -> str:
        """A time of day as the language writes it; 24:00 is shown as the last minute of the day."""
        minutes = min(minutes, DAY_MINUTES - 1)
        return str(format_time(dt.time(minutes // 60, minutes % 60), "short", locale=self.locale))

    def weekday(self, weekday: str) -> str:
        return str(get_day_names("wide", locale=self.locale)[WEEKDAYS.index(weekday)])

    def join(self, items: list[str]) -> str:
        """A list as the language writes it: "a, b ve c", "a, b and c", "a وb وc"."""
        return str(format_list(items, style="standard", locale=self.locale)) if items else ""

    def language(self, code: str) -> str:
        name = str(Locale.parse(self.locale).languages.get(code, code))
        return name[:1].upper() + name[1:] if self.lang not in ("ar", "fa") else name

    def week(self, hours: Hours) -> list[tuple[str, str]]:
        """Rows of (weekday, "08:30–12:00, 13:00–17:30"); consecutive days with equal times stay separate
        rows on purpose: a reader scanning for "today" finds her day by name."""
        return [(self.weekday(day), self.spans(spans)) for day, spans in hours.week()]

    def span(self, span: Span) -> str:
        return f"{self.time(span.start)}–{self.time(span.end)}"

    def spans(self, spans: tuple[Span, ...]) -> str:
        return ", ".join(self.span(s) for s in spans)

    def days(self, days: tuple[str, ...]) -> str:
        """ "Monday" or a run "Monday–Friday"."""
        return self.weekday(days[0]) + (f"–{self.weekday(days[-1])}" if len(days) > 1 else "")
