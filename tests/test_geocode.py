"""Geocoding with a fake Nominatim (no network): what is looked up, how precise a result is, what is
rejected, and that the rewrite keeps every comment and line of the file it adds to."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from geopy.exc import GeocoderTimedOut

from builder import registry
from builder.editors import geocode
from builder.registry import source
from builder.registry.models import BOUNDS, Center
from builder.registry.problems import RegistryError
from tests.conftest import FIXTURE_TODAY, FIXTURES

SOURCE = FIXTURES / "editors" / "geocode-centers.yaml"
TODAY = dt.date(2026, 11, 21)


class FakeNominatim:
    """Answers by a word of the query, like Nominatim would for this fictional registry."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, query: str, **options: Any) -> Any:
        self.calls.append((query, options))
        if "Yavaş" in query:
            raise GeocoderTimedOut("Service timed out")
        if "Bulunmaz" in query:
            return None
        if "Uzak" in query:  # Manisa: outside İzmir province
            return _result(38.6191, 28.6000, {"addresstype": "suburb", "address": {}})
        if "Bostanlı" in query:
            return _result(38.4573, 27.0946, {"addresstype": "suburb", "class": "place", "address": {}})
        return _result(
            38.4381234,
            27.1427654,
            {"addresstype": "building", "class": "building", "address": {"house_number": "5", "road": "Örnek Sokak"}},
        )


def _result(lat: float, lon: float, raw: dict[str, Any]) -> SimpleNamespace:
    return SimpleNamespace(latitude=lat, longitude=lon, raw=raw, address="Örnek Sokak 5, Konak, İzmir, Türkiye")


@pytest.fixture()
def centers(tmp_path: Path) -> Path:
    path = tmp_path / "centers.yaml"
    shutil.copy(SOURCE, path)
    return path


@pytest.fixture(scope="module")
def districts() -> dict[str, Any]:
    return registry.load(FIXTURES / "small", FIXTURE_TODAY).districts


def test_looks_up_public_centers_with_an_address_and_no_point(districts: dict[str, Any]) -> None:
    raw = {
        "centers": [
            {"id": "a", "address": {"tr": "Örnek Sokak No: 5 (ikinci kat)"}, "district": "konak"},
            {"id": "b", "address": {"tr": "Örnek Caddesi"}, "location": {"lat": 38.4, "lon": 27.1}},
            {"id": "c", "address": {"tr": "Gizli Sokak"}, "confidential": True},  # even when wrongly written
            {"id": "d", "district": "buca"},
            {"id": "e", "address": {"tr": "Konak Meydanı, İzmir"}, "district": "konak"},
        ]
    }
    assert geocode.wanted(raw, districts) == [
        ("a", "Örnek Sokak No: 5, Konak, İzmir, Türkiye"),
        ("e", "Konak Meydanı, İzmir, Türkiye"),
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"addresstype": "building", "address": {"house_number": "12"}}, "exact"),
        ({"addresstype": "road", "class": "highway", "address": {"road": "Kıbrıs Şehitleri Caddesi"}}, "street"),
        ({"addresstype": "amenity", "class": "amenity", "type": "library", "address": {}}, "street"),
        ({"addresstype": "neighbourhood", "class": "place", "address": {}}, "neighbourhood"),
        ({"addresstype": "suburb", "class": "boundary", "address": {}}, "neighbourhood"),
        ({"addresstype": "town", "class": "boundary", "address": {}}, "district"),
        ({}, "district"),
    ],
)
def test_precision_from_the_result(raw: dict[str, Any], expected: str) -> None:
    assert geocode.precision_of(raw) == expected


def test_writes_points_and_keeps_every_comment_and_line(centers: Path, districts: dict[str, Any]) -> None:
    before = centers.read_text(encoding="utf-8")
    fake, lines = FakeNominatim(), []
    outcomes = geocode.run(centers, districts, fake, TODAY, progress=lines.append)
    after = centers.read_text(encoding="utf-8")

    assert [(o.center_id, o.status) for o in outcomes] == [
        ("ornek-kapi", "found"),
        ("ornek-uzak", "rejected"),
        ("ornek-bulunmaz", "not found"),
        ("ornek-zaman-asimi", "error"),
        ("ornek-mahalle", "found"),
    ]
    assert len(lines) == 5 and lines[0].startswith("[1/5] ornek-kapi: Örnek Sokak No: 5, Alsancak, Konak")
    assert "GeocoderTimedOut: Service timed out" in lines[3]
    assert all(query.endswith("Türkiye") for query, _ in fake.calls)
    options = fake.calls[0][1]
    assert options["country_codes"] == "tr" and options["bounded"] is True and options["exactly_one"] is True
    (lat_min, lat_max), (lon_min, lon_max) = BOUNDS["lat"], BOUNDS["lon"]
    assert options["viewbox"] == [(lat_min, lon_min), (lat_max, lon_max)]

    added = [
        "    location:  # geocoded from the address on 2026-11-21; check it on a map",
        "      lat: 38.438123",
        "      lon: 27.142765",
        "      precision: exact",
        "      source: geocoded",
    ]
    assert "\n".join(added) in after
    assert "      lat: 38.4573\n      lon: 27.0946\n      precision: neighbourhood\n      source: geocoded" in after
    # Nothing else moved: take the added lines away and the original file is back, byte for byte.
    new_lines = after.splitlines(keepends=True)
    kept = [
        ln
        for ln in new_lines
        if ln.rstrip("\n") not in added
        and "source: geocoded" not in ln
        and not (
            ln.startswith("      lat: 38.4573")
            or ln.startswith("      lon: 27.0946")
            or ln == "      precision: neighbourhood\n"
        )
    ]
    assert "".join(kept) == before
    assert all(line in after for line in before.splitlines() if line.lstrip().startswith("#"))
    assert '      tr: "Örnek Sokak No: 5, Alsancak"  # quoted on purpose' in after

    data = source.read(centers).data
    by_id = {c["id"]: c for c in data["centers"]}
    assert by_id["ornek-kapi"]["location"] == {
        "lat": 38.438123,
        "lon": 27.142765,
        "precision": "exact",
        "source": "geocoded",
    }
    assert list(by_id["ornek-kapi"])[:7] == ["id", "name", "kind", "operator", "district", "address", "location"]
    assert by_id["ornek-yerli"]["location"]["source"] == "map"
    for untouched in ("ornek-uzak", "ornek-bulunmaz", "ornek-zaman-asimi", "ornek-siginma"):
        assert "location" not in by_id[untouched]
    valid, problems = registry.validate_entries(source.read(centers), "centers", Center)
    assert problems == [] and len(valid) == 7


def test_dry_run_changes_nothing(centers: Path, districts: dict[str, Any]) -> None:
    before = centers.read_bytes()
    outcomes = geocode.run(centers, districts, FakeNominatim(), TODAY, dry_run=True, progress=lambda _: None)
    assert sum(o.status == "found" for o in outcomes) == 2
    assert centers.read_bytes() == before
    assert geocode.summary(outcomes, True, "data/centers.yaml") == (
        "2 found, 1 not found, 1 rejected, 1 error; data/centers.yaml unchanged (dry run)"
    )


def test_nothing_to_do(tmp_path: Path, districts: dict[str, Any]) -> None:
    path = tmp_path / "centers.yaml"
    text = (FIXTURES / "small" / "centers.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace('    address: {tr: "Örnek Mahallesi, Urla"}\n', ""), encoding="utf-8")  # the one left
    lines: list[str] = []
    assert geocode.run(path, districts, FakeNominatim(), TODAY, progress=lines.append) == []
    assert lines == ["Nothing to look up: every public center with an address has a location."]


def test_the_real_client_is_polite_and_loud() -> None:
    limiter = geocode.nominatim()  # builds the client; sends nothing
    assert limiter.min_delay_seconds == 1 and limiter.swallow_exceptions is False
    client = limiter.func.__self__
    assert client.timeout == 10
    assert client.headers["User-Agent"] == geocode.USER_AGENT and geocode.USER_AGENT.isascii()
    assert "kdm-izmir" in geocode.USER_AGENT


def test_an_invalid_file_is_left_alone(centers: Path, districts: dict[str, Any]) -> None:
    broken = centers.read_text(encoding="utf-8").replace("kind: ngo", "kind: ngoo", 1)
    centers.write_text(broken, encoding="utf-8")
    with pytest.raises(RegistryError, match="kind: expected one of"):
        geocode.run(centers, districts, FakeNominatim(), TODAY, progress=lambda _: None)
    assert centers.read_text(encoding="utf-8") == broken
