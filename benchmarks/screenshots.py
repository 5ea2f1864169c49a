"""Screenshots of every page type in every language, on a phone (360x740) and a laptop (1280x800).

Builds the real registry into a temporary folder (or takes a built site with --site), serves it locally,
and saves full-page PNGs named <lang>-<page>-<width>.png into the output folder (default screenshots/,
git-ignored), printing each path. The locator is also shot with its map loaded (tiles stubbed) and the
search page with a query typed. For looking at, not for asserting anything.

    .venv/bin/python benchmarks/screenshots.py [--site site] [--out screenshots] [--langs ar,fa] [--widths 360]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from builder.languages import SITE_LANGUAGES  # noqa: E402
from builder.project import today  # noqa: E402
from tests.browser import launch, load_map, search, serve, tab  # noqa: E402
from tests.pagetypes import SEARCH_QUERY, page_types  # noqa: E402

VIEWPORTS = {360: {"width": 360, "height": 740}, 1280: {"width": 1280, "height": 800}}


def shoot(site: Path, out: Path, langs: list[str], widths: list[int], synthetic: bool = False) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    kinds = page_types(site)
    with sync_playwright() as playwright, serve(site) as origin:
        browser = launch(playwright)
        for lang in langs:
            for kind in kinds:
                states = ["", "map"] if kind.kind == "locator" else [""]
                for width in widths:
                    for state in states:
                        with tab(browser, origin, viewport=VIEWPORTS[width]) as (page, seen):
                            page.goto(kind.url(origin, lang), wait_until="load")
                            if state == "map":
                                load_map(page)
                            if kind.kind == "search":
                                search(page, SEARCH_QUERY)
                            name = "-".join(filter(None, [lang, kind.slug(), state, str(width)])) + ".png"
                            path = out / name
                            # The map state shows the screen the reader sees there; the rest, whole pages.
                            full = not state and not (synthetic and kind.kind in ("locator", "centers"))
                            page.screenshot(path=str(path), full_page=full)
                            saved.append(path)
                            print(path, *(f"  !! {k}: {v}" for k, v in seen.problems().items()), flush=True)
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site folder (default: build the real registry now)")
    parser.add_argument("--synthetic", type=int, metavar="N", help="build a synthetic N-center registry instead")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="output folder (default: %(default)s)")
    parser.add_argument("--langs", default=",".join(SITE_LANGUAGES), help="languages (default: %(default)s)")
    parser.add_argument("--widths", default="360,1280", help="viewport widths: 360 and/or 1280")
    args = parser.parse_args(argv)
    langs = [lang for lang in args.langs.split(",") if lang]
    widths = [int(w) for w in args.widths.split(",") if w]
    with tempfile.TemporaryDirectory(prefix="kdm-shots-") as tmp:
        if args.site:
            site = args.site.resolve()
        elif args.synthetic:
            from benchmarks.synthetic import build

            site = build(args.synthetic, Path(tmp), today())
        else:
            from tests.conftest import build_site

            site = build_site(ROOT / "data", Path(tmp))
        shoot(site, args.out, langs, widths, synthetic=bool(args.synthetic))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
