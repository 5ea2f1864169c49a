"""Phase one: load and validate every data file, then check what spans entries and files.

Either a complete, frozen Registry comes out, or a RegistryError carrying every problem found, each
located by file, line, column, entry and field. No input produces a traceback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from builder.registry import source, sourcing
from builder.registry.checks import cross_check, warnings
from builder.registry.messages import problem
from builder.registry.models import Center, District, Hotline, Model
from builder.registry.problems import Problem, RegistryError
from builder.registry.values import check_slug
from builder.registry.wording import Say

FILES: dict[str, type[Model]] = {"centers": Center, "districts": District, "hotlines": Hotline}


@dataclass(frozen=True)
class Registry:
    centers: tuple[Center, ...]
    districts: dict[str, District]
    hotlines: tuple[Hotline, ...]
    warnings: tuple[Problem, ...] = ()  # published, but an editor should look (checks.warnings)


def load(
    data_dir: Path, today: dt.date, root: Path | None = None, overrides: dict[str, Path] | None = None
) -> Registry:
    """Load data_dir/{centers,districts,hotlines}.yaml; `overrides` replaces one file (validate FILE).
    `today` is the build's one clock (a check dated after it is refused)."""
    problems: list[Problem] = []
    entries: dict[str, dict[str | int, Any]] = {}
    docs: dict[str, source.Document] = {}
    for name, model in FILES.items():
        path = (overrides or {}).get(name, data_dir / f"{name}.yaml")
        try:
            doc = source.read(path, display(path, root))
        except source.SourceError as exc:
            problems.append(exc.problem)
            continue
        docs[name] = doc
        valid, found = validate_entries(doc, name, model)
        entries[name] = valid
        problems += found
        for index, entry in valid.items():
            if isinstance(entry, (Center, Hotline)) and isinstance(index, int):
                problems += sourcing.check(doc, name, index, entry, today)
            elif isinstance(entry, District) and entry.population is not None:
                problems += _population_dates(doc, str(index), entry, today)
    if len(docs) == len(FILES):
        problems += cross_check(docs)
    if problems:
        raise RegistryError(problems)
    return Registry(
        centers=tuple(entries["centers"].values()),
        districts={str(k): v for k, v in entries["districts"].items()},
        hotlines=tuple(entries["hotlines"].values()),
        warnings=tuple(sorted(warnings(docs))),
    )


def _population_dates(doc: source.Document, key: str, district: District, today: dt.date) -> list[Problem]:
    """A district's population figure, like any fact: not read after the build's day, not published after it."""
    assert district.population is not None
    read, published = district.population.source.read, district.population.source.published
    here = ("districts", key, "population", "source")
    if read > today:
        say = Say("src.read_future", date=read, today=today)
        return [Problem.of(doc.file, *doc.position((*here, "read")), say, f"district {key}", "population.source.read")]
    if published is not None and published.first_day() > read:
        say = Say("src.published_after", published=published, read=read)
        field = "population.source.published"
        return [Problem.of(doc.file, *doc.position((*here, "published")), say, f"district {key}", field)]
    return []


def display(path: Path, root: Path | None) -> str:
    """How a file is named in messages: relative to the project, as an editor sees it."""
    try:
        return str(path.resolve().relative_to((root or Path.cwd()).resolve()))
    except ValueError:
        return str(path)


def validate_entries(doc: source.Document, top: str, model: type[Model]) -> tuple[dict[str | int, Any], list[Problem]]:
    """Validate entry by entry, so that one broken entry does not hide the problems of the others."""
    shape = Say("shape.list") if top != "districts" else Say("shape.mapping")
    if not isinstance(doc.data, dict) or top not in doc.data:
        found: Say | str = Say("found.nothing")
        if isinstance(doc.data, dict) and doc.data:
            found = ", ".join(f"`{k}:`" for k in doc.data)
        elif isinstance(doc.data, list):
            found = Say("found.list")
        elif doc.data is not None:
            found = repr(doc.data)
        return {}, [Problem.of(doc.file, 1, 1, Say("file.top", top=top, found=found))]
    extra = [k for k in doc.data if k != top]
    problems = [Problem.of(doc.file, *doc.position((k,)), Say("file.top_extra", key=k)) for k in extra]
    items = doc.data[top]
    wanted = dict if top == "districts" else list
    if not isinstance(items, wanted):
        return {}, [*problems, Problem.of(doc.file, *doc.position((top,)), Say("file.top_shape", top=top, shape=shape))]
    valid: dict[str | int, Any] = {}
    pairs: list[tuple[str | int, Any]] = list(items.items()) if isinstance(items, dict) else list(enumerate(items))
    for key, item in pairs:
        if top == "districts":
            try:
                check_slug(str(key))
            except Say as exc:
                problems.append(Problem.of(doc.file, *doc.position((top, key)), exc, f"district {key}"))
                continue
        try:
            valid[key] = model.model_validate(item)
        except ValidationError as exc:
            problems += [problem(doc, error, (top, key)) for error in exc.errors()]
    return valid, problems
