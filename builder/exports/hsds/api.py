"""The HSDS read-only API as static files: what `GET /`, `/services`, `/services/{id}`, `/organizations`,
`/taxonomies` and `/taxonomy_terms` return (schema/openapi.json of HSDS 3.0), each endpoint a JSON file
(builder.site.routes.hsds_api), so that an HSDS client reads a static host as if it were the API.

`/services/{id}` is the compiled service (schema/compiled/service.json): the service with its organization,
phones, schedules, languages, its locations (through service_at_locations), its taxonomy terms (attributes),
its metadata and, from our profile, the evidence of each fact. Lists are one page holding everything.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Final

from builder.exports.hsds.rows import Row
from builder.exports.hsds.tabular import HSDS_VERSION
from builder.site import routes

OPENAPI_URL: Final = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
ENDPOINTS: Final = ("/services", "/organizations", "/taxonomies", "/taxonomy_terms")


def _by(rows: list[Row], key: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if key in row:
            out[row[key]].append(row)
    return out


def page(contents: list[Any]) -> dict[str, Any]:
    """A list endpoint's answer (openapi.json's Page): one page with every item."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def services(tables: dict[str, list[Row]]) -> list[Row]:
    """Every compiled service, in registry order."""
    organizations = {o["id"]: o for o in tables["organization"]}
    locations = {loc["id"]: loc for loc in tables["location"]}
    taxonomy = {t["id"]: t for t in tables["taxonomy"]}
    terms = {t["id"]: t | {"taxonomy_detail": taxonomy[t["taxonomy_id"]]} for t in tables["taxonomy_term"]}
    accessibility = _by(tables["accessibility"], "location_id")
    at = _by(tables["service_at_location"], "service_id")
    phones, schedules = _by(tables["phone"], "service_id"), _by(tables["schedule"], "service_id")
    languages, attributes = _by(tables["language"], "service_id"), _by(tables["attribute"], "link_id")
    metadata, evidence = _by(tables["metadata"], "resource_id"), _by(tables["evidence"], "service_id")
    out = []
    for service in tables["service"]:
        sid = service["id"]
        compiled = dict(service)
        if "organization_id" in service:
            compiled["organization"] = organizations[service["organization_id"]]
        compiled["phones"] = [p | {"metadata": metadata.get(p["id"], [])} for p in phones.get(sid, [])]
        compiled["schedules"] = schedules.get(sid, [])
        compiled["service_at_locations"] = [
            link
            | {
                "location": locations[link["location_id"]]
                | {"accessibility": accessibility.get(link["location_id"], [])}
            }
            for link in at.get(sid, [])
        ]
        compiled["languages"] = languages.get(sid, [])
        compiled["attributes"] = [a | {"taxonomy_term": terms[a["taxonomy_term_id"]]} for a in attributes.get(sid, [])]
        compiled["metadata"] = metadata.get(sid, [])
        compiled["evidence"] = evidence.get(sid, [])  # the profile's
        out.append(compiled)
    return out


def index(profile_url: str, site_url: str) -> dict[str, Any]:
    """`GET /`: the HSDS version and profile, and (our addition) the file that answers each endpoint."""
    files = {endpoint: routes.absolute(site_url, routes.hsds_api(endpoint)) for endpoint in ENDPOINTS}
    files["/services/{id}"] = routes.absolute(site_url, routes.hsds_api("/services/{id}"))
    return {"version": HSDS_VERSION, "profile": profile_url, "openapi_url": OPENAPI_URL, "static_files": files}


def files(tables: dict[str, list[Row]], profile_url: str, site_url: str) -> dict[str, dict[str, Any] | list[Any]]:
    """Site path -> JSON value, for every endpoint."""
    compiled = services(tables)
    out: dict[str, dict[str, Any] | list[Any]] = {routes.hsds_api("/"): index(profile_url, site_url)}
    out[routes.hsds_api("/services")] = page([dict(s) for s in tables["service"]])
    out |= {routes.hsds_api(f"/services/{s['id']}"): s for s in compiled}
    out[routes.hsds_api("/organizations")] = page(tables["organization"])
    out[routes.hsds_api("/taxonomies")] = page(tables["taxonomy"])
    out[routes.hsds_api("/taxonomy_terms")] = page(tables["taxonomy_term"])
    return out
