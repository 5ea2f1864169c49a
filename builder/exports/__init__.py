"""Open data written with the site, under data/ beside the pages: JSON, GeoJSON and CSV (with its data
package), Open Referral HSDS 3.0 (tables, data package, static API, profile), and Atom feeds of changes."""

from __future__ import annotations

import json
from typing import Any

from builder.exports import coverage, datapackage, feed, hsds, opendata
from builder.exports.feed import Version
from builder.languages import SITE_LANGUAGES
from builder.site import coverage as site_coverage
from builder.site import routes
from builder.site.catalog import Catalog
from builder.site.i18n import Strings


def files(
    catalog: Catalog,
    strings: Strings,
    site_url: str,
    history: tuple[Version, ...] | None,
    languages: tuple[str, ...] = SITE_LANGUAGES,
) -> dict[str, str]:
    """Every open-data file: path relative to the site root -> text. Dated by the catalog's clock; `history` is
    the registry's versions (builder.exports.history), None when there is no history to read."""
    out = {
        opendata.JSON_FILE: dump(opendata.centers_document(catalog, strings, languages)),
        opendata.GEOJSON_FILE: dump(opendata.geojson(catalog)),
        opendata.CSV_FILE: opendata.csv_text(catalog),
        datapackage.FILE: dump(datapackage.package(catalog, site_url)),
        routes.data_file(site_coverage.CSV_FILE): coverage.csv_text(catalog),
        routes.data_file(site_coverage.MATRIX_CSV_FILE): coverage.matrix_csv_text(catalog),
    }
    out |= hsds.files(catalog, strings, site_url, languages)
    out |= {routes.feed(lang): feed.feed(catalog, strings, site_url, history, lang) for lang in languages}
    return out


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
