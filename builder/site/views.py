"""Phase two, first step: plain strings for the templates, per language. Formatting only: distances,
places and hours were derived in phase one; templates only place these strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from builder.registry import phones as phone_numbers
from builder.registry.hours import Hours
from builder.registry.models import Hotline, Localized, Phone
from builder.site import freshness, routes
from builder.site.catalog import Catalog, Distance
from builder.site.holidays import Holiday
from builder.site.i18n import Formatter, Strings
from builder.site.public import PublicCenter


@dataclass(frozen=True)
class Context:
    """What every page of one language is rendered with."""

    catalog: Catalog
    strings: Strings
    lang: str
    holidays: tuple[Holiday, ...] = ()

    def t(self, key: str, **values: str) -> str:
        return self.strings.get(key, self.lang, **values)

    @property
    def fmt(self) -> Formatter:
        return Formatter(self.lang)


def center_view(ctx: Context, center: PublicCenter, base: str, full: bool = False) -> dict[str, Any]:
    t, lang = ctx.t, ctx.lang
    view: dict[str, Any] = {
        "id": center.id,
        "url": routes.relative(routes.center(center.id), base),
        "name": center.name.get(lang),
        "kind": t(f"kind.{center.kind}"),
        "status_note": "" if center.status == "active" else t(f"status.{center.status}"),
        "phones": [phone_view(ctx, p) for p in center.phones],
    }
    return view | _details(ctx, center, base) if full else view


def _details(ctx: Context, center: PublicCenter, base: str) -> dict[str, Any]:
    t, fmt, lang = ctx.t, ctx.fmt, ctx.lang
    district = ctx.catalog.district_of(center)
    place, hours = center.place, center.hours
    return {
        "operator": center.operator.get(lang),
        "confidential": center.confidential,
        "address": text(center.address, lang),
        "district": {"url": routes.relative(routes.district(center.district), base), "label": district.name}
        if district and center.district else None,
        "approximate_note": t("distance.approx_note") if place and place.from_district else "",
        "email": center.email or "",
        "website": center.website or "",
        "website_label": (urlsplit(center.website).hostname or center.website) if center.website else "",
        "hours_always": bool(hours and hours.always_open),
        "hours_week": fmt.week(hours) if hours and not hours.always_open else [],
        "holidays": t(f"hours.holidays.{hours.public_holidays}") if hours and not hours.always_open else "",
        "services": [t(f"service.{s}") for s in center.services],
        "languages": fmt.join([fmt.language(code) for code in center.languages]),
        "interpreting": text(center.interpreting, lang),
        "eligibility": text(center.eligibility, lang),
        "access": access_view(ctx, center),
        "transport": text(center.transport, lang),
        "notes": text(center.notes, lang),
        "checked": fmt.date(center.verification.checked),
        "checked_iso": center.verification.checked.isoformat(),
        "verification": t(f"verification.{center.verification.status}"),
        "stale": t("verification.stale") if freshness.is_stale(center, ctx.catalog.today) else "",
        "sources": list(center.verification.sources),
    }


def access_view(ctx: Context, center: PublicCenter) -> list[str]:
    access = center.access
    out = [ctx.t(f"access.appointment.{access.appointment}")]
    if access.free:
        out.append(ctx.t("access.free"))
    if access.wheelchair is not None:
        out.append(ctx.t(f"access.wheelchair.{'yes' if access.wheelchair else 'no'}"))
    if access.id_required is not None:
        out.append(ctx.t(f"access.id.{'yes' if access.id_required else 'no'}"))
    return out


def phone_note(ctx: Context, phone: Phone) -> str:
    """What the line is, in words: its label, or its kind."""
    return phone.label.get(ctx.lang) if phone.label else ctx.t(f"phone.kind.{phone.kind}")


def phone_view(ctx: Context, phone: Phone) -> dict[str, str]:
    return {
        "tel": phone_numbers.tel_uri(phone.number),
        "display": phone_numbers.national(phone.number),
        "note": phone_note(ctx, phone),
        "hours": ctx.t("hours.line", hours=hours_summary(ctx, phone.hours)) if phone.hours else "",
    }


def hotline_view(ctx: Context, hotline: Hotline) -> dict[str, Any]:
    return {"name": hotline.name.get(ctx.lang), "description": hotline.description.get(ctx.lang),
            "phones": [phone_view(ctx, p) for p in hotline.phones]}


def hours_summary(ctx: Context, hours: Hours) -> str:
    """One line: "Monday–Friday 08:30–17:30"; runs of weekdays with equal times are joined."""
    if hours.always_open:
        return ctx.t("hours.always")
    return "; ".join(f"{ctx.fmt.days(run.days)} {ctx.fmt.spans(run.spans)}" for run in hours.runs())


def distance_text(ctx: Context, distance: Distance) -> str:
    if distance.same_district:
        return ctx.t("district.in_district")
    km = ctx.fmt.km(distance.km)
    return ctx.t("distance.approx" if distance.approximate else "distance.km", km=km)


def text(value: Localized | None, lang: str) -> str:
    return value.get(lang) if value is not None else ""
