"""`Form`: what an editor writes for a type, named beside the type it describes (in its `Annotated`
metadata); its words, in Turkish and English, are in meanings.yaml's `forms`. CONTRIBUTING.md's field tables
(builder.editors.fields) print them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from builder.registry.meanings import FORMS


@dataclass(frozen=True)
class Form:
    key: str  # a key of meanings.yaml's `forms`

    def __post_init__(self) -> None:
        if self.key not in FORMS:
            raise KeyError(f"no form {self.key!r} in builder/registry/meanings.yaml")


def form_of(annotation: Any, metadata: list[Any] | None = None) -> str | None:
    """The key of a field's Form, or None: its own metadata first, then its Annotated type's, the outermost
    (most particular) first, so that a source id (a slug) is described as a source id."""
    found = list(reversed(metadata or []))
    if get_origin(annotation) is Annotated:
        found += list(reversed(get_args(annotation)[1:]))
    return next((m.key for m in found if isinstance(m, Form)), None)
