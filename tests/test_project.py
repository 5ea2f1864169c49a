"""Project-level consistency: pins, languages, interface strings."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import get_args

import pytest
import yaml

from builder.languages import DEFAULT, SITE_LANGUAGES
from builder.registry import evidence as registry_evidence
from builder.registry import models
from builder.registry.hours import Hours
from builder.registry.problems import RegistryError
from builder.site import evidence as site_evidence
from builder.site.i18n import languages_of, load_strings
from tests.conftest import REAL_TODAY, ROOT


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_every_dependency_is_pinned_and_locked() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lock = _lock()
    declared = project["dependencies"] + project["optional-dependencies"]["test"]
    for requirement in declared:
        name, _, version = requirement.partition("==")
        assert version, f"{requirement} is not pinned exactly"
        assert lock.get(re.sub(r"[-_.]+", "-", name).lower()) == version, f"{requirement} differs from the lock"


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # mkdocs.yml's !ENV-style tags


def test_mkdocs_languages_match_the_builder() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    locales = [lang["locale"] for lang in i18n["languages"]]
    assert tuple(locales) == SITE_LANGUAGES
    assert [lang["locale"] for lang in i18n["languages"] if lang.get("default")] == [DEFAULT]
    assert all(lang.get("site_name") for lang in i18n["languages"]), "every language needs its own site_name"
    assert config["theme"]["font"] is False


def test_every_interface_string_exists_in_every_language_it_is_shown_in() -> None:
    """Every string in all five languages, but the coordinators' page's (coverage.*): Turkish and English."""
    strings = load_strings(ROOT / "data" / "ui.yaml")
    for key, values in strings.table.items():
        for lang in languages_of(key):
            assert values.get(lang, "").strip(), f"{key} lacks {lang}"
    assert languages_of("coverage.title") == ("tr", "en") and languages_of("home.title") == SITE_LANGUAGES


def test_a_missing_translation_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "ui.yaml"
    full = ", ".join(f"{lang}: A" for lang in SITE_LANGUAGES)
    partial = ", ".join(f"{lang}: B" for lang in SITE_LANGUAGES if lang != "ar")
    path.write_text(f"strings:\n  a: {{{full}}}\n  b: {{{partial}}}\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_strings(path, "ui.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.entry) == (3, "string b") and "ar" in problem.message


def test_every_string_key_used_by_the_builder_exists() -> None:
    used = set()
    for path in [*(ROOT / "builder" / "site").glob("*.py"), *(ROOT / "builder" / "site" / "templates").glob("*.j2")]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.-]+)["']""", path.read_text(encoding="utf-8")))
    # Keys built from the contract's closed vocabularies: every value needs its label.
    vocabularies = {
        "kind": models.Kind,
        "service": models.Service,
        "status": models.Status,
        "phone.kind": models.LineKind,
        "phone.channel": models.Channel,
        "verification": site_evidence.Status,
        "evidence": site_evidence.Basis,
        "evidence.kind": registry_evidence.SourceKind,
        "check": registry_evidence.CheckMethod,
        "role": registry_evidence.Role,
        "access.appointment": models.Access.model_fields["appointment"].annotation,
        "hours.holidays": Hours.model_fields["public_holidays"].annotation,
    }
    for prefix, vocabulary in vocabularies.items():
        used |= {f"{prefix}.{value}" for value in get_args(vocabulary)}
    used |= {f"fact.{name}" for name in (*registry_evidence.FACTS, "phone")}
    table = load_strings(ROOT / "data" / "ui.yaml").table
    assert len(used) > 60 and used <= set(table), sorted(used - set(table))


def test_every_holiday_name_has_a_translation() -> None:
    # The `holidays` package names holidays in Turkish and English only; the other languages use ui.yaml.
    from builder.site.holidays import holiday_keys

    table = load_strings(ROOT / "data" / "ui.yaml").table
    keys = holiday_keys(REAL_TODAY)
    assert len(keys) >= 9 and keys <= set(table), sorted(keys - set(table))
