"""Open Referral HSDS 3.0 (builder/exports/hsds/): every file against the official schemas and Frictionless,
with 0 errors, on the small fixture, the real registry and the synthetic 2,000-center site; the profile as
valid JSON Schema; and a client that reads the static API as it would read the HSDS API."""

from __future__ import annotations

import dataclasses
import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from builder import exports, registry
from builder.exports import hsds
from builder.exports.hsds import fields, ids, profile, taxonomy
from builder.languages import SITE_LANGUAGES
from builder.site import catalog
from builder.site.catalog import Catalog
from builder.site.i18n import Strings, load_strings
from tests.conftest import FIXTURES, ROOT, today_for
from tests.standards import (
    HSDS,
    HSDS_OBJECTS,
    frictionless_errors,
    hsds_errors,
    hsds_validator,
    openapi_root,
    schema_errors,
)
from tests.test_exports import MARKERS, SITE_URL, _leaky_shelter

REGISTRIES = {"real": ROOT / "data", "small": FIXTURES / "small"}


def _load(name: str, *extra: Any) -> tuple[Catalog, Strings]:
    data = REGISTRIES[name]
    reg = registry.load(data, today_for(data))
    if extra:
        reg = dataclasses.replace(reg, centers=reg.centers + extra)
    return catalog.derive(reg, today_for(data)), load_strings(data / "ui.yaml")


@pytest.fixture(scope="module", params=list(REGISTRIES))
def built(request: pytest.FixtureRequest) -> tuple[Catalog, dict[str, str]]:
    cat, strings = _load(request.param)
    return cat, exports.files(cat, strings, SITE_URL, None)


def _write(files: dict[str, str], folder: Path) -> Path:
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return folder


def _site_files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in (site / "data").rglob("*.*")}


# --- the official schemas and Frictionless ---------------------------------------------------------------


def test_our_tables_are_hsds_tables_field_by_field() -> None:
    """Our tables' HSDS columns are the official ones (name, type, format, required, order); the profile's
    own come after them."""
    official = {r["name"]: r for r in json.loads((HSDS / "datapackage.json").read_text(encoding="utf-8"))["resources"]}
    for table in fields.TABLES:
        resource = official[table.name]
        assert table.csv == resource["path"]
        ours = [f for f in table.fields if not f.profile]
        theirs = resource["schema"]["fields"]
        assert [(f.name, f.type, f.format, f.required) for f in ours] == [
            (f["name"], f["type"], f.get("format"), f["constraints"]["required"]) for f in theirs
        ], table.name
        assert table.fields[: len(ours)] == tuple(ours), f"{table.name}: profile fields come last"
        for field in ours:
            assert list(field.enum) == theirs[[f["name"] for f in theirs].index(field.name)]["constraints"].get(
                "enum", []
            )
    assert fields.EVIDENCE.name not in official  # the profile's own table


def test_every_hsds_file_satisfies_the_official_schemas(built: tuple[Catalog, dict[str, str]]) -> None:
    assert hsds_errors(built[1]) == []


def test_the_tables_pass_frictionless(built: tuple[Catalog, dict[str, str]], tmp_path: Path) -> None:
    site = _write(built[1], tmp_path)
    assert frictionless_errors(site / "data" / "hsds" / "datapackage.json") == []


def test_the_validators_do_find_errors(tmp_path: Path) -> None:
    """The checks can fail: a null where HSDS wants a string, a wrong status, a missing id."""
    cat, strings = _load("small")
    files = exports.files(cat, strings, SITE_URL, None)
    services = json.loads(files["data/hsds/service.json"])
    services[0]["email"] = None
    services[1]["status"] = "open"
    del services[2]["id"]
    broken = files | {"data/hsds/service.json": json.dumps(services)}
    assert len(hsds_errors(broken)) == 3
    csv_text = files["data/hsds/services.csv"].replace(",active,", ",open,", 1)
    site = _write(files | {"data/hsds/services.csv": csv_text}, tmp_path)
    assert any("open" in e for e in frictionless_errors(site / "data" / "hsds" / "datapackage.json"))


def test_version_and_profile_are_declared(built: tuple[Catalog, dict[str, str]]) -> None:
    _, files = built
    root = json.loads(files["data/hsds/api/index.json"])
    assert schema_errors(openapi_root(), [root], "/") == []
    assert root["version"] == "3.0" and root["profile"] == SITE_URL + "data/hsds/profile.json"
    package = json.loads(files["data/hsds/datapackage.json"])
    assert package["profile"] == "tabular-data-package"
    assert package["hsds"] == {"version": "3.0", "profile": root["profile"]}
    document = json.loads(files["data/hsds/profile.json"])
    assert document["uri"] == root["profile"] and document["hsds_version"] == "3.0"
    assert set(document["documentation"]) == set(SITE_LANGUAGES)
    assert set(document["modifications"]) == set(profile.PATCHES)


def _merge(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON Merge Patch, as HSDS's Profiles reference prescribes."""
    if not isinstance(patch, dict):
        return patch
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = _merge(out.get(key), value)
    return out


def test_the_profile_is_valid_json_schema_and_the_data_satisfies_it(built: tuple[Catalog, dict[str, str]]) -> None:
    _, files = built
    merged = {}
    for name in profile.PATCHES:
        official = HSDS / "schema" / name
        base = json.loads(official.read_text(encoding="utf-8")) if official.is_file() else {}
        merged[name] = _merge(base, json.loads(files[f"data/hsds/profile/{name}"]))
        Draft202012Validator.check_schema(merged[name])
    pairs = tuple((n, json.dumps(s)) for n, s in merged.items())
    for name in (*HSDS_OBJECTS, "evidence"):
        rows = json.loads(files[f"data/hsds/{name}.json"])
        assert schema_errors(hsds_validator(f"{name}.json", pairs), rows, name) == []
    profiled = [n for n in profile.PATCHES if n != "evidence.json"]
    for name in profiled:  # every profile field is used and declared
        table = fields.BY_NAME[name.removesuffix(".json")]
        assert {f.name for f in table.fields if f.profile} <= set(merged[name]["properties"])


# --- what the files say -----------------------------------------------------------------------------------


def test_the_service_vocabulary_is_a_taxonomy_in_every_language(built: tuple[Catalog, dict[str, str]]) -> None:
    cat, files = built
    terms = json.loads(files["data/hsds/taxonomy_term.json"])
    assert len(terms) == len(taxonomy.SERVICES) * len(SITE_LANGUAGES)
    by_id = {t["id"]: t for t in terms}
    legal = {t["language"]: t["name"] for t in terms if t["code"].split("@")[0] == "legal-counseling"}
    assert (
        legal["tr"] == "Hukuki danışmanlık" and legal["en"] == "Legal counseling" and set(legal) == set(SITE_LANGUAGES)
    )
    attributes = json.loads(files["data/hsds/attribute.json"])
    for center in cat.centers:
        linked = [by_id[a["taxonomy_term_id"]]["code"] for a in attributes if a["link_id"] == ids.service_id(center.id)]
        assert linked == list(center.services), center.id


def test_metadata_records_the_dated_checks() -> None:
    cat, strings = _load("small")
    rows = hsds.tables(cat, strings, "u")
    konak = [
        m
        for m in rows["metadata"]
        if m["resource_id"]
        in {ids.service_id("ornek-konak")}
        | {p["id"] for p in rows["phone"] if p["service_id"] == ids.service_id("ornek-konak")}
    ]
    assert [(m["resource_type"], m["field_name"], m["replacement_value"]) for m in konak] == [
        ("phone", "number", "+902321111111"),
        ("service", "hours", "Mo 08:30-12:00,13:00-17:30; Tu-Fr 08:30-17:30; PH off"),
    ]
    assert {(m["last_action_date"], m["last_action_type"], m["updated_by"]) for m in konak} == {
        ("2026-01-15", "confirmed by call", "volunteer")
    }


def test_a_number_keeps_its_kind_and_label() -> None:
    cat, strings = _load("small")
    phones = [p for p in hsds.tables(cat, strings, "u")["phone"] if p["service_id"] == ids.service_id("ornek-bornova")]
    bornova = phones[0]
    assert bornova["line_kind"] == "switchboard" and bornova["description"].startswith("Derneğin genel hattı")


def test_a_district_point_is_not_a_place_and_precision_travels() -> None:
    cat, strings = _load("small")
    locations = {loc["external_identifier"]: loc for loc in hsds.tables(cat, strings, "u")["location"]}
    assert "latitude" not in locations["ornek-urla"] and "precision" not in locations["ornek-urla"]
    assert (locations["ornek-bornova"]["latitude"], locations["ornek-bornova"]["precision"]) == (38.4697, "street")


def test_no_file_of_a_confidential_entry_holds_its_place() -> None:
    cat, strings = _load("small", _leaky_shelter())
    files = {p: t for p, t in exports.files(cat, strings, SITE_URL, None).items() if "/hsds/" in p}
    for path, text in files.items():
        for marker in MARKERS:
            assert marker not in text, (path, marker)
    service = json.loads(files[f"data/hsds/api/services/{ids.service_id('gizli-siginma')}.json"])
    assert service["confidential"] is True and service["service_at_locations"] == []
    assert [p["number"] for p in service["phones"]] == ["183"]


# --- a client of the static API ---------------------------------------------------------------------------


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as answer:  # a local test server
        assert answer.status == 200
        return json.loads(answer.read().decode("utf-8"))


def read_like_a_client(base: str) -> dict[str, dict[str, Any]]:
    """As an HSDS client reads the API at `base` (the documented mapping: /x -> x.json): `/`, then
    `/services`, then `/services/{id}` for each: the compiled services by center id."""
    root = _get(base + "index.json")
    assert root["version"] == "3.0"
    listing = _get(base + "services.json")
    assert listing["total_items"] == len(listing["contents"]) and listing["last_page"] is True
    found = {}
    for item in listing["contents"]:
        service = _get(f"{base}services/{item['id']}.json")
        assert service["id"] == item["id"] and service["organization"]["name"]
        found[service["center_id"]] = service
    return found


def _check_client_view(found: dict[str, dict[str, Any]], cat_centers: list[dict[str, Any]]) -> None:
    public = {c["id"] for c in cat_centers if not c["confidential"]}
    hidden = {c["id"] for c in cat_centers if c["confidential"]}
    assert set(found) == public | hidden
    for center_id in public:
        located = found[center_id]["service_at_locations"]
        assert all(link["location"]["id"] == ids.location_id(center_id) for link in located)
    for center_id in hidden:
        assert found[center_id]["service_at_locations"] == [], center_id
        assert found[center_id]["confidential"] is True


def test_a_client_reads_the_real_static_api(real_origin: str, real_site: Path) -> None:
    found = read_like_a_client(real_origin + "data/hsds/api/")
    centers = json.loads((real_site / "data" / "centers.json").read_text(encoding="utf-8"))["centers"]
    _check_client_view(found, centers)
    assert any(s["service_at_locations"] for s in found.values())


def test_the_synthetic_site_validates_and_reads(synthetic_site: Path, synthetic_origin: str, tmp_path: Path) -> None:
    files = _site_files(synthetic_site)
    assert len([p for p in files if p.startswith("data/hsds/api/services/")]) >= 2000
    assert hsds_errors(files) == []
    assert frictionless_errors(synthetic_site / "data" / "hsds" / "datapackage.json") == []
    centers = json.loads(files["data/centers.json"])["centers"]
    _check_client_view(read_like_a_client(synthetic_origin + "data/hsds/api/"), centers)
