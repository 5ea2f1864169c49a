"""The edge of the feed of changes: the registry's versions, read from git at build time (I/O; the feed
itself, builder.exports.feed, is pure). None when there is no history to read: no git, not a repository,
or the file was never committed (a tarball, a synthetic registry); the feed then says so.

Two git processes whatever the number of commits (`git log --raw` for the versions' blobs, one
`git cat-file --batch` for their texts), and each blob is parsed once per process (serve rebuilds, tests).
"""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
from pathlib import Path
from typing import Any, Final

from builder.exports.feed import Version
from builder.registry import source

COMMITS: Final = 20  # the last commits that touched the file; each costs one YAML parse (~0.2 s)
_NONE: Final = "0" * 40


def _git(folder: Path, *args: str, given: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(["git", *args], cwd=folder, input=given, capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@functools.lru_cache(maxsize=256)
def _parse(blob: str, raw: bytes) -> Any:
    try:
        return source.parse(raw, f"git:{blob[:12]}").data
    except source.SourceError:
        return {}  # a version that does not parse compares as empty


def _blobs(folder: Path, blobs: list[str]) -> dict[str, bytes]:
    wanted = [b for b in dict.fromkeys(blobs) if b != _NONE]
    out = _git(folder, "cat-file", "--batch", given="".join(f"{b}\n" for b in wanted).encode()) if wanted else b""
    found: dict[str, bytes] = {}
    at = 0
    while out and at < len(out):
        end = out.index(b"\n", at)
        sha, kind, size = out[at:end].decode().split(" ")
        start = end + 1
        found[sha] = out[start : start + int(size)] if kind == "blob" else b""
        at = start + int(size) + 1
    return found


def read(path: Path, commits: int = COMMITS) -> tuple[Version, ...] | None:
    """The versions of `path` (oldest first) in its last `commits` commits, with the version before them, or
    an empty one when the oldest commit created the file. None without a history."""
    folder, name = path.parent, path.name
    if not folder.is_dir():
        return None
    log = _git(folder, "log", f"-n{commits + 1}", "--no-abbrev", "--raw", "--format=%x01%H %cI", "--", name)
    if not log or not log.strip():
        return None
    found: list[tuple[str, str, str]] = []  # commit, date, the file's blob after it
    for chunk in log.decode("utf-8", errors="replace").split("\x01")[1:]:
        head, *rest = chunk.strip().splitlines()
        sha, when = head.split(" ", 1)
        raw = [line for line in rest if line.startswith(":")]
        blob = raw[0].split()[3] if raw else _NONE
        found.append((sha, when, blob))
    texts = _blobs(folder, [blob for _, _, blob in found])
    versions = [
        Version(sha, dt.datetime.fromisoformat(when), _parse(blob, texts[blob]) if blob in texts else {})
        for sha, when, blob in reversed(found)
    ]
    shallow = (_git(folder, "rev-parse", "--is-shallow-repository") or b"").strip() == b"true"
    if len(found) <= commits and not shallow:  # the oldest commit created the file: its entries are news too
        versions.insert(0, Version(_NONE, versions[0].when, {}))
    # A shallow clone of one commit has nothing to compare with: that is no history, not "no changes".
    return tuple(versions) if len(versions) > 1 else None
