"""The rights guides as Markdown (content/rehber/): every paragraph or list item that names a law article links
the official text; every guide exists in every site language; every glossary link points at a term the
glossary defines; hand-written pages carry their review date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.languages import DEFAULT, SITE_LANGUAGES, suffix
from builder.site.routes import DATA_DIR, GENERATED_DIRS, HOME_FILE
from tests.conftest import ROOT

GUIDES = ROOT / "content" / "rehber"
TURKISH = sorted(p for p in GUIDES.glob("*.md") if len(p.suffixes) == 1)
OFFICIAL = re.compile(r"\]\(https://(www\.)?(mevzuat\.gov\.tr|resmigazete\.gov\.tr)/")
# "madde 8", "md. 8", "8. madde", "TCK 123/A", "TMK madde 166": an article of a law.
ARTICLE = re.compile(
    r"\b(madde|md\.)\s*\d+|\b\d+\.\s*madde|\b(TCK|TMK|CMK|HMK)\s*(md\.\s*|madde\s*)?\d+", re.IGNORECASE
)


def blocks(text: str) -> list[str]:
    """Paragraphs and list items of a Markdown body (front matter, headings and the sources list left out)."""
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    body = body.split("## Kaynaklar", 1)[0]
    out, current = [], []
    for line in body.splitlines():
        starts_item = re.match(r"\s*([-*]|\d+\.)\s", line)
        if not line.strip() or line.startswith("#") or starts_item:
            if current:
                out.append(" ".join(current))
            current = [line] if starts_item else []
        else:
            current.append(line)
    if current:
        out.append(" ".join(current))
    return out


@pytest.mark.parametrize("path", TURKISH, ids=lambda p: p.name)
def test_every_legal_claim_links_the_law_text(path: Path) -> None:
    missing = [b for b in blocks(path.read_text(encoding="utf-8")) if ARTICLE.search(b) and not OFFICIAL.search(b)]
    assert missing == [], f"{path.name}: cite the official text in: {missing}"


def test_the_check_finds_a_claim_without_its_link() -> None:
    assert [
        b
        for b in blocks("Bu hak madde 8'de yazar.\n\n- Bir şey ([madde 9](https://www.mevzuat.gov.tr/x)).")
        if ARTICLE.search(b) and not OFFICIAL.search(b)
    ] == ["Bu hak madde 8'de yazar."]


@pytest.mark.parametrize("lang", [lang for lang in SITE_LANGUAGES if lang != DEFAULT])
def test_no_guide_falls_back_to_turkish(lang: str) -> None:
    missing = [p.name for p in TURKISH if not (GUIDES / f"{p.stem}{suffix(lang)}.md").is_file()]
    assert missing == [], f"{lang}: shown in Turkish: {missing}"


@pytest.mark.parametrize("lang", SITE_LANGUAGES)
def test_glossary_links_point_at_defined_terms(lang: str) -> None:
    glossary = GUIDES / f"sozluk{suffix(lang)}.md"
    if not glossary.is_file():
        pytest.fail(f"no glossary in {lang}")
    terms = set(re.findall(r"\{#([a-z0-9-]+)\}", glossary.read_text(encoding="utf-8")))
    for path in GUIDES.glob(f"*{suffix(lang)}.md" if lang != DEFAULT else "*.md"):
        if lang == DEFAULT and len(path.suffixes) > 1:
            continue
        for term in re.findall(r"\]\(sozluk\.md#([a-z0-9-]+)\)", path.read_text(encoding="utf-8")):
            assert term in terms, f"{path.name} links sozluk.md#{term}, which the {lang} glossary does not define"


def hand_written() -> list[Path]:
    content = ROOT / "content"
    generated = (*GENERATED_DIRS, DATA_DIR)
    return sorted(
        p
        for p in content.rglob("*.md")
        if p.relative_to(content).parts[0] not in generated
        and not (p.parent == content and p.name.split(".")[0] == HOME_FILE)
    )


@pytest.mark.parametrize("path", hand_written(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_hand_written_page_says_when_it_was_reviewed(path: Path) -> None:
    rel = path.relative_to(ROOT / "content")
    front = path.read_text(encoding="utf-8").split("\n---", 1)[0]
    assert re.search(r"^reviewed: \d{4}-\d{2}-\d{2}$", front, re.M), f"{rel}: no `reviewed:` date"
