"""The registry contract: pydantic models of centers, districts and hotlines (frozen, unknown keys rejected).

Field descriptions end up in schema/*.json, which editors' YAML extensions use for autocompletion.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from builder.registry import phones
from builder.registry.form import Form
from builder.registry.hours import Hours

# İzmir province with a small margin: a point outside is a typo (swapped lat/lon, a dropped digit).
BOUNDS: Final = {"lat": (37.75, 39.45), "lon": (26.15, 28.55)}
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?([/?#][^\s<>\"'`]*)?")
_LANG = re.compile(r"[a-z]{2,3}")

Kind = Literal[
    "metropolitan-counseling",  # İzmir Büyükşehir's Kadın Danışma / Dayanışma Merkezleri
    "municipal-counseling",  # a district municipality's Kadın Danışma Merkezi
    "municipal-unit",  # a district municipality's women's or equality unit that is not called a KDM
    "state-violence-prevention",  # ŞÖNİM
    "bar-legal-aid",  # a bar association's women's rights / legal-aid centre
    "ngo",
    "refugee-support",
    "shelter",  # always confidential
]
Service = Literal[
    "legal-counseling",
    "psychological-support",
    "social-work",
    "protection-order-help",
    "shelter-referral",
    "shelter",
    "childcare-during-visits",
    "children-support",
    "group-work",
    "training",
    "economic-support",
    "referral",
]
Status = Literal["active", "opening-soon", "temporarily-closed", "closed"]
Precision = Literal["exact", "street", "neighbourhood", "district"]
LocationSource = Literal["operator", "visit", "map", "geocoded"]


def check_slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise ValueError(f"expected lowercase letters, digits and hyphens, like karsiyaka-bostanli; got {value!r}")
    return value


def _https(value: str) -> str:
    if not value.startswith("https://") or not _URL.fullmatch(value):
        raise ValueError(f"expected a web address starting with https://; got {value!r}")
    return value


def _http(value: str) -> str:
    if not _URL.fullmatch(value):
        raise ValueError(f"expected a web address starting with https:// or http://; got {value!r}")
    return value


def _email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise ValueError(f"expected an e-mail address like kadin@example.bel.tr; got {value!r}")
    return value


def _language(value: str) -> str:
    from babel import Locale

    if not _LANG.fullmatch(value) or value not in Locale("en").languages:
        raise ValueError(f"expected a language code like tr, ku, ar, fa, en; got {value!r}")
    return value


def _phone(value: str) -> str:
    return phones.normalize(value)


Slug = Annotated[
    str, AfterValidator(check_slug), Form("lowercase letters, digits and hyphens, like `karsiyaka-bostanli`")
]
HttpsUrl = Annotated[str, AfterValidator(_https), Form("a web address starting with `https://`")]
SourceUrl = Annotated[str, AfterValidator(_http), Form("a web address (`https://` or `http://`)")]
Email = Annotated[str, AfterValidator(_email), Form("an e-mail address")]
LanguageCode = Annotated[str, AfterValidator(_language), Form("a language code: `tr`, `ku`, `ar`, `fa`, `en` ...")]
PhoneNumber = Annotated[
    str, AfterValidator(_phone), Form("a phone number as written in Türkiye: `0232 362 57 77`, `444 35 66`, `183`")
]
Text = Annotated[str, Field(min_length=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Localized(Model):
    """A text in several languages. Turkish is required; a missing language falls back to Turkish."""

    tr: Text
    en: Text | None = None
    ar: Text | None = None
    ku: Text | None = None
    fa: Text | None = None

    def get(self, lang: str) -> str:
        return getattr(self, lang, None) or self.tr


class Location(Model):
    lat: float = Field(description="Latitude in degrees, e.g. 38.4577")
    lon: float = Field(description="Longitude in degrees, e.g. 27.1142")
    precision: Precision = Field(description="How exact the point is; the map draws an area unless exact.")
    source: LocationSource | None = Field(
        None,
        description="Where the point comes from: operator (the operator's own page or map), visit (someone "
        "stood there), map (read off OpenStreetMap by an editor), geocoded (found from the address by "
        "`python -m builder geocode`; check it on a map).",
    )

    @model_validator(mode="after")
    def _inside_izmir(self) -> Location:
        (lat_min, lat_max), (lon_min, lon_max) = BOUNDS["lat"], BOUNDS["lon"]
        if not (lat_min <= self.lat <= lat_max and lon_min <= self.lon <= lon_max):
            raise ValueError(
                f"({self.lat}, {self.lon}) is outside İzmir province "
                f"(lat {lat_min}–{lat_max}, lon {lon_min}–{lon_max}); are lat and lon swapped?"
            )
        return self


class Phone(Model):
    number: PhoneNumber = Field(description="As written in Türkiye: 0232 362 57 77, 444 35 66 or 183.")
    kind: Literal["direct", "switchboard", "hotline"] = Field(
        "direct",
        description="direct: the centre's own line; switchboard: the operator's general call centre "
        "(ask for the centre); hotline: a national line that connects to it.",
    )
    label: Localized | None = None
    hours: Hours | None = Field(None, description="When the line answers, if different from the centre.")


class Access(Model):
    appointment: Literal["required", "recommended", "walk-in", "unknown"] = "unknown"
    wheelchair: bool | None = Field(None, description="Step-free access; leave out if unknown.")
    id_required: bool | None = Field(None, description="Whether an identity document is asked for.")
    free: bool | None = Field(None, description="Whether the service is free of charge.")


class Verification(Model):
    status: Literal["verified", "partial", "unverified"] = Field(
        description="verified: contacts confirmed by a call or on the operator's own page; partial: two or more "
        "independent sources agree, not yet confirmed by the operator; unverified: one or old secondary source."
    )
    checked: dt.date = Field(description="When the entry was last checked (YYYY-MM-DD).")
    method: Text = Field(description="How it was checked: phone call, operator's page, news reports ...")
    sources: list[SourceUrl] = Field(
        min_length=1, description="Pages that support the facts of this entry (invariant: facts are sourced)."
    )


class Center(Model):
    id: Slug = Field(description="Permanent lowercase slug; it is the page address. Never rename it.")
    name: Localized
    kind: Kind
    operator: Localized
    district: Slug | None = Field(None, description="A key of data/districts.yaml; leave out if unknown.")
    address: Localized | None = None
    location: Location | None = Field(
        None, description="Leave out if unknown: the district's reference point is used, marked approximate."
    )
    phones: list[Phone] = Field(default_factory=list)
    email: Email | None = None
    website: HttpsUrl | None = None
    hours: Hours | None = Field(None, description="Leave out if unknown; never guess.")
    services: list[Service] = Field(min_length=1)
    languages: list[LanguageCode] = Field(
        default_factory=lambda: ["tr"], description="Languages staff speak without an interpreter."
    )
    interpreting: Localized | None = None
    eligibility: Localized | None = None
    access: Access = Field(default_factory=Access)
    transport: Localized | None = None
    notes: Localized | None = None
    status: Status = "active"
    confidential: bool = Field(False, description="Shelters and safe houses: no address, location or district.")
    verification: Verification


class District(Model):
    name: Text = Field(description="The district's name as written in Turkish.")
    lat: float
    lon: float
    note: Text | None = None

    @model_validator(mode="after")
    def _inside_izmir(self) -> District:
        Location(lat=self.lat, lon=self.lon, precision="district")
        return self


class Hotline(Model):
    id: Slug
    name: Localized
    description: Localized
    phones: list[Phone] = Field(min_length=1)
    scope: Literal["national", "izmir"]
    hours: Hours | None = None
    languages: list[LanguageCode] = Field(default_factory=lambda: ["tr"])
    emergency: bool = Field(False, description="Shown first, as the line to call in immediate danger.")
    verification: Verification


class CentersFile(Model):
    centers: list[Center]


class DistrictsFile(Model):
    districts: dict[Slug, District]


class HotlinesFile(Model):
    hotlines: list[Hotline]
