"""The coverage page's tables as CSV: the districts (data/kapsam.csv, one row per district) and the centres ×
services matrix (data/kapsam-hizmetler.csv, one row per centre). Machine-readable column names, numbers
without formatting, lists separated by `;`: the same figures as /kapsam/ (builder.site.coverage)."""

from __future__ import annotations

import csv
import io

from builder.site import coverage
from builder.site.catalog import Catalog

COLUMNS = (
    "district",
    "district_name",
    "centres_listed",
    "centre_ids",
    "nearest_centre_id",
    "nearest_km",
    "nearest_approximate",
    "band",
    "missing_services",
    "facts_shown",
    "facts_confirmed_by_call",
    "population_year",
    "population_total",
    "population_women",
    "population_source",
    "centres_per_100k_women",
)


def csv_text(catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in coverage.coverage(catalog).districts:
        nearest, population = row.nearest, row.population
        per_women = row.per_100k_women
        writer.writerow(
            [
                row.key,
                row.name,
                len(row.own),
                ";".join(c.id for c in row.own),
                nearest.center.id if nearest else "",
                f"{nearest.km:.1f}" if nearest else "",
                str(nearest.approximate).lower() if nearest else "",
                row.band,
                ";".join(row.missing),
                row.facts_shown,
                row.facts_called,
                population.year if population else "",
                population.total if population else "",
                population.women if population else "",
                population.source.url if population else "",
                f"{per_women:.2f}" if per_women is not None else "",
            ]
        )
    return out.getvalue()


def matrix_csv_text(catalog: Catalog) -> str:
    """One row per centre: its id (empty for a confidential one, which is named only), name, and 1 or 0 per
    service of the minimum set (0: not listed, which does not mean not offered)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["centre", "name", "confidential", *coverage.MINIMUM])
    for center, offered in coverage.coverage(catalog).matrix:
        ident = "" if center.confidential else center.id
        flags = [int(s in offered) for s in coverage.MINIMUM]
        writer.writerow([ident, center.name.tr, str(center.confidential).lower(), *flags])
    return out.getvalue()
