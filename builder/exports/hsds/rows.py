"""The registry as HSDS 3.0 rows, one list per table (Turkish texts). Pure: a Catalog in, rows out.

One service per center; one organization per operator; a location only for a public center with an address,
a registry point or a district (a confidential entry never has one). A row carries only what is known: an
unknown value is left out (HSDS's schemas want a string or a number where a value is given, never null).
"""

from __future__ import annotations

from typing import Any, Final

from builder.exports.hsds import ids, taxonomy
from builder.exports.hsds.ids import hsds_id
from builder.exports.opendata import opening_hours
from builder.registry.hours import ALL_DAY, DAY_MINUTES, hhmm
from builder.registry.models import Phone
from builder.registry.sourcing import phone_key
from builder.site.catalog import Catalog
from builder.site.i18n import Formatter, Strings
from builder.site.public import PublicCenter

Row = dict[str, Any]
_STATUS: Final = {
    "active": "active",
    "opening-soon": "inactive",
    "temporarily-closed": "temporarily closed",
    "closed": "defunct",
}
_BYDAY: Final = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
UTC_OFFSET: Final = "+03:00"  # Europe/Istanbul has kept UTC+3 all year since 2016
UTC_HOURS: Final = 3
# RFC 6350's types, as HSDS asks: a number that takes texts or WhatsApp messages but no calls is "text".
_PHONE_TYPE: Final = {"voice": "voice", "sms": "text", "whatsapp": "text", "video": "video"}


def known(row: Row) -> Row:
    return {key: value for key, value in row.items() if value is not None and value != ""}


def tables(catalog: Catalog, strings: Strings, terms_url: str) -> dict[str, list[Row]]:
    """Every table, by HSDS name (builder.exports.hsds.fields.ALL); `terms_url` is where the taxonomy lives."""
    out: dict[str, list[Row]] = {name: [] for name in TABLE_NAMES}
    organizations: dict[str, Row] = {}
    for center in catalog.centers:
        org = ids.organization_id(center.operator.tr)
        organizations.setdefault(org, {"id": org, "name": center.operator.tr, "description": center.operator.tr})
        out["service"].append(service(center, strings, org))
        location = _location(center, catalog, org)
        if location is not None:
            out["location"].append(location)
            out["service_at_location"].append(
                {
                    "id": hsds_id(center.id, "service_at_location"),
                    "service_id": ids.service_id(center.id),
                    "location_id": location["id"],
                }
            )
            if center.access.wheelchair is not None:
                key = f"access.wheelchair.{'yes' if center.access.wheelchair else 'no'}"
                out["accessibility"].append(
                    {
                        "id": hsds_id(center.id, "accessibility"),
                        "location_id": location["id"],
                        "description": strings.get(key, "tr"),
                    }
                )
        out["phone"] += [phone(center, p, strings) for p in center.phones if p.number is not None]
        out["language"] += languages(center)
        out["schedule"] += schedules(center, strings)
        out["attribute"] += taxonomy.attributes(center.id, ids.service_id(center.id), center.services)
        out["metadata"] += metadata(center)
        out["evidence"] += evidence(center)
    out["organization"] = list(organizations.values())
    out["taxonomy"] = [taxonomy.taxonomy(terms_url)]
    out["taxonomy_term"] = taxonomy.terms(strings)
    return out


TABLE_NAMES: Final = (
    "organization", "service", "location", "service_at_location", "phone", "schedule", "language",
    "accessibility", "taxonomy", "taxonomy_term", "attribute", "metadata", "evidence",
)  # fmt: skip


def service(center: PublicCenter, strings: Strings, org: str) -> Row:
    listed = ", ".join(strings.get(f"service.{s}", "tr") for s in center.services)
    checked = max((c.date for c in center.verification.checks), default=None)
    return known(
        {
            "id": ids.service_id(center.id),
            "organization_id": org,
            "name": center.name.tr,
            "alternate_name": center.name.en,
            "description": " ".join(p for p in (listed + ".", center.notes.tr if center.notes else "") if p),
            "url": center.website,
            "email": center.email,
            "status": _STATUS[center.status],
            "interpretation_services": center.interpreting.tr if center.interpreting else None,
            "application_process": strings.get(f"access.appointment.{center.access.appointment}", "tr"),
            "fees_description": strings.get("access.free", "tr") if center.access.free else None,
            "eligibility_description": center.eligibility.tr if center.eligibility else None,
            "assured_date": checked.isoformat() if checked else None,
            # the profile's fields (builder.exports.hsds.profile)
            "center_id": center.id,
            "confidential": center.confidential,
            "evidence_status": center.evidence_status,
        }
    )


def _location(center: PublicCenter, catalog: Catalog, org: str) -> Row | None:
    place, district, address = center.place, catalog.district_of(center), center.address
    if center.confidential or not (place or district or address):
        return None
    where = ", ".join(p for p in (address.tr if address else "", district.name if district else "", "İzmir") if p)
    own = place is not None and not place.from_district  # a district's reference point is not the center's place
    return known(
        {
            "id": ids.location_id(center.id),
            "location_type": "physical",
            "organization_id": org,
            "name": center.name.tr,
            "description": where,
            "transportation": center.transport.tr if center.transport else None,
            "latitude": place.lat if own and place else None,
            "longitude": place.lon if own and place else None,
            "external_identifier": center.id,
            "external_identifier_type": "kdm-izmir center id",
            "precision": place.precision if own and place else None,
        }
    )


def phone_id(center_id: str, phone: Phone) -> str:
    return hsds_id(center_id, "phone", phone.key)


def phone(center: PublicCenter, phone: Phone, strings: Strings) -> Row:
    """A number with what it is: its kind (line_kind) and its label travel with it (invariant 9)."""
    label = phone.label.tr if phone.label else strings.get(f"phone.kind.{phone.kind}", "tr")
    when = f" ({strings.get('hours.line', 'tr', hours=opening_hours(phone.hours))})" if phone.hours else ""
    how = f" {phone.how.tr}" if phone.how else ""
    kinds = [_PHONE_TYPE[c] for c in phone.channels if c in _PHONE_TYPE]
    return {
        "id": phone_id(center.id, phone),
        "service_id": ids.service_id(center.id),
        "number": phone.number,
        "type": kinds[0] if kinds else "voice",
        "description": label + when + how,
        "line_kind": phone.kind,
    }


def languages(center: PublicCenter) -> list[Row]:
    fmt = Formatter("tr")
    return [
        {
            "id": hsds_id(center.id, "language", code),
            "service_id": ids.service_id(center.id),
            "name": fmt.language(code),
            "code": code,
        }
        for code in center.languages
    ]


def schedules(center: PublicCenter, strings: Strings) -> list[Row]:
    """One row per time range, with every weekday that has it (HSDS: two ranges a day are two rows)."""
    hours = center.hours
    if hours is None:
        return []  # unknown stays unknown: no schedule is guessed
    notes = None if hours.always_open else strings.get(f"hours.holidays.{hours.public_holidays}", "tr")
    rows = []
    for span, days in hours.by_span():
        closes = hhmm(min(span.end, DAY_MINUTES - 1))
        key = f"{hhmm(span.start)}-{closes}" if span == ALL_DAY else str(span)
        rows.append(
            known(
                {
                    "id": hsds_id(center.id, "schedule", key),
                    "service_id": ids.service_id(center.id),
                    "freq": "WEEKLY",
                    "byday": ",".join(_BYDAY[d] for d in days),
                    "wkst": "MO",
                    "opens_at": f"{hhmm(span.start)}:00{UTC_OFFSET}",  # Table Schema's time: HH:MM:SS
                    "closes_at": f"{closes}:00{UTC_OFFSET}",
                    "timezone": UTC_HOURS,
                    "description": opening_hours(hours),
                    "notes": notes,
                }
            )
        )
    return rows


def fact_value(center: PublicCenter, fact: str) -> str:
    """A published fact as text, for a metadata record of what a check confirmed."""
    if fact == "entry":
        return center.name.tr
    if fact == "address":
        return center.address.tr if center.address else ""
    if fact == "location":
        return f"{center.place.lat},{center.place.lon}" if center.place else ""
    if fact == "email":
        return center.email or ""
    if fact == "hours":
        return opening_hours(center.hours) if center.hours else ""
    if fact == "services":
        return "; ".join(center.services)
    if fact == "languages":
        return "; ".join(center.languages)
    return "; ".join(f"{k}={v}" for k, v in center.access.model_dump().items() if v is not None)  # access


def metadata(center: PublicCenter) -> list[Row]:
    """HSDS metadata from the registry's dated checks: who (a role, never a name), when, which field, what
    was confirmed. Only facts the entry publishes: a shelter's confirmed address is not a record here."""
    rows = []
    phones = {p.key: p for p in center.phones if p.number is not None}
    for index, check in enumerate(center.verification.checks):
        for item in check.confirmed:
            key = phone_key(item) or item
            if key in phones:
                resource, kind, field, value = phone_id(center.id, phones[key]), "phone", "number", key
            elif item in center.facts:
                resource, kind, field, value = ids.service_id(center.id), "service", item, fact_value(center, item)
            else:
                continue
            rows.append(
                {
                    "id": hsds_id(center.id, "metadata", str(index), item),
                    "resource_id": resource,
                    "resource_type": kind,
                    "last_action_date": check.date.isoformat(),
                    "last_action_type": f"confirmed by {check.method}",
                    "field_name": field,
                    "previous_value": value,  # a confirmation changes nothing: the value before is the value after
                    "replacement_value": value,
                    "updated_by": check.by,
                }
            )
    return rows


def evidence(center: PublicCenter) -> list[Row]:
    """The profile's table: what each published fact rests on (its strongest basis, its age, its sources)."""
    rows = []
    phones = {f"phone:{p.key}": p for p in center.phones if p.number is not None}
    for name, fact in center.facts.items():
        as_of = fact.as_of()
        rows.append(
            known(
                {
                    "id": hsds_id(center.id, "evidence", name),
                    "service_id": ids.service_id(center.id),
                    "phone_id": phone_id(center.id, phones[name]) if name in phones else None,
                    "fact": fact.fact,
                    "basis": fact.basis,
                    "as_of": as_of.isoformat() if as_of else None,
                    "sources": " ".join(s.url for s in fact.sources),
                }
            )
        )
    return rows
