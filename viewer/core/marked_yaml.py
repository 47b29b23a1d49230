"""Safe YAML loading that remembers the line of every value, so messages can point at it.

Dates stay strings (we parse them ourselves with clear messages); duplicate keys and aliases are
refused: the first silently loses data in plain PyYAML, the second can blow a small file up into a
huge one ("billion laughs"). Only plain data is admitted: text, numbers (finite, of sane length),
true/false, null, lists and mappings with text or number keys, nested at most MAX_DEPTH deep; any
explicit tag (`!!set`, `!!binary`, `!custom`) is refused, so what the loader builds is what the
schema can judge. The file itself is read as `safe_files` reads: a regular file under a size cap.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentIssue, display_name
from .safe_files import FileProblem, read_regular_bytes
from .safe_text import bad_character

MAX_BYTES = 2_000_000
MAX_DEPTH = 40  # the content nests about 8 deep; a deeper file is broken or hostile
MAX_NUMBER_CHARS = 30  # no coordinate, radius or count needs more digits
Path_ = tuple[Any, ...]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader without the timestamp resolver."""


_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class MarkedDocument:
    """Plain data plus a table from path (keys and indices) to 1-based line."""

    def __init__(self, data: Any, lines: dict[Path_, int], file: str):
        self.data = data
        self.lines = lines
        self.file = file

    def line(self, path: Path_) -> int:
        """Line of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def issue(self, path: Path_, problem: str, fix: str) -> ContentIssue:
        return ContentIssue(self.file, self.line(path), problem, fix)


def read_text(path: Path, cap: int = MAX_BYTES) -> tuple[str | None, list[ContentIssue]]:
    """The UTF-8 text of a content file (a leading byte-order mark dropped), or the issue that stops it."""
    name = display_name(path)
    try:
        raw = read_regular_bytes(path, cap)
    except FileProblem as exc:
        if isinstance(exc.__cause__, FileNotFoundError) and not path.is_symlink():
            return None, [ContentIssue(name, 0, "the file is missing", "restore it from version control")]
        return None, [ContentIssue(name, 0, exc.problem, exc.fix)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            ContentIssue(
                name, line, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X} at offset {exc.start})", "save it as UTF-8"
            )
        ]


def load_marked_yaml(path: Path) -> tuple[MarkedDocument | None, list[ContentIssue]]:
    """Load one YAML file; on failure return no document and the issues found."""
    name = display_name(path)
    text, issues = read_text(path)
    if text is None:
        return None, issues
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_issue(name, text, exc)]
    except yaml.YAMLError as exc:  # the reader's complaint about a character carries a position, not a mark
        position = getattr(exc, "position", 0) or 0
        return None, [
            ContentIssue(
                name,
                text.count("\n", 0, position) + 1,
                f"YAML cannot read this file: {getattr(exc, 'reason', exc)}",
                "remove control characters; write them as escapes (\\t) inside double quotes if they are meant",
            )
        ]
    finally:
        loader.dispose()
    if node is None:
        return None, [ContentIssue(name, 0, "the file is empty", "write the content, or restore it from version control")]
    lines: dict[Path_, int] = {}
    _walk(node, (), lines, issues, name, set(), 0)
    if issues:
        return None, issues
    try:
        data = _Loader(text).construct_document(node)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:  # _walk admits only what constructs; a net
        return None, [
            ContentIssue(name, 1, f"YAML cannot build this file's values ({exc})", "write plain text, numbers and lists")
        ]
    return MarkedDocument(data, lines, name), []


def _walk(
    node: yaml.Node, path: Path_, lines: dict[Path_, int], issues: list[ContentIssue], name: str, seen: set[int], depth: int
) -> None:
    line = node.start_mark.line + 1
    if id(node) in seen:
        issues.append(
            ContentIssue(
                name,
                line,
                "an alias (*name) repeats another part of the file",
                "write the value out in full; aliases are not allowed",
            )
        )
        return
    seen.add(id(node))
    lines[path] = line
    if node.tag not in _PLAIN_TAGS:
        issues.append(
            ContentIssue(
                name,
                line,
                f"the tag '{node.tag.replace(_TAG, '!!')}' is not allowed",
                "remove the tag; write plain text, numbers and lists",
            )
        )
        return
    if depth > MAX_DEPTH:
        issues.append(ContentIssue(name, line, f"the data is nested more than {MAX_DEPTH} levels deep", "flatten it"))
        return
    if isinstance(node, yaml.ScalarNode):
        problem = _scalar_problem(node)
        if problem:
            issues.append(ContentIssue(name, line, problem[0], problem[1]))
    elif isinstance(node, yaml.MappingNode):
        keys: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                issues.append(ContentIssue(name, key_line, "a key is a list, a mapping or tagged", "write keys as plain words"))
                continue
            problem = _scalar_problem(key_node)
            if problem:
                issues.append(ContentIssue(name, key_line, problem[0], problem[1]))
                continue
            key = key_node.value
            if key in keys:
                issues.append(
                    ContentIssue(
                        name,
                        key_line,
                        f"the key '{key}' appears twice in one entry (first on line {keys[key]})",
                        "keep one of them",
                    )
                )
                continue
            keys[key] = key_line
            _walk(value_node, path + (key,), lines, issues, name, seen, depth + 1)
            lines[path + (key,)] = key_line  # an entry is where its key is written
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, issues, name, seen, depth + 1)


def _scalar_problem(node: yaml.ScalarNode) -> tuple[str, str] | None:
    """What makes a scalar unusable: a number too long or not finite, a character a screen cannot show."""
    value = node.value
    if node.tag in (_TAG + "int", _TAG + "float"):
        if len(value) > MAX_NUMBER_CHARS:
            return f"the number {value[:20]}… has {len(value)} characters", "write a number of ordinary size"
        if node.tag == _TAG + "float" and not _finite(value):
            return f"'{value}' is not a finite number", "write an ordinary number (no .nan, .inf or huge exponents)"
        return None
    bad = bad_character(value)
    return (f"the text holds {bad}", "delete it, or retype the text") if bad else None


def _finite(value: str) -> bool:
    word = value.lower().replace("_", "").lstrip("+-")
    if word in (".inf", ".nan"):
        return False
    try:
        return math.isfinite(float(word))
    except ValueError:  # a YAML 1.1 sexagesimal float (1:30.5) is finite
        return True


def _syntax_issue(name: str, text: str, exc: yaml.MarkedYAMLError) -> ContentIssue:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    problem = exc.problem or str(exc)
    fix = "check the indentation and the quoting on this line and the one before"
    bad_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    if "\t" in problem or "\\t" in problem or bad_line.lstrip(" ").startswith("\t"):
        problem, fix = "a tab character is used for indentation", "indent with spaces only"
    elif "found duplicate anchor" in problem or "found undefined alias" in problem:
        fix = "write the value out in full; anchors and aliases are not allowed"
    elif ": " in bad_line.split(":", 1)[-1] and "mapping values are not allowed" in problem:
        fix = "put the text in quotes: it contains ': '"
    elif "nesting depth" in problem:
        fix = "flatten it: the data is nested too deep"
    return ContentIssue(name, line, f"YAML syntax error: {problem}", fix)
