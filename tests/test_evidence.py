"""Evidence (builder/site/evidence.py): what each fact rests on, its age, the entry's derived status, stale
entries; and `python -m builder stale`, which lists them for editors (builder/editors/stale.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from builder import cli, registry
from builder.editors import stale
from builder.registry.evidence import Check, Published
from builder.registry.models import Center
from builder.site import evidence
from builder.site.i18n import load_strings
from tests.conftest import FIXTURE_TODAY, FIXTURES


def main(root: Path, *args: str) -> int:
    """The command line on a copy of a fixture project, on the fixtures' day."""
    return cli.main(["--root", str(root), "--today", FIXTURE_TODAY.isoformat(), *args])


@pytest.fixture(scope="module")
def small() -> registry.Registry:
    return registry.load(FIXTURES / "small", FIXTURE_TODAY)


def center(reg: registry.Registry, ident: str) -> Center:
    return next(c for c in reg.centers if c.id == ident)


def with_check(entry: Center, check: Check) -> Center:
    return entry.model_copy(
        update={"verification": entry.verification.model_copy(update={"checks": [*entry.verification.checks, check]})}
    )


def test_each_fact_names_its_basis(small: registry.Registry) -> None:
    konak = evidence.facts(center(small, "ornek-konak"))
    assert konak["phone:+902321111111"].basis == "call"  # a volunteer called it
    assert konak["hours"].basis == "call"
    assert konak["email"].basis == "operator"
    assert konak["access"].basis == "news"
    bornova = evidence.facts(center(small, "ornek-bornova"))
    assert bornova["phone:+902322222222"].basis == "news"
    urla = evidence.facts(center(small, "ornek-urla"))
    assert urla["phone:+902324444444"].inferred is not None and urla["phone:+902324444444"].inferred.tr


def test_independent_sources_count_publishers_once_and_copies_once(small: registry.Registry) -> None:
    bornova = center(small, "ornek-bornova")
    switchboard = evidence.facts(bornova)["phone:+902322222222"]
    assert switchboard.independent == 2 and switchboard.corroborated
    b, a = bornova.verification.sources[1], bornova.verification.sources[0]
    copied = bornova.verification.model_copy(update={"sources": [a, b.model_copy(update={"copy_of": a.id})]})
    assert evidence.facts(bornova.model_copy(update={"verification": copied}))["phone:+902322222222"].independent == 1


def test_the_status_is_derived_from_the_evidence(small: registry.Registry) -> None:
    assert evidence.status(center(small, "ornek-konak")) == "verified"  # its phone and hours were confirmed by a call
    assert evidence.status(center(small, "ornek-bornova")) == "unverified"  # its WhatsApp line has one source
    assert evidence.status(center(small, "ornek-urla")) == "unverified"  # one 2021 report
    assert evidence.status(center(small, "ornek-il-geneli")) == "partial"  # the ministry's own page


def test_a_recorded_call_changes_the_status(small: registry.Registry) -> None:
    urla = center(small, "ornek-urla")
    assert evidence.status(urla) == "unverified"
    called = with_check(
        urla,
        Check(
            date=FIXTURE_TODAY,
            method="call",
            by="volunteer",
            confirmed=["0232 444 44 44", "address", "entry", "services"],
        ),
    )
    assert evidence.status(called) == "verified"
    assert evidence.facts(called)["phone:+902324444444"].confirmed is not None
    page_only = with_check(
        urla,
        Check(
            date=FIXTURE_TODAY,
            method="operator-page",
            by="editor",
            confirmed=["0232 444 44 44", "address", "entry", "services"],
        ),
    )
    assert evidence.status(page_only) == "partial"  # the operator's page corroborates; it is not a call


def test_ages_come_from_the_evidence_not_the_day_an_editor_read_it(small: registry.Registry) -> None:
    facts = evidence.facts(center(small, "ornek-bornova"))
    switchboard = facts["phone:+902322222222"]
    assert switchboard.as_of() == dt.date(2026, 2, 28)  # "2026-02" speaks for the whole month; read in June
    assert not switchboard.older_than(dt.date(2027, 2, 28), 365) and switchboard.older_than(dt.date(2027, 3, 1), 365)
    undated = evidence.facts(center(small, "ornek-il-geneli"))["phone:183"]
    assert undated.as_of() is None and undated.older_than(FIXTURE_TODAY, 10_000)


def test_an_address_older_than_three_years_says_so(small: registry.Registry) -> None:
    urla = evidence.facts(center(small, "ornek-urla"))["address"]
    assert evidence.old_address(urla, dt.date(2024, 12, 31)) is None  # a 2021 report, three years later
    assert evidence.old_address(urla, FIXTURE_TODAY) == Published(2021)
    called = evidence.facts(
        with_check(
            center(small, "ornek-urla"),
            Check(date=dt.date(2026, 6, 1), method="visit", by="volunteer", confirmed=["address"]),
        )
    )["address"]
    assert evidence.old_address(called, FIXTURE_TODAY) is None  # a visit this year confirmed it


@pytest.mark.parametrize(
    ("value", "text"), [(2015, "2015"), ("2021-03", "2021-03"), (dt.date(2026, 3, 12), "2026-03-12")]
)
def test_published_dates_keep_their_precision(value: object, text: str) -> None:
    from builder.registry.evidence import parse_published

    assert str(parse_published(value)) == text
    assert parse_published("undated") is None


def test_stale_lists_undated_and_oldest_first(small: registry.Registry) -> None:
    due = stale.stale(small, FIXTURE_TODAY)
    ids = [d.entry.id for d in due]
    assert {"ornek-il-geneli", "ornek-siginma"} <= set(ids[:4])  # the ministry's undated page: age unknown
    assert "ornek-urla" in ids and "ornek-konak" not in ids  # konak: a call in January 2026
    assert any(d.noun == "hotline" for d in due)  # lines are entries too
    later = stale.stale(small, dt.date(2027, 3, 1))
    assert "ornek-konak" in [d.entry.id for d in later]
    fresh = dataclasses.replace(small, centers=small.centers[:1], hotlines=())
    assert stale.stale(fresh, FIXTURE_TODAY) == []


def test_the_report_says_what_each_fact_rests_on_and_what_to_do(small: registry.Registry) -> None:
    strings = load_strings(FIXTURES / "small" / "ui.yaml")  # what a line is and a fact rests on: the site's words
    text = stale.report(stale.stale(small, FIXTURE_TODAY), strings)
    assert "365 günden eski" in text.splitlines()[0]
    assert "- merkez ornek-urla: Örnek Urla Merkezi" in text
    assert "    telefon (0232) 444 44 44: haber, 2021-12-31" in text
    unconfirmed = strings.get("phone.kind.unconfirmed", "tr")
    assert f"(0232) 444 44 44 numarasını arayın ({unconfirmed})" in text and "doğrulanmadı" in unconfirmed
    english = stale.report(stale.stale(small, FIXTURE_TODAY), strings, lang="en")
    assert f"call (0232) 444 44 44 ({strings.get('phone.kind.unconfirmed', 'en')})" in english
    assert "    phone (0232) 444 44 44: news report, 2021-12-31" in english
    assert stale.report([], strings, lang="en").startswith("No entry rests on evidence older than 365 days")


def test_the_command_exits_1_when_any_entry_is_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(FIXTURES / "small", tmp_path / "data")
    assert main(tmp_path, "stale") == 1
    out = capsys.readouterr().out
    assert "ornek-urla" in out and "ne yapmalı:" in out
    assert (
        cli.main(
            ["--root", str(tmp_path), "--today", FIXTURE_TODAY.isoformat(), "--lang", "en", "stale", "--days", "100000"]
        )
        == 1
    )  # undated evidence is always due
    assert "ornek-il-geneli" in capsys.readouterr().out


def test_the_command_reports_an_invalid_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "small", data)
    centers = data / "centers.yaml"
    centers.write_text(centers.read_text(encoding="utf-8").replace("kind: ngo", "kind: ngoo"), encoding="utf-8")
    assert main(tmp_path, "stale") == 1
    assert "kind: şunlardan biri olmalı:" in capsys.readouterr().err
