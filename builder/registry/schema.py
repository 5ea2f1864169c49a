"""JSON Schema of the data files, generated from the models, for editors' autocompletion and inline errors.

The data files point at these with a first line `# yaml-language-server: $schema=../schema/<name>.schema.json`.
tests/test_schema.py fails when a committed schema differs from what the models generate.
"""

from __future__ import annotations

import json
from pathlib import Path

from builder.registry.models import CentersFile, DistrictsFile, HotlinesFile, Model

SCHEMAS: dict[str, type[Model]] = {"centers": CentersFile, "districts": DistrictsFile, "hotlines": HotlinesFile}


def render(name: str) -> str:
    schema = SCHEMAS[name].model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_all(schema_dir: Path) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = schema_dir / f"{name}.schema.json"
        text = render(name)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
