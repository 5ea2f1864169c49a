"""The benchmarks' figures as a Markdown table, the form closing notes and issues quote them in."""

from __future__ import annotations


def row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def markdown(caption: str, header: list[str], rows: list[str], text_columns: int) -> str:
    """`caption`, a blank line, then the table: the first `text_columns` columns left-aligned, the figures
    after them right-aligned."""
    rule = "|" + "---|" * text_columns + "---:|" * (len(header) - text_columns)
    return "\n".join([caption, "", row(*header), rule, *rows])
