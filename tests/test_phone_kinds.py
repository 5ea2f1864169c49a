"""What a line is travels with its number (invariant 9), for every phone kind and every language: the kind in
a few words first beside each call button on every page type that shows one (centre pages, district cards,
printable sheets, the home page's lines, the locator's list), and the kind and label in every export.

The real registry has switchboards, appointment lines, national routes and unconfirmed numbers but no
confirmed direct line yet; the small fixture registry has one: between them every kind is seen."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path
from typing import get_args

import pytest

from builder.exports import opendata
from builder.languages import SITE_LANGUAGES, url_prefix
from builder.registry.models import LineKind
from builder.site.i18n import load_strings
from tests.conftest import ROOT

STRINGS = load_strings(ROOT / "data" / "ui.yaml")
KINDS = get_args(LineKind)
NOTE = re.compile(r'<li class="kdm-phone" data-kind="(\w+)">.*?<span class="kdm-phone__note">(.*?)</span>', re.S)
HOME_NOTE = re.compile(r'<span class="kdm-phone__note" data-kind="(\w+)">(.*?)</span>', re.S)
SHEET_NOTE = re.compile(r'<a href="tel:[^"]+"><bdi dir="ltr">[^<]+</bdi></a> · (.*?)(?:<br>|</li>)', re.S)


def badge(kind: str, lang: str) -> str:
    return STRINGS.get(f"phone.badge.{kind}", lang)


def text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def notes(site: Path, lang: str) -> dict[str, list[str]]:
    """kind -> the notes beside its numbers, on every centre page and district page of one language."""
    found: dict[str, list[str]] = {}
    root = site / url_prefix(lang)
    for folder in ("merkezler", "ilceler"):
        for page in (root / folder).glob("*/index.html"):
            for kind, note in NOTE.findall(page.read_text(encoding="utf-8")):
                found.setdefault(kind, []).append(text(note))
    return found


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_every_kind_is_named_first_beside_its_number(real_site: Path, small_site: Path, lang: str) -> None:
    seen: set[str] = set()
    for site in (real_site, small_site):
        for kind, texts in notes(site, lang).items():
            seen.add(kind)
            assert all(t.startswith(badge(kind, lang)) for t in texts), (kind, texts[:3])
    assert seen == set(KINDS)


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_the_home_pages_lines_say_what_they_are(real_site: Path, lang: str) -> None:
    html = (real_site / url_prefix(lang) / "index.html").read_text(encoding="utf-8")
    found = HOME_NOTE.findall(html)
    assert {kind for kind, _ in found} >= {"national", "switchboard"}  # 153 is the municipality's switchboard
    assert all(text(note).startswith(badge(kind, lang)) for kind, note in found)


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_the_printable_sheets_keep_the_kind_with_the_number(real_site: Path, lang: str) -> None:
    badges = {badge(k, lang) for k in KINDS}
    for sheet in (real_site / url_prefix(lang) / "cikti").glob("*/index.html"):
        for note in SHEET_NOTE.findall(sheet.read_text(encoding="utf-8")):
            assert any(text(note).startswith(b) for b in badges), (sheet, note)


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_the_locator_list_keeps_the_kind_with_the_number(browse, real_origin: str, lang: str) -> None:
    page, _ = browse(real_origin)
    page.goto(real_origin + url_prefix(lang) + "bul/")
    page.evaluate("document.querySelector('[data-kdm-pick]').open = true")
    page.locator("[data-kdm-district-select]").select_option(index=1)
    page.locator(".kdm-result__line").first.wait_for()
    lines = page.locator(".kdm-result__line").all_inner_texts()
    badges = {badge(k, lang) for k in KINDS}
    assert lines and all(any(line.startswith(b) for b in badges) for line in lines)


def test_every_export_carries_kind_and_label(real_site: Path) -> None:
    document = json.loads((real_site / "data" / "centers.json").read_text(encoding="utf-8"))
    phones = [p for c in document["centers"] for p in c["phones"]]
    assert phones and {p["kind"] for p in phones} <= set(KINDS)
    labelled = [p for p in phones if p["label"]]
    assert labelled and all(set(p["label"]) <= set(SITE_LANGUAGES) for p in labelled)
    rows = list(csv.DictReader(io.StringIO((real_site / "data" / "centers.csv").read_text(encoding="utf-8-sig"))))
    for row, center in zip(rows, document["centers"], strict=True):
        kinds = [p["kind"] for p in center["phones"]]
        assert row["phones_kind"] == opendata.LIST_SEPARATOR.join(kinds)
