"""Logging to stderr and to a size-bounded, rotating file in the user's state folder."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
from pathlib import Path

from .paths import state_dir

LOG_NAME = "khalkhin-gol.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # at most ~4 MB of logs, however long a kiosk runs


class _Console(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (it may be replaced after set-up, e.g. by test capture).
    Records marked `file_only` were already printed plainly (start-up errors): only the file gets them."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "file_only", False) and super().filter(record)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def log_file() -> Path:
    return state_dir() / LOG_NAME


def setup_logging(level: str = "WARNING") -> Path | None:
    """Configure the root logger once; returns the log file, or None where it cannot be written."""
    root = logging.getLogger()
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = next((h for h in root.handlers if getattr(h, "name", "") == "viewer-console"), None)
    if console is None:
        console = _Console()
        console.set_name("viewer-console")
        console.setFormatter(fmt)
        root.addHandler(console)
    console.setLevel(level.upper())
    path = log_file()
    existing = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    if any(Path(h.baseFilename) == path for h in existing):
        return path
    for h in existing:  # the state folder changed (tests, kiosks): follow it
        root.removeHandler(h)
        h.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        logging.getLogger("viewer").warning("cannot write the log file %s (%s); logging to stderr only", path, exc)
        return None
    handler.setFormatter(fmt)
    handler.setLevel(logging.INFO)  # the file keeps errors and notices even when the console is quiet
    root.addHandler(handler)
    root.setLevel(logging.INFO if root.level == logging.NOTSET or root.level > logging.INFO else root.level)
    return path


CRASH_LOG_NAME = "crash.log"
_crash_file: list = []  # the open crash log, kept for the process's life: faulthandler writes to its descriptor


def enable_crash_traces() -> Path | None:
    """A crash below Python (a segmentation fault in Qt) leaves each thread's Python stack in crash.log beside the
    log (faulthandler): a kiosk that died in the night and was restarted by its service says where. Returns the
    file, or None where it cannot be written (then the stacks go to stderr, the service's journal)."""
    path = state_dir() / CRASH_LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        crash = path.open("a", encoding="utf-8")
    except OSError:
        faulthandler.enable(all_threads=True)
        return None
    faulthandler.enable(file=crash, all_threads=True)
    for old in _crash_file:  # called again (another state folder): the last file closed, not left to the collector
        old.close()
    _crash_file[:] = [crash]
    return path


def startup_error(message: str, level: int = logging.ERROR) -> None:
    """A reason the app cannot start (content, settings, display, config): printed as it is on stderr, for the
    person at the terminal, and kept in the log file, for the technician of a kiosk that shows a black screen."""
    print(message, file=sys.stderr, flush=True)
    logging.getLogger("viewer.start").log(level, "%s", message, extra={"file_only": True})


def route_qt_messages() -> None:
    """Send Qt's own warnings into Python logging instead of stderr."""
    from pyqtgraph.Qt import QtCore

    qt_log = logging.getLogger("qt")
    levels = {
        QtCore.QtMsgType.QtDebugMsg: logging.DEBUG,
        QtCore.QtMsgType.QtInfoMsg: logging.INFO,
        QtCore.QtMsgType.QtWarningMsg: logging.WARNING,
        QtCore.QtMsgType.QtCriticalMsg: logging.ERROR,
        QtCore.QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind, _context, message) -> None:
        level = levels.get(kind, logging.WARNING)
        if "propagateSizeHints" in message:  # the offscreen platform says this on every window
            level = logging.DEBUG
        qt_log.log(level, message)

    QtCore.qInstallMessageHandler(handler)
