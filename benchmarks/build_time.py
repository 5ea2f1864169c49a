"""Build-time benchmark: our builder against a bare mkdocs-material build of as many plain pages.

Generates clearly synthetic registries (never in data/), builds each in a fresh subprocess and prints a
Markdown table of wall time, peak memory, pages and output size. It prints figures and asserts nothing.

    .venv/bin/python benchmarks/build_time.py --sizes 22,200,2000 --repeat 1 [--keep]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_registry  # noqa: E402
from builder.languages import SITE_LANGUAGES  # noqa: E402
from builder.project import today  # noqa: E402
from tests.conftest import config_without_guides, copy_handwritten_content  # noqa: E402

PYTHON = ROOT / ".venv" / "bin" / "python"
LANGS = SITE_LANGUAGES  # both builds publish every site language (mkdocs.yml's i18n plugin)
WORDS = {
    "tr": "kadın danışma merkezi hukuk destek randevu telefon adres ilçe hizmet ücretsiz".split(),
    "en": "women counseling centre legal support appointment phone address district free".split(),
    "ar": "مركز استشارات المرأة دعم قانوني موعد هاتف عنوان منطقة مجاني".split(),
    "ku": "navend şêwirmendî jin alîkarî hiqûqî randevû telefon navnîşan navçe belaş".split(),
    "fa": "مرکز مشاوره زنان حمایت حقوقی نوبت تلفن نشانی منطقه رایگان".split(),
}


@dataclass
class Result:
    kind: str  # "ours" or "bare"
    centers: int
    pages: int  # HTML pages in the output
    wall: float  # seconds, median over repeats
    rss_mb: float  # peak resident set of the build process, max over repeats
    out_bytes: int


def make_ours(tmp: Path, n: int) -> Path:
    proj = tmp / f"ours-{n}"
    write_registry(proj / "data", n, today())  # benchmarks/synthetic.py: the registry the budget tests build
    config_without_guides(proj)  # the guides link to real centers: a synthetic registry has none of them
    for name in ("builder", "site_overrides"):  # hooks: builder/engine/hooks.py; watch: builder/site/templates
        (proj / name).symlink_to(ROOT / name, target_is_directory=True)
    return proj


def reset_content(proj: Path) -> None:
    shutil.rmtree(proj / "content", ignore_errors=True)
    copy_handwritten_content(proj / "content", guides=False)  # as tests/conftest.py builds fixture registries


def text_lengths(content: Path) -> dict[str, list[int]]:
    """Visible text of each page our build generated, per language, largest first. Our pages are mostly
    HTML: matching raw characters would give the bare build ~5 times more prose to parse and index."""
    sizes: dict[str, list[int]] = {lang: [] for lang in LANGS}
    for path in content.rglob("*.md"):
        lang = match.group(1) if (match := re.search(r"\.([a-z]{2,3})\.md$", path.name)) else "tr"
        if lang in sizes:
            body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
            sizes[lang].append(len(re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", body))))
    return {lang: sorted(v, reverse=True) for lang, v in sizes.items()}


def filler(lang: str, i: int, chars: int) -> str:
    words, parts, total, j = WORDS[lang], [f"# {lang.upper()} {i:05d}\n"], 0, 0
    while total < chars:
        line = " ".join(words[(j + k) % len(words)] for k in range(24)) + ".\n"
        parts.append(("\n## " + words[j % len(words)] + "\n\n" if j % 4 == 0 else "\n") + line)
        total, j = total + len(parts[-1]), j + 1
    return "".join(parts)


def make_bare(tmp: Path, n: int, lengths: dict[str, list[int]], strict: bool) -> Path:
    """As many plain pages per language as ours, each with as much text as one of ours."""
    proj, docs = tmp / f"bare-{n}", tmp / f"bare-{n}" / "docs"
    docs.mkdir(parents=True)
    overrides = proj / "overrides" / "partials" / "languages"
    overrides.mkdir(parents=True)
    (overrides / "ku.html").symlink_to(ROOT / "site_overrides" / "partials" / "languages" / "ku.html")
    overrides = proj / "overrides"
    for lang in LANGS:
        sfx = "" if lang == "tr" else f".{lang}"
        for i, chars in enumerate(lengths[lang]):
            name = "index" if i == 0 else f"sayfa-{i:05d}"
            (docs / f"{name}{sfx}.md").write_text(filler(lang, i, chars), encoding="utf-8")
    ours = YAML(typ="safe").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config: dict[str, Any] = {
        "site_name": "Bare benchmark",
        "docs_dir": "docs",
        "strict": strict,
        "use_directory_urls": True,
        # Material has no Kurmanji: the bare build borrows only our ku interface strings.
        "theme": {"name": "material", "language": "tr", "font": False, "custom_dir": str(overrides)},
        "nav": ["index.md"],
        "not_in_nav": "sayfa-*.md\n",
        "plugins": ours["plugins"],
        "markdown_extensions": ours["markdown_extensions"],  # same i18n setup
    }
    (proj / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return proj


def run(cmd: list[str], messages: list[str], label: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one fresh subprocess; wait4 gives that child's own rusage."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode(errors="replace").strip()
    if text:
        messages.append(f"[{label}] stderr:\n{text[:2000]}")
    if proc.returncode:
        sys.exit(f"{label}: `{' '.join(cmd)}` exited with {proc.returncode}\n{text}")
    return wall, usage.ru_maxrss / 1024  # Linux: kilobytes


def site_figures(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.suffix == ".html" for p in files), sum(p.stat().st_size for p in files)


def measure(kind: str, n: int, proj: Path, repeat: int, messages: list[str], strict: bool) -> Result:
    site = proj / "site"
    walls: list[float] = []
    rss: list[float] = []
    for r in range(repeat):
        shutil.rmtree(site, ignore_errors=True)
        if kind == "ours":
            reset_content(proj)
            cmd = ["-m", "builder", "--root", str(proj), "--data", str(proj / "data"), "build"]
            cmd += [] if strict else ["--no-strict"]
        else:
            cmd = ["-m", "mkdocs", "build", "-q", "-f", str(proj / "mkdocs.yml"), "-d", str(site)]
        wall, peak = run([str(PYTHON), *cmd], messages, f"{kind} {n} #{r + 1}")
        walls.append(wall)
        rss.append(peak)
    pages, size = site_figures(site)
    return Result(kind, n, pages, statistics.median(walls), max(rss), size)


def report(results: list[Result]) -> None:
    bare = {r.centers: r.wall for r in results if r.kind == "bare"}
    print("| centers | build | languages | pages | wall s | ms/page | peak RSS MB | output MB | ours/bare |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        ratio = f"{r.wall / bare[r.centers]:.2f}" if r.kind == "ours" else ""
        print(
            f"| {r.centers:,} | {r.kind} | {len(LANGS)} | {r.pages:,} | {r.wall:.2f} | "
            f"{1000 * r.wall / max(r.pages, 1):.1f} | {r.rss_mb:.0f} | {r.out_bytes / 1e6:.1f} | {ratio} |"
        )
    ours = [r for r in results if r.kind == "ours"]
    print("\nTargets (reported, not asserted):")
    for r in ours:
        ratio = r.wall / bare[r.centers]
        verdict = "met" if ratio <= 1.25 else "MISSED"
        print(f"- ours/bare ≤ 1.25 at {r.centers:,} centers: {ratio:.2f} -> {verdict}")
    for r in (r for r in ours if r.centers == 2000):
        print(f"- 2,000 centers × 3 languages < 60 s: {r.wall:.1f} s -> {'met' if r.wall < 60 else 'MISSED'}")
    for a, b in itertools.pairwise(ours):
        grow, size = b.rss_mb / a.rss_mb, b.centers / a.centers
        print(
            f"- memory {a.centers:,} -> {b.centers:,} centers: RSS ×{grow:.2f} vs registry ×{size:.1f} "
            f"({(b.rss_mb - a.rss_mb) / (b.centers - a.centers) * 1024:.0f} kB/center) -> "
            f"{'met' if grow <= size else 'MISSED'}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="22,200,2000", help="centers per registry (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement; median time reported")
    parser.add_argument("--no-strict", action="store_true", help="do not fail either build on MkDocs warnings")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and print where")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    tmp = Path(tempfile.mkdtemp(prefix="kdm-bench-"))
    results: list[Result] = []
    messages: list[str] = []  # anything a build wrote to stderr
    try:
        for n in sizes:
            proj = make_ours(tmp, n)
            ours = measure("ours", n, proj, args.repeat, messages, not args.no_strict)
            lengths = text_lengths(proj / "content")
            print(
                f"{n:,} centers: ours {ours.wall:.1f} s; Markdown pages per language "
                f"{ {k: len(v) for k, v in lengths.items()} }, visible chars "
                f"{ {k: sum(v) for k, v in lengths.items()} }",
                file=sys.stderr,
                flush=True,
            )
            bare_proj = make_bare(tmp, n, lengths, not args.no_strict)
            bare = measure("bare", n, bare_proj, args.repeat, messages, not args.no_strict)
            results += [ours, bare]
    finally:
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    report(results)
    if messages:
        print("\nBuild messages:\n" + "\n".join(messages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
