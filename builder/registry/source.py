"""Reading one YAML data file safely: UTF-8 only, bounded size and depth, no duplicate keys, no aliases.

Returns plain Python values plus the line and column of every key and list item, so that later checks
can point an editor at the exact place. ruamel.yaml keeps positions and rejects duplicate keys
(PyYAML silently keeps the last one).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from builder.registry import fast_yaml
from builder.registry.problems import Problem
from builder.registry.wording import Say

MAX_BYTES: Final = 8 * 1024 * 1024  # the real registry is a few kB; 2,000 synthetic centers ~ 2 MB
MAX_DEPTH: Final = 24  # the deepest real path is ~6 levels
Path_ = tuple[str | int, ...]


@dataclass
class Document:
    file: str
    data: Any
    text: str = ""
    _positions: dict[Path_, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def positions(self) -> dict[Path_, tuple[int, int]]:
        """path -> (line, column), 1-based. Worked out only when a problem needs a place (see parse)."""
        if self._positions is None:
            self._positions = _careful(self.text, self.file).positions if self.text else {}
        return self._positions

    def position(self, path: Path_) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)


class SourceError(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _fail(file: str, say: Say, line: int = 0, column: int = 1) -> SourceError:
    return SourceError(Problem.of(file, line, column, say))


def read(path: Path, display: str | None = None) -> Document:
    name = display or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(name, Say("file.unreadable", reason=exc.strerror)) from exc
    if size > MAX_BYTES:
        raise _fail(name, _too_big(size))
    return parse(path.read_bytes(), name)


def _too_big(size: int) -> Say:
    return Say("file.too_big", size=f"{size / 1e6:.1f}", limit=MAX_BYTES // 2**20)


def parse(raw: bytes, name: str) -> Document:
    if len(raw) > MAX_BYTES:
        raise _fail(name, _too_big(len(raw)))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise _fail(name, Say("file.not_utf8"), line, column) from exc
    if not text.strip():
        raise _fail(name, Say("file.empty"))
    _check_depth(text, name)
    # Most files are valid: read them with libyaml (fast); anything unusual, and every position an error
    # message needs, goes through ruamel's round-trip reader (exact, ~7x slower).
    fast = fast_yaml.load(text)
    if fast is not fast_yaml.UNSURE:
        return Document(file=name, data=fast, text=text)
    return _careful(text, name)


def _careful(text: str, name: str) -> Document:
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(io.StringIO(text))
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else "a key"
        raise _fail(name, Say("yaml.duplicate_key", key=key), mark.line + 1, mark.column + 1) from exc
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or exc.context or "invalid YAML").strip()
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 1)
        tab = _tab_line(text)
        if tab and (tab == line or "\\t" in what):
            raise _fail(name, Say("yaml.tab", line=tab), tab, 1) from exc
        raise _fail(name, _explained(what), line, column) from exc
    except RecursionError as exc:
        raise _fail(name, Say("yaml.too_deep", depth=MAX_DEPTH)) from exc
    except AssertionError as exc:  # ruamel checks repeated keys of !!omap with a bare assert
        raise _fail(name, Say("yaml.duplicate_key_unnamed")) from exc
    except (YAMLError, ValueError, TypeError) as exc:
        raise _fail(name, Say("yaml.invalid", what=str(exc))) from exc
    doc = Document(file=name, data=None, _positions={})
    doc.data = _plain(tree, (), doc, set())
    return doc


# What the parser says, and what it means for someone editing by hand (the parser's words are kept for developers).
_EXPLAINED: Final = (
    ("expected ',' or ']'", "yaml.unclosed_bracket"),
    ("expected ',' or '}'", "yaml.unclosed_brace"),
    ("mapping values are not allowed here", "yaml.colon"),
    ("found unexpected end of stream", "yaml.unclosed_quote"),
    ("found another document", "yaml.two_documents"),
    ("expected <block end>", "yaml.indentation"),
)


def _explained(what: str) -> Say:
    key = next((key for words, key in _EXPLAINED if words in what), None)
    return Say(key, what=what) if key else Say("yaml.invalid", what=what)


def _check_depth(text: str, name: str) -> None:
    """Reject absurd nesting before the (recursive) YAML composer sees it."""
    depth = 0
    line = 1
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise _fail(name, Say("yaml.too_deep", depth=MAX_DEPTH), line)
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n":
            line += 1
    if text.count("\n") and max(len(ln) - len(ln.lstrip(" ")) for ln in text.splitlines()) > 2 * MAX_DEPTH * 4:
        raise _fail(name, Say("yaml.indent_too_deep", depth=MAX_DEPTH))


def _tab_line(text: str) -> int:
    """The first line indented with a tab (YAML forbids it, and editors cannot see it), or 0."""
    for number, line in enumerate(text.splitlines(), 1):
        if line[: len(line) - len(line.lstrip(" \t"))].count("\t"):
            return number
    return 0


def _plain(node: Any, path: Path_, doc: Document, seen: set[int]) -> Any:
    """Convert ruamel's round-trip nodes to plain values, recording positions; refuse anchors and aliases.

    An editor never needs them, and aliases are how a small file expands into a huge one."""
    anchor = getattr(node, "anchor", None)
    if getattr(anchor, "value", None) or getattr(node, "merge", None):
        raise _fail(doc.file, Say("yaml.aliases"), *doc.position(path))
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if id(node) in seen:
            raise _fail(doc.file, Say("yaml.aliases"), *doc.position(path))
        seen.add(id(node))
    if isinstance(node, CommentedMap):
        result: dict[Any, Any] = {}
        for key, value in node.items():
            if not isinstance(key, (str, int, float, bool)):
                raise _fail(doc.file, Say("yaml.plain_key"), *doc.position(path))
            child = (*path, _plain_scalar(key))
            where = node.lc.key(key)
            doc.positions[child] = (where[0] + 1, where[1] + 1) if where else doc.position(path)
            result[_plain_scalar(key)] = _plain(value, child, doc, seen)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            where = node.lc.item(index)
            doc.positions[(*path, index)] = (where[0] + 1, where[1] + 1) if where else doc.position(path)
            items.append(_plain(value, (*path, index), doc, seen))
        return items
    value = _plain_scalar(node)
    if value is not None and not isinstance(value, (str, int, float, bool, dt.date)):
        # !tags, !!set, !!binary ...: nothing in the registry needs them.
        raise _fail(doc.file, Say("yaml.value", kind=type(node).__name__), *doc.position(path))
    return value


def _plain_scalar(value: Any) -> Any:
    # ruamel wraps scalars in subclasses (ScalarFloat, DoubleQuotedScalarString, ...); strict models want builtins.
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value
