"""Phase two, first step: plain strings for the templates, per language. Formatting only: distances,
places, hours and evidence were derived in phase one; templates only place these strings.

Every number is shown for what it is (invariant 9): its kind and label, and what it rests on, travel with it.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from builder.registry import phones as phone_numbers
from builder.registry.evidence import FACTS
from builder.registry.hours import Hours
from builder.registry.models import Hotline, Localized, Phone
from builder.site import citations, evidence, routes
from builder.site.catalog import Distance
from builder.site.context import Context
from builder.site.evidence import FactEvidence
from builder.site.public import PublicCenter


def center_view(ctx: Context, center: PublicCenter, base: str, full: bool = False) -> dict[str, Any]:
    t, lang = ctx.t, ctx.lang
    view: dict[str, Any] = {
        "id": center.id,
        "url": routes.relative(routes.center(center.id), base),
        "name": center.name.get(lang),
        "kind": t(f"kind.{center.kind}"),
        "status_note": "" if center.status == "active" else t(f"status.{center.status}"),
        "phones": [phone_view(ctx, p, center.phone_facts(p)) for p in center.phones],
    }
    return view | _details(ctx, center, base) if full else view


def _details(ctx: Context, center: PublicCenter, base: str) -> dict[str, Any]:
    t, fmt, lang = ctx.t, ctx.fmt, ctx.lang
    district = ctx.catalog.district_of(center)
    place, hours, today = center.place, center.hours, ctx.catalog.today
    facts = center.facts
    old = evidence.old_address(center.facts.get("address"), today) if center.address else None
    return {
        "operator": center.operator.get(lang),
        "confidential": center.confidential,
        "address": text(center.address, lang),
        "old_address": t("evidence.old_address", when=citations.when(ctx, old)) if old else "",
        "district": {"url": routes.relative(routes.district(center.district), base), "label": district.name}
        if district and center.district
        else None,
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
        "evidence": {name: citations.fact_view(ctx, facts.get(name)) for name in FACTS},
        "verification": t(f"verification.{center.evidence_status}"),
        "status_code": center.evidence_status,
        "stale": t("verification.stale") if evidence.is_stale(facts.values(), today) else "",
        "sources": citations.sources_view(ctx, list(center.verification.sources)),
        "checks": citations.checks_view(ctx, list(center.verification.checks), fact_names(ctx, center)),
    }


def fact_names(ctx: Context, center: PublicCenter) -> dict[str, str]:
    """A check's names of facts, in words: "address" -> "adres", "0232 362 57 77" -> "telefon (0232) 362 57 77"."""
    names = {
        name: ctx.t(f"fact.{name}")
        for name in ("entry", "address", "location", "email", "hours", "services", "access", "languages")
    }
    for check in center.verification.checks:
        for name in (*check.confirmed, *check.wrong):
            if name not in names:
                key = _phone_key(name)
                shown = phone_numbers.national(key) if key else name
                names[name] = f"{ctx.t('fact.phone')} {shown}"
    return names


def _phone_key(text: str) -> str | None:
    try:
        return phone_numbers.normalize(text)
    except ValueError:
        return None


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


def phone_note(ctx: Context, phone: Phone, fact: FactEvidence | None = None) -> str:
    """What the line is, in words, beside every number: its kind first, always (a switchboard is never taken for
    the centre's own line), then its label, or what the kind means; a direct line says what confirmed it."""
    badge = ctx.t(f"phone.badge.{phone.kind}")
    cited = f"{badge} ({citations.fact_text(ctx, fact)})" if phone.kind == "direct" and fact is not None else badge
    if phone.label:
        return f"{cited}. {phone.label.get(ctx.lang)}"
    meaning = ctx.t(f"phone.kind.{phone.kind}")  # "General line; ask for the centre" begins with its badge
    return cited + meaning[len(badge) :] if meaning.startswith(badge) else f"{cited}. {meaning}"


def phone_links(ctx: Context, phone: Phone) -> list[dict[str, str]]:
    """One link per way to use it: call, text, WhatsApp, or open a video or web route."""
    links = []
    for channel in phone.channels:
        if phone.number is not None and channel in ("voice", "video"):
            links.append(
                {
                    "href": phone_numbers.tel_uri(phone.number),
                    "verb": ctx.t("phone.call"),
                    "display": phone_numbers.national(phone.number),
                    "channel": channel,
                }
            )
        elif phone.number is not None and channel == "sms":
            links.append(
                {
                    "href": phone_numbers.sms_uri(phone.number),
                    "verb": ctx.t("phone.text"),
                    "display": phone_numbers.national(phone.number),
                    "channel": channel,
                }
            )
        elif phone.number is not None and channel == "whatsapp":
            links.append(
                {
                    "href": phone_numbers.whatsapp_uri(phone.number),
                    "verb": ctx.t("phone.channel.whatsapp"),
                    "display": phone_numbers.national(phone.number),
                    "channel": channel,
                }
            )
        elif phone.url is not None:
            links.append(
                {
                    "href": phone.url,
                    "verb": ctx.t("phone.open"),
                    "display": urlsplit(phone.url).hostname or phone.url,
                    "channel": channel,
                }
            )
    return links


def phone_view(ctx: Context, phone: Phone, fact: FactEvidence | None = None) -> dict[str, Any]:
    links = phone_links(ctx, phone)
    other = [ctx.t(f"phone.channel.{c}") for c in phone.channels if c != "voice"]
    return {
        "links": links,
        "tel": links[0]["href"],
        "display": links[0]["display"],
        "kind": phone.kind,
        "note": phone_note(ctx, phone, fact),
        "channels": ctx.fmt.join(other),
        "how": phone.how.get(ctx.lang) if phone.how else "",
        "hours": ctx.t("hours.line", hours=hours_summary(ctx, phone.hours)) if phone.hours else "",
        "evidence": citations.fact_view(ctx, fact),
    }


def hotline_view(ctx: Context, hotline: Hotline) -> dict[str, Any]:
    return {
        "name": hotline.name.get(ctx.lang),
        "description": hotline.description.get(ctx.lang),
        "phones": [phone_view(ctx, p, evidence.phone_evidence(hotline.verification, p)) for p in hotline.phones],
    }


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


# The national and city lines a sentence may tell her to call: "ALO 183", "Alo 153", "112" ...
# Not inside a longer number (6284, 1.153) and not only after a word boundary: Arabic and Persian write "و156".
_LINE = re.compile(r"(?<![\d.,/])((?:ALO|Alo|YİMER) )?(112|183|153|157|155|156)(?!\d)(?![.,]\d)")


def link_lines(escaped: str) -> str:
    """Escaped text with every national or city line it names made a call link."""
    return _LINE.sub(lambda m: f'<a class="kdm-tel-link" href="tel:{m.group(2)}" dir="ltr">{m.group(0)}</a>', escaped)


def tel_links(value: str) -> Markup:
    """The text, escaped, with every line it names made a call link (invariant: one tap to call). A filter
    for interface sentences in the body of a page; never for attributes."""
    return Markup(link_lines(str(escape(value))))  # noqa: S704  (escaped first; link_lines adds only <a href="tel:">)
