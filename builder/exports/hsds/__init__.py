"""The registry as Open Referral HSDS 3.0, in its three forms, under data/hsds/:

- the tabular form: one CSV per table (HSDS's own file names) and datapackage.json, a Frictionless tabular
  data package describing them (fields, types, required fields, keys);
- the same tables as JSON: <table>.json, an array of rows each;
- the API form: api/index.json (`GET /`), api/services.json (`GET /services`), one api/services/<id>.json per
  service (`GET /services/{id}`: the compiled service with its nested objects), and the lists of
  organizations, taxonomies and taxonomy terms;
and the kdm-izmir profile (profile.json, profile/*.json) that declares what HSDS has no field for.
Pure: a Catalog in, file texts out. Every center arrives through the confidentiality gate.
"""

from __future__ import annotations

from typing import Any, Final

from builder.exports.hsds import api, profile, tabular
from builder.exports.hsds.fields import ALL
from builder.exports.hsds.ids import hsds_id
from builder.exports.hsds.rows import tables
from builder.exports.opendata import ATTRIBUTION, LICENSE, LICENSE_URL
from builder.languages import SITE_LANGUAGES
from builder.site import routes
from builder.site.catalog import Catalog
from builder.site.i18n import Strings

__all__ = ["HSDS_DIR", "TABLES", "files", "hsds_id", "tables"]

HSDS_DIR: Final = routes.HSDS_DIR
TABLES: Final = tuple(t.name for t in ALL)


def data_pages(site_url: str, languages: tuple[str, ...] = SITE_LANGUAGES) -> dict[str, str]:
    return {lang: routes.absolute(site_url, routes.page_path(lang, f"{routes.DATA_PAGE}/")) for lang in languages}


def files(
    catalog: Catalog, strings: Strings, site_url: str, languages: tuple[str, ...] = SITE_LANGUAGES
) -> dict[str, str]:
    """Every HSDS file: path from the site root -> text."""
    terms_url = routes.absolute(site_url, routes.hsds_api("/taxonomy_terms"))
    rows = tables(catalog, strings, terms_url)
    pages = data_pages(site_url, languages)
    meta: dict[str, Any] = {
        "title": "İzmir Kadın Danışma Merkezleri — HSDS 3.0",
        "description": "The registry of women's counseling centres in İzmir as Open Referral HSDS 3.0 tables.",
        "version": profile.VERSION,
        "created": f"{catalog.today.isoformat()}T00:00:00+03:00",
        "homepage": pages[languages[0]],
        "licenses": [{"name": LICENSE, "path": LICENSE_URL, "title": "Creative Commons Attribution 4.0"}],
        "contributors": [{"title": ATTRIBUTION, "role": "author"}],
        "hsds": {"version": tabular.HSDS_VERSION, "profile": profile.url(site_url)},
    }
    out = {f"{HSDS_DIR}/{name}": text for name, text in tabular.files(rows, meta).items()}
    values = api.files(rows, profile.url(site_url), site_url) | profile.files(site_url, pages)
    out |= {path: tabular.compact(value) for path, value in values.items()}
    return out
