"""The registry as open data: centers.json (every field, every language), centers.geojson (placed centers)
and centers.csv (one row per center, Turkish texts). Pure: a Catalog in, file texts out.

Every center arrives through the confidentiality gate (builder.site.public): a shelter carries no address,
district, transport note or point here, whatever the registry holds.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Final

from builder.registry import phones as phone_numbers
from builder.registry.evidence import FACTS
from builder.registry.hours import TIMEZONE, WEEKDAYS, Hours
from builder.registry.models import Localized, Phone
from builder.site import evidence, routes
from builder.site.catalog import Catalog
from builder.site.evidence import FactEvidence
from builder.site.i18n import Strings
from builder.site.public import Place, PublicCenter

SCHEMA_VERSION: Final = "2.0"
LICENSE: Final = "CC-BY-4.0"
LICENSE_URL: Final = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION: Final = "İzmir Kadın Danışma Merkezleri registry contributors"
JSON_FILE: Final = routes.data_file("centers.json")
GEOJSON_FILE: Final = routes.data_file("centers.geojson")
CSV_FILE: Final = routes.data_file("centers.csv")
FROM_REGISTRY, FROM_DISTRICT = "registry", "district reference point"
_OSM_DAYS: Final = dict(zip(WEEKDAYS, ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), strict=True))


def location_source(place: Place) -> str:
    return FROM_DISTRICT if place.from_district else FROM_REGISTRY


def _texts(value: Localized | None, languages: tuple[str, ...]) -> dict[str, str] | None:
    """Every language the text is written in (Turkish always); a missing one is absent, not Turkish."""
    if value is None:
        return None
    return {lang: text for lang in ("tr", *languages) if (text := getattr(value, lang, None))}


# --- centers.json ---------------------------------------------------------------------------------------


def evidence_record(fact: FactEvidence) -> dict[str, Any]:
    as_of = fact.as_of()
    return {"basis": fact.basis, "as_of": as_of.isoformat() if as_of else None, "sources": [s.id for s in fact.sources]}


def phone_record(phone: Phone, fact: FactEvidence, languages: tuple[str, ...]) -> dict[str, Any]:
    """A phone with what it is (kind, label) and what it rests on: a reuser never sees a bare number."""
    number = phone.number
    return {
        "e164": number if number and not phone_numbers.is_short(number) else None,
        "national": phone_numbers.national(number) if number else None,
        "tel": phone_numbers.tel_uri(number) if number else None,
        "url": phone.url,
        "kind": phone.kind,
        "channels": list(phone.channels),
        "label": _texts(phone.label, languages),
        "how": _texts(phone.how, languages),
        "inferred": _texts(phone.inferred, languages),
        "hours": hours_record(phone.hours),
        "evidence": evidence_record(fact),
    }


def verification_record(center: PublicCenter) -> dict[str, Any]:
    return {
        "status": center.evidence_status,
        "sources": [
            {
                "id": s.id,
                "url": s.url,
                "publisher": s.publisher,
                "kind": s.kind,
                "published": str(s.published) if s.published else "undated",
                "read": s.read.isoformat(),
                "quote": s.quote,
                "copy_of": s.copy_of,
            }
            for s in center.verification.sources
        ],
        "checks": [
            {
                "date": c.date.isoformat(),
                "method": c.method,
                "by": c.by,
                "confirmed": list(c.confirmed),
                "wrong": list(c.wrong),
                "note": c.note,
            }
            for c in center.verification.checks
        ],
    }


def hours_record(hours: Hours | None) -> dict[str, Any] | None:
    """None = unknown (the site says "call before you go")."""
    if hours is None:
        return None
    if hours.always_open:
        return {"timezone": TIMEZONE, "always_open": True, "opening_hours": "24/7"}
    return {
        "timezone": TIMEZONE,
        "always_open": False,
        "week": {day: [str(s) for s in spans] for day, spans in hours.week()},
        "public_holidays": hours.public_holidays,
        "opening_hours": opening_hours(hours),
    }


def opening_hours(hours: Hours) -> str:
    """OpenStreetMap's opening_hours syntax: "Mo 08:30-12:00,13:00-17:30; Tu-Fr 08:30-17:30; PH off"."""
    if hours.always_open:
        return "24/7"
    rules = [
        _OSM_DAYS[run.days[0]]
        + (f"-{_OSM_DAYS[run.days[-1]]}" if len(run.days) > 1 else "")
        + " "
        + ",".join(str(s) for s in run.spans)
        for run in hours.runs()
    ]
    if hours.public_holidays == "closed":
        rules.append("PH off")
    return "; ".join(rules)


def center_record(center: PublicCenter, catalog: Catalog, languages: tuple[str, ...]) -> dict[str, Any]:
    place, district = center.place, catalog.district_of(center)
    return {
        "id": center.id,
        "page": routes.center(center.id),
        "name": _texts(center.name, languages),
        "kind": center.kind,
        "operator": _texts(center.operator, languages),
        "status": center.status,
        "confidential": center.confidential,
        "district": {"key": center.district, "name": district.name} if district else None,
        "address": _texts(center.address, languages),
        "location": None
        if place is None
        else {
            "lat": place.lat,
            "lon": place.lon,
            "precision": place.precision,
            "source": location_source(place),
            "method": None if place.from_district else place.source,
        },
        "phones": [phone_record(p, center.phone_facts(p), languages) for p in center.phones],
        "email": center.email,
        "website": center.website,
        "hours": hours_record(center.hours),
        "services": list(center.services),
        "languages": list(center.languages),
        "interpreting": _texts(center.interpreting, languages),
        "eligibility": _texts(center.eligibility, languages),
        "access": center.access.model_dump(),
        "transport": _texts(center.transport, languages),
        "notes": _texts(center.notes, languages),
        "evidence": {name: evidence_record(fact) for name, fact in center.facts.items() if name in FACTS},
        "verification": verification_record(center),
    }


def centers_document(catalog: Catalog, strings: Strings, languages: tuple[str, ...]) -> dict[str, Any]:
    centers = catalog.centers
    vocabularies = {
        prefix: {
            code.split(".", 1)[1]: {lang: strings.get(code, lang) for lang in languages}
            for code in strings.table
            if code.startswith(f"{prefix}.") and code.count(".") == 1
        }
        for prefix in ("kind", "service", "status")
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": catalog.today.isoformat(),
        "newest_evidence": max(dates).isoformat()
        if (dates := [d for c in centers if (d := evidence.newest(c.facts.values()))])
        else None,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "attribution": ATTRIBUTION,
        "languages": list(languages),
        "vocabularies": vocabularies,
        "centers": [center_record(c, catalog, languages) for c in centers],
    }


# --- centers.geojson --------------------------------------------------------------------------------------


def geojson(catalog: Catalog) -> dict[str, Any]:
    """Placed public centers; RFC 7946 orders coordinates [longitude, latitude]."""
    features = []
    for center in catalog.centers:
        place = center.place
        if place is None:
            continue
        district = catalog.district_of(center)
        features.append(
            {
                "type": "Feature",
                "id": center.id,
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": {
                    "id": center.id,
                    "name": center.name.tr,
                    "kind": center.kind,
                    "status": center.status,
                    "district": district.name if district else None,
                    "precision": place.precision,
                    "location_source": location_source(place),
                    "phones": [
                        {
                            "number": phone_numbers.national(p.number) if p.number else p.url,
                            "kind": p.kind,
                            "label": p.label.tr if p.label else None,
                        }
                        for p in center.phones
                    ],
                    "services": list(center.services),
                    "page": routes.center(center.id),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --- centers.csv ------------------------------------------------------------------------------------------

CSV_COLUMNS: Final = (
    "id", "name", "kind", "operator", "status", "district", "address", "latitude", "longitude", "precision",
    "location_source", "phones", "phones_kind", "phones_label", "phones_tel", "email", "website", "opening_hours",
    "services", "languages", "confidential", "verification_status", "newest_evidence", "sources", "page",
)  # fmt: skip
# Several phones share a cell, in the same order in phones, phones_kind, phones_label and phones_tel.
LIST_SEPARATOR: Final = "; "


def _cell(value: str) -> str:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: prefix such text with '."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(catalog: Catalog) -> str:
    """One row per center, Turkish texts. UTF-8 with a byte-order mark, so that Excel shows ş, ğ and ı."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for center in catalog.centers:
        place, district, address = center.place, catalog.district_of(center), center.address
        row = {
            "id": center.id,
            "name": center.name.tr,
            "kind": center.kind,
            "operator": center.operator.tr,
            "status": center.status,
            "district": district.name if district else "",
            "address": address.tr if address else "",
            "latitude": str(place.lat) if place else "",
            "longitude": str(place.lon) if place else "",
            "precision": place.precision if place else "",
            "location_source": location_source(place) if place else "",
            "phones": LIST_SEPARATOR.join(
                phone_numbers.national(p.number) if p.number else p.url or "" for p in center.phones
            ),
            "phones_kind": LIST_SEPARATOR.join(p.kind for p in center.phones),
            "phones_label": LIST_SEPARATOR.join(
                (p.label.tr if p.label else "").replace(";", ",") for p in center.phones
            ),
            "phones_tel": LIST_SEPARATOR.join(
                phone_numbers.tel_uri(p.number) if p.number else "" for p in center.phones
            ),
            "email": center.email or "",
            "website": center.website or "",
            "opening_hours": opening_hours(center.hours) if center.hours else "",
            "services": "; ".join(center.services),
            "languages": "; ".join(center.languages),
            "confidential": "true" if center.confidential else "false",
            "verification_status": center.evidence_status,
            "newest_evidence": newest.isoformat() if (newest := evidence.newest(center.facts.values())) else "",
            "sources": " ".join(s.url for s in center.verification.sources),
            "page": routes.center(center.id),
        }
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return "\ufeff" + buffer.getvalue()
