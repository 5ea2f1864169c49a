"""Small changes to the HTML of hand-written pages after Markdown: every national or city line a sentence
names ("ALO 183'ü arayın", "112'yi") becomes a call link, as on the generated pages, so that one tap calls
it on every page. Text inside links, scripts, code and attributes is left as it is."""

from __future__ import annotations

import re

from builder.site.views import link_lines

# Runs that must not change: whole links, scripts, styles, code, and every tag with its attributes.
_KEEP = re.compile(
    r"<a\b.*?</a\s*>|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<code\b.*?</code\s*>|"
    r"<pre\b.*?</pre\s*>|<[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


def call_links(html: str) -> str:
    out, last = [], 0
    for match in _KEEP.finditer(html):
        out.append(link_lines(html[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(link_lines(html[last:]))
    return "".join(out)
