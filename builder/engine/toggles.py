"""Material's two body toggles, the checkboxes #__drawer and #__search, made valid and named.

Material's base.html writes them at the top of <body>, outside every block, so no template of ours reaches
them. Both carry autocomplete="off", which HTML allows on text-like inputs only (the Nu Html Checker's one
error on every page), and neither has a name (HTML_CodeSniffer H91, F68: #__search has no label at all, this
site having no Material search; #__drawer's only label is an icon). The handlers (builder/engine/events.py)
rewrite them on every page; a Material upgrade that changes them fails the build, not the checkers later.
"""

from __future__ import annotations

from html import escape
from typing import Final

TOGGLES: Final = {
    name: f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
    for name in ("drawer", "search")
}


class ToggleMissing(ValueError):
    pass


def name_toggles(html: str, labels: dict[str, str]) -> str:
    """`labels`: the accessible name of each toggle ("drawer", "search") in the page's language."""
    for name, tag in TOGGLES.items():
        if tag not in html:
            raise ToggleMissing(f"Material's #__{name} toggle is not where base.html used to write it: {tag}")
        named = tag.replace(' autocomplete="off">', f' aria-label="{escape(labels[name])}">')
        html = html.replace(tag, named, 1)
    return html
