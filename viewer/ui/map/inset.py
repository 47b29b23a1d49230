"""Regional inset (in the viewport's pixels, where the furniture's layout puts it: a corner clear of the disputed
ground): where the battlefield lies between Mongolia, Manchukuo and the USSR. Never changes with the instant, so
it is painted once per size and language and blitted."""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtGui
from shapely.geometry import box

from ...core.geometry import EqualAreaProjection
from ...core.placement import Rect
from ..i18n import translate
from ..style import INK, LAKE, MODERN, PAPER, RIVER, colour, font
from .base import country_name, path_of
from .layer import MapContext, MapLayer, device_ratio, rect_of
from .pixmaps import pixmap_painter, without_engine

# Label points chosen for legibility; the 1939 state names are labels, the borders drawn are modern.
COUNTRY_LABELS = (("mongolia", 109.5, 46.3), ("ussr", 108.5, 52.9), ("manchukuo", 123.0, 46.0))
SIZE = (330, 230)  # at scale 1


def town_name(name: str) -> str:
    """Natural Earth's English names of the inset's towns, in the interface language (others as the data spells them)."""
    return {
        "Hailar": translate("Inset", "Hailar"),
        "Chita": translate("Inset", "Chita"),
        "Ulaanbaatar": translate("Inset", "Ulaanbaatar"),
    }.get(name, name)


class InsetLayer(MapLayer):
    name = "inset"
    z = 101.0
    toggle = "inset"
    on_screen = True
    watches = frozenset({"language", "naming"})

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        sc, r = ctx.scenario, ctx.scenario.region
        self.proj = EqualAreaProjection((r.west + r.east) / 2, (r.south + r.north) / 2)
        proj = self.proj.geometry
        self._frame = proj(box(r.west, r.south, r.east, r.north).segmentize(0.5))
        self._countries = [proj(f.geometry) for f in sc.layers["region-countries"]]
        self._rivers = [proj(f.geometry) for f in sc.layers["region-rivers"]]
        self._lakes = [proj(f.geometry) for f in sc.layers["region-lakes"]]
        # Which towns: region-places features marked "inset": true, and the content's places marked inset (data, not code).
        self._towns = [
            (str(f.properties.get("name", "")), self.proj.point(*f.geometry.coords[0]))
            for f in sc.layers["region-places"]
            if f.properties.get("inset") is True and f.geometry.geom_type == "Point"
        ]
        self._places = [(p.id, self.proj.point(p.lon, p.lat)) for p in sc.places.values() if p.inset]
        b = sc.battlefield
        self._box = proj(box(b.west, b.south, b.east, b.north).exterior)
        self._size = (float(SIZE[0]), float(SIZE[1]))
        self._viewport = (0.0, 0.0)
        self._cache: tuple[tuple, QtGui.QPixmap] | None = None
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)

    def resized(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._size = (float(round(SIZE[0] * self.scale)), float(round(SIZE[1] * self.scale)))
        self._viewport = (width, height)

    @property
    def box_size(self) -> tuple[float, float]:
        return self._size

    def frame(self) -> QtCore.QRectF:
        """Where the inset is drawn now (viewport pixels): the furniture's layout decides."""
        furniture = next((layer for layer in self.ctx.layers if layer.name == "furniture"), None)
        where = furniture.where("inset") if furniture is not None else None
        if where is not None:
            return where
        margin = 12 * self.scale  # alone (a test, a map without furniture): bottom right
        return QtCore.QRectF(self._viewport[0] - self._size[0] - margin, self._viewport[1] - self._size[1] - margin, *self._size)

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(0, 0, *self._viewport)

    def obstacles(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        return [rect_of(self.to_device(scene_to_device).mapRect(self.frame()))]

    def paint(self, p: QtGui.QPainter, *args) -> None:
        dpr = device_ratio(p)
        key = (self._size, self.scale, dpr, self.state.language, self.state.naming)
        if self._cache is None or self._cache[0] != key:
            pm = QtGui.QPixmap(round(self._size[0] * dpr), round(self._size[1] * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(QtCore.Qt.GlobalColor.transparent)
            self._draw(pixmap_painter(pm))
            self._cache = key, without_engine(pm)
        p.drawPixmap(self.frame().topLeft(), self._cache[1])

    def _draw(self, p: QtGui.QPainter) -> None:
        """Drawn at the UI scale like the rest of the map (lines, dots, gaps and type): a 4K inset is the 1080p
        one scaled up."""
        s = self.scale
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        whole = QtCore.QRectF(0, 0, *self._size)
        footer_h = round(16 * s)
        area = whole.adjusted(2 * s, 2 * s, -2 * s, -2 * s - footer_h)  # the footer has its own band: never over the outlines
        p.fillRect(whole, colour("#FFFFFF", 0.92))
        p.setPen(QtGui.QPen(colour(INK), 1.5 * s))
        p.drawRect(whole.adjusted(0.75 * s, 0.75 * s, -0.75 * s, -0.75 * s))  # the frame's stroke inside the box
        x0, y0, x1, y1 = self._frame.bounds
        k = min((area.width() - 4 * s) / (x1 - x0), (area.height() - 4 * s) / (y1 - y0))
        t = QtGui.QTransform()
        t.translate(area.center().x(), area.center().y())
        t.scale(k, -k)
        t.translate(-(x0 + x1) / 2, -(y0 + y1) / 2)
        p.setClipRect(area)
        p.setTransform(t)
        pen = QtGui.QPen(colour(MODERN), s)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(colour(PAPER))
        for g in self._countries:
            p.drawPath(path_of(g))
        p.setBrush(colour(LAKE))
        for g in self._lakes:
            p.drawPath(path_of(g))
        river = QtGui.QPen(colour(RIVER, 0.8), s)
        river.setCosmetic(True)
        p.setPen(river)
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        for g in self._rivers:
            p.drawPath(path_of(g))
        red = QtGui.QPen(colour("#C0392B"), 2.5 * s)
        red.setCosmetic(True)
        p.setPen(red)
        p.drawPath(path_of(self._box))
        p.resetTransform()
        p.setFont(font(13 * self.scale, bold=True))
        p.setPen(colour("#6B6355"))
        for key, lon, lat in COUNTRY_LABELS:
            pt = t.map(QtCore.QPointF(*self.proj.point(lon, lat)))
            text = country_name(key)
            w, h = p.fontMetrics().horizontalAdvance(text) + 4 * s, p.fontMetrics().height()
            x = min(max(pt.x() - w / 2, 4 * s), area.right() - 2 * s - w)  # a longer name slides inward, never off the edge
            p.drawText(QtCore.QRectF(x, pt.y() - h / 2, w, h), QtCore.Qt.AlignmentFlag.AlignCenter, text)  # as tall as the type
        p.setFont(font(12 * self.scale))
        p.setPen(colour(INK))
        places = self.ctx.scenario.places
        # A content place's name goes west of its dot (e.g. Tamsag Bulak: the battlefield's red box is east of it).
        labels = [(town_name(n), xy, False) for n, xy in self._towns] + [
            (places[pid].label(self.state.language, self.state.naming), xy, True) for pid, xy in self._places
        ]
        for name, xy, west in labels:
            pt = t.map(QtCore.QPointF(*xy))
            p.setBrush(colour(INK))
            p.drawEllipse(pt, 2.5 * s, 2.5 * s)
            width = p.fontMetrics().horizontalAdvance(name)
            right_room = area.right() - 4 * s - pt.x()  # a long name goes to the left of its dot rather than off the edge
            left = west or width + 4 * s > right_room
            p.drawText(pt + QtCore.QPointF(-4 * s - width if left else 4 * s, (4 if west else -3) * s), name)
        p.setClipping(False)
        p.setFont(font(11 * self.scale, italic=True))
        p.setPen(colour(MODERN))
        footer = p.fontMetrics().elidedText(
            translate("Inset", "modern borders, 1939 names; red box: map area"),
            QtCore.Qt.TextElideMode.ElideRight,
            self._size[0] - 12 * s,
        )
        p.drawText(
            whole.adjusted(6 * s, 0, -6 * s, -3 * s),
            QtCore.Qt.AlignmentFlag.AlignBottom | QtCore.Qt.AlignmentFlag.AlignLeft,
            footer,
        )
        p.end()
