"""Clearly synthetic registries for benchmarks and tests: N fake centers spread over İzmir's real districts.

Never written into data/. Used by benchmarks/build_time.py, benchmarks/phone.py, benchmarks/screenshots.py
and the page-weight tests (tests/test_budget.py), so that all of them measure the same registry.

    from benchmarks.synthetic import write_registry
    data_dir = write_registry(tmp / "data", 2000)
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
KINDS = (
    "metropolitan-counseling",
    "municipal-counseling",
    "municipal-unit",
    "state-violence-prevention",
    "bar-legal-aid",
    "ngo",
    "refugee-support",
)
SERVICES = ("legal-counseling", "psychological-support", "social-work", "referral", "training", "group-work")
PHONE_KINDS = ("switchboard", "appointment", "unconfirmed")
# The files a registry needs besides centers.yaml: copied from the real data/ unchanged.
SHARED_FILES = ("districts.yaml", "hotlines.yaml", "ui.yaml")


def q(text: str) -> str:
    """A YAML double-quoted scalar: JSON strings are valid YAML."""
    return json.dumps(text, ensure_ascii=False)


def center_yaml(i: int, district: str, today: dt.date) -> str:
    """Center number `i` of a synthetic registry, in `district`, checked before `today`. Deterministic."""
    num = f"{i:04d}"
    lat, lon = 38.0 + (i * 0.6180339887) % 1.0, 26.8 + (i * 0.4142135623) % 1.0
    lines = [
        f"  - id: sentetik-merkez-{num}",
        f"    name: {{tr: {q(f'Sentetik Merkez {num}')}, en: {q(f'Synthetic Centre {num}')}, "
        f"ar: {q(f'مركز اصطناعي {num}')}}}",
        f"    kind: {KINDS[i % len(KINDS)]}",
        f"    operator: {{tr: {q(f'Sentetik Kurum {i % 17}')}, en: {q(f'Synthetic Operator {i % 17}')}}}",
        f"    district: {district}",
        f"    address: {{tr: {q(f'Sentetik Sokak No {i}')}, en: {q(f'Synthetic Street No {i}')}, "
        f"ar: {q(f'شارع اصطناعي رقم {i}')}}}",
        f"    location: {{lat: {lat:.5f}, lon: {lon:.5f}, precision: exact}}",
        "    phones:",
        f"      - number: {q(f'0232 5{i // 100 % 100:02d} {i % 100:02d} {i * 7 % 100:02d}')}",
        f"        kind: {PHONE_KINDS[i % len(PHONE_KINDS)]}",
        "        evidence: [kaynak]",
        f"    email: sentetik{num}@example.org",
        f"    website: https://example.org/sentetik/{num}",
    ]
    if i % 7 == 0:
        lines.append("    hours: {always_open: true}")
    elif i % 3 == 0:
        days = ("mon", "tue", "wed", "thu", "fri")
        lines += [
            "    hours:",
            *(f'      {d}: ["08:30-12:00", "13:00-17:30"]' for d in days),
            "      public_holidays: closed",
        ]
    lines += [
        f"    services: [{', '.join(SERVICES[j % len(SERVICES)] for j in range(i % 3 + 1, i % 3 + 4))}]",
        f"    languages: [tr{', en' if i % 2 else ''}{', ar' if i % 5 == 0 else ''}]",
        "    access: {appointment: walk-in, free: true}",
        f"    notes: {{tr: {q('Sentetik kayıt; gerçek bir merkez değildir.')}, "
        f"en: {q('Synthetic entry; not a real centre.')}}}",
        "    evidence: {entry: [kaynak], address: [kaynak], location: [kaynak], email: [kaynak], services: [kaynak],",
        "               access: [kaynak]"
        + (", hours: [kaynak]" if i % 7 == 0 or i % 3 == 0 else "")
        + (", languages: [kaynak]}" if i % 2 or i % 5 == 0 else "}"),
        "    verification:",
        "      sources:",
        f"        - {{id: kaynak, url: https://example.org/kaynak/{num}, publisher: Sentetik Gazete {i % 13},",
        "           kind: news,",
        f"           published: {(today - dt.timedelta(days=60 + i % 900)).isoformat()},",
        f"           read: {(today - dt.timedelta(days=30 + i % 30)).isoformat()}}}",
    ]
    return "\n".join(lines) + "\n"


def districts(source: Path = ROOT / "data") -> list[str]:
    return list(YAML(typ="safe").load(source / "districts.yaml")["districts"])


def write_registry(data_dir: Path, n: int, today: dt.date, source: Path = ROOT / "data") -> Path:
    """Write a complete data folder with `n` synthetic centers, checked in the year before `today` (and the
    real districts, hotlines and interface strings) into `data_dir`; returns `data_dir`."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in SHARED_FILES:
        shutil.copy2(source / name, data_dir / name)
    keys = districts(source)
    body = "".join(center_yaml(i, keys[i % len(keys)], today) for i in range(1, n + 1))
    (data_dir / "centers.yaml").write_text(
        f"# SYNTHETIC benchmark registry: {n} fake centers.\ncenters:\n{body}", encoding="utf-8"
    )
    return data_dir


def build(n: int, workdir: Path, today: dt.date) -> Path:
    """Build the site of an `n`-center synthetic registry under `workdir` as on `today` (without the
    hand-written guides, which link to real centers) and return the site folder. The same build the tests
    use."""
    import sys

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.conftest import build_site  # one way to build a fixture registry, shared with the tests

    data = write_registry(workdir / "data", n, today)
    return build_site(data, workdir / "build", today=today)
