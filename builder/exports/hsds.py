"""The registry as Open Referral HSDS tables (Turkish texts). Pure: a Catalog in, rows out.

One service per center; one organization per operator (by its Turkish name); a location only for a
public center with an address, a registry point or a district. Ids are UUIDs: uuid5 of
"<center id>/<table>[/<key>]" keeps them stable across builds.
"""

from __future__ import annotations

import uuid
from typing import Any, Final

from builder.exports.opendata import opening_hours
from builder.registry.hours import ALL_DAY, DAY_MINUTES, hhmm
from builder.site import routes
from builder.site.catalog import Catalog
from builder.site.i18n import Formatter, Strings
from builder.site.public import PublicCenter

HSDS_DIR: Final = routes.data_file("hsds")
TABLES: Final = ("organization", "service", "location", "service_at_location", "phone", "schedule", "language")
_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "urn:kdm-izmir:registry")
_STATUS: Final = {
    "active": "active",
    "opening-soon": "inactive",
    "temporarily-closed": "temporarily closed",
    "closed": "defunct",
}
_BYDAY: Final = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
_UTC_OFFSET: Final = "+03:00"  # Europe/Istanbul has kept UTC+3 all year since 2016


def hsds_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def tables(catalog: Catalog, strings: Strings) -> dict[str, list[dict[str, Any]]]:
    fmt = Formatter("tr")
    out: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    organizations: dict[str, dict[str, Any]] = {}
    for center in catalog.centers:
        org_id = hsds_id("organization", center.operator.tr)
        organizations.setdefault(
            org_id,
            {
                "id": org_id,
                "name": center.operator.tr,
                "description": center.operator.tr,
                "email": None,
                "website": None,
            },
        )
        service_id = hsds_id(center.id, "service")
        services = ", ".join(strings.get(f"service.{s}", "tr") for s in center.services)
        fees = strings.get("access.free", "tr") if center.access.free else None
        out["service"].append(
            {
                "id": service_id,
                "organization_id": org_id,
                "name": center.name.tr,
                "alternate_name": center.name.en,
                "description": " ".join(p for p in (services + ".", center.notes.tr if center.notes else "") if p),
                "url": center.website,
                "email": center.email,
                "status": _STATUS[center.status],
                "interpretation_services": center.interpreting.tr if center.interpreting else None,
                "application_process": strings.get(f"access.appointment.{center.access.appointment}", "tr"),
                "fees_description": fees,
                "eligibility_description": center.eligibility.tr if center.eligibility else None,
                "assured_date": (
                    checked.isoformat()
                    if (checked := max((c.date for c in center.verification.checks), default=None))
                    else None
                ),
            }
        )
        location = _location(center, catalog, org_id)
        if location is not None:
            out["location"].append(location)
            out["service_at_location"].append(
                {
                    "id": hsds_id(center.id, "service_at_location"),
                    "service_id": service_id,
                    "location_id": location["id"],
                    "description": None,
                }
            )
        for index, phone in enumerate(center.phones):
            if phone.number is None:
                continue  # a web or video route: HSDS phones are numbers
            label = phone.label.tr if phone.label else strings.get(f"phone.kind.{phone.kind}", "tr")
            when = f" ({strings.get('hours.line', 'tr', hours=opening_hours(phone.hours))})" if phone.hours else ""
            out["phone"].append(
                {
                    "id": hsds_id(center.id, "phone", str(index), phone.number),
                    "service_id": service_id,
                    "number": phone.number,
                    "extension": None,
                    "type": "voice",
                    "description": label + when,
                }
            )
        for code in center.languages:
            out["language"].append(
                {
                    "id": hsds_id(center.id, "language", code),
                    "service_id": service_id,
                    "name": fmt.language(code),
                    "code": code,
                    "note": None,
                }
            )
        out["schedule"] += _schedules(center, service_id, strings)
    out["organization"] = list(organizations.values())
    return out


def _location(center: PublicCenter, catalog: Catalog, org_id: str) -> dict[str, Any] | None:
    place, district, address = center.place, catalog.district_of(center), center.address
    if not (place or district or address):
        return None
    exact = place is not None and not place.from_district
    where = ", ".join(p for p in (address.tr if address else "", district.name if district else "", "İzmir") if p)
    return {
        "id": hsds_id(center.id, "location"),
        "location_type": "physical",
        "organization_id": org_id,
        "name": center.name.tr,
        "description": where,
        "transportation": center.transport.tr if center.transport else None,
        # HSDS has no precision field: a district's reference point is not the center's place.
        "latitude": place.lat if exact and place else None,
        "longitude": place.lon if exact and place else None,
        "external_identifier": center.id,
        "external_identifier_type": "kdm-izmir center id",
    }


def _schedules(center: PublicCenter, service_id: str, strings: Strings) -> list[dict[str, Any]]:
    """One row per time range, with every weekday that has it (HSDS: two ranges a day are two rows)."""
    hours = center.hours
    if hours is None:
        return []
    notes = None if hours.always_open else strings.get(f"hours.holidays.{hours.public_holidays}", "tr")
    rows = []
    for span, days in hours.by_span():
        closes = hhmm(min(span.end, DAY_MINUTES - 1))
        key = f"{hhmm(span.start)}-{closes}" if span == ALL_DAY else str(span)
        rows.append(
            {
                "id": hsds_id(center.id, "schedule", key),
                "service_id": service_id,
                "freq": "WEEKLY",
                "byday": ",".join(_BYDAY[d] for d in days),
                "wkst": "MO",
                "opens_at": hhmm(span.start) + _UTC_OFFSET,
                "closes_at": closes + _UTC_OFFSET,
                "timezone": 3,
                "description": opening_hours(hours),
                "notes": notes,
            }
        )
    return rows
