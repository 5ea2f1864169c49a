"""HSDS identifiers: UUIDs, stable across builds. uuid5 of "<center id>/<table>[/<key>]" in our namespace,
so a reuser's links to a service or phone keep pointing at the same thing next week."""

from __future__ import annotations

import uuid
from typing import Final

_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, "urn:kdm-izmir:registry")


def hsds_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def service_id(center_id: str) -> str:
    return hsds_id(center_id, "service")


def location_id(center_id: str) -> str:
    return hsds_id(center_id, "location")


def organization_id(operator: str) -> str:
    """One organization per operator, by its Turkish name."""
    return hsds_id("organization", operator)


TAXONOMY_ID: Final = hsds_id("taxonomy", "services")


def term_id(service: str, lang: str) -> str:
    return hsds_id("taxonomy_term", service, lang)
