"""Open data written with the site: JSON, GeoJSON, CSV, an Open Referral HSDS export, and each center
page's schema.org JSON-LD. Pure: a Catalog in, file texts out; the writer puts them under site/data/.

Invariant 5: a confidential entry (a shelter) never carries an address, district, transport note or
coordinates in any export, whatever the registry holds. Every exporter reads places through `_placed`
and `_district`, which return nothing for confidential entries, and keeps only the phones that route
through a national hotline (`_phones`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from itertools import groupby
from typing import Any, Final

from builder import phones as phone_numbers
from builder.catalog import Catalog, Place
from builder.hours import TIMEZONE, WEEKDAYS, Hours
from builder.i18n import Formatter, Strings
from builder.languages import SITE_LANGUAGES
from builder.locator import PRECISE
from builder.models import Center, District, Localized, Phone

SCHEMA_VERSION: Final = "1.0"
LICENSE: Final = "CC-BY-4.0"
LICENSE_URL: Final = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION: Final = "İzmir Kadın Danışma Merkezleri registry contributors"
JSON_FILE, GEOJSON_FILE, CSV_FILE = "data/centers.json", "data/centers.geojson", "data/centers.csv"
HSDS_DIR: Final = "data/hsds"
HSDS_TABLES: Final = ("organization", "service", "location", "service_at_location", "phone", "schedule", "language")
FROM_REGISTRY, FROM_DISTRICT = "registry", "district reference point"
# HSDS ids must be UUIDs: uuid5 of "<center id>/<table>[/<key>]" keeps them stable across builds.
_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "urn:kdm-izmir:registry")
# Public bodies are schema.org GovernmentOffice (a LocalBusiness, so a place with hours). A bar association
# is a public professional body, not a government office; NGO (an Organization) is the nearest type.
GOVERNMENT: Final = frozenset({"metropolitan-counseling", "municipal-counseling", "municipal-unit",
                               "state-violence-prevention"})
NONGOVERNMENTAL: Final = frozenset({"ngo", "refugee-support", "bar-legal-aid"})
_OSM_DAYS: Final = dict(zip(WEEKDAYS, ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), strict=True))
_SCHEMA_DAYS: Final = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                          "Sunday"), strict=True))
_HSDS_STATUS: Final = {"active": "active", "opening-soon": "inactive", "temporarily-closed": "temporarily closed",
                       "closed": "defunct"}
_UTC_OFFSET: Final = "+03:00"  # Europe/Istanbul has kept UTC+3 all year since 2016
# A center's page, relative to the site root; pages.center_url says the same (a test holds them together,
# and pages may import this module, so it does not import pages).
CENTER_PAGE: Final = "merkezler/{id}/"


def center_url(center_id: str) -> str:
    return CENTER_PAGE.format(id=center_id)


def files(catalog: Catalog, strings: Strings, languages: tuple[str, ...] = SITE_LANGUAGES,
          today: dt.date | None = None) -> dict[str, str]:
    """Every open-data file: path relative to the site root -> text. `today` is the `generated` date."""
    out = {
        JSON_FILE: _dump(centers_document(catalog, strings, languages, today or dt.date.today())),
        GEOJSON_FILE: _dump(geojson(catalog)),
        CSV_FILE: csv_text(catalog),
    }
    out |= {f"{HSDS_DIR}/{table}.json": _dump(rows) for table, rows in hsds(catalog, strings).items()}
    return out


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


# --- the gates: what of a center's place may be published -----------------------------------------------


def _placed(center: Center, catalog: Catalog) -> Place | None:
    return None if center.confidential else catalog.places.get(center.id)


def _district(center: Center, catalog: Catalog) -> tuple[str, District] | None:
    district = None if center.confidential else catalog.district_of(center)
    return (str(center.district), district) if district is not None else None


def _address(center: Center) -> Localized | None:
    return None if center.confidential else center.address


def _transport(center: Center) -> Localized | None:
    return None if center.confidential else center.transport


def _phones(center: Center) -> list[Phone]:
    """A confidential entry is reached only through a national line: its own numbers could locate it."""
    return [p for p in center.phones if p.kind == "hotline" or not center.confidential]


def location_source(place: Place) -> str:
    return FROM_DISTRICT if place.from_district else FROM_REGISTRY


# --- centers.json ---------------------------------------------------------------------------------------


def _texts(value: Localized | None, languages: tuple[str, ...]) -> dict[str, str] | None:
    """Every language the text is written in (Turkish always); a missing one is absent, not Turkish."""
    if value is None:
        return None
    return {lang: text for lang in ("tr", *languages) if (text := getattr(value, lang, None))}


def _phone_record(phone: Phone, languages: tuple[str, ...]) -> dict[str, Any]:
    short = phone_numbers.is_short(phone.number)
    return {"e164": None if short else phone.number, "national": phone_numbers.national(phone.number),
            "tel": phone_numbers.tel_uri(phone.number), "kind": phone.kind, "label": _texts(phone.label, languages),
            "hours": hours_record(phone.hours)}


def hours_record(hours: Hours | None) -> dict[str, Any] | None:
    """None = unknown (the site says "call before you go")."""
    if hours is None:
        return None
    if hours.always_open:
        return {"timezone": TIMEZONE, "always_open": True, "opening_hours": "24/7"}
    return {"timezone": TIMEZONE, "always_open": False, "week": {d: list(hours.day(d)) for d in WEEKDAYS},
            "public_holidays": hours.public_holidays, "opening_hours": opening_hours(hours)}


def opening_hours(hours: Hours) -> str:
    """OpenStreetMap's opening_hours syntax: "Mo 08:30-12:00,13:00-17:30; Tu-Fr 08:30-17:30; PH off"."""
    if hours.always_open:
        return "24/7"
    rules = []
    for spans, run in groupby(WEEKDAYS, key=hours.day):
        days = list(run)
        if spans:
            label = _OSM_DAYS[days[0]] + (f"-{_OSM_DAYS[days[-1]]}" if len(days) > 1 else "")
            rules.append(f"{label} {','.join(spans)}")
    if hours.public_holidays == "closed":
        rules.append("PH off")
    return "; ".join(rules)


def center_record(center: Center, catalog: Catalog, languages: tuple[str, ...]) -> dict[str, Any]:
    place, district, address = _placed(center, catalog), _district(center, catalog), _address(center)
    return {
        "id": center.id,
        "page": center_url(center.id),
        "name": _texts(center.name, languages),
        "kind": center.kind,
        "operator": _texts(center.operator, languages),
        "status": center.status,
        "confidential": center.confidential,
        "district": {"key": district[0], "name": district[1].name} if district else None,
        "address": _texts(address, languages),
        "location": None if place is None else {
            "lat": place.lat, "lon": place.lon, "precision": place.precision, "source": location_source(place),
            "method": None if place.from_district or center.location is None else center.location.source},
        "phones": [_phone_record(p, languages) for p in _phones(center)],
        "email": center.email,
        "website": center.website,
        "hours": hours_record(center.hours),
        "services": list(center.services),
        "languages": list(center.languages),
        "interpreting": _texts(center.interpreting, languages),
        "eligibility": _texts(center.eligibility, languages),
        "access": center.access.model_dump(),
        "transport": _texts(_transport(center), languages),
        "notes": _texts(center.notes, languages),
        "verification": {"status": center.verification.status, "checked": center.verification.checked.isoformat(),
                         "method": center.verification.method, "sources": list(center.verification.sources)},
    }


def centers_document(catalog: Catalog, strings: Strings, languages: tuple[str, ...],
                     generated: dt.date) -> dict[str, Any]:
    centers = catalog.registry.centers
    vocabularies = {
        prefix: {code.split(".", 1)[1]: {lang: strings.get(code, lang) for lang in languages}
                 for code in strings.table if code.startswith(f"{prefix}.") and code.count(".") == 1}
        for prefix in ("kind", "service", "status")
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "generated": generated.isoformat(),
        "last_checked": max((c.verification.checked for c in centers), default=generated).isoformat(),
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
    for center in catalog.registry.centers:
        place = _placed(center, catalog)
        if place is None:
            continue
        district = _district(center, catalog)
        features.append({"type": "Feature", "id": center.id,
                         "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                         "properties": {"id": center.id, "name": center.name.tr, "kind": center.kind,
                                        "status": center.status, "district": district[1].name if district else None,
                                        "precision": place.precision, "location_source": location_source(place),
                                        "phones": [phone_numbers.national(p.number) for p in _phones(center)],
                                        "services": list(center.services), "page": center_url(center.id)}})
    return {"type": "FeatureCollection", "features": features}


# --- centers.csv ------------------------------------------------------------------------------------------

CSV_COLUMNS: Final = ("id", "name", "kind", "operator", "status", "district", "address", "latitude", "longitude",
                      "precision", "location_source", "phones", "phones_tel", "email", "website", "opening_hours",
                      "services", "languages", "confidential", "verification_status", "checked", "sources", "page")


def _cell(value: str) -> str:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: prefix such text with '."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(catalog: Catalog) -> str:
    """One row per center, Turkish texts. UTF-8 with a byte-order mark, so that Excel shows ş, ğ and ı."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for center in catalog.registry.centers:
        place, district, address = _placed(center, catalog), _district(center, catalog), _address(center)
        phones = _phones(center)
        row = {
            "id": center.id, "name": center.name.tr, "kind": center.kind, "operator": center.operator.tr,
            "status": center.status, "district": district[1].name if district else "",
            "address": address.tr if address else "",
            "latitude": str(place.lat) if place else "", "longitude": str(place.lon) if place else "",
            "precision": place.precision if place else "", "location_source": location_source(place) if place else "",
            "phones": "; ".join(phone_numbers.national(p.number) for p in phones),
            "phones_tel": "; ".join(phone_numbers.tel_uri(p.number) for p in phones),
            "email": center.email or "", "website": center.website or "",
            "opening_hours": opening_hours(center.hours) if center.hours else "",
            "services": "; ".join(center.services), "languages": "; ".join(center.languages),
            "confidential": "true" if center.confidential else "false",
            "verification_status": center.verification.status, "checked": center.verification.checked.isoformat(),
            "sources": " ".join(center.verification.sources), "page": center_url(center.id),
        }
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return "\ufeff" + buffer.getvalue()


# --- Open Referral HSDS 3 ---------------------------------------------------------------------------------


def hsds_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def hsds(catalog: Catalog, strings: Strings) -> dict[str, list[dict[str, Any]]]:
    """HSDS tables, Turkish texts. One service per center; one organization per operator (by its Turkish
    name); a location only for a public center with an address, a registry point or a district."""
    fmt = Formatter("tr")
    tables: dict[str, list[dict[str, Any]]] = {table: [] for table in HSDS_TABLES}
    organizations: dict[str, dict[str, Any]] = {}
    for center in catalog.registry.centers:
        org_id = hsds_id("organization", center.operator.tr)
        organizations.setdefault(org_id, {"id": org_id, "name": center.operator.tr,
                                          "description": center.operator.tr, "email": None, "website": None})
        service_id = hsds_id(center.id, "service")
        services = ", ".join(strings.get(f"service.{s}", "tr") for s in center.services)
        fees = strings.get("access.free", "tr") if center.access.free else None
        tables["service"].append({
            "id": service_id, "organization_id": org_id, "name": center.name.tr,
            "alternate_name": center.name.en,
            "description": " ".join(p for p in (services + ".", center.notes.tr if center.notes else "") if p),
            "url": center.website, "email": center.email, "status": _HSDS_STATUS[center.status],
            "interpretation_services": center.interpreting.tr if center.interpreting else None,
            "application_process": strings.get(f"access.appointment.{center.access.appointment}", "tr"),
            "fees_description": fees,
            "eligibility_description": center.eligibility.tr if center.eligibility else None,
            "assured_date": center.verification.checked.isoformat(),
        })
        place, district, address = _placed(center, catalog), _district(center, catalog), _address(center)
        if place or district or address:
            location_id = hsds_id(center.id, "location")
            exact = place is not None and not place.from_district
            where = ", ".join(p for p in (address.tr if address else "", district[1].name if district else "",
                                          "İzmir") if p)
            transport = _transport(center)
            tables["location"].append({
                "id": location_id, "location_type": "physical", "organization_id": org_id, "name": center.name.tr,
                "description": where, "transportation": transport.tr if transport else None,
                # HSDS has no precision field: a district's reference point is not the center's place.
                "latitude": place.lat if exact and place else None, "longitude": place.lon if exact and place else None,
                "external_identifier": center.id, "external_identifier_type": "kdm-izmir center id",
            })
            tables["service_at_location"].append({"id": hsds_id(center.id, "service_at_location"),
                                                  "service_id": service_id, "location_id": location_id,
                                                  "description": None})
        for index, phone in enumerate(_phones(center)):
            label = phone.label.tr if phone.label else strings.get(f"phone.kind.{phone.kind}", "tr")
            when = f" ({strings.get('hours.line', 'tr', hours=opening_hours(phone.hours))})" if phone.hours else ""
            tables["phone"].append({"id": hsds_id(center.id, "phone", str(index), phone.number),
                                    "service_id": service_id, "number": phone.number, "extension": None,
                                    "type": "voice", "description": label + when})
        for code in center.languages:
            tables["language"].append({"id": hsds_id(center.id, "language", code), "service_id": service_id,
                                       "name": fmt.language(code), "code": code, "note": None})
        tables["schedule"] += _schedules(center, service_id, strings)
    tables["organization"] = list(organizations.values())
    return tables


def _schedules(center: Center, service_id: str, strings: Strings) -> list[dict[str, Any]]:
    """One row per time range, with every weekday that has it (HSDS: two ranges a day are two rows)."""
    hours = center.hours
    if hours is None:
        return []
    spans: dict[str, list[str]] = {}
    for day in WEEKDAYS:
        for span in ("00:00-23:59",) if hours.always_open else hours.day(day):
            spans.setdefault(span, []).append(day)
    notes = None if hours.always_open else strings.get(f"hours.holidays.{hours.public_holidays}", "tr")
    rows = []
    for span, days in spans.items():
        opens, closes = span.split("-")
        rows.append({"id": hsds_id(center.id, "schedule", span), "service_id": service_id, "freq": "WEEKLY",
                     "byday": ",".join(_OSM_DAYS[d].upper() for d in days), "wkst": "MO",
                     "opens_at": opens + _UTC_OFFSET, "closes_at": _closing(closes) + _UTC_OFFSET,
                     "timezone": 3, "description": opening_hours(hours), "notes": notes})
    return rows


def _closing(hhmm: str) -> str:
    return "23:59" if hhmm == "24:00" else hhmm


# --- schema.org JSON-LD -----------------------------------------------------------------------------------


def jsonld(center: Center, catalog: Catalog, lang: str, url: str, strings: Strings | None = None) -> dict[str, Any]:
    """schema.org markup for a center page in `lang`. Public bodies are GovernmentOffice (a place: address,
    geo and hours go on it); NGOs and the bar are NGO, an Organization, whose place is a `location` Place.
    A confidential entry is a bare Organization: name, operator, the national line; never a place."""
    government = center.kind in GOVERNMENT
    kind = "Organization" if center.confidential else "GovernmentOffice" if government else "NGO"
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": kind, "@id": url, "url": url,
                            "name": center.name.get(lang)}
    if lang != "tr":
        data["alternateName"] = center.name.tr
    data["parentOrganization"] = {"@type": "GovernmentOrganization" if government else "Organization",
                                  "name": center.operator.get(lang)}
    if center.notes is not None:
        data["description"] = center.notes.get(lang)
    data["knowsLanguage"] = list(center.languages)
    phones = _phones(center)
    if phones:
        data["telephone"] = phones[0].number
        data["contactPoint"] = [_contact_point(p, center, lang, strings) for p in phones]
    if center.email:
        data["email"] = center.email
    if center.website:
        data["sameAs"] = [center.website]
    if center.confidential:
        return data
    place, district, address = _placed(center, catalog), _district(center, catalog), _address(center)
    where: dict[str, Any] = {}
    if address or district:
        where["address"] = {"@type": "PostalAddress", **({"streetAddress": address.get(lang)} if address else {}),
                            **({"addressLocality": district[1].name} if district else {}),
                            "addressRegion": "İzmir", "addressCountry": "TR"}
    if place is not None and place.precision in PRECISE and not place.from_district:
        where["geo"] = {"@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon}
    if center.hours is not None:
        where["openingHoursSpecification"] = opening_hours_specification(center.hours)
    if government:
        data |= where
    else:
        if "address" in where:
            data["address"] = where["address"]
        if where:
            data["location"] = {"@type": "Place", "name": center.name.get(lang), **where}
    return data


def _contact_point(phone: Phone, center: Center, lang: str, strings: Strings | None) -> dict[str, Any]:
    point: dict[str, Any] = {"@type": "ContactPoint", "telephone": phone.number,
                             "availableLanguage": list(center.languages)}
    if phone.label is not None:
        point["contactType"] = phone.label.get(lang)
    elif strings is not None:
        point["contactType"] = strings.get(f"phone.kind.{phone.kind}", lang)
    if phone.hours is not None:
        point["hoursAvailable"] = opening_hours_specification(phone.hours)
    return point


def opening_hours_specification(hours: Hours) -> list[dict[str, Any]]:
    """One specification per time range with its weekdays; 24/7 is 00:00-23:59 every day."""
    spans: dict[str, list[str]] = {}
    for day in WEEKDAYS:
        for span in ("00:00-23:59",) if hours.always_open else hours.day(day):
            spans.setdefault(span, []).append(day)
    return [{"@type": "OpeningHoursSpecification", "dayOfWeek": [_SCHEMA_DAYS[d] for d in days],
             "opens": span.split("-")[0], "closes": _closing(span.split("-")[1])} for span, days in spans.items()]
