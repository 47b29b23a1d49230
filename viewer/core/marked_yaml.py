"""Safe YAML loading that remembers the line of every value, so messages can point at it.

Dates stay strings (we parse them ourselves with clear messages); duplicate keys and aliases are
refused: the first silently loses data in plain PyYAML, the second can blow a small file up into a
huge one ("billion laughs").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ContentIssue, display_name

MAX_BYTES = 2_000_000
Path_ = tuple[Any, ...]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def load_marked_yaml(path: Path) -> tuple[MarkedDocument | None, list[ContentIssue]]:
    """Load one YAML file; on failure return no document and the issues found."""
    name = display_name(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [ContentIssue(name, 0, f"cannot read the file ({exc.strerror})", "check the path and permissions")]
    if size > MAX_BYTES:
        return None, [
            ContentIssue(
                name,
                0,
                f"the file is {size / 1e6:.1f} MB, more than the {MAX_BYTES / 1e6:.0f} MB limit",
                "split it or remove what is not content",
            )
        ]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [ContentIssue(name, 0, f"the file is not UTF-8 text (byte {exc.start})", "save it as UTF-8")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_issue(name, text, exc)]
    finally:
        loader.dispose()
    if node is None:
        return None, [ContentIssue(name, 0, "the file is empty", "write the content, or restore it from version control")]
    lines: dict[Path_, int] = {}
    issues: list[ContentIssue] = []
    _walk(node, (), lines, issues, name, set())
    if issues:
        return None, issues
    data = _Loader(text).construct_document(node)
    return MarkedDocument(data, lines, name), []


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], issues: list[ContentIssue], name: str, seen: set[int]) -> None:
    if id(node) in seen:
        issues.append(
            ContentIssue(
                name,
                node.start_mark.line + 1,
                "an alias (*name) repeats another part of the file",
                "write the value out in full; aliases are not allowed",
            )
        )
        return
    seen.add(id(node))
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        keys: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in keys:
                issues.append(
                    ContentIssue(
                        name,
                        key_node.start_mark.line + 1,
                        f"the key '{key}' appears twice in one entry (first on line {keys[key]})",
                        "keep one of them",
                    )
                )
                continue
            keys[key] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines, issues, name, seen)
            lines[path + (key,)] = key_node.start_mark.line + 1  # an entry is where its key is written
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, issues, name, seen)


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
    return ContentIssue(name, line, f"YAML syntax error: {problem}", fix)
