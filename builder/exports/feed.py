"""Atom feeds of registry changes, one per site language: which center, which fields, when, contact changes
first, so that NGO sites and coordinators can follow updates. Pure: the registry's versions in (read from
git by builder.exports.history, the edge), feed texts out; builder.registry.changes compares two versions.

Only field names travel, never values, and a confidential entry never names a field of its place: a
shelter's address that an editor once wrote by mistake stays out of the feed as it stays out of the site.
Without a history (a tarball, a copy outside git) each feed says so in its subtitle and one entry.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final, Literal

from builder.exports.opendata import ATTRIBUTION, LICENSE_URL
from builder.registry.changes import SENSITIVE, compare
from builder.site import routes
from builder.site.catalog import Catalog
from builder.site.i18n import Formatter, Strings

ATOM: Final = "http://www.w3.org/2005/Atom"
LIMIT: Final = 50  # entries per feed, newest first
PLACE: Final = frozenset({"address", "location", "district", "transport", "phones"})


@dataclass(frozen=True)
class Version:
    commit: str
    when: dt.datetime  # the commit's date, with its offset
    data: Any  # centers.yaml as parsed at that commit; {} before the file existed


@dataclass(frozen=True)
class Entry:
    center_id: str
    name: str  # Turkish, as that version names it
    commit: str
    when: dt.datetime
    action: Literal["added", "removed", "changed"]
    contact: tuple[str, ...] = ()  # top-level fields that say how to reach or find the center
    other: tuple[str, ...] = ()


def _top(path: str) -> str:
    return path.split("[")[0].split(".")[0]


def _confidential(data: Any, center_id: str) -> bool:
    centers = data.get("centers") if isinstance(data, dict) else None
    for entry in centers if isinstance(centers, list) else []:
        if isinstance(entry, dict) and str(entry.get("id")) == center_id:
            return entry.get("confidential") is True or entry.get("kind") == "shelter"
    return False


def entries(history: tuple[Version, ...], limit: int = LIMIT) -> list[Entry]:
    """One entry per center a commit changed, newest commit first; `history` is oldest first, and its first
    version is only the ground the second is compared with."""
    out: list[Entry] = []
    for before, after in pairwise(history):
        report = compare(before.data, after.data)
        found: list[Entry] = []
        for ident, name, _fields in report.added:
            found.append(Entry(ident, name, after.commit, after.when, "added"))
        for ident, name in report.removed:
            found.append(Entry(ident, name, after.commit, after.when, "removed"))
        for center in report.changed:
            hidden = _confidential(before.data, center.id) or _confidential(after.data, center.id)
            tops = list(dict.fromkeys(_top(c.path) for c in center.changes))
            tops = [t for t in tops if not (hidden and t in PLACE)]
            if not tops:
                continue
            contact = tuple(t for t in SENSITIVE if t in tops)
            other = tuple(sorted(t for t in tops if t not in SENSITIVE))
            found.append(Entry(center.id, center.name, after.commit, after.when, "changed", contact, other))
        found.sort(key=lambda e: (not e.contact, e.center_id))  # contact changes first
        out = found + out
    return out[:limit]


def _label(strings: Strings, field: str, lang: str) -> str:
    key = f"field.{field}"
    return strings.get(key, lang) if key in strings.table else field


def feed(catalog: Catalog, strings: Strings, site_url: str, history: tuple[Version, ...] | None, lang: str) -> str:
    """The Atom feed of language `lang`."""
    fmt = Formatter(lang)
    self_url = routes.absolute(site_url, routes.feed(lang))
    page_url = routes.absolute(site_url, routes.page_path(lang, f"{routes.DATA_PAGE}/"))
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    found = entries(history) if history else []
    updated = max((v.when for v in history), default=None) if history else None
    ET.SubElement(root, "id").text = self_url
    ET.SubElement(root, "title").text = strings.get("feed.title", lang)
    subtitle = strings.get("feed.subtitle" if history else "feed.no_history", lang)
    ET.SubElement(root, "subtitle").text = subtitle
    stamp = updated.isoformat() if updated else f"{catalog.today.isoformat()}T00:00:00+03:00"
    ET.SubElement(root, "updated").text = stamp
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": self_url})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": page_url})
    ET.SubElement(ET.SubElement(root, "author"), "name").text = ATTRIBUTION
    ET.SubElement(root, "rights").text = LICENSE_URL
    current = {c.id: c for c in catalog.centers}
    if not history:
        item = ET.SubElement(root, "entry")
        ET.SubElement(item, "id").text = f"{self_url}#no-history"
        ET.SubElement(item, "title").text = strings.get("feed.no_history_title", lang)
        ET.SubElement(item, "updated").text = stamp
        ET.SubElement(item, "link", {"rel": "alternate", "type": "text/html", "href": page_url})
        ET.SubElement(item, "summary").text = subtitle
    for entry in found:
        center = current.get(entry.center_id)
        name = center.name.get(lang) if center else entry.name or entry.center_id
        url = routes.absolute(site_url, routes.page_path(lang, routes.center(entry.center_id))) if center else page_url
        item = ET.SubElement(root, "entry")
        ET.SubElement(item, "id").text = f"{self_url}#{entry.commit[:12]}-{entry.center_id}"
        if entry.action == "changed":
            fields = fmt.join([_label(strings, f, lang) for f in (*entry.contact, *entry.other)])
            title = strings.get("feed.changed", lang, name=name, fields=fields)
        else:
            title = strings.get(f"feed.{entry.action}", lang, name=name)
        ET.SubElement(item, "title").text = title
        ET.SubElement(item, "updated").text = entry.when.isoformat()
        ET.SubElement(item, "link", {"rel": "alternate", "type": "text/html", "href": url})
        parts = []
        if entry.contact:
            contact = fmt.join([_label(strings, f, lang) for f in entry.contact])
            parts.append(strings.get("feed.contact", lang, fields=contact))
        if entry.other:
            parts.append(
                strings.get("feed.other", lang, fields=fmt.join([_label(strings, f, lang) for f in entry.other]))
            )
        ET.SubElement(item, "summary").text = " ".join(parts) or title
        ET.SubElement(item, "category", {"term": "contact" if entry.contact else entry.action})
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
