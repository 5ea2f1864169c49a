"""A registry whose every text field, in every language, carries strings that try to break out of the
Markdown, HTML, attribute, JS and YAML contexts they land in. Used by the escaping tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)></iframe>",
    "</script><script>alert(1)</script>",
    "${alert(1)} `backtick`",
    "{{ 7*7 }} {% raw %}",
    "<!-- comment --> -->",
    "![i](data:text/html,<script>alert(1)</script>)",
    "&lt;b&gt; &amp;",
    "\u202eevil\u200b",
    "*emphasis* __strong__",
    "---\ntitle: injected\n---",
)
HOSTILE = " | ".join(PAYLOADS)
NAME = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"


def localized(text: str) -> dict[str, str]:
    return {lang: text for lang in ("tr", "en", "ar", "ku", "fa")}


def write_registry(target: Path, fixtures: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(fixtures / "small" / "ui.yaml", target / "ui.yaml")
    districts = {
        "districts": {
            "konak": {"name": f"Konak {HOSTILE}", "lat": 38.4, "lon": 27.1, "note": HOSTILE},
            "bornova": {"name": "Bornova", "lat": 38.47921, "lon": 27.2399},
        }
    }
    phone = {
        "number": "0232 111 11 11",
        "kind": "switchboard",
        "label": localized(HOSTILE),
        "how": localized(HOSTILE),
        "inferred": localized(HOSTILE),
        "channels": ["voice", "sms"],
        "evidence": ["kaynak"],
    }
    source = {
        "id": "kaynak",
        "url": "https://example.org/?q=%3Cscript%3E&x=${alert(1)}",
        "publisher": HOSTILE,
        "kind": "news",
        "published": "2025-11",
        "read": "2026-01-01",
        "quote": HOSTILE[:400],
    }
    check = {"date": "2026-01-01", "method": "call", "by": "volunteer", "confirmed": ["entry"], "note": HOSTILE[:600]}
    verification = {"sources": [source], "checks": [check]}

    def evidence(*facts: str) -> dict[str, list[str]]:
        return {fact: ["kaynak"] for fact in ("entry", "services", *facts)}

    centers = {
        "centers": [
            {
                "id": "hostile",
                "name": localized(NAME),
                "kind": "ngo",
                "operator": localized(HOSTILE),
                "district": "konak",
                "address": localized(HOSTILE),
                "location": {"lat": 38.41, "lon": 27.12, "precision": "neighbourhood"},
                "phones": [phone],
                "email": "a@example.org",
                "website": "https://example.org/a?b=${alert(1)}",
                "services": ["legal-counseling"],
                "interpreting": localized(HOSTILE),
                "eligibility": localized(HOSTILE),
                "transport": localized(HOSTILE),
                "notes": localized(HOSTILE),
                "evidence": evidence("address", "location", "email"),
                "verification": verification,
            },
            {
                "id": "hostile-elsewhere",
                "name": localized(HOSTILE),
                "kind": "ngo",
                "operator": localized(HOSTILE),
                "phones": [phone],
                "services": ["referral"],
                "evidence": evidence(),
                "verification": verification,
            },
            {
                "id": "hostile-shelter",
                "name": localized(HOSTILE),
                "kind": "shelter",
                "confidential": True,
                "operator": localized(HOSTILE),
                "notes": localized(HOSTILE),
                "services": ["shelter"],
                "evidence": evidence(),
                "verification": verification,
            },
        ]
    }
    hotlines = {
        "hotlines": [
            {
                "id": "hostile-line",
                "name": localized(HOSTILE),
                "description": localized(HOSTILE),
                "phones": [{"number": "112", "kind": "national", "label": localized(HOSTILE), "evidence": ["kaynak"]}],
                "scope": "national",
                "emergency": True,
                "evidence": {"entry": ["kaynak"]},
                "verification": verification,
            },
        ]
    }
    # JSON is YAML: dates stay strings here, so write the date fields as YAML dates afterwards.
    for name, value in (("districts", districts), ("centers", centers), ("hotlines", hotlines)):
        text = json.dumps(value, ensure_ascii=False, indent=1)
        for field in ("read", "date"):
            text = text.replace(f'"{field}": "2026-01-01"', f'"{field}": 2026-01-01')
        (target / f"{name}.yaml").write_text(text, encoding="utf-8")
    return target
