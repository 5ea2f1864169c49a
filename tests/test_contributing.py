"""CONTRIBUTING.md stays true: Turkish first, then English; its field tables are what `python -m builder fields`
makes from the models, its new-entry block is new-center's skeleton, every YAML example in it is an entry that
validates, its example error and its example change report are what the validator and `diff` print, and the
messages it quotes for the common mistakes are the validator's own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder import registry
from builder.editors import changes, fields, skeleton
from builder.registry import source
from builder.registry.problems import RegistryError
from builder.site.i18n import load_strings
from tests.conftest import FIXTURES, REAL_TODAY, ROOT

GUIDE = ROOT / "CONTRIBUTING.md"
EDITORS = FIXTURES / "editors"
ENGLISH = "\n# In English: a guide for editors\n"
# The mistakes of tests/fixtures/editors/mistakes/ whose messages the guide quotes, word for word.
QUOTED_MISTAKES = (
    "tab-indent.yaml",
    "unquoted-phone.yaml",
    "colon-in-text.yaml",
    "comment-cut.yaml",
    "unknown-field.yaml",
    "service-typo.yaml",
    "duplicate-id.yaml",
    "hours-without-source.yaml",
    "direct-from-news.yaml",
    "shelter-place-in-notes.yaml",
    "long-note.yaml",
    "emoji-in-name.yaml",
)


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


def _yaml_blocks() -> list[tuple[str, str]]:
    """Every ```yaml block of the guide with the marker line just before it ('' if none)."""
    text = GUIDE.read_text(encoding="utf-8")
    found = re.finditer(r"(?m)^(?:(<!-- [a-z:-]+ -->)\n)?```yaml\n(.*?)^```$", text, re.S)
    return [(m.group(1) or "", m.group(2)) for m in found]


def _examples() -> list[tuple[str, str]]:
    return [(marker, block) for marker, block in _yaml_blocks() if marker != "<!-- skeleton:start -->"]


def test_the_guide_is_in_turkish_first_then_in_english() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert text.startswith("# Verileri değiştirmek: editörler için rehber\n") and text.count(ENGLISH) == 1
    turkish, english = text.split(ENGLISH)
    for marker in ("skeleton", "fields", "example-error", "example-diff"):
        assert f"<!-- {marker}:start -->" in turkish and f"<!-- {marker}:end -->" in turkish
    assert "python -m builder --lang en fields" in english and "KDM_LANG=en" in english
    assert "checked:" not in text, "the registry records checks under `verification: checks:`"


def test_every_yaml_example_is_an_entry_that_validates(tmp_path: Path) -> None:
    examples = _examples()
    assert len(examples) >= 4
    for index, (_, block) in enumerate(examples):
        path = tmp_path / f"example-{index}.yaml"
        path.write_text("centers:\n" + block, encoding="utf-8")
        reg = registry.load(ROOT / "data", REAL_TODAY, root=tmp_path, overrides={"centers": path})
        assert len(reg.centers) == 1 and reg.warnings == (), block
        assert reg.centers[0].verification.sources and reg.centers[0].evidence.entry


def test_example_diff_is_what_diff_prints_for_the_guides_before_and_after() -> None:
    marked = dict(_examples())
    old, new = (
        source.parse(("centers:\n" + marked[f"<!-- example-diff:{when} -->"]).encode(), when).data
        for when in ("before", "after")
    )
    block = _between("<!-- example-diff:start -->\n```text\n", "```\n<!-- example-diff:end -->")
    assert block == changes.report(old, new, "centers.yaml", "main:data/centers.yaml")
    assert "⚠ phones[0].kind: 'unconfirmed' → 'direct'" in block


@pytest.mark.parametrize("name", QUOTED_MISTAKES)
def test_the_guide_quotes_the_validator_for_the_common_mistakes(name: str) -> None:
    from tests.test_editor_mistakes import CASES

    [turkish] = [case[3] for case in CASES if case[0] == name]
    assert turkish in GUIDE.read_text(encoding="utf-8").split(ENGLISH)[0]


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
