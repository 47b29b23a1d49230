"""The first thing a starting kiosk puts on the screen: the window's paper colour over the whole screen, up within
a second of the start, while the content loads and the map is built (several seconds on a slow machine). After
a crash or a kill the screen is black only until then, not until the map is back; the kiosk's first frame
replaces it (KioskHost closes it).

It uses PySide6 itself, not pyqtgraph's wrapper of it: importing pyqtgraph alone takes longer than all of this.
"""

from __future__ import annotations

from typing import Any

PAPER = "#F7F3E6"  # the main window's background (main_window.py), so the map appears on the same colour
_shown: list[Any] = []


def show_splash() -> None:
    from PySide6 import QtCore, QtWidgets

    from .app import _application

    app = _application()
    splash = QtWidgets.QWidget(None, QtCore.Qt.WindowType.FramelessWindowHint)
    splash.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    splash.setStyleSheet(f"background: {PAPER};")
    splash.setGeometry(app.primaryScreen().geometry())
    splash.showFullScreen()
    _shown.append(splash)
    deadline = QtCore.QDeadlineTimer(2000)  # on the screen now, before the slow part (the display answers first)
    while not (splash.windowHandle() and splash.windowHandle().isExposed()) and not deadline.hasExpired():
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    app.processEvents()


def close_splash() -> None:
    while _shown:
        _shown.pop().close()
