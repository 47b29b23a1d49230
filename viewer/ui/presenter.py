"""Presenter mode: a clicker steps through the story, each step an eased move; B or '.' blacks the screen,
Escape leaves. A pen draws on the map and is wiped at the next step. With a second screen, a presenter
view shows the current and next step, the full note and the time. Keys are the presenter's commands
(commands.py); the step lives in the view state, so every kind of jump keeps caption and view in step."""

from __future__ import annotations

import time

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.dates import format_date
from ..core.language import tr
from ..core.view_state import ViewState
from .caption import Caption
from .i18n import translate
from .main_window import MainWindow
from .map_view import MapView
from .style import colour, font

TAP_PX = 8  # a stroke smaller than this is a tap: it selects what is under it instead of drawing


class PenOverlay(QtWidgets.QWidget):
    """Freehand strokes over the whole map, in screen pixels; cleared at every step. A tap is not a stroke:
    it is handed on (`sigTap`), so a lecturer can still pick a unit for the audience."""

    sigTap = QtCore.Signal(QtCore.QPointF)

    def __init__(self, map_view: MapView):
        super().__init__(map_view)
        self.map_view = map_view
        self.strokes: list[list[QtCore.QPointF]] = []
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(map_view.rect())
        map_view.installEventFilter(self)

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.map_view and ev.type() == QtCore.QEvent.Type.Resize:
            self.setGeometry(self.map_view.rect())  # the map is laid out after we are made
        return False

    def clear(self) -> None:
        self.strokes.clear()
        self.update()

    def mousePressEvent(self, ev: QtGui.QMouseEvent) -> None:
        self.strokes.append([ev.position()])

    def mouseMoveEvent(self, ev: QtGui.QMouseEvent) -> None:
        if self.strokes:
            self.strokes[-1].append(ev.position())
            self.update()

    def mouseReleaseEvent(self, ev: QtGui.QMouseEvent) -> None:
        if not self.strokes:
            return
        box = QtGui.QPolygonF(self.strokes[-1]).boundingRect()
        if box.width() <= TAP_PX and box.height() <= TAP_PX:
            self.strokes.pop()
            self.update()
            self.sigTap.emit(ev.position())

    def wheelEvent(self, ev: QtGui.QWheelEvent) -> None:
        """The wheel zooms the map below: handed to its viewport (a sibling, which ignoring would not reach)."""
        viewport = self.map_view.graphics.viewport()
        pos = QtCore.QPointF(viewport.mapFrom(self.map_view, ev.position().toPoint()))
        forwarded = QtGui.QWheelEvent(
            pos, ev.globalPosition(), ev.pixelDelta(), ev.angleDelta(), ev.buttons(), ev.modifiers(), ev.phase(), ev.inverted()
        )
        QtCore.QCoreApplication.sendEvent(viewport, forwarded)

    def set_drawing(self, on: bool) -> None:
        """Pen on: a drag draws. Off: the overlay lets the mouse through, so a drag pans the map."""
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents, not on)

    def paintEvent(self, _event) -> None:
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        p.setPen(
            QtGui.QPen(
                colour("#E4002B", 0.85),
                6,
                QtCore.Qt.PenStyle.SolidLine,
                QtCore.Qt.PenCapStyle.RoundCap,
                QtCore.Qt.PenJoinStyle.RoundJoin,
            )
        )
        for stroke in self.strokes:
            p.drawPolyline(QtGui.QPolygonF(stroke))
        p.end()


class PresenterView(QtWidgets.QWidget):
    """For the lecturer's own screen: now, next, the full note, the clock and the elapsed time."""

    def __init__(self, state: ViewState):
        super().__init__()
        self.state = state
        self.setWindowTitle(translate("Presenter", "Presenter view"))
        self.current = QtWidgets.QLabel()
        self.next = QtWidgets.QLabel()
        self.note = QtWidgets.QLabel()
        self.clock = QtWidgets.QLabel()
        for label, px in ((self.current, 30), (self.next, 20), (self.note, 22), (self.clock, 26)):
            label.setWordWrap(True)
            label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
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
        for field in (state.events.step, state.events.language):
            field.connect(lambda _value: self.show_step())

    def show_step(self) -> None:
        s, lang = self.state, self.state.language
        event = s.current_event
        if event is None:
            return
        upcoming = s.story.steps[s.step + 1] if s.step is not None and s.step + 1 < len(s.story) else None
        when = format_date(event.at, event.precision, lang)
        self.current.setText(translate("Presenter", "Now: %1 — %2").replace("%1", when).replace("%2", tr(event.title, lang)))
        self.note.setText(tr(event.note, lang))
        self.next.setText(
            translate("Presenter", "Next: %1").replace("%1", tr(upcoming.title, lang))
            if upcoming
            else translate("Presenter", "Next: (end)")
        )

    def _tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        self.clock.setText(
            translate("Presenter", "%1   ·   elapsed %2")
            .replace("%1", time.strftime("%H:%M"))
            .replace("%2", f"{elapsed // 60:02d}:{elapsed % 60:02d}")
        )


class Presenter(QtCore.QObject):
    sigLeave = QtCore.Signal()

    def __init__(self, window: MainWindow, presenter_screen: QtGui.QScreen | None = None):
        super().__init__(window)
        self.window = window
        state = window.state
        window.set_mode("present")
        self.caption = Caption(state, window.map, window.ui_scale())
        self.caption.set_active(True)
        self.pen = PenOverlay(window.map)
        self.pen.sigTap.connect(self._tap)
        self.black = QtWidgets.QWidget(window)
        self.black.setStyleSheet("background: black;")
        self.black.hide()
        window.installEventFilter(self)
        self.view: PresenterView | None = None
        if presenter_screen is not None:
            self.view = PresenterView(state)
            self.view.setGeometry(presenter_screen.availableGeometry())
            self.view.show()
        bind = window.commands.bind
        bind("blackout", self.toggle_black)
        bind("pen", self.pen.set_drawing)
        window.commands.actions["pen"].setChecked(True)
        bind("pen.clear", self.pen.clear)
        bind("leave", self.leave)
        state.events.step.connect(self._new_step)

    def _new_step(self, _step: int | None) -> None:
        self.pen.clear()
        self.black.hide()

    def _tap(self, pos: QtCore.QPointF) -> None:
        viewport = self.window.map.graphics.viewport()
        self.window.map.click_at(QtCore.QPointF(viewport.mapFrom(self.window.map, pos.toPoint())))

    def start(self) -> None:
        """The talk opens on its first step."""
        if len(self.window.state.story):
            self.window.clock.go_to_step(0)

    def toggle_black(self) -> None:
        self.black.setGeometry(self.window.rect())
        self.black.setVisible(not self.black.isVisible())
        self.black.raise_()

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.window and ev.type() == QtCore.QEvent.Type.Resize:
            self.black.setGeometry(self.window.rect())
            self.caption.scale = self.window.ui_scale()
        return False

    def leave(self) -> None:
        self.sigLeave.emit()
        if self.view is not None:
            self.view.close()
        self.window.close()
