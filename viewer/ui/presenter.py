"""Presenter mode: a clicker steps through the chapters and their events, each step an eased move;
B or '.' blacks the screen, Escape leaves. A pen draws on the map and is wiped at the next step.
With a second screen, a presenter view shows the current and next step, the full note and the time."""
from __future__ import annotations

import time

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.dates import format_date
from ..core.language import tr
from ..core.model import Event
from .i18n import translate
from .kiosk import TourCaption
from .main_window import MainWindow
from .style import colour, font

K = QtCore.Qt.Key
NEXT_KEYS = {K.Key_PageDown, K.Key_Right, K.Key_Space, K.Key_Down}
PREV_KEYS = {K.Key_PageUp, K.Key_Left, K.Key_Up}
BLACK_KEYS = {K.Key_B, K.Key_Period}


class PenOverlay(QtWidgets.QWidget):
    """Freehand strokes over the map, in screen pixels; cleared at every step."""

    def __init__(self, parent: QtWidgets.QWidget):
        super().__init__(parent)
        self.strokes: list[list[QtCore.QPointF]] = []
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_NoSystemBackground)

    def clear(self) -> None:
        self.strokes.clear()
        self.update()

    def mousePressEvent(self, ev: QtGui.QMouseEvent) -> None:
        self.strokes.append([ev.position()])

    def mouseMoveEvent(self, ev: QtGui.QMouseEvent) -> None:
        if self.strokes:
            self.strokes[-1].append(ev.position())
            self.update()

    def wheelEvent(self, ev: QtGui.QWheelEvent) -> None:
        ev.ignore()  # zooming still reaches the map

    def paintEvent(self, _event) -> None:
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        p.setPen(QtGui.QPen(colour("#E4002B", 0.85), 6, QtCore.Qt.PenStyle.SolidLine, QtCore.Qt.PenCapStyle.RoundCap,
                            QtCore.Qt.PenJoinStyle.RoundJoin))
        for stroke in self.strokes:
            p.drawPolyline(QtGui.QPolygonF(stroke))
        p.end()


class PresenterView(QtWidgets.QWidget):
    """For the lecturer's own screen: now, next, the full note, the clock and the elapsed time."""

    def __init__(self):
        super().__init__()
        self.setWindowTitle(translate("Presenter", "Presenter view"))
        self.current = QtWidgets.QLabel()
        self.next = QtWidgets.QLabel()
        self.note = QtWidgets.QLabel()
        self.clock = QtWidgets.QLabel()
        for label, px in ((self.current, 30), (self.next, 20), (self.note, 22), (self.clock, 26)):
            label.setWordWrap(True)
            label.setFont(font(px, bold=label is not self.note))
        layout = QtWidgets.QVBoxLayout(self)
        for w in (self.clock, self.current, self.note, self.next):
            layout.addWidget(w)
        layout.addStretch(1)
        self.started = time.monotonic()
        timer = QtCore.QTimer(self, interval=1000)
        timer.timeout.connect(self._tick)
        timer.start()
        self._tick()

    def show_step(self, event: Event, upcoming: Event | None, lang: str) -> None:
        when = format_date(event.at, event.precision, lang)
        self.current.setText(translate("Presenter", "Now: %1 — %2").replace("%1", when).replace("%2", tr(event.title, lang)))
        self.note.setText(tr(event.note, lang))
        self.next.setText(translate("Presenter", "Next: %1").replace("%1", tr(upcoming.title, lang)) if upcoming
                          else translate("Presenter", "Next: (end)"))

    def _tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        self.clock.setText(translate("Presenter", "%1   ·   elapsed %2").replace("%1", time.strftime("%H:%M"))
                           .replace("%2", f"{elapsed // 60:02d}:{elapsed % 60:02d}"))


class Presenter(QtCore.QObject):
    sigLeave = QtCore.Signal()

    def __init__(self, window: MainWindow, presenter_screen: QtGui.QScreen | None = None):
        super().__init__(window)
        self.window = window
        self.steps = list(window.scenario.events)
        self.index = -1
        window.side_panel.hide()
        window.menu_button.hide()
        window.statusBar().hide()
        window.touch_scale = 1.25
        self.caption = TourCaption(window.map)
        self.pen = PenOverlay(window.map)
        self.black = QtWidgets.QWidget(window)
        self.black.setStyleSheet("background: black;")
        self.black.hide()
        self.view = PresenterView() if presenter_screen is not None else None
        if self.view is not None:
            self.view.setGeometry(presenter_screen.availableGeometry())
            self.view.show()
        window.installEventFilter(self)
        QtWidgets.QApplication.instance().installEventFilter(self)
        self._fit()

    def _fit(self) -> None:
        self.pen.setGeometry(self.window.map.rect())
        self.black.setGeometry(self.window.rect())

    @property
    def current(self) -> Event | None:
        return self.steps[self.index] if 0 <= self.index < len(self.steps) else None

    def step(self, forward: bool) -> None:
        target = self.index + (1 if forward else -1)
        if not 0 <= target < len(self.steps):
            return
        self.index = target
        event = self.steps[target]
        self.pen.clear()
        self.black.hide()
        self.window.show_event(event)
        lang = self.window.language.lang
        self.caption.show_event(event, self.window.ui_scale(), lang)
        if self.view is not None:
            self.view.show_step(event, self.steps[target + 1] if target + 1 < len(self.steps) else None, lang)

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.window and ev.type() == QtCore.QEvent.Type.Resize:
            self._fit()
        if ev.type() == QtCore.QEvent.Type.KeyPress and isinstance(obj, QtWidgets.QWidget) and obj.window() is self.window:
            key = ev.key()
            if key in NEXT_KEYS or key in PREV_KEYS:
                self.step(key in NEXT_KEYS)
                return True
            if key in BLACK_KEYS:
                self.black.setVisible(not self.black.isVisible())
                self.black.raise_()
                return True
            if key == K.Key_Escape:
                self.leave()
                return True
        return False

    def leave(self) -> None:
        self.sigLeave.emit()
        if self.view is not None:
            self.view.close()
        self.window.close()
