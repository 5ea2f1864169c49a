"""The site's security policy: what a page may load and where it may send a referrer.

Invariant 2: no page requests anything from another host, except map tiles on pages that show a map.
The policy is written twice: a <meta> tag in every page (works on any host) and a `_headers` file for
static hosts that honour one (adds what a meta tag cannot: frame-ancestors, Permissions-Policy, nosniff).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from typing import Final

from builder.site.mapview import TILE_ORIGIN

_JS_TYPES: Final = {"", "text/javascript", "application/javascript", "module"}


_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The code of every inline script that a browser would run (a regular expression, not a parser:
    this runs on every page of a build, and the pages are our own templates' output)."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group(1)
        kind = _TYPE.search(attrs)
        if not _SRC.search(attrs) and (kind.group(1).lower() if kind else "") in _JS_TYPES:
            scripts.append(match.group(2))
    return scripts


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def content_security_policy(hashes: Iterable[str], tiles: bool = False) -> str:
    images = "'self' data:" + (f" {TILE_ORIGIN}" if tiles else "")
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *sorted(set(hashes))]),
            # Material and Leaflet set element styles; style injection cannot run code.
            "style-src 'self' 'unsafe-inline'",
            f"img-src {images}",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def meta_tag(hashes: Iterable[str], tiles: bool = False) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(hashes, tiles)}">'


def headers_file(hashes: Iterable[str]) -> str:
    """Netlify / Cloudflare Pages `_headers`: the same policy as the meta tags, plus header-only rules."""
    return (
        "\n".join(
            [
                "/*",
                # Tiles allowed here for the map pages; each page's own meta policy is stricter where there is no map.
                f"  Content-Security-Policy: {content_security_policy(hashes, tiles=True)}; frame-ancestors 'none'",
                "  Referrer-Policy: no-referrer",
                "  X-Content-Type-Options: nosniff",
                "  Permissions-Policy: geolocation=(self), camera=(), microphone=(), interest-cohort=()",
                "  Cross-Origin-Opener-Policy: same-origin",
            ]
        )
        + "\n"
    )


_LINK = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\shref=(["'])(https?:)?//""", re.IGNORECASE)
_REL = re.compile(r"""\srel=(["'])([^"']*)\1""", re.IGNORECASE)


def outbound_rel(html: str) -> str:
    """Every link to another host gets rel="noreferrer noopener": the destination must not learn where
    the reader came from. Links that already carry noreferrer (the quick exit) are left as they are."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        if not _HREF.search(tag):
            return tag
        rel = _REL.search(tag)
        if rel is None:
            return tag[:-1] + ' rel="noreferrer noopener">'
        values = rel.group(2).split()
        if "noreferrer" in values:
            return tag
        merged = " ".join([*values, "noreferrer", "noopener"])
        return tag[: rel.start()] + f' rel="{merged}"' + tag[rel.end() :]

    return _LINK.sub(fix, html)
