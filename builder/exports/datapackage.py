"""data/datapackage.json: centers.csv described by a Frictionless Table Schema in a data package, so that
`frictionless validate` (and every tool that reads data packages) knows each column's type and values."""

from __future__ import annotations

from typing import Any, Final, get_args

from builder.exports import opendata
from builder.registry.models import Kind, Precision, Status
from builder.site import evidence, routes
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


def field(name: str) -> dict[str, Any]:
    return {"name": name, "type": "string", **_TYPES.get(name, {})} | (
        {"description": _DESCRIPTIONS[name]} if name in _DESCRIPTIONS else {}
    )


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
            }
        ],
    }
