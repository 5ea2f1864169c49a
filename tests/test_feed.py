"""The Atom feeds of registry changes (builder/exports/feed.py, pure) and their edge, the registry's git
history (builder/exports/history.py): which center, which fields, when, contact changes first; valid Atom
as feedparser and an XML parser read it; honest without a history. No test depends on today's date."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from builder import exports, registry
from builder.exports import feed, history
from builder.exports.feed import Version
from builder.languages import SITE_LANGUAGES
from builder.site import catalog
from builder.site.catalog import Catalog
from builder.site.i18n import Strings, load_strings
from tests.conftest import FIXTURE_TODAY, FIXTURES
from tests.standards import atom_errors

SITE = "https://example.org/kdm/"
T0 = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def _small() -> tuple[Catalog, Strings]:
    data = FIXTURES / "small"
    return catalog.derive(registry.load(data, FIXTURE_TODAY), FIXTURE_TODAY), load_strings(data / "ui.yaml")


def _center(ident: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": {"tr": f"Merkez {ident}"}, "services": ["referral"], **fields}


def _versions(*datas: list[dict[str, Any]]) -> tuple[Version, ...]:
    return tuple(
        Version(f"{i:040x}", T0 + dt.timedelta(days=i), {"centers": centers}) for i, centers in enumerate(datas)
    )


HISTORY = _versions(
    [_center("a", notes={"tr": "eski"}), _center("b")],
    [_center("a", notes={"tr": "yeni"}, phones=[{"number": "0232 111 11 11"}]), _center("b"), _center("c")],
    [_center("a", notes={"tr": "yeni"}, phones=[{"number": "0232 111 11 12"}])],
)


def test_entries_name_the_center_and_fields_newest_first_contact_first() -> None:
    found = feed.entries(HISTORY)
    assert [(e.center_id, e.action, e.contact, e.other, e.when.day) for e in found] == [
        ("a", "changed", ("phones",), (), 3),
        ("b", "removed", (), (), 3),
        ("c", "removed", (), (), 3),
        ("a", "changed", ("phones",), ("notes",), 2),
        ("c", "added", (), (), 2),
    ]


def test_a_confidential_entry_never_names_a_field_of_its_place() -> None:
    shelter = {"confidential": True, "kind": "shelter"}
    versions = _versions(
        [_center("s", **shelter)],
        [_center("s", **shelter, address={"tr": "GİZLİ-ADRES"}, notes={"tr": "x"})],
        [_center("s", **shelter, address={"tr": "GİZLİ-ADRES"}, notes={"tr": "x"}, district="konak")],
    )
    found = feed.entries(versions)
    assert [(e.contact, e.other) for e in found] == [((), ("notes",))]  # the district change is not news
    cat, strings = _small()
    text = feed.feed(cat, strings, SITE, versions, "tr")
    assert "GİZLİ" not in text and "Adres" not in text and "İlçe" not in text


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_every_feed_is_valid_atom(lang: str) -> None:
    cat, strings = _small()
    text = feed.feed(cat, strings, SITE, HISTORY, lang)
    assert atom_errors(text) == []
    import xml.etree.ElementTree as ET

    import feedparser

    assert ET.fromstring(text.encode()).attrib["{http://www.w3.org/XML/1998/namespace}lang"] == lang
    parsed = feedparser.parse(text)
    assert parsed.feed.updated.startswith("2026-03-03")  # the newest commit, not today
    assert len(parsed.entries) == 5
    assert parsed.entries[0].link == f"{SITE}{'' if lang == 'tr' else lang + '/'}veri/"  # "a" is no real center


def test_a_feed_links_a_current_center_to_its_page() -> None:
    cat, strings = _small()
    versions = _versions([], [_center("ornek-konak")])
    import feedparser

    entry = feedparser.parse(feed.feed(cat, strings, SITE, versions, "en")).entries[0]
    assert entry.title == "Sample Konak Centre: new entry"
    assert entry.link == SITE + "en/merkezler/ornek-konak/"


def test_without_a_history_the_feed_says_so() -> None:
    cat, strings = _small()
    for lang in SITE_LANGUAGES:
        text = feed.feed(cat, strings, SITE, None, lang)
        assert atom_errors(text) == []
        assert strings.get("feed.no_history", lang) in text
        assert f"<updated>{FIXTURE_TODAY.isoformat()}" in text  # the build's clock
    assert {p for p in exports.files(cat, strings, SITE, None) if p.endswith(".atom")} == {
        "data/changes.atom", "data/changes-en.atom", "data/changes-ar.atom", "data/changes-ku.atom",
        "data/changes-fa.atom",
    }  # fmt: skip


def test_the_checker_finds_a_broken_feed() -> None:
    assert atom_errors("<feed><entry>") != []
    assert atom_errors('<rss version="2.0"><channel><title>x</title></channel></rss>') != []


# --- the edge: git -----------------------------------------------------------------------------------------


def _git(folder: Path, *args: str, day: int = 1) -> None:
    stamp = f"2026-02-0{day}T12:00:00+03:00"
    env = os.environ | {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=folder, env=env, check=True, capture_output=True,
    )  # fmt: skip


def test_history_reads_the_versions_of_the_file_from_git(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    data = tmp_path / "data"
    data.mkdir()
    (data / "centers.yaml").write_text("centers:\n  - id: a\n    name: {tr: A}\n", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first", day=1)
    (data / "centers.yaml").write_text("centers:\n  - id: a\n    name: {tr: A2}\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "second", day=2)
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "unrelated", day=3)
    versions = history.read(data / "centers.yaml")
    assert versions is not None
    assert [v.data for v in versions] == [
        {},
        {"centers": [{"id": "a", "name": {"tr": "A"}}]},
        {"centers": [{"id": "a", "name": {"tr": "A2"}}]},
    ]
    assert [v.when.isoformat() for v in versions[1:]] == ["2026-02-01T12:00:00+03:00", "2026-02-02T12:00:00+03:00"]
    assert [(e.action, e.other) for e in feed.entries(versions)] == [("changed", ("name",)), ("added", ())]
    limited = history.read(data / "centers.yaml", commits=1)
    assert limited is not None and len(limited) == 2  # the newest commit and the version before it


def test_no_history_outside_git(tmp_path: Path) -> None:
    (tmp_path / "centers.yaml").write_text("centers: []\n", encoding="utf-8")
    assert history.read(tmp_path / "centers.yaml") is None
    assert history.read(tmp_path / "missing" / "centers.yaml") is None


def test_the_built_feeds_are_valid_atom(real_site: Path) -> None:
    for lang in SITE_LANGUAGES:
        name = "changes.atom" if lang == "tr" else f"changes-{lang}.atom"
        assert atom_errors((real_site / "data" / name).read_text(encoding="utf-8")) == [], lang


def test_the_synthetic_site_says_it_has_no_history(synthetic_site: Path) -> None:
    """benchmarks/synthetic.py writes its registry outside git: the feeds say so and stay valid."""
    text = (synthetic_site / "data" / "changes.atom").read_text(encoding="utf-8")
    assert atom_errors(text) == [] and "#no-history" in text


def test_a_shallow_clone_of_one_commit_is_no_history(tmp_path: Path) -> None:
    origin, clone = tmp_path / "origin", tmp_path / "clone"
    origin.mkdir()
    _git(origin, "init", "-q")
    for day in (1, 2):
        (origin / "centers.yaml").write_text(f"centers:\n  - id: a\n    name: {{tr: A{day}}}\n", encoding="utf-8")
        _git(origin, "add", ".")
        _git(origin, "commit", "-q", "-m", f"day {day}", day=day)
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", str(clone))
    assert history.read(clone / "centers.yaml") is None
    full = history.read(origin / "centers.yaml")
    assert full is not None and len(full) == 3
