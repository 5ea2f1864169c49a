"""Our closed service vocabulary (registry.models.Service) as an HSDS taxonomy: one term per service and
language, each with its id and its name in that language; a service links to the Turkish terms of what it
offers through HSDS attributes. The terms of one service share its code: "legal-counseling" in Turkish,
"legal-counseling@en" in English (HSDS wants codes unique in the table)."""

from __future__ import annotations

from typing import Any, Final, get_args

from builder.exports.hsds import ids
from builder.exports.hsds.ids import hsds_id
from builder.languages import SITE_LANGUAGES
from builder.registry.models import Service
from builder.site.i18n import Strings

SERVICES: Final[tuple[str, ...]] = get_args(Service)
NAME: Final = "kdm-izmir-services"
VERSION: Final = "1.0"
PRIMARY: Final = "tr"


def code(service: str, lang: str) -> str:
    return service if lang == PRIMARY else f"{service}@{lang}"


def taxonomy(uri: str) -> dict[str, Any]:
    return {
        "id": ids.TAXONOMY_ID,
        "name": NAME,
        "description": "The services of İzmir's women's counseling centres, as the registry names them "
        "(data/centers.yaml `services`); one term per service and language.",
        "uri": uri,
        "version": VERSION,
    }


def terms(strings: Strings, languages: tuple[str, ...] = SITE_LANGUAGES) -> list[dict[str, Any]]:
    return [
        {
            "id": ids.term_id(service, lang),
            "code": code(service, lang),
            "name": strings.get(f"service.{service}", lang),
            # The vocabulary has no longer definitions: a term's description is its name.
            "description": strings.get(f"service.{service}", lang),
            "taxonomy": NAME,
            "language": lang,
            "taxonomy_id": ids.TAXONOMY_ID,
        }
        for service in SERVICES
        for lang in (PRIMARY, *(lang for lang in languages if lang != PRIMARY))
    ]


def attributes(center_id: str, service_id: str, services: tuple[str, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": hsds_id(center_id, "attribute", service),
            "link_id": service_id,
            "taxonomy_term_id": ids.term_id(service, PRIMARY),
            "link_type": "service_type",
            "link_entity": "service",
        }
        for service in services
    ]
