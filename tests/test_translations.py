"""Translation coverage (python -m builder translations): strings, pages, reviews, and registry entries."""

from __future__ import annotations

import subprocess
import sys

from builder import registry
from builder.editors import translations
from builder.registry.models import Center, Hotline
from builder.site import routes
from builder.site.i18n import load_strings
from tests.conftest import FIXTURE_TODAY, REAL_TODAY, ROOT

SMALL = ROOT / "tests" / "fixtures" / "small"


def test_an_entry_without_any_text_in_a_language_is_listed() -> None:
    reg = registry.load(SMALL, FIXTURE_TODAY, root=ROOT)
    entries = reg.centers + reg.hotlines
    turkish_only = [e for e in entries if not any(t.en for t in translations.texts(e))]
    strings = load_strings(ROOT / "data" / "ui.yaml")

    [english] = translations.coverage(strings, ROOT / "content", routes.GENERATED_DIRS, ("en",), entries)

    noun = {Center: "center", Hotline: "hotline"}
    assert english.entries == [f"{noun[type(e)]} {e.id}" for e in turkish_only]
    assert english.entries_total == len(entries)


def test_texts_reach_phone_labels() -> None:
    reg = registry.load(SMALL, FIXTURE_TODAY, root=ROOT)
    labelled = next(c for c in reg.centers if any(p.label for p in c.phones))
    label = next(p.label for p in labelled.phones if p.label)
    assert any(t is label for t in translations.texts(labelled))


def test_the_command_reports_in_turkish() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "builder", "translations"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    head, _rule, *rows = result.stdout.splitlines()
    assert head.startswith("| dil | arayüz metinleri |") and head.endswith("| hiç metni olmayan kayıtlar |")
    assert [row.split(" | ")[0] for row in rows] == ["| tr", "| en", "| ar", "| ku", "| fa"]
    real = registry.load(ROOT / "data", REAL_TODAY, root=ROOT)
    assert rows[0].endswith(f"| 0/{len(real.centers) + len(real.hotlines)} |")  # Turkish is never missing


def test_every_registry_text_has_kurdish_and_persian() -> None:
    """Kurmanji and Persian readers get every name, note, label and how-to in their language, not Turkish."""
    real = registry.load(ROOT / "data", REAL_TODAY, root=ROOT)
    missing = [
        (entry.id, lang, text.tr[:60])
        for entry in real.centers + real.hotlines
        for text in translations.texts(entry)
        for lang in ("ku", "fa")
        if not getattr(text, lang)
    ]
    assert not missing
