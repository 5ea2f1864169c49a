"""Links that last: the list of every URL the site publishes, committed as published-urls.txt.

tests/test_urls.py fails when a listed URL disappears from the build without a redirect (mkdocs.yml's
`redirects` plugin), so NGOs' links keep working. New pages are added with `python -m builder urls --write`.
"""

from __future__ import annotations

from pathlib import Path

LIST = "published-urls.txt"


def built(site_dir: Path) -> list[str]:
    """Page URLs relative to the site root ("", "en/", the folder of each page), plus data files."""
    urls = set()
    for path in site_dir.rglob("index.html"):
        rel = path.parent.relative_to(site_dir).as_posix()
        urls.add("" if rel == "." else rel + "/")
    for path in (site_dir / "data").rglob("*") if (site_dir / "data").is_dir() else ():
        if path.is_file():
            urls.add(path.relative_to(site_dir).as_posix())
    return sorted(urls)


def read(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def write(path: Path, urls: list[str]) -> None:
    head = (
        "# Every URL the site has published. A test fails if one stops working without a redirect.\n"
        "# Regenerate after adding pages: python -m builder build && python -m builder urls --write\n"
    )
    path.write_text(head + "\n".join(f"/{u}" if u else "/" for u in urls).replace("//", "/") + "\n", encoding="utf-8")
