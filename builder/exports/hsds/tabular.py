"""The HSDS tables as files: one CSV per table with HSDS's own file names and a Frictionless tabular data
package (datapackage.json) that describes them, field by field, with HSDS's types, formats, required
fields, primary and foreign keys; and the same tables as JSON (one array of rows per table)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Final

from builder.exports.hsds.fields import ALL, REFERENCES, Table
from builder.exports.hsds.rows import Row

HSDS_VERSION: Final = "3.0"
PACKAGE_NAME: Final = "kdm-izmir-hsds"
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def csv_text(table: Table, rows: list[Row]) -> str:
    """Every column of the table, in HSDS's order; an unknown value is an empty cell. A free-text cell that
    a spreadsheet would run as a formula gets a leading ' (phone numbers, ids and dates never start so)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    guarded = {f.name for f in table.fields if f.type == "string" and f.format is None and f.name != "number"}
    for row in rows:
        cells = [_text(row.get(name)) for name in table.columns]
        writer.writerow(
            f"'{cell}" if name in guarded and cell[:1] in _FORMULA else cell
            for name, cell in zip(table.columns, cells, strict=True)
        )
    return buffer.getvalue()


def compact(value: Any) -> str:
    """JSON for programs: no indentation (Python's C encoder; ten times faster on 2,000 services)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def json_text(rows: list[Row]) -> str:
    return compact(rows)


def _field(table: Table, field_name: str) -> dict[str, Any]:
    field = next(f for f in table.fields if f.name == field_name)
    out: dict[str, Any] = {"name": field.name, "type": field.type}
    if field.format:
        out["format"] = field.format
    constraints: dict[str, Any] = {}
    if field.required:
        constraints["required"] = True
    if field.name == "id":
        constraints["unique"] = True
    if table.name == "taxonomy_term" and field.name == "code":
        constraints["unique"] = True
    if field.enum:
        constraints["enum"] = list(field.enum)
    if constraints:
        out["constraints"] = constraints
    if field.profile:
        out["description"] = "Added by the kdm-izmir HSDS profile (profile.json)."
    return out


def _resource(table: Table, published: set[str]) -> dict[str, Any]:
    keys = [
        {"fields": name, "reference": {"resource": target, "fields": "id"}}
        for name in table.columns
        if (target := REFERENCES.get(name)) in published
    ]
    schema: dict[str, Any] = {"fields": [_field(table, n) for n in table.columns], "primaryKey": ["id"]}
    if keys:
        schema["foreignKeys"] = keys
    return {
        "name": table.name,
        "path": table.csv,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def datapackage(meta: dict[str, Any]) -> dict[str, Any]:
    """HSDS's tabular package for our tables; `meta` adds title, licence, homepage and the HSDS profile."""
    published = {t.name for t in ALL}
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        **meta,
        "resources": [_resource(t, published) for t in ALL],
    }


def files(rows: dict[str, list[Row]], meta: dict[str, Any]) -> dict[str, str]:
    """File name inside the HSDS folder -> text: the CSVs, their data package, and the JSON tables."""
    out = {t.csv: csv_text(t, rows[t.name]) for t in ALL}
    out |= {t.json: json_text(rows[t.name]) for t in ALL}
    out["datapackage.json"] = json.dumps(datapackage(meta), ensure_ascii=False, indent=2) + "\n"  # read by people too
    return out
