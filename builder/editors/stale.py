"""`python -m builder stale`: the entries (centers and lines) whose contact facts rest on evidence older than a
year, or undated, oldest first, with what each fact rests on and where to start; exits 1 when there are any.

The age is the evidence's (the newest call, or the date the source was published), not the day an editor last
looked. In Turkish by default (`--lang en` for the rest of the team).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from builder.registry import Registry, phones
from builder.registry.models import Center, Hotline
from builder.registry.wording import say
from builder.site import evidence
from builder.site.evidence import STALE_DAYS, FactEvidence

_SAY = {
    "none": {
        "tr": "{days} günden eski kanıta dayanan kayıt yok.",
        "en": "No entry rests on evidence older than {days} days.",
    },
    "head": {
        "tr": "{n} kaydın iletişim bilgileri {days} günden eski (veya tarihsiz) kanıta dayanıyor:",
        "en": "{n} entries have contact facts resting on evidence older than {days} days (or undated):",
    },
    "fact": {"tr": "    {fact}: {basis}, {when}", "en": "    {fact}: {basis}, {when}"},
    "undated": {"tr": "tarihsiz", "en": "undated"},
    "todo": {"tr": "    ne yapmalı: {steps}", "en": "    to do: {steps}"},
    "call": {"tr": "{number} numarasını arayın ({kind})", "en": "call {number} ({kind})"},
    "page": {"tr": "kurumun sayfasına bakın: {url}", "en": "check the operator's page {url}"},
    "foot": {
        "tr": "Aradıktan sonra sonucu `verification: checks:` altına tarihiyle yazın (CONTRIBUTING.md, "
        '"Kontrolü kaydetmek"); `python -m builder calls` aranacakların listesini yazdırır.',
        "en": "After the call, record it under `verification: checks:` with its date (CONTRIBUTING.md, "
        '"Sources, evidence and checks"); `python -m builder calls` prints a call sheet.',
    },
}
# What a fact rests on and what a number is, in words: the codes are the registry's, not the editor's reading.
_BASIS = {
    "call": {"tr": "arama", "en": "a call"},
    "visit": {"tr": "ziyaret", "en": "a visit"},
    "email": {"tr": "e-posta", "en": "an e-mail"},
    "operator-page": {"tr": "kurumun sayfası (kontrol)", "en": "the operator's page (a check)"},
    "operator": {"tr": "kurumun kendi sayfası", "en": "the operator's own page"},
    "register": {"tr": "resmî kayıt", "en": "an official register"},
    "news": {"tr": "haber", "en": "a news report"},
    "other": {"tr": "başka bir sayfa", "en": "another page"},
}
_KIND = {
    "direct": {"tr": "merkezin kendi hattı", "en": "the centre's own line"},
    "appointment": {"tr": "randevu hattı", "en": "appointment line"},
    "switchboard": {"tr": "genel hat, merkezi sorun", "en": "general line, ask for the centre"},
    "national": {"tr": "ulusal hat", "en": "national line"},
    "unconfirmed": {"tr": "türü doğrulanmadı", "en": "kind not confirmed"},
}
_FACT = {
    "phone": {"tr": "telefon", "en": "phone"},
    "address": {"tr": "adres", "en": "address"},
    "hours": {"tr": "saatler", "en": "hours"},
}


@dataclass(frozen=True)
class Due:
    entry: Center | Hotline
    facts: list[tuple[str, FactEvidence]]  # (what, evidence) of each contact fact that is too old
    as_of: dt.date | None  # the newest evidence of them all

    @property
    def noun(self) -> str:
        return "center" if isinstance(self.entry, Center) else "hotline"


def stale(registry: Registry, today: dt.date, days: int = STALE_DAYS) -> list[Due]:
    """The entries due for a new check: undated first, then the oldest evidence first, then by id."""
    found = []
    entries: list[Center | Hotline] = [*registry.centers, *registry.hotlines]
    for entry in entries:
        facts = evidence.facts(entry)
        old = [
            (name, f)
            for name, f in facts.items()
            if f in evidence.contact(facts.values()) and f.older_than(today, days)
        ]
        if old:
            found.append(Due(entry, old, evidence.newest(facts.values())))
    return sorted(found, key=lambda d: (d.as_of is not None, d.as_of or dt.date.min, d.entry.id))


def shown(key: str) -> str:
    """A phone's key as an editor writes it: a number in national form, or the web address of a route."""
    return phones.national(key) if key.startswith("+") or key.isdigit() else key


def _steps(entry: Center | Hotline, lang: str) -> list[str]:
    steps = []
    if isinstance(entry, Center) and entry.website:
        steps.append(_SAY["page"][lang].format(url=entry.website))
    for phone in entry.phones:
        if phone.number is not None and phone.kind != "national":
            steps.append(_SAY["call"][lang].format(number=phones.national(phone.number), kind=_KIND[phone.kind][lang]))
    return steps


def report(due: list[Due], today: dt.date, days: int = STALE_DAYS, lang: str = "tr") -> str:
    if not due:
        return _SAY["none"][lang].format(days=days)
    lines = [_SAY["head"][lang].format(n=len(due), days=days), ""]
    for item in due:
        lines.append(f"- {say(f'noun.{item.noun}', lang)} {item.entry.id}: {item.entry.name.tr}")
        for name, fact in item.facts:
            what = _FACT[fact.fact][lang] + (f" {shown(name.removeprefix('phone:'))}" if fact.fact == "phone" else "")
            newest = fact.as_of()
            when = newest.isoformat() if newest else _SAY["undated"][lang]
            lines.append(_SAY["fact"][lang].format(fact=what, basis=_BASIS[fact.basis][lang], when=when))
        steps = _steps(item.entry, lang)
        if steps:
            lines.append(_SAY["todo"][lang].format(steps="; ".join(steps)))
    lines += ["", _SAY["foot"][lang]]
    return "\n".join(lines)
