"""Page weight as a reader's browser pays it on a first visit: every response a page receives until the
network is idle (HTML, CSS, JS, JSON data, search index, fonts, images, favicon, and the 404 answers it
provokes), each body compressed with gzip -9, map tiles and other hosts excluded. Counting bytes, not
time, makes the figure deterministic for a given build."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.browser import PHONE, load_map


@dataclass(frozen=True)
class Item:
    path: str  # relative to the origin
    kind: str  # Playwright's resource type: document, stylesheet, script, fetch, xhr, image, font, other
    status: int
    raw: int
    gzip: int


@dataclass(frozen=True)
class Weight:
    url: str
    items: tuple[Item, ...]  # in the order the responses came

    @property
    def gzip(self) -> int:
        return sum(item.gzip for item in self.items)

    @property
    def raw(self) -> int:
        return sum(item.raw for item in self.items)

    def by_kind(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for item in self.items:
            kinds[item.kind] = kinds.get(item.kind, 0) + item.gzip
        return kinds

    def breakdown(self) -> str:
        rows = sorted(self.items, key=lambda i: -i.gzip)
        return "\n".join(
            f"  {i.gzip / 1000:7.1f} KB gz {i.raw / 1000:8.1f} KB raw  {i.status} {i.kind:10} {i.path}" for i in rows
        )


def gz(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def measure(
    browse: Callable[..., tuple[Any, Any]],
    origin: str,
    url: str,
    viewport: dict[str, int] = PHONE,
    with_map: bool = False,
) -> Weight:
    """Open `url` in a fresh tab of `browse` (the watched-tab fixture: nothing cached, and the tab must stay
    clean) and weigh what it loads until the network is idle. `with_map`: then scroll the locator's map
    into view and count what that loads too."""
    page, _ = browse(origin, viewport=viewport)
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    if with_map:
        load_map(page)
        page.wait_for_load_state("networkidle")
    items = []
    for response in responses:
        if not response.url.startswith(origin):
            continue  # map tiles (stubbed) and anything else from another host (aborted)
        try:
            body = response.body()
        except Exception:  # a redirect has no body to weigh
            body = b""
        path, kind = response.url.removeprefix(origin), response.request.resource_type
        items.append(Item(path, kind, response.status, len(body), gz(body)))
    return Weight(url, tuple(items))
