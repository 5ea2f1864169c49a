"""Command line: one small function per command. Each parses nothing, decides nothing: it calls the library
and turns its errors into messages (file, line, center, field) and an exit status.
"""

# (This docstring is the top of `python -m builder --help`.) A command is registered with `@command(name,
# *arguments)` in builder/cli/base.py; its docstring is its --help.

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from builder import project as project_module
from builder.cli import editors, site  # noqa: F401  (importing them registers their commands)
from builder.cli.base import COMMANDS, Run
from builder.project import Project
from builder.registry import wording
from builder.registry.problems import RegistryError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m builder", description=__doc__)
    main_parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    main_parser.add_argument("--data", type=Path, help="data folder (default: ROOT/data)")
    main_parser.add_argument(
        "--today", type=dt.date.fromisoformat, help="build as on this date, YYYY-MM-DD (default: today in İzmir)"
    )
    main_parser.add_argument(
        "--lang",
        choices=("tr", "en"),
        default=wording.editor_language(),
        help=f"the language of reports and messages for editors (default: tr, or ${wording.LANG_ENV})",
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    for name, (_, help_text, arguments) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        for flags, options in arguments:
            sub.add_argument(*flags, **options)  # type: ignore[arg-type]
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project.at(
        args.root,
        data_dir=args.data,
        site_dir=getattr(args, "site_dir", None),
        site_url=os.environ.get(project_module.SITE_URL_ENV),
        repo_url=os.environ.get(project_module.REPO_URL_ENV),
    )
    run = Run(project, args.today or project_module.today(), args, args.lang)
    try:
        return COMMANDS[args.command][0](run)
    except RegistryError as exc:
        print(exc.report(run.lang), file=sys.stderr)
        return 1
