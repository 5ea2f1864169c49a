"""The HSDS 3.0 tables this registry publishes, field by field, and the fields our profile adds.

The HSDS fields are those of Open Referral's tabular package (schema/datapackage.json of HSDS 3.0): name,
Table Schema type, format and whether it is required, in the official order; tests/test_hsds.py holds this
list to the official one. The profile's own fields come after them (builder.exports.hsds.profile says what
they mean). A CSV has every column of its table, empty where a value is unknown; JSON leaves it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Field:
    name: str
    type: str = "string"  # Table Schema: string, number, boolean, date, time, datetime
    format: str | None = None  # uuid, email, uri
    required: bool = False
    enum: tuple[str, ...] = ()
    profile: bool = False  # added by our profile, not in HSDS 3.0


def _fields(spec: str, profile: bool = False) -> tuple[Field, ...]:
    """ "id:string:uuid! name description" -> fields; "!" marks a required one."""
    out = []
    for item in spec.split():
        required = item.endswith("!")
        name, *rest = item.rstrip("!").split(":")
        out.append(
            Field(name, rest[0] if rest else "string", rest[1] if len(rest) > 1 else None, required, profile=profile)
        )
    return tuple(out)


STATUS: Final = ("active", "inactive", "defunct", "temporarily closed")
LOCATION_TYPES: Final = ("physical", "postal", "virtual")
WEEKDAYS: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQ: Final = ("WEEKLY", "MONTHLY")
PRECISIONS: Final = ("exact", "street", "neighbourhood", "district")
LINE_KINDS: Final = ("direct", "appointment", "switchboard", "national", "unconfirmed")
EVIDENCE_STATUS: Final = ("verified", "partial", "unverified")
BASES: Final = ("call", "visit", "email", "operator-page", "operator", "register", "news", "other")
ENUMS: Final = {
    ("service", "status"): STATUS,
    ("location", "location_type"): LOCATION_TYPES,
    ("schedule", "wkst"): WEEKDAYS,
    ("schedule", "freq"): FREQ,
    ("service", "evidence_status"): EVIDENCE_STATUS,
    ("location", "precision"): PRECISIONS,
    ("phone", "line_kind"): LINE_KINDS,
    ("evidence", "basis"): BASES,
}


@dataclass(frozen=True)
class Table:
    name: str  # the HSDS object: service, phone ...
    csv: str  # its file in the tabular form (HSDS's own names: services.csv ...)
    fields: tuple[Field, ...]

    @property
    def json(self) -> str:
        """Its file in the JSON form of the tables: service.json ..."""
        return f"{self.name}.json"

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _table(name: str, csv: str, hsds: str, profile: str = "") -> Table:
    fields = tuple(
        Field(f.name, f.type, f.format, f.required, ENUMS.get((name, f.name), ()), f.profile)
        for f in (*_fields(hsds), *_fields(profile, profile=True))
    )
    return Table(name, csv, fields)


_UUID = "string:uuid"
TABLES: Final = (
    _table("organization", "organizations.csv",
           f"id:{_UUID}! name! alternate_name description! email:string:email website:string:uri tax_status tax_id "
           f"year_incorporated:number legal_status logo uri:string:uri parent_organization_id:{_UUID}"),
    _table("service", "services.csv",
           f"id:{_UUID}! organization_id:{_UUID}! program_id:{_UUID} name! alternate_name description url:string:uri "
           "email:string:email status! interpretation_services application_process fees_description wait_time fees "
           "accreditations eligibility_description minimum_age:number maximum_age:number assured_date:date "
           "assurer_email:string:email licenses alert last_modified:datetime",
           "center_id! confidential:boolean! evidence_status!"),
    _table("location", "locations.csv",
           f"id:{_UUID}! location_type! url:string:uri organization_id:{_UUID} name alternate_name description "
           "transportation latitude:number longitude:number external_identifier external_identifier_type",
           "precision"),
    _table("service_at_location", "service_at_location.csv",
           f"id:{_UUID}! service_id:{_UUID}! location_id:{_UUID}! description"),
    _table("phone", "phones.csv",
           f"id:{_UUID}! location_id:{_UUID} service_id:{_UUID} organization_id:{_UUID} contact_id:{_UUID} "
           f"service_at_location_id:{_UUID} number! extension:number type description",
           "line_kind!"),
    _table("schedule", "schedules.csv",
           f"id:{_UUID}! service_id:{_UUID} location_id:{_UUID} service_at_location_id:{_UUID} valid_from:date "
           "valid_to:date dtstart:date timezone:number until:date count:number wkst freq interval:number byday "
           "byweekno bymonthday byyearday description opens_at:time closes_at:time schedule_link:string:uri "
           "attending_type notes"),
    _table("language", "languages.csv",
           f"id:{_UUID}! service_id:{_UUID} location_id:{_UUID} phone_id:{_UUID} name code note"),
    _table("accessibility", "accessibility.csv",
           f"id:{_UUID}! location_id:{_UUID} description details url:string:uri"),
    _table("taxonomy", "taxonomies.csv", f"id:{_UUID}! name! description! uri:string:uri version"),
    _table("taxonomy_term", "taxonomy_terms.csv",
           f"id:{_UUID}! code name! description! parent_id:{_UUID} taxonomy language taxonomy_id:{_UUID} "
           "term_uri:string:uri"),
    _table("attribute", "attributes.csv",
           f"id:{_UUID}! link_id:{_UUID}! taxonomy_term_id:{_UUID}! link_type link_entity! value"),
    _table("metadata", "metadata.csv",
           f"id:{_UUID}! resource_id:{_UUID}! resource_type! last_action_date:date! last_action_type! field_name! "
           "previous_value! replacement_value! updated_by!"),
)  # fmt: skip
# A table of the profile's own: what each published fact rests on (builder.site.evidence).
EVIDENCE: Final = Table(
    "evidence",
    "evidence.csv",
    tuple(
        Field(f.name, f.type, f.format, f.required, ENUMS.get(("evidence", f.name), ()), profile=True)
        for f in _fields(f"id:{_UUID}! service_id:{_UUID}! phone_id:{_UUID} fact! basis! as_of:date sources")
    ),
)
ALL: Final = (*TABLES, EVIDENCE)
BY_NAME: Final = {t.name: t for t in ALL}
# Which table an "<x>_id" field points to, when that table is published (for the package's foreign keys).
REFERENCES: Final = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "phone_id": "phone",
    "service_at_location_id": "service_at_location",
    "taxonomy_term_id": "taxonomy_term",
    "taxonomy_id": "taxonomy",
}
