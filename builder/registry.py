"""Phase one: load and validate every data file, then check what spans entries and files.

Either a complete, frozen Registry comes out, or a RegistryError carrying every problem found, each
located by file, line, column, entry and field. No input produces a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from builder import models, source
from builder.models import Center, CentersFile, District, DistrictsFile, Hotline, HotlinesFile, Model
from builder.problems import Problem, RegistryError

FILES: dict[str, type[Model]] = {"centers": Center, "districts": District, "hotlines": Hotline}
SCHEMAS = {"centers": CentersFile, "districts": DistrictsFile, "hotlines": HotlinesFile}


@dataclass(frozen=True)
class Registry:
    centers: tuple[Center, ...]
    districts: dict[str, District]
    hotlines: tuple[Hotline, ...]


def load(data_dir: Path, root: Path | None = None, overrides: dict[str, Path] | None = None) -> Registry:
    """Load data_dir/{centers,districts,hotlines}.yaml; `overrides` replaces one file (validate FILE)."""
    problems: list[Problem] = []
    entries: dict[str, dict[str | int, Any]] = {}
    docs: dict[str, source.Document] = {}
    for name, model in FILES.items():
        path = (overrides or {}).get(name, data_dir / f"{name}.yaml")
        try:
            doc = source.read(path, _display(path, root))
        except source.SourceError as exc:
            problems.append(exc.problem)
            continue
        docs[name] = doc
        valid, found = validate_entries(doc, name, model)
        entries[name] = valid
        problems += found
    if len(docs) == len(FILES):
        problems += _cross_check(docs)
    if problems:
        raise RegistryError(problems)
    return Registry(
        centers=tuple(entries["centers"].values()),
        districts={str(k): v for k, v in entries["districts"].items()},
        hotlines=tuple(entries["hotlines"].values()),
    )


def _display(path: Path, root: Path | None) -> str:
    try:
        return str(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def validate_entries(
    doc: source.Document, top: str, model: type[Model]
) -> tuple[dict[str | int, Any], list[Problem]]:
    """Validate entry by entry, so that one broken entry does not hide the problems of the others."""
    shape = "a list of entries (lines starting with -)" if top != "districts" else "a mapping of district keys"
    if not isinstance(doc.data, dict) or top not in doc.data:
        found = type(doc.data).__name__ if doc.data is not None else "nothing"
        return {}, [Problem(doc.file, 1, 1, f"expected the file to start with `{top}:`; found {found}")]
    extra = [k for k in doc.data if k != top]
    problems = [Problem(doc.file, *doc.position((k,)), f"unknown top-level key `{k}`") for k in extra]
    items = doc.data[top]
    wanted = dict if top == "districts" else list
    if not isinstance(items, wanted):
        return {}, [*problems, Problem(doc.file, *doc.position((top,)), f"`{top}:` must hold {shape}")]
    valid: dict[str | int, Any] = {}
    pairs: list[tuple[str | int, Any]] = list(items.items()) if isinstance(items, dict) else list(enumerate(items))
    for key, item in pairs:
        if top == "districts":
            try:
                models.check_slug(str(key))
            except (ValueError, TypeError) as exc:
                problems.append(Problem(doc.file, *doc.position((top, key)), str(exc), f"district {key}", ""))
                continue
        try:
            valid[key] = model.model_validate(item)
        except ValidationError as exc:
            problems += [_problem(doc, error, (top, key)) for error in exc.errors()]
    return valid, problems


def _problem(doc: source.Document, error: Any, prefix: tuple[str | int, ...]) -> Problem:
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
    ident = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"#{key + 1}"
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


def _message(error: Any, loc: tuple[str | int, ...]) -> str:
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
    if kind in ("string_type", "bool_type", "float_type", "int_type", "list_type", "dict_type", "date_type",
                "model_type", "model_attributes_type"):
        wanted = {"string_type": "text", "bool_type": "true or false", "float_type": "a number",
                  "int_type": "a whole number", "list_type": "a list (lines starting with -)",
                  "dict_type": "a mapping (key: value lines)", "date_type": "a date like 2026-11-21",
                  "model_type": "a mapping (key: value lines)",
                  "model_attributes_type": "a mapping (key: value lines)"}[kind]
        return f"expected {wanted}; got {_shown(error.get('input'))}"
    if kind == "too_short":
        return "must not be empty"
    return text


def _shown_text(text: str) -> str:
    """Line breaks and other invisible characters shown escaped, so one problem stays on one line."""
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _cross_check(docs: dict[str, source.Document]) -> list[Problem]:
    """Checks that span entries or files. They read the raw data, so they also run on entries that failed
    their own validation: the editor sees every problem in one pass."""
    problems: list[Problem] = []
    cdoc, hdoc = docs["centers"], docs["hotlines"]
    raw_districts = docs["districts"].data.get("districts") if isinstance(docs["districts"].data, dict) else None
    districts = [str(k) for k in raw_districts] if isinstance(raw_districts, dict) else None

    def at(doc: source.Document, path: tuple[str | int, ...], entry: str, field: str, message: str) -> Problem:
        line, column = doc.position(path)
        return Problem(doc.file, line, column, message, entry, field)

    first: dict[str, int] = {}
    for index, item in _raw_items(cdoc, "centers"):
        ident = item.get("id")
        entry, here = f"center {ident if isinstance(ident, str) else f'#{index + 1}'}", ("centers", index)
        if isinstance(ident, str):
            if ident in first:
                problems.append(at(cdoc, (*here, "id"), entry, "id",
                                   f"the id is already used by entry #{first[ident] + 1}; ids must be unique"))
            first.setdefault(ident, index)
        district = item.get("district")
        if isinstance(district, str) and districts is not None and district not in districts:
            close = difflib.get_close_matches(district, districts, 1)
            hint = f"; did you mean `{close[0]}`?" if close else " (see data/districts.yaml)"
            message = f"unknown district `{_shown_text(district)}`{hint}"
            problems.append(at(cdoc, (*here, "district"), entry, "district", message))
        if item.get("confidential") is True:
            for field in ("address", "location", "district", "transport"):
                if item.get(field) is not None:
                    problems.append(at(cdoc, (*here, field), entry, field,
                                       "a confidential entry must not have this field: its place is never published"))
        elif item.get("kind") == "shelter":
            problems.append(at(cdoc, (*here, "kind"), entry, "confidential",
                               "a shelter must be marked `confidential: true`"))
    seen: set[str] = set()
    for index, item in _raw_items(hdoc, "hotlines"):
        ident = item.get("id")
        if isinstance(ident, str):
            if ident in seen:
                problems.append(at(hdoc, ("hotlines", index, "id"), f"hotline {ident}", "id",
                                   "the id is already used; ids must be unique"))
            seen.add(ident)
    return problems


def _raw_items(doc: source.Document, top: str) -> list[tuple[int, dict[str, Any]]]:
    items = doc.data.get(top) if isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]
