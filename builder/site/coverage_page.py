"""The coverage page for coordinators (/kapsam/, Turkish and English): the district table, the centres ×
services matrix, a link to the same table as CSV, and the map of district points, drawn on demand. The figures
come from builder.site.coverage; this module only words them."""

from __future__ import annotations

from typing import Any, Final

from builder.site import coverage, routes
from builder.site.context import Context
from builder.site.page_file import render
from builder.site.views import distance_text

COORDINATOR_LANGUAGES: Final = ("tr", "en")  # the page's languages (its strings have no others)
OWN_SHOWN: Final = 5  # a district's centres named in its row; the rest are on the district's page


def coverage_page(ctx: Context) -> str:
    """For coordinators: the district table, the centres × services matrix, the CSV, the map on demand."""
    catalog, base, t, fmt = ctx.catalog, routes.coverage(), ctx.t, ctx.fmt
    found = coverage.coverage(catalog)
    labels = [t(f"service.{s}") if s != coverage.INTERPRETING else t("coverage.interpreting") for s in coverage.MINIMUM]
    far = fmt.number(coverage.REACH_KM)
    shown, called = coverage.facts_called(catalog.public)
    summary = [
        t("coverage.with_centre", n=str(found.with_centre), total=str(len(found.districts))),
        t("coverage.far", n=str(found.count("far") + found.count("none")), km=far),
        t("coverage.unplaced", n=str(found.unplaced)),
        t("coverage.called", shown=str(shown), called=str(called)),
    ]
    rows: list[dict[str, Any]] = []
    for row in found.districts:
        link = {"name": row.name, "url": routes.relative(routes.district(row.key), base)}
        nearest = row.nearest
        population = row.population
        rows.append(
            {
                **link,
                "key": row.key,
                "band": row.band,
                "own": [
                    {"name": c.name.get(ctx.lang), "url": routes.relative(routes.center(c.id), base)}
                    for c in row.own[:OWN_SHOWN]
                ],
                "more": t("coverage.more", n=str(len(row.own) - OWN_SHOWN)) if len(row.own) > OWN_SHOWN else "",
                "nearest": None
                if nearest is None
                else {
                    "name": nearest.center.name.get(ctx.lang),
                    "distance": distance_text(ctx, nearest),
                    "url": routes.relative(routes.center(nearest.center.id), base),
                },
                "missing": fmt.join([labels[coverage.MINIMUM.index(s)] for s in row.missing])
                or t("coverage.all_found"),
                "facts": f"{row.facts_called} / {row.facts_shown}" if row.own else "—",
                "population": None
                if population is None
                else {
                    "figure": t(
                        "coverage.figure",
                        total=fmt.number(population.total),
                        women=fmt.number(population.women),
                        year=str(population.year),
                    ),
                    "source": t("coverage.figure_source", publisher=population.source.publisher),
                    "url": population.source.url,
                },
                "per_women": "—" if row.per_100k_women is None else fmt.number(row.per_100k_women, 1),
            }
        )
    shown_matrix = found.matrix if len(found.matrix) <= coverage.MATRIX_ROWS else ()
    matrix = [
        {
            "name": c.name.get(ctx.lang),
            "url": "" if c.confidential else routes.relative(routes.center(c.id), base),
            "cells": [s in offered for s in coverage.MINIMUM],
        }
        for c, offered in shown_matrix
    ]
    near = fmt.number(coverage.NEAR_KM)
    bands = [
        {"key": b, "count": str(found.count(b)), "label": t(f"coverage.band.{b}", km=near if b == "near" else far)}
        for b in coverage.BANDS
    ]
    data = {
        "districts": [
            [
                r.name,
                catalog.districts[r.key].lat,
                catalog.districts[r.key].lon,
                r.band,
                distance_text(ctx, r.nearest) if r.nearest else "",
            ]
            for r in found.districts
        ],
        "bands": {b["key"]: b["label"] for b in bands},
    }
    root = routes.to_site_root(ctx.lang, base)
    return render(
        t("coverage.title"),
        "coverage.html.j2",
        ctx,
        lead=t("coverage.lead", date=fmt.date(catalog.today)),
        summary=summary,
        rows=rows,
        matrix=matrix,
        services=labels,
        bands=bands,
        data=data,
        totals=[str(found.offering(s)) for s in coverage.MINIMUM],
        assets=routes.asset(ctx.lang, base),
        missing_head=t("coverage.missing", km=far),
        csv_url=root + routes.data_file(coverage.CSV_FILE),
        matrix_csv_url=root + routes.data_file(coverage.MATRIX_CSV_FILE),
        matrix_left=t("coverage.matrix_in_csv", n=str(len(found.matrix))) if not shown_matrix else "",
        data_url=routes.relative(f"{routes.DATA_PAGE}/", base),
    )


def coverage_elsewhere(ctx: Context) -> str:
    """The page in a language it is not written in: a sentence in that language and the two real pages."""
    base = routes.coverage()
    here = routes.page_path(ctx.lang, base)
    links = [
        {
            "lang": lang,
            "url": routes.relative(routes.page_path(lang, base), here),
            "label": ctx.strings.get("coverage.title", lang),
        }
        for lang in COORDINATOR_LANGUAGES
    ]
    title = ctx.strings.get("coverage.title", "en")
    return render(title, "coverage_elsewhere.html.j2", ctx, title=title, links=links)
