"""Build-time benchmark: our builder against a bare mkdocs-material build of as many plain pages.

Generates clearly synthetic registries (never in data/), builds each in a fresh subprocess and prints a
Markdown table of wall time, peak memory, pages and output size. It prints figures and asserts nothing.

    .venv/bin/python benchmarks/build_time.py --sizes 22,200,2000 --repeat 1 [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
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

from builder import pages as builder_pages

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
LANGS = ("tr", "en", "ar")
KINDS = ("metropolitan-counseling", "municipal-counseling", "municipal-unit", "state-violence-prevention",
         "bar-legal-aid", "ngo", "refugee-support")
SERVICES = ("legal-counseling", "psychological-support", "social-work", "referral", "training", "group-work")
STATUSES = ("verified", "partial", "unverified")
WORDS = {"tr": "kadın danışma merkezi hukuk destek randevu telefon adres ilçe hizmet ücretsiz".split(),
         "en": "women counseling centre legal support appointment phone address district free".split(),
         "ar": "مركز استشارات المرأة دعم قانوني موعد هاتف عنوان منطقة مجاني".split()}


@dataclass
class Result:
    kind: str  # "ours" or "bare"
    centers: int
    pages: int  # HTML pages in the output
    wall: float  # seconds, median over repeats
    rss_mb: float  # peak resident set of the build process, max over repeats
    out_bytes: int


def q(text: str) -> str:  # a YAML double-quoted scalar: JSON strings are valid YAML
    return json.dumps(text, ensure_ascii=False)


def center_yaml(i: int, district: str) -> str:
    num, today = f"{i:04d}", dt.date.today()
    lat, lon = 38.0 + (i * 0.6180339887) % 1.0, 26.8 + (i * 0.4142135623) % 1.0
    lines = [
        f"  - id: sentetik-merkez-{num}",
        f"    name: {{tr: {q(f'Sentetik Merkez {num}')}, en: {q(f'Synthetic Centre {num}')}, "
        f"ar: {q(f'مركز اصطناعي {num}')}}}",
        f"    kind: {KINDS[i % len(KINDS)]}",
        f"    operator: {{tr: {q(f'Sentetik Kurum {i % 17}')}, en: {q(f'Synthetic Operator {i % 17}')}}}",
        f"    district: {district}",
        f"    address: {{tr: {q(f'Sentetik Sokak No {i}')}, en: {q(f'Synthetic Street No {i}')}, "
        f"ar: {q(f'شارع اصطناعي رقم {i}')}}}",
        f"    location: {{lat: {lat:.5f}, lon: {lon:.5f}, precision: exact}}",
        "    phones:",
        f"      - number: {q(f'0232 5{i // 100 % 100:02d} {i % 100:02d} {i * 7 % 100:02d}')}",
        f"    email: sentetik{num}@example.org",
        f"    website: https://example.org/sentetik/{num}",
    ]
    if i % 7 == 0:
        lines.append("    hours: {always_open: true}")
    elif i % 3 == 0:
        days = ("mon", "tue", "wed", "thu", "fri")
        lines += ["    hours:", *(f'      {d}: ["08:30-12:00", "13:00-17:30"]' for d in days),
                  "      public_holidays: closed"]
    lines += [
        f"    services: [{', '.join(SERVICES[j % len(SERVICES)] for j in range(i % 3 + 1, i % 3 + 4))}]",
        f"    languages: [tr{', en' if i % 2 else ''}{', ar' if i % 5 == 0 else ''}]",
        "    access: {appointment: walk-in, free: true}",
        f"    notes: {{tr: {q('Sentetik kayıt; gerçek bir merkez değildir.')}, "
        f"en: {q('Synthetic entry; not a real centre.')}}}",
        "    verification:",
        f"      status: {STATUSES[i % 3]}",
        f"      checked: {(today - dt.timedelta(days=30 + i % 300)).isoformat()}",
        "      method: Synthetic benchmark data.",
        f"      sources: [https://example.org/kaynak/{num}]",
    ]
    return "\n".join(lines) + "\n"


def is_generated(path: Path) -> bool:
    """content/index*.md and the folders in builder.pages.GENERATED_DIRS are written by the builder."""
    home = path.name.startswith(builder_pages.HOME_FILE) and path.suffix == ".md"
    return path.name in builder_pages.GENERATED_DIRS or home


def make_ours(tmp: Path, n: int, districts: list[str]) -> Path:
    proj, data = tmp / f"ours-{n}", tmp / f"ours-{n}" / "data"
    data.mkdir(parents=True)
    for name in ("districts.yaml", "hotlines.yaml", "ui.yaml"):
        shutil.copy2(ROOT / "data" / name, data / name)
    body = "".join(center_yaml(i, districts[i % len(districts)]) for i in range(1, n + 1))
    (data / "centers.yaml").write_text(f"# SYNTHETIC benchmark registry: {n} fake centers.\ncenters:\n{body}",
                                       encoding="utf-8")
    shutil.copy2(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    for name in ("builder", "site_overrides"):  # hooks: builder/hooks.py; watch: builder/templates
        (proj / name).symlink_to(ROOT / name, target_is_directory=True)
    return proj


def reset_content(proj: Path) -> None:
    content = proj / "content"
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir()
    for item in (ROOT / "content").iterdir():
        if not is_generated(item):
            (shutil.copytree if item.is_dir() else shutil.copy2)(item, content / item.name)


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
    for lang in LANGS:
        sfx = "" if lang == "tr" else f".{lang}"
        for i, chars in enumerate(lengths[lang]):
            name = "index" if i == 0 else f"sayfa-{i:05d}"
            (docs / f"{name}{sfx}.md").write_text(filler(lang, i, chars), encoding="utf-8")
    ours = YAML(typ="safe").load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config: dict[str, Any] = {
        "site_name": "Bare benchmark", "docs_dir": "docs", "strict": strict, "use_directory_urls": True,
        "theme": {"name": "material", "language": "tr", "font": False},
        "nav": ["index.md"], "not_in_nav": "sayfa-*.md\n",
        "plugins": ours["plugins"], "markdown_extensions": ours["markdown_extensions"],  # same i18n setup
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
        print(f"| {r.centers:,} | {r.kind} | {len(LANGS)} | {r.pages:,} | {r.wall:.2f} | "
              f"{1000 * r.wall / max(r.pages, 1):.1f} | {r.rss_mb:.0f} | {r.out_bytes / 1e6:.1f} | {ratio} |")
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
        print(f"- memory {a.centers:,} -> {b.centers:,} centers: RSS ×{grow:.2f} vs registry ×{size:.1f} "
              f"({(b.rss_mb - a.rss_mb) / (b.centers - a.centers) * 1024:.0f} kB/center) -> "
              f"{'met' if grow <= size else 'MISSED'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="22,200,2000", help="centers per registry (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement; median time reported")
    parser.add_argument("--no-strict", action="store_true", help="do not fail either build on MkDocs warnings")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and print where")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    districts = list(YAML(typ="safe").load(ROOT / "data" / "districts.yaml")["districts"])
    tmp = Path(tempfile.mkdtemp(prefix="kdm-bench-"))
    results: list[Result] = []
    messages: list[str] = []  # anything a build wrote to stderr
    try:
        for n in sizes:
            proj = make_ours(tmp, n, districts)
            ours = measure("ours", n, proj, args.repeat, messages, not args.no_strict)
            lengths = text_lengths(proj / "content")
            print(f"{n:,} centers: ours {ours.wall:.1f} s; Markdown pages per language "
                  f"{ {k: len(v) for k, v in lengths.items()} }, visible chars "
                  f"{ {k: sum(v) for k, v in lengths.items()} }", file=sys.stderr, flush=True)
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
