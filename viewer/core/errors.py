"""Content problems reported to the curator as `file:line: what is wrong; what to do`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentIssue:
    """One problem in one file; `line` is 1-based, 0 when the whole file is at fault."""

    file: str
    line: int
    problem: str
    fix: str

    def __str__(self) -> str:
        """One line, whatever the problem quotes (a library's multi-line message, a value with line breaks)."""
        return f"{self.file}:{self.line}: {_one_line(self.problem)}; {_one_line(self.fix)}"


class ContentError(Exception):
    """Raised when content does not validate; carries every issue found in the run."""

    def __init__(self, issues: list[ContentIssue]):
        self.issues = sorted(set(issues))
        super().__init__("\n".join(map(str, self.issues)))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def display_name(path: Path) -> str:
    """A short file name for messages: relative to the working directory when possible."""
    try:  # not resolve(): a symbolic-link loop would raise instead of being reported by its name
        return str(Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(Path.cwd()))))
    except (ValueError, OSError):
        return str(path)
