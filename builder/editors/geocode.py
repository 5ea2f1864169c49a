"""Filling in missing points from addresses with OpenStreetMap's Nominatim: run by hand, never in a build.

`python -m builder geocode [--dry-run]` looks up every public center that has an address and no
`location`, one request a second (Nominatim's usage policy), and writes what it finds back into
data/centers.yaml through ruamel.yaml's round-trip mode, so comments and layout stay as the editors left
them. A point is marked `source: geocoded` with the precision the result supports, and stays a
suggestion for a reviewer: the change report shows it like any other change to a place.

Confidential entries are never looked up: their place must not be in the registry at all.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from builder import registry
from builder.registry import source
from builder.registry.models import BOUNDS, Center, District, Location, Precision
from builder.registry.problems import RegistryError

# Nominatim's policy asks for an agent that names the application. ASCII only: HTTP headers are Latin-1.
USER_AGENT: Final = "kdm-izmir/0.1 (Izmir women's counseling centres registry; python -m builder geocode)"
TIMEOUT_SECONDS: Final = 10
MIN_DELAY_SECONDS: Final = 1  # Nominatim allows one request a second
# What the address details of a result say about how exact it is. A house number is a door; a named
# building or amenity without one is at least as good as a street; a neighbourhood or suburb is an area.
_STREET_TYPES: Final = frozenset({"road", "street", "pedestrian", "footway", "residential_street"})
_STREET_CLASSES: Final = frozenset(
    {"highway", "amenity", "building", "office", "leisure", "tourism", "shop", "healthcare", "public_transport"}
)
_AREA_TYPES: Final = frozenset(
    {
        "neighbourhood",
        "suburb",
        "quarter",
        "city_block",
        "residential",
        "hamlet",
        "village",
        "isolated_dwelling",
        "allotments",
        "borough",
    }
)

Geocode = Callable[..., Any]  # geopy's Nominatim.geocode, rate-limited; tests pass a fake


@dataclass(frozen=True)
class Outcome:
    center_id: str
    query: str
    status: Literal["found", "not found", "rejected", "error"]
    detail: str = ""
    lat: float = 0.0
    lon: float = 0.0
    precision: Precision = "district"


def nominatim() -> Geocode:
    """The real client: our own user agent, a 10 s timeout, one request a second; errors are raised."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    client = Nominatim(user_agent=USER_AGENT, timeout=TIMEOUT_SECONDS)
    limited: Geocode = RateLimiter(client.geocode, min_delay_seconds=MIN_DELAY_SECONDS, swallow_exceptions=False)
    return limited


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the editors' long lines
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of data/centers.yaml
    return yaml


def wanted(data: Any, districts: dict[str, District]) -> list[tuple[str, str]]:
    """(id, query) for each public center with an address and no location, in file order."""
    found = []
    for entry in data.get("centers", []) if isinstance(data, dict) else []:
        if not isinstance(entry, dict) or entry.get("confidential") is True or entry.get("location") is not None:
            continue
        address = entry.get("address")
        text = address.get("tr") if isinstance(address, dict) else None
        if isinstance(text, str) and text.strip() and isinstance(entry.get("id"), str):
            district = districts.get(str(entry.get("district")))
            street = re.sub(r"\s*\([^)]*\)", "", text).strip()  # "(a two-storey building)" confuses a geocoder
            extra = [p for p in (district.name if district else "", "İzmir", "Türkiye") if p and p not in street]
            found.append((str(entry["id"]), ", ".join([street, *extra])))
    return found


def precision_of(raw: dict[str, Any]) -> Precision:
    """Exact only for a house-number match; street for a street or a named building; neighbourhood for a
    neighbourhood or suburb; district for anything coarser."""
    address = raw.get("address") or {}
    kind = str(raw.get("addresstype") or raw.get("type") or "")
    if address.get("house_number"):
        return "exact"
    if kind in _STREET_TYPES or raw.get("class") in _STREET_CLASSES:
        return "street"
    if kind in _AREA_TYPES:
        return "neighbourhood"
    return "district"


def locate(requests: list[tuple[str, str]], geocode: Geocode, progress: Callable[[str], None] = print) -> list[Outcome]:
    """Look up each query; one progress line per center. A service error is reported and the run goes on."""
    from geopy.exc import GeopyError

    (lat_min, lat_max), (lon_min, lon_max) = BOUNDS["lat"], BOUNDS["lon"]
    outcomes = []
    for number, (center_id, query) in enumerate(requests, 1):
        try:
            result = geocode(
                query,
                exactly_one=True,
                addressdetails=True,
                country_codes="tr",
                language="tr",
                viewbox=[(lat_min, lon_min), (lat_max, lon_max)],
                bounded=True,
            )
        except GeopyError as exc:
            outcome = Outcome(center_id, query, "error", f"{type(exc).__name__}: {exc}")
        else:
            outcome = _judge(center_id, query, result)
        progress(f"[{number}/{len(requests)}] {center_id}: {query} -> {_shown(outcome)}")
        outcomes.append(outcome)
    return outcomes


def _judge(center_id: str, query: str, result: Any) -> Outcome:
    if result is None:
        return Outcome(center_id, query, "not found", "no result; add the point by hand from a map")
    lat, lon = round(float(result.latitude), 6), round(float(result.longitude), 6)
    precision = precision_of(getattr(result, "raw", None) or {})
    try:
        Location(lat=lat, lon=lon, precision=precision)
    except ValidationError:
        return Outcome(center_id, query, "rejected", f"({lat}, {lon}) is outside İzmir province", lat, lon)
    return Outcome(center_id, query, "found", str(getattr(result, "address", "")), lat, lon, precision)


def _shown(outcome: Outcome) -> str:
    if outcome.status == "found":
        return f"{outcome.lat}, {outcome.lon} ({outcome.precision}): {outcome.detail}"
    return f"{outcome.status}: {outcome.detail}"


def apply(text: str, outcomes: list[Outcome], today: dt.date) -> str:
    """The file with a `location` added to each center found, right after its address; nothing else moves."""
    yaml = _yaml()
    data = yaml.load(text)
    found = {o.center_id: o for o in outcomes if o.status == "found"}
    for entry in data["centers"]:
        outcome = found.get(entry.get("id")) if isinstance(entry, CommentedMap) else None
        if outcome is None or entry.get("location") is not None:
            continue
        point = CommentedMap(
            [("lat", outcome.lat), ("lon", outcome.lon), ("precision", outcome.precision), ("source", "geocoded")]
        )
        keys = list(entry)
        after = next((k for k in ("address", "district", "operator") if k in keys), keys[0])
        entry.insert(keys.index(after) + 1, "location", point)
        entry.yaml_add_eol_comment(f"geocoded from the address on {today.isoformat()}; check it on a map", "location")
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def run(
    centers_file: Path,
    districts: dict[str, District],
    geocode: Geocode,
    today: dt.date,
    dry_run: bool = False,
    progress: Callable[[str], None] = print,
) -> list[Outcome]:
    """Look up the missing points and, unless dry_run, write the ones found into centers_file."""
    text = centers_file.read_text(encoding="utf-8")
    requests = wanted(_yaml().load(text), districts)
    if not requests:
        progress("Nothing to look up: every public center with an address has a location.")
        return []
    outcomes = locate(requests, geocode, progress)
    if not dry_run and any(o.status == "found" for o in outcomes):
        changed = apply(text, outcomes, today)
        # Never leave the registry invalid: check the new file as the build will, and write only if it passes.
        doc = source.parse(changed.encode("utf-8"), str(centers_file))
        _, problems = registry.validate_entries(doc, "centers", Center)
        if problems:
            raise RegistryError(problems)
        centers_file.write_text(changed, encoding="utf-8")
    return outcomes


def summary(outcomes: list[Outcome], dry_run: bool, file: str) -> str:
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("found", "not found", "rejected", "error")}
    head = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "nothing looked up"
    if dry_run or not counts["found"]:
        return f"{head}; {file} unchanged" + (" (dry run)" if dry_run else "")
    return (
        f"{head}; wrote {counts['found']} point(s) into {file} with `source: geocoded`. Check each on a map "
        "(https://www.openstreetmap.org) before merging, and fix `precision` if it claims too much."
    )
