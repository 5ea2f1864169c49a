"""Reading one YAML file safely (builder/source.py): every bad input becomes a located problem, fast,
and the command line never shows a traceback."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from builder import cli, registry
from builder.registry import source
from builder.registry.problems import Problem, RegistryError
from tests.conftest import FIXTURE_TODAY

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small"
FAST = 2.0  # seconds of this process's CPU time (not wall time: other processes on the machine do not count)


def parse_problem(raw: bytes) -> Problem:
    with pytest.raises(source.SourceError) as caught:
        source.parse(raw, "centers.yaml")
    return caught.value.problem


def load_problems(path: Path) -> list[Problem]:
    with pytest.raises(RegistryError) as caught:
        registry.load(SMALL, FIXTURE_TODAY, root=path.parent, overrides={"centers": path})
    return caught.value.problems


def cli_validate(path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """`python -m builder validate PATH` in its own process: the command line end to end."""
    return subprocess.run(
        [sys.executable, "-m", "builder", *flags, "validate", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def cli_validate_here(path: Path) -> subprocess.CompletedProcess[str]:
    """The same command run in this process (`cli.main`, what `python -m builder` calls), its output captured:
    an exception it lets through fails the test as a traceback would. A second of start-up less per case."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--root", str(ROOT), "validate", str(path)])
    return subprocess.CompletedProcess(["validate", str(path)], code, out.getvalue(), err.getvalue())


def alias_bomb(levels: int = 9) -> bytes:
    """'Billion laughs': each level is a list of nine aliases of the level before, 9**9 strings if expanded."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def deep_brackets(levels: int = 10_000) -> bytes:
    return b"centers: " + b"[" * levels + b"]" * levels + b"\n"


def deep_indentation(levels: int = 300) -> bytes:
    return b"centers:\n" + b"".join(b" " * n + b"k%d:\n" % n for n in range(1, levels)) + b" " * levels + b"x: 1\n"


def deep_block_sequence(levels: int = 10_000) -> bytes:
    return b"centers:\n  " + b"- " * levels + b"x\n"


def too_large() -> bytes:
    padding = b"# padding to make the file larger than the limit\n"
    return b"centers: []\n" + padding * (source.MAX_BYTES // len(padding) + 1000)


# ---------------------------------------------------------------------------------------------- what works


def test_values_are_plain_python_and_positions_are_one_based() -> None:
    doc = source.parse(
        b"# comment\ncenters:\n  - id: a\n    services: [x, y]\n    checked: 2026-01-15\n", "centers.yaml"
    )

    assert doc.data == {"centers": [{"id": "a", "services": ["x", "y"], "checked": dt.date(2026, 1, 15)}]}
    assert type(doc.data["centers"][0]["id"]) is str
    assert doc.positions[("centers",)] == (2, 1)
    assert doc.positions[("centers", 0)] == (3, 5)
    assert doc.positions[("centers", 0, "services")] == (4, 5)
    assert doc.positions[("centers", 0, "services", 1)] == (4, 19)
    assert doc.position(("centers", 0, "services", 1, "deeper")) == (4, 19)  # nearest ancestor


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    """Windows Notepad saves UTF-8 with a BOM; that is still UTF-8."""
    doc = source.parse("\ufeffcenters:\n  - id: ornek-şişli\n".encode(), "centers.yaml")

    assert doc.data == {"centers": [{"id": "ornek-şişli"}]}


def test_yaml_1_2_reads_yes_as_text_not_true() -> None:
    assert source.parse(b"wheelchair: yes\n", "centers.yaml").data == {"wheelchair": "yes"}


# ---------------------------------------------------------------------------------- empty and broken files


@pytest.mark.parametrize("raw", [b"", b"   \n\t\n  \n", b"\n\n"], ids=["empty", "whitespace", "newlines"])
def test_an_empty_file_is_a_problem_of_the_whole_file(raw: bytes) -> None:
    problem = parse_problem(raw)

    assert problem.message == "the file is empty"
    assert problem.line == 0
    assert str(problem) == "centers.yaml: the file is empty"


def test_a_file_of_comments_only_says_what_it_should_start_with(tmp_path: Path) -> None:
    path = tmp_path / "centers.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")

    [problem] = load_problems(path)

    assert (problem.file, problem.line) == ("centers.yaml", 1)
    assert problem.message == "expected the file to start with `centers:`; found nothing"


@pytest.mark.parametrize(
    ("raw", "line", "column", "words"),
    [
        (b"centers: [unclosed\n", 2, 1, "expected ',' or ']'"),
        (b"centers:\n  - id: a: b\n", 2, 10, "mapping values are not allowed here"),
        (b'centers:\n  - id: "unterminated\n', 3, 1, "found unexpected end of stream"),
        (b"centers: []\n---\nmore: 1\n", 2, 1, "another document"),
    ],
    ids=["unclosed-bracket", "colon-in-value", "unclosed-quote", "two-documents"],
)
def test_not_yaml_is_located(raw: bytes, line: int, column: int, words: str) -> None:
    problem = parse_problem(raw)

    assert problem.message.startswith("not valid YAML: ")
    assert words in problem.message
    assert (problem.line, problem.column) == (line, column)
    assert problem.text("tr").startswith("geçerli YAML değil: ")


@pytest.mark.parametrize(
    "raw", [b"centers:\n\t- id: a\n", b"centers:\n  - id: a\n  \tname: b\n"], ids=["tab", "space-tab"]
)
def test_a_tab_in_the_indentation_is_named_as_such(raw: bytes) -> None:
    """GitHub's editor and most phones show a tab as spaces: the editor is told which line has one."""
    problem = parse_problem(raw)

    line = raw.split(b"\n").index(next(ln for ln in raw.split(b"\n") if b"\t" in ln)) + 1
    assert problem.line == line
    assert problem.text("tr") == (
        f"{line}. satırda girinti için sekme (Tab) kullanılmış: sekme yerine boşluk kullanın (her düzey iki boşluk)"
    )


def test_not_utf8_reports_the_line_and_column_of_the_bad_byte() -> None:
    raw = b"centers:\n  - id: ornek\n    name: {tr: Kar\xfe\xfdyaka}\n"  # Windows-1254 for "Karşıyaka"

    problem = parse_problem(raw)

    assert "not UTF-8" in problem.message
    assert (problem.line, problem.column) == (3, len("    name: {tr: Kar") + 1)
    assert str(problem).startswith("centers.yaml:3:19: ")


@pytest.mark.parametrize(
    "before",
    ["    name: {tr: Örnek Kar", "    name: {tr: Ölçü Şişli Kar", "    name: {ar: مركز Kar", "  # 🏠 Kar"],
    ids=["two-byte", "several-two-byte", "arabic", "four-byte-emoji"],
)
def test_not_utf8_column_counts_characters_not_bytes(before: str) -> None:
    """The column is the editor's: a multi-byte character before the bad byte counts as one."""
    raw = b"centers:\n  - id: ornek\n" + before.encode() + b"\xfe\xfdyaka}\n"

    problem = parse_problem(raw)

    assert (problem.line, problem.column) == (3, len(before) + 1)


def test_a_list_at_the_top_where_a_mapping_belongs(tmp_path: Path) -> None:
    path = tmp_path / "centers.yaml"
    path.write_text("- id: ornek-konak\n  kind: ngo\n", encoding="utf-8")

    [problem] = load_problems(path)

    assert (problem.line, problem.column) == (1, 1)
    assert problem.message == "expected the file to start with `centers:`; found a list"


def test_a_duplicate_key_is_reported_at_its_second_occurrence() -> None:
    problem = parse_problem(b"centers:\n  - id: a\n    kind: ngo\n    id: b\n")

    assert (problem.line, problem.column) == (4, 5)
    assert problem.message == "the key 'id' appears twice in the same entry; keep one"


def test_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    with pytest.raises(source.SourceError) as caught:
        source.read(tmp_path / "centers.yaml", "centers.yaml")

    assert caught.value.problem.message.startswith("cannot read the file")


# --------------------------------------------------------------------------------------- hostile files


def test_an_alias_bomb_fails_fast_with_a_message_about_aliases() -> None:
    start = time.process_time()
    problem = parse_problem(alias_bomb())
    elapsed = time.process_time() - start

    assert elapsed < FAST
    assert "are not allowed" in problem.message
    assert "aliases" in problem.message
    assert problem.line >= 1


def test_a_repeated_entry_by_alias_is_refused() -> None:
    problem = parse_problem(b"centers:\n  - &one {id: a}\n  - *one\n")

    assert "aliases" in problem.message


def test_an_alias_of_a_text_is_refused() -> None:
    problem = parse_problem(b"centers:\n  - id: &name ornek\n    operator: *name\n")

    assert "are not allowed" in problem.message
    assert "aliases" in problem.message
    assert (problem.line, problem.column) == (2, 5)  # at the anchor, the first of the two


def test_an_anchor_without_an_alias_is_refused_too() -> None:
    problem = parse_problem(b"centers:\n  - id: ornek\n    operator: &name {tr: Ornek}\n")

    assert "are not allowed" in problem.message
    assert "aliases" in problem.message
    assert (problem.line, problem.column) == (3, 5)


def test_deep_bracket_nesting_fails_fast_with_a_clear_message() -> None:
    start = time.process_time()
    problem = parse_problem(deep_brackets())
    elapsed = time.process_time() - start

    assert elapsed < FAST
    assert problem.message == f"nesting deeper than {source.MAX_DEPTH} levels"
    assert problem.line == 1


def test_deep_indentation_fails_fast_with_a_clear_message() -> None:
    start = time.process_time()
    problem = parse_problem(deep_indentation())
    elapsed = time.process_time() - start

    assert elapsed < FAST
    assert problem.message == f"indentation deeper than {source.MAX_DEPTH} levels"


def test_deep_block_sequences_on_one_line_fail_fast() -> None:
    start = time.process_time()
    problem = parse_problem(deep_block_sequence())
    elapsed = time.process_time() - start

    assert elapsed < FAST
    assert problem.message == f"nesting deeper than {source.MAX_DEPTH} levels"
    assert "recursion" not in str(problem)


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "centers.yaml"
    path.write_bytes(too_large())
    assert path.stat().st_size > source.MAX_BYTES

    start = time.process_time()
    with pytest.raises(source.SourceError) as caught:
        source.read(path, "centers.yaml")
    elapsed = time.process_time() - start

    assert elapsed < FAST
    assert caught.value.problem.message.endswith(f"a registry file may be at most {source.MAX_BYTES // 2**20} MB")


def test_parse_refuses_large_input_too() -> None:
    start = time.process_time()
    problem = parse_problem(too_large())

    assert time.process_time() - start < FAST
    assert "may be at most 8 MB" in problem.message


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"centers:\n  - &base {id: a}\n  - <<: *base\n    kind: ngo\n", "are not allowed"),  # a merge key
        (b"centers:\n  - <<: {id: a}\n    kind: ngo\n", "are not allowed"),  # a merge key without an alias
        (b"centers: []\n? - - x\n: 1\n", "not valid YAML"),  # a list used as a key
    ],
    ids=["merge-key", "merge-key-inline", "list-as-key"],
)
def test_unusual_yaml_becomes_a_problem_not_an_exception(raw: bytes, words: str) -> None:
    problem = parse_problem(raw)

    assert problem.file == "centers.yaml"
    assert words in problem.message


@pytest.mark.parametrize("raw", [b"centers: !!omap [a: 1]\n", b"centers: !!omap\n  - a: 1\n"], ids=["flow", "block"])
def test_an_ordered_map_tag_is_read_as_a_mapping_and_refused_by_the_registry(tmp_path: Path, raw: bytes) -> None:
    """!!omap is valid YAML for a mapping: the reader accepts it, the registry says what belongs there."""
    assert source.parse(raw, "centers.yaml").data == {"centers": {"a": 1}}
    path = tmp_path / "centers.yaml"
    path.write_bytes(raw)

    [problem] = load_problems(path)

    assert (problem.file, problem.line) == ("centers.yaml", 1)
    assert problem.message == "`centers:` must hold a list of entries (lines starting with -)"


def test_a_repeated_key_in_an_ordered_map_is_a_problem_not_an_exception() -> None:
    problem = parse_problem(b"centers: !!omap [a: 1, a: 2]\n")

    assert problem.file == "centers.yaml"


# ------------------------------------------------------------------------------ the command line, end to end

# The command speaks Turkish unless told otherwise (--lang en): the editors are Turkish-speaking social workers.
CLI_CASES: list[tuple[str, Callable[[], bytes], str]] = [
    ("empty", lambda: b"", "dosya boş"),
    ("whitespace", lambda: b" \n\n\t\n", "dosya boş"),
    ("not-yaml", lambda: b"centers: [unclosed\n", "geçerli YAML değil: açılan köşeli parantez `[` kapanmamış"),
    ("not-utf8", lambda: b"centers:\n  - id: Kar\xfe\xfdyaka\n", "centers.yaml:2:12: bu bir UTF-8 metin değil"),
    ("top-level-list", lambda: b"- id: ornek-konak\n", "dosya `centers:` ile başlamalı; bulunan: bir liste"),
    ("alias-bomb", alias_bomb, "çapa, takma ad ve birleştirme (&ad, *ad, <<) kullanılamaz"),
    ("deep-brackets", deep_brackets, "iç içe 24 düzeyden derin"),
    ("deep-indentation", deep_indentation, "girinti 24 düzeyden derin"),
    ("deep-block-sequence", deep_block_sequence, "iç içe 24 düzeyden derin"),
    ("too-large", too_large, "bir kayıt dosyası en çok 8 MB olabilir"),
]


@pytest.mark.parametrize(("name", "content", "words"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_the_cli_reports_bad_files_without_a_traceback(
    tmp_path: Path, name: str, content: Callable[[], bytes], words: str
) -> None:
    path = tmp_path / "centers.yaml"
    path.write_bytes(content())

    result = cli_validate_here(path)

    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("kayıtta 1 sorun var; hiçbir şey yayımlanmadı:")
    assert words in result.stderr
    assert str(path) in result.stderr


def test_the_cli_speaks_english_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "centers.yaml"
    path.write_bytes(b"centers: [unclosed\n")

    result = cli_validate(path, "--lang", "en")

    assert result.stderr.startswith("1 problem in the registry; nothing was published:")
    assert "not valid YAML: a `[` is not closed" in result.stderr


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"centers:\n  - &base {id: a}\n  - <<: *base\n", "2:5: çapa, takma ad ve birleştirme"),
        (b'centers:\n  - phones: [{number: "-"}]\n', '2:15: merkez #1: phones[0].number: "0232 362 57 77"'),
        (b"centers: !!omap [a: 1]\n", "1:1: `centers:` altında bir kayıt listesi (- ile başlayan satırlar) olmalı"),
        (b"centers: !!omap [a: 1, a: 2]\n", " geçerli YAML değil: aynı kayıtta bir anahtar iki kez var"),
    ],
    ids=["merge-key", "phone-without-digits", "omap-tag", "omap-repeated-key"],
)
def test_the_cli_shows_no_traceback_for_once_crashing_files(tmp_path: Path, raw: bytes, words: str) -> None:
    path = tmp_path / "centers.yaml"
    path.write_bytes(raw)

    result = cli_validate_here(path)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{path}:{words}" in result.stderr


def test_the_real_registry_validates() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "builder", "validate"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tamam: ")
    assert result.stderr == ""
