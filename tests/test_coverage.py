"""The coverage view for coordinators (/kapsam/): its figures match the catalog, the page and the CSV say the
same, it exists in Turkish and English (the other languages point there), it stays out of the main
navigation, and its map loads only when asked for, with a pin per district that a keyboard reaches."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path

import pytest
from geopy.distance import great_circle

from builder import project as project_module
from builder.languages import SITE_LANGUAGES, url_prefix
from builder.project import Project
from builder.registry import loader
from builder.site import coverage
from builder.site.catalog import Catalog, derive
from tests.conftest import FIXTURE_TODAY, REAL_TODAY, ROOT

SMALL = ROOT / "tests" / "fixtures" / "small"


def catalog_of(data: Path) -> Catalog:
    today = REAL_TODAY if data == ROOT / "data" else FIXTURE_TODAY
    return derive(loader.load(data, today, root=ROOT), today)


@pytest.fixture(scope="module")
def real() -> Catalog:
    return catalog_of(ROOT / "data")


def test_every_district_once_in_turkish_order(real: Catalog) -> None:
    found = coverage.coverage(real)
    assert [d.key for d in found.districts] == real.districts_in_order()


def test_the_figures_are_the_catalogs(real: Catalog) -> None:
    found = coverage.coverage(real)
    for row in found.districts:
        assert row.own == real.by_district.get(row.key, ())
        assert row.nearest == (real.nearest[row.key][0] if real.nearest[row.key] else None)
        district = real.districts[row.key]
        near = [
            c
            for c in real.public
            if c.place and great_circle((district.lat, district.lon), (c.place.lat, c.place.lon)).km <= 25
        ]
        services = {s for c in [*row.own, *near] for s in c.services if s in coverage.MINIMUM}
        assert row.reach - {coverage.INTERPRETING} == services
        assert row.facts_shown == sum(len(c.facts) for c in row.own)
        assert row.population == district.population
    assert found.with_centre == len(real.by_district)
    assert found.unplaced == len(real.unplaced)
    assert sum(found.count(b) for b in coverage.BANDS) == len(real.districts)
    assert {c.id for c, _ in found.matrix} == {c.id for c in real.centers}


def test_bands_follow_the_nearest_distance(real: Catalog) -> None:
    for row in coverage.coverage(real).districts:
        if row.own:
            assert row.band == "own"
        elif row.nearest is None:
            assert row.band == "none"
        else:
            km = row.nearest.km
            assert row.band == ("near" if km <= 10 else "reach" if km <= 25 else "far")


def test_centres_per_women_only_where_the_figure_is_sourced(real: Catalog) -> None:
    rows = {d.key: d for d in coverage.coverage(real).districts}
    for key, row in rows.items():
        population = real.districts[key].population
        if population is None:
            assert row.per_100k_women is None
        else:
            assert population.source.url.startswith("https://")
            assert row.per_100k_women == pytest.approx(len(row.own) * 100_000 / population.women)


def test_a_centre_offers_interpreting_when_it_names_it_or_speaks_more_than_turkish() -> None:
    small = catalog_of(SMALL)
    for center in small.centers:
        expected = center.interpreting is not None or set(center.languages) - {"tr"}
        assert (coverage.INTERPRETING in coverage.offers(center)) == bool(expected)


def test_confidential_centres_are_in_the_matrix_by_name_only(real: Catalog) -> None:
    from builder.exports.coverage import matrix_csv_text

    rows = list(csv.DictReader(io.StringIO(matrix_csv_text(real))))
    for center in real.confidential:
        [row] = [r for r in rows if r["name"] == center.name.tr]
        assert row["centre"] == "" and row["confidential"] == "true"


ROW = re.compile(r'<tr class="kdm-band--(\w+)" data-district="([\w-]+)">(.*?)</tr>', re.S)


def table_rows(site: Path, lang: str) -> list[tuple[str, str, str, str]]:
    """(band, district key, name, facts cell) of each row of the district table."""
    html = (site / url_prefix(lang) / "kapsam" / "index.html").read_text(encoding="utf-8")
    out = []
    for band, key, body in ROW.findall(html):
        name = re.search(r'<th scope="row"><a [^>]*>([^<]*)</a>', body)
        facts = re.search(r'<td class="kdm-num">([^<]*)</td>', body)
        assert name and facts, body
        out.append((band, key, unescape(name.group(1)), unescape(facts.group(1))))
    return out


def test_the_page_and_the_csv_say_what_the_catalog_says(real_site: Path, real: Catalog) -> None:
    found = {d.key: d for d in coverage.coverage(real).districts}
    with (real_site / "data" / coverage.CSV_FILE).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["district"] for r in rows] == list(found)
    for row in rows:
        district = found[row["district"]]
        assert int(row["centres_listed"]) == len(district.own)
        assert row["band"] == district.band
        assert row["missing_services"] == ";".join(district.missing)
        assert int(row["facts_confirmed_by_call"]) == district.facts_called
        if district.nearest:
            assert row["nearest_centre_id"] == district.nearest.center.id
            assert float(row["nearest_km"]) == pytest.approx(district.nearest.km, abs=0.05)
    for lang in ("tr", "en"):
        page = table_rows(real_site, lang)
        assert [(band, key, name) for band, key, name, _ in page] == [(d.band, d.key, d.name) for d in found.values()]
        for (*_, facts), district in zip(page, found.values(), strict=True):
            assert facts == (f"{district.facts_called} / {district.facts_shown}" if district.own else "—")


def test_turkish_and_english_only_the_others_point_there(real_site: Path) -> None:
    for lang in SITE_LANGUAGES:
        page = (real_site / url_prefix(lang) / "kapsam" / "index.html").read_text(encoding="utf-8")
        if lang in ("tr", "en"):
            assert "data-kdm-coverage" in page
        else:
            assert "data-kdm-coverage" not in page
            assert 'href="../../kapsam/"' in page and 'href="../../en/kapsam/"' in page


def test_not_in_the_main_navigation(real_site: Path) -> None:
    home = (real_site / "index.html").read_text(encoding="utf-8")
    assert "kapsam/" not in home.split('<div class="md-content"')[0]


def test_the_page_works_for_a_registry_of_thousands(synthetic_site: Path) -> None:
    """2,000 centres: the district table names five per district, the matrix goes whole to its CSV only."""
    page = (synthetic_site / "kapsam" / "index.html").read_text(encoding="utf-8")
    matrix = list(csv.reader((synthetic_site / "data" / coverage.MATRIX_CSV_FILE).open(encoding="utf-8")))
    assert len(matrix) - 1 > coverage.MATRIX_ROWS
    assert f"{len(matrix) - 1} merkez bir sayfaya sığmaz" in page
    body = page.split('class="kdm-coverage__table kdm-coverage__matrix"')[1].split("</table>")[0]
    assert "<tbody>\n</tbody>" in body or body.count("<tr>") == 1  # the header only, and the totals
    rows = table_rows(synthetic_site, "tr")
    assert len(rows) == len(list(csv.DictReader((synthetic_site / "data" / coverage.CSV_FILE).open())))
    assert page.count("merkez daha") >= 1


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_map_loads_only_when_asked_and_its_pins_take_the_keyboard(browse, real_origin: str, lang: str) -> None:
    page, _ = browse(real_origin, tiles=True)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(real_origin + url_prefix(lang) + "kapsam/", wait_until="networkidle")
    assert not any("leaflet" in url for url in requested)
    page.click("[data-kdm-map-button]")
    page.wait_for_selector("[data-kdm-map-ready]")
    assert any("leaflet" in url for url in requested)
    pins = page.locator(".kdm-pin")
    assert pins.count() == len(project_module.validate(Project.at(ROOT), REAL_TODAY)[0].districts)
    first = pins.first
    first.focus()
    assert page.evaluate("document.activeElement.classList.contains('kdm-pin')")
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content").inner_text().startswith(first.get_attribute("title").split(":")[0])


def test_without_javascript_the_tables_are_all_there(browse, real_origin: str) -> None:
    page, _ = browse(real_origin, java_script_enabled=False)
    page.goto(real_origin + "kapsam/")
    assert page.locator("[data-kdm-map-button]").is_hidden()
    assert page.locator(".kdm-coverage__table tbody tr").count() > 30
