"""The kdm-izmir profile of HSDS 3.0: what this registry says that HSDS has no field for, added as HSDS's
Profiles reference allows (new optional properties and one new object), never forced into a field that
means something else.

- service.center_id: the registry's permanent id of the center (its page is merkezler/<id>/).
- service.confidential: a shelter or safe house. It has no location, no address and only the national
  line that routes to it; it is listed so that a reader knows the service exists and how to reach it.
- service.evidence_status: verified, partial or unverified, derived from the evidence (never typed).
- location.precision: how exact latitude/longitude is (exact, street, neighbourhood, district). A
  district's reference point is never given as a center's latitude and longitude.
- phone.line_kind: what the number is: the center's own line (direct), an appointment line, the operator's
  general switchboard (ask for the center), a national line, or a number not yet confirmed as its own.
- evidence (a new object, evidence.csv): per published fact, its strongest basis (a call, the operator's
  page, a news report ...), the last day its evidence speaks for, and its sources' URLs.
HSDS metadata records carry the registry's dated checks: last_action_type "confirmed by call|visit|email|
operator-page", updated_by the checker's role (never a name), field_name the fact, the value confirmed.

The profile's canonical URI is profile.json; its modifications are JSON Merge Patches (RFC 7386) of HSDS's
schema files, under profile/ beside it.
"""

from __future__ import annotations

from typing import Any, Final

from builder.exports.hsds.fields import BASES, EVIDENCE_STATUS, LINE_KINDS, PRECISIONS
from builder.exports.hsds.tabular import HSDS_VERSION
from builder.site import routes

NAME: Final = "kdm-izmir"
VERSION: Final = "1.0.0"
PROFILE_FILE: Final = routes.hsds_file("profile.json")
_UUID: Final = {"type": "string", "format": "uuid"}


def _string(description: str, **more: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **more}


PATCHES: Final[dict[str, dict[str, Any]]] = {
    "service.json": {
        "properties": {
            "center_id": _string("The registry's permanent id of the center; its page is merkezler/<id>/."),
            "confidential": {"type": "boolean", "description": "A shelter or safe house: never a place, an "
                             "address or a number of its own; reached through the national line."},
            "evidence_status": _string("Derived from the evidence: verified (every contact fact confirmed by a "
                                       "call, visit or e-mail), partial, unverified.", enum=list(EVIDENCE_STATUS)),
            "evidence": {"type": "array", "items": {"$ref": "evidence.json"},
                         "description": "What each published fact rests on."},
        }
    },
    "location.json": {
        "properties": {
            "precision": _string("How exact latitude and longitude are.", enum=list(PRECISIONS)),
        }
    },
    "phone.json": {
        "properties": {
            "line_kind": _string("What the number is: the center's own line, an appointment line, the operator's "
                                 "general line (ask for the center), a national line, or not yet confirmed.",
                                 enum=list(LINE_KINDS)),
        }
    },
    "evidence.json": {
        "name": "evidence",
        "path": "evidence.csv",
        "description": "What one published fact of a service rests on.",
        "type": "object",
        "properties": {
            "id": _UUID,
            "service_id": _UUID,
            "phone_id": _UUID | {"description": "For a phone's evidence: the phone."},
            "fact": _string("entry, address, location, email, hours, services, access, languages or phone."),
            "basis": _string("The strongest thing the fact rests on.", enum=list(BASES)),
            "as_of": _string("The last day its evidence speaks for (YYYY-MM-DD).", format="date"),
            "sources": _string("The URLs of its sources, separated by spaces."),
        },
        "required": ["id", "service_id", "fact", "basis"],
    },
}  # fmt: skip


def url(site_url: str) -> str:
    return routes.absolute(site_url, PROFILE_FILE)


def document(site_url: str, pages: dict[str, str]) -> dict[str, Any]:
    """profile.json: the canonical description. `pages` are the data pages that explain it, by language."""
    return {
        "name": NAME,
        "title": "HSDS profile of the İzmir women's counseling centres registry",
        "version": VERSION,
        "hsds_version": HSDS_VERSION,
        "uri": url(site_url),
        "description": (__doc__ or "").strip(),
        "documentation": pages,
        "modifications": {name: routes.absolute(site_url, routes.hsds_file(f"profile/{name}")) for name in PATCHES},
        "datapackage": routes.absolute(site_url, routes.hsds_file("datapackage.json")),
    }


def files(site_url: str, pages: dict[str, str]) -> dict[str, dict[str, Any]]:
    out = {routes.hsds_file(f"profile/{name}"): patch for name, patch in PATCHES.items()}
    out[PROFILE_FILE] = document(site_url, pages)
    return out
