"""The museum's kiosk settings: a small INI file staff can edit. Bad values fall back to defaults, logged.

[kiosk]
idle_seconds = 90          ; quiet time before the guided tour starts
start_chapter = may-june   ; where the tour begins (a chapter id from events.yaml)
language = en              ; en, ru, mn or ja: the tour returns to it when the kiosk is idle
tour_seconds = 14          ; how long each tour step stays on screen
exit_chord_enabled = true  ; staff can leave with the chord below
exit_chord = Ctrl+Alt+Shift+Q
"""

from __future__ import annotations

import configparser
import logging
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .core.language import LANGUAGES
from .paths import config_dir

log = logging.getLogger("viewer.kiosk")


@dataclass(frozen=True)
class KioskConfig:
    idle_seconds: float = 90.0
    start_chapter: str = "may-june"
    language: str = "en"
    tour_seconds: float = 14.0
    exit_chord_enabled: bool = True
    exit_chord: str = "Ctrl+Alt+Shift+Q"


_CHECKS = {
    "idle_seconds": lambda v: 0.01 <= v <= 86_400,
    "tour_seconds": lambda v: 0.01 <= v <= 3_600,
    "language": lambda v: v in LANGUAGES,
    "exit_chord": lambda v: "+" in v and len(v) < 40,
}


def kiosk_config_file() -> Path:
    return config_dir() / "kiosk.ini"


def load_kiosk_config(path: Path | None = None) -> KioskConfig:
    path = path or kiosk_config_file()
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        log.warning("kiosk config %s cannot be read (%s); using defaults", path, exc)
        return KioskConfig()
    section = parser["kiosk"] if parser.has_section("kiosk") else {}
    values: dict[str, Any] = {}  # each value parsed above as its field's declared type
    for f in fields(KioskConfig):
        if f.name not in section:
            continue
        raw = section[f.name]
        try:
            value: bool | float | str
            if f.type in ("bool", bool):
                value = parser.getboolean("kiosk", f.name)
            elif f.type in ("float", float):
                value = float(raw)
            else:
                value = raw.strip()
            if not _CHECKS.get(f.name, lambda v: True)(value):
                raise ValueError(f"{raw!r} is out of range")
        except ValueError as exc:
            log.warning(
                "kiosk config %s: %s = %s is invalid (%s); using %r", path, f.name, raw, exc, getattr(KioskConfig, f.name)
            )
            continue
        values[f.name] = value
    return KioskConfig(**values)
