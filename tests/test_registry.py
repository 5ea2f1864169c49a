"""Validation of the registry: one invalid file per rule, each reported at its line with its field.

Every file in tests/fixtures/invalid/ is tests/fixtures/small/centers.yaml cut down to one or two entries
with exactly one mistake, on the line whose comment starts with "<-". It replaces the small registry's
centers.yaml; the small registry's districts and hotlines stay, so the district cross-check runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from builder import registry
from builder.registry.problems import Problem, RegistryError
from tests.conftest import FIXTURE_TODAY

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small"
INVALID = ROOT / "tests" / "fixtures" / "invalid"


def load_with_centers(centers: Path, **other: Path) -> registry.Registry:
    return registry.load(SMALL, FIXTURE_TODAY, root=ROOT, overrides={"centers": centers, **other})


def problems_of(centers: Path, **other: Path) -> list[Problem]:
    with pytest.raises(RegistryError) as caught:
        load_with_centers(centers, **other)
    return caught.value.problems


def marked_lines(path: Path) -> list[int]:
    """The 1-based numbers of the lines whose trailing comment starts with "<-"."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, 1) if "# <-" in line and not line.lstrip().startswith("#")]


# file, field (named in the printed problem), words of the message; the line is the one marked `# <-`
CASES = [
    ("duplicate-key.yaml", "'district'", "appears twice"),
    ("duplicate-id.yaml", "id", "already used by the entry on line 4"),
    ("unknown-district.yaml", "district", "unknown district `karsiyak`; did you mean `karsiyaka`?"),
    ("unknown-service.yaml", "services[1]", "got 'legal-counselling'"),
    ("unknown-field.yaml", "webiste", "did you mean `website`?"),
    ("bad-id-slug.yaml", "id", "lowercase letters, digits and hyphens"),
    ("invalid-phone.yaml", "phones[0].number", "not a valid number"),
    ("phone-bidi.yaml", "phones[0].number", "invisible or direction-changing"),
    ("phone-zero-width.yaml", "phones[0].number", "invisible or direction-changing"),
    ("website-http.yaml", "website", "starting with https://"),
    ("website-javascript.yaml", "website", "got 'javascript:alert(1)'"),
    ("bad-email.yaml", "email", "expected an e-mail address"),
    ("location-outside-izmir.yaml", "location", "outside İzmir province"),
    ("location-swapped.yaml", "location", "are lat and lon swapped?"),
    ("confidential-with-address.yaml", "address", "a confidential entry must not have this field"),
    ("confidential-with-location.yaml", "location", "a confidential entry must not have this field"),
    ("confidential-with-district.yaml", "district", "a confidential entry must not have this field"),
    ("shelter-not-confidential.yaml", "confidential", "must be marked `confidential: true`"),
    ("missing-verification.yaml", "verification", "required but missing"),
    ("empty-sources.yaml", "verification.sources", "must not be empty"),
    ("future-checked-date.yaml", "verification.checks[0].date", "check date 2999-01-01 is in the future"),
    ("checked-date-quoted.yaml", "verification.sources[0].read", "expected a date"),
    ("hours-reversed.yaml", "hours.tue[0]", "ends before it starts"),
    ("hours-overlap.yaml", "hours.mon", "time ranges overlap"),
    ("hours-always-open-and-days.yaml", "hours", "either always_open: true or weekday time ranges"),
    ("wheelchair-yes.yaml", "access.wheelchair", "expected true or false; got 'yes'"),
    ("list-for-mapping.yaml", "address", "expected a mapping"),
    ("unknown-kind.yaml", "kind", "got 'municipality'"),
    ("unknown-language.yaml", "languages[1]", "got 'xx'"),
    ("phone-without-digits.yaml", "phones[0].number", "expected a phone number like 0232 362 57 77"),
    ("id-trailing-newline.yaml", "id", "lowercase letters, digits and hyphens"),
    ("unsourced-address.yaml", "evidence.address", "the address has no source"),
    ("unsourced-phone.yaml", "phones[0].evidence", "this number has no source"),
    ("inferred-direct-line.yaml", "phones[0].kind", "a direct line cannot rest on an inference"),
    ("direct-without-check.yaml", "phones[0].kind", "`kind: direct` needs a call, visit or e-mail that confirmed it"),
    ("unknown-source-id.yaml", "evidence.services[0]", "`s2` is not the id of a source of this entry"),
    ("unused-source.yaml", "verification.sources[1]", "the source `s2` backs no fact"),
    ("published-after-read.yaml", "verification.sources[0].published", "is after the day it was read"),
    ("check-names-no-fact.yaml", "verification.checks[0].confirmed[0]", "`0232 999 99 99` is not a fact of this entry"),
    ("found-wrong.yaml", "verification.checks[0].wrong[0]", "found this wrong and no later check confirms it"),
    ("check-by-a-name.yaml", "verification.checks[0].by", "got 'Ayşe Yılmaz'"),
    ("published-guessed.yaml", "verification.sources[0].published", "expected a date (2025-04-10)"),
]
NAMES = [row[0] for row in CASES]


@pytest.mark.parametrize(("name", "field", "message"), CASES, ids=NAMES)
def test_each_rule_is_reported_at_its_line_with_its_field(name: str, field: str, message: str) -> None:
    problems = problems_of(INVALID / name)
    [line] = marked_lines(INVALID / name)

    assert len(problems) == 1, "the fixture should have exactly one mistake:\n" + "\n".join(map(str, problems))
    problem = problems[0]
    printed = str(problem)
    assert problem.file == f"tests/fixtures/invalid/{name}"
    assert printed.startswith(f"tests/fixtures/invalid/{name}:{line}:"), printed
    assert problem.line == line, printed
    assert field in printed, printed
    if problem.field:  # problems found by the YAML reader name the key in the message instead
        assert problem.field == field, printed
    assert message in problem.message, printed


def with_line_replaced(tmp_path: Path, old: str, new: str) -> Path:
    """The small registry's centers.yaml with its first line `old` (in the entry ornek-konak) changed."""
    text = (SMALL / "centers.yaml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "centers.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(old: str) -> int:
    """The 1-based line of the small registry's centers.yaml where `old` first stands."""
    text = (SMALL / "centers.yaml").read_text(encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            "    email: ornek@example.org\n",
            '    email: "ornek@example.org\\n"\n',
            "email",
            "expected an e-mail address",
        ),
        (
            "    website: https://example.org/konak\n",
            '    website: "https://example.org/konak\\n"\n',
            "website",
            "expected a web address starting with https://",
        ),
        (
            "    languages: [tr, ku, ar]\n",
            '    languages: [tr, "ku\\n", ar]\n',
            "languages[1]",
            "expected a language code",
        ),
        (
            '      tue: ["08:30-17:30"]\n',
            '      tue: ["08:30-17:30\\n"]\n',
            "hours.tue[0]",
            "expected a time range like 08:30-17:30",
        ),
        (
            "url: https://example.org/konak,",
            'url: "https://example.org/konak\\n",',
            "verification.sources[0].url",
            "expected a web address",
        ),
    ],
    ids=["email", "website", "language", "hours", "source"],
)
def test_a_value_with_a_trailing_newline_is_refused(tmp_path: Path, old: str, new: str, field: str, words: str) -> None:
    """A `|` block or an escaped \\n leaves a line break at the end of a value; `$` alone lets it through."""
    [problem] = problems_of(with_line_replaced(tmp_path, old, new))

    assert (problem.line, problem.entry, problem.field) == (line_of(old), "center ornek-konak", field)
    assert words in problem.message
    assert problem.message.endswith("\\n'"), problem.message  # the line break is shown, escaped


def test_a_district_with_a_trailing_newline_keeps_the_report_one_problem_per_line(tmp_path: Path) -> None:
    centers = with_line_replaced(tmp_path, "    district: konak\n", '    district: "konak\\n"\n')

    with pytest.raises(RegistryError) as caught:
        load_with_centers(centers)

    assert caught.value.problems
    assert all(p.line == line_of("    district: konak\n") and p.field == "district" for p in caught.value.problems)
    report = caught.value.report().splitlines()
    assert len(report) == 1 + len(caught.value.problems)
    assert all(line.startswith("  ") for line in report[1:]), report


def test_every_invalid_fixture_is_in_the_table() -> None:
    on_disk = {p.name for p in INVALID.glob("*.yaml")}
    assert on_disk == {*NAMES, "several-problems.yaml"}


def test_the_small_registry_the_fixtures_derive_from_is_valid() -> None:
    reg = load_with_centers(SMALL / "centers.yaml")

    assert len(reg.centers) == 5
    assert "konak" in reg.districts


def test_a_file_with_several_problems_reports_all_of_them_at_once() -> None:
    fixture = INVALID / "several-problems.yaml"

    problems = problems_of(fixture)

    assert len(problems) == 6
    assert [p.line for p in problems] == marked_lines(fixture)
    assert [(p.entry, p.field) for p in problems] == [
        ("center ornek-konak", "phones[0].number"),
        ("center ornek-konak", "website"),
        ("center ornek-konak", "id"),
        ("center ornek-konak", "district"),
        ("center ornek-siginma", "services"),
        ("center ornek-siginma", "confidential"),
    ]


def test_the_report_counts_the_problems_and_lists_each_on_its_own_line() -> None:
    with pytest.raises(RegistryError) as caught:
        load_with_centers(INVALID / "several-problems.yaml")

    report = caught.value.report().splitlines()
    assert report[0] == "kayıtta 6 sorun var; hiçbir şey yayımlanmadı:"
    assert caught.value.report("en").splitlines()[0] == "6 problems in the registry; nothing was published:"
    assert len(report) == 7
    assert all(line.startswith("  tests/fixtures/invalid/several-problems.yaml:") for line in report[1:])


def test_problems_in_different_files_are_reported_together(tmp_path: Path) -> None:
    districts = tmp_path / "districts.yaml"
    districts.write_text("districts:\n  konak: {name: Konak, lat: 27.1, lon: 38.4}\n", encoding="utf-8")

    problems = problems_of(INVALID / "bad-email.yaml", districts=districts)

    found = {Path(p.file).name: p for p in problems}
    assert len(problems) == 2
    assert (found["bad-email.yaml"].line, found["bad-email.yaml"].field) == (8, "email")
    assert (found["districts.yaml"].line, found["districts.yaml"].entry) == (2, "district konak")
    assert "outside İzmir province" in found["districts.yaml"].message


def test_an_unreadable_file_does_not_hide_the_problems_of_the_others(tmp_path: Path) -> None:
    districts = tmp_path / "districts.yaml"
    districts.write_bytes(b"districts:\n  konak: {name: Kar\xfe\xfdyaka}\n")  # Windows-1254, not UTF-8

    problems = problems_of(INVALID / "website-http.yaml", districts=districts)

    found = {Path(p.file).name: p for p in problems}
    assert len(problems) == 2
    assert found["website-http.yaml"].line == 8
    assert found["districts.yaml"].line == 2
    assert "not UTF-8" in found["districts.yaml"].message


def test_a_duplicate_hotline_id_is_reported(tmp_path: Path) -> None:
    entry = (
        "  - id: acil-112\n"
        "    name: {tr: 112 Acil}\n"
        "    description: {tr: Acil.}\n"
        "    phones: [{number: '112', kind: national, evidence: [s1]}]\n"
        "    scope: national\n"
        "    evidence: {entry: [s1]}\n"
        "    verification:\n"
        "      sources: [{id: s1, url: https://example.org/s, publisher: Bakanlık, kind: operator,\n"
        "                 published: undated,\n"
        "                 read: 2026-01-15}]\n"
    )
    hotlines = tmp_path / "hotlines.yaml"
    hotlines.write_text("hotlines:\n" + entry + entry, encoding="utf-8")

    problems = problems_of(SMALL / "centers.yaml", hotlines=hotlines)

    assert [(p.line, p.entry, p.field) for p in problems] == [(12, "hotline acil-112", "id")]
    assert "already used" in problems[0].message


def test_the_cli_reports_every_problem_on_stderr_and_exits_1() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "builder",
            "--data",
            str(SMALL),
            "validate",
            "tests/fixtures/invalid/several-problems.yaml",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("kayıtta 6 sorun var")
    district_line = marked_lines(INVALID / "several-problems.yaml")[3]
    where = f"tests/fixtures/invalid/several-problems.yaml:{district_line}:5"
    assert f"{where}: merkez ornek-konak: district: bilinmeyen ilçe" in result.stderr
    assert result.stdout == ""
