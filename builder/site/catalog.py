"""Phase one, second half: everything derived from the whole registry, computed once for every language.

Every center passes the confidentiality gate (builder.site.public) here; what comes out is all that pages,
islands and exports ever see. Templates receive these values and never compute distances or parse anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from geopy.distance import geodesic, great_circle

from builder.registry import Registry
from builder.registry.models import District, Hotline
from builder.registry.problems import Problem
from builder.site.public import Place, PublicCenter, publish


@dataclass(frozen=True)
class Distance:
    center: PublicCenter
    km: float
    approximate: bool
    same_district: bool  # placed at this district's own reference point: "in this district", not "0 km"


# A district page lists every center of the district and the nearest others, up to this many in all:
# the whole real registry fits; a registry of thousands does not turn each district page into a megabyte.
NEARBY = 25


@dataclass(frozen=True)
class Catalog:
    today: dt.date  # the build's one clock (builder.project)
    centers: tuple[PublicCenter, ...]  # every entry, through the gate, in registry order
    districts: dict[str, District]
    hotlines: tuple[Hotline, ...]
    nearest: dict[str, tuple[Distance, ...]]  # district key -> its centers and the nearest others, nearest first
    more: dict[str, int]  # district key -> placed centers left off its page
    unplaced: tuple[PublicCenter, ...]  # public centers with no known district or point (reached by phone)
    confidential: tuple[PublicCenter, ...]
    by_district: dict[str, tuple[PublicCenter, ...]]  # districts in Turkish name order, only those with centers
    warnings: tuple[Problem, ...] = ()  # for editors: published, but worth a look (builder.registry.checks)

    @property
    def public(self) -> tuple[PublicCenter, ...]:
        return tuple(c for c in self.centers if not c.confidential)

    @property
    def places(self) -> dict[str, Place]:
        return {c.id: c.place for c in self.centers if c.place is not None}

    def district_of(self, center: PublicCenter) -> District | None:
        return self.districts.get(center.district) if center.district else None

    def districts_in_order(self) -> list[str]:
        return sorted(self.districts, key=lambda k: turkish_key(self.districts[k].name))


def derive(registry: Registry, today: dt.date) -> Catalog:
    centers = tuple(publish(c, registry.districts) for c in registry.centers)
    public = [c for c in centers if not c.confidential]
    placed = [c for c in public if c.place is not None]
    nearest = {key: tuple(_sorted_distances(key, district, placed)) for key, district in registry.districts.items()}
    by_district = {
        key: tuple(sorted((c for c in public if c.district == key), key=lambda c: turkish_key(c.name.tr)))
        for key in sorted(registry.districts, key=lambda k: turkish_key(registry.districts[k].name))
    }
    return Catalog(
        today=today,
        centers=centers,
        districts=registry.districts,
        hotlines=registry.hotlines,
        nearest=nearest,
        more={key: len(placed) - len(rows) for key, rows in nearest.items()},
        unplaced=tuple(sorted((c for c in public if c.place is None), key=lambda c: turkish_key(c.name.tr))),
        confidential=tuple(c for c in centers if c.confidential),
        by_district={k: v for k, v in by_district.items() if v},
        warnings=registry.warnings,
    )


def _sorted_distances(key: str, district: District, placed: Iterable[PublicCenter]) -> list[Distance]:
    """The district's own centers and the nearest others (NEARBY in all), by geodesic distance.

    Candidates are ranked on the sphere first (cheap), then measured with geopy's geodesic."""
    origin = (district.lat, district.lon)
    where = {c.id: (c.place.lat, c.place.lon) for c in placed if c.place is not None}
    ranked = sorted(placed, key=lambda c: great_circle(origin, where[c.id]).km)
    own = [c for c in ranked if c.district == key]
    # The sphere and the ellipsoid differ by < 0.5 %: a margin of candidates keeps the true nearest in.
    chosen = {c.id: c for c in [*own, *ranked[: NEARBY + 10]]}
    out = []
    for center in chosen.values():
        assert center.place is not None
        km = geodesic(origin, where[center.id]).km
        same = center.place.from_district and center.district == key
        out.append(Distance(center, km, approximate=center.place.precision != "exact", same_district=same))
    out.sort(key=lambda d: (d.km, turkish_key(d.center.name.tr)))
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
