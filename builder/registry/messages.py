"""pydantic's validation errors, turned into problems an editor can act on: file, line, entry, field, and
what to write instead."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from builder.registry import source
from builder.registry.models import CentersFile, HotlinesFile
from builder.registry.problems import Problem


def problem(doc: source.Document, error: ErrorDetails, prefix: tuple[str | int, ...]) -> Problem:
    loc: tuple[str | int, ...] = prefix + tuple(error["loc"])
    # pydantic adds the validator's name to some locations ("function-after[...]"); the editor needs keys only.
    loc = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
    line, column = doc.position(loc)
    entry, field = _entry_and_field(doc.data, loc)
    return Problem(doc.file, line, column, _message(error, loc), entry, field)


def _entry_and_field(data: Any, loc: tuple[str | int, ...]) -> tuple[str, str]:
    if len(loc) < 2:
        return "", _dotted(loc)
    top, key, rest = loc[0], loc[1], loc[2:]
    if top == "districts":
        return f"district {key}", _dotted(rest)
    noun = "center" if top == "centers" else "hotline"
    item = data.get(top, [])[key] if isinstance(key, int) and isinstance(data.get(top), list) else None
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        ident = item["id"]
    else:
        ident = f"#{key + 1}" if isinstance(key, int) else f"#{key}"
    return f"{noun} {ident}", _dotted(rest)


def _dotted(parts: Iterable[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _all_field_names(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    seen = seen or set()
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(name)
        for sub in _models_in(info.annotation):
            if sub not in seen:
                seen.add(sub)
                names |= _all_field_names(sub, seen)
    return names


def _models_in(annotation: Any) -> Iterable[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _models_in(arg)


def _message(error: ErrorDetails, loc: tuple[str | int, ...]) -> str:
    kind, text = error["type"], error["msg"]
    if kind == "missing":
        return "this field is required but missing"
    if kind == "extra_forbidden":
        key = str(loc[-1])
        close = difflib.get_close_matches(key, _all_field_names(CentersFile) | _all_field_names(HotlinesFile), 1)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        return f"unknown field `{key}`{hint}"
    if kind in ("value_error", "assertion_error"):
        return text.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "literal_error":
        return f"{text.replace('Input should be', 'expected one of:')}; got {error.get('input')!r}"
    if kind in (
        "string_type",
        "bool_type",
        "float_type",
        "int_type",
        "list_type",
        "dict_type",
        "date_type",
        "model_type",
        "model_attributes_type",
    ):
        wanted = {
            "string_type": "text",
            "bool_type": "true or false",
            "float_type": "a number",
            "int_type": "a whole number",
            "list_type": "a list (lines starting with -)",
            "dict_type": "a mapping (key: value lines)",
            "date_type": "a date like 2026-11-21",
            "model_type": "a mapping (key: value lines)",
            "model_attributes_type": "a mapping (key: value lines)",
        }[kind]
        return f"expected {wanted}; got {_shown(error.get('input'))}"
    if kind == "too_short":
        return "must not be empty"
    return text


def shown_text(text: str) -> str:
    """Line breaks and other invisible characters shown escaped, so one problem stays on one line."""
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
