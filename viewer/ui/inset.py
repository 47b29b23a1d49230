"""Regional inset: where the battlefield lies between Mongolia, Manchukuo and the USSR."""
from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets
from shapely.geometry import box

from ..core.geometry import EqualAreaProjection
from ..core.model import Scenario
from .i18n import translate
from .map_layers import path_of
from .style import INK, LAKE, MODERN, PAPER, RIVER, colour, font

# Label points chosen for legibility; the 1939 state names are labels, the borders drawn are modern.
COUNTRY_LABELS = (("mongolia", 109.5, 46.3), ("ussr", 112.5, 52.6), ("manchukuo", 123.0, 46.0))
TOWNS = ("Hailar", "Chita", "Ulaanbaatar")


def country_name(key: str) -> str:
    return {"mongolia": translate("Inset", "MONGOLIA"), "ussr": translate("Inset", "USSR"),
            "manchukuo": translate("Inset", "MANCHUKUO")}[key]


def town_name(name: str) -> str:
    """Natural Earth's English names of the inset's towns, in the interface language."""
    return {"Hailar": translate("Inset", "Hailar"), "Chita": translate("Inset", "Chita"),
            "Ulaanbaatar": translate("Inset", "Ulaanbaatar")}[name]


class InsetWidget(QtWidgets.QWidget):
    def __init__(self, scenario: Scenario, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.scenario = scenario
        r = scenario.region
        self.proj = EqualAreaProjection((r.west + r.east) / 2, (r.south + r.north) / 2)
        self._frame = self.proj.geometry(box(r.west, r.south, r.east, r.north).segmentize(0.5))
        proj = self.proj.geometry
        self._countries = [proj(f.geometry) for f in scenario.layers["region-countries"]]
        self._rivers = [proj(f.geometry) for f in scenario.layers["region-rivers"]]
        self._lakes = [proj(f.geometry) for f in scenario.layers["region-lakes"]]
        self._towns = [(f.properties.get("name"), proj(f.geometry)) for f in scenario.layers["region-places"]
                       if f.properties.get("name") in TOWNS]
        tb = scenario.places["tamsag_bulak"]
        self._tamsag = proj(_point(tb.lon, tb.lat))
        b = scenario.battlefield
        self._box = proj(box(b.west, b.south, b.east, b.north))
        self.scale = 1.0
        self.lang, self.naming = "en", "soviet"
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_language(self, lang: str, naming: str) -> None:
        self.lang, self.naming = lang, naming
        self.update()

    def paintEvent(self, _event) -> None:
        """The inset never changes with the instant: paint it once per size and blit it."""
        dpr = self.devicePixelRatioF()
        key = (self.width(), self.height(), self.scale, dpr, self.lang, self.naming)
        if getattr(self, "_cache_key", None) != key:
            self._cache = QtGui.QPixmap(round(self.width() * dpr), round(self.height() * dpr))
            self._cache.setDevicePixelRatio(dpr)
            self._cache.fill(QtCore.Qt.GlobalColor.transparent)
            self._draw(self._cache)
            self._cache_key = key
        p = QtGui.QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        p.end()

    def _draw(self, device: QtGui.QPaintDevice) -> None:
        p = QtGui.QPainter(device)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), colour("#FFFFFF", 0.92))
        p.setPen(QtGui.QPen(colour(INK), 1.5))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        x0, y0, x1, y1 = self._frame.bounds
        k = min((self.width() - 8) / (x1 - x0), (self.height() - 8) / (y1 - y0))
        t = QtGui.QTransform()
        t.translate(self.width() / 2, self.height() / 2)
        t.scale(k, -k)
        t.translate(-(x0 + x1) / 2, -(y0 + y1) / 2)
        p.setClipRect(self.rect().adjusted(2, 2, -2, -2))
        p.setTransform(t)
        pen = QtGui.QPen(colour(MODERN), 1.0)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(colour(PAPER))
        for g in self._countries:
            p.drawPath(path_of(g))
        p.setBrush(colour(LAKE))
        for g in self._lakes:
            p.drawPath(path_of(g))
        river = QtGui.QPen(colour(RIVER, 0.8), 1.0)
        river.setCosmetic(True)
        p.setPen(river)
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for g in self._rivers:
            p.drawPath(path_of(g))
        red = QtGui.QPen(colour("#C0392B"), 2.5)
        red.setCosmetic(True)
        p.setPen(red)
        p.drawPath(path_of(self._box.exterior))
        p.resetTransform()
        p.setFont(font(13 * self.scale, bold=True))
        p.setPen(colour("#6B6355"))
        for key, lon, lat in COUNTRY_LABELS:
            pt = t.map(QtCore.QPointF(*self.proj.point(lon, lat)))
            text = country_name(key)
            w = p.fontMetrics().horizontalAdvance(text) + 4
            x = min(max(pt.x() - w / 2, 4), self.width() - 4 - w)  # a longer name slides inward, never off the edge
            p.drawText(QtCore.QRectF(x, pt.y() - 10, w, 20), QtCore.Qt.AlignmentFlag.AlignCenter, text)
        p.setFont(font(12 * self.scale))
        p.setPen(colour(INK))
        tamsag = self.scenario.places["tamsag_bulak"].label(self.lang, self.naming)
        for name, geom in [(town_name(n), g) for n, g in self._towns] + [(tamsag, self._tamsag)]:
            pt = t.map(QtCore.QPointF(geom.x, geom.y))
            p.setBrush(colour(INK))
            p.drawEllipse(pt, 2.5, 2.5)
            width = p.fontMetrics().horizontalAdvance(name)
            right_room = self.width() - 6 - pt.x()  # a long name goes to the left of its dot rather than off the edge
            p.drawText(pt + QtCore.QPointF(4 if width + 4 <= right_room else -4 - width, -3), name)
        p.setFont(font(11 * self.scale, italic=True))
        p.setPen(colour(MODERN))
        footer = p.fontMetrics().elidedText(translate("Inset", "modern borders; red box: map area"),
                                            QtCore.Qt.TextElideMode.ElideRight, self.width() - 12)
        p.drawText(self.rect().adjusted(6, 0, -6, -4), QtCore.Qt.AlignmentFlag.AlignBottom | QtCore.Qt.AlignmentFlag.AlignLeft, footer)
        p.end()


def _point(lon: float, lat: float):
    from shapely.geometry import Point
    return Point(lon, lat)
