"""The locator's data: every public center as compact JSON for the page's script, plus its labels.

The page computes distances from the reader's position (which never leaves the phone) and the
open-now status in Europe/Istanbul time; everything it needs that depends on the registry, the
language or the holiday calendar is computed here, once, at build time.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from builder import phones as phone_numbers
from builder.catalog import Catalog
from builder.holiday_calendar import HALF_DAY_FROM, Holiday
from builder.hours import WEEKDAYS, Hours, minutes
from builder.i18n import Formatter, Strings
from builder.models import Center

PRECISE = ("exact", "street")
# Radius of the area drawn for an approximate location, in metres.
AREA_RADIUS = {"street": 250, "neighbourhood": 1200, "district": 4000}


def directions(center: Center, catalog: Catalog) -> dict[str, str] | None:
    """A geo: URI for Android's maps app and a web link for the others; by coordinates when they are
    precise, else by the address text (the maps app finds it), else nothing rather than a wrong place."""
    place = catalog.places.get(center.id)
    if place is not None and place.precision in PRECISE:
        point = f"{place.lat:.6f},{place.lon:.6f}"
        return {"geo": f"geo:{point}?q={point}", "web": f"https://www.openstreetmap.org/?mlat={place.lat:.6f}"
                f"&mlon={place.lon:.6f}#map=17/{place.lat:.6f}/{place.lon:.6f}",
                "apple": f"https://maps.apple.com/?daddr={point}"}
    if center.address is not None:
        district = catalog.district_of(center)
        query = ", ".join(p for p in (center.address.tr, district.name if district else "", "İzmir") if p)
        q = quote(query, safe="")
        return {"geo": f"geo:0,0?q={q}", "web": f"https://www.openstreetmap.org/search?query={q}",
                "apple": f"https://maps.apple.com/?q={q}"}
    return None


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


def data(catalog: Catalog, strings: Strings, lang: str, holidays: list[Holiday],
         center_url: Any) -> dict[str, Any]:
    """Everything the locator script needs for one language. `center_url(id)` gives the page link."""
    fmt = Formatter(lang)
    centers = []
    for center in catalog.public:
        place = catalog.places.get(center.id)
        district = catalog.district_of(center)
        centers.append({
            "id": center.id,
            "n": center.name.get(lang),
            "u": center_url(center.id),
            "d": district.name if district else "",
            "p": [round(place.lat, 6), round(place.lon, 6), place.precision] if place else None,
            "s": list(center.services),
            "l": list(center.languages),
            "h": compact_hours(center.hours),
            "g": directions(center, catalog),
        })
    services = sorted({s for c in catalog.public for s in c.services},
                      key=lambda s: strings.get(f"service.{s}", lang))
    languages = sorted({code for c in catalog.public for code in c.languages}, key=fmt.language)
    result = open_now_data(strings, lang, holidays, [c.hours for c in catalog.public if c.hours])
    result["labels"] |= {"services": {s: strings.get(f"service.{s}", lang) for s in services},
                         "languages": {code: fmt.language(code) for code in languages}}
    return result | {
        "centers": centers,
        "districts": [[key, d.name, d.lat, d.lon] for key, d in catalog.registry.districts.items()],
        "areas": AREA_RADIUS,
    }


def script_json(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no "</script>", no HTML comment, no line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
