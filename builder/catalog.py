"""Phase one, second half: everything derived from the whole registry, computed once for every language.

Templates receive these values and never compute distances or parse anything themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from geopy.distance import geodesic, great_circle

from builder.models import Center, District, Precision
from builder.registry import Registry


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    precision: Precision
    from_district: bool  # True when the registry gives no point and the district's reference point stands in


@dataclass(frozen=True)
class Distance:
    center: Center
    km: float
    approximate: bool
    same_district: bool  # placed at this district's own reference point: "in this district", not "0 km"


# A district page lists every center of the district and the nearest others, up to this many in all:
# the whole real registry fits; a registry of thousands does not turn each district page into a megabyte.
NEARBY = 25


@dataclass(frozen=True)
class Catalog:
    registry: Registry
    places: dict[str, Place]  # center id -> where it is drawn; confidential and unplaced centers absent
    nearest: dict[str, tuple[Distance, ...]]  # district key -> its centers and the nearest others, nearest first
    more: dict[str, int]  # district key -> placed centers left off its page
    unplaced: tuple[Center, ...]  # public centers with no known district or point (reached by phone)
    confidential: tuple[Center, ...]
    by_district: dict[str, tuple[Center, ...]] = field(default_factory=dict)  # districts in name order

    @property
    def public(self) -> tuple[Center, ...]:
        return tuple(c for c in self.registry.centers if not c.confidential)

    def district_of(self, center: Center) -> District | None:
        return self.registry.districts.get(center.district) if center.district else None


def derive(registry: Registry) -> Catalog:
    public = [c for c in registry.centers if not c.confidential]
    places = {c.id: p for c in public if (p := place_of(c, registry.districts)) is not None}
    nearest = {key: tuple(_sorted_distances(key, district, public, places))
               for key, district in registry.districts.items()}
    by_district = {
        key: tuple(sorted((c for c in public if c.district == key), key=lambda c: c.name.tr))
        for key in sorted(registry.districts, key=lambda k: turkish_key(registry.districts[k].name))
    }
    return Catalog(
        registry=registry,
        places=places,
        nearest=nearest,
        more={key: len(places) - len(rows) for key, rows in nearest.items()},
        unplaced=tuple(sorted((c for c in public if c.id not in places), key=lambda c: c.name.tr)),
        confidential=tuple(c for c in registry.centers if c.confidential),
        by_district={k: v for k, v in by_district.items() if v},
    )


def place_of(center: Center, districts: dict[str, District]) -> Place | None:
    if center.confidential:
        return None
    if center.location is not None:
        loc = center.location
        return Place(loc.lat, loc.lon, loc.precision, from_district=False)
    if center.district is not None and center.district in districts:
        d = districts[center.district]
        return Place(d.lat, d.lon, "district", from_district=True)
    return None


def _sorted_distances(key: str, district: District, centers: Iterable[Center],
                      places: dict[str, Place]) -> list[Distance]:
    """The district's own centers and the nearest others (NEARBY in all), by geodesic distance.

    Candidates are ranked on the sphere first (cheap), then measured with geopy's geodesic."""
    origin = (district.lat, district.lon)
    placed = [c for c in centers if c.id in places]
    ranked = sorted(placed, key=lambda c: great_circle(origin, (places[c.id].lat, places[c.id].lon)).km)
    own = [c for c in placed if c.district == key]
    # The sphere and the ellipsoid differ by < 0.5 %: a margin of candidates keeps the true nearest in.
    chosen = {c.id: c for c in [*own, *ranked[: NEARBY + 10]]}
    out = []
    for center in chosen.values():
        place = places[center.id]
        km = geodesic(origin, (place.lat, place.lon)).km
        same = place.from_district and center.district == key
        out.append(Distance(center, km, approximate=place.precision != "exact", same_district=same))
    out.sort(key=lambda d: (d.km, d.center.name.tr))
    room = max(NEARBY - sum(1 for d in out if d.center.district == key), 0)
    kept = []
    for row in out:
        if row.center.district == key:
            kept.append(row)
        elif room:
            kept.append(row)
            room -= 1
    return kept


_TURKISH_ORDER = "abcçdefgğhıijklmnoöprsştuüvyz"


def turkish_key(text: str) -> tuple[int, ...]:
    """Sort as a Turkish reader expects: Ç after C, İ and I apart, Ö after O, Ş after S, Ü after U."""
    lowered = text.replace("I", "ı").replace("İ", "i").lower()
    return tuple(_TURKISH_ORDER.index(ch) if ch in _TURKISH_ORDER else 100 + ord(ch) for ch in lowered)
