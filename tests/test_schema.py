"""The committed JSON Schemas match the models, and the data files point editors at them."""

from __future__ import annotations

import json

import jsonschema
import pytest

from builder.registry import schema, source
from tests.conftest import ROOT


@pytest.mark.parametrize("name", list(schema.SCHEMAS))
def test_schema_is_current(name: str) -> None:
    committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema.render(name), "stale schema: run `python -m builder schema` and commit it"


@pytest.mark.parametrize("name", list(schema.SCHEMAS))
def test_data_file_names_its_schema_and_satisfies_it(name: str) -> None:
    path = ROOT / "data" / f"{name}.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{name}.schema.json"
    data = source.read(path).data
    as_json = json.loads(json.dumps(data, default=str))  # dates become strings, as editors' tools see them
    jsonschema.validate(as_json, json.loads(schema.render(name)))
