"""The registry contract: pydantic models of centers, districts and hotlines (frozen, unknown keys rejected).

What each field and value means is in meanings.yaml (Turkish and English): the descriptions here are its
English, and end up in schema/*.json, which editors' YAML extensions use for autocompletion.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from builder.registry.evidence import Evidence, Source, SourceId, Verification
from builder.registry.hours import Hours
from builder.registry.meanings import means
from builder.registry.values import Email, HttpsUrl, LanguageCode, PhoneNumber, Slug, Text
from builder.registry.wording import Say

# İzmir province with a small margin: a point outside is a typo (swapped lat/lon, a dropped digit).
BOUNDS: Final = {"lat": (37.75, 39.45), "lon": (26.15, 28.55)}
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
    lat: float = Field(description=means("Location.lat"))
    lon: float = Field(description=means("Location.lon"))
    precision: Precision = Field(description=means("Location.precision"))
    source: LocationSource | None = Field(
        None,
        description=means("Location.source"),
    )

    @model_validator(mode="after")
    def _inside_izmir(self) -> Location:
        (lat_min, lat_max), (lon_min, lon_max) = BOUNDS["lat"], BOUNDS["lon"]
        if not (lat_min <= self.lat <= lat_max and lon_min <= self.lon <= lon_max):
            raise Say(
                "outside_izmir",
                lat=self.lat,
                lon=self.lon,
                lat_min=lat_min,
                lat_max=lat_max,
                lon_min=lon_min,
                lon_max=lon_max,
            )
        return self


LineKind = Literal["direct", "appointment", "switchboard", "national", "unconfirmed"]
Channel = Literal["voice", "sms", "whatsapp", "video", "web"]
VOICE_LIKE: Final = frozenset({"voice", "sms", "whatsapp"})  # these need a number


def _voice() -> list[Channel]:
    return ["voice"]


class Phone(Model):
    """A way to reach a centre or a line: a number to call or text, or an address for a video or web route."""

    number: PhoneNumber | None = Field(None, description=means("Phone.number"))
    url: HttpsUrl | None = Field(None, description=means("Phone.url"))
    kind: LineKind = Field(description=means("Phone.kind"))
    channels: list[Channel] = Field(
        default_factory=_voice,
        description=means("Phone.channels"),
    )
    label: Localized | None = Field(None, description=means("Phone.label"))
    how: Localized | None = Field(None, description=means("Phone.how"))
    hours: Hours | None = Field(None, description=means("Phone.hours"))
    evidence: list[SourceId] = Field(default_factory=list, description=means("Phone.evidence"))
    inferred: Localized | None = Field(
        None,
        description=means("Phone.inferred"),
    )

    @model_validator(mode="after")
    def _one_address(self) -> Phone:
        if (self.number is None) == (self.url is None):
            raise Say("phone.one_address")
        if self.number is None and VOICE_LIKE & set(self.channels):
            raise Say("phone.needs_number")
        return self

    @property
    def key(self) -> str:
        """How checks name it: its number as stored (E.164 or a short code), or its url."""
        return self.number or self.url or ""


class Access(Model):
    appointment: Literal["required", "recommended", "walk-in", "unknown"] = Field(
        "unknown", description=means("Access.appointment")
    )
    wheelchair: bool | None = Field(None, description=means("Access.wheelchair"))
    id_required: bool | None = Field(None, description=means("Access.id_required"))
    free: bool | None = Field(None, description=means("Access.free"))

    @property
    def known(self) -> bool:
        return self.appointment != "unknown" or any(
            v is not None for v in (self.wheelchair, self.id_required, self.free)
        )


class Center(Model):
    id: Slug = Field(description=means("Center.id"))
    name: Localized = Field(description=means("Center.name"))
    kind: Kind = Field(description=means("Center.kind"))
    operator: Localized = Field(description=means("Center.operator"))
    district: Slug | None = Field(None, description=means("Center.district"))
    address: Localized | None = Field(None, description=means("Center.address"))
    location: Location | None = Field(None, description=means("Center.location"))
    phones: list[Phone] = Field(default_factory=list, description=means("Center.phones"))
    email: Email | None = Field(None, description=means("Center.email"))
    website: HttpsUrl | None = Field(None, description=means("Center.website"))
    hours: Hours | None = Field(None, description=means("Center.hours"))
    services: list[Service] = Field(min_length=1, description=means("Center.services"))
    languages: list[LanguageCode] = Field(default_factory=lambda: ["tr"], description=means("Center.languages"))
    interpreting: Localized | None = Field(None, description=means("Center.interpreting"))
    eligibility: Localized | None = Field(None, description=means("Center.eligibility"))
    access: Access = Field(default_factory=Access, description=means("Center.access"))
    transport: Localized | None = Field(None, description=means("Center.transport"))
    notes: Localized | None = Field(None, description=means("Center.notes"))
    status: Status = Field("active", description=means("Center.status"))
    confidential: bool = Field(False, description=means("Center.confidential"))
    evidence: Evidence = Field(description=means("Center.evidence"))
    verification: Verification = Field(description=means("Center.verification"))


class Population(Model):
    """An official count of the district's residents (TÜİK's address-based register, ADNKS), with its source."""

    year: int = Field(ge=2000, le=2100, description=means("Population.year"))
    total: int = Field(gt=0, description=means("Population.total"))
    women: int = Field(gt=0, description=means("Population.women"))
    source: Source = Field(description=means("Population.source"))

    @model_validator(mode="after")
    def _women_of_total(self) -> Population:
        if self.women > self.total:
            raise Say("population.women", women=self.women, total=self.total)
        return self


class District(Model):
    name: Text = Field(description=means("District.name"))
    lat: float = Field(description=means("District.lat"))
    lon: float = Field(description=means("District.lon"))
    note: Text | None = Field(None, description=means("District.note"))
    population: Population | None = Field(None, description=means("District.population"))

    @model_validator(mode="after")
    def _inside_izmir(self) -> District:
        Location(lat=self.lat, lon=self.lon, precision="district")
        return self


class Hotline(Model):
    id: Slug = Field(description=means("Hotline.id"))
    name: Localized = Field(description=means("Hotline.name"))
    description: Localized = Field(description=means("Hotline.description"))
    phones: list[Phone] = Field(min_length=1, description=means("Hotline.phones"))
    scope: Literal["national", "izmir"] = Field(description=means("Hotline.scope"))
    hours: Hours | None = Field(None, description=means("Hotline.hours"))
    languages: list[LanguageCode] = Field(default_factory=lambda: ["tr"], description=means("Hotline.languages"))
    emergency: bool = Field(False, description=means("Hotline.emergency"))
    evidence: Evidence = Field(description=means("Hotline.evidence"))
    verification: Verification = Field(description=means("Hotline.verification"))


class CentersFile(Model):
    centers: list[Center]


class DistrictsFile(Model):
    districts: dict[Slug, District]


class HotlinesFile(Model):
    hotlines: list[Hotline]
