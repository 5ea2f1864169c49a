"""builder.policy: the Content-Security-Policy, the _headers file and outbound links; checked on the build."""

from __future__ import annotations

from pathlib import Path

from builder.engine import policy
from tests.htmltools import parse


def test_outbound_links_get_noreferrer_noopener() -> None:
    html = (
        '<a href="https://example.org/a">x</a><a href="/local/">y</a><a href="../x/">z</a>'
        '<a rel="nofollow" href="http://example.org">w</a><a href="//cdn.example.org/">v</a>'
        '<a class="q" href="https://n.example" rel="nofollow noreferrer">q</a>'
    )
    out = policy.outbound_rel(html)
    assert out.count('rel="noreferrer noopener"') == 2
    assert 'rel="nofollow noreferrer noopener"' in out
    assert '<a href="/local/">y</a><a href="../x/">z</a>' in out
    assert 'rel="nofollow noreferrer">q' in out


def test_csp_hashes_inline_scripts_only() -> None:
    html = (
        '<script>var a=1</script><script src="x.js"></script><script type="application/json">{}</script>'
        '<script type="module">b()</script>'
    )
    assert policy.inline_scripts(html) == ["var a=1", "b()"]
    csp = policy.content_security_policy(policy.script_hash(s) for s in policy.inline_scripts(html))
    assert "script-src 'self' 'sha256-" in csp and "'unsafe-inline'" not in csp.split("style-src")[0]
    assert "img-src 'self' data:;" in csp + ";"
    assert policy.TILE_ORIGIN in policy.content_security_policy([], tiles=True)


def test_every_built_page_carries_the_policy_first(real_site: Path) -> None:
    for html_file in real_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        assert head.index('http-equiv="Content-Security-Policy"') < head.index("<script"), html_file
        assert '<meta name="referrer" content="no-referrer">' in head
        for element in parse(html_file):
            href = element.attrs.get("href", "")
            if element.tag == "a" and href.startswith(("http://", "https://", "//")):
                assert "noreferrer" in element.attrs.get("rel", "").split(), (html_file, href)


def test_headers_file_for_static_hosts(real_site: Path) -> None:
    text = (real_site / "_headers").read_text(encoding="utf-8")
    assert text.startswith("/*\n")
    for header in (
        "Content-Security-Policy: default-src 'self'",
        "frame-ancestors 'none'",
        "Referrer-Policy: no-referrer",
        "X-Content-Type-Options: nosniff",
        "Permissions-Policy: geolocation=(self)",
    ):
        assert header in text
    # The headers' policy must allow every inline script of every page, or a host would break the theme.
    for html_file in real_site.rglob("*.html"):
        for script in policy.inline_scripts(html_file.read_text(encoding="utf-8")):
            assert policy.script_hash(script) in text, html_file
