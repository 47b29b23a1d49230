"""Where units came from: a faint line in the side's colour from a unit's previous dated fix to where it is
now, while that fix is at most three days old. Only its last TRAIL_PX pixels are drawn, fading towards its
tail: a march from far off the map is a short stroke pointing the way it came, not a line from one point off
the edge. Only when few units are on screen (a crowd of trails is noise)."""

from __future__ import annotations

import math

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ..i18n import translate
from ..style import SIDE_COLOURS, colour
from .layer import LegendEntry, MapLayer
from .swatches import Swatch
from .units import DETAIL_MAX, units_in_view

TRAIL_DAYS = 3
TRAIL_PX = 120  # at scale 1


class TrailsLayer(MapLayer):
    name = "trails"
    z = 2.0
    toggle = "trails"
    watches = frozenset({"instant"})

    def trails(self, t: QtGui.QTransform) -> list[tuple[str, QtCore.QPointF, QtCore.QPointF]]:
        """(side, tail, head) in device pixels of every trail drawn at the state's instant."""
        pos, at = self.ctx.positions(), self.state.instant
        present = np.flatnonzero(pos.present)
        if len(present) > DETAIL_MAX:
            return []
        out, most = [], TRAIL_PX * self.scale
        for k in present:
            unit = self.ctx.motion.units[k]
            i = int(pos.fix_index[k])
            prev = unit.track[i - 1] if pos.at_fix[k] and i > 0 else unit.track[i]
            if (prev.x, prev.y) == (pos.x[k], pos.y[k]) or (at - prev.at).days > TRAIL_DAYS:
                continue
            head, tail = t.map(QtCore.QPointF(pos.x[k], pos.y[k])), t.map(QtCore.QPointF(prev.x, prev.y))
            length = math.hypot(tail.x() - head.x(), tail.y() - head.y())
            if length < 1:
                continue
            if length > most:
                tail = head + (tail - head) * (most / length)
            out.append((unit.side, tail, head))
        return out

    def paint(self, p: QtGui.QPainter, *args) -> None:
        trails = self.trails(self.to_device(self.scene_to_device(p)))
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        for side, tail, head in trails:
            p.setPen(_trail_pen(side, tail, head, 2.0 * self.scale))
            p.drawLine(tail, head)

    def legend(self) -> list[LegendEntry]:
        if not self.isVisible() or not len(units_in_view(self.ctx)):
            return []
        sides = dict.fromkeys(side for side, _, _ in self.trails(self.sceneTransform()))
        if not sides:
            return []
        return [LegendEntry("trails", translate("Map", "trail (last three days)"), _trail_swatch(next(iter(sides)), self.scale))]


def _trail_pen(side: str, tail: QtCore.QPointF, head: QtCore.QPointF, width: float) -> QtGui.QPen:
    gradient = QtGui.QLinearGradient(tail, head)
    gradient.setColorAt(0.0, colour(SIDE_COLOURS[side], 0.0))
    gradient.setColorAt(1.0, colour(SIDE_COLOURS[side], 0.45))
    pen = QtGui.QPen(QtGui.QBrush(gradient), width)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    return pen


def _trail_swatch(side: str, scale: float) -> Swatch:
    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        tail, head = QtCore.QPointF(box.left() + 2, box.center().y()), QtCore.QPointF(box.right() - 2, box.center().y())
        p.setPen(_trail_pen(side, tail, head, 2.5 * scale))
        p.drawLine(tail, head)

    return paint
