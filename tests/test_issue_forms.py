"""The correction form (.github/ISSUE_TEMPLATE): valid for GitHub (check-jsonschema's vendored schemas of
issue forms and of their config), Turkish first, and never to be mistaken for a way to ask for help."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT

TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"


@pytest.mark.parametrize(
    ("name", "schema"), [("correction.yml", "vendor.github-issue-forms"), ("config.yml", "vendor.github-issue-config")]
)
def test_the_forms_pass_githubs_schemas(name: str, schema: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(TEMPLATES / name)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_form_first_says_it_is_not_for_help_and_public() -> None:
    form = yaml.safe_load((TEMPLATES / "correction.yml").read_text(encoding="utf-8"))
    first = form["body"][0]
    assert first["type"] == "markdown"
    text = first["attributes"]["value"]
    assert text.index("Yardıma ihtiyacınız varsa bu formu kullanmayın") < text.index("If you need help")  # tr first
    assert "112" in text and "ALO 183" in text and "herkese açıktır" in text and "Sığınmaevlerinin adresini" in text
    ids = [item.get("id") for item in form["body"]]
    assert {"center", "what", "field", "correct", "source", "safe"} <= set(ids)
    source = next(item for item in form["body"] if item.get("id") == "source")
    assert source["validations"]["required"] is True  # a fact comes with its source
    config = yaml.safe_load((TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
