"""The locator's map, made with folium: Leaflet and MarkerCluster from our own site, tiles from one
configurable server, no CDN. folium writes the map and its layers; markers are added by the page's
script from the compact JSON (builder.site.islands), never as one folium object per center.

The map depends on no data, so its output is generated once and committed, like schema/: the map's
element in builder/site/templates/_map.html and its script in site_overrides/assets/kdm/map.js
(`python -m builder map`; tests/test_mapview.py fails when they are stale). Builds then never import
folium, which alone takes most of a second.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

# The one tile server: pages with a map may load images from it (builder.engine.policy), nothing else.
TILE_ORIGIN: Final = "https://tile.openstreetmap.org"
TILE_URL: Final = TILE_ORIGIN + "/{z}/{x}/{y}.png"
# Text only: Leaflet renders attribution as HTML; the copyright link is in the page, with rel=noreferrer.
ATTRIBUTION: Final = "© OpenStreetMap"
CENTRE: Final = (38.45, 27.15)  # the Gulf of İzmir: the whole metropolitan area in view at zoom 9
_RANDOM_ID = re.compile(r"\b(map|tile_layer|marker_cluster)_[0-9a-f]{32}\b")


ELEMENT_FILE: Final = Path(__file__).parent / "templates" / "_map.html"
SCRIPT_FILE: Final = Path(__file__).parents[2] / "site_overrides" / "assets" / "kdm" / "map.js"


def write() -> list[Path]:
    element, script = markup()
    written = []
    for path, text in ((ELEMENT_FILE, element + "\n"), (SCRIPT_FILE, script + "\n")):
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def markup() -> tuple[str, str]:
    """(map <div>, map <script>) with stable names: map_kdm, tile_layer_kdm, marker_cluster_kdm.

    folium names elements with random ids; stable names keep the output identical between builds
    (so `mkdocs serve` does not rebuild forever) and give the page's script a fixed handle."""
    import folium  # here, not above: the engine reads TILE_ORIGIN on every build and need not pay for folium
    from branca.element import Figure
    from folium.plugins import MarkerCluster

    m = folium.Map(location=CENTRE, zoom_start=9, tiles=None, control_scale=True, min_zoom=7)
    folium.TileLayer(
        TILE_URL, attr=ATTRIBUTION, name="OpenStreetMap", max_zoom=19, referrerPolicy="strict-origin-when-cross-origin"
    ).add_to(m)
    MarkerCluster(name="centers", options={"showCoverageOnHover": False, "maxClusterRadius": 40}).add_to(m)
    figure = m.get_root()
    assert isinstance(figure, Figure)
    figure.render()
    html = _RANDOM_ID.sub(r"\1_kdm", figure.html.render())
    script = _RANDOM_ID.sub(r"\1_kdm", figure.script.render())
    return html.strip(), script.strip()
