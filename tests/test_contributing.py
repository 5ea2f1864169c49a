"""CONTRIBUTING.md stays true: its field tables are what `python -m builder fields` makes from the models,
its new-entry block is new-center's skeleton, and its example error is what the validator prints."""

from __future__ import annotations

import pytest

from builder import registry
from builder.editors import fields, skeleton
from builder.registry.problems import RegistryError
from builder.site.i18n import load_strings
from tests.conftest import FIXTURES, REAL_TODAY, ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
EDITORS = FIXTURES / "editors"


def _between(start: str, end: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    assert text.count(start) == 1 and text.count(end) == 1, f"{start} and {end} must each appear once"
    return text.split(start)[1].split(end)[0]


def test_field_tables_are_current() -> None:
    strings = load_strings(ROOT / "data" / "ui.yaml")
    committed = fields.current_section(GUIDE.read_text(encoding="utf-8"))
    assert committed == fields.section(strings), (
        "CONTRIBUTING.md's field tables are stale: run `python -m builder fields --write`"
    )


def test_new_entry_block_is_the_skeleton() -> None:
    block = _between("<!-- skeleton:start -->\n```yaml\n", "```\n<!-- skeleton:end -->")
    assert block == skeleton.skeleton("yeni-merkez")


def test_example_error_is_what_the_validator_prints() -> None:
    with pytest.raises(RegistryError) as caught:
        registry.load(ROOT / "data", REAL_TODAY, root=EDITORS, overrides={"centers": EDITORS / "data" / "centers.yaml"})
    block = _between("<!-- example-error:start -->\n```text\n", "```\n<!-- example-error:end -->")
    assert block == caught.value.report() + "\n"
    assert len(caught.value.problems) == 3


def test_commands_named_in_the_guide_exist() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for command in ("validate", "diff main", "stale", "new-center", "geocode --dry-run"):
        assert f"python -m builder {command}" in text
    for workflow in ("pull-request.yml", "deploy.yml"):
        assert f".github/workflows/{workflow}" in text
        assert (ROOT / ".github" / "workflows" / workflow).is_file()
