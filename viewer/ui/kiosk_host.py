"""The kiosk as a long-running service: one process that owns the kiosk window and what keeps it healthy.

- the watchdog: a timer of the Qt event loop pings the service manager (viewer/kiosk_service.py), so a frozen
  interface stops the pings and is restarted;
- the content folder: watched; a change is validated off to the side and swapped in at the next tour (a new
  window on the new content replaces the old one in one step); invalid content is refused, logged, and the
  running content stays;
- screen care (opening hours, screensaver, burn-in) and anonymous statistics;
- the config problems, shown to staff on the screen for the first minute;
- the log: a start line with the version, and a health line each day.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from pyqtgraph.Qt import QtCore, QtWidgets

from .. import __version__
from ..core.errors import ContentError
from ..core.model import Scenario
from ..core.scenario import load_scenario
from ..kiosk_config import KioskConfig, Problem
from ..kiosk_service import notify, watchdog_seconds
from ..kiosk_stats import Stats
from .i18n import translate
from .kiosk import Kiosk
from .kiosk_splash import close_splash
from .kiosk_visits import VisitRecorder
from .screen_care import ScreenCare

log = logging.getLogger("viewer.kiosk")
PROBLEMS_SHOWN_S = 60
CONTENT_SETTLE_MS = 2000  # a copy of a whole folder arrives as many changes: wait until it is quiet
HEALTH_CHECK_MS = 10 * 60 * 1000  # also when the statistics are written: a crash loses at most ten minutes of them


def content_fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of every file: what decides whether the content changed."""
    entries = []
    for path in sorted(folder.rglob("*")):
        try:
            st = path.stat()
        except OSError:
            continue
        entries.append((str(path.relative_to(folder)), st.st_size, st.st_mtime_ns))
    return tuple(entries)


def _memory() -> str:
    """Resident memory now (Linux), for the health line: a slow leak shows as a rising number day by day."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return "unknown"
    line = next((x for x in status.splitlines() if x.startswith("VmRSS:")), "VmRSS: ? kB")
    return line.split(":", 1)[1].strip()


class ProblemsBanner(QtWidgets.QLabel):
    """The config's problems across the top of the screen for the first minute, for the staff who set it up."""

    def __init__(self, parent: QtWidgets.QWidget, problems: list[Problem]):
        super().__init__(parent)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("background: rgba(150, 20, 20, 235); color: white; padding: 14px; font-size: 20px;")
        more = translate("Kiosk", "… %1 more in the log").replace("%1", str(len(problems) - 8))
        shown = [str(p) for p in problems[:8]] + ([more] if len(problems) > 8 else [])
        head = translate("Kiosk", "kiosk.ini: %1 problem(s); the defaults are used for these:").replace("%1", str(len(problems)))
        self.setText(head + "\n" + "\n".join(shown))
        self.setFixedWidth(parent.width())
        self.adjustSize()
        self.move(0, 0)
        self.show()
        self.raise_()
        self.timer = QtCore.QTimer(self, singleShot=True, interval=PROBLEMS_SHOWN_S * 1000)  # goes with the banner
        self.timer.timeout.connect(self.deleteLater)
        self.timer.start()


class FirstFrame(QtCore.QObject):
    """Calls `then` once, just after the window's first frame is on the screen. Qt paints every widget of a
    window into its back buffer and shows the frame in one pass, so the turn of the event loop after the first
    paint of any of its widgets (the map, or the blank of closed hours) finds the frame shown. Until then the
    screen is black, and systemd must not hear "started"."""

    def __init__(self, window: QtWidgets.QWidget, then: Callable[[], None]):
        super().__init__(window)
        self.window, self.then = window, then
        QtWidgets.QApplication.instance().installEventFilter(self)  # only until that first paint

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if ev.type() == QtCore.QEvent.Type.Paint and obj.isWidgetType() and obj.window() is self.window:
            QtWidgets.QApplication.instance().removeEventFilter(self)
            QtCore.QTimer.singleShot(0, self, self.then)
        return False


class KioskHost(QtCore.QObject):
    def __init__(
        self,
        scenario: Scenario,
        config: KioskConfig,
        content: Path | None,
        problems: list[Problem],
        stats: Stats | None = None,
    ):
        super().__init__()
        self.config, self.content, self.problems, self.stats = config, content, problems, stats
        self.started = datetime.now()
        self.pending: Scenario | None = None
        self.swaps = 0
        self.health_day: date | None = None
        self.care = ScreenCare(config.is_open, config.pixel_shift)
        self.window, self.kiosk = self._build(scenario)
        self.care.sigOpenChanged.connect(lambda open_: self.kiosk.pause(not open_))
        self.watchdog = QtCore.QTimer(self)
        seconds = watchdog_seconds()
        if seconds:
            self.watchdog.setInterval(max(100, round(seconds * 1000 / 3)))  # three pings per period: one may be late
            self.watchdog.timeout.connect(lambda: notify("WATCHDOG=1"))
            self.watchdog.start()
        self.health = QtCore.QTimer(self, interval=HEALTH_CHECK_MS)
        self.health.timeout.connect(self.log_health)
        self.health.start()
        self.watcher = QtCore.QFileSystemWatcher(self)
        self.settle = QtCore.QTimer(self, singleShot=True, interval=CONTENT_SETTLE_MS)
        self.settle.timeout.connect(self.check_content)
        if content is not None:
            self.fingerprint = content_fingerprint(content)
            self._watch()
            self.watcher.directoryChanged.connect(lambda _p: self.settle.start())
            self.watcher.fileChanged.connect(lambda _p: self.settle.start())

    def _build(self, scenario: Scenario) -> tuple[QtWidgets.QMainWindow, Kiosk]:
        from .app import build_kiosk

        window, kiosk = build_kiosk(scenario, self.config)
        kiosk.before_tour = self.swap_if_pending
        if self.stats is not None:
            self.recorder = VisitRecorder(kiosk, self.stats)
        self.care.attach(window)
        if self.care.open is False:
            kiosk.pause(True)
        return window, kiosk

    def show(self) -> None:
        """Fullscreen on the primary screen; the service manager hears the kiosk is up once its map is painted."""
        app = QtWidgets.QApplication.instance()
        self.window.setGeometry(app.primaryScreen().geometry())  # without a window manager, fullscreen is a request
        self.first_frame = FirstFrame(self.window, self._ready)
        self.window.showFullScreen()
        self.window.activateWindow()  # its commands' keys go to the active window
        if self.problems and not getattr(self, "_shown_problems", False):
            self._shown_problems = True
            ProblemsBanner(self.window, self.problems)
        log.info(
            "kiosk: started, version %s, pid %d, content %s, watchdog %s",
            __version__,
            os.getpid(),
            self.content or "shipped",
            f"{watchdog_seconds():g} s" if watchdog_seconds() else "off",
        )
        self.log_health()

    def _ready(self) -> None:
        close_splash()  # the kiosk's own frame is on the screen now
        notify("READY=1\nSTATUS=kiosk running")
        log.info("kiosk: first frame on the screen")

    # --- content -----------------------------------------------------------------------------
    def _watch(self) -> None:
        assert self.content is not None
        paths = [str(p) for p in [self.content, *self.content.rglob("*")] if p.exists()]
        stale = set(self.watcher.directories() + self.watcher.files()) - set(paths)
        if stale:
            self.watcher.removePaths(list(stale))
        new = [p for p in paths if p not in self.watcher.directories() and p not in self.watcher.files()]
        if new:
            self.watcher.addPaths(new)

    def check_content(self) -> None:
        """The folder changed and has been quiet for a moment: validate it whole; keep it for the next tour."""
        assert self.content is not None
        self._watch()  # an editor's save replaces the file: watch the new one
        fingerprint = content_fingerprint(self.content)
        if fingerprint == self.fingerprint:
            return
        self.fingerprint = fingerprint
        try:
            scenario = load_scenario(self.content)
        except ContentError as exc:
            log.error(
                "kiosk: the changed content in %s was refused; the running content stays:\n%s",
                self.content,
                "\n".join(str(i) for i in exc.issues),
            )
            self.pending = None
            return
        except Exception:  # whatever else a half-copied folder does, the running content stays
            log.exception("kiosk: the changed content in %s could not be read; the running content stays", self.content)
            self.pending = None
            return
        self.pending = scenario
        log.info("kiosk: new content in %s is valid; it replaces the running content at the next tour", self.content)
        if not self.kiosk.touring and not self.kiosk.idle.isActive():
            self.kiosk.start_tour()

    def swap_if_pending(self) -> bool:
        """At the start of a tour (nobody is using the kiosk): a new window on the new content, fullscreen,
        then the old one goes. True when it swapped (the new kiosk plays the tour)."""
        if self.pending is None:
            return False
        scenario, self.pending = self.pending, None
        old_kiosk = self.kiosk
        try:
            self.window, self.kiosk = self._build(scenario)
        except Exception:
            log.exception("kiosk: could not build the window for the new content; the running content stays")
            return False
        self.care.sigOpenChanged.disconnect()
        self.care.sigOpenChanged.connect(lambda open_: self.kiosk.pause(not open_))
        self.swaps += 1
        self.show()
        old_kiosk.release()
        log.info("kiosk: content swapped (%d so far)", self.swaps)
        from .errors import install_excepthook

        install_excepthook(lambda _message: self.kiosk.reset_to_attract())
        QtCore.QTimer.singleShot(0, self.kiosk.start_tour)
        return True

    # --- health ------------------------------------------------------------------------------
    def log_health(self) -> None:
        """Once a day (and at start): enough for a technician to see from the log that all is well."""
        if self.stats is not None:
            self.stats.flush()
        today = date.today()
        if today == self.health_day:
            return
        self.health_day = today
        up_h = (datetime.now() - self.started).total_seconds() / 3600
        log.info(
            "kiosk health: up %.1f h, memory %s, errors recovered %d, content swaps %d, %s",
            up_h,
            _memory(),
            self.kiosk.errors,
            self.swaps,
            "open" if self.care.open else "closed",
        )

    def terminate(self) -> None:
        """The service manager asks it to stop (SIGTERM): leave as the staff chord does, without asking the window."""
        log.info("kiosk: asked to stop (SIGTERM)")
        self.kiosk.allow_exit = True
        QtWidgets.QApplication.instance().exit(0)

    def stop(self) -> None:
        notify("STOPPING=1")
        for timer in (self.watchdog, self.health, self.settle):
            timer.stop()
        self.care.stop()
        if self.stats is not None:
            self.recorder.end_session()
            self.stats.close()
        log.info("kiosk: stopped")
