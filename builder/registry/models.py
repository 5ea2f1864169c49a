"""The registry contract: pydantic models of centers, districts and hotlines (frozen, unknown keys rejected).

Field descriptions end up in schema/*.json, which editors' YAML extensions use for autocompletion.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from builder.registry.evidence import Evidence, Source, SourceId, Verification
from builder.registry.hours import Hours
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

    number: PhoneNumber | None = Field(None, description="As written in Türkiye: 0232 362 57 77, 444 35 66 or 183.")
    url: HttpsUrl | None = Field(None, description="For a video or web route without a number: its page or app.")
    kind: LineKind = Field(
        description="direct: the centre's own line (only once a call or the operator's own page confirms it); "
        "appointment: where appointments are made; switchboard: the operator's general line (ask for the centre); "
        "national: a national line that connects to it; unconfirmed: a number sources give for the centre, not yet "
        "confirmed to be its own line."
    )
    channels: list[Channel] = Field(
        default_factory=_voice,
        description="How to use it: voice, sms, whatsapp, video (sign language) or web. A number can be several.",
    )
    label: Localized | None = Field(None, description='Shown with the number, e.g. "ask for the counseling centre".')
    how: Localized | None = Field(None, description="For a text, video or web route: how to use it, in a sentence.")
    hours: Hours | None = Field(None, description="When the line answers, if different from the centre.")
    evidence: list[SourceId] = Field(default_factory=list, description="The sources that give this number.")
    inferred: Localized | None = Field(
        None,
        description="What part of the number an editor added (an area code ...), said to readers; a direct line "
        "cannot rest on it.",
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
        "unknown", description="Whether to book first (see the values below)."
    )
    wheelchair: bool | None = Field(None, description="Step-free access; leave out if unknown.")
    id_required: bool | None = Field(None, description="Whether an identity document is asked for.")
    free: bool | None = Field(None, description="Whether the service is free of charge.")

    @property
    def known(self) -> bool:
        return self.appointment != "unknown" or any(
            v is not None for v in (self.wheelchair, self.id_required, self.free)
        )


class Center(Model):
    id: Slug = Field(description="Permanent lowercase slug; it is the page address. Never rename it.")
    name: Localized = Field(description="The centre's name as the operator writes it.")
    kind: Kind = Field(description="What sort of place it is (see the values below).")
    operator: Localized = Field(
        description="Who runs it: the municipality, the ministry's directorate, the association."
    )
    district: Slug | None = Field(None, description="A key of data/districts.yaml; leave out if unknown.")
    address: Localized | None = Field(
        None, description="Street, number and neighbourhood as the operator gives them. Never for a shelter."
    )
    location: Location | None = Field(
        None, description="Leave out if unknown: the district's reference point is used, marked approximate."
    )
    phones: list[Phone] = Field(
        default_factory=list, description="Ways to reach it. Leave out a number no source gives."
    )
    email: Email | None = Field(None, description="The centre's own address, if it publishes one.")
    website: HttpsUrl | None = Field(None, description="The operator's page about this centre.")
    hours: Hours | None = Field(None, description="Leave out if unknown; never guess.")
    services: list[Service] = Field(min_length=1, description="What the centre offers (see the values below).")
    languages: list[LanguageCode] = Field(
        default_factory=lambda: ["tr"], description="Languages staff speak without an interpreter."
    )
    interpreting: Localized | None = Field(
        None, description='Interpreting the centre can arrange, e.g. "Arabic interpreter by appointment".'
    )
    eligibility: Localized | None = Field(
        None, description="Who may come, if not every woman: age, place of residence ..."
    )
    access: Access = Field(default_factory=Access, description="How to get in: appointment, wheelchair, ID, cost.")
    transport: Localized | None = Field(None, description="How to get there by bus, metro or ferry.")
    notes: Localized | None = Field(None, description="Anything else a woman should know before she goes or calls.")
    status: Status = Field(
        "active", description="Whether it is open (see the values below). A closed centre keeps its entry."
    )
    confidential: bool = Field(False, description="Shelters and safe houses: no address, location or district.")
    evidence: Evidence = Field(description="Which of the sources below backs each fact (phones name theirs).")
    verification: Verification = Field(description="How you know: the sources, and the dated calls and visits.")


class Population(Model):
    """An official count of the district's residents (TÜİK's address-based register, ADNKS), with its source."""

    year: int = Field(ge=2000, le=2100, description="The year the count is for (ADNKS counts are for 31 December).")
    total: int = Field(gt=0, description="All residents of the district.")
    women: int = Field(gt=0, description="Women residents of the district.")
    source: Source = Field(description="Where the figure was read: TÜİK, or a report quoting TÜİK's release.")

    @model_validator(mode="after")
    def _women_of_total(self) -> Population:
        if self.women > self.total:
            raise Say("population.women", women=self.women, total=self.total)
        return self


class District(Model):
    name: Text = Field(description="The district's name as written in Turkish.")
    lat: float
    lon: float
    note: Text | None = None
    population: Population | None = Field(None, description="Only a sourced official figure; leave out otherwise.")

    @model_validator(mode="after")
    def _inside_izmir(self) -> District:
        Location(lat=self.lat, lon=self.lon, precision="district")
        return self


class Hotline(Model):
    id: Slug = Field(description="Permanent lowercase name of the line, like alo-183.")
    name: Localized = Field(description="The line's name, e.g. ALO 183.")
    description: Localized = Field(description="What the line is for, in one or two sentences.")
    phones: list[Phone] = Field(min_length=1, description="The numbers and routes of the line.")
    scope: Literal["national", "izmir"] = Field(description="national: the whole country; izmir: İzmir only.")
    hours: Hours | None = Field(None, description="When the line answers; leave out if unknown.")
    languages: list[LanguageCode] = Field(default_factory=lambda: ["tr"], description="Languages the line answers in.")
    emergency: bool = Field(False, description="Shown first, as the line to call in immediate danger.")
    evidence: Evidence = Field(description="Which of the sources below backs each fact (phones name theirs).")
    verification: Verification = Field(description="How you know: the sources, and the dated calls.")


class CentersFile(Model):
    centers: list[Center]


class DistrictsFile(Model):
    districts: dict[Slug, District]


class HotlinesFile(Model):
    hotlines: list[Hotline]
