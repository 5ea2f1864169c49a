"""Links that last (issue 5): every published URL keeps working, in every language."""

from __future__ import annotations

from pathlib import Path

from builder.editors import urls
from tests.conftest import ROOT


def test_every_published_url_still_resolves(real_site: Path) -> None:
    listed = [u.lstrip("/") for u in urls.read(ROOT / urls.LIST)]
    assert len(listed) > 300
    gone = [u for u in listed if not ((real_site / u / "index.html").is_file() or (real_site / u).is_file())]
    assert gone == [], f"published URLs that no longer work; add redirects in mkdocs.yml: {gone}"


def test_every_built_page_is_listed(real_site: Path) -> None:
    listed = {u.lstrip("/") for u in urls.read(ROOT / urls.LIST)}
    new = [u for u in urls.built(real_site) if u not in listed]
    assert new == [], f"new pages: run `python -m builder build && python -m builder urls --write`: {new}"


def test_headings_have_stable_anchors_in_every_language(real_site: Path) -> None:
    for lang in ("", "en/", "ar/", "ku/", "fa/"):
        html = (real_site / lang / "rehber" / "koruma-karari" / "index.html").read_text(encoding="utf-8")
        assert 'id="kimler-korunur"' in html or 'id="kimler-korunur' in html, lang
