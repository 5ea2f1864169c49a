"""The browser harness: a local static server for a built site and Debian's Chromium under Playwright.

Requests to any other host are aborted and recorded (map tiles are the one planned exception, stubbed by
the tests that need them); console errors and dialogs are recorded so tests can fail on them.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    origin: str
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # same-site responses with status >= 400

    def unexpected_failures(self) -> list[str]:
        # Material's language selector fetches sitemap.xml beside each page-level hreflang alternate
        # (mkdocs-static-i18n points those at pages, not language roots): a known 404, to be removed.
        return [url for url in self.failed if not url.endswith("/sitemap.xml")]


def chromium_path() -> str:
    path = shutil.which("chromium") or CHROMIUM
    if not Path(path).exists():
        raise RuntimeError("Chromium is missing: run `make test`, which installs Debian's chromium")
    return path


NEUTRAL = "<!doctype html><title>neutral</title><p>neutral page</p>"


def watch(page, origin: str, stubs: dict[str, str] | None = None) -> Watch:  # type: ignore[no-untyped-def]
    """Record what `page` does. `stubs` maps URL prefixes of planned destinations on other hosts (the quick
    exit's neutral page) to the HTML served in their place; navigations there are not counted as foreign."""
    seen = Watch(origin)
    host = urlsplit(origin).netloc

    def route(route, request) -> None:  # type: ignore[no-untyped-def]
        stub = next((body for prefix, body in (stubs or {}).items() if request.url.startswith(prefix)), None)
        if urlsplit(request.url).netloc == host or request.url.startswith(("data:", "blob:")):
            route.continue_()
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
