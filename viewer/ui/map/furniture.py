"""Fixed furniture over the map, in the viewport's pixels: the legend (top left), the scale bar in km (bottom
left) and the north arrow (top right). Paints only; clicks pass through to the map. Labels keep out of it."""

from __future__ import annotations

import math

from pyqtgraph.Qt import QtCore, QtGui

from ...core.placement import Rect
from ..i18n import side_name, translate
from ..style import CLAIM_COLOURS, DISPUTED_FILL, INK, MODERN, RIVER, colour, font
from ..symbols import symbol_pixmap
from .layer import MapContext, MapLayer, device_ratio, rect_of

NICE_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)


class FurnitureLayer(MapLayer):
    name = "furniture"
    z = 100.0
    on_screen = True
    watches = frozenset({"language"})

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        self._size = (0.0, 0.0)
        self._cache: tuple[tuple, QtGui.QPixmap, list[QtCore.QRectF]] | None = None
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        ctx.view_box.sigRangeChanged.connect(self._range_changed)

    def _range_changed(self, *_args: object) -> None:
        self.update()  # the scale bar follows the zoom

    def resized(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._size = (width, height)

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(0, 0, *self._size)

    def _drawn(self, dpr: float) -> tuple[QtGui.QPixmap, list[QtCore.QRectF]]:
        """The furniture painted once per size, scale, zoom and language, and where each part is."""
        key = (self._size, self.scale, dpr, tuple(map(tuple, self.ctx.view_box.viewRange())), self.state.language)
        if self._cache is None or self._cache[0] != key:
            pm = QtGui.QPixmap(max(1, round(self._size[0] * dpr)), max(1, round(self._size[1] * dpr)))
            pm.setDevicePixelRatio(dpr)
            pm.fill(QtCore.Qt.GlobalColor.transparent)
            p = QtGui.QPainter(pm)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            parts = self._paint_parts(p)
            p.end()
            self._cache = key, pm, parts
        return self._cache[1], self._cache[2]

    def _paint_parts(self, p: QtGui.QPainter) -> list[QtCore.QRectF]:
        parts = (self._scale_bar(p), self._north_arrow(p), self._legend(p) if self.ctx.legend else None)
        return [r for r in parts if r is not None]

    def paint(self, p: QtGui.QPainter, *args) -> None:
        """Blit only the parts (with their pens' overhang): blending the whole transparent viewport each frame
        would cost more. An SVG or PDF export gets them as vectors."""
        if p.paintEngine().type() != QtGui.QPaintEngine.Type.Raster:
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            self._paint_parts(p)
            return
        dpr = device_ratio(p)
        pm, parts = self._drawn(dpr)
        for part in parts:
            r = part.adjusted(-4, -4, 4, 4)
            p.drawPixmap(r, pm, QtCore.QRectF(r.x() * dpr, r.y() * dpr, r.width() * dpr, r.height() * dpr))

    def obstacles(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        t, dpr = self.to_device(scene_to_device), self._cache[0][2] if self._cache else 1.0  # parts lie alike at any ratio
        return [rect_of(t.mapRect(r)) for r in self._drawn(dpr)[1]]

    def _scale_bar(self, p: QtGui.QPainter) -> QtCore.QRectF | None:
        km_per_px = self.ctx.view_box.viewPixelSize()[0]
        if not km_per_px or not math.isfinite(km_per_px):
            return None
        target = 160 * self.scale * km_per_px
        km = max((k for k in NICE_KM if k <= target), default=NICE_KM[0])
        length = km / km_per_px
        x, y = 24 * self.scale, self._size[1] - 30 * self.scale
        frame = QtCore.QRectF(x - 10, y - 34 * self.scale, length + 70 * self.scale, 48 * self.scale)
        p.fillRect(frame, colour("#FFFFFF", 0.75))
        p.setPen(QtGui.QPen(colour(INK), 3 * self.scale))
        p.drawLine(QtCore.QPointF(x, y), QtCore.QPointF(x + length, y))
        for xx in (x, x + length / 2, x + length):
            p.drawLine(QtCore.QPointF(xx, y - 7 * self.scale), QtCore.QPointF(xx, y + 1))
        p.setFont(font(16 * self.scale, bold=True))
        p.drawText(QtCore.QPointF(x, y - 12 * self.scale), "0")
        p.drawText(
            QtCore.QPointF(x + length - 8 * self.scale, y - 12 * self.scale), translate("Map", "%1 km").replace("%1", str(km))
        )
        return frame

    def _north_arrow(self, p: QtGui.QPainter) -> QtCore.QRectF:
        s = self.scale
        c = QtCore.QPointF(self._size[0] - 40 * s, 60 * s)
        path = QtGui.QPainterPath()
        path.moveTo(c + QtCore.QPointF(0, -30 * s))
        path.lineTo(c + QtCore.QPointF(13 * s, 16 * s))
        path.lineTo(c + QtCore.QPointF(0, 8 * s))
        path.lineTo(c + QtCore.QPointF(-13 * s, 16 * s))
        path.closeSubpath()
        p.setPen(QtGui.QPen(colour(INK), 1.5))
        p.setBrush(colour(INK))
        p.drawPath(path)
        p.setFont(font(18 * s, bold=True))
        p.drawText(
            QtCore.QRectF(c.x() - 20 * s, c.y() + 16 * s, 40 * s, 26 * s),
            QtCore.Qt.AlignmentFlag.AlignCenter,
            translate("Map", "N", "north arrow"),
        )
        return QtCore.QRectF(c.x() - 22 * s, c.y() - 32 * s, 44 * s, 76 * s)

    def _legend(self, p: QtGui.QPainter) -> QtCore.QRectF:
        s = self.scale
        rows = [(side, side_name(side)) for side in ("soviet", "mongolian", "japanese", "manchukuo")]
        line_rows = [
            (CLAIM_COLOURS["mongolia"], translate("Map", "Mongolian/Soviet claim"), QtCore.Qt.PenStyle.DashLine),
            (CLAIM_COLOURS["manchukuo"], translate("Map", "Manchukuo/Japanese claim (river)"), None),
            (MODERN, translate("Map", "Modern border"), QtCore.Qt.PenStyle.DotLine),
            (RIVER, translate("Map", "River"), QtCore.Qt.PenStyle.SolidLine),
        ]
        disputed, approximate = translate("Map", "Disputed ground"), translate("Map", "≈ approximate position")
        p.setFont(font(15 * s))
        widest = max(
            p.fontMetrics().horizontalAdvance(t)
            for t in [n for _, n in rows] + [r[1] for r in line_rows] + [disputed, approximate]
        )
        row_h = 27 * s
        w, h = 50 * s + widest + 14 * s, row_h * (len(rows) + len(line_rows) + 2) + 10 * s
        box = QtCore.QRectF(12 * s, 12 * s, w, h)
        p.setPen(QtGui.QPen(colour(INK), 1))
        p.setBrush(colour("#FFFFFF", 0.85))
        p.drawRect(box)
        y = box.top() + 8 * s
        for side, name in rows:
            pm = symbol_pixmap(side, "infantry", "regiment", "holding", round(s * 0.7, 2))
            p.drawPixmap(QtCore.QPointF(box.left() + 8 * s, y - 6 * s), pm)
            p.setPen(colour(INK))
            p.drawText(QtCore.QPointF(box.left() + 50 * s, y + 15 * s), name)
            y += row_h
        for hex_colour, name, style in line_rows:
            pen = (
                QtGui.QPen(colour(hex_colour), 3 * s, style)
                if style is not None
                else QtGui.QPen(colour(hex_colour, 0.45), 10 * s)
            )
            p.setPen(pen)
            p.drawLine(QtCore.QPointF(box.left() + 10 * s, y + 10 * s), QtCore.QPointF(box.left() + 40 * s, y + 10 * s))
            p.setPen(colour(INK))
            p.drawText(QtCore.QPointF(box.left() + 50 * s, y + 15 * s), name)
            y += row_h
        p.setPen(QtCore.Qt.PenStyle.NoPen)
        p.setBrush(colour(DISPUTED_FILL, 0.45))
        p.drawRect(QtCore.QRectF(box.left() + 10 * s, y + 2 * s, 30 * s, 16 * s))
        p.setPen(colour(INK))
        p.drawText(QtCore.QPointF(box.left() + 50 * s, y + 15 * s), disputed)
        y += row_h
        pen = QtGui.QPen(colour(INK, 0.7), 1.3, QtCore.Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(colour(INK, 0.08))
        p.drawEllipse(QtCore.QPointF(box.left() + 25 * s, y + 10 * s), 10 * s, 10 * s)
        p.setPen(colour(INK))
        p.drawText(QtCore.QPointF(box.left() + 50 * s, y + 15 * s), approximate)
        return box
