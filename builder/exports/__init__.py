"""Open data written with the site: JSON, GeoJSON, CSV and Open Referral HSDS, under data/ beside the pages."""

from __future__ import annotations

import json
from typing import Any

from builder.exports import coverage, hsds, opendata
from builder.languages import SITE_LANGUAGES
from builder.site import coverage as site_coverage
from builder.site import routes
from builder.site.catalog import Catalog
from builder.site.i18n import Strings


def files(catalog: Catalog, strings: Strings, languages: tuple[str, ...] = SITE_LANGUAGES) -> dict[str, str]:
    """Every open-data file: path relative to the site root -> text. Dated by the catalog's clock."""
    out = {
        opendata.JSON_FILE: dump(opendata.centers_document(catalog, strings, languages)),
        opendata.GEOJSON_FILE: dump(opendata.geojson(catalog)),
        opendata.CSV_FILE: opendata.csv_text(catalog),
        routes.data_file(site_coverage.CSV_FILE): coverage.csv_text(catalog),
        routes.data_file(site_coverage.MATRIX_CSV_FILE): coverage.matrix_csv_text(catalog),
    }
    out |= {f"{hsds.HSDS_DIR}/{table}.json": dump(rows) for table, rows in hsds.tables(catalog, strings).items()}
    return out


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
