"""Fixed furniture over the map: scale bar in km, north arrow, legend. Paints only; clicks pass through."""
from __future__ import annotations

import math

import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from .i18n import side_name, translate
from .style import CLAIM_COLOURS, DISPUTED_FILL, INK, MODERN, RIVER, colour, font
from .symbols import symbol_pixmap

NICE_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)


class MapOverlay(QtWidgets.QWidget):
    def __init__(self, view: pg.ViewBox, parent: QtWidgets.QWidget):
        super().__init__(parent)
        self.view = view
        self.scale = 1.0
        self.lang = "en"  # part of the cache key: the legend is re-drawn in a new language
        self.reserved: list[QtCore.QRectF] = []  # where the furniture is, so map labels keep out of it
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.sigRangeChanged.connect(self.update)

    def paintEvent(self, _event) -> None:
        """Cached per size, scale and view range: the furniture only changes when the map zooms."""
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), self.scale, dpr, tuple(map(tuple, self.view.viewRange())), self.lang)
        if getattr(self, "_cache_key", None) != key:
            self._cache = QtGui.QPixmap(round(self.width() * dpr), round(self.height() * dpr))
            self._cache.setDevicePixelRatio(dpr)
            self._cache.fill(QtCore.Qt.GlobalColor.transparent)
            p = QtGui.QPainter(self._cache)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            parts = [self._scale_bar(p), self._north_arrow(p), self._legend(p)]
            p.end()
            self._cache_key = key
            self.reserved = [r for r in parts if r is not None]
            region = QtGui.QRegion()
            for rect in parts:
                if rect is not None:
                    region = region.united(rect.toAlignedRect().adjusted(-4, -4, 4, 4))
            self.setMask(region)  # cover only the furniture, so the map below is not composited through us
        p = QtGui.QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        p.end()

    def _scale_bar(self, p: QtGui.QPainter) -> QtCore.QRectF | None:
        km_per_px = self.view.viewPixelSize()[0]
        if not km_per_px or not math.isfinite(km_per_px):
            return None
        target = 160 * self.scale * km_per_px
        km = max((k for k in NICE_KM if k <= target), default=NICE_KM[0])
        length = km / km_per_px
        x, y = 24 * self.scale, self.height() - 30 * self.scale
        frame = QtCore.QRectF(x - 10, y - 34 * self.scale, length + 70 * self.scale, 48 * self.scale)
        p.fillRect(frame, colour("#FFFFFF", 0.75))
        p.setPen(QtGui.QPen(colour(INK), 3 * self.scale))
        p.drawLine(QtCore.QPointF(x, y), QtCore.QPointF(x + length, y))
        for xx in (x, x + length / 2, x + length):
            p.drawLine(QtCore.QPointF(xx, y - 7 * self.scale), QtCore.QPointF(xx, y + 1))
        p.setFont(font(16 * self.scale, bold=True))
        p.drawText(QtCore.QPointF(x, y - 12 * self.scale), "0")
        p.drawText(QtCore.QPointF(x + length - 8 * self.scale, y - 12 * self.scale), translate("Map", "%1 km").replace("%1", str(km)))
        return frame

    def _north_arrow(self, p: QtGui.QPainter) -> QtCore.QRectF:
        s = self.scale
        c = QtCore.QPointF(self.width() - 40 * s, 60 * s)
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
        p.drawText(QtCore.QRectF(c.x() - 20 * s, c.y() + 16 * s, 40 * s, 26 * s), QtCore.Qt.AlignmentFlag.AlignCenter, translate("Map", "N", "north arrow"))
        return QtCore.QRectF(c.x() - 22 * s, c.y() - 32 * s, 44 * s, 76 * s)

    def _legend(self, p: QtGui.QPainter) -> QtCore.QRectF:
        s = self.scale
        rows = [(side, side_name(side)) for side in ("soviet", "mongolian", "japanese", "manchukuo")]
        line_rows = [(CLAIM_COLOURS["mongolia"], translate("Map", "Mongolian/Soviet claim"), QtCore.Qt.PenStyle.DashLine),
                     (CLAIM_COLOURS["manchukuo"], translate("Map", "Manchukuo/Japanese claim (river)"), None),
                     (MODERN, translate("Map", "Modern border"), QtCore.Qt.PenStyle.DotLine),
                     (RIVER, translate("Map", "River"), QtCore.Qt.PenStyle.SolidLine)]
        disputed, approximate = translate("Map", "Disputed ground"), translate("Map", "≈ approximate position")
        p.setFont(font(15 * s))
        widest = max(p.fontMetrics().horizontalAdvance(t) for t in [n for _, n in rows] + [r[1] for r in line_rows]
                     + [disputed, approximate])
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
            pen = (QtGui.QPen(colour(hex_colour), 3 * s, style) if style is not None
                   else QtGui.QPen(colour(hex_colour, 0.45), 10 * s))
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
