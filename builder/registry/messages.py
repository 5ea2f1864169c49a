"""pydantic's validation errors, turned into problems an editor can act on: file, line, entry, field, and
what to write instead."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from builder.registry import source
from builder.registry.models import CentersFile, HotlinesFile
from builder.registry.problems import Problem
from builder.registry.wording import Say


def problem(doc: source.Document, error: ErrorDetails, prefix: tuple[str | int, ...]) -> Problem:
    loc: tuple[str | int, ...] = prefix + tuple(error["loc"])
    # pydantic adds the validator's name to some locations ("function-after[...]"); the editor needs keys only.
    loc = tuple(p for p in loc if not (isinstance(p, str) and "[" in p))
    line, column = doc.position(loc)
    entry, field = _entry_and_field(doc.data, loc)
    return Problem.of(doc.file, line, column, _message(error, loc), entry, field)


def _entry_and_field(data: Any, loc: tuple[str | int, ...]) -> tuple[str, str]:
    if len(loc) < 2:
        return "", dotted(loc)
    top, key, rest = loc[0], loc[1], loc[2:]
    if top == "districts":
        return f"district {key}", dotted(rest)
    noun = "center" if top == "centers" else "hotline"
    item = data.get(top, [])[key] if isinstance(key, int) and isinstance(data.get(top), list) else None
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"].strip():
        ident = item["id"]
    else:
        ident = f"#{key + 1}" if isinstance(key, int) else f"#{key}"
    return f"{noun} {ident}", dotted(rest)


def dotted(parts: Iterable[str | int]) -> str:
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


_WANTED = {
    "string_type": "want.text",
    "bool_type": "want.bool",
    "bool_parsing": "want.bool",
    "float_type": "want.number",
    "float_parsing": "want.number",
    "int_type": "want.int",
    "int_parsing": "want.int",
    "int_from_float": "want.int",
    "list_type": "want.list",
    "dict_type": "want.mapping",
    "date_type": "want.date",
    "date_parsing": "want.date",
    "date_from_datetime_parsing": "want.date",
    "model_type": "want.mapping",
    "model_attributes_type": "want.mapping",
}


def _message(error: ErrorDetails, loc: tuple[str | int, ...]) -> Say:
    kind = error["type"]
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, Say):
        return cause
    if kind == "missing":
        return Say("missing")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        names = (_all_field_names(CentersFile) | _all_field_names(HotlinesFile)) - {key}
        return Say("unknown_field", key=key, hint=_did_you_mean(key, names))
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
        got = error.get("input")
        hint = _did_you_mean(str(got), choices) if isinstance(got, str) else ""
        return Say("one_of", choices=", ".join(choices), got=_shown(got), hint=hint)
    if kind in _WANTED:
        return Say("expected", wanted=Say(_WANTED[kind]), got=_shown(error.get("input")))
    if kind == "too_short":
        return Say("not_empty")
    if kind == "string_too_short":
        return Say("empty", wanted=Say("want.text"))
    if kind == "string_too_long":
        limit = (error.get("ctx") or {}).get("max_length", "?")
        return Say("too_long", length=len(str(error.get("input", ""))), limit=limit)
    return Say("pydantic", text=error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, "))


def _did_you_mean(word: str, choices: Iterable[str]) -> Say | str:
    close = difflib.get_close_matches(word, list(choices), 1)
    return Say("did_you_mean", close=close[0]) if close else ""


def shown_text(text: str) -> str:
    """Line breaks and other invisible characters shown escaped, so one problem stays on one line."""
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _shown(value: Any) -> Say | str:
    if isinstance(value, dict):
        return Say("want.mapping")
    if isinstance(value, list):
        return Say("want.list")
    return repr(value)
