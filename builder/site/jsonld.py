"""schema.org JSON-LD for a center page: what search engines and other sites read of a center.

Public bodies are GovernmentOffice (a place: address, geo and hours go on it); NGOs and the bar are NGO, an
Organization, whose place is a `location` Place. A confidential entry is a bare Organization: name,
operator, the national line; never a place. Only a center's own direct line is its `telephone`: a general
switchboard or a national line is a ContactPoint that says what it is (invariant 9).
"""

from __future__ import annotations

from typing import Any, Final

from builder.registry.hours import DAY_MINUTES, Hours, hhmm
from builder.registry.models import Phone
from builder.site.context import Context
from builder.site.islands import PRECISE
from builder.site.public import PublicCenter
from builder.site.views import phone_note

GOVERNMENT: Final = frozenset(
    {"metropolitan-counseling", "municipal-counseling", "municipal-unit", "state-violence-prevention"}
)
_DAYS: Final = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def center(ctx: Context, center: PublicCenter, url: str) -> dict[str, Any]:
    """The markup of `center`'s page in ctx.lang; `url` is the page's address."""
    lang, government = ctx.lang, center.kind in GOVERNMENT
    kind = "Organization" if center.confidential else "GovernmentOffice" if government else "NGO"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": url,
        "url": url,
        "name": center.name.get(lang),
    }
    if lang != "tr":
        data["alternateName"] = center.name.tr
    data["parentOrganization"] = {
        "@type": "GovernmentOrganization" if government else "Organization",
        "name": center.operator.get(lang),
    }
    if center.notes is not None:
        data["description"] = center.notes.get(lang)
    data["knowsLanguage"] = list(center.languages)
    direct = [p for p in center.phones if p.kind == "direct"]
    if direct:
        data["telephone"] = direct[0].number
    if center.phones:
        data["contactPoint"] = [contact_point(ctx, p, center.languages) for p in center.phones]
    if center.email:
        data["email"] = center.email
    if center.website:
        data["sameAs"] = [center.website]
    if center.confidential:
        return data
    where = _place(ctx, center)
    if government:
        data |= where
    else:
        if "address" in where:
            data["address"] = where["address"]
        if where:
            data["location"] = {"@type": "Place", "name": center.name.get(lang), **where}
    return data


def _place(ctx: Context, center: PublicCenter) -> dict[str, Any]:
    where: dict[str, Any] = {}
    district = ctx.catalog.district_of(center)
    if center.address or district:
        where["address"] = {
            "@type": "PostalAddress",
            **({"streetAddress": center.address.get(ctx.lang)} if center.address else {}),
            **({"addressLocality": district.name} if district else {}),
            "addressRegion": "İzmir",
            "addressCountry": "TR",
        }
    place = center.place
    if place is not None and place.precision in PRECISE and not place.from_district:
        where["geo"] = {"@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon}
    if center.hours is not None:
        where["openingHoursSpecification"] = opening_hours_specification(center.hours)
    return where


def contact_point(ctx: Context, phone: Phone, languages: tuple[str, ...]) -> dict[str, Any]:
    point: dict[str, Any] = {
        "@type": "ContactPoint",
        "telephone": phone.number,
        "contactType": phone_note(ctx, phone),
        "availableLanguage": list(languages),
    }
    if phone.hours is not None:
        point["hoursAvailable"] = opening_hours_specification(phone.hours)
    return point


def opening_hours_specification(hours: Hours) -> list[dict[str, Any]]:
    """One specification per time range with its weekdays; 24/7 is 00:00-23:59 every day."""
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [_DAYS[d] for d in days],
            "opens": hhmm(span.start),
            "closes": hhmm(min(span.end, DAY_MINUTES - 1)),
        }
        for span, days in hours.by_span()
    ]
