"""The confidentiality gate: what of a center may be published, the one door that pages, islands, JSON-LD
and every export pass through (invariant 5).

Validation already refuses a confidential entry (a shelter) with an address, a place or a district. This
gate holds even when it did not: a confidential entry comes out without address, district, transport note
or point, and with only the phones that route through a national line (its own numbers could locate it).
Everything after phase one sees `PublicCenter`, never the registry's `Center`.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.registry.evidence import Verification
from builder.registry.hours import Hours
from builder.registry.models import Access, Center, District, Kind, Localized, Phone, Precision, Service, Status
from builder.site import evidence
from builder.site.evidence import FactEvidence


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    precision: Precision
    from_district: bool  # True when the registry gives no point and the district's reference point stands in
    source: str | None = None  # how the registry's point was found (operator, visit, map, geocoded)


@dataclass(frozen=True)
class PublicCenter:
    id: str
    name: Localized
    kind: Kind
    operator: Localized
    status: Status
    confidential: bool
    district: str | None  # a key of the districts; None when unknown or confidential
    address: Localized | None
    place: Place | None  # where the center is drawn; None when unknown or confidential
    transport: Localized | None
    phones: tuple[Phone, ...]
    email: str | None
    website: str | None
    hours: Hours | None
    services: tuple[Service, ...]
    languages: tuple[str, ...]
    interpreting: Localized | None
    eligibility: Localized | None
    access: Access
    notes: Localized | None
    verification: Verification
    facts: dict[str, FactEvidence]  # what each published fact rests on ("address", "phone:+90232…", ...)
    evidence_status: evidence.Status  # verified, partial or unverified: derived from the evidence, never typed

    def phone_facts(self, phone: Phone) -> FactEvidence:
        return self.facts[f"phone:{phone.key}"]


def publish(center: Center, districts: dict[str, District]) -> PublicCenter:
    hidden = center.confidential
    district = center.district if not hidden and center.district in districts else None
    phones = tuple(p for p in center.phones if p.kind == "national" or not hidden)
    shown = {f"phone:{p.key}" for p in phones} | (
        {"entry", "services", "hours", "access", "languages", "email"}
        if hidden
        else {"entry", "services", "hours", "access", "languages", "email", "address", "location"}
    )
    facts = {name: fact for name, fact in evidence.facts(center).items() if name in shown}
    return PublicCenter(
        id=center.id,
        name=center.name,
        kind=center.kind,
        operator=center.operator,
        status=center.status,
        confidential=hidden,
        district=district,
        address=None if hidden else center.address,
        place=None if hidden else _place(center, districts),
        transport=None if hidden else center.transport,
        phones=phones,
        email=center.email,
        website=center.website,
        hours=center.hours,
        services=tuple(center.services),
        languages=tuple(center.languages),
        interpreting=center.interpreting,
        eligibility=center.eligibility,
        access=center.access,
        notes=center.notes,
        verification=_visible(center.verification, facts),
        facts=facts,
        evidence_status=evidence.status(center),
    )


def _visible(verification: Verification, facts: dict[str, FactEvidence]) -> Verification:
    """Only the sources of published facts: a source that gave a shelter's address is not listed either."""
    used = {s.id for fact in facts.values() for s in fact.sources}
    return verification.model_copy(update={"sources": [s for s in verification.sources if s.id in used]})


def _place(center: Center, districts: dict[str, District]) -> Place | None:
    if center.location is not None:
        loc = center.location
        return Place(loc.lat, loc.lon, loc.precision, from_district=False, source=loc.source)
    if center.district is not None and center.district in districts:
        d = districts[center.district]
        return Place(d.lat, d.lon, "district", from_district=True)
    return None
