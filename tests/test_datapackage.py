"""centers.csv and the coverage tables described by Frictionless Table Schemas in data/datapackage.json
(builder/exports/datapackage.py): `frictionless validate` finds 0 errors on the small, the real and the
synthetic registry, and finds the errors it should."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder import exports
from builder.exports import datapackage, opendata
from builder.site import coverage, routes
from tests.standards import frictionless_errors
from tests.test_exports import SITE_URL, _load

PACKAGED = (opendata.CSV_FILE, routes.data_file(coverage.CSV_FILE), routes.data_file(coverage.MATRIX_CSV_FILE))


def _package(name: str, folder: Path, change: tuple[str, str] | None = None, where: str = opendata.CSV_FILE) -> Path:
    cat, strings = _load(name)
    files = exports.files(cat, strings, SITE_URL, None)
    for rel in (*PACKAGED, datapackage.FILE):
        text = files[rel]
        if change and rel == where:
            text = text.replace(*change, 1)
        (folder / rel.rsplit("/", 1)[-1]).write_text(text, encoding="utf-8")
    return folder / "datapackage.json"


@pytest.mark.parametrize("name", ["real", "small"])
def test_centers_csv_passes_frictionless(name: str, tmp_path: Path) -> None:
    assert frictionless_errors(_package(name, tmp_path)) == []


def test_every_column_is_described(tmp_path: Path) -> None:
    package = json.loads(_package("small", tmp_path).read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [p.removeprefix("data/") for p in PACKAGED]
    schema = package["resources"][0]["schema"]
    assert [f["name"] for f in schema["fields"]] == list(opendata.CSV_COLUMNS)
    types = {f["name"]: f["type"] for f in schema["fields"]}
    assert (types["latitude"], types["confidential"], types["newest_evidence"]) == ("number", "boolean", "date")
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["version"] == opendata.SCHEMA_VERSION


@pytest.mark.parametrize(
    "change", [(",active,", ",open,"), (",false,", ",maybe,"), ("38.4189", "north")], ids=["status", "bool", "number"]
)
def test_frictionless_finds_a_wrong_cell(change: tuple[str, str], tmp_path: Path) -> None:
    assert len(frictionless_errors(_package("small", tmp_path, change))) == 1


@pytest.mark.parametrize("change", [(",own,", ",ours,"), (",1,", ",one,")], ids=["band", "count"])
def test_frictionless_finds_a_wrong_coverage_cell(change: tuple[str, str], tmp_path: Path) -> None:
    package = _package("real", tmp_path, change, routes.data_file(coverage.CSV_FILE))
    assert len(frictionless_errors(package)) == 1


def test_the_synthetic_registry_passes_frictionless(synthetic_site: Path) -> None:
    assert frictionless_errors(synthetic_site / "data" / "datapackage.json") == []
