"""User folders (XDG on Linux, the platform's equivalents elsewhere), overridable for tests.

KHALKHIN_GOL_HOME, when set, holds config/, state/ and data/ for this app only — tests and kiosks use
it so nothing touches a real user's folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "khalkhin-gol"


def _base(xdg_var: str, fallback: str, sub: str) -> Path:
    home = os.environ.get("KHALKHIN_GOL_HOME")
    if home:
        return Path(home) / sub
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / APP / sub
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP / sub
    return Path(os.environ.get(xdg_var) or Path.home() / fallback) / APP


def config_dir() -> Path:
    return _base("XDG_CONFIG_HOME", ".config", "config")


def state_dir() -> Path:
    """Logs live here."""
    return _base("XDG_STATE_HOME", ".local/state", "state")


def data_home() -> Path:
    """The user's share folder (applications/ and icons/ for the start-menu entry)."""
    home = os.environ.get("KHALKHIN_GOL_HOME")
    if home:
        return Path(home) / "data"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
