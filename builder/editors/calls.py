"""`python -m builder calls`: a printable call sheet in Turkish, for the editors who confirm the registry by
phone. Per centre: the numbers to call and what each is said to be, the questions to ask (is this the
centre's own line? the hours? walk-in or appointment? the languages spoken? is ID asked for? the address?),
room to write the answers, and the check to copy into data/centers.yaml afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from builder.registry import Registry, phones
from builder.registry.models import Center
from builder.site import evidence
from builder.site.catalog import turkish_key
from builder.site.i18n import Strings

ROLES = "editor, volunteer, social-worker, lawyer, coordinator"
_LINE = "_" * 38


def due(registry: Registry, today: dt.date, district: str | None = None, older_than: int | None = None) -> list[Center]:
    """The public centres to call, in Turkish name order: those with a number that is not a national line,
    in `district` if given, and whose contact evidence is older than `older_than` days if given."""
    found = []
    for center in registry.centers:
        if center.confidential or (district and center.district != district):
            continue
        if not any(p.number and p.kind != "national" for p in center.phones):
            continue
        facts = evidence.facts(center).values()
        if older_than is not None and not evidence.is_stale(facts, today, older_than):
            continue
        found.append(center)
    return sorted(found, key=lambda c: turkish_key(c.name.tr))


def _when(fact: evidence.FactEvidence) -> str:
    newest = fact.as_of()
    return newest.isoformat() if newest else "tarihsiz"


def _questions(center: Center, strings: Strings) -> Iterable[str]:
    yield "Bu numara merkezin kendi hattı mı? (kendi hattı / randevu hattı / belediyenin genel hattı / başka)"
    yield "Çalışma günleri ve saatleri?" if center.hours is None else "Çalışma saatleri hâlâ aynı mı?"
    yield "Randevusuz gidilebilir mi, randevu mu gerekir?"
    yield "Hangi dillerde konuşan çalışan var? Tercüman ayarlanabilir mi?"
    yield "Başvuruda kimlik isteniyor mu?"
    yield "Binaya tekerlekli sandalyeyle girilebiliyor mu?"
    if center.address is not None:
        yield f'Adres hâlâ "{center.address.tr}" mi?'
    else:
        yield "Yüz yüze görüşme yapılan açık adres? (Sığınmaevi adresi asla yazılmaz.)"
    services = ", ".join(strings.get(f"service.{s}", "tr").lower() for s in center.services)
    yield f"Şu hizmetler hâlâ veriliyor mu: {services}?"


def sheet(centers: list[Center], today: dt.date, strings: Strings) -> str:
    out = [
        f"KADIN DANIŞMA MERKEZLERİ — ARAMA LİSTESİ ({today.isoformat()}, {len(centers)} merkez)",
        "",
        "Kendinizi ve projeyi tanıtın; kimsenin adını kayda geçirmeyin. Her cevabı yanındaki çizgiye yazın.",
        "Sonucu, merkezin kaydına `verification: checks:` altına ekleyin (örnek her merkezin altında);",
        "sonra `python -m builder validate` çalıştırın.",
        "",
    ]
    for center in centers:
        facts = evidence.facts(center)
        out += ["=" * 78, f"{center.name.tr}  [{center.id}]", ""]
        for phone in center.phones:
            if phone.number is None or phone.kind == "national":
                continue
            fact = facts[f"phone:{phone.key}"]
            out.append(
                f"  Aranacak: {phones.national(phone.number)} — {strings.get(f'phone.kind.{phone.kind}', 'tr')}; "
                f"dayanak: {strings.get(evidence.basis_key(fact.basis), 'tr')} ({_when(fact)})"
            )
            if phone.inferred is not None:
                out.append(f"            not: {phone.inferred.tr}")
        out += ["", "  Sorular:"]
        out += [f"  [ ] {q}\n      {_LINE}" for q in _questions(center, strings)]
        numbers = ", ".join(
            f'"{phones.national(p.number)}"' for p in center.phones if p.number and p.kind != "national"
        )
        out += [
            "",
            "  Kayda eklenecek (data/centers.yaml):",
            "      checks:",
            f"        - date: {today.isoformat()}      # aradığınız gün",
            "          method: call",
            f"          by: volunteer              # rolünüz: {ROLES}; asla isim değil",
            f"          confirmed: [{numbers}]   # doğrulananlar: numara, address, hours, access, languages ...",
            "          wrong: []                  # yanlış çıkanlar (düzeltip sonra doğrulayın)",
            "          note: ...                  # kısaca ne söylendi (kişi adı yok)",
            "",
        ]
    return "\n".join(out) + "\n"
