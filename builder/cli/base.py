"""What every command shares: the run (project, date, arguments, editors' language) and the registry of
commands that builder.cli's parser is made from."""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass

from builder.project import Project
from builder.registry.problems import Problem, warnings_report


@dataclass(frozen=True)
class Run:
    """What every command gets: the project, the build's one date, and its own arguments."""

    project: Project
    today: dt.date
    args: argparse.Namespace
    lang: str = "tr"  # the editors' language for reports and messages: Turkish first


Command = Callable[[Run], int]
Argument = tuple[tuple[str, ...], dict[str, object]]
COMMANDS: dict[str, tuple[Command, str, list[Argument]]] = {}


def command(name: str, *arguments: Argument) -> Callable[[Command], Command]:
    """Register the decorated function as the command `name`, with its arguments; its docstring is its help."""

    def register(function: Command) -> Command:
        if not function.__doc__ and sys.flags.optimize < 2:  # python -OO strips every docstring
            raise TypeError(f"the command {name} needs a docstring: it is what --help says of it")
        COMMANDS[name] = (function, inspect.cleandoc(function.__doc__ or ""), list(arguments))
        return function

    return register


def arg(*flags: str, **options: object) -> Argument:
    return flags, options


def write_flag(what: str) -> Argument:
    """`--write`: the commands that print a file's new text by default and write it only when asked."""
    return arg("--write", action="store_true", help=what)


def warn(warnings: tuple[Problem, ...], lang: str) -> None:
    """Warnings go to stderr before the command's result: published, but an editor should look."""
    if warnings:
        print(warnings_report(list(warnings), lang), file=sys.stderr)
