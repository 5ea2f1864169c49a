"""Third-party browser libraries served from our own site: Leaflet and Leaflet.markercluster, taken from
their xstatic packages (pinned in requirements.lock), so no page loads a script from a CDN."""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

# target folder under site/assets/vendor -> (source folder, files)
LIBRARIES: dict[str, tuple[Path, tuple[str, ...]]] = {
    "leaflet": (Path(leaflet.BASE_DIR), ("leaflet.js", "leaflet.css")),
    "leaflet-markercluster": (
        Path(markercluster.BASE_DIR),
        ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"),
    ),
}


def copy_into(site_dir: Path) -> list[Path]:
    written = []
    for folder, (source, names) in LIBRARIES.items():
        target = site_dir / "assets" / "vendor" / folder
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copyfile(source / name, target / name)
            written.append(target / name)
    return written
