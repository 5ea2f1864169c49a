"""The editors' commands: diff, translations, stale, calls, geocode, new-center, fields."""

from __future__ import annotations

import sys
from pathlib import Path

from builder import project as project_module
from builder.cli.base import Run, arg, command, write_flag

# --- the editors' tools -------------------------------------------------------------------------------------


@command(
    "diff",
    arg("before", help="a git revision (main, HEAD~1, origin/main) or a file"),
    arg("file", nargs="?", type=Path, help="the changed registry (default: ROOT/data/centers.yaml)"),
    arg("--markdown", action="store_true", help="Markdown, for a pull request's job summary"),
)
def diff(run: Run) -> int:
    """What a change does to the centers, contact changes first."""
    from builder.editors import changes

    files = [run.args.file] if run.args.file else [run.project.data_dir / f for f in ("centers.yaml", "hotlines.yaml")]
    try:
        for after in files:
            print(changes.report_for(run.project.root, run.args.before, after, run.args.markdown, run.lang))
    except changes.Unreadable as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


@command("translations")
def translations(run: Run) -> int:
    """Translation coverage per language: interface, pages, review."""
    from builder import registry
    from builder.editors import translations as coverage
    from builder.site import routes

    _, strings = project_module.validate(run.project, run.today)
    reg = registry.load(run.project.data_dir, run.today, root=run.project.root)
    found = coverage.coverage(strings, run.project.docs_dir, routes.GENERATED_DIRS, entries=reg.centers + reg.hotlines)
    print(coverage.table(found, run.lang))
    return 0


@command("stale", arg("--days", type=int, default=365, help="older than this many days (default: 365)"))
def stale(run: Run) -> int:
    """Entries whose contact facts rest on evidence older than a year; exit 1 when there are any."""
    from builder import registry
    from builder.editors import stale as due
    from builder.site.i18n import load_strings

    found = due.stale(registry.load(run.project.data_dir, run.today, root=run.project.root), run.today, run.args.days)
    strings = load_strings(run.project.data_dir / "ui.yaml")
    print(due.report(found, strings, run.args.days, run.lang))
    return 1 if found else 0


@command(
    "calls",
    arg("--district", help="only the centres of this district (a key of data/districts.yaml)"),
    arg("--older-than", type=int, metavar="DAYS", help="only centres whose contact evidence is older than DAYS"),
    arg("--out", type=Path, help="write the sheet to this file instead of printing it"),
)
def calls(run: Run) -> int:
    """A printable call sheet (in Turkish) of the centres to confirm by phone."""
    from builder import registry
    from builder.editors import calls as sheet
    from builder.site.i18n import load_strings

    reg = registry.load(run.project.data_dir, run.today, root=run.project.root)
    if run.args.district and run.args.district not in reg.districts:
        print(f"calls: unknown district {run.args.district!r} (see data/districts.yaml)", file=sys.stderr)
        return 2
    strings = load_strings(run.project.data_dir / "ui.yaml")
    text = sheet.sheet(sheet.due(reg, run.today, run.args.district, run.args.older_than), run.today, strings)
    if run.args.out:
        run.args.out.write_text(text, encoding="utf-8")
        print(f"wrote {run.args.out}")
    else:
        print(text, end="")
    return 0


@command("geocode", arg("--dry-run", action="store_true", help="look up and report; change nothing"))
def geocode(run: Run) -> int:
    """Fill in missing points from addresses (OpenStreetMap Nominatim, one request a second); run by hand,
    never in a build."""
    from builder import registry
    from builder.editors import geocode as lookup

    centers = run.project.data_dir / "centers.yaml"
    reg = registry.load(run.project.data_dir, run.today, root=run.project.root)  # an invalid registry is untouched
    outcomes = lookup.run(centers, reg.districts, lookup.nominatim(), run.today, dry_run=run.args.dry_run)
    print(lookup.summary(outcomes, run.args.dry_run, run.project.display(centers)))
    return 1 if any(o.status == "error" for o in outcomes) else 0


@command(
    "new-center",
    arg("id", help="the new entry's permanent id, like karsiyaka-bostanli"),
    write_flag("append it to data/centers.yaml"),
)
def new_center(run: Run) -> int:
    """Print a commented skeleton entry for data/centers.yaml."""
    from builder.editors import skeleton

    centers = run.project.data_dir / "centers.yaml"
    text = centers.read_text(encoding="utf-8")
    try:
        if not run.args.write:
            skeleton.check_new_id(text, run.args.id)
            print(skeleton.skeleton(run.args.id, run.lang), end="")
            return 0
        changed, line = skeleton.append_skeleton(text, run.args.id, run.lang)
    except ValueError as exc:
        print(f"new-center: {exc}", file=sys.stderr)
        return 2
    centers.write_text(changed, encoding="utf-8")
    print(
        f"Added a skeleton for {run.args.id} at {run.project.display(centers)}:{line}. Fill in the empty "
        "fields; `python -m builder validate` lists what is left."
    )
    return 0


@command("fields", write_flag("update CONTRIBUTING.md between its markers (always in Turkish)"))
def fields(run: Run) -> int:
    """Print the field tables of CONTRIBUTING.md, made from the models (in the language of --lang)."""
    from builder.editors import fields as tables
    from builder.site.i18n import load_strings

    strings = load_strings(run.project.data_dir / "ui.yaml")
    guide = run.project.root / "CONTRIBUTING.md"
    if run.args.write:
        guide.write_text(tables.replace_section(guide.read_text(encoding="utf-8"), strings), encoding="utf-8")
        print(f"updated the field tables in {guide.name}")
    else:
        print(tables.section(strings, run.lang))
    return 0
