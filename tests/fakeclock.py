"""The suite under another clock (`make test-clocks` runs it under libfaketime as on two other days).

- `faked()`: whether this process runs under libfaketime;
- `real_clock_for_children()`: processes started inside the block run on the real clock (Chromium and
  Playwright's driver hang under faketime's LD_PRELOAD; tests/browser.py gives pages the suite's clock through
  Playwright's own instead);
- `time.sleep` is replaced, under faketime only: libfaketime 0.9.10 (Debian 12) fails it with EINVAL when the
  monotonic clock is left alone (DONT_FAKE_MONOTONIC=1, which threads' timed waits need), because it shifts a
  monotonic `clock_nanosleep` deadline by the fake offset; `select`'s relative timeout is left as it is.
"""

from __future__ import annotations

import os
import select
import time
from collections.abc import Iterator
from contextlib import contextmanager

# What libfaketime reads from the environment (`faketime` sets them); a child that inherits them is faked too.
FAKETIME_ENV = ("LD_PRELOAD", "FAKETIME", "DONT_FAKE_MONOTONIC", "FAKETIME_DONT_FAKE_MONOTONIC", "FAKETIME_NO_CACHE")


def faked() -> bool:
    """True when this process runs under libfaketime."""
    return "FAKETIME" in os.environ and "faketime" in os.environ.get("LD_PRELOAD", "")


@contextmanager
def real_clock_for_children() -> Iterator[None]:
    """Processes started inside the block run without libfaketime; this process keeps its clock (the library
    is loaded already)."""
    saved = {name: os.environ.pop(name) for name in FAKETIME_ENV if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def _sleep(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        select.select([], [], [], left)


if faked():
    time.sleep = _sleep
