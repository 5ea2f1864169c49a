"""Open data: JSON (against its schema), GeoJSON, CSV, HSDS and JSON-LD, from the real registry and the
small fixture; and invariant 5: a confidential entry exposes nothing of its place in any file."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import uuid
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest

from builder import exports, registry
from builder.exports import hsds, opendata
from builder.registry import Registry
from builder.registry.models import BOUNDS, Center, Kind
from builder.site import catalog, jsonld
from builder.site.catalog import Catalog
from builder.site.i18n import Strings, load_strings
from builder.site.pages import island
from builder.site.public import publish
from builder.site.views import Context
from tests.conftest import FIXTURES, ROOT, today_for

REGISTRIES = {"real": ROOT / "data", "small": FIXTURES / "small"}
EXPECTED_FILES = {
    "data/centers.json",
    "data/centers.geojson",
    "data/centers.csv",
    "data/kapsam.csv",
    "data/kapsam-hizmetler.csv",
    *(
        f"data/hsds/{t}.json"
        for t in ("organization", "service", "location", "service_at_location", "phone", "schedule", "language")
    ),
}


def _registry(name: str) -> Registry:
    return registry.load(REGISTRIES[name], today_for(REGISTRIES[name]))


def _load(name: str) -> tuple[Catalog, Strings]:
    data = REGISTRIES[name]
    return catalog.derive(_registry(name), today_for(data)), load_strings(data / "ui.yaml")


@pytest.fixture(scope="module", params=list(REGISTRIES))
def built(request: pytest.FixtureRequest) -> tuple[Catalog, Strings, dict[str, str]]:
    cat, strings = _load(request.param)
    return cat, strings, exports.files(cat, strings)


def _rows(text: str) -> list[dict[str, str]]:
    # Read it as a consumer does: the bytes, decoded as UTF-8 with its byte-order mark.
    return list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"), newline="")))


def test_the_expected_files(built: tuple[Catalog, Strings, dict[str, str]]) -> None:
    assert set(built[2]) == EXPECTED_FILES


def test_json_satisfies_its_schema(built: tuple[Catalog, Strings, dict[str, str]]) -> None:
    cat, _, out = built
    schema = json.loads((ROOT / "schema" / "export-centers.schema.json").read_text(encoding="utf-8"))
    document = json.loads(out["data/centers.json"])
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["schema_version"] == opendata.SCHEMA_VERSION == schema["properties"]["schema_version"]["const"]
    assert (document["generated"], document["license"]) == (cat.today.isoformat(), "CC-BY-4.0")
    assert [c["id"] for c in document["centers"]] == [c.id for c in cat.centers]


def test_json_carries_every_language_phones_and_hours() -> None:
    cat, strings = _load("small")
    centers = {c["id"]: c for c in json.loads(exports.files(cat, strings)["data/centers.json"])["centers"]}
    konak = centers["ornek-konak"]
    assert konak["name"] == {"tr": "Örnek Konak Merkezi", "en": "Sample Konak Centre", "ar": "مركز كوناك التجريبي"}
    assert konak["phones"][0] == {
        "e164": "+902321111111",
        "national": "(0232) 111 11 11",
        "tel": "tel:+902321111111",
        "url": None,
        "kind": "direct",
        "channels": ["voice"],
        "label": None,
        "how": None,
        "inferred": None,
        "hours": None,
        "evidence": {"basis": "call", "as_of": "2026-01-15", "sources": ["belediye"]},
    }
    assert konak["hours"]["opening_hours"] == "Mo 08:30-12:00,13:00-17:30; Tu-Fr 08:30-17:30; PH off"
    assert konak["verification"]["status"] == "verified"
    assert konak["verification"]["checks"] == [
        {
            "date": "2026-01-15",
            "method": "call",
            "by": "volunteer",
            "confirmed": ["0232 111 11 11", "hours"],
            "wrong": [],
            "note": "The centre answered on its own line.",
        }
    ]
    assert konak["verification"]["sources"][1] == {
        "id": "gazete-2025",
        "url": "https://example.org/haber/konak",
        "publisher": "Örnek Gazete",
        "kind": "news",
        "published": "2025-03",
        "read": "2026-01-15",
        "copy_of": None,
        "quote": "Merkez hafta içi açık; Kürtçe ve Arapça konuşan çalışanlar var.",
    }
    assert konak["evidence"]["access"] == {"basis": "news", "as_of": "2025-03-31", "sources": ["gazete-2025"]}
    urla = centers["ornek-urla"]["phones"][0]
    assert urla["kind"] == "unconfirmed" and urla["inferred"]["tr"].startswith("Alan kodu (0232)")
    assert centers["ornek-bornova"]["hours"]["opening_hours"] == "24/7"
    assert centers["ornek-il-geneli"]["phones"][0]["e164"] is None  # 183 is a short number
    assert centers["ornek-urla"]["hours"] is None  # unknown stays unknown
    assert centers["ornek-urla"]["location"]["source"] == opendata.FROM_DISTRICT


def test_the_schema_rejects_a_confidential_entry_with_a_place() -> None:
    cat, strings = _load("small")
    document = json.loads(exports.files(cat, strings)["data/centers.json"])
    shelter = next(c for c in document["centers"] if c["confidential"])
    shelter["district"] = {"key": "konak", "name": "Konak"}
    schema = json.loads((ROOT / "schema" / "export-centers.schema.json").read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_geojson_puts_longitude_first(built: tuple[Catalog, Strings, dict[str, str]]) -> None:
    cat, _, out = built
    collection = json.loads(out["data/centers.geojson"])
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} == set(cat.places)
    for feature in collection["features"]:
        place = cat.places[feature["id"]]
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        assert feature["geometry"]["coordinates"] == [place.lon, place.lat]
        assert feature["properties"]["precision"] == place.precision
        assert feature["properties"]["location_source"] == (
            "district reference point" if place.from_district else "registry"
        )
        assert {"id", "name", "district", "precision", "location_source"} <= set(feature["properties"])


def test_geojson_known_centers() -> None:
    cat, strings = _load("small")
    features = {f["id"]: f for f in json.loads(exports.files(cat, strings)["data/centers.geojson"])["features"]}
    assert features["ornek-konak"]["geometry"]["coordinates"] == [27.1287, 38.4189]
    assert features["ornek-konak"]["properties"] | {"phones": []} == {
        "id": "ornek-konak",
        "name": "Örnek Konak Merkezi",
        "kind": "municipal-counseling",
        "status": "active",
        "district": "Konak",
        "precision": "exact",
        "location_source": "registry",
        "phones": [],
        "services": ["legal-counseling", "psychological-support"],
        "page": "merkezler/ornek-konak/",
    }
    real, real_strings = _load("real")
    menemen = json.loads(exports.files(real, real_strings)["data/centers.geojson"])["features"]
    sonim = next(f for f in menemen if f["id"] == "sonim-menemen")
    district = real.districts["menemen"]
    assert sonim["geometry"]["coordinates"] == [district.lon, district.lat]
    assert sonim["properties"]["location_source"] == "district reference point"
    (lat_min, lat_max), (lon_min, lon_max) = BOUNDS["lat"], BOUNDS["lon"]
    lon, lat = sonim["geometry"]["coordinates"]
    assert lon_min <= lon <= lon_max and lat_min <= lat <= lat_max and lon < lat  # İzmir: lon ~27, lat ~38


def test_csv_round_trip(built: tuple[Catalog, Strings, dict[str, str]]) -> None:
    cat, _, out = built
    rows = _rows(out["data/centers.csv"])
    assert tuple(rows[0]) == opendata.CSV_COLUMNS
    assert [r["id"] for r in rows] == [c.id for c in cat.centers]
    for row, center in zip(rows, cat.centers, strict=True):
        assert row["name"] == center.name.tr
        place = cat.places.get(center.id)
        assert (row["latitude"], row["longitude"]) == ((str(place.lat), str(place.lon)) if place else ("", ""))


def test_csv_keeps_turkish_letters() -> None:
    cat, strings = _load("real")
    rows = {r["id"]: r for r in _rows(exports.files(cat, strings)["data/centers.csv"])}
    row = rows["karsiyaka-muazzez-ilmiye-cig"]
    assert row["name"] == "Muazzez İlmiye Çığ Kadın Danışma Merkezi"
    assert row["operator"] == "Karşıyaka Belediyesi, Kadın ve Aile Hizmetleri Müdürlüğü"
    assert row["district"] == "Karşıyaka"
    assert row["phones"] == "(0232) 362 57 77" and row["phones_tel"] == "tel:+902323625777"


def _center(**fields: Any) -> Center:
    base: dict[str, Any] = {
        "id": "x",
        "name": {"tr": "X"},
        "kind": "ngo",
        "operator": {"tr": "Y"},
        "services": ["referral"],
        "verification": {
            "sources": [
                {
                    "id": "s",
                    "url": "https://example.org/",
                    "publisher": "Örnek",
                    "kind": "news",
                    "published": "undated",
                    "read": dt.date(2026, 1, 1),
                }
            ],
        },
    }
    given = base | fields
    backed = [f for f in ("address", "location", "email", "hours", "access") if f in given]
    given.setdefault("evidence", {"entry": ["s"], "services": ["s"], **{f: ["s"] for f in backed}})
    for phone in given.get("phones", []):
        phone.setdefault("evidence", ["s"])
        phone.setdefault("kind", "unconfirmed")
    return Center.model_validate(given)


def _with(name: str, *centers: Center) -> Catalog:
    reg = _registry(name)
    return catalog.derive(dataclasses.replace(reg, centers=reg.centers + centers), today_for(REGISTRIES[name]))


def test_csv_cells_never_start_a_formula() -> None:
    formula = '=HYPERLINK("https://evil.example","tıkla")'
    cat = _with(
        "small",
        _center(
            id="formula",
            name={"tr": formula},
            operator={"tr": "+cmd|' /C calc'!A0"},
            address={"tr": "@SUM(1+1)"},
            district="konak",
        ),
    )
    row = next(r for r in _rows(opendata.csv_text(cat)) if r["id"] == "formula")
    assert row["name"] == "'" + formula
    assert row["operator"].startswith("'+") and row["address"].startswith("'@")


def test_hsds_ids_are_stable_uuids_and_consistent(built: tuple[Catalog, Strings, dict[str, str]]) -> None:
    cat, strings, out = built
    tables = {t: json.loads(out[f"data/hsds/{t}.json"]) for t in hsds.TABLES}
    for name, rows in tables.items():
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids)), name
        assert all(uuid.UUID(i).version == 5 for i in ids), name
    ids = {name: {row["id"] for row in rows} for name, rows in tables.items()}
    assert {s["organization_id"] for s in tables["service"]} <= ids["organization"]
    assert {loc["organization_id"] for loc in tables["location"]} <= ids["organization"]
    for row in tables["service_at_location"]:
        assert row["service_id"] in ids["service"] and row["location_id"] in ids["location"]
    for name in ("phone", "schedule", "language"):
        assert {row["service_id"] for row in tables[name]} <= ids["service"], name
    assert [s["id"] for s in tables["service"]] == [hsds.hsds_id(c.id, "service") for c in cat.centers]
    again = catalog.derive(_registry("real" if cat.centers[0].id != "ornek-konak" else "small"), cat.today)
    assert hsds.tables(cat, strings) == hsds.tables(again, strings)  # same ids next build
    for row in tables["service"]:
        assert row["status"] in ("active", "inactive", "defunct", "temporarily closed")
    for row in tables["location"]:
        assert row["location_type"] == "physical"


def test_hsds_schedules() -> None:
    cat, strings = _load("small")
    schedules = hsds.tables(cat, strings)["schedule"]
    konak = [s for s in schedules if s["service_id"] == hsds.hsds_id("ornek-konak", "service")]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in konak] == [
        ("MO", "08:30+03:00", "12:00+03:00"),
        ("MO", "13:00+03:00", "17:30+03:00"),
        ("TU,WE,TH,FR", "08:30+03:00", "17:30+03:00"),
    ]
    always = [s for s in schedules if s["service_id"] == hsds.hsds_id("ornek-bornova", "service")]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in always] == [
        ("MO,TU,WE,TH,FR,SA,SU", "00:00+03:00", "23:59+03:00")
    ]


def test_jsonld_types_contacts_and_hours() -> None:
    cat, strings = _load("small")
    by_id = {c.id: c for c in cat.centers}
    office = jsonld.center(
        Context(cat, strings, "en"), by_id["ornek-konak"], "https://example.org/en/merkezler/ornek-konak/"
    )
    assert json.loads(island(office)) == office
    assert office["@type"] == "GovernmentOffice" and office["name"] == "Sample Konak Centre"
    assert office["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Konak",
        "addressRegion": "İzmir",
        "addressCountry": "TR",
    }
    assert office["geo"] == {"@type": "GeoCoordinates", "latitude": 38.4189, "longitude": 27.1287}
    assert office["telephone"] == "+902321111111"  # its own direct line
    assert office["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "telephone": "+902321111111",
            "contactType": strings.get("phone.kind.direct", "en"),
            "availableLanguage": ["tr", "ku", "ar"],
        }
    ]
    assert office["openingHoursSpecification"][-1] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["Tuesday", "Wednesday", "Thursday", "Friday"],
        "opens": "08:30",
        "closes": "17:30",
    }
    ngo = jsonld.center(
        Context(cat, strings, "tr"), by_id["ornek-bornova"], "https://example.org/merkezler/ornek-bornova/"
    )
    assert ngo["@type"] == "NGO" and "geo" not in ngo and ngo["location"]["@type"] == "Place"
    assert "telephone" not in ngo  # a switchboard is never the organization's own number
    assert ngo["contactPoint"][0]["contactType"] == "Genel hat. Derneğin genel hattı; merkezi sorun"  # kind, label
    assert ngo["location"]["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "23:59",
            "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        }
    ]
    # placed at its district's point only
    approximate = jsonld.center(Context(cat, strings, "tr"), by_id["ornek-urla"], "u")
    assert "geo" not in approximate and approximate["address"]["addressLocality"] == "Urla"
    assert "openingHoursSpecification" not in approximate  # unknown hours are not guessed


@pytest.mark.parametrize("kind", sorted(set(get_args(Kind)) - {"shelter"}))
def test_jsonld_type_per_kind(kind: str) -> None:
    cat, strings = _load("small")
    expected = "GovernmentOffice" if kind in jsonld.GOVERNMENT else "NGO"
    center = publish(_center(kind=kind), cat.districts)
    assert jsonld.center(Context(cat, strings, "tr"), center, "u")["@type"] == expected


def test_jsonld_survives_a_hostile_name() -> None:
    _, strings = _load("small")
    hostile = '</script><script>alert(1)</script> <!-- & \u2028 "quote"'
    center = _center(id="hostile", name={"tr": hostile, "en": hostile}, address={"tr": hostile}, district="konak")
    cat = _with("small", center)
    markup = jsonld.center(
        Context(cat, strings, "en"), publish(center, cat.districts), "https://example.org/en/merkezler/hostile/"
    )
    text = str(island(markup))
    assert "<" not in text and ">" not in text and "&" not in text.replace("\\u0026", "")
    assert json.loads(text) == markup and json.loads(text)["name"] == hostile


# --- invariant 5 ------------------------------------------------------------------------------------------

MARKERS = (
    "GİZLİ-ADRES-İŞARETİ",
    "GİZLİ-ULAŞIM-İŞARETİ",
    "38.123456",
    "27.654321",
    "999 99 99",
    "9999999",
    "Kiraz",
    "kiraz",
)


def _leaky_shelter() -> Center:
    """A confidential entry as a careless editor might write it; the registry rejects it, the exports must
    not rely on that."""
    return _center(
        id="gizli-siginma",
        name={"tr": "Gizli Sığınma"},
        kind="shelter",
        confidential=True,
        district="kiraz",
        address={"tr": "GİZLİ-ADRES-İŞARETİ", "en": "GİZLİ-ADRES-İŞARETİ"},
        transport={"tr": "GİZLİ-ULAŞIM-İŞARETİ"},
        location={"lat": 38.123456, "lon": 27.654321, "precision": "exact", "source": "visit"},
        phones=[{"number": "0232 999 99 99"}, {"number": "183", "kind": "national"}],
        services=["shelter"],
    )


def test_a_confidential_entry_exposes_no_place_in_any_file() -> None:
    _, strings = _load("small")
    cat = _with("small", _leaky_shelter())
    assert "gizli-siginma" not in cat.places
    out = exports.files(cat, strings)
    assert set(out) == EXPECTED_FILES
    for path, text in out.items():
        # The coverage table lists every district of İzmir, Kiraz too: there the shelter must simply not count.
        everywhere = ("Kiraz", "kiraz") if path == "data/kapsam.csv" else ()
        for marker in MARKERS:
            assert marker in everywhere or marker not in text, (path, marker)
    kiraz = next(r for r in _rows(out["data/kapsam.csv"]) if r["district"] == "kiraz")
    assert kiraz["centres_listed"] == "0"
    record = next(c for c in json.loads(out["data/centers.json"])["centers"] if c["id"] == "gizli-siginma")
    assert (record["district"], record["address"], record["location"], record["transport"]) == (None,) * 4
    assert [p["national"] for p in record["phones"]] == ["183"]  # reached through the national line only
    assert "gizli-siginma" not in out["data/centers.geojson"]
    row = next(r for r in _rows(out["data/centers.csv"]) if r["id"] == "gizli-siginma")
    assert not any(row[k] for k in ("district", "address", "latitude", "longitude", "precision", "location_source"))
    service = hsds.hsds_id("gizli-siginma", "service")
    assert service in out["data/hsds/service.json"]  # it is listed, by name and line
    for table in ("location", "service_at_location"):
        assert service not in out[f"data/hsds/{table}.json"]
        assert hsds.hsds_id("gizli-siginma", "location") not in out[f"data/hsds/{table}.json"]
    markup = jsonld.center(
        Context(cat, strings, "tr"),
        publish(_leaky_shelter(), cat.districts),
        "https://example.org/merkezler/gizli-siginma/",
    )
    assert markup["@type"] == "Organization"
    assert not {"address", "geo", "location", "openingHoursSpecification"} & set(markup)
    assert not any(marker in json.dumps(markup, ensure_ascii=False) for marker in MARKERS)


def test_the_real_shelter_entry_exposes_no_place() -> None:
    cat, strings = _load("real")
    shelters = [c for c in cat.centers if c.confidential]
    assert shelters, "the real registry lists the municipality's shelters as a confidential entry"
    out = exports.files(cat, strings)
    document = json.loads(out["data/centers.json"])
    features = {f["id"] for f in json.loads(out["data/centers.geojson"])["features"]}
    rows = {r["id"]: r for r in _rows(out["data/centers.csv"])}
    locations = out["data/hsds/location.json"] + out["data/hsds/service_at_location.json"]
    for shelter in shelters:
        record = next(c for c in document["centers"] if c["id"] == shelter.id)
        assert record["confidential"] is True
        assert all(record[k] is None for k in ("district", "address", "location", "transport"))
        assert shelter.id not in features
        assert not any(rows[shelter.id][k] for k in ("district", "address", "latitude", "longitude"))
        assert hsds.hsds_id(shelter.id, "service") not in locations
        markup = jsonld.center(Context(cat, strings, "ar"), shelter, "u")
        assert not {"address", "geo", "location"} & set(markup)


def test_files_are_plain_text_for_the_writer(tmp_path: Path) -> None:
    cat, strings = _load("small")
    for rel, text in exports.files(cat, strings).items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        assert text.endswith("\n")
    assert json.loads((tmp_path / "data" / "centers.json").read_text(encoding="utf-8"))["centers"]
