"""Command line: parses arguments, calls the project, reports. No logic of its own."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from builder import registry
from builder.problems import RegistryError
from builder.project import Project, generate, validate

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument("--data", type=Path, help="data folder (default: ROOT/data)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the registry; exit 1 with every problem on stderr")
    check.add_argument("file", nargs="?", type=Path, help="check this file in place of its data/ namesake")
    build = commands.add_parser("build", help="validate, generate the pages and build the site into site/")
    build.add_argument("--no-strict", action="store_true", help="do not fail on MkDocs warnings")
    build.add_argument("--site-dir", type=Path, help="output folder (default: ROOT/site)")
    build.add_argument("-v", "--verbose", action="store_true")
    commands.add_parser("generate", help="validate and write the generated pages only (no MkDocs)")
    commands.add_parser("schema", help="write schema/*.schema.json from the models")
    commands.add_parser("translations", help="translation coverage per language: interface, pages, review")
    commands.add_parser("map", help="regenerate the locator map's folium output (after a folium upgrade)")
    urls = commands.add_parser("urls", help="every URL the built site publishes (for published-urls.txt)")
    urls.add_argument("--write", action="store_true", help="rewrite published-urls.txt from site/")
    diff = commands.add_parser("diff", help="what a change does to the centers, contact changes first")
    diff.add_argument("before", help="a git revision (main, HEAD~1, origin/main) or a file")
    diff.add_argument("file", nargs="?", type=Path, help="the changed registry (default: ROOT/data/centers.yaml)")
    diff.add_argument("--markdown", action="store_true", help="Markdown, for a pull request's job summary")
    _add_editor_commands(commands)
    serve = commands.add_parser("serve", help="build and preview with live reload")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)

    project = Project.at(args.root, data_dir=args.data, site_dir=getattr(args, "site_dir", None))
    if args.data:
        os.environ["KDM_DATA_DIR"] = str(project.data_dir)
    try:
        if args.command == "validate":
            return _validate(project, args.file)
        if args.command in EDITOR_COMMANDS:
            return _editor_command(project, args)
        if args.command == "diff":
            return _diff(project, args.before, args.file, args.markdown)
        if args.command == "translations":
            from builder import pages, translations

            _, strings = validate(project)
            print(translations.table(translations.coverage(strings, project.docs_dir, pages.GENERATED_DIRS)))
            return 0
        if args.command == "urls":
            from builder import urls as published

            found = published.built(project.site_dir)
            if args.write:
                published.write(project.root / published.LIST, found)
            print("\n".join(found))
            return 0
        if args.command == "map":
            from builder import mapview

            for path in mapview.write():
                print(f"wrote {path.relative_to(project.root)}")
            return 0
        if args.command == "schema":
            from builder import schema

            for path in schema.write_all(project.root / "schema"):
                print(f"wrote {path.relative_to(project.root)}")
            return 0
        generated = generate(project)
        if args.command == "generate":
            print(f"{len(generated.pages)} pages; {len(generated.report.written)} written, "
                  f"{len(generated.report.removed)} removed")
            return 0
        from builder import hooks  # imports MkDocs: only the commands that need the engine pay for it

        try:
            if args.command == "build":
                hooks.build_site(project, strict=not args.no_strict, verbose=args.verbose)
                print(f"Built {project.site_dir}")
                from builder import pages, translations

                report = translations.coverage(generated.strings, project.docs_dir, pages.GENERATED_DIRS)
                for gap in translations.gaps(report):
                    print(f"translation gap: {gap}", file=sys.stderr)
            else:
                hooks.serve_site(project, args.dev_addr)
        except hooks.BuildFailed as exc:
            print(f"The site build failed; {project.site_dir.name}/ was left as it was.\n{exc}", file=sys.stderr)
            return 1
        return 0
    except RegistryError as exc:
        print(exc.report(), file=sys.stderr)
        return 1


def _validate(project: Project, file: Path | None) -> int:
    if file is None:
        catalog, _ = validate(project)
        print(f"OK: {len(catalog.registry.centers)} centers, {len(catalog.registry.districts)} districts, "
              f"{len(catalog.registry.hotlines)} hotlines")
        return 0
    kind = next((name for name in registry.FILES if file.name.startswith(name)), None)
    if kind is None:
        # A file named otherwise is read as what its top-level key says it is.
        text = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
        kind = next((name for name in registry.FILES if f"\n{name}:" in f"\n{text}"), "centers")
    reg = registry.load(project.data_dir, root=project.root, overrides={kind: file})
    print(f"OK: {file}: {len(getattr(reg, kind))} entries")
    return 0


def _diff(project: Project, before: str, file: Path | None, markdown: bool) -> int:
    from builder import changes, source

    files = [file] if file else [project.data_dir / "centers.yaml", project.data_dir / "hotlines.yaml"]
    for after_path in files:
        if Path(before).is_file():
            old_raw, old_name = Path(before).read_bytes(), before
        else:
            rel = after_path.resolve().relative_to(project.root).as_posix()
            shown = subprocess.run(["git", "show", f"{before}:{rel}"], cwd=project.root, capture_output=True)
            if shown.returncode != 0:
                reason = shown.stderr.decode(errors="replace").strip()
                print(f"cannot read {rel} at {before!r}: {reason}", file=sys.stderr)
                return 2
            old_raw, old_name = shown.stdout, f"{before}:{rel}"
        try:
            old = source.parse(old_raw, old_name).data
            new = source.read(after_path).data
        except source.SourceError as exc:
            print(exc.problem, file=sys.stderr)
            return 2
        title = f"{after_path.name} (compared with {old_name})"
        print(f"# {title}\n" if markdown else f"{title}\n{'=' * len(title)}")
        print(changes.render(changes.compare(old, new), markdown=markdown))
    return 0


# --- editors' commands: stale, geocode, new-center, fields --------------------------------------------------

EDITOR_COMMANDS = ("stale", "geocode", "new-center", "fields")


def _add_editor_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    stale = commands.add_parser("stale", help="entries not checked for a year; exit 1 when there are any")
    stale.add_argument("--days", type=int, default=365, help="older than this many days (default: 365)")
    geo = commands.add_parser("geocode", help="fill in missing points from addresses (OpenStreetMap Nominatim, "
                                              "one request a second); run by hand, never in a build")
    geo.add_argument("--dry-run", action="store_true", help="look up and report; change nothing")
    new = commands.add_parser("new-center", help="print a commented skeleton entry for data/centers.yaml")
    new.add_argument("id", help="the new entry's permanent id, like karsiyaka-bostanli")
    new.add_argument("--write", action="store_true", help="append it to data/centers.yaml")
    fields = commands.add_parser("fields", help="print the field tables of CONTRIBUTING.md, made from the models")
    fields.add_argument("--write", action="store_true", help="update CONTRIBUTING.md between its markers")


def _editor_command(project: Project, args: argparse.Namespace) -> int:
    import datetime as dt

    centers = project.data_dir / "centers.yaml"
    if args.command == "stale":
        from builder import freshness

        today = dt.date.today()
        found = freshness.stale(registry.load(project.data_dir, root=project.root), today, args.days)
        print(freshness.report(found, today, args.days))
        return 1 if found else 0
    if args.command == "geocode":
        from builder import geocode

        reg = registry.load(project.data_dir, root=project.root)  # an invalid registry is never touched
        outcomes = geocode.run(centers, reg.districts, geocode.nominatim(), dry_run=args.dry_run)
        print(geocode.summary(outcomes, args.dry_run, str(centers.relative_to(project.root))))
        return 1 if any(o.status == "error" for o in outcomes) else 0
    from builder import fields

    if args.command == "new-center":
        text = centers.read_text(encoding="utf-8")
        try:
            if not args.write:
                fields.check_new_id(text, args.id)
                print(fields.skeleton(args.id), end="")
                return 0
            changed, line = fields.append_skeleton(text, args.id)
        except ValueError as exc:
            print(f"new-center: {exc}", file=sys.stderr)
            return 2
        centers.write_text(changed, encoding="utf-8")
        print(f"Added a skeleton for {args.id} at {centers.relative_to(project.root)}:{line}. Fill in the empty "
              "fields; `python -m builder validate` lists what is left.")
        return 0
    from builder.i18n import load_strings

    strings = load_strings(project.data_dir / "ui.yaml")
    guide = project.root / "CONTRIBUTING.md"
    if args.write:
        guide.write_text(fields.replace_section(guide.read_text(encoding="utf-8"), strings), encoding="utf-8")
        print(f"updated the field tables in {guide.name}")
    else:
        print(fields.section(strings))
    return 0
