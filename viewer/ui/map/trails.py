"""Where units came from: a faint line in the side's colour from a unit's previous dated fix to where it is
now, while that fix is at most three days old. Only when few units are on screen (a crowd of trails is noise)."""

from __future__ import annotations

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ..style import SIDE_COLOURS, colour
from .layer import MapLayer
from .units import DETAIL_MAX

TRAIL_DAYS = 3


class TrailsLayer(MapLayer):
    name = "trails"
    z = 2.0
    toggle = "trails"
    watches = frozenset({"instant"})

    def paint(self, p: QtGui.QPainter, *args) -> None:
        pos, at = self.ctx.positions(), self.state.instant
        present = np.flatnonzero(pos.present)
        if len(present) > DETAIL_MAX:
            return
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        for k in present:  # in km: the pen is cosmetic, so its width stays in pixels
            unit = self.ctx.motion.units[k]
            i = int(pos.fix_index[k])
            prev = unit.track[i - 1] if pos.at_fix[k] and i > 0 else unit.track[i]
            if (prev.x, prev.y) == (pos.x[k], pos.y[k]) or (at - prev.at).days > TRAIL_DAYS:
                continue
            pen = QtGui.QPen(colour(SIDE_COLOURS[unit.side], 0.35), 2.0 * self.scale)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.drawLine(QtCore.QPointF(prev.x, prev.y), QtCore.QPointF(pos.x[k], pos.y[k]))
