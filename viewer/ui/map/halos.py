"""The uncertainty of approximate positions: a dashed circle of each unit's radius, under the places and
units, filled (a translucent disc) only for the selected unit and the one under the pointer, so a crowd of
circles never piles into a blob that hides the river, the places and the other units. Beyond DETAIL_MAX units
(a crowd) the circles are not drawn (too many to read or to blend in a frame): the symbols carry a "≈" badge
instead."""

from __future__ import annotations

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ..i18n import translate
from ..style import SIDE_COLOURS, colour
from .layer import LegendEntry, MapLayer, device_ratio, device_xy
from .pixmaps import HALO_PEN_PX, halo_pen, halo_pixmap
from .swatches import Swatch
from .units import DETAIL_MAX, units_in_view

HALO_CACHE_MAX_PX = 400  # a bigger circle is drawn, not cached: a pixmap that big would cost more than it saves


class HalosLayer(MapLayer):
    name = "halos"
    z = 3.0
    toggle = "halos"
    watches = frozenset({"instant", "selected_unit", "hovered_unit"})

    def paint(self, p: QtGui.QPainter, *args) -> None:
        pos = self.ctx.positions()
        k = np.flatnonzero(pos.present & (pos.radius_km > 0))
        if not len(k) or np.count_nonzero(pos.present) > DETAIL_MAX:
            return
        t = self.to_device(self.scene_to_device(p))
        px_per_km = float(np.hypot(t.m11(), t.m12()))
        xy, r_px = device_xy(t, pos.x[k], pos.y[k]), pos.radius_km[k] * px_per_km
        dpr, pen_px = device_ratio(p), round(HALO_PEN_PX * self.scale, 1)
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        filled_ids = (self.state.selected_unit, self.state.hovered_unit)
        for unit_k, (x, y), r in zip(k, xy, r_px, strict=True):
            if r < 2:
                continue
            unit, c = self.ctx.motion.units[unit_k], QtCore.QPointF(x, y)
            filled = unit.id in filled_ids
            if r > HALO_CACHE_MAX_PX:
                p.setPen(halo_pen(unit.side, pen_px, r))
                p.setBrush(colour(SIDE_COLOURS[unit.side], 0.14) if filled else QtCore.Qt.BrushStyle.NoBrush)
                p.drawEllipse(c, r, r)
                continue
            pm = halo_pixmap(unit.side, 2 * round(r / 2), pen_px, dpr, filled)
            p.drawPixmap(QtCore.QPointF(x - pm.width() / dpr / 2, y - pm.height() / dpr / 2), pm)

    def legend(self) -> list[LegendEntry]:
        pos = self.ctx.positions()
        k = units_in_view(self.ctx)
        if np.count_nonzero(pos.present) > DETAIL_MAX or not np.any(pos.radius_km[k] > 0):
            return []
        return [
            LegendEntry(
                "halos:approximate",
                translate("Map", "≈ approximate position"),
                _circle_swatch(round(HALO_PEN_PX * self.scale, 1)),
            )
        ]


def _circle_swatch(pen_px: float) -> Swatch:
    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        p.setPen(halo_pen("soviet", pen_px))
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        r = min(box.width(), box.height()) / 2 - 1
        p.drawEllipse(box.center(), r, r)

    return paint
