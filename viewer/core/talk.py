"""A lecturer's talk: which events are shown, in what order — a small text file the lecturer can edit by hand.

The file is one event id per line, in the order of the talk; blank lines and lines starting with `#` are
ignored; an event left out is skipped. It is read as a regular file under a size cap and written atomically
(safe_files), so a crash while saving never leaves half a talk. Bad lines are reported as
`file:line: what; fix`, and nothing is half-loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError, ContentIssue, display_name
from .model import Event, Scenario
from .safe_files import FileProblem, atomic_write_text, read_regular_bytes
from .story import Story

MAX_BYTES = 64_000  # a talk of every event is about 2 kB
HEADER = (
    "# A talk for the Khalkhin Gol viewer: one event id per line, in the order of the talk.\n"
    "# Lines starting with # are ignored; an event left out is skipped. `python -m viewer check` lists the ids.\n"
)


@dataclass(frozen=True)
class Talk:
    """The ids of the events of a talk, in the order they are shown."""

    event_ids: tuple[str, ...]

    @classmethod
    def default(cls, scenario: Scenario, background: bool = False) -> Talk:
        """The campaign's events in time order; the background chapter's before them if asked for."""
        chosen = [
            e
            for e in scenario.events
            if scenario.campaign_start <= e.at <= scenario.campaign_end or (background and e.chapter == "background")
        ]
        return cls(tuple(e.id for e in sorted(chosen, key=lambda e: e.at)))

    def story(self, scenario: Scenario) -> Story:
        by_id = {e.id: e for e in scenario.events}
        return Story(tuple(by_id[i] for i in self.event_ids if i in by_id))

    def text(self) -> str:
        return HEADER + "".join(f"{i}\n" for i in self.event_ids)

    def without(self, skipped: Iterable[str]) -> Talk:
        skip = set(skipped)
        return Talk(tuple(i for i in self.event_ids if i not in skip))


def parse_talk(text: str, scenario: Scenario, file: str) -> Talk:
    """The talk written in `text`; ContentError with every bad line."""
    known: dict[str, Event] = {e.id: e for e in scenario.events}
    ids: list[str] = []
    first_line: dict[str, int] = {}
    issues: list[ContentIssue] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line not in known:
            issues.append(
                ContentIssue(
                    file,
                    number,
                    f"no event has the id '{line}'",
                    "correct the id (`python -m viewer check` lists them) or remove the line",
                )
            )
        elif line in first_line:
            issues.append(
                ContentIssue(
                    file,
                    number,
                    f"'{line}' is already step {ids.index(line) + 1} (line {first_line[line]})",
                    "keep one of the two lines",
                )
            )
        else:
            first_line[line] = number
            ids.append(line)
    if not issues and not ids:
        issues.append(ContentIssue(file, 0, "the talk has no events", "write one event id per line"))
    if issues:
        raise ContentError(issues)
    return Talk(tuple(ids))


def load_talk(path: Path, scenario: Scenario) -> Talk:
    """Read a talk file; ContentError (with `file:line`) if it cannot be used."""
    name = display_name(path)
    try:
        data = read_regular_bytes(path, MAX_BYTES)
    except FileProblem as exc:
        raise ContentError([ContentIssue(name, 0, exc.problem, exc.fix)]) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([ContentIssue(name, 0, f"the file is not UTF-8 text (byte {exc.start})", "save it as UTF-8")]) from exc
    return parse_talk(text, scenario, name)


def save_talk(talk: Talk, path: Path) -> None:
    """Write the talk atomically; FileProblem if it cannot be written (a full disk is an error)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, talk.text())
