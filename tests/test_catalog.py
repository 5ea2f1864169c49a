"""Derived values: places, distances, groups. Computed once, never in templates."""

from __future__ import annotations

from geopy.distance import geodesic

from builder import registry
from builder.site import catalog
from tests.conftest import FIXTURE_TODAY, FIXTURES, REAL_TODAY, ROOT


def test_distances_match_geopy_and_are_sorted() -> None:
    reg = registry.load(ROOT / "data", REAL_TODAY)
    cat = catalog.derive(reg, REAL_TODAY)
    for key, district in reg.districts.items():
        rows = cat.nearest[key]
        assert [r.km for r in rows] == sorted(r.km for r in rows)
        for row in rows:
            place = cat.places[row.center.id]
            assert abs(row.km - geodesic((district.lat, district.lon), (place.lat, place.lon)).km) < 1e-9


def test_karsiyaka_centres_come_first_from_karsiyaka_and_menemen_sonim_from_menemen() -> None:
    cat = catalog.derive(registry.load(ROOT / "data", REAL_TODAY), REAL_TODAY)
    assert {r.center.district for r in cat.nearest["karsiyaka"][:3]} == {"karsiyaka"}
    assert cat.nearest["menemen"][0].center.id == "sonim-menemen"
    assert cat.nearest["menemen"][0].same_district


def test_unplaced_and_confidential_are_kept_apart() -> None:
    cat = catalog.derive(registry.load(FIXTURES / "small", FIXTURE_TODAY), FIXTURE_TODAY)
    assert [c.id for c in cat.unplaced] == ["ornek-il-geneli"]
    assert [c.id for c in cat.confidential] == ["ornek-siginma"]
    assert "ornek-siginma" not in cat.places
    assert all(r.center.id != "ornek-siginma" for rows in cat.nearest.values() for r in rows)


def test_turkish_order() -> None:
    names = ["Ödemiş", "Çiğli", "Çeşme", "Buca", "İzmir", "Urla", "Ilıca", "Şile"]
    assert sorted(names, key=catalog.turkish_key) == [
        "Buca",
        "Çeşme",
        "Çiğli",
        "Ilıca",
        "İzmir",
        "Ödemiş",
        "Şile",
        "Urla",
    ]
