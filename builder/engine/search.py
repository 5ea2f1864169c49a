"""Site search in the reader's language, loaded only when she opens the search page.

One small index per language (search/<lang>.json) instead of Material's single index of every language
fetched on every page. Matching folds case and diacritics the way readers type on a phone: "danisma"
finds "danışma", "sigin" finds "sığınma", Turkish dotted and dotless i are one letter, Arabic and
Persian letter variants and vowel marks are ignored. site_overrides/assets/kdm/search.js folds queries
with the same rules (tests/test_search.py keeps the two in step).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from html import unescape

_LATIN = str.maketrans({"ı": "i", "İ": "i", "I": "i"})
_ARABIC = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ک": "ك", "ـ": None}
)
_MARKS = re.compile(r"[\u064b-\u065f\u0670\u06d6-\u06ed]")  # Arabic vowel marks and Quranic signs
_SPACE = re.compile(r"[^\w]+", re.UNICODE)
SNIPPET = 180


def fold(text: str) -> str:
    """Lowercase without diacritics, for matching only; never shown."""
    text = text.translate(_LATIN).lower()
    text = _MARKS.sub("", text.translate(_ARABIC))
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip()


_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def plain_text(html: str) -> str:
    """The words of a page's content (our own templates' and Markdown's output)."""
    return " ".join(unescape(_TAG.sub(" ", _HIDDEN.sub(" ", html))).split())


@dataclass(frozen=True)
class Document:
    url: str  # from the site root, with the language prefix: "en/" + a page URL of builder.site.routes
    title: str
    text: str


def index_json(documents: list[Document]) -> str:
    """[[url, title, snippet, folded title + text], ...]; titles and snippets are shown as text only."""
    # Each word once: matching is by word prefix, so repeats only add bytes.
    rows = [
        [d.url, d.title, d.text[:SNIPPET], " ".join(dict.fromkeys(fold(f"{d.title} {d.text}").split()))]
        for d in sorted(documents, key=lambda d: d.url)
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
