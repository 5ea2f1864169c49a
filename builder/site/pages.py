"""Phase two: render the catalog into Markdown pages, one file per page and language (builder.site.page_file
makes each file). Returns {relative path: text}; writing is the writer's job.
"""

from __future__ import annotations

from typing import Final

from builder.languages import SITE_LANGUAGES, suffix
from builder.site import islands, jsonld, routes
from builder.site.catalog import Catalog
from builder.site.context import Context, Site
from builder.site.coverage_page import COORDINATOR_LANGUAGES, coverage_elsewhere, coverage_page
from builder.site.holidays import Holiday
from builder.site.i18n import Strings
from builder.site.page_file import GENERATED_MARK, island, render
from builder.site.public import PublicCenter
from builder.site.views import center_view, distance_text, hotline_view, hours_summary, phone_view

SHEET_CENTERS: Final = 6  # what fits on one A4 page with the emergency and the other lines
__all__ = ["GENERATED_MARK", "island", "render_all"]  # the page file's mark and island policy, for the engine


def render_all(
    catalog: Catalog,
    strings: Strings,
    site: Site,
    languages: tuple[str, ...] = SITE_LANGUAGES,
    holidays: tuple[Holiday, ...] = (),
) -> dict[str, str]:
    pages: dict[str, str] = {}
    for lang in languages:
        ctx = Context(catalog, strings, lang, holidays, site)
        sfx = suffix(lang)
        pages[f"{routes.HOME_FILE}{sfx}.md"] = home(ctx)
        pages[f"{routes.LOCATOR_DIR}/index{sfx}.md"] = locator_page(ctx)
        pages[f"{routes.SEARCH_DIR}/index{sfx}.md"] = search_page(ctx)
        pages[f"{routes.CENTERS_DIR}/index{sfx}.md"] = centers_index(ctx)
        pages[f"{routes.DISTRICTS_DIR}/index{sfx}.md"] = districts_index(ctx)
        for center in catalog.centers:
            pages[f"{routes.CENTERS_DIR}/{center.id}{sfx}.md"] = center_page(ctx, center)
        for key in catalog.districts:
            pages[f"{routes.DISTRICTS_DIR}/{key}{sfx}.md"] = district_page(ctx, key)
            pages[f"{routes.SHEETS_DIR}/{key}{sfx}.md"] = sheet_page(ctx, key)
        pages[f"{routes.COVERAGE_DIR}/index{sfx}.md"] = (
            coverage_page(ctx) if lang in COORDINATOR_LANGUAGES else coverage_elsewhere(ctx)
        )
    return pages


def center_page(ctx: Context, center: PublicCenter) -> str:
    base = routes.center(center.id)
    view = center_view(ctx, center, base, full=True)
    hours = islands.center_hours(ctx, center.hours) if center.hours is not None else None
    map_url = routes.relative(routes.locator(center.id), base) if center.place else ""
    url = routes.absolute(ctx.site.url, routes.page_path(ctx.lang, base))
    return render(
        view["name"],
        "center.html.j2",
        ctx,
        c=view,
        hours_data=hours,
        map_url=map_url,
        assets=routes.asset(ctx.lang, base),
        jsonld=jsonld.center(ctx, center, url),
        report_url=ctx.site.report_url,
    )


def search_page(ctx: Context) -> str:
    base = f"{routes.SEARCH_DIR}/"
    root = routes.to_site_root(ctx.lang, base)
    return render(
        ctx.t("search.title"),
        "search.html.j2",
        ctx,
        assets=routes.asset(ctx.lang, base),
        index_url=root + routes.search_index(ctx.lang),
        root_url=root,
        districts_url=routes.relative(f"{routes.DISTRICTS_DIR}/", base),
    )


def locator_page(ctx: Context) -> str:
    catalog, base = ctx.catalog, routes.locator()
    data = islands.locator(ctx)
    keys = data["districtKeys"]
    order = sorted(range(len(keys)), key=lambda i: catalog.districts_in_order().index(keys[i]))
    return render(
        ctx.t("locator.title"),
        "locator.html.j2",
        ctx,
        districts=[
            {
                "index": i,
                "label": catalog.districts[keys[i]].name,
                "url": routes.relative(routes.district(keys[i]), base),
            }
            for i in order
        ],
        services=data["labels"]["services"],
        languages=data["labels"]["languages"],
        data=data,
        center_url=islands.center_url_template(base),
        assets=routes.asset(ctx.lang, base),
    )


def district_page(ctx: Context, key: str) -> str:
    catalog, base = ctx.catalog, routes.district(key)
    name = catalog.districts[key].name
    nearest = [(center_view(ctx, d.center, base), distance_text(ctx, d)) for d in catalog.nearest[key]]
    title = ctx.t("district.title", name=name)
    return render(
        title,
        "district.html.j2",
        ctx,
        key=key,
        title=title,
        lead=ctx.t("district.lead", name=name),
        nearest=nearest,
        unplaced=[center_view(ctx, c, base) for c in catalog.unplaced],
        more=ctx.t("district.more", n=str(catalog.more[key])) if catalog.more[key] else "",
        locator_url=routes.relative(routes.locator(), base),
        sheet_url=routes.relative(routes.sheet(key), base),
        districts_url=routes.relative(f"{routes.DISTRICTS_DIR}/", base),
        centers_url=routes.relative(f"{routes.CENTERS_DIR}/", base),
    )


def sheet_page(ctx: Context, key: str) -> str:
    """An A4 sheet: the national lines and the nearest centers with phones and hours, for printing."""
    catalog = ctx.catalog
    name = catalog.districts[key].name
    centers = []
    for row in catalog.nearest[key][:SHEET_CENTERS]:
        center = row.center
        centers.append(
            {
                "name": center.name.get(ctx.lang),
                "distance": distance_text(ctx, row),
                "phones": [phone_view(ctx, p, center.phone_facts(p)) for p in center.phones],
                "hours": ctx.t("hours.unknown") if center.hours is None else hours_summary(ctx, center.hours),
            }
        )
    # In an emergency: 112 and ALO 183 only; the other lines follow under their own heading, each with what
    # it is for (153 is not a violence line).
    lines = [hotline_view(ctx, h) for h in catalog.hotlines]
    title = ctx.t("sheet.title", name=name)
    foot = ctx.t("sheet.foot", date=ctx.fmt.date(catalog.today))
    return render(
        title,
        "sheet.html.j2",
        ctx,
        key=key,
        title=title,
        lead=ctx.t("district.lead", name=name),
        centers=centers,
        foot=foot,
        emergency=[v for v, h in zip(lines, catalog.hotlines, strict=True) if h.emergency],
        others=[v for v, h in zip(lines, catalog.hotlines, strict=True) if not h.emergency],
    )


def centers_index(ctx: Context) -> str:
    catalog, base = ctx.catalog, f"{routes.CENTERS_DIR}/"
    groups = [
        {
            "anchor": key,
            "url": routes.relative(routes.district(key), base),
            "label": catalog.districts[key].name,
            "centers": [center_view(ctx, c, base) for c in centers],
        }
        for key, centers in catalog.by_district.items()
    ]
    return render(
        ctx.t("centers.title"),
        "centers_index.html.j2",
        ctx,
        groups=groups,
        unplaced=[center_view(ctx, c, base) for c in catalog.unplaced],
        confidential=[center_view(ctx, c, base) for c in catalog.confidential],
    )


def districts_index(ctx: Context) -> str:
    catalog, base = ctx.catalog, f"{routes.DISTRICTS_DIR}/"
    districts = [
        {
            "url": routes.relative(routes.district(k), base),
            "label": catalog.districts[k].name,
            "count": str(len(catalog.by_district.get(k, ()))),
        }
        for k in catalog.districts_in_order()
    ]
    return render(ctx.t("districts.title"), "districts_index.html.j2", ctx, districts=districts)


def home(ctx: Context) -> str:
    lines = ctx.catalog.hotlines
    return render(
        ctx.t("home.title"),
        "home.html.j2",
        ctx,
        emergency=[hotline_view(ctx, h) for h in lines if h.emergency],
        others=[hotline_view(ctx, h) for h in lines if not h.emergency],
        districts_url=f"{routes.DISTRICTS_DIR}/",
        centers_url=f"{routes.CENTERS_DIR}/",
        safety_url=f"{routes.SAFETY_PAGE}/",
        locator_url=routes.locator(),
    )
