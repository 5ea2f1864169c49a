"""The browser harness: a local static server for a built site and Debian's Chromium under Playwright.

Every browser test goes through here (fixtures in tests/conftest.py):
- `serve(folder)`: the site on 127.0.0.1 at a free port;
- `launch(playwright)`: Debian's chromium with the flags that work on this machine; fails loudly, never
  skips, when chromium is missing (`make chromium` installs it; `make test` does so first);
- `watch(page, origin)`: the third-party guard (requests to any other host are aborted and recorded), the
  map-tile stub (a 1x1 PNG instead of OpenStreetMap, only when asked), and the console-error and dialog
  recorders; `Watch.problems()` is what a test asserts empty at the end;
- `tab(browser, origin)`: a fresh context and page with all of the above, closed on exit; the `browse`
  fixture of tests/conftest.py opens tabs this way (or hands out a shared one, `shared=True`) and asserts at
  teardown that every one stayed clean;
- the clock: under libfaketime (`make test-clocks`, tests/fakeclock.py) Chromium runs on the real clock and
  every context gets the suite's clock through Playwright's own (`new_context`), so pages see the day the
  site was built on, as a reader would;
- `htmlcs(page, origin)`: HTML_CodeSniffer (npm html_codesniffer) run inside the page, its errors returned;
- `layout_shift(page)`: the page's cumulative layout shift, from a `layout-shift` PerformanceObserver.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import io
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.fakeclock import faked, real_clock_for_children

CHROMIUM = "/usr/bin/chromium"
HTMLCS = Path(__file__).resolve().parent.parent / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"
HTMLCS_PATH = "__htmlcs__/HTMLCS.js"  # answered by the harness on the site's own origin: the page's CSP allows it
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
# A slow phone as Lighthouse's mobile preset has it: slow 4G (DevTools' Network.emulateNetworkConditions, bytes
# per second) and a CPU 4x slower (Emulation.setCPUThrottlingRate). benchmarks/phone.py measures with both.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
SLOW_CPU = 4


def slow_phone(page: Any, network: dict[str, Any] = SLOW_4G, cpu: float = SLOW_CPU) -> None:
    """Slow `page`'s network and CPU down (Chromium's DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", network)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu})


# The one planned request to another host: map tiles, on pages that show a map (builder/policy.py).
TILE_ORIGIN = "https://tile.openstreetmap.org/"
TILE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63"
    "f8ffff3f0005fe02fea7d6a4e80000000049454e44ae426082"
)
NEUTRAL = "<!doctype html><title>neutral</title><p>neutral page</p>"


class ChromiumMissing(RuntimeError):
    """Raised, never skipped: a suite that silently skips its browser tests proves nothing."""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static host: the folder served under `prefix` ("/" or a sub-path such as "/kdm/", as GitHub Pages
    serves a project site), and a missing file answered with the site's own 404.html and status 404."""

    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(self.prefix) or path + "/" == self.prefix:
            self.path = "/" + self.path[len(self.prefix) :] if path.startswith(self.prefix) else "/"
            target = Path(self.translate_path(self.path))
            if target.is_file() or (target / "index.html").is_file():
                return super().send_head()
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            return super().send_head()
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class _Compressing(_Quiet):
    """Like a static host: text answered gzip-compressed when the browser accepts it, over HTTP/1.1
    keep-alive connections. Used by the phone benchmark, where bytes on the wire are the point."""

    protocol_version = "HTTP/1.1"
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".geojson")

    def do_GET(self) -> None:
        if not self.path.startswith(self.prefix):
            super().do_GET()
            return
        path = Path(self.translate_path("/" + self.path[len(self.prefix) :]))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in self.TEXT:
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a connection early (page left, context closed) is not an error of ours.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, compress: bool = False, prefix: str = "/") -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 at a free port under `prefix`; yields the site's address with a trailing
    slash (origin + prefix). `compress`: gzip text and keep connections alive, as a static host does."""
    if not (Path(folder) / "index.html").is_file():
        raise FileNotFoundError(f"{folder} has no index.html: build the site first")
    handler_class = type("Handler", (_Compressing if compress else _Quiet,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    """Debian's chromium (or $KDM_CHROMIUM). Raises ChromiumMissing with the fix when there is none."""
    path = os.environ.get("KDM_CHROMIUM") or shutil.which("chromium") or CHROMIUM
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        raise ChromiumMissing(
            f"Chromium is missing ({path}): the browser tests need Debian's chromium and never skip. "
            "Run `make chromium` (or `make test`, which installs it first); `playwright install` cannot "
            "download browsers here."
        )
    return path


def launch(playwright: Any, **options: Any) -> Any:
    """Debian's chromium under Playwright, with the flags that work on this machine (and on the real
    clock: `new_context` gives its pages the suite's)."""
    with real_clock_for_children():
        return playwright.chromium.launch(executable_path=chromium_path(), args=ARGS, **options)


def new_context(browser: Any, **options: Any) -> Any:
    """A fresh context, phone-sized unless `viewport` is given. Under a fake clock its pages start at this
    process's time and the time runs on (tests that need another instant set it with `page.clock`)."""
    context = browser.new_context(**{"viewport": PHONE, **options})
    if faked():
        context.clock.install(time=dt.datetime.now(dt.UTC))
    return context


@dataclass
class Watch:
    origin: str
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # same-site responses with status >= 400
    escaped: list[str] = field(default_factory=list)  # same host, outside the site's path (a sub-path site)
    tiles: list[str] = field(default_factory=list)  # tile requests answered by the stub

    tiles_refused: list[str] = field(default_factory=list)  # tile requests aborted on purpose (tiles="fail")

    def clear(self) -> None:
        """Start a fresh record (a shared tab, handed to the next test): every list, the ones added later too."""
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, list):
                value.clear()

    def problems(self) -> dict[str, list[str]]:
        """Everything a clean page visit must not produce; empty when all is well."""
        found = {
            "foreign requests": self.foreign,
            "console errors": self.console_errors,
            "dialogs": self.dialogs,
            "failed requests": self.failed,
            "requests outside the site's path": self.escaped,
        }
        return {kind: items for kind, items in found.items() if items}


def watch(
    page,
    origin: str,
    stubs: dict[str, str] | None = None,  # type: ignore[no-untyped-def]
    tiles: bool | str = False,
) -> Watch:
    """Record what `page` does. `stubs` maps URL prefixes of planned destinations on other hosts (the quick
    exit's neutral page) to the HTML served in their place; navigations there are not counted as foreign.
    `tiles=True` answers map-tile requests with a 1x1 PNG (recorded in `Watch.tiles`); `tiles="fail"` aborts
    them as a tile server that is down would (recorded in `Watch.tiles_refused`); otherwise they are aborted
    and counted as foreign like any other host."""
    seen = Watch(origin)
    host = urlsplit(origin).netloc

    def route(route, request) -> None:  # type: ignore[no-untyped-def]
        stub = next((body for prefix, body in (stubs or {}).items() if request.url.startswith(prefix)), None)
        if urlsplit(request.url).netloc == host or request.url.startswith(("data:", "blob:")):
            if urlsplit(request.url).netloc == host and not request.url.startswith(origin):
                seen.escaped.append(request.url)
            route.continue_()
        elif tiles == "fail" and request.url.startswith(TILE_ORIGIN):
            seen.tiles_refused.append(request.url)
            route.abort()
        elif tiles and request.url.startswith(TILE_ORIGIN):
            seen.tiles.append(request.url)
            route.fulfill(status=200, content_type="image/png", body=TILE_PNG)
        elif stub is not None and request.is_navigation_request():
            route.fulfill(status=200, content_type="text/html", body=stub)
        else:
            seen.foreign.append(request.url)
            route.abort()

    page.route("**/*", route)

    def on_console(msg) -> None:  # type: ignore[no-untyped-def]
        # "Failed to load resource" carries no URL; the response listener records which one failed.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            seen.console_errors.append(msg.text)

    page.on("console", on_console)
    page.on("response", lambda r: seen.failed.append(r.url) if r.status >= 400 else None)

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: seen.console_errors.append(str(exc)))
    return seen


def open_tab(
    browser: Any, origin: str, *, tiles: bool | str = True, stubs: dict[str, str] | None = None, **context_options: Any
) -> tuple[Any, Any, Watch]:
    """(context, page, watch): a fresh context (phone-sized unless `viewport` is given) and page, watched. The
    caller closes the context."""
    context = new_context(browser, **context_options)
    try:
        page = context.new_page()
        return context, page, watch(page, origin, stubs=stubs, tiles=tiles)
    except Exception:
        context.close()
        raise


@contextmanager
def tab(browser: Any, origin: str, **options: Any) -> Iterator[tuple[Any, Watch]]:
    """`open_tab`, closed on exit. The caller asserts `seen.problems() == {}` (after the block, so a failing
    assertion inside it is reported first)."""
    context, page, seen = open_tab(browser, origin, **options)
    try:
        yield page, seen
    finally:
        context.close()


def load_map(page: Any) -> None:
    """On the locator: bring the map into view (it loads lazily) and wait for centers and a stubbed tile."""
    page.locator("[data-kdm-map]").scroll_into_view_if_needed()
    page.wait_for_selector(".leaflet-interactive, .marker-cluster", state="attached")
    # A locator, not wait_for_function("..."): a string predicate that has to poll is run through eval,
    # which the pages' Content-Security-Policy (rightly) refuses.
    page.locator(".leaflet-tile-loaded").first.wait_for(state="attached")


def search(page: Any, query: str) -> None:
    """On the search page: type a query as a reader would (key events) and wait for results."""
    field_ = page.locator("[data-kdm-search] input[type=search]")
    field_.click()
    field_.press_sequentially(query)
    page.wait_for_selector("[data-kdm-search-results] li")


def htmlcs(page: Any, origin: str, standard: str = "WCAG2AA") -> list[dict[str, str]]:
    """HTML_CodeSniffer's errors (type 1) for the page as it is now. The script is served from the site's own
    origin (routed to node_modules), so the page's Content-Security-Policy stays in force."""
    if not HTMLCS.is_file():
        raise FileNotFoundError(f"{HTMLCS} is missing: run `npm ci` (`make test` does)")
    url = origin + HTMLCS_PATH
    page.unroute(url)  # a shared tab (tests/conftest.py `browse`) keeps one answer, not one per visit
    page.route(url, lambda route: route.fulfill(path=str(HTMLCS), content_type="text/javascript"))
    page.add_script_tag(url=url)
    return page.evaluate(
        """standard => new Promise(done => HTMLCS.process(standard, document, () => done(
            HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => ({
              code: m.code, message: m.msg, html: (m.element.outerHTML || m.element.nodeName || "").slice(0, 200),
            })))))""",
        standard,
    )


# Every layout shift the page has had (buffered: from its first frame), those right after an input aside, as
# the CLS metric counts them; with the moved elements, to say what shifted. Read two frames after the call
# (the caller has waited for the load event): what the page's scripts change on load has been painted by then.
LAYOUT_SHIFT = """() => new Promise(done => {
  const shifts = [];
  const take = entries => { for (const e of entries) if (!e.hadRecentInput) shifts.push({
    value: e.value,
    sources: e.sources.map(s => ({
      node: s.node ? (s.node.outerHTML || s.node.textContent || s.node.nodeName).slice(0, 120) : "",
      before: [s.previousRect.y, s.previousRect.height], after: [s.currentRect.y, s.currentRect.height],
    })),
  }); };
  const observer = new PerformanceObserver(list => take(list.getEntries()));
  observer.observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
    take(observer.takeRecords());
    observer.disconnect();
    done(shifts);
  })));
})"""


def layout_shift(page: Any) -> tuple[float, list[dict[str, Any]]]:
    """(cumulative layout shift, the shifts) of the page so far, two frames on."""
    shifts = page.evaluate(LAYOUT_SHIFT)
    return sum(s["value"] for s in shifts), shifts
