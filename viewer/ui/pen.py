"""The lecturer's pen: freehand lines over the whole map, in a few colours, with an eraser and undo.

Lines are kept in map kilometres, so they stay on the ground they were drawn on when the camera glides to
the next event (and a drawing the lecturer keeps across steps still points at the right hill). The overlay
follows the map's size whenever it changes, so the pen reaches every pixel at any window size. A tap is not a
line: it is handed on (`sigTap`), so a lecturer can still pick a unit for the audience.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from .map_view import MapView
from .style import colour

TAP_PX = 8  # a stroke smaller than this is a tap: it selects what is under it instead of drawing
PEN_COLOURS = ("#E4002B", "#1F4E8C", "#111111")  # red, blue, black: all readable on the map's paper
PEN_PX = 6
ERASER_PX = 18  # how near the eraser must pass to a line to wipe it


@dataclass
class Stroke:
    colour: str
    points: list[QtCore.QPointF] = field(default_factory=list)  # map km


class PenOverlay(QtWidgets.QWidget):
    sigTap = QtCore.Signal(QtCore.QPointF)

    def __init__(self, map_view: MapView):
        super().__init__(map_view)
        self.map_view = map_view
        self.strokes: list[Stroke] = []
        self.history: list[list[Stroke]] = []  # what undo returns to, one entry per line drawn or wiped
        self.colour = PEN_COLOURS[0]
        self.erasing = False
        self._press: QtCore.QPointF | None = None
        self._moved = False
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(map_view.rect())
        map_view.installEventFilter(self)
        map_view.view.sigRangeChanged.connect(lambda *_: self.update())  # lines move with the map

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.map_view and ev.type() == QtCore.QEvent.Type.Resize:
            self.setGeometry(self.map_view.rect())  # the map is laid out after we are made, and resized later
        return False

    # --- map km <-> overlay pixels ------------------------------------------------------
    def _offset(self) -> QtCore.QPointF:
        """The viewport's top-left in this overlay's pixels (both are children of the map widget)."""
        viewport = self.map_view.graphics.viewport()
        return QtCore.QPointF(viewport.mapTo(self.map_view, QtCore.QPoint(0, 0)) - self.pos())

    def to_km(self, pos: QtCore.QPointF) -> QtCore.QPointF:
        g = self.map_view.graphics
        return self.map_view.view.mapSceneToView(g.mapToScene((pos - self._offset()).toPoint()))

    def to_px(self, km: QtCore.QPointF) -> QtCore.QPointF:
        g = self.map_view.graphics
        return QtCore.QPointF(g.mapFromScene(self.map_view.view.mapViewToScene(km))) + self._offset()

    # --- editing ---------------------------------------------------------------------------
    def _remember(self) -> None:
        self.history.append(list(self.strokes))

    def clear(self) -> None:
        if self.strokes:
            self._remember()
        self.strokes = []
        self.update()

    def undo(self) -> None:
        if self.history:
            self.strokes = self.history.pop()
            self.update()

    def next_colour(self) -> None:
        self.colour = PEN_COLOURS[(PEN_COLOURS.index(self.colour) + 1) % len(PEN_COLOURS)]
        self.erasing = False

    def set_erasing(self, on: bool) -> None:
        self.erasing = on

    def set_drawing(self, on: bool) -> None:
        """Pen on: a drag draws. Off: the overlay lets the mouse through, so a drag pans the map."""
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents, not on)

    def _erase_at(self, pos: QtCore.QPointF) -> None:
        def touched(stroke: Stroke) -> bool:
            points = [self.to_px(km) for km in stroke.points]
            return any(_distance(pos, a, b) <= ERASER_PX for a, b in zip(points, points[1:] or points, strict=False))

        kept = [s for s in self.strokes if not touched(s)]
        if len(kept) != len(self.strokes):
            self.strokes = kept
            self.update()

    # --- the mouse ---------------------------------------------------------------------------
    def mousePressEvent(self, ev: QtGui.QMouseEvent) -> None:
        self._press, self._moved = ev.position(), False
        self._remember()
        if self.erasing:
            self._erase_at(ev.position())
        else:
            self.strokes = [*self.strokes, Stroke(self.colour, [self.to_km(ev.position())])]

    def mouseMoveEvent(self, ev: QtGui.QMouseEvent) -> None:
        if self._press is None:
            return
        if QtCore.QLineF(self._press, ev.position()).length() > TAP_PX:
            self._moved = True
        if self.erasing:
            self._erase_at(ev.position())
        else:
            self.strokes[-1].points.append(self.to_km(ev.position()))
            self.update()

    def mouseReleaseEvent(self, ev: QtGui.QMouseEvent) -> None:
        if self._press is None:
            return
        self._press = None
        if self._moved:
            if self.history and self.history[-1] == self.strokes:
                self.history.pop()  # an eraser drag that touched nothing is not a step to undo
            return
        if self.erasing and self.strokes != self.history[-1]:
            return  # a tap of the eraser on a line wipes it
        self.strokes = self.history.pop()  # a tap: not a line
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

    def paintEvent(self, _event) -> None:
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        for stroke in self.strokes:
            pen = QtGui.QPen(
                colour(stroke.colour, 0.85),
                PEN_PX,
                QtCore.Qt.PenStyle.SolidLine,
                QtCore.Qt.PenCapStyle.RoundCap,
                QtCore.Qt.PenJoinStyle.RoundJoin,
            )
            p.setPen(pen)
            points = [self.to_px(km) for km in stroke.points]
            if len(points) == 1:
                p.drawPoint(points[0])
            else:
                p.drawPolyline(QtGui.QPolygonF(points))
        p.end()


def _distance(p: QtCore.QPointF, a: QtCore.QPointF, b: QtCore.QPointF) -> float:
    """From `p` to the segment a–b, in pixels."""
    ab, ap = b - a, p - a
    length2 = QtCore.QPointF.dotProduct(ab, ab)
    t = 0.0 if length2 == 0 else min(1.0, max(0.0, QtCore.QPointF.dotProduct(ap, ab) / length2))
    return QtCore.QLineF(p, a + ab * t).length()
