"""A problem found in the registry, located for an editor: file:line:column: center <id>: <field>: message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the whole file is concerned
    column: int  # 1-based
    message: str
    entry: str = ""  # "center karsiyaka-bostanli", "district konak", "hotline alo-183"
    field: str = ""  # "phones[0].number"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        parts = [where, self.entry, self.field, self.message]
        return ": ".join(p for p in parts if p)


class RegistryError(Exception):
    """Raised with every problem at once, so an editor fixes them in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the registry; nothing was published:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
