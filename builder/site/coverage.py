"""Coverage, for the people who coordinate the network (/kapsam/): per district, the centres listed in it, the
nearest centre and how far it is, which of a minimum common set of services are within reach, how many of the
facts shown a call confirmed, and the population where a sourced official figure exists; and the centres ×
services matrix against that set.

Everything is computed from the catalog at build time and speaks only of the centres listed here: a gap may
be a gap of the registry, not of İzmir. Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

from geopy.distance import great_circle

from builder.registry.models import Population
from builder.site.catalog import Catalog, Distance, turkish_key
from builder.site.public import PublicCenter

INTERPRETING: Final = "interpreting"  # not a service of the vocabulary: named interpreting, or a language beyond tr
# The minimum common set the network is drafting (legal, psychological, social work, protection-order help,
# shelter referral, childcare during visits, interpreting): the matrix's columns.
MINIMUM: Final = (
    "legal-counseling",
    "psychological-support",
    "social-work",
    "protection-order-help",
    "shelter-referral",
    "childcare-during-visits",
    INTERPRETING,
)
CSV_FILE: Final = "kapsam.csv"  # the district table as open data (builder.exports.coverage), under data/
MATRIX_CSV_FILE: Final = "kapsam-hizmetler.csv"  # the centres × services matrix, whole
MATRIX_ROWS: Final = 150  # the page shows the matrix up to this many centres; beyond, the CSV holds it
REACH_KM: Final = 25.0  # "within reach": about an hour by bus in the city, less by car outside it
NEAR_KM: Final = 10.0
Band = Literal["own", "near", "reach", "far", "none"]  # the map's colours, nearest first
BANDS: Final[tuple[Band, ...]] = ("own", "near", "reach", "far", "none")


def offers(center: PublicCenter) -> frozenset[str]:
    """The services of the minimum set that a centre lists (interpreting: named, or a language beyond Turkish)."""
    listed: set[str] = {s for s in center.services if s in MINIMUM}
    if center.interpreting is not None or any(lang != "tr" for lang in center.languages):
        listed.add(INTERPRETING)
    return frozenset(listed)


def facts_called(centers: Iterable[PublicCenter]) -> tuple[int, int]:
    """(facts shown, of which a call confirmed) over the centres' published facts."""
    shown = called = 0
    for center in centers:
        for fact in center.facts.values():
            shown += 1
            called += any(check.method == "call" for check in fact.checks)
    return shown, called


@dataclass(frozen=True)
class DistrictCoverage:
    key: str
    name: str
    own: tuple[PublicCenter, ...]  # the public centres listed in the district
    nearest: Distance | None  # the nearest placed centre from the district's reference point
    reach: frozenset[str]  # services of the minimum set offered within REACH_KM of the district point
    facts_shown: int  # the facts the own centres' pages show
    facts_called: int  # of those, confirmed by a call
    population: Population | None

    @property
    def band(self) -> Band:
        if self.own:
            return "own"
        if self.nearest is None:
            return "none"
        return "near" if self.nearest.km <= NEAR_KM else "reach" if self.nearest.km <= REACH_KM else "far"

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(s for s in MINIMUM if s not in self.reach)

    @property
    def per_100k_women(self) -> float | None:
        """Centres listed in the district per 100,000 women residents, where the figure is sourced."""
        return None if self.population is None else len(self.own) * 100_000 / self.population.women


@dataclass(frozen=True)
class Coverage:
    districts: tuple[DistrictCoverage, ...]  # every district, in Turkish name order
    matrix: tuple[tuple[PublicCenter, frozenset[str]], ...]  # every centre (confidential ones by name only)
    unplaced: int  # public centres with no known place, reached by phone: counted in no distance

    @property
    def with_centre(self) -> int:
        return sum(1 for d in self.districts if d.own)

    def count(self, band: Band) -> int:
        return sum(1 for d in self.districts if d.band == band)

    def offering(self, service: str) -> int:
        return sum(1 for _, offered in self.matrix if service in offered)


def coverage(catalog: Catalog) -> Coverage:
    placed = [c for c in catalog.public if c.place is not None]
    rows = []
    for key in catalog.districts_in_order():
        district = catalog.districts[key]
        own = catalog.by_district.get(key, ())
        origin = (district.lat, district.lon)
        within = [
            c for c in placed if c.place is not None and great_circle(origin, (c.place.lat, c.place.lon)).km <= REACH_KM
        ]
        reach = frozenset().union(*(offers(c) for c in [*own, *within]))
        shown, called = facts_called(own)
        nearest = catalog.nearest.get(key, ())
        rows.append(
            DistrictCoverage(
                key, district.name, own, nearest[0] if nearest else None, reach, shown, called, district.population
            )
        )
    matrix = tuple((c, offers(c)) for c in sorted(catalog.centers, key=lambda c: turkish_key(c.name.tr)))
    return Coverage(tuple(rows), matrix, unplaced=len(catalog.unplaced))
