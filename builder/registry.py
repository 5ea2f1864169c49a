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

from builder import source
from builder.models import Center, CentersFile, District, DistrictsFile, Hotline, HotlinesFile, Model
from builder.problems import Problem, RegistryError

FILES = {"centers": CentersFile, "districts": DistrictsFile, "hotlines": HotlinesFile}


@dataclass(frozen=True)
class Registry:
    centers: tuple[Center, ...]
    districts: dict[str, District]
    hotlines: tuple[Hotline, ...]


def load(data_dir: Path, root: Path | None = None, overrides: dict[str, Path] | None = None) -> Registry:
    """Load data_dir/{centers,districts,hotlines}.yaml; `overrides` replaces one file (validate FILE)."""
    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    for name, model in FILES.items():
        path = (overrides or {}).get(name, data_dir / f"{name}.yaml")
        display = _display(path, root)
        try:
            doc = source.read(path, display)
        except source.SourceError as exc:
            problems.append(exc.problem)
            continue
        value, found = validate_document(doc, model)
        problems += found
        if value is not None:
            parsed[name] = (value, doc)
    if len(parsed) == len(FILES):
        problems += _cross_check(*(parsed[n] for n in FILES))
    if problems:
        raise RegistryError(problems)
    return Registry(
        centers=tuple(parsed["centers"][0].centers),
        districts=dict(parsed["districts"][0].districts),
        hotlines=tuple(parsed["hotlines"][0].hotlines),
    )


def _display(path: Path, root: Path | None) -> str:
    try:
        return str(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def validate_document(doc: source.Document, model: type[Model]) -> tuple[Any, list[Problem]]:
    top = next(iter(model.model_fields))
    if not isinstance(doc.data, dict) or top not in doc.data:
        kind = type(doc.data).__name__ if doc.data is not None else "nothing"
        return None, [Problem(doc.file, 1, 1, f"expected the file to start with `{top}:`; found {kind}")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, [_problem(doc, error, model) for error in exc.errors()]


def _problem(doc: source.Document, error: Any, model: type[BaseModel]) -> Problem:
    loc: tuple[str | int, ...] = tuple(error["loc"])
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


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _cross_check(centers: tuple[CentersFile, source.Document], districts: tuple[DistrictsFile, source.Document],
                 hotlines: tuple[HotlinesFile, source.Document]) -> list[Problem]:
    problems: list[Problem] = []
    (cfile, cdoc), (dfile, _), (hfile, hdoc) = centers, districts, hotlines

    def at(doc: source.Document, path: tuple[str | int, ...], entry: str, field: str, message: str) -> Problem:
        line, column = doc.position(path)
        return Problem(doc.file, line, column, message, entry, field)

    first: dict[str, int] = {}
    for index, center in enumerate(cfile.centers):
        entry = f"center {center.id}"
        if center.id in first:
            problems.append(at(cdoc, ("centers", index, "id"), entry, "id",
                               f"the id is already used by entry #{first[center.id] + 1}; ids must be unique"))
        first.setdefault(center.id, index)
        if center.district is not None and center.district not in dfile.districts:
            close = difflib.get_close_matches(center.district, list(dfile.districts), 1)
            hint = f"; did you mean `{close[0]}`?" if close else " (see data/districts.yaml)"
            problems.append(at(cdoc, ("centers", index, "district"), entry, "district",
                               f"unknown district `{center.district}`{hint}"))
        sourced = center.phones or center.address or center.hours or center.location or center.email
        if sourced and not center.verification.sources:
            problems.append(at(cdoc, ("centers", index, "verification"), entry, "verification.sources",
                               "contact details need at least one source"))
        if center.kind == "shelter" and not center.confidential:
            problems.append(at(cdoc, ("centers", index, "confidential"), entry, "confidential",
                               "a shelter must be marked confidential: true"))
    seen: dict[str, int] = {}
    for index, hotline in enumerate(hfile.hotlines):
        if hotline.id in seen:
            problems.append(at(hdoc, ("hotlines", index, "id"), f"hotline {hotline.id}", "id",
                               "the id is already used; ids must be unique"))
        seen.setdefault(hotline.id, index)
    return problems
