"""`python -m builder new-center ID`: a commented skeleton of a new entry, made from the models' closed
vocabularies, with the required fields left empty so that validation points at each one until it is filled."""

from __future__ import annotations

from typing import Any, get_args

from builder.editors.fields import optional
from builder.registry import source
from builder.registry.models import Kind, Phone, Precision, Service, Status
from builder.registry.models import Location as PointModel
from builder.registry.values import check_slug


def _choices(literal: Any) -> str:
    return ", ".join(get_args(literal))


_COMMENTS: dict[str, dict[str, str]] = {
    "tr": {
        "head": "Yeni kayıt: boş alanların hepsini doldurun; `python -m builder validate` kalanı satır satır söyler.",
        "optional": "# ile başlayan satır isteğe bağlıdır: kullanmak için # işaretini silin; yalnızca bir kaynakla.",
        "id": "kalıcıdır: sayfanın adresidir. Yayımlandıktan sonra asla değiştirmeyin.",
        "name": "merkezin Türkçe adı, kurumun yazdığı gibi",
        "en": "İngilizce adı, iyi bir çeviri varsa",
        "ar": "Arapça",
        "ku": "Kürtçe (Kurmancî)",
        "fa": "Farsça",
        "kind": "şunlardan biri",
        "operator": "kim yürütüyor: belediye, bakanlık müdürlüğü, dernek",
        "district": "data/districts.yaml içindeki bir anahtar; bilinmiyorsa yazmayın",
        "address": "sığınmaevi için asla",
        "address_tr": "Sokak, numara, mahalle; kurumun sayfasındaki gibi",
        "location": "haritadan okunan nokta; sığınmaevi için asla",
        "phones": "hiçbir kaynak numara vermiyorsa bu satırları silin",
        "number": "tırnak içinde, Türkiye'de yazıldığı gibi",
        "phone_kind": "direct yalnızca bir arama ya da kurumun kendi sayfası doğruladıysa; şunlardan biri",
        "phone_evidence": "bu numarayı veren kaynakların id'leri (aşağıdaki sources içinden)",
        "hours": "bilinmiyorsa yazmayın; asla tahmin etmeyin. Yazılmayan gün kapalı günüdür.",
        "services": "bir veya daha fazlası",
        "languages": "çalışanların tercümansız konuştuğu diller",
        "access": "randevu: required, recommended, walk-in, unknown",
        "evidence": "her bilgiyi hangi kaynak veriyor: kaynakların id'leri",
        "evidence_entry": "merkezin var olduğu, adı, kurumu",
        "evidence_services": "hizmetler",
        "evidence_address": "adres yazdıysanız",
        "evidence_location": "konum yazdıysanız",
        "evidence_hours": "saat yazdıysanız",
        "evidence_access": "erişim bilgisi yazdıysanız",
        "evidence_languages": "Türkçe dışında dil yazdıysanız",
        "source_id": "kısa bir ad, örneğin gazete-2025; bilgiler buna atıf yapar",
        "url": "okuduğunuz sayfanın adresi",
        "publisher": "yayımlayan: belediye, gazete, ajans ...",
        "source_kind": "operator (kurumun kendi sayfası), register (resmî kayıt), news (haber) veya other",
        "published": 'yayım tarihi: 2025-04-10, "2025-04", 2025 veya undated (tarihsiz)',
        "read": "sayfayı okuduğunuz gün",
        "checks": 'arama, ziyaret veya e-postadan sonra: CONTRIBUTING.md, "Kontrolü kaydetmek"',
    },
    "en": {
        "head": "New entry: fill in every empty field. `python -m builder validate` lists what is left, line by line.",
        "optional": "A line starting with # is optional: remove the # to use it, and only with a source.",
        "id": "permanent: it is the page address. Never change it once published.",
        "name": "the centre's name in Turkish, as the operator writes it",
        "en": "English name, if you have a good translation",
        "ar": "Arabic",
        "ku": "Kurmanji",
        "fa": "Persian",
        "kind": "one of",
        "operator": "who runs it: municipality, ministry directorate, association",
        "district": "a key of data/districts.yaml; leave out if unknown",
        "address": "never for a shelter",
        "address_tr": "Street, number, neighbourhood, as the operator gives them",
        "location": "a point read off a map; never for a shelter",
        "phones": "delete these lines if no source gives a number",
        "number": "in quotes, as written in Türkiye",
        "phone_kind": "direct only once a call or the operator's own page confirms it; one of",
        "phone_evidence": "the ids of the sources that give this number (from sources below)",
        "hours": "leave out if unknown; never guess. A weekday left out is a closed day.",
        "services": "one or more of",
        "languages": "languages staff speak without an interpreter",
        "access": "appointment: required, recommended, walk-in, unknown",
        "evidence": "which source gives each fact: ids of the sources",
        "evidence_entry": "that the centre exists, its name and operator",
        "evidence_services": "the services",
        "evidence_address": "if you wrote an address",
        "evidence_location": "if you wrote a location",
        "evidence_hours": "if you wrote hours",
        "evidence_access": "if you wrote access",
        "evidence_languages": "if you listed languages other than Turkish",
        "source_id": "a short name like gazete-2025; facts refer to it",
        "url": "the address of the page you read",
        "publisher": "who published it: municipality, newspaper ...",
        "source_kind": "operator (its own page), register (official register), news or other",
        "published": 'published: 2025-04-10, "2025-04", 2025 or undated',
        "read": "the day you read it",
        "checks": 'after a call, visit or e-mail: CONTRIBUTING.md, "Sources, evidence and checks"',
    },
}


def skeleton(center_id: str, lang: str = "tr") -> str:
    """A new entry to paste at the end of data/centers.yaml, in the editors' language. Required fields are left
    empty, so that validation points at each one until it is filled; optional ones are commented out. Every
    value it shows is in a form that validates (numbers in quotes, dates as YYYY-MM-DD)."""
    c = _COMMENTS[lang]
    sources = PointModel.model_fields["source"].annotation
    line_kind = Phone.model_fields["kind"].annotation
    return f"""\
  # {c["head"]}
  # {c["optional"]}
  - id: {center_id}  # {c["id"]}
    name:
      tr:  # {c["name"]}
      # en:  # {c["en"]}
      # ar:  # {c["ar"]}
      # ku:  # {c["ku"]}
      # fa:  # {c["fa"]}
    kind:  # {c["kind"]}: {_choices(Kind)}
    operator:
      tr:  # {c["operator"]}
    # district: konak  # {c["district"]}
    # address:  # {c["address"]}
    #   tr: "{c["address_tr"]}"
    # location:  # {c["location"]}
    #   lat: 38.4189
    #   lon: 27.1287
    #   precision: street  # {_choices(Precision)}
    #   source: map  # {_choices(optional(sources))}
    phones:  # {c["phones"]}
      - number:  # {c["number"]}: "0232 362 57 77", "444 35 66", "183"
        kind:  # {c["phone_kind"]}: {_choices(line_kind)}
        evidence: []  # {c["phone_evidence"]}
    # hours:  # {c["hours"]}
    #   mon: ["08:30-12:00", "13:00-17:30"]
    #   tue: ["08:30-17:30"]
    #   public_holidays: closed  # closed, open, unknown
    services: []  # {c["services"]}: {_choices(Service)}
    languages: [tr]  # {c["languages"]}
    # access: {{appointment: recommended, free: true}}  # {c["access"]}
    status: active  # {_choices(Status)}
    evidence:  # {c["evidence"]}
      entry: []  # {c["evidence_entry"]}
      services: []  # {c["evidence_services"]}
      # address: []  # {c["evidence_address"]}
      # location: []  # {c["evidence_location"]}
      # hours: []  # {c["evidence_hours"]}
      # access: []  # {c["evidence_access"]}
      # languages: []  # {c["evidence_languages"]}
    verification:
      sources:
        - id:  # {c["source_id"]}
          url:  # {c["url"]}
          publisher:  # {c["publisher"]}
          kind:  # {c["source_kind"]}
          published:  # {c["published"]}
          read:  # {c["read"]}
      checks: []  # {c["checks"]}
"""


def check_new_id(document: str, center_id: str) -> None:
    """Raise ValueError, in words for an editor, unless `center_id` is a valid id no entry of the
    centers file `document` uses yet. Reads the raw file, so it works on a registry being edited."""
    check_slug(center_id)
    data = source.parse(document.encode("utf-8"), "data/centers.yaml").data
    entries = data.get("centers") if isinstance(data, dict) else None
    used = {e.get("id") for e in entries if isinstance(e, dict)} if isinstance(entries, list) else set()
    if center_id in used:
        raise ValueError(f"the id {center_id!r} is already used in data/centers.yaml; ids must be unique")


def append_skeleton(document: str, center_id: str, lang: str = "tr") -> tuple[str, int]:
    """data/centers.yaml with the skeleton added at the end of its list, and the line of the new `- id:`."""
    check_new_id(document, center_id)
    head = document.rstrip("\n") + "\n\n"
    text = skeleton(center_id, lang)
    line = head.count("\n") + next(i for i, ln in enumerate(text.splitlines()) if ln.startswith("  - id: ")) + 1
    return head + text, line
