"""The data islands of the pages: what the locator and open-now scripts read from a
`<script type="application/json">` element, as data, never as code.

The page computes distances from the reader's position (which never leaves the phone) and the open-now
status in Europe/Istanbul time; everything it needs that depends on the registry, the language or the
holiday calendar is computed here, once, at build time. Times come with their labels already formatted.
"""

from __future__ import annotations

from typing import Any, Final

from builder.registry.hours import WEEKDAYS, Hours
from builder.site import routes
from builder.site.catalog import Catalog
from builder.site.context import Context
from builder.site.holidays import HALF_DAY_FROM
from builder.site.public import PublicCenter
from builder.site.views import phone_view

PRECISE: Final = ("exact", "street")
PRECISIONS: Final = ("exact", "street", "neighbourhood", "district")
# Radius of the area drawn for an approximate location, in metres.
AREA_RADIUS: Final = {"street": 250, "neighbourhood": 1200, "district": 4000}


def address_query(center: PublicCenter, catalog: Catalog) -> str:
    """What the maps app searches for when a center has no precise point (locator.js builds the links)."""
    if center.address is None:
        return ""
    district = catalog.district_of(center)
    return ", ".join(p for p in (center.address.tr, district.name if district else "", "İzmir") if p)


def compact_hours(hours: Hours | None) -> dict[str, Any] | None:
    """{"a": 1} for 24/7, else {"w": [[weekday index, start minute, end minute], ...], "h": holidays}."""
    if hours is None:
        return None
    if hours.always_open:
        return {"a": 1}
    week = [[index, span.start, span.end] for index, (_, spans) in enumerate(hours.week()) for span in spans]
    return {"w": week, "h": hours.public_holidays}


def open_now(ctx: Context, hours: list[Hours]) -> dict[str, Any]:
    """What hours.js needs besides the hours: holidays, and labels with every time already formatted."""
    fmt, half_day = ctx.fmt, HALF_DAY_FROM
    used = {half_day}.union(*(h.boundaries() for h in hours if not h.always_open))
    return {
        "holidays": {h.date.isoformat(): [1 if h.half_day else 0, h.names[ctx.lang]] for h in ctx.holidays},
        "halfDayFrom": half_day,
        "labels": {
            "days": [fmt.weekday(d) for d in WEEKDAYS],
            "times": {str(m): fmt.time(m) for m in sorted(used)},
            **{
                key.split(".", 2)[2]: ctx.strings.get(key, ctx.lang)
                for key in ctx.strings.table
                if key.startswith("locator.js.")
            },
        },
    }


def access_codes(center: PublicCenter) -> list[int]:
    """[walk in, no ID asked, wheelchair access], each 1 (yes), 0 (no) or -1 (not known): the locator's filters
    show only the yeses and say how many they hid for want of an answer."""
    access = center.access
    walk_in = {"walk-in": 1, "recommended": 1, "required": 0}.get(access.appointment, -1)
    no_id = -1 if access.id_required is None else int(not access.id_required)
    wheelchair = -1 if access.wheelchair is None else int(access.wheelchair)
    return [walk_in, no_id, wheelchair]


def center_hours(ctx: Context, hours: Hours) -> dict[str, Any]:
    """A center page's open-now island."""
    return open_now(ctx, [hours]) | {"h": compact_hours(hours)}


def locator(ctx: Context) -> dict[str, Any]:
    """Everything the locator script needs for one language, compact: it is the page's largest part.

    centers: [id, name, district index, [lat, lon, precision index] | 0, service indexes, language indexes,
              [[link (tel:, sms: ...), the number as shown, what the line is], ...], hours | 0, address query | "",
              transport hint | "", [walk in, no ID, wheelchair] (1 yes, 0 no, -1 unknown)]
    """
    catalog, lang, fmt = ctx.catalog, ctx.lang, ctx.fmt
    district_keys = list(catalog.districts)
    services = sorted({s for c in catalog.public for s in c.services}, key=lambda s: ctx.t(f"service.{s}"))
    languages = sorted({code for c in catalog.public for code in c.languages}, key=fmt.language)
    centers = []
    for center in catalog.public:
        place = center.place
        precise = place is not None and place.precision in PRECISE
        centers.append(
            [
                center.id,
                center.name.get(lang),
                district_keys.index(center.district) if center.district else -1,
                [round(place.lat, 5), round(place.lon, 5), PRECISIONS.index(place.precision)] if place else 0,
                [services.index(s) for s in center.services],
                [languages.index(code) for code in center.languages],
                [
                    [v["tel"], v["display"], v["note"]]
                    for v in (phone_view(ctx, p, center.phone_facts(p)) for p in center.phones)
                ],
                compact_hours(center.hours) or 0,
                "" if precise else address_query(center, catalog),
                center.transport.get(lang) if center.transport else "",
                access_codes(center),
            ]
        )
    result = open_now(ctx, [c.hours for c in catalog.public if c.hours])
    result["labels"] |= {
        "services": [ctx.t(f"service.{s}") for s in services],
        "languages": [fmt.language(code) for code in languages],
        "call": ctx.t("phone.call"),
        "directions": ctx.t("locator.directions"),
    }
    return result | {
        "centers": centers,
        "serviceCodes": services,
        "languageCodes": languages,
        "precisions": list(PRECISIONS),
        "districts": [[d.name, d.lat, d.lon] for d in catalog.districts.values()],
        "districtKeys": district_keys,
        "areas": AREA_RADIUS,
    }


def center_url_template(base: str) -> str:
    """The center page URL, relative to page `base`, with `{id}` for the script to fill in."""
    return routes.relative(routes.center(routes.ID), base)
