"""The folium map's committed output is what folium generates today (like schema/)."""

from __future__ import annotations

from builder.site import mapview


def test_map_output_is_current() -> None:
    element, script = mapview.markup()
    assert mapview.ELEMENT_FILE.read_text(encoding="utf-8") == element + "\n", "run `python -m builder map`"
    assert mapview.SCRIPT_FILE.read_text(encoding="utf-8") == script + "\n", "run `python -m builder map`"
    assert "cdn" not in script.lower() and "unpkg" not in script and "L.markerClusterGroup" in script
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in script and "referrerPolicy" in script
