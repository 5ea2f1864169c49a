"""data/datapackage.json: centers.csv and the coverage tables (kapsam.csv, kapsam-hizmetler.csv) described by
Frictionless Table Schemas in one data package, so that `frictionless validate` (and every tool that reads data
packages) knows each column's type and values."""

from __future__ import annotations

from typing import Any, Final, get_args

from builder.exports import coverage as coverage_csv
from builder.exports import opendata
from builder.registry.models import Kind, Precision, Status
from builder.site import coverage, evidence, routes
from builder.site.catalog import Catalog

FILE: Final = routes.data_file("datapackage.json")
NAME: Final = "kdm-izmir-centers"
_TYPES: Final[dict[str, dict[str, Any]]] = {
    "id": {"constraints": {"required": True, "unique": True, "pattern": "[a-z0-9]+(-[a-z0-9]+)*"}},
    "name": {"constraints": {"required": True}},
    "kind": {"constraints": {"required": True, "enum": list(get_args(Kind))}},
    "operator": {"constraints": {"required": True}},
    "status": {"constraints": {"required": True, "enum": list(get_args(Status))}},
    "latitude": {"type": "number"},
    "longitude": {"type": "number"},
    "precision": {"constraints": {"enum": list(get_args(Precision))}},
    "location_source": {"constraints": {"enum": [opendata.FROM_REGISTRY, opendata.FROM_DISTRICT]}},
    "email": {"format": "email"},
    "website": {"format": "uri"},
    "confidential": {"type": "boolean", "constraints": {"required": True}},
    "verification_status": {"constraints": {"required": True, "enum": list(get_args(evidence.Status))}},
    "newest_evidence": {"type": "date"},
    "page": {"constraints": {"required": True}},
}
_DESCRIPTIONS: Final = {
    "phones": "The center's numbers as written in Türkiye, separated by '; ' (phones_kind, phones_label and "
    "phones_tel hold the same numbers' kind, label and tel: link in the same order).",
    "latitude": "WGS 84; empty for a confidential entry or an unknown place.",
    "location_source": "'district reference point': the point is the district's, not the center's place.",
    "opening_hours": "OpenStreetMap opening_hours syntax, Europe/Istanbul time; empty = unknown.",
    "page": "The center's page, from the site's address.",
}


_COUNT: Final = {"type": "integer", "constraints": {"required": True, "minimum": 0}}
_COVERAGE_TYPES: Final[dict[str, dict[str, Any]]] = {
    "district": {"constraints": {"required": True, "unique": True}},
    "district_name": {"constraints": {"required": True}},
    "centres_listed": _COUNT,
    "nearest_km": {"type": "number", "constraints": {"minimum": 0}},
    "nearest_approximate": {"type": "boolean"},
    "band": {"constraints": {"required": True, "enum": list(coverage.BANDS)}},
    "facts_shown": _COUNT,
    "facts_confirmed_by_call": _COUNT,
    "population_year": {"type": "integer"},
    "population_total": {"type": "integer"},
    "population_women": {"type": "integer"},
    "population_source": {"format": "uri"},
    "centres_per_100k_women": {"type": "number"},
}
_COVERAGE_DESCRIPTIONS: Final = {
    "centre_ids": "The ids of the centres listed in the district, separated by ';'.",
    "nearest_km": "Straight-line distance from the district's reference point to the nearest listed centre.",
    "missing_services": "The services of the minimum common set not found within reach, separated by ';'.",
    "population_year": "Empty where no sourced official figure exists: none is estimated.",
}
_FLAG: Final = {"type": "integer", "constraints": {"required": True, "enum": [0, 1]}}
_MATRIX_TYPES: Final[dict[str, dict[str, Any]]] = {
    "centre": {"description": "The centre's id; empty for a confidential entry, which is named only."},
    "name": {"constraints": {"required": True}},
    "confidential": {"type": "boolean", "constraints": {"required": True}},
    **{
        s: _FLAG | {"description": "1: the centre lists it; 0: not listed (not: not offered)."}
        for s in coverage.MINIMUM
    },
}


def field(name: str) -> dict[str, Any]:
    return {"name": name, "type": "string", **_TYPES.get(name, {})} | (
        {"description": _DESCRIPTIONS[name]} if name in _DESCRIPTIONS else {}
    )


def _coverage_field(name: str) -> dict[str, Any]:
    described = {"description": _COVERAGE_DESCRIPTIONS[name]} if name in _COVERAGE_DESCRIPTIONS else {}
    return {"name": name, "type": "string", **_COVERAGE_TYPES.get(name, {})} | described


def _csv(name: str, path: str, title: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def package(catalog: Catalog, site_url: str) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "İzmir Kadın Danışma Merkezleri",
        "version": opendata.SCHEMA_VERSION,
        "created": f"{catalog.today.isoformat()}T00:00:00+03:00",
        "homepage": routes.absolute(site_url, f"{routes.DATA_PAGE}/"),
        "licenses": [
            {"name": opendata.LICENSE, "path": opendata.LICENSE_URL, "title": "Creative Commons Attribution 4.0"}
        ],
        "contributors": [{"title": opendata.ATTRIBUTION, "role": "author"}],
        "resources": [
            {
                "name": "centers",
                "path": opendata.CSV_FILE.rsplit("/", 1)[-1],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",  # with a byte-order mark, so that Excel shows ş, ğ and ı
                "schema": {"fields": [field(c) for c in opendata.CSV_COLUMNS], "primaryKey": ["id"]},
            },
            _csv(
                "coverage-districts",
                coverage.CSV_FILE,
                "Coverage: one row per district (the table of /kapsam/)",
                {"fields": [_coverage_field(c) for c in coverage_csv.COLUMNS], "primaryKey": ["district"]},
            ),
            _csv(
                "coverage-services",
                coverage.MATRIX_CSV_FILE,
                "Coverage: the centres x the minimum common services",
                {"fields": [{"name": c, "type": "string", **_MATRIX_TYPES[c]} for c in coverage_csv.MATRIX_COLUMNS]},
            ),
        ],
    }
