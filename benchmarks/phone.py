"""Phone benchmark (issue 3): how soon a reader on a slow phone connection can leave, and find help.

Debian's chromium under Playwright at 390x844, the network throttled through the DevTools protocol
(Network.emulateNetworkConditions: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and the CPU slowed
4x (Emulation.setCPUThrottlingRate, as Lighthouse's mobile preset does; --cpu 1 for none), each load cold
(a new browser context: empty cache). The local server answers like a static host: text gzip-compressed,
HTTP/1.1 keep-alive (not HTTP/2: at most six connections at a time, as on an HTTP/1.1 host). Medians over
--runs loads (default 5) of, from navigation start:

  (a) quick exit usable: the `[data-kdm-quick-exit-link]` link is in the page AND
      assets/kdm/quick-exit.js has attached its listeners. Observed from outside, changing nothing in the
      site: a script injected before the page's own (Playwright's add_init_script) watches the DOM for the
      link and notes when the quick-exit script (document.currentScript) adds its document listeners;
  (b) first center with a distance: geolocation emulated and granted, "use my location" clicked as soon as
      it is shown, until the first `.kdm-result` is visible and its distance is filled in;
  (c) the load event (loadEventStart of the navigation timing entry).

On the real registry (22 centers) and a synthetic 2,000-center one (benchmarks/synthetic.py). Prints a
Markdown table; asserts nothing.

    .venv/bin/python benchmarks/phone.py [--runs 5] [--sizes real,2000] [--site site] [--pages bul/,] [--cpu 4]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import table  # noqa: E402
from builder.project import today  # noqa: E402
from tests.browser import SLOW_4G, SLOW_CPU, launch, new_context, serve, slow_phone  # noqa: E402

POSITION = {"latitude": 38.4237, "longitude": 27.1428}  # Konak, İzmir
LOCATE = "[data-kdm-locate-button]"
FIRST_WITH_DISTANCE = ".kdm-result:not([hidden]) .kdm-result__distance:not(:empty)"

# Runs before any script of the page. Records, in ms since navigation start (performance.now()):
# when the quick-exit link exists, when quick-exit.js registers its document listeners, and when the first
# visible result first shows a distance.
PROBE = r"""
(() => {
  const marks = window.__kdmBench = {};
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    const script = document.currentScript;
    if (this === document && script && /\/kdm\/quick-exit\.js(\?|$)/.test(script.src) && !marks.quickExitScript)
      marks.quickExitScript = performance.now();
    return add.call(this, type, listener, options);
  };
  const check = () => {
    if (!marks.quickExitLink && document.querySelector('[data-kdm-quick-exit-link]'))
      marks.quickExitLink = performance.now();
    if (!marks.firstDistance) {
      const first = document.querySelector('.kdm-result:not([hidden])');
      const distance = first && first.querySelector('.kdm-result__distance');
      if (distance && distance.textContent.trim()) marks.firstDistance = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true, characterData: true});
})();
"""


def one_load(browser: Any, url: str, locate: bool, cpu: float) -> dict[str, float | None]:
    context = new_context(browser, geolocation=POSITION, permissions=["geolocation"])
    try:
        page = context.new_page()
        page.add_init_script(PROBE)
        slow_phone(page, cpu=cpu)
        foreign: list[str] = []
        origin = url.split("/", 3)[:3]
        page.on("request", lambda r: foreign.append(r.url) if r.url.split("/", 3)[:3] != origin else None)
        page.goto(url, wait_until="commit", timeout=120_000)
        if locate:
            page.locator(LOCATE).click(timeout=120_000)  # as soon as the script shows it
            page.locator(FIRST_WITH_DISTANCE).first.wait_for(state="visible", timeout=120_000)
        page.wait_for_load_state("load", timeout=120_000)
        marks = page.evaluate("() => window.__kdmBench")
        load = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventStart")
        if foreign:
            print(f"  note: requests to other hosts: {sorted(set(foreign))[:3]}", file=sys.stderr)
        usable = None
        if marks.get("quickExitLink") is not None and marks.get("quickExitScript") is not None:
            usable = max(marks["quickExitLink"], marks["quickExitScript"])
        return {"quick_exit": usable, "first_center": marks.get("firstDistance") if locate else None, "load": load}
    finally:
        context.close()


def median(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return "–"
    return f"{statistics.median(known):,.0f}" + ("" if len(known) == len(values) else f" ({len(known)}/{len(values)})")


def spread(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{min(known):,.0f}–{max(known):,.0f}" if known else "–"


def bench(site: Path, label: str, pages: list[str], runs: int, cpu: float) -> list[str]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright, serve(site, compress=True) as origin:
        browser = launch(playwright)
        for path in pages:
            locate = path.rstrip("/").endswith("bul")
            results = []
            for run in range(runs):
                results.append(one_load(browser, origin + path, locate, cpu))
                print(f"{label} /{path} run {run + 1}: {results[-1]}", file=sys.stderr, flush=True)
            columns = [[r[key] for r in results] for key in ("quick_exit", "first_center", "load")]
            rows.append(table.row(label, f"/{path}", *(f"{median(c)} ({spread(c)})" for c in columns)))
        browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="cold loads per page (default: %(default)s)")
    parser.add_argument("--sizes", default="real,2000", help="'real' and/or synthetic center counts")
    parser.add_argument("--site", type=Path, help="use this built site for 'real' instead of building now")
    parser.add_argument("--pages", default="bul/,", help="pages to load, comma-separated (default: %(default)s)")
    parser.add_argument("--cpu", type=float, default=SLOW_CPU, help="CPU slowdown factor (default: %(default)s)")
    args = parser.parse_args(argv)
    pages = [p for p in args.pages.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kdm-phone-") as tmp:
        for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            if size == "real":
                if args.site:
                    site = args.site.resolve()
                else:
                    from tests.conftest import build_site

                    site = build_site(ROOT / "data", Path(tmp) / "real")
                from builder import registry

                label = f"{len(registry.load(ROOT / 'data', today()).centers)} (real)"
            else:
                from benchmarks.synthetic import build

                print(f"building the synthetic {int(size):,}-center site...", file=sys.stderr, flush=True)
                site = build(int(size), Path(tmp) / f"synthetic-{size}", today())
                label = f"{int(size):,} (synthetic)"
            rows += bench(site, label, pages, args.runs, args.cpu)
    caption = (
        f"\nPhone benchmark: 390x844, {SLOW_4G['latency']:.0f} ms RTT, 1.6 Mbit/s down, 750 kbit/s up, "
        f"CPU {args.cpu:g}x slower; median of {args.runs} cold loads, ms from navigation start (min–max)"
    )
    header = ["centers", "page", "(a) quick exit usable", "(b) first center with distance", "(c) load event"]
    print(table.markdown(caption, header, rows, text_columns=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
