"""Lighthouse benchmark (issue 13): the four scores and three metrics of every page type in every language, as
an outside tool sees them.

Lighthouse 12.2.3 (npm, `npm ci`: the last version that runs on Node 20) with its default mobile preset:
simulated slow 4G (150 ms round trip, 1.6 Mbit/s) and a 4x slower CPU, a 412x823 phone. Debian's chromium,
headless. The site is served as a static host serves it: gzip-compressed, HTTP/1.1 keep-alive
(tests/browser.py `serve`). One run per page, one after the other (runs in parallel would share the CPU).
Prints a Markdown table: performance, accessibility, best practices and SEO (0-100), largest contentful paint
and total blocking time (ms), cumulative layout shift; and to stderr what kept a score under 100.
Targets, reported and not asserted: 100 in accessibility, best practices and SEO, at least 98 in performance.

    .venv/bin/python benchmarks/lighthouse.py [--site site] [--langs tr,en] [--types home,locator]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import table  # noqa: E402
from builder.languages import SITE_LANGUAGES  # noqa: E402
from tests.browser import chromium_path, real_clock_for_children, serve  # noqa: E402
from tests.pagetypes import page_types  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")


def run(url: str) -> dict[str, Any]:
    """Lighthouse's JSON report (the `lhr`) for one page."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    with real_clock_for_children():  # under libfaketime Chromium hangs (tests/browser.py)
        environment = {**os.environ, "CHROME_PATH": chromium_path()}
        done = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=300, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def under_100(report: dict[str, Any]) -> list[str]:
    """The audits that cost points, per category, as 'category: audit id (score)'."""
    lost = []
    for name, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit.get("score") is not None and audit["score"] < 1:
                lost.append(f"{name}: {ref['id']} ({audit['score']:.2f})")
    return lost


def row(kind: str, lang: str, report: dict[str, Any]) -> str:
    scores = [report["categories"][c]["score"] for c in CATEGORIES]
    lcp, tbt, cls = (report["audits"][m]["numericValue"] for m in METRICS)
    cells = [f"{round(s * 100)}" if s is not None else "–" for s in scores]
    return table.row(kind, lang, *cells, f"{lcp:,.0f}", f"{tbt:,.0f}", f"{cls:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site to serve instead of building the real registry now")
    parser.add_argument("--langs", default=",".join(SITE_LANGUAGES), help="languages (default: all)")
    parser.add_argument("--types", default="", help="page types by name (default: all; e.g. home,locator)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        parser.error(f"{LIGHTHOUSE} is missing: run `npm ci`")
    langs = [lang for lang in args.langs.split(",") if lang]
    wanted = {t for t in args.types.split(",") if t}
    with tempfile.TemporaryDirectory(prefix="kdm-lighthouse-") as tmp:
        if args.site:
            site = args.site.resolve()
        else:
            from tests.conftest import build_site

            print("building the site...", file=sys.stderr, flush=True)
            site = build_site(ROOT / "data", Path(tmp) / "site")
        kinds = [k for k in page_types(site) if not wanted or k.slug() in wanted or k.kind in wanted]
        rows = []
        with serve(site, compress=True) as origin:
            for kind in kinds:
                for lang in langs:
                    report = run(kind.url(origin, lang))
                    rows.append(row(kind.slug(), lang, report))
                    print(rows[-1], file=sys.stderr, flush=True)
                    for lost in under_100(report):
                        print(f"    {lost}", file=sys.stderr)
    caption = "\nLighthouse 12.2.3, mobile preset (simulated slow 4G, CPU 4x slower), gzip-served; one run per page"
    header = ["page type", "lang", "performance", "accessibility", "best practices", "SEO", "LCP ms", "TBT ms", "CLS"]
    print(table.markdown(caption, header, rows, text_columns=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
