"""A problem found in the registry, located for an editor: file:line:column: center <id>: <field>: message.

Its words come from builder.registry.wording (Turkish first); `message` is the English, for tests and logs.
A warning is shown but does not stop publication.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as attribute

from builder.registry.wording import MESSAGES, Say, say


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the whole file is concerned
    column: int  # 1-based
    message: str
    entry: str = ""  # "center karsiyaka-bostanli", "district konak", "hotline alo-183"
    field: str = ""  # "phones[0].number"
    say: Say | None = attribute(default=None, compare=False, repr=False)
    warning: bool = attribute(default=False, compare=False)

    @classmethod
    def of(
        cls, file: str, line: int, column: int, say: Say, entry: str = "", field: str = "", warning: bool = False
    ) -> Problem:
        return cls(file, line, column, say.text("en"), entry, field, say, warning)

    def text(self, lang: str = "tr") -> str:
        return self.say.text(lang) if self.say is not None else self.message

    def line_text(self, lang: str = "tr") -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        noun, _, ident = self.entry.partition(" ")
        entry = f"{say(f'noun.{noun}', lang)} {ident}" if ident and f"noun.{noun}" in MESSAGES else self.entry
        return ": ".join(p for p in (where, entry, self.field, self.text(lang)) if p)

    def __str__(self) -> str:
        return self.line_text("en")


class RegistryError(Exception):
    """Raised with every problem at once, so an editor fixes them in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report("en"))

    def report(self, lang: str = "tr") -> str:
        count = len(self.problems)
        head = Say("report.head_one") if count == 1 else Say("report.head", n=count)
        return "\n".join([head.text(lang), *(f"  {p.line_text(lang)}" for p in self.problems)])


def warnings_report(warnings: list[Problem], lang: str = "tr") -> str:
    if not warnings:
        return ""
    head = Say("report.warnings", n=len(warnings)).text(lang)
    return "\n".join([head, *(f"  {p.line_text(lang)}" for p in sorted(warnings))])
