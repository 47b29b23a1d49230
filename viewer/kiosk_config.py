"""The museum's kiosk settings: a small INI file staff edit by hand, so every line is checked and every problem
is reported as `file:line: what; fix` (staff see it on screen at start, the log keeps it, `khalkhin-gol kiosk
--check-config` prints it). A bad value falls back to its default; nothing a typo does can lock staff out.

Read by our own small parser rather than configparser: `;` and `#` start a comment anywhere (after a space),
`%` is plain text (no interpolation), section and key names ignore case, and each key keeps its line number.

[kiosk]
idle_seconds = 90          ; quiet time before the guided tour starts
start_chapter = may-june   ; where the tour begins (a chapter id from events.yaml)
language = en              ; en, ru, mn or ja: the tour returns to it when the kiosk is idle
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, time
from pathlib import Path
from typing import Any

from .core.language import LANGUAGES
from .core.safe_files import FileProblem, read_regular_bytes
from .paths import config_dir

log = logging.getLogger("viewer.kiosk")
SECTION = "kiosk"
MAX_BYTES = 64_000
DEFAULT_CHORD = "Ctrl+Alt+Shift+Q"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Opening:
    """One opening span: on these weekdays (0 = Monday), from `start` to `end` (same day)."""

    days: frozenset[int]
    start: time
    end: time


@dataclass(frozen=True)
class KioskConfig:
    idle_seconds: float = 90.0
    tour_seconds: float = 14.0
    start_chapter: str = "may-june"
    language: str = "en"
    attract_languages: tuple[str, ...] = LANGUAGES
    exit_chord_enabled: bool = True
    exit_chord: str = DEFAULT_CHORD
    opening_hours: tuple[Opening, ...] = ()  # empty: always open
    pixel_shift: int = 4
    statistics: bool = True
    statistics_days: int = 400
    content: Path | None = None

    def is_open(self, now: datetime) -> bool:
        if not self.opening_hours:
            return True
        return any(now.weekday() in o.days and o.start <= now.time() < o.end for o in self.opening_hours)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the file; line 0 is the file as a whole."""

    path: Path
    line: int
    what: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.what}; {self.fix}"


@dataclass
class ConfigResult:
    """The settings to use, every problem found, and the line each key was set on."""

    config: KioskConfig
    path: Path
    problems: list[Problem] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)


class Bad(ValueError):
    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what, self.fix = what, fix


# --- values -----------------------------------------------------------------------------------------------


def _number(low: float, high: float, integer: bool = False) -> Callable[[str], Any]:
    def parse(text: str) -> float | int:
        try:
            value = int(text) if integer else float(text)
        except ValueError:
            kind = "a whole number" if integer else "a number"
            raise Bad(f"{text!r} is not {kind}", f"write {kind} from {low:g} to {high:g}") from None
        if not low <= value <= high:  # also refuses nan
            raise Bad(f"{text} is out of range", f"write a number from {low:g} to {high:g}")
        return value

    return parse


def _boolean(text: str) -> bool:
    words = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}
    if text.lower() not in words:
        raise Bad(f"{text!r} is not yes or no", "write true or false (also yes/no, on/off)")
    return words[text.lower()]


def _language(text: str) -> str:
    if text.lower() not in LANGUAGES:
        raise Bad(f"unknown language {text!r}", f"write one of {', '.join(LANGUAGES)}")
    return text.lower()


def _languages(text: str) -> tuple[str, ...]:
    codes = tuple(_language(part.strip()) for part in text.split(",") if part.strip())
    if not codes:
        raise Bad("no language given", f"list one or more of {', '.join(LANGUAGES)}, separated by commas")
    return tuple(dict.fromkeys(codes))


def _chapter(text: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", text):
        raise Bad(f"{text!r} is not a chapter id", "write a chapter id from events.yaml, e.g. may-june")
    return text


def _folder(text: str) -> Path | None:
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_dir() or not (path / "events.yaml").is_file():
        raise Bad(f"{text} is not a content folder", "give the folder that holds events.yaml and geo/, or leave it empty")
    return path


def _clock(text: str) -> time:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", text)
    if not m or int(m[1]) > 24 or int(m[2]) > 59 or (int(m[1]) == 24 and int(m[2])):
        raise Bad(f"{text!r} is not a time of day", "write hours and minutes, e.g. 09:30 or 17:00")
    return time.max if int(m[1]) == 24 else time(int(m[1]), int(m[2]))


def _days(text: str) -> frozenset[int]:
    ends = [d.strip()[:3] for d in text.lower().split("-")]
    if len(ends) > 2 or any(d not in DAYS for d in ends):
        raise Bad(f"{text!r} are not weekdays", "write days as Mon-Fri, Sat or Tue-Sun")
    a, b = DAYS.index(ends[0]), DAYS.index(ends[-1])
    return frozenset(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])


def opening_hours(text: str) -> tuple[Opening, ...]:
    """`always`, or spans such as `Mon-Fri 09:00-18:00, Sat-Sun 10:00-16:00` (a span without days is daily)."""
    if text.lower() in ("", "always"):
        return ()
    spans = []
    for part in text.split(","):
        m = re.fullmatch(r"\s*(?:([A-Za-z -]+?)\s+)?([\d:]+)\s*-\s*([\d:]+)\s*", part)
        if not m:
            raise Bad(f"{part.strip()!r} is not an opening span", "write e.g. Mon-Fri 09:00-18:00, Sat 10:00-16:00, or always")
        days = _days(m[1]) if m[1] else frozenset(range(7))
        start, end = _clock(m[2]), _clock(m[3])
        if end <= start:
            raise Bad(f"{part.strip()!r} closes before it opens", "write the opening time first, e.g. 09:00-18:00")
        spans.append(Opening(days, start, end))
    return tuple(spans)


# --- the exit chord ---------------------------------------------------------------------------------------

MODIFIERS = {"ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta", "super": "Meta", "win": "Meta"}
NAMED_KEYS = (
    *(
        [
            "Escape",
            "Tab",
            "Backspace",
            "Return",
            "Enter",
            "Insert",
            "Delete",
            "Pause",
            "Print",
            "Home",
            "End",
            "Left",
            "Up",
            "Right",
            "Down",
            "PgUp",
            "PgDown",
            "Space",
        ]
    ),
    *(f"F{n}" for n in range(1, 36)),
)
SYSTEM_CHORDS = {  # what the X server, the console or the desktop takes before any window sees it
    **{(frozenset({"Ctrl", "Alt"}), f"F{n}"): "switches to a text console" for n in range(1, 13)},
    (frozenset({"Ctrl", "Alt"}), "Delete"): "is taken by the system",
    (frozenset({"Ctrl", "Alt"}), "Backspace"): "can kill the X server",
}


def parse_keys(text: str) -> tuple[frozenset[str], str]:
    """A key combination as (modifiers, key) in Qt's portable names: `ctrl+alt+q` -> ({Ctrl, Alt}, "Q")."""
    text = text.strip()
    if "," in text or " " in text.replace(" +", "+").replace("+ ", "+"):
        raise Bad(f"{text!r} is a sequence of keys", "write one chord held at once, e.g. Ctrl+Alt+Shift+Q")
    head, key = (text[:-2], "+") if text.endswith("++") or text == "+" else text.rpartition("+")[::2]
    mods = [m.strip() for m in head.split("+")] if head else []
    names = []
    for m in mods:
        if m.lower() not in MODIFIERS:
            raise Bad(
                f"{m!r} in {text!r} is not a modifier", "only the last key may be a letter; before it Ctrl, Alt, Shift or Meta"
            )
        names.append(MODIFIERS[m.lower()])
    if len(set(names)) != len(names):
        raise Bad(f"{text!r} names a modifier twice", "name each of Ctrl, Alt, Shift, Meta once")
    key = key.strip()
    if len(key) == 1 and key.isprintable():
        key = key.upper()
    else:
        known = {k.lower(): k for k in NAMED_KEYS} | {"pageup": "PgUp", "pagedown": "PgDown", "esc": "Escape", "del": "Delete"}
        if key.lower() not in known:
            near = difflib.get_close_matches(key, NAMED_KEYS, 1) or ([key[0].upper()] if key[:1].isalpha() else [])
            hint = f"did you mean {near[0]}? " if near else ""
            raise Bad(f"unknown key {key!r} in {text!r}", f"{hint}the last key is one letter or digit, or a name such as F12")
        key = known[key.lower()]
    return frozenset(names), key


def check_chord(text: str, command_keys: Iterable[str]) -> str:
    """The chord in canonical form, or Bad: it must be one chord of at least three keys with a modifier, and
    must not be a key the kiosk's commands use or one the system takes (then a visitor could leave by it)."""
    mods, key = parse_keys(text)
    if not mods or len(mods) + 1 < 3:
        raise Bad(f"{text!r} is too easy to press by chance", "use three keys or more, e.g. Ctrl+Alt+Shift+Q")
    if (mods, key) in SYSTEM_CHORDS:
        raise Bad(f"{text!r} {SYSTEM_CHORDS[mods, key]}", "choose another, e.g. Ctrl+Alt+Shift+Q")
    for used in command_keys:
        try:
            taken = parse_keys(used)
        except Bad:  # a command key this parser does not know cannot be the same chord
            continue
        if taken == (mods, key):
            raise Bad(f"{text!r} is also a key of the viewer ({used})", "choose another, e.g. Ctrl+Alt+Shift+Q")
    order = ("Ctrl", "Alt", "Shift", "Meta")
    return "+".join([*(m for m in order if m in mods), key])


def viewer_keys() -> list[str]:
    """Every key a command of the viewer uses, in any mode (commands.py declares them)."""
    from .ui.commands import COMMANDS

    return [k for c in COMMANDS for k in (*c.keys, *(c.present_keys or ()))]


# --- the file ---------------------------------------------------------------------------------------------

PARSERS: dict[str, Callable[[str], Any]] = {
    "idle_seconds": _number(1, 86_400),
    "tour_seconds": _number(1, 3_600),
    "start_chapter": _chapter,
    "language": _language,
    "attract_languages": _languages,
    "exit_chord_enabled": _boolean,
    "exit_chord": lambda text: check_chord(text, viewer_keys()),
    "opening_hours": opening_hours,
    "pixel_shift": _number(0, 20, integer=True),
    "statistics": _boolean,
    "statistics_days": _number(1, 3_650, integer=True),
    "content": _folder,
}
assert set(PARSERS) == {f.name for f in fields(KioskConfig)}


def kiosk_config_file() -> Path:
    return config_dir() / "kiosk.ini"


def _without_comment(text: str) -> str:
    """`value   ; comment` -> `value`: a ; or # after a space (or at the start) begins a comment."""
    m = re.search(r"(^|\s)[;#]", text)
    return (text[: m.start()] if m else text).strip()


def _nearest(word: str, known: Sequence[str]) -> str:
    """The known key a typo most likely meant, by the whole name or by its first word (`idel` -> idle_seconds)."""
    near = difflib.get_close_matches(word, known, 1, 0.6)
    if not near:
        stems = {k.split("_")[0]: k for k in reversed(known)}  # the first key of each stem wins
        near = [stems[s] for s in difflib.get_close_matches(word.split("_")[0], list(stems), 1, 0.7)]
    return f"did you mean {near[0]}?" if near else f"known keys: {', '.join(known)}"


def _shown(default: object) -> str:
    if isinstance(default, bool):
        return str(default).lower()
    if isinstance(default, tuple):
        return ", ".join(map(str, default)) or "always"
    return "the shipped content" if default is None else str(default)


def read_kiosk_config(path: Path | None = None, chapters: Iterable[str] | None = None, required: bool = False) -> ConfigResult:
    """Parse the file (a missing default file means defaults, silently; a missing named file is a problem),
    and, given the content's chapter ids, check start_chapter against them."""
    path = path or kiosk_config_file()
    result = ConfigResult(KioskConfig(), path)
    problems = result.problems
    if not path.exists() and not required:
        return result
    try:
        data = read_regular_bytes(path, MAX_BYTES)
    except FileProblem as exc:
        problems.append(Problem(path, 0, exc.problem, exc.fix))
        return result
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(path, bad_line, "this line is not UTF-8 text", "save the file as UTF-8; defaults are used"))
        return result
    section: str | None = None
    values: dict[str, Any] = {}
    keys = list(PARSERS)
    for number, raw in enumerate(text.splitlines(), 1):
        line = _without_comment(raw)
        if not line:
            continue
        if line.startswith("["):
            name = line.strip("[] ").lower()
            if not line.endswith("]"):
                problems.append(Problem(path, number, f"{line!r} is not a section header", "write [kiosk]"))
            elif name != SECTION:
                problems.append(Problem(path, number, f"unknown section [{line.strip('[] ')}]", "the settings go under [kiosk]"))
            section = name
            continue
        key, eq, value = line.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not eq:
            problems.append(Problem(path, number, f"{line!r} is not a setting", "write key = value; start a comment with ;"))
            continue
        if section is None:
            problems.append(Problem(path, number, f"{key} comes before any section", "put [kiosk] on a line above it"))
        if section != SECTION:
            continue
        if key not in PARSERS:
            problems.append(Problem(path, number, f"unknown key {key!r}", _nearest(key, keys)))
            continue
        if key in result.lines:
            first = result.lines[key]
            problems.append(Problem(path, number, f"{key} is set again (first on line {first})", "keep one of the two lines"))
            continue
        result.lines[key] = number
        try:
            values[key] = PARSERS[key](value)
        except Bad as exc:
            fix = f"{exc.fix} (until then: {_shown(getattr(KioskConfig(), key))})"
            problems.append(Problem(path, number, f"{key}: {exc.what}", fix))
    if chapters is not None and "start_chapter" in values:
        known = list(chapters)
        if values["start_chapter"] not in known:
            near = difflib.get_close_matches(values["start_chapter"], known, 1, 0.5)
            fix = f"did you mean {near[0]}?" if near else f"write one of {', '.join(known)}"
            problems.append(
                Problem(path, result.lines["start_chapter"], f"start_chapter: no chapter {values.pop('start_chapter')!r}", fix)
            )
    result.config = replace(result.config, **values)
    problems.sort(key=lambda p: p.line)
    return result


def load_kiosk_config(path: Path | None = None, chapters: Iterable[str] | None = None) -> KioskConfig:
    """The settings to run with; each problem goes to the log (at start the kiosk also shows them to staff)."""
    result = read_kiosk_config(path, chapters)
    for problem in result.problems:
        log.warning("kiosk config: %s", problem)
    return result.config
