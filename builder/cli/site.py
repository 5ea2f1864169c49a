"""The commands of the registry and the site: validate, schema, generate, build, serve, map, urls."""

from __future__ import annotations

import sys
from pathlib import Path

from builder import project as project_module
from builder.cli.base import Run, arg, command, warn, write_flag
from builder.registry import wording

# --- the registry -----------------------------------------------------------------------------------------


@command("validate", arg("file", nargs="?", type=Path, help="check this file in place of its data/ namesake"))
def validate(run: Run) -> int:
    """Check the registry; exit 1 with every problem on stderr."""
    from builder import registry

    file: Path | None = run.args.file
    if file is None:
        catalog, _ = project_module.validate(run.project, run.today)
        warn(catalog.warnings, run.lang)
        counts = {
            "centers": len(catalog.centers),
            "districts": len(catalog.districts),
            "hotlines": len(catalog.hotlines),
        }
        print(wording.say("cli.ok", run.lang, **counts))
        return 0
    kind = next((name for name in registry.FILES if file.name.startswith(name)), None)
    if kind is None:  # a file named otherwise is read as what its top-level key says it is
        text = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
        kind = next((name for name in registry.FILES if f"\n{name}:" in f"\n{text}"), "centers")
    reg = registry.load(run.project.data_dir, run.today, root=run.project.root, overrides={kind: file})
    warn(reg.warnings, run.lang)
    print(wording.say("cli.ok_file", run.lang, file=file, n=len(getattr(reg, kind))))
    return 0


@command("schema")
def schema(run: Run) -> int:
    """Write schema/*.schema.json from the models."""
    from builder.registry import schema as schemas

    for path in schemas.write_all(run.project.root / "schema"):
        print(f"wrote {run.project.display(path)}")
    return 0


# --- the site ---------------------------------------------------------------------------------------------


@command("generate")
def generate(run: Run) -> int:
    """Validate and write the generated pages only (no MkDocs)."""
    generated = project_module.generate(run.project, run.today)
    print(
        f"{len(generated.pages)} pages; {len(generated.report.written)} written, "
        f"{len(generated.report.removed)} removed"
    )
    return 0


@command(
    "build",
    arg("--no-strict", action="store_true", help="do not fail on MkDocs warnings"),
    arg("--site-dir", type=Path, help="output folder (default: ROOT/site)"),
    arg("-v", "--verbose", action="store_true"),
)
def build(run: Run) -> int:
    """Validate, generate the pages and build the site into site/."""
    from builder.editors import translations
    from builder.engine import driver
    from builder.site import routes

    project = run.project
    try:
        generated = driver.build_site(project, run.today, strict=not run.args.no_strict, verbose=run.args.verbose)
    except driver.BuildFailed as exc:
        print(wording.say("cli.build_failed", run.lang, site=project.site_dir.name, error=exc), file=sys.stderr)
        return 1
    warn(generated.catalog.warnings, run.lang)
    print(wording.say("cli.built", run.lang, site=project.site_dir))
    strings = generated.strings
    for gap in translations.gaps(translations.coverage(strings, project.docs_dir, routes.GENERATED_DIRS), run.lang):
        print(gap, file=sys.stderr)
    return 0


@command("serve", arg("--dev-addr", default="127.0.0.1:8000"))
def serve(run: Run) -> int:
    """Build and preview with live reload."""
    from builder.engine import driver

    driver.serve_site(run.project, run.today, run.args.dev_addr)
    return 0


@command("map")
def map_(run: Run) -> int:
    """Regenerate the locator map's folium output (after a folium upgrade)."""
    from builder.site import mapview

    for path in mapview.write():
        print(f"wrote {run.project.display(path)}")
    return 0


@command("urls", write_flag("rewrite published-urls.txt from site/"))
def urls(run: Run) -> int:
    """Every URL the built site publishes (for published-urls.txt)."""
    from builder.editors import urls as published

    if not (run.project.site_dir / "index.html").is_file():
        print(
            f"urls: {run.project.display(run.project.site_dir)}/ holds no built site; run `python -m builder build` "
            "first",
            file=sys.stderr,
        )
        return 2
    found = published.built(run.project.site_dir)
    if run.args.write:
        published.write(run.project.root / published.LIST, found)
    print("\n".join(found))
    return 0
