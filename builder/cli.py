"""Command line: one small function per command. Each parses nothing, decides nothing: it calls the library
and turns its errors into messages (file, line, center, field) and an exit status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from builder import project as project_module
from builder.project import Project
from builder.registry.problems import RegistryError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass(frozen=True)
class Run:
    """What every command gets: the project, the build's one date, and its own arguments."""

    project: Project
    today: dt.date
    args: argparse.Namespace


Command = Callable[[Run], int]
Argument = tuple[tuple[str, ...], dict[str, object]]
_COMMANDS: dict[str, tuple[Command, str, list[Argument]]] = {}


def command(name: str, help: str, *arguments: Argument) -> Callable[[Command], Command]:
    def register(function: Command) -> Command:
        _COMMANDS[name] = (function, help, list(arguments))
        return function

    return register


def arg(*flags: str, **options: object) -> Argument:
    return flags, options


# --- the registry -----------------------------------------------------------------------------------------


@command(
    "validate",
    "check the registry; exit 1 with every problem on stderr",
    arg("file", nargs="?", type=Path, help="check this file in place of its data/ namesake"),
)
def validate(run: Run) -> int:
    from builder import registry

    file: Path | None = run.args.file
    if file is None:
        catalog, _ = project_module.validate(run.project, run.today)
        print(
            f"OK: {len(catalog.centers)} centers, {len(catalog.districts)} districts, {len(catalog.hotlines)} hotlines"
        )
        return 0
    kind = next((name for name in registry.FILES if file.name.startswith(name)), None)
    if kind is None:  # a file named otherwise is read as what its top-level key says it is
        text = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
        kind = next((name for name in registry.FILES if f"\n{name}:" in f"\n{text}"), "centers")
    reg = registry.load(run.project.data_dir, run.today, root=run.project.root, overrides={kind: file})
    print(f"OK: {file}: {len(getattr(reg, kind))} entries")
    return 0


@command("schema", "write schema/*.schema.json from the models")
def schema(run: Run) -> int:
    from builder.registry import schema as schemas

    for path in schemas.write_all(run.project.root / "schema"):
        print(f"wrote {run.project.display(path)}")
    return 0


# --- the site ---------------------------------------------------------------------------------------------


@command("generate", "validate and write the generated pages only (no MkDocs)")
def generate(run: Run) -> int:
    generated = project_module.generate(run.project, run.today)
    print(
        f"{len(generated.pages)} pages; {len(generated.report.written)} written, "
        f"{len(generated.report.removed)} removed"
    )
    return 0


@command(
    "build",
    "validate, generate the pages and build the site into site/",
    arg("--no-strict", action="store_true", help="do not fail on MkDocs warnings"),
    arg("--site-dir", type=Path, help="output folder (default: ROOT/site)"),
    arg("-v", "--verbose", action="store_true"),
)
def build(run: Run) -> int:
    from builder.editors import translations
    from builder.engine import driver
    from builder.site import routes

    project = run.project
    try:
        generated = driver.build_site(project, run.today, strict=not run.args.no_strict, verbose=run.args.verbose)
    except driver.BuildFailed as exc:
        print(f"The site build failed; {project.site_dir.name}/ was left as it was.\n{exc}", file=sys.stderr)
        return 1
    print(f"Built {project.site_dir}")
    strings = generated.strings
    for gap in translations.gaps(translations.coverage(strings, project.docs_dir, routes.GENERATED_DIRS)):
        print(f"translation gap: {gap}", file=sys.stderr)
    return 0


@command("serve", "build and preview with live reload", arg("--dev-addr", default="127.0.0.1:8000"))
def serve(run: Run) -> int:
    from builder.engine import driver

    driver.serve_site(run.project, run.today, run.args.dev_addr)
    return 0


@command("map", "regenerate the locator map's folium output (after a folium upgrade)")
def map_(run: Run) -> int:
    from builder.site import mapview

    for path in mapview.write():
        print(f"wrote {run.project.display(path)}")
    return 0


@command(
    "urls",
    "every URL the built site publishes (for published-urls.txt)",
    arg("--write", action="store_true", help="rewrite published-urls.txt from site/"),
)
def urls(run: Run) -> int:
    from builder.editors import urls as published

    found = published.built(run.project.site_dir)
    if run.args.write:
        published.write(run.project.root / published.LIST, found)
    print("\n".join(found))
    return 0


# --- the editors' tools -------------------------------------------------------------------------------------


@command(
    "diff",
    "what a change does to the centers, contact changes first",
    arg("before", help="a git revision (main, HEAD~1, origin/main) or a file"),
    arg("file", nargs="?", type=Path, help="the changed registry (default: ROOT/data/centers.yaml)"),
    arg("--markdown", action="store_true", help="Markdown, for a pull request's job summary"),
)
def diff(run: Run) -> int:
    from builder.editors import changes

    files = [run.args.file] if run.args.file else [run.project.data_dir / f for f in ("centers.yaml", "hotlines.yaml")]
    try:
        for after in files:
            print(changes.report_for(run.project.root, run.args.before, after, markdown=run.args.markdown))
    except changes.Unreadable as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


@command("translations", "translation coverage per language: interface, pages, review")
def translations(run: Run) -> int:
    from builder.editors import translations as coverage
    from builder.site import routes

    _, strings = project_module.validate(run.project, run.today)
    print(coverage.table(coverage.coverage(strings, run.project.docs_dir, routes.GENERATED_DIRS)))
    return 0


@command(
    "stale",
    "entries not checked for a year; exit 1 when there are any",
    arg("--days", type=int, default=365, help="older than this many days (default: 365)"),
)
def stale(run: Run) -> int:
    from builder import registry
    from builder.editors import stale as due

    found = due.stale(registry.load(run.project.data_dir, run.today, root=run.project.root), run.today, run.args.days)
    print(due.report(found, run.today, run.args.days))
    return 1 if found else 0


@command(
    "geocode",
    "fill in missing points from addresses (OpenStreetMap Nominatim, one request a second); "
    "run by hand, never in a build",
    arg("--dry-run", action="store_true", help="look up and report; change nothing"),
)
def geocode(run: Run) -> int:
    from builder import registry
    from builder.editors import geocode as lookup

    centers = run.project.data_dir / "centers.yaml"
    reg = registry.load(run.project.data_dir, run.today, root=run.project.root)  # an invalid registry is untouched
    outcomes = lookup.run(centers, reg.districts, lookup.nominatim(), run.today, dry_run=run.args.dry_run)
    print(lookup.summary(outcomes, run.args.dry_run, run.project.display(centers)))
    return 1 if any(o.status == "error" for o in outcomes) else 0


@command(
    "new-center",
    "print a commented skeleton entry for data/centers.yaml",
    arg("id", help="the new entry's permanent id, like karsiyaka-bostanli"),
    arg("--write", action="store_true", help="append it to data/centers.yaml"),
)
def new_center(run: Run) -> int:
    from builder.editors import skeleton

    centers = run.project.data_dir / "centers.yaml"
    text = centers.read_text(encoding="utf-8")
    try:
        if not run.args.write:
            skeleton.check_new_id(text, run.args.id)
            print(skeleton.skeleton(run.args.id), end="")
            return 0
        changed, line = skeleton.append_skeleton(text, run.args.id)
    except ValueError as exc:
        print(f"new-center: {exc}", file=sys.stderr)
        return 2
    centers.write_text(changed, encoding="utf-8")
    print(
        f"Added a skeleton for {run.args.id} at {run.project.display(centers)}:{line}. Fill in the empty "
        "fields; `python -m builder validate` lists what is left."
    )
    return 0


@command(
    "fields",
    "print the field tables of CONTRIBUTING.md, made from the models",
    arg("--write", action="store_true", help="update CONTRIBUTING.md between its markers"),
)
def fields(run: Run) -> int:
    from builder.editors import fields as tables
    from builder.site.i18n import load_strings

    strings = load_strings(run.project.data_dir / "ui.yaml")
    guide = run.project.root / "CONTRIBUTING.md"
    if run.args.write:
        guide.write_text(tables.replace_section(guide.read_text(encoding="utf-8"), strings), encoding="utf-8")
        print(f"updated the field tables in {guide.name}")
    else:
        print(tables.section(strings))
    return 0


# --- the entry point ----------------------------------------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    main_parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    main_parser.add_argument("--data", type=Path, help="data folder (default: ROOT/data)")
    main_parser.add_argument(
        "--today", type=dt.date.fromisoformat, help="build as on this date, YYYY-MM-DD (default: today in İzmir)"
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    for name, (_, help_text, arguments) in _COMMANDS.items():
        sub = commands.add_parser(name, help=help_text)
        for flags, options in arguments:
            sub.add_argument(*flags, **options)  # type: ignore[arg-type]
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project.at(args.root, data_dir=args.data, site_dir=getattr(args, "site_dir", None))
    run = Run(project, args.today or project_module.today(), args)
    try:
        return _COMMANDS[args.command][0](run)
    except RegistryError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
