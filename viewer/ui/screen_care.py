"""Care of a screen that is on for months: keep the screensaver and DPMS from blanking it while the museum is
open, blank it outside opening hours, and move its static parts a few pixels now and then against burn-in.

Inhibiting: the desktop's org.freedesktop.ScreenSaver.Inhibit over D-Bus (GNOME, KDE, Xfce and others) where a
session bus offers it; else the X server's own screensaver and DPMS are switched off with `xset`.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime

from pyqtgraph.Qt import QtCore, QtWidgets

log = logging.getLogger("viewer.kiosk")
SHIFT_EVERY_S = 180  # a new pixel offset every three minutes: slow enough that nobody sees it move
OPEN_CHECK_S = 30


class Inhibitor:
    """Holds the screensaver off; `release` lets the screen sleep again (outside opening hours, at exit)."""

    def __init__(self, run: Callable[..., object] = subprocess.run):
        self.run = run
        self.cookie: int | None = None
        self.how = ""

    def hold(self) -> str:
        if self.how:
            return self.how
        if QtWidgets.QApplication.platformName() in ("offscreen", "minimal"):  # no screen to keep awake (tests)
            self.how = "nothing (no screen)"
            return self.how
        if self._dbus("Inhibit"):
            self.how = "D-Bus org.freedesktop.ScreenSaver"
        elif shutil.which("xset"):
            self._xset("s", "off", "-dpms")
            self.how = "xset s off -dpms"
        else:
            self.how = "nothing (no D-Bus screensaver service, no xset)"
            log.warning("kiosk: cannot keep the screen awake: no screensaver service on D-Bus and no xset")
            return self.how
        log.info("kiosk: screensaver and DPMS held off by %s", self.how)
        return self.how

    def release(self) -> None:
        if self.how.startswith("D-Bus"):
            self._dbus("UnInhibit")
        elif self.how.startswith("xset"):
            self._xset("s", "on", "+dpms")
        self.how = ""

    def _xset(self, *args: str) -> None:
        try:
            self.run(["xset", *args], capture_output=True, timeout=10)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("kiosk: xset %s failed (%s)", " ".join(args), exc)

    def _dbus(self, method: str) -> bool:
        try:
            from PySide6 import QtDBus
        except ImportError:
            return False
        bus = QtDBus.QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        iface = QtDBus.QDBusInterface(
            "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", bus
        )
        if not iface.isValid():
            return False
        if method == "Inhibit":
            reply = iface.call("Inhibit", "Khalkhin Gol 1939", "museum kiosk on display")
            args = reply.arguments()
            if reply.type() != QtDBus.QDBusMessage.MessageType.ReplyMessage or not args:
                return False
            self.cookie = int(args[0])
            return True
        if self.cookie is not None:
            iface.call("UnInhibit", self.cookie)
            self.cookie = None
        return True


class Blank(QtWidgets.QWidget):
    """Black over the whole window while the museum is closed."""

    def __init__(self, parent: QtWidgets.QWidget):
        super().__init__(parent)
        self.setStyleSheet("background: black;")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_StyledBackground)
        self.hide()
        parent.installEventFilter(self)

    def cover(self, on: bool) -> None:
        if on:
            self.setGeometry(self.parentWidget().rect())
            self.show()
            self.raise_()
        else:
            self.hide()

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.parentWidget() and ev.type() == QtCore.QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False


def shift_offsets(pixels: int) -> list[tuple[int, int]]:
    """A slow orbit of offsets within ±pixels, visiting each corner and edge so no pixel stays lit in one place."""
    if pixels <= 0:
        return [(0, 0)]
    p = pixels
    return [(0, 0), (p, 0), (p, p), (0, p), (-p, p), (-p, 0), (-p, -p), (0, -p), (p, -p)]


class ScreenCare(QtCore.QObject):
    """Opening hours and burn-in care for one kiosk window (the host moves it to a new window on a content swap)."""

    sigOpenChanged = QtCore.Signal(bool)

    def __init__(self, is_open: Callable[[datetime], bool], pixels: int, clock: Callable[[], datetime] = datetime.now):
        super().__init__()
        self.is_open_at, self.clock = is_open, clock
        self.inhibitor = Inhibitor()
        self.offsets = shift_offsets(pixels)
        self.shift_index = 0
        self.open: bool | None = None
        self.window: QtWidgets.QMainWindow | None = None
        self.blank: Blank | None = None
        self.check_timer = QtCore.QTimer(self, interval=OPEN_CHECK_S * 1000)
        self.check_timer.timeout.connect(self.check_hours)
        self.shift_timer = QtCore.QTimer(self, interval=SHIFT_EVERY_S * 1000)
        self.shift_timer.timeout.connect(self.shift)

    def attach(self, window: QtWidgets.QMainWindow) -> None:
        self.window = window
        self.blank = Blank(window)
        self.open = None
        self.check_hours()
        self._apply_shift()
        self.check_timer.start()
        if len(self.offsets) > 1:
            self.shift_timer.start()

    def check_hours(self) -> None:
        now_open = self.is_open_at(self.clock())
        if now_open == self.open:
            return
        self.open = now_open
        if now_open:
            self.inhibitor.hold()
        else:
            self.inhibitor.release()  # closed: the screen may sleep too
        if self.blank is not None:
            self.blank.cover(not now_open)
        log.info("kiosk: %s", "open: screen on, tour running" if now_open else "closed: screen blanked, tour paused")
        self.sigOpenChanged.emit(now_open)

    def shift(self) -> None:
        self.shift_index = (self.shift_index + 1) % len(self.offsets)
        self._apply_shift()

    def _apply_shift(self) -> None:
        """Move everything in the window by the current offset: margins on one side, the same less on the other."""
        if self.window is None:
            return
        dx, dy = self.offsets[self.shift_index]
        p = max(abs(x) for offset in self.offsets for x in offset)
        layout = self.window.centralWidget().layout()
        layout.setContentsMargins(p + dx, p + dy, p - dx, p - dy)

    def stop(self) -> None:
        self.check_timer.stop()
        self.shift_timer.stop()
        self.inhibitor.release()
