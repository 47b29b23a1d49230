"""Fixed furniture over the map, in the viewport's pixels: the legend, the scale bar in km and the north arrow;
and where every overlay goes (the inset's place too). Paints only; clicks pass through to the map. Labels keep
out of it.

The legend is collected from the layers (`MapLayer.legend`): one row per kind of mark on screen now, so it
explains every mark the map can show and lists exactly those in view. The overlays go to the corners or edge
middles that cover least of the disputed ground, then least of the units (`placement.place_overlays`), so no
legend or inset hides the battlefield when the map has empty ground to put them on.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui
from shapely.geometry import box as shapely_box
from shapely.geometry.base import BaseGeometry

from ...core.placement import Rect, place_overlays
from ...core.view_state import FIELDS
from ..i18n import translate
from ..style import INK, colour, font
from .layer import LegendEntry, MapContext, MapLayer, device_ratio, qrect, rect_of

NICE_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500)
STRIPS = 120  # the disputed ground is measured in this many horizontal strips
PAINT_ORDER = ("scale", "north", "legend")  # the parts painted (the inset paints itself), a later one above


class FurnitureLayer(MapLayer):
    name = "furniture"
    z = 100.0
    on_screen = True
    watches = frozenset({"language", "instant", "layers", "selected_unit", "highlighted_place", "naming", "step"})

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        self._size = (0.0, 0.0)
        self._legend_here = True  # a window whose side panel shows the legend turns this off (MainWindow.set_mode)
        self._legend_fit = 1.0  # the on-map legend's size against the map's scale, set by `layout` (`_fit_legend`)
        self._cache: tuple[tuple, dict[str, tuple[QtGui.QPixmap, QtCore.QPointF]], dict[str, QtCore.QRectF]] | None = None
        self._strips_km = _strips(ctx.scenario.disputed_ground_km)
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        ctx.view_box.sigRangeChanged.connect(self._range_changed)

    @property
    def legend_on_map(self) -> bool:
        """The legend is drawn on the map in a window without a side panel (a talk, an export), unless the
        "legend" layer is off (a lecturer hides it with L to show the whole map)."""
        return self._legend_here and "legend" in self.state.layers

    @legend_on_map.setter
    def legend_on_map(self, here: bool) -> None:
        self._legend_here = here

    def _range_changed(self, *_args: object) -> None:
        self.update()  # the scale bar follows the zoom, the overlays the disputed ground
        inset = self._inset()
        if inset is not None:
            inset.update()

    def resized(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._size = (width, height)

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(0, 0, *self._size)

    # --- what is shown, and where ---------------------------------------------------------
    def entries(self) -> list[LegendEntry]:
        """The legend's rows: every layer's marks on screen now, one per key, the topmost layers' first (what is
        drawn above reads first: manoeuvres, units, places, then the ground). Kept for the instant and view: a
        frame asks for them more than once (the room the legend takes, then its picture)."""
        layers = [
            layer
            for layer in sorted(self.ctx.layers, key=lambda layer: -layer.zValue())
            if layer is not self and layer.isVisible()
        ]
        s = self.state  # every field: the layers' marks follow any of them (a hovered unit, a highlight...)
        key = (*(getattr(s, field) for field in FIELDS), self.scale, self.ctx.view_box.viewRect().getRect(), tuple(layers))

        def collect() -> list[LegendEntry]:
            seen: dict[str, LegendEntry] = {}
            for layer in layers:
                for entry in layer.legend():
                    seen.setdefault(entry.key, entry)
            return list(seen.values())

        return self.memo("entries", key, collect)

    def _inset(self) -> MapLayer | None:
        inset = next((layer for layer in self.ctx.layers if layer.name == "inset"), None)
        return inset if inset is not None and inset.isVisible() else None

    def _map_to_device(self) -> QtGui.QTransform:
        return self.ctx.view_box.childGroup.sceneTransform() * self.sceneTransform().inverted()[0]

    def keep_clear(self) -> list[Rect]:
        """The disputed ground on screen, as horizontal strips (what no overlay may cover): cut once in km,
        mapped each time the view moves (a glide moves it every frame)."""
        t = self._map_to_device()
        corners = np.column_stack(
            [
                t.m11() * self._strips_km[:, i] + t.m21() * self._strips_km[:, j] + t.dx()
                if axis == "x"
                else t.m12() * self._strips_km[:, i] + t.m22() * self._strips_km[:, j] + t.dy()
                for axis, i, j in (("x", 0, 1), ("y", 0, 1), ("x", 2, 3), ("y", 2, 3))
            ]
        )
        x0, x1 = np.minimum(corners[:, 0], corners[:, 2]), np.maximum(corners[:, 0], corners[:, 2])
        y0, y1 = np.minimum(corners[:, 1], corners[:, 3]), np.maximum(corners[:, 1], corners[:, 3])
        return [(a, b, c - a, d - b) for a, b, c, d in zip(x0, y0, x1, y1, strict=True)]

    def layout(self, entries: list[LegendEntry] | None = None) -> dict[str, QtCore.QRectF]:
        """Where the legend, the inset, the scale bar and the north arrow go now (viewport pixels)."""
        s, inset = self.scale, self._inset()
        parts: dict[str, tuple[float, float]] = {}
        shapes: dict[str, list[tuple[float, float]]] = {}
        self._legend_fit = 1.0
        if self.legend_on_map:
            rows = self.entries() if entries is None else entries
            self._legend_fit = fit = self._fit_legend(rows)
            parts["legend"] = self._legend_size(rows)
            shapes["legend"] = [self.legend_grid(rows, n, fit)[1] for n in range(1, 5)]  # in a crowd, another shape
        if inset is not None:
            parts["inset"] = inset.box_size
        parts["scale"] = (250 * s, 48 * s)
        parts["north"] = (44 * s, 76 * s)
        preferences = {  # the same corners frame after frame, wherever they hide no mark
            "legend": ("bottom-left", "top-right", "bottom-right", "top-left"),
            "inset": ("top-right", "bottom-right", "top-left", "bottom-left"),
            "scale": ("bottom", "bottom-right", "bottom-left"),
            "north": ("top-left", "top", "top-right"),
        }
        rects = place_overlays(
            list(parts.values()),
            self._size,
            self.keep_clear(),
            self._marks(),
            12 * s,
            [preferences[name] for name in parts],
            [shapes.get(name, []) for name in parts],
        )
        return {name: qrect(r) for name, r in zip(parts, rects, strict=True)}

    def _marks(self) -> list[Rect]:
        """The unit symbols and place marks on screen (viewport pixels): what no overlay may hide."""
        t = self._scene_transform()
        layers = [layer for layer in self.ctx.layers if layer.name in ("units", "places") and layer.isVisible()]
        return [r for layer in layers for r in layer.marks(t) if r[2] > 0 and r[3] > 0]  # a river's point is none

    def _scene_transform(self) -> QtGui.QTransform:
        """Scene to this item's (the viewport's) pixels: what the layers' `obstacles` take."""
        return self.sceneTransform().inverted()[0]

    # --- painting -----------------------------------------------------------------------------
    def _drawn(self, dpr: float) -> tuple[dict[str, tuple[QtGui.QPixmap, QtCore.QPointF]], dict[str, QtCore.QRectF]]:
        """The furniture painted once per size, scale, zoom, legend and language, each part in a picture of its
        own (with its pens' overhang) at a whole pixel: a picture of the whole viewport cost more to clear and
        blend than the parts to paint; and where each part is."""
        entries = self.entries() if self.legend_on_map else []  # else the side panel collects them when it paints
        key = (
            self._size,
            self.scale,
            dpr,
            tuple(map(tuple, self.ctx.view_box.viewRange())),
            self.state.language,
            tuple(e.row for e in entries),
            self._inset() is not None,
            self.legend_on_map,
        )
        if self._cache is None or self._cache[0] != key:
            where = self.layout(entries)
            pictures = {}
            for name in PAINT_ORDER:
                if name not in where:
                    continue
                r = where[name].adjusted(-4, -4, 4, 4)
                x0, y0 = math.floor(r.left()), math.floor(r.top())
                w, h = math.ceil(r.right()) - x0, math.ceil(r.bottom()) - y0
                pm = QtGui.QPixmap(max(1, round(w * dpr)), max(1, round(h * dpr)))
                pm.setDevicePixelRatio(dpr)
                pm.fill(QtCore.Qt.GlobalColor.transparent)
                p = QtGui.QPainter(pm)
                p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
                p.translate(-x0, -y0)
                drawn = self._paint_part(p, name, where[name], entries)
                p.end()
                if drawn:
                    pictures[name] = pm, QtCore.QPointF(x0, y0)  # one set, made again as the view moves: no copy
                else:
                    del where[name]
            self._cache = key, pictures, where
        return self._cache[1], self._cache[2]

    def where(self, part: str) -> QtCore.QRectF | None:
        """Where a part (legend, inset, scale, north) was last laid out, in viewport pixels."""
        if self._cache is None:
            self._drawn(1.0)
        return self._cache[2].get(part) if self._cache else None

    def _paint_parts(self, p: QtGui.QPainter, where: dict[str, QtCore.QRectF], entries: list) -> None:
        """Scale bar, north arrow and (on the map) the legend into their frames; a scale bar that cannot be
        drawn gives its frame up."""
        for name in PAINT_ORDER:
            if name in where and not self._paint_part(p, name, where[name], entries):
                del where[name]

    def _paint_part(self, p: QtGui.QPainter, name: str, frame: QtCore.QRectF, entries: list) -> bool:
        """One part into its frame; False if it cannot be drawn (a scale bar without a scale)."""
        if name == "scale":
            return self._scale_bar(p, frame)
        if name == "north":
            self._north_arrow(p, frame)
        elif name == "legend":
            self._legend(p, frame, entries)
        return True

    def paint(self, p: QtGui.QPainter, *args) -> None:
        """Blit the parts' pictures. An SVG or PDF export gets them as vectors."""
        if p.paintEngine().type() != QtGui.QPaintEngine.Type.Raster:
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            entries = self.entries() if self.legend_on_map else []
            self._paint_parts(p, self.layout(entries), entries)
            return
        for pm, corner in self._drawn(device_ratio(p))[0].values():
            p.drawPixmap(corner, pm)

    def obstacles(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        t, dpr = self.to_device(scene_to_device), self._cache[0][2] if self._cache else 1.0  # parts lie alike at any ratio
        return [rect_of(t.mapRect(r)) for name, r in self._drawn(dpr)[1].items() if name != "inset"]

    def _scale_bar(self, p: QtGui.QPainter, frame: QtCore.QRectF) -> bool:
        km_per_px = self.ctx.view_box.viewPixelSize()[0]
        if not km_per_px or not math.isfinite(km_per_px):
            return False
        s = self.scale
        target = 160 * s * km_per_px
        km = max((k for k in NICE_KM if k <= target), default=NICE_KM[0])
        length = km / km_per_px
        x, y = frame.left() + 10 * s, frame.bottom() - 18 * s
        frame = QtCore.QRectF(frame.left(), frame.top(), length + 70 * s, frame.height())
        p.fillRect(frame, colour("#FFFFFF", 0.75))
        p.setPen(QtGui.QPen(colour(INK), 3 * s))
        p.drawLine(QtCore.QPointF(x, y), QtCore.QPointF(x + length, y))
        for xx in (x, x + length / 2, x + length):
            p.drawLine(QtCore.QPointF(xx, y - 7 * s), QtCore.QPointF(xx, y + s))
        p.setFont(font(16 * s, bold=True))
        p.drawText(QtCore.QPointF(x, y - 12 * s), "0")
        p.drawText(QtCore.QPointF(x + length - 8 * s, y - 12 * s), translate("Map", "%1 km").replace("%1", str(km)))
        return True

    def _north_arrow(self, p: QtGui.QPainter, frame: QtCore.QRectF) -> None:
        s = self.scale
        c = QtCore.QPointF(frame.center().x(), frame.top() + 32 * s)
        path = QtGui.QPainterPath()
        path.moveTo(c + QtCore.QPointF(0, -30 * s))
        path.lineTo(c + QtCore.QPointF(13 * s, 16 * s))
        path.lineTo(c + QtCore.QPointF(0, 8 * s))
        path.lineTo(c + QtCore.QPointF(-13 * s, 16 * s))
        path.closeSubpath()
        p.setPen(QtGui.QPen(colour(INK), 1.5 * s))
        p.setBrush(colour(INK))
        p.drawPath(path)
        p.setFont(font(18 * s, bold=True))
        p.drawText(
            QtCore.QRectF(c.x() - 20 * s, c.y() + 16 * s, 40 * s, 26 * s),
            QtCore.Qt.AlignmentFlag.AlignCenter,
            translate("Map", "N", "north arrow"),
        )

    # --- the legend ---------------------------------------------------------------------------
    def _fit_legend(self, entries: list[LegendEntry]) -> float:
        """How much smaller (down to 70 %) the on-map legend is set where even one column of its rows is taller than
        the map: in more columns it can only lie across the battlefield (Russian, 24 August at 1600x900: 46 rows,
        the abbreviations' among them, made a band over the whole north of the map). Never below the smallest
        font (9 px): its rows would overlap. The side panel's legend is always at 1."""
        room, fit = self._size[1] - 2 * 12 * self.scale, 1.0  # as place_overlays fits a shape
        for fit in (1.0, 0.9, 0.8, 0.7):
            if 13 * self.scale * fit < 9 or self.legend_grid(entries, 1, fit)[1][1] <= room:
                break
        return max(fit, min(1.0, 9 / (13 * self.scale)))

    def _legend_metrics(self, fit: float = 1.0) -> tuple[QtGui.QFont, float, float, float]:
        """Font, row height, swatch width and padding of the legend at the current scale, `fit` times smaller."""
        s = self.scale * fit
        return font(13 * s), 21 * s, 36 * s, 8 * s

    def legend_grid(
        self, entries: list[LegendEntry], columns: int, fit: float = 1.0
    ) -> tuple[list[list[LegendEntry]], tuple[float, float]]:
        """The rows in `columns` columns (top to bottom, then left to right), and the legend's size."""
        f, row_h, swatch_w, pad = self._legend_metrics(fit)
        if not entries:
            return [], (0.0, 0.0)
        per = math.ceil(len(entries) / max(1, columns))
        cols = [entries[i : i + per] for i in range(0, len(entries), per)]
        width = sum(max(_advance(f, e.text) for e in col) + swatch_w + 3 * pad for col in cols) + pad
        return cols, (width, max(len(col) for col in cols) * row_h + 2 * pad)

    def legend_for_width(self, entries: list[LegendEntry], width: float) -> tuple[list[list[LegendEntry]], tuple[float, float]]:
        """The shortest legend no wider than `width` (one column if even that is wider)."""
        best = self.legend_grid(entries, 1)
        for n in range(2, 5):
            grid = self.legend_grid(entries, n)
            if grid[1][0] > width:
                break
            best = grid
        return best

    def _legend_size(self, entries: list[LegendEntry]) -> tuple[float, float]:
        if not self.legend_on_map:
            return (0.0, 0.0)
        _, row_h, _, pad = self._legend_metrics(self._legend_fit)
        rows = max(1, int((self._size[1] * 0.5 - 2 * pad) // row_h))
        return self.legend_grid(entries, math.ceil(len(entries) / rows), self._legend_fit)[1]

    def _legend(self, p: QtGui.QPainter, box: QtCore.QRectF, entries: list[LegendEntry]) -> None:
        if not self.legend_on_map or not entries:
            return
        grids = [self.legend_grid(entries, n, self._legend_fit) for n in range(1, 5)]  # the one of the width laid out
        columns = min(grids, key=lambda g: abs(g[1][0] - box.width()) + abs(g[1][1] - box.height()))[0]
        p.setPen(QtGui.QPen(colour(INK), self.scale))
        p.setBrush(colour("#FFFFFF"))  # opaque: a mark showing through the legend would be a mark it does not explain
        p.drawRect(box)
        self.paint_legend(p, box.topLeft(), columns, self._legend_fit)

    def paint_legend(self, p: QtGui.QPainter, origin: QtCore.QPointF, columns: list[list[LegendEntry]], fit: float = 1.0) -> None:
        """Paint legend rows (from `legend_grid`, at the same `fit`) with their top left corner at `origin`: on
        the map, or in the side panel's legend."""
        f, row_h, swatch_w, pad = self._legend_metrics(fit)
        fm = QtGui.QFontMetricsF(f)
        x = origin.x() + pad
        for col in columns:
            y = origin.y() + pad
            for entry in col:
                p.save()
                p.setClipRect(QtCore.QRectF(x, y, swatch_w, row_h))  # a swatch stays in its own row
                entry.swatch(p, QtCore.QRectF(x, y + 2, swatch_w, row_h - 4))
                p.restore()
                p.setFont(f)
                p.setPen(colour(INK))
                p.drawText(QtCore.QPointF(x + swatch_w + pad, y + (row_h + fm.ascent() - fm.descent()) / 2), entry.text)
                y += row_h
            x += max(_advance(f, e.text) for e in col) + swatch_w + 3 * pad


@lru_cache(maxsize=1024)
def _advance(f: QtGui.QFont, text: str) -> float:
    """How wide a legend row's text is: a layout tries the legend in four shapes, each measuring every row."""
    return QtGui.QFontMetricsF(f).horizontalAdvance(text)


def _strips(ground: BaseGeometry) -> np.ndarray:
    """The ground cut into STRIPS horizontal strips, each as its bounding box (x0, y0, x1, y1) in km."""
    x0, y0, x1, y1 = ground.bounds
    edges = np.linspace(y0, y1, STRIPS + 1)
    out = []
    for lo, hi in itertools.pairwise(edges):
        part = ground.intersection(shapely_box(x0, lo, x1, hi))
        if not part.is_empty:
            out.append(part.bounds)
    return np.array(out, dtype=float).reshape(-1, 4)
