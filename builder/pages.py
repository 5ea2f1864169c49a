"""Phase two: render the catalog into Markdown pages, one file per page and language.

Each page is YAML front matter plus an HTML block rendered by Jinja with autoescape on, so that no
registry string is ever read as Markdown or HTML. Returns {relative path: text}; writing is writer's job.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from builder import locator
from builder import phones as phone_numbers
from builder.catalog import Catalog, Distance, turkish_key
from builder.holiday_calendar import Holiday
from builder.hours import WEEKDAYS, Hours
from builder.i18n import Formatter, Strings
from builder.languages import SITE_LANGUAGES, suffix, url_prefix
from builder.models import Center, Hotline, Phone

CENTERS_DIR = "merkezler"
DISTRICTS_DIR = "ilceler"
LOCATOR_DIR = "bul"
SEARCH_DIR = "ara"
GENERATED_DIRS = (CENTERS_DIR, DISTRICTS_DIR, LOCATOR_DIR, SEARCH_DIR)
HOME_FILE = "index"
SAFETY_PAGE = "guvenli-gezinme"  # hand-written: content/guvenli-gezinme*.md

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=False,
    keep_trailing_newline=True,
)


def center_url(center_id: str) -> str:
    return f"{CENTERS_DIR}/{center_id}/"


def district_url(key: str) -> str:
    return f"{DISTRICTS_DIR}/{key}/"


def asset_url(lang: str, base: str) -> str:
    """The site's assets/ folder, seen from page `base` of language `lang` (assets live at the root)."""
    return posixpath.relpath("/assets", "/" + url_prefix(lang) + base) + "/"


def relative(target: str, base: str) -> str:
    """A link from page URL `base` to page URL `target`, both relative to the language root."""
    rel = posixpath.relpath("/" + target, "/" + base)
    return "./" if rel == "." else rel.rstrip("/") + "/"


@dataclass(frozen=True)
class Context:
    catalog: Catalog
    strings: Strings
    lang: str
    holidays: tuple[Holiday, ...] = ()

    def t(self, key: str, **values: str) -> str:
        return self.strings.get(key, self.lang, **values)

    @property
    def fmt(self) -> Formatter:
        return Formatter(self.lang)


def render_all(catalog: Catalog, strings: Strings, languages: tuple[str, ...] = SITE_LANGUAGES,
               holidays: tuple[Holiday, ...] = (), map_html: str = "") -> dict[str, str]:
    """`map_html` is the folium map's element (mapview.markup()); its script is served as a file."""
    pages: dict[str, str] = {}
    for lang in languages:
        ctx = Context(catalog, strings, lang, holidays)
        sfx = suffix(lang)
        pages[f"{HOME_FILE}{sfx}.md"] = home(ctx)
        pages[f"{LOCATOR_DIR}/index{sfx}.md"] = locator_page(ctx, map_html)
        pages[f"{SEARCH_DIR}/index{sfx}.md"] = search_page(ctx)
        pages[f"{CENTERS_DIR}/index{sfx}.md"] = centers_index(ctx)
        pages[f"{DISTRICTS_DIR}/index{sfx}.md"] = districts_index(ctx)
        for center in catalog.registry.centers:
            pages[f"{CENTERS_DIR}/{center.id}{sfx}.md"] = center_page(ctx, center)
        for key in catalog.registry.districts:
            pages[f"{DISTRICTS_DIR}/{key}{sfx}.md"] = district_page(ctx, key)
    return pages


# --- pages -----------------------------------------------------------------------------------------------


def center_page(ctx: Context, center: Center) -> str:
    base = center_url(center.id)
    view = center_view(ctx, center, base, full=True)
    hours_data = None
    if center.hours is not None and not center.confidential:
        hours_data = locator.script_json({**locator.open_now_data(ctx.strings, ctx.lang, list(ctx.holidays),
                                                                   [center.hours]),
                                          "h": locator.compact_hours(center.hours)})
    map_url = (relative(f"{LOCATOR_DIR}/", base) + f"#merkez={center.id}") if center.id in ctx.catalog.places else ""
    return _page(view["name"], "center.html.j2", ctx, c=view, hours_data=hours_data, map_url=map_url,
                 assets=asset_url(ctx.lang, base))


def search_page(ctx: Context) -> str:
    base, root = f"{SEARCH_DIR}/", "/" + url_prefix(ctx.lang) + f"{SEARCH_DIR}/"
    return _page(ctx.t("search.title"), "search.html.j2", ctx, assets=asset_url(ctx.lang, base),
                 index_url=posixpath.relpath(f"/search/{ctx.lang}.json", root),
                 root_url=posixpath.relpath("/", root) + "/", districts_url=relative(f"{DISTRICTS_DIR}/", base))


def locator_page(ctx: Context, map_html: str) -> str:
    catalog, base = ctx.catalog, f"{LOCATOR_DIR}/"
    data = locator.data(catalog, ctx.strings, ctx.lang, list(ctx.holidays))
    keys = data["districtKeys"]
    order = sorted(range(len(keys)), key=lambda i: turkish_key(catalog.registry.districts[keys[i]].name))
    return _page(ctx.t("locator.title"), "locator.html.j2", ctx,
                 districts=[{"index": i, "label": catalog.registry.districts[keys[i]].name,
                             "url": relative(district_url(keys[i]), base)} for i in order],
                 services=data["labels"]["services"], languages=data["labels"]["languages"],
                 map_html=map_html, data_json=locator.script_json(data),
                 assets=asset_url(ctx.lang, base), root_url=relative("", base))


def district_page(ctx: Context, key: str) -> str:
    catalog, base = ctx.catalog, district_url(key)
    name = catalog.registry.districts[key].name
    nearest = [(center_view(ctx, d.center, base), distance_text(ctx, d)) for d in catalog.nearest[key]]
    title = ctx.t("district.title", name=name)
    return _page(title, "district.html.j2", ctx, key=key, title=title, lead=ctx.t("district.lead", name=name),
                 nearest=nearest, unplaced=[center_view(ctx, c, base) for c in catalog.unplaced],
                 more=ctx.t("district.more", n=str(catalog.more[key])) if catalog.more[key] else "",
                 locator_url=relative(f"{LOCATOR_DIR}/", base),
                 districts_url=relative(f"{DISTRICTS_DIR}/", base), centers_url=relative(f"{CENTERS_DIR}/", base))


def centers_index(ctx: Context) -> str:
    catalog, base = ctx.catalog, f"{CENTERS_DIR}/"
    groups = [
        {"anchor": key, "url": relative(district_url(key), base), "label": catalog.registry.districts[key].name,
         "centers": [center_view(ctx, c, base) for c in centers]}
        for key, centers in catalog.by_district.items()
    ]
    return _page(ctx.t("centers.title"), "centers_index.html.j2", ctx, groups=groups,
                 unplaced=[center_view(ctx, c, base) for c in catalog.unplaced],
                 confidential=[center_view(ctx, c, base) for c in catalog.confidential])


def districts_index(ctx: Context) -> str:
    catalog, base = ctx.catalog, f"{DISTRICTS_DIR}/"
    order = sorted(catalog.registry.districts, key=lambda k: turkish_key(catalog.registry.districts[k].name))
    districts = [{"url": relative(district_url(k), base), "label": catalog.registry.districts[k].name,
                  "count": str(len(catalog.by_district.get(k, ())))} for k in order]
    return _page(ctx.t("districts.title"), "districts_index.html.j2", ctx, districts=districts)


def home(ctx: Context) -> str:
    lines = ctx.catalog.registry.hotlines
    return _page(ctx.t("home.title"), "home.html.j2", ctx,
                 emergency=[hotline_view(ctx, h) for h in lines if h.emergency],
                 others=[hotline_view(ctx, h) for h in lines if not h.emergency],
                 districts_url=f"{DISTRICTS_DIR}/", centers_url=f"{CENTERS_DIR}/", safety_url=f"{SAFETY_PAGE}/",
                 locator_url=f"{LOCATOR_DIR}/")


# --- views: plain strings for the templates ----------------------------------------------------------------


def center_view(ctx: Context, center: Center, base: str, full: bool = False) -> dict[str, Any]:
    t, fmt, lang = ctx.t, ctx.fmt, ctx.lang
    view: dict[str, Any] = {
        "id": center.id,
        "url": relative(center_url(center.id), base),
        "name": center.name.get(lang),
        "kind": t(f"kind.{center.kind}"),
        "status_note": "" if center.status == "active" else t(f"status.{center.status}"),
        "phones": [phone_view(ctx, p) for p in center.phones],
    }
    if not full:
        return view
    district = ctx.catalog.district_of(center)
    place = ctx.catalog.places.get(center.id)
    hours = center.hours
    access = [t(f"access.appointment.{center.access.appointment}")]
    if center.access.free:
        access.append(t("access.free"))
    if center.access.wheelchair is not None:
        access.append(t(f"access.wheelchair.{'yes' if center.access.wheelchair else 'no'}"))
    if center.access.id_required is not None:
        access.append(t(f"access.id.{'yes' if center.access.id_required else 'no'}"))
    view |= {
        "operator": center.operator.get(lang),
        "confidential": center.confidential,
        "address": center.address.get(lang) if center.address else "",
        "district": {"url": relative(district_url(center.district), base), "label": district.name}
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
        "interpreting": _text(center.interpreting, lang),
        "eligibility": _text(center.eligibility, lang),
        "access": access,
        "transport": _text(center.transport, lang),
        "notes": _text(center.notes, lang),
        "checked": fmt.date(center.verification.checked),
        "checked_iso": center.verification.checked.isoformat(),
        "verification": t(f"verification.{center.verification.status}"),
        "sources": list(center.verification.sources),
    }
    return view


def phone_view(ctx: Context, phone: Phone) -> dict[str, str]:
    note = phone.label.get(ctx.lang) if phone.label else ctx.t(f"phone.kind.{phone.kind}")
    return {
        "tel": phone_numbers.tel_uri(phone.number),
        "display": phone_numbers.national(phone.number),
        "note": note,
        "hours": ctx.t("hours.line", hours=hours_summary(ctx, phone.hours)) if phone.hours else "",
    }


def hotline_view(ctx: Context, hotline: Hotline) -> dict[str, Any]:
    return {"name": hotline.name.get(ctx.lang), "description": hotline.description.get(ctx.lang),
            "phones": [phone_view(ctx, p) for p in hotline.phones]}


def hours_summary(ctx: Context, hours: Hours) -> str:
    """One line: "Monday–Friday 08:30–17:30"; runs of weekdays with equal times are joined."""
    if hours.always_open:
        return ctx.t("hours.always")
    parts = []
    for spans, run in groupby(WEEKDAYS, key=hours.day):
        days = list(run)
        if not spans:
            continue
        label = ctx.fmt.weekday(days[0]) + (f"–{ctx.fmt.weekday(days[-1])}" if len(days) > 1 else "")
        parts.append(f"{label} {', '.join(ctx.fmt.span(s) for s in spans)}")
    return "; ".join(parts)


def distance_text(ctx: Context, distance: Distance) -> str:
    if distance.same_district:
        return ctx.t("district.in_district")
    km = ctx.fmt.km(distance.km)
    return ctx.t("distance.approx" if distance.approximate else "distance.km", km=km)


def _text(value: Any, lang: str) -> str:
    return value.get(lang) if value is not None else ""


# --- the file ---------------------------------------------------------------------------------------------


def _page(page_title: str, template: str, ctx: Context, **values: Any) -> str:
    body = _env.get_template(template).render(t=ctx.t, **values)
    # MkDocs and Material print page.meta.title without escaping: it is escaped here, once.
    front = f"---\ntitle: {yaml_quote(html.escape(page_title))}\nhide:\n  - toc\n---\n\n"
    return front + body.strip() + "\n"


def yaml_quote(text: str) -> str:
    """A YAML double-quoted scalar that survives any input: everything outside printable ASCII is escaped."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'
