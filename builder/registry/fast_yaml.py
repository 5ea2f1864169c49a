"""A fast first reading of a data file with libyaml, giving exactly what the careful reader would.

YAML 1.2 core schema, as ruamel reads it (PyYAML alone reads YAML 1.1: `no` would become false and `0232`
an octal number). It gives up, returning UNSURE, on anything the careful reader treats specially:
anchors, aliases, merge keys, tags, repeated keys, unusual keys, or a YAML error. builder.source then
reads the file with ruamel, which reports the problem with its line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver

try:
    from yaml._yaml import CParser as _Reading  # libyaml: parses and composes
except ImportError:  # PyYAML built without libyaml: still correct, only slower
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Reading(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


UNSURE: Final = object()
_PLAIN = (str, int, float, bool, dt.date, type(None))


class _Core12(BaseResolver):
    pass


for tag, pattern, first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),  # ruamel accepts 1_000
    (
        "float",
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
        "-+0123456789.",
    ),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("timestamp", r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ]|$)[0-9:.+\-Zz ]*", "0123456789"),
):
    _Core12.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(rf"^(?:{pattern})$"), list(first))


class _Unsure(Exception):
    pass


class _Constructor(SafeConstructor):
    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key == "<<" or not isinstance(key, (str, int, float, bool)) or key in mapping:
                raise _Unsure
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: Any) -> int:
        value = self.construct_scalar(node).replace("_", "")
        return int(value[2:], 8) if value.startswith("0o") else int(value, 16 if value.startswith("0x") else 10)

    def construct_yaml_bool(self, node: Any) -> bool:
        return self.construct_scalar(node).lower() == "true"


# The stubs type add_constructor's callable against the base class; these are our subclass's methods.
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:bool", _Constructor.construct_yaml_bool)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_yaml_map)  # type: ignore[type-var]


class _Loader(_Reading, _Constructor, _Core12):
    def __init__(self, stream: str) -> None:
        _Reading.__init__(self, stream)
        _Constructor.__init__(self)
        _Core12.__init__(self)


def load(text: str) -> Any:
    """The file's data, or UNSURE when the careful reader must look at it."""
    loader = _Loader(text)
    try:
        for event in yaml.parse(text, Loader=_Loader):  # type: ignore[arg-type]
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return UNSURE
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!":  # any explicit tag (!!omap, !!binary, !custom)
                return UNSURE
        data = loader.get_single_data()
    except (yaml.YAMLError, _Unsure, ValueError, TypeError, RecursionError):
        return UNSURE
    finally:
        loader.dispose()
    return data if _plain(data) else UNSURE


MAX_DEPTH: Final = 24  # as builder.source: deeper data is refused there, with its message


def _plain(value: Any) -> bool:
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif not isinstance(item, _PLAIN) or isinstance(item, dt.datetime):
            return False
    return True
