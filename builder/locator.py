"""The locator's data: every public center as compact JSON for the page's script, plus its labels.

The page computes distances from the reader's position (which never leaves the phone) and the
open-now status in Europe/Istanbul time; everything it needs that depends on the registry, the
language or the holiday calendar is computed here, once, at build time.
"""

from __future__ import annotations

import json
from typing import Any

from builder import phones as phone_numbers
from builder.catalog import Catalog
from builder.holiday_calendar import HALF_DAY_FROM, Holiday
from builder.hours import WEEKDAYS, Hours, minutes
from builder.i18n import Formatter, Strings
from builder.models import Center

PRECISE = ("exact", "street")
# Radius of the area drawn for an approximate location, in metres.
AREA_RADIUS = {"street": 250, "neighbourhood": 1200, "district": 4000}


def address_query(center: Center, catalog: Catalog) -> str:
    """What the maps app searches for when a center has no precise point (locator.js builds the links)."""
    if center.address is None:
        return ""
    district = catalog.district_of(center)
    return ", ".join(p for p in (center.address.tr, district.name if district else "", "İzmir") if p)


def compact_hours(hours: Hours | None) -> dict[str, Any] | None:
    if hours is None:
        return None
    if hours.always_open:
        return {"a": 1}
    week = [[index, minutes(span.split("-")[0]), minutes(span.split("-")[1])]
            for index, day in enumerate(WEEKDAYS) for span in hours.day(day)]
    return {"w": week, "h": hours.public_holidays}


def open_now_data(strings: Strings, lang: str, holidays: list[Holiday], hours: list[Hours]) -> dict[str, Any]:
    """What hours.js needs besides the hours: holidays, and labels with every time already formatted."""
    fmt = Formatter(lang)
    used = {minutes(HALF_DAY_FROM)}
    for item in hours:
        compact = compact_hours(item)
        if compact and "w" in compact:
            used |= {m for _, start, end in compact["w"] for m in (start, end)}
    return {
        "holidays": {h.date.isoformat(): [1 if h.half_day else 0, h.names[lang]] for h in holidays},
        "halfDayFrom": minutes(HALF_DAY_FROM),
        "labels": {
            "days": [fmt.weekday(d) for d in WEEKDAYS],
            "times": {str(m): fmt.time(f"{m // 60:02d}:{m % 60:02d}") for m in sorted(used)},
            **{key.split(".", 2)[2]: strings.get(key, lang) for key in strings.table if key.startswith("locator.js.")},
        },
    }


def data(catalog: Catalog, strings: Strings, lang: str, holidays: list[Holiday]) -> dict[str, Any]:
    """Everything the locator script needs for one language, compact: it is the page's largest part.

    centers: [id, name, district index, [lat, lon, precision index] | 0, service indexes, language indexes,
              [[E.164, national], ...], hours | 0, address query for directions | "", transport hint | ""]
    """
    fmt = Formatter(lang)
    district_keys = list(catalog.registry.districts)
    services = sorted({s for c in catalog.public for s in c.services}, key=lambda s: strings.get(f"service.{s}", lang))
    languages = sorted({code for c in catalog.public for code in c.languages}, key=fmt.language)
    precisions = ["exact", "street", "neighbourhood", "district"]
    centers = []
    for center in catalog.public:
        place = catalog.places.get(center.id)
        precise = place is not None and place.precision in PRECISE
        centers.append([
            center.id,
            center.name.get(lang),
            district_keys.index(center.district) if center.district in catalog.registry.districts else -1,
            [round(place.lat, 5), round(place.lon, 5), precisions.index(place.precision)] if place else 0,
            [services.index(s) for s in center.services],
            [languages.index(code) for code in center.languages],
            [[p.number, phone_numbers.national(p.number)] for p in center.phones],
            compact_hours(center.hours) or 0,
            "" if precise else address_query(center, catalog),
            center.transport.get(lang) if center.transport else "",
        ])
    result = open_now_data(strings, lang, holidays, [c.hours for c in catalog.public if c.hours])
    result["labels"] |= {"services": [strings.get(f"service.{s}", lang) for s in services],
                         "languages": [fmt.language(code) for code in languages],
                         "call": strings.get("phone.call", lang),
                         "directions": strings.get("locator.directions", lang)}
    return result | {
        "centers": centers,
        "serviceCodes": services,
        "languageCodes": languages,
        "precisions": precisions,
        "districts": [[d.name, d.lat, d.lon] for d in catalog.registry.districts.values()],
        "districtKeys": district_keys,
        "areas": AREA_RADIUS,
    }


def script_json(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no "</script>", no HTML comment, no line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
