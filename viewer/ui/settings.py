"""Remembered settings, declared once with type, default and check, stored with QSettings (INI).

A corrupt or foreign file never crashes the app: unreadable files are set aside and every value
that does not pass its check falls back to its default, with a logged warning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyqtgraph.Qt import QtCore

from ..core.dates import parse_date
from ..core.language import LANGUAGES, NAMINGS
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


def settings_file() -> Path:
    return config_dir() / "settings.ini"


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = path or settings_file()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = self._open()

    def _open(self) -> QtCore.QSettings:
        qs = QtCore.QSettings(str(self.path), QtCore.QSettings.Format.IniFormat)
        if qs.status() != QtCore.QSettings.Status.NoError:
            aside = self.path.with_suffix(".ini.corrupt")
            log.warning(
                "settings file %s cannot be read (%s); using defaults and keeping the old file as %s",
                self.path,
                qs.status().name,
                aside,
            )
            del qs
            self.path.replace(aside)
            qs = QtCore.QSettings(str(self.path), QtCore.QSettings.Format.IniFormat)
        return qs

    def get(self, key: str) -> Any:
        spec = _BY_KEY[key]
        if not self._qs.contains(key):
            return spec.default
        raw = self._qs.value(key)
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
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()


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
        if isinstance(raw, QtCore.QByteArray):
            return raw
        raise TypeError("not a byte array")
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
    path = path or settings_file()
    if path.exists():
        path.unlink()
        return True
    return False
