"""Remembered settings, declared once with type, default and check, stored in an INI file of our own.

A corrupt or foreign file never crashes the app and is never lost: a file that is not UTF-8 INI text
(random bytes, prose, UTF-16) is moved aside under a timestamped name, the log says where, and defaults are
used; every value that does not pass its check falls back to its default, with a logged warning. The file
is read like content (a regular file under a cap: never a pipe or a device) and written atomically through
`safe_files`, never over a special file. A folder that cannot be written (read-only, or a file where the
config folder should be) costs the remembered settings of this run, logged, never the start of the app.
We write the INI ourselves rather than through QSettings: QSettings rewrites a file it could not parse,
dropping what it held, and cannot write atomically beside a special file.
"""

from __future__ import annotations

import configparser
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyqtgraph.Qt import QtCore

from ..core.dates import parse_date
from ..core.language import LANGUAGES, NAMINGS
from ..core.safe_files import FileProblem, atomic_write_text, read_regular_bytes
from ..core.view_state import LAYERS, PANEL_RANGE, SPEEDS_HOURS, ViewState
from ..paths import config_dir

log = logging.getLogger("viewer.settings")


def _is_date(v: str) -> bool:
    try:
        parse_date(v)
        return True
    except ValueError:
        return False


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    help: str
    check: Callable[[Any], bool] = lambda v: True


def system_language() -> str:
    """The desktop's language if the viewer speaks it, else English: a first run in Japan opens in Japanese."""
    code = QtCore.QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


SETTINGS: tuple[Setting, ...] = (
    Setting("window/geometry", QtCore.QByteArray(), "window position and size"),
    Setting("view/instant", "", "the instant last viewed (ISO 8601)", lambda v: v == "" or _is_date(v)),
    Setting("view/wide_timeline", False, "timeline widened to 1931–1945"),
    Setting(
        "view/panel_fraction",
        0.3,
        "the notes panel's share of the window's width",
        lambda v: PANEL_RANGE[0] <= v <= PANEL_RANGE[1],
    ),
    Setting("playback/speed", 2, "playback speed (index into the speed list)", lambda v: 0 <= v < len(SPEEDS_HOURS)),
    Setting(
        "ui/language", system_language(), "interface and content language (first run: the desktop's)", lambda v: v in LANGUAGES
    ),
    Setting("ui/naming", "soviet", "place names as the Soviet/Mongolian or the Japanese side used them", lambda v: v in NAMINGS),
    *(Setting(f"layers/{name}", True, f"show the {name} layer") for name in LAYERS),
    Setting("present/event", "", "the event id of the step a talk stopped at (resume where I stopped)"),
)
_BY_KEY = {s.key: s for s in SETTINGS}


MAX_BYTES = 64_000  # the file holds a dozen short values


def settings_file() -> Path:
    return config_dir() / "settings.ini"


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = path or settings_file()
        self._values: dict[str, str] = {}
        self._writable = True  # False after the file could not be read safely: never overwrite what we could not read
        self._warned = False
        self._read()

    def _read(self) -> None:
        try:
            raw = read_regular_bytes(self.path, MAX_BYTES)
        except FileProblem as exc:
            if isinstance(exc.__cause__, FileNotFoundError):
                return  # the first run
            if isinstance(exc.__cause__, NotADirectoryError):  # a file where the config folder should be
                log.warning("settings: %s (%s); using defaults, settings will not be saved", self.path, exc.problem)
            else:
                log.warning("settings file %s: %s; using defaults and leaving it untouched", self.path, exc.problem)
            self._writable = False
            return
        try:
            parser = configparser.ConfigParser(interpolation=None, strict=True)
            parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys keep their case
            parser.read_string(raw.decode("utf-8-sig"))  # a byte-order mark (Notepad writes one) is not a fault
        except (UnicodeDecodeError, configparser.Error) as exc:
            self._set_aside(f"{exc.__class__.__name__}: {str(exc).splitlines()[0][:120]}")
            return
        self._values = {f"{section}/{key}": value for section in parser.sections() for key, value in parser[section].items()}

    def _set_aside(self, reason: str) -> None:
        aside = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self.path.replace(aside)
        except OSError as exc:
            log.warning(
                "settings file %s cannot be read (%s) nor moved aside (%s); using defaults and leaving it untouched",
                self.path,
                reason,
                exc.strerror,
            )
            self._writable = False
            return
        log.warning(
            "settings file %s cannot be read (%s); using defaults; the old file was moved to %s", self.path, reason, aside
        )

    def get(self, key: str) -> Any:
        spec = _BY_KEY[key]
        if key not in self._values:
            return spec.default
        raw = self._values[key]
        try:
            value = _convert(raw, spec.default)
            if not spec.check(value):
                raise ValueError(f"{value!r} is not allowed")
        except (TypeError, ValueError) as exc:
            log.warning("setting %s in %s is invalid (%s); using the default", key, self.path, exc)
            return spec.default
        return value

    def set(self, key: str, value: Any) -> None:
        spec = _BY_KEY[key]
        if not spec.check(value):
            raise ValueError(f"{key}: {value!r}")
        self._values[key] = _text(value)

    def sync(self) -> None:
        """Write every value atomically; a folder that cannot be written is logged once, never raised."""
        if not self._writable:
            return
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str  # type: ignore[assignment, method-assign]
        for key, value in sorted(self._values.items()):
            section, _, name = key.partition("/")
            if not parser.has_section(section):
                parser.add_section(section)
            parser[section][name] = value
        text = "".join(f"[{s}]\n" + "".join(f"{k} = {v}\n" for k, v in parser[s].items()) + "\n" for s in parser.sections())
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, text)
        except OSError as exc:  # FileProblem included: read-only folder, full disk, a special file in the way
            if not self._warned:
                log.warning("settings not saved to %s (%s)", self.path, getattr(exc, "problem", None) or exc.strerror or exc)
                self._warned = True


def _text(value: Any) -> str:
    if isinstance(value, QtCore.QByteArray):
        return bytes(value.toBase64().data()).decode("ascii")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _convert(raw: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        if str(raw).lower() in ("true", "1", "yes"):
            return True
        if str(raw).lower() in ("false", "0", "no"):
            return False
        raise ValueError(f"{raw!r} is not true or false")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, QtCore.QByteArray):
        result = QtCore.QByteArray.fromBase64Encoding(
            QtCore.QByteArray(str(raw).encode("ascii", "replace")), QtCore.QByteArray.Base64Option.AbortOnBase64DecodingErrors
        )
        if not result:
            raise ValueError("not base64 text")
        return QtCore.QByteArray(result.decoded)  # a copy: the result owns the decoded bytes
    if not isinstance(raw, str):
        raise TypeError(f"{raw!r} is not text")
    return raw


def restore_state(settings: Settings) -> dict[str, Any]:
    """The view state a desktop user left: the values to seed a new window's `ViewState` with."""
    remembered = settings.get("view/instant")
    values: dict[str, Any] = {
        "span": "wide" if settings.get("view/wide_timeline") else "campaign",
        "speed": settings.get("playback/speed"),
        "language": settings.get("ui/language"),
        "naming": settings.get("ui/naming"),
        "layers": frozenset(name for name in LAYERS if settings.get(f"layers/{name}")),
        "panel_fraction": settings.get("view/panel_fraction"),
    }
    if remembered:
        values["instant"] = parse_date(remembered)[0]
    return values


def save_state(settings: Settings, state: ViewState) -> None:
    settings.set("view/instant", state.instant.strftime("%Y-%m-%dT%H:%M"))
    settings.set("view/wide_timeline", state.span == "wide")
    settings.set("playback/speed", state.speed)
    settings.set("ui/language", state.language)
    settings.set("ui/naming", state.naming)
    for name in LAYERS:
        settings.set(f"layers/{name}", state.layer_visible(name))
    settings.set("view/panel_fraction", round(state.panel_fraction, 4))


def reset_settings(path: Path | None = None) -> bool:
    """Forget the settings file (a link is removed, never what it points at; a folder there is left alone)."""
    path = path or settings_file()
    if path.is_symlink() or path.is_file():
        path.unlink()
        return True
    return False
