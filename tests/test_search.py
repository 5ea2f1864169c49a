"""Search in the reader's language (issue 5): folding, one index per language, and the page in a browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from builder.engine.search import fold

SAMPLES = [
    "Danışma",
    "DANIŞMA",
    "sığınma",
    "İzmir",
    "IŞIK",
    "Çiğli",
    "Ödemiş",
    "Güzelbahçe",
    "مركز الاستشارات",
    "أمر الحماية",
    "مدرسة",
    "إزمير",
    "ی ي ک ك",
    "Şiddet Önleme",
    "kurmancî",
    "Navendên Şêwirmendiyê",
    "پناهگاه",
    "Koruma kararı (6284)",
]


def test_fold() -> None:
    assert fold("Danışma Merkezi") == fold("danisma merkezi") == "danisma merkezi"
    assert fold("SIĞINMA") == fold("sığınma") == "siginma"
    assert fold("İzmir") == "izmir"
    assert fold("أمر الحِماية") == fold("امر الحماية")


def test_one_index_per_language_and_no_material_index(real_site: Path) -> None:
    for lang in ("tr", "en", "ar", "ku", "fa"):
        rows = json.loads((real_site / "search" / f"{lang}.json").read_text(encoding="utf-8"))
        prefix = "" if lang == "tr" else f"{lang}/"
        assert rows and all(url.startswith(prefix) for url, *_ in rows)
        if lang == "tr":
            assert not any(url.startswith(("en/", "ar/", "ku/", "fa/")) for url, *_ in rows)
    assert not (real_site / "search" / "search_index.json").exists()


def test_no_page_of_another_build_leaks_into_the_index(real_site: Path, small_site: Path) -> None:
    # Both sites are built in this process; the hook must forget the first build's pages.
    for site, foreign in ((real_site, "ornek-"), (small_site, "sonim-izmir")):
        text = (site / "search" / "tr.json").read_text(encoding="utf-8")
        assert foreign not in text


@pytest.mark.browser
def test_search_in_the_page(real_origin: str, browse) -> None:
    origin = real_origin
    page, _ = browse(origin)
    page.goto(origin + "ara/")
    folded = page.evaluate("samples => samples.map(s => window.kdmSearch.fold(s))", SAMPLES)
    assert folded == [fold(s) for s in SAMPLES]  # the page folds queries exactly as the index was folded
    box = page.locator("input[type=search]")
    box.fill("danisma")
    page.wait_for_selector("[data-kdm-search-results] li")
    titles = page.locator("[data-kdm-search-results] a").all_inner_texts()
    assert any("Danışma" in t for t in titles)
    box.fill("sigin")
    page.locator("[data-kdm-search-results] li", has_text=re.compile("ığın|Sığın")).first.wait_for()
    page.goto(origin + "ar/ara/")
    box = page.locator("input[type=search]")
    box.fill("الحماية")
    page.wait_for_selector("[data-kdm-search-results] li")
    hrefs = page.locator("[data-kdm-search-results] a").evaluate_all("as => as.map(a => a.pathname)")
    assert hrefs and all(h.startswith("/ar/") for h in hrefs)
