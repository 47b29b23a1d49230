"""The uncertainty of approximate positions: a translucent disc of each unit's radius with a dashed edge,
under the places and units. Beyond HALO_CROWD_MAX units the discs are not drawn (too many to read or to blend
in a frame): the symbols carry a "≈" badge instead."""

from __future__ import annotations

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ...core.model import SIDES
from ..style import SIDE_COLOURS, colour
from .layer import MapLayer, device_ratio, device_xy
from .pixmaps import blit_many, halo_pixmap
from .units import DETAIL_MAX, HALO_CROWD_MAX

HALO_CACHE_MAX_PX = 400  # a bigger disc is drawn, not cached: a pixmap that big would cost more than it saves


class HalosLayer(MapLayer):
    name = "halos"
    z = 3.0
    toggle = "halos"
    watches = frozenset({"instant"})

    def paint(self, p: QtGui.QPainter, *args) -> None:
        pos = self.ctx.positions()
        k = np.flatnonzero(pos.present & (pos.radius_km > 0))
        if not len(k) or np.count_nonzero(pos.present) > HALO_CROWD_MAX:
            return
        t = self.to_device(self.scene_to_device(p))
        px_per_km = float(np.hypot(t.m11(), t.m12()))
        xy, r_px = device_xy(t, pos.x[k], pos.y[k]), pos.radius_km[k] * px_per_km
        dpr, pen_px = device_ratio(p), round(1.3 * self.scale, 1)
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        if np.count_nonzero(pos.present) > DETAIL_MAX:  # a crowd: one batched blit per side and radius
            r_even = (2 * np.round(r_px / 2)).astype(int)
            keys = self.ctx.side[k] * 100_000 + np.minimum(r_even, HALO_CACHE_MAX_PX)
            for key in np.unique(keys[r_even >= 2]):
                pick = keys == key
                pm = halo_pixmap(SIDES[key // 100_000], int(key % 100_000), pen_px, dpr)
                blit_many(p, pm, xy[pick, 0], xy[pick, 1], dpr)
            return
        for unit_k, (x, y), r in zip(k, xy, r_px, strict=True):
            if r < 2:
                continue
            side, c = self.ctx.motion.units[unit_k].side, QtCore.QPointF(x, y)
            if r > HALO_CACHE_MAX_PX:
                p.setPen(QtGui.QPen(colour(SIDE_COLOURS[side], 0.55), pen_px, QtCore.Qt.PenStyle.DashLine))
                p.setBrush(colour(SIDE_COLOURS[side], 0.10))
                p.drawEllipse(c, r, r)
                continue
            pm = halo_pixmap(side, 2 * round(r / 2), pen_px, dpr)
            p.drawPixmap(QtCore.QPointF(x - pm.width() / dpr / 2, y - pm.height() / dpr / 2), pm)
