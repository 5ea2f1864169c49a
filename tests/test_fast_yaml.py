"""The fast reader gives exactly what the careful (ruamel) reader gives, or steps aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.registry import fast_yaml, source
from tests.conftest import ROOT

FILES = sorted([*ROOT.glob("data/*.yaml"), *ROOT.glob("tests/fixtures/**/*.yaml")])


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_same_data_as_the_careful_reader(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    fast = fast_yaml.load(text)
    try:
        careful = source._careful(text, path.name).data
    except source.SourceError:
        assert fast is fast_yaml.UNSURE  # whatever ruamel refuses, the fast reader must not accept
        return
    assert fast is fast_yaml.UNSURE or fast == careful


@pytest.mark.parametrize(
    "text",
    [
        "a: no",
        "a: yes",
        "a: on",
        "a: 0232",
        "a: 08:30",
        "a: 1_000",
        "a: 0x1F",
        "a: 0o17",
        "a: 2026-11-21",
        "a: 12e3",
        "a: .5",
        "a: -.inf",
        "a: null",
        "a: ~",
        "a:",
        "a: True",
        "a: 'x'",
        'a: "\\u0041"',
        "a: [1, {b: c}]",
        "? [x]\n: 1",
        "a: !!str 1",
        "a: !!set {x}",
        "a: &k 1\nb: *k",
        "<<: {a: 1}",
        "a: 1\na: 2",
        "a: 2026-11-21 10:00:00",
        "- - - x",
    ],
)
def test_edge_cases_agree(text: str) -> None:
    fast = fast_yaml.load(text)
    try:
        careful = source._careful(text, "x.yaml").data
    except source.SourceError:
        assert fast is fast_yaml.UNSURE
        return
    assert fast is fast_yaml.UNSURE or (fast == careful and type(fast) is type(careful)), (fast, careful)


@pytest.mark.parametrize("path", sorted(ROOT.glob("data/*.yaml")), ids=lambda p: p.name)
def test_valid_data_files_take_the_fast_path(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path is used, not merely harmless: reading a valid file never falls back to ruamel."""
    assert fast_yaml.load(path.read_text(encoding="utf-8")) is not fast_yaml.UNSURE

    def careful(*args: object) -> None:
        raise AssertionError(f"{path.name} was read by the careful reader")

    monkeypatch.setattr(source, "_careful", careful)
    assert source.read(path).data


@pytest.mark.parametrize("text", ["a: no", "a: 0232", "a: 08:30", "a: 2026-11-21", "a: [1, {b: c}]", "a:", "- x"])
def test_plain_forms_are_read_fast(text: str) -> None:
    assert fast_yaml.load(text) is not fast_yaml.UNSURE
