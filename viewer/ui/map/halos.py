"""The uncertainty of approximate positions. Nearly every unit's position is inferred from narrative: the legend
says once that they are approximate, within about units.BADGE_KM, and a unit whose position may be farther off carries a
"≈" badge on its symbol (drawn by the units layer while this layer is on; a badge on every unit said nothing).
Only the selected unit and the one under the pointer get their circle, a translucent disc of the unit's radius
with a dashed edge. A circle for each approximate unit netted the centre
of the August map with dashed rings over the river, the places and the other units; the badge says the same
"about here" without hiding anything, and the circle, which says how far, is one touch or hover away. The
"halos" layer switch hides the badges and the circles together."""

from __future__ import annotations

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ..i18n import translate
from ..style import INK, SIDE_COLOURS, colour, font
from .layer import LegendEntry, MapLayer, device_ratio, device_xy
from .pixmaps import HALO_PEN_PX, halo_pen, halo_pixmap
from .swatches import Swatch, text_swatch
from .units import BADGE_KM, DETAIL_MAX, badge_swatch, badge_text, units_in_view

HALO_CACHE_MAX_PX = 400  # a bigger circle is drawn, not cached: a pixmap that big would cost more than it saves


class HalosLayer(MapLayer):
    name = "halos"
    z = 3.0
    toggle = "halos"
    watches = frozenset({"instant", "selected_unit", "hovered_unit"})

    def circled(self) -> np.ndarray:
        """Indices of the units whose circle is drawn: the selected one and the one under the pointer, if present
        and approximate."""
        pos, motion, ids = self.ctx.positions(), self.ctx.motion, (self.state.selected_unit, self.state.hovered_unit)
        k = self.memo("ids", ids, lambda: np.array(sorted({motion.index(i) for i in ids if i is not None}), dtype=int))
        return k[pos.present[k] & (pos.radius_km[k] > 0)]

    def paint(self, p: QtGui.QPainter, *args) -> None:
        k = self.circled()
        if not len(k):
            return
        pos = self.ctx.positions()
        t = self.to_device(self.scene_to_device(p))
        px_per_km = float(np.hypot(t.m11(), t.m12()))
        xy, r_px = device_xy(t, pos.x[k], pos.y[k]), pos.radius_km[k] * px_per_km
        dpr, pen_px = device_ratio(p), round(HALO_PEN_PX * self.scale, 1)
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        for unit_k, (x, y), r in zip(k, xy, r_px, strict=True):
            if r < 2:
                continue
            side = self.ctx.motion.units[unit_k].side
            if r > HALO_CACHE_MAX_PX:
                p.setPen(halo_pen(side, pen_px, r))
                p.setBrush(colour(SIDE_COLOURS[side], 0.14))
                p.drawEllipse(QtCore.QPointF(x, y), r, r)
                continue
            pm = halo_pixmap(side, 2 * round(r / 2), pen_px, dpr)
            p.drawPixmap(QtCore.QPointF(x - pm.width() / dpr / 2, y - pm.height() / dpr / 2), pm)

    def legend(self) -> list[LegendEntry]:
        """The badge while the units are few enough to be drawn one by one (a crowd's badge is the units layer's);
        the circle while the selected unit's is drawn (the pointer's is a passing preview: a legend row coming and
        going under a moving mouse would make the side panel jump)."""
        pos, s = self.ctx.positions(), self.scale
        k = units_in_view(self.ctx)
        out = []
        if np.any(pos.radius_km[k] > 0):  # one note for all: a badge on nearly every unit said nothing (issue 14)
            km = f"{BADGE_KM:g}"  # the brief's estimates of each position's error: "about", not a guarantee
            text = translate("Map", "unit positions approximate, within about {km} km unless marked ≈").format(km=km)
            swatch = text_swatch(translate("Map", "±{km} km").format(km=km), font(11 * s, bold=True), colour(INK))
            out.append(LegendEntry("halos:approximate", text, swatch))
        if np.count_nonzero(pos.present) <= DETAIL_MAX and np.any(pos.radius_km[k] > BADGE_KM):  # a crowd's: units'
            out.append(LegendEntry("halos:badge", badge_text(), badge_swatch(s)))
        selected = self.ctx.motion.index(self.state.selected_unit) if self.state.selected_unit else -1
        if selected in k and pos.radius_km[selected] > 0:
            text = translate("Map", "where the unit selected may have been (approximate position)")
            out.append(LegendEntry("halos:circle", text, _circle_swatch(round(HALO_PEN_PX * s, 1))))
        return out


def _circle_swatch(pen_px: float) -> Swatch:
    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        p.setPen(halo_pen("soviet", pen_px))
        p.setBrush(colour(SIDE_COLOURS["soviet"], 0.14))
        r = min(box.width(), box.height()) / 2 - 1
        p.drawEllipse(box.center(), r, r)

    return paint
