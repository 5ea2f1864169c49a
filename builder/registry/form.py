"""`Form`: what an editor writes for a type, in words, kept beside the type it describes (in its
`Annotated` metadata). CONTRIBUTING.md's field tables (builder.editors.fields) print it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin


@dataclass(frozen=True)
class Form:
    text: str


def form_of(annotation: Any, metadata: list[Any] | None = None) -> str | None:
    """The Form of a field (its own metadata first, then its Annotated type), or None."""
    found = list(metadata or [])
    if get_origin(annotation) is Annotated:
        found += list(get_args(annotation)[1:])
    return next((m.text for m in found if isinstance(m, Form)), None)
