"""`python -m builder new-center ID`: a commented skeleton of a new entry, made from the models' closed
vocabularies, with the required fields left empty so that validation points at each one until it is filled."""

from __future__ import annotations

from typing import Any, get_args

from builder.editors.fields import optional
from builder.registry import source
from builder.registry.models import Kind, Precision, Service, Status, check_slug
from builder.registry.models import Location as PointModel


def _choices(literal: Any) -> str:
    return ", ".join(get_args(literal))


def skeleton(center_id: str) -> str:
    """A new entry to paste at the end of data/centers.yaml. Required fields are left empty, so that
    validation points at each one until it is filled; optional ones are commented out."""
    sources = PointModel.model_fields["source"].annotation
    return f"""\
  # New entry: fill in every empty field. `python -m builder validate` lists what is left, line by line.
  # A line starting with # is optional: remove the # to use it, and only with a source.
  - id: {center_id}  # permanent: it is the page address. Never change it once published.
    name:
      tr:  # the centre's name in Turkish, as the operator writes it
      # en:  # English name, if you have a good translation
      # ar:  # Arabic
      # ku:  # Kurmanji
      # fa:  # Persian
    kind:  # one of: {_choices(Kind)}
    operator:
      tr:  # who runs it: municipality, ministry directorate, association
    # district: konak  # a key of data/districts.yaml; leave out if unknown
    # address:  # never for a shelter
    #   tr: Street, number, neighbourhood, as the operator's page gives them
    # location: {{lat: 38.4189, lon: 27.1287, precision: street, source: map}}  # read off a map; never for a shelter
    #   precision: {_choices(Precision)}
    #   source: {_choices(optional(sources))}
    phones:  # delete these three lines if no source gives a number
      - number:  # as written in Türkiye: 0232 362 57 77, 444 35 66 or 183
        kind: direct  # direct (its own line), switchboard (a general line: ask for the centre) or hotline
    # email: kadin@example.bel.tr
    # website: https://www.example.bel.tr/kadin-danisma-merkezi
    # hours:  # leave out if unknown; never guess. A weekday left out is a closed day.
    #   mon: ["08:30-12:00", "13:00-17:30"]
    #   tue: ["08:30-17:30"]
    #   public_holidays: closed  # closed, open or unknown
    services: []  # one or more of: {_choices(Service)}
    languages: [tr]  # languages staff speak without an interpreter
    # access: {{appointment: recommended, free: true}}  # appointment: required, recommended, walk-in, unknown
    status: active  # {_choices(Status)}
    verification:
      status: unverified  # verified only after a call or the operator's own page confirmed the contacts
      checked:  # the day you checked, like 2026-03-08
      method:  # how: phone call to the centre, the operator's page, two news reports ...
      sources:
        -  # the page that confirms the facts above; one line per page
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


def append_skeleton(document: str, center_id: str) -> tuple[str, int]:
    """data/centers.yaml with the skeleton added at the end of its list, and the line of the new `- id:`."""
    check_new_id(document, center_id)
    head = document.rstrip("\n") + "\n\n"
    text = skeleton(center_id)
    line = head.count("\n") + next(i for i, ln in enumerate(text.splitlines()) if ln.startswith("  - id: ")) + 1
    return head + text, line
