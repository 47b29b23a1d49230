"""Units, places and every map label, painted in one item so labels can be kept apart.

Symbols and text have a fixed size in pixels whatever the zoom, so the item paints in device
coordinates: it maps each anchor through the view transform, then places labels greedily (units,
then claims, then places), skipping a label rather than letting it overlap another.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Callable

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtGui

from ..core.language import format_number, tr
from ..core.model import SIDES, STATES, Scenario
from ..core.motion import MAX_GAP_MIN, MotionModel, Positions
from .i18n import translate
from .style import CLAIM_COLOURS, HEIGHT, INK, MODERN, RIVER, SIDE_COLOURS, colour, font
from .symbols import arrow_path, symbol_pixmap, symbol_size

try:  # pyqtgraph's batched-primitive helper (what its ScatterPlotItem uses); optional, with a slow fallback
    from pyqtgraph.Qt.internals import PrimitiveArray as _PrimitiveArray
except ImportError:  # pragma: no cover - depends on the pyqtgraph version
    _PrimitiveArray = None
HALO_CACHE_MAX_PX = 400
HALO_CROWD_MAX = 500  # beyond this many units on screen, uncertainty is a badge on the symbol, not a disc
DETAIL_MAX = 60  # up to this many units on screen: names, arrows, trails, decluttering; beyond it, a crowd


def claim_label(claimant: str) -> str:
    return {"manchukuo": translate("Map", "Border claimed by Manchukuo and Japan: the river"),
            "mongolia": translate("Map", "Border claimed by Mongolia and the USSR")}[claimant]


@dataclass
class _Label:
    text: str
    anchor: QtCore.QPointF  # device pixels
    gap: float  # distance kept from the anchor
    font: QtGui.QFont
    pen: QtGui.QColor


class MarksItem(pg.GraphicsObject):
    sigUnitClicked = QtCore.Signal(str)
    sigPlaceClicked = QtCore.Signal(str)

    def __init__(self, scenario: Scenario, motion: MotionModel, scale: float = 1.0):
        super().__init__()
        self.scenario = scenario
        self.motion = motion
        self.scale = scale
        self.lang = "en"
        self.naming = "soviet"
        self.positions: Positions | None = None
        self.at: datetime | None = None
        self.highlight_place: str | None = None
        self.selected_unit: str | None = None
        self.show_trails = True
        self.show_halos = True
        self.reserved: Callable[[], list[QtCore.QRectF]] = list  # screen areas covered by map furniture
        self._hit_k = np.zeros(0, dtype=int)
        self._hit_x = self._hit_y = np.zeros(0)
        self._kinds = sorted({(u.side, u.branch, u.echelon) for u in motion.units})
        kind_index = {kind: i for i, kind in enumerate(self._kinds)}
        self._kind = np.array([kind_index[(u.side, u.branch, u.echelon)] for u in motion.units], dtype=int)
        self._side = np.array([SIDES.index(u.side) for u in motion.units], dtype=int)
        self._to_device = QtGui.QTransform()
        self._place_hits: list[tuple[float, float, str]] = []
        self._places = [p for p in scenario.places.values() if scenario.battlefield.contains(p.lon, p.lat) or p.kind in ("command post",)]
        self._claim_anchors = [(c.claimant, _label_anchor(c)) for c in scenario.claims]
        ground = scenario.disputed_ground_km.representative_point()
        self._ground_anchor = (ground.x, ground.y)
        self._bounds = QtCore.QRectF(-2000, -2000, 4000, 4000)
        self.setZValue(10)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.update()

    def set_language(self, lang: str, naming: str) -> None:
        self.lang, self.naming = lang, naming
        self.update()

    def set_positions(self, positions: Positions, at: datetime) -> None:
        self.positions, self.at = positions, at
        self.update()

    def set_highlight(self, place_id: str | None) -> None:
        self.highlight_place = place_id
        self.update()

    def set_selected(self, unit_id: str | None) -> None:
        self.selected_unit = unit_id
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        return self._bounds

    def dataBounds(self, axis, frac=1.0, orthoRange=None):  # keep out of auto-range
        return None

    # --- painting ----------------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, *args) -> None:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        to_device = self._to_device = p.transform()
        px_per_km = math.hypot(to_device.m11(), to_device.m12())
        self._view_device = to_device.mapRect(self.viewRect()) if self.viewRect() is not None else QtCore.QRectF(p.viewport())
        visible = self._visible_units()
        dpr = p.device().devicePixelRatioF() if p.device() else 1.0
        xs, ys = self._device_xy(to_device, visible)
        self._paint_uncertainty(p, visible, xs, ys, px_per_km, dpr)
        p.resetTransform()
        occupied: list[QtCore.QRectF] = []
        labels: list[_Label] = []
        self._place_hits = []
        for place in self._places:
            pt = to_device.map(QtCore.QPointF(place.x, place.y))
            occupied.append(self._paint_place(p, place, pt))
            self._place_hits.append((pt.x(), pt.y(), place.id))
            hill, river = place.kind == "hill", place.kind == "river"
            name = place.label(self.lang, self.naming)
            if place.modern:
                name = translate("Map", "%1 (modern)").replace("%1", name)
            labels.append(_Label(name, pt, 0 if river else 8 * self.scale,
                                 font((17 if river else 15) * self.scale, italic=hill or river,
                                      bold=place.id == self.highlight_place or river),
                                 colour(RIVER).darker(135) if river else colour(MODERN if place.modern else HEIGHT if hill else INK)))
        unit_labels: list[_Label] = []
        if len(visible) <= DETAIL_MAX:
            unit_labels = self._paint_detailed(p, visible, xs, ys, occupied, dpr)
        else:  # a crowd: batched blits, no per-unit Python work, no names
            self._paint_crowd(p, visible, xs, ys, dpr)
        claims = []
        for claimant, anchor in self._claim_anchors:
            pt = to_device.map(QtCore.QPointF(anchor.x, anchor.y))
            claims.append(_Label(claim_label(claimant), pt, 6 * self.scale, font(15 * self.scale, bold=True),
                                 colour(CLAIM_COLOURS[claimant]).darker(125)))
        ground = to_device.map(QtCore.QPointF(*self._ground_anchor))
        area = format_number(self.scenario.disputed_area_km2, self.lang)
        claims.append(_Label(translate("Map", "Disputed ground ≈ %1 km²").replace("%1", area), ground, 0,
                             font(16 * self.scale, bold=True), colour("#8A5A00")))
        selected = [lb for lb, k in zip(unit_labels, visible) if self.motion.units[k].id == self.selected_unit]
        self._place_labels(p, selected + unit_labels + claims + labels, occupied)

    def _device_xy(self, to_device: QtGui.QTransform, visible: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Screen positions of the visible units, all at once."""
        x, y = self.positions.x[visible], self.positions.y[visible]
        t = to_device
        xs = t.m11() * x + t.m21() * y + t.dx()
        ys = t.m12() * x + t.m22() * y + t.dy()
        self._hit_k, self._hit_x, self._hit_y = np.asarray(visible, dtype=int), xs, ys
        return xs, ys

    def _paint_detailed(self, p: QtGui.QPainter, visible: list[int], xs: np.ndarray, ys: np.ndarray,
                        occupied: list[QtCore.QRectF], dpr: float) -> list[_Label]:
        """Few units: declutter, arrows, leader lines and a name for each."""
        labels = []
        true_pts = [QtCore.QPointF(x, y) for x, y in zip(xs, ys)]
        shown_pts = declutter(true_pts, symbol_size(self.scale), 4 * self.scale)
        self._hit_x = np.array([q.x() for q in shown_pts])
        self._hit_y = np.array([q.y() for q in shown_pts])
        for k, true_pt, pt in zip(visible, true_pts, shown_pts):
            unit = self.motion.units[k]
            if (pt - true_pt).manhattanLength() > 3:
                p.setPen(QtGui.QPen(colour(INK, 0.6), 1.2))
                p.drawLine(true_pt, pt)
                p.setBrush(colour(INK))
                p.drawEllipse(true_pt, 2.5, 2.5)
            occupied.append(self._paint_unit(p, k, pt, dpr))
            labels.append(_Label(tr(unit.short, self.lang) + (" ≈" if self.positions.radius_km[k] > 0 else ""), pt,
                                 symbol_size(self.scale).width() / 2 + 4 * self.scale, font(16 * self.scale, bold=True),
                                 colour(SIDE_COLOURS[unit.side]).darker(130)))
        return labels

    def _paint_crowd(self, p: QtGui.QPainter, visible: list[int], xs: np.ndarray, ys: np.ndarray, dpr: float) -> None:
        vis = np.asarray(visible, dtype=int)
        atlas, rects = self._symbol_atlas(dpr)
        keys = self._kind[vis] * len(STATES) + self.positions.state[vis]
        if len(visible) > HALO_CROWD_MAX or not self.show_halos:
            keys = keys * 2 + (self.positions.radius_km[vis] > 0)  # the badged variant marks approximate units
        else:
            keys = keys * 2
        blit_many(p, atlas, xs, ys, dpr, rects[keys])

    def _symbol_atlas(self, dpr: float) -> tuple[QtGui.QPixmap, np.ndarray]:
        """Every symbol this scenario can show, in one pixmap, so a crowd is drawn in a single call."""
        key = (round(self.scale, 2), dpr)
        if getattr(self, "_atlas_key", None) != key:
            pms = [symbol_pixmap(side, branch, echelon, state, key[0], dpr, badge)
                   for side, branch, echelon in self._kinds for state in STATES for badge in (False, True)]
            w, h = pms[0].width(), pms[0].height()
            cols = max(1, min(len(pms), 4096 // w))
            rows = -(-len(pms) // cols)
            atlas = QtGui.QPixmap(cols * w, rows * h)
            atlas.fill(QtCore.Qt.GlobalColor.transparent)
            q = QtGui.QPainter(atlas)
            rects = np.zeros((len(pms), 4))
            for i, pm in enumerate(pms):
                x, y = (i % cols) * w, (i // cols) * h
                pm_plain = QtGui.QPixmap(pm)
                pm_plain.setDevicePixelRatio(1.0)
                q.drawPixmap(x, y, pm_plain)
                rects[i] = (x, y, w, h)
            q.end()
            atlas.setDevicePixelRatio(dpr)
            self._atlas, self._atlas_rects, self._atlas_key = atlas, rects, key
        return self._atlas, self._atlas_rects

    def unit_screen_point(self, unit_id: str) -> QtCore.QPointF | None:
        """Where the last paint drew a unit's symbol (device pixels of the view), or None if it was not drawn."""
        k = self.motion.index(unit_id)
        where = np.flatnonzero(self._hit_k == k)
        return QtCore.QPointF(self._hit_x[where[0]], self._hit_y[where[0]]) if len(where) else None

    def _visible_units(self) -> list[int]:
        if self.positions is None:
            return []
        return [int(k) for k in np.flatnonzero(self.positions.present)]

    def _paint_uncertainty(self, p: QtGui.QPainter, visible: list[int], xs: np.ndarray, ys: np.ndarray,
                           px_per_km: float, dpr: float) -> None:
        """Trails in map coordinates, then each uncertainty disc as a cached pixmap in device pixels."""
        pos = self.positions
        if self.show_trails and len(visible) <= DETAIL_MAX:
            for k in visible:
                self._paint_trail(p, k, colour(SIDE_COLOURS[self.motion.units[k].side]))
        if not self.show_halos:
            return
        p.save()
        p.resetTransform()
        if len(visible) > HALO_CROWD_MAX:
            p.restore()
            return  # too many discs to read or to blend in a frame; the symbols carry a "≈" badge instead
        if len(visible) > DETAIL_MAX:
            vis = np.asarray(visible, dtype=int)
            r_px = (2 * np.round(pos.radius_km[vis] * px_per_km / 2)).astype(int)
            keys = self._side[vis] * 100_000 + np.minimum(r_px, HALO_CACHE_MAX_PX)
            for key in np.unique(keys[r_px >= 2]):
                pick = keys == key
                pm = halo_pixmap(SIDES[key // 100_000], int(key % 100_000), round(1.3 * self.scale, 1), dpr)
                blit_many(p, pm, xs[pick], ys[pick], dpr)
            p.restore()
            return
        for k, x, y in zip(visible, xs, ys):
            r_px = float(pos.radius_km[k]) * px_per_km
            if r_px < 2:
                continue
            side = self.motion.units[k].side
            c = QtCore.QPointF(x, y)
            if r_px > HALO_CACHE_MAX_PX:  # zoomed far in: a pixmap this big would cost more than it saves
                p.setPen(QtGui.QPen(colour(SIDE_COLOURS[side], 0.55), 1.3 * self.scale, QtCore.Qt.PenStyle.DashLine))
                p.setBrush(colour(SIDE_COLOURS[side], 0.10))
                p.drawEllipse(c, r_px, r_px)
                continue
            pm = halo_pixmap(side, 2 * round(r_px / 2), round(1.3 * self.scale, 1), dpr)
            p.drawPixmap(QtCore.QPointF(c.x() - pm.width() / dpr / 2, c.y() - pm.height() / dpr / 2), pm)
        p.restore()

    def _paint_trail(self, p: QtGui.QPainter, k: int, side: QtGui.QColor) -> None:
        """A fading line from the previous dated fix to where the unit is now."""
        track = self.motion.units[k].track
        i = int(self.positions.fix_index[k])
        prev = track[i - 1] if self.positions.at_fix[k] and i > 0 else track[i]
        if (prev.x, prev.y) == (self.positions.x[k], self.positions.y[k]) or (self.at - prev.at).days > 3:
            return
        pen = QtGui.QPen(colour(side.name(), 0.35), 2.0 * self.scale)
        pen.setCosmetic(True)
        p.setPen(pen)
        p.drawLine(QtCore.QPointF(prev.x, prev.y), QtCore.QPointF(self.positions.x[k], self.positions.y[k]))

    def _paint_place(self, p: QtGui.QPainter, place, pt: QtCore.QPointF) -> QtCore.QRectF:
        s = 7 * self.scale
        p.setPen(QtGui.QPen(colour(INK), 1.2))
        if place.kind == "river":  # a river's name is its mark: the label sits on the water
            return QtCore.QRectF(pt.x(), pt.y(), 0, 0)
        if place.kind == "hill":
            p.setBrush(colour(HEIGHT))
            p.drawPolygon(QtGui.QPolygonF([pt + QtCore.QPointF(0, -s), pt + QtCore.QPointF(s, s * 0.7), pt + QtCore.QPointF(-s, s * 0.7)]))
        elif place.kind == "bridge":
            p.setBrush(colour("#FFFFFF"))
            p.drawRect(QtCore.QRectF(pt.x() - s, pt.y() - s / 2, 2 * s, s))
        elif place.kind == "command post":
            p.setBrush(colour("#FFFFFF"))
            p.drawEllipse(pt, s * 0.8, s * 0.8)
            p.drawLine(pt, pt + QtCore.QPointF(0, -2.4 * s))
        else:
            p.setBrush(colour(MODERN if place.modern else INK))
            p.drawEllipse(pt, s * 0.5, s * 0.5)
        if place.id == self.highlight_place:
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.setPen(QtGui.QPen(colour("#E4572E"), 4 * self.scale))
            p.drawEllipse(pt, 22 * self.scale, 22 * self.scale)
        return QtCore.QRectF(pt.x() - s, pt.y() - s, 2 * s, 2 * s)

    def _paint_unit(self, p: QtGui.QPainter, k: int, pt: QtCore.QPointF, dpr: float) -> QtCore.QRectF:
        unit = self.motion.units[k]
        state = STATES[int(self.positions.state[k])]
        if state in ("attacking", "retreating"):
            self._paint_arrow(p, k, pt, state)
        pm = symbol_pixmap(unit.side, unit.branch, unit.echelon, state, round(self.scale, 2), dpr)
        w, h = pm.width() / dpr, pm.height() / dpr
        p.drawPixmap(QtCore.QPointF(pt.x() - w / 2, pt.y() - h / 2), pm)
        if unit.id == self.selected_unit:
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.setPen(QtGui.QPen(colour("#FFD23F"), 4 * self.scale))
            p.drawRect(QtCore.QRectF(pt.x() - w / 2 - 3, pt.y() - h / 2 - 3, w + 6, h + 6))
        return QtCore.QRectF(pt.x() - w / 2, pt.y() - h / 2, w, h)

    def _paint_arrow(self, p: QtGui.QPainter, k: int, pt: QtCore.QPointF, state: str) -> None:
        """Point along the unit's move: to its next fix, or from its previous one, if either is near in time."""
        track = self.motion.units[k].track
        i = int(self.positions.fix_index[k])
        near = MAX_GAP_MIN * 60  # seconds
        if i + 1 < len(track) and (track[i + 1].at - track[i].at).total_seconds() <= near:
            a, b = track[i], track[i + 1]
        elif i > 0 and (track[i].at - track[i - 1].at).total_seconds() <= near:
            a, b = track[i - 1], track[i]
        else:
            return
        dx, dy = b.x - a.x, b.y - a.y
        if dx == dy == 0:
            return
        angle = -math.degrees(math.atan2(dy, dx))  # screen y points down
        p.save()
        p.translate(pt)
        p.rotate(angle)
        path = arrow_path(46 * self.scale, 16 * self.scale)
        side = colour(SIDE_COLOURS[self.motion.units[k].side])
        if state == "attacking":
            p.setPen(QtGui.QPen(colour(INK), 1.2))
            p.setBrush(side)
        else:
            p.setPen(QtGui.QPen(side, 2.2 * self.scale))
            p.setBrush(colour("#FFFFFF", 0.7))
        p.translate(14 * self.scale, 0)
        p.drawPath(path)
        p.restore()

    def _place_labels(self, p: QtGui.QPainter, labels: list[_Label], occupied: list[QtCore.QRectF]) -> None:
        grid = _Occupancy()
        for rect in occupied + self.reserved():
            grid.add(rect)
        view = self._view_device
        dpr = p.device().devicePixelRatioF() if p.device() else 1.0
        for lb in labels:
            pm = label_pixmap(lb.text, lb.font.toString(), lb.pen.rgba(), round(4 * self.scale), dpr)
            w, h = pm.width() / dpr, pm.height() / dpr
            a, g = lb.anchor, lb.gap
            up, down = a.y() - g - h - 8 * self.scale, a.y() + g + 6 * self.scale
            for rect in (QtCore.QRectF(a.x() + g, a.y() - h / 2, w, h), QtCore.QRectF(a.x() - g - w, a.y() - h / 2, w, h),
                         QtCore.QRectF(a.x() - w / 2, up, w, h), QtCore.QRectF(a.x() - w / 2, down, w, h),
                         QtCore.QRectF(a.x() + g, up + h / 2, w, h), QtCore.QRectF(a.x() - g - w, up + h / 2, w, h),
                         QtCore.QRectF(a.x() + g, down - h / 2, w, h), QtCore.QRectF(a.x() - g - w, down - h / 2, w, h)):
                if view.contains(rect) and not grid.hits(rect.adjusted(3, 3, -3, -3)):
                    break
            else:
                continue
            grid.add(rect.adjusted(2, 2, -2, -2))
            p.drawPixmap(rect.topLeft(), pm)

    # --- clicks ------------------------------------------------------------------------
    def mouseClickEvent(self, ev) -> None:
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        pt = self._to_device.map(ev.pos())  # the transform of the last paint, when the hits were recorded
        reach = max(symbol_size(self.scale).width() * 0.7, 24)
        if len(self._hit_k):
            d = np.hypot(self._hit_x - pt.x(), self._hit_y - pt.y())
            best = int(np.argmin(d))
            if d[best] <= reach:
                self.sigUnitClicked.emit(self.motion.units[int(self._hit_k[best])].id)
                ev.accept()
                return
        near = min(self._place_hits, key=lambda h: math.hypot(h[0] - pt.x(), h[1] - pt.y()), default=None)
        if near and math.hypot(near[0] - pt.x(), near[1] - pt.y()) <= 20 * self.scale:
            self.sigPlaceClicked.emit(near[2])
            ev.accept()


def blit_many(p: QtGui.QPainter, pm: QtGui.QPixmap, xs: np.ndarray, ys: np.ndarray, dpr: float,
              sources: np.ndarray | None = None) -> None:
    """Draw a pixmap (or, with `sources`, a rectangle of it per point) centred at many points in a single
    call, as pyqtgraph's scatter plots do."""
    if sources is None:
        sources = np.tile([0.0, 0.0, pm.width(), pm.height()], (len(xs), 1))
    if _PrimitiveArray is None:
        for x, y, (sx, sy, sw, sh) in zip(xs, ys, sources):
            p.drawPixmap(QtCore.QRectF(x - sw / dpr / 2, y - sh / dpr / 2, sw / dpr, sh / dpr), pm, QtCore.QRectF(sx, sy, sw, sh))
        return
    frags = _PrimitiveArray(QtGui.QPainter.PixmapFragment, 10)
    frags.resize(len(xs))
    arr = frags.ndarray()
    arr[:, 0] = xs
    arr[:, 1] = ys
    arr[:, 2:6] = sources
    arr[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]  # scale x, scale y, rotation, opacity
    p.drawPixmapFragments(*frags.drawargs(), pm)


@lru_cache(maxsize=48)  # a disc can be ~800 px across: keep few, radii are quantised below
def halo_pixmap(side: str, radius_px: int, pen_px: float, dpr: float) -> QtGui.QPixmap:
    """A translucent disc with a dashed edge: the uncertainty of an approximate position."""
    size = 2 * radius_px + 4
    pm = QtGui.QPixmap(round(size * dpr), round(size * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    q = QtGui.QPainter(pm)
    q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    q.setPen(QtGui.QPen(colour(SIDE_COLOURS[side], 0.55), pen_px, QtCore.Qt.PenStyle.DashLine))
    q.setBrush(colour(SIDE_COLOURS[side], 0.10))
    q.drawEllipse(QtCore.QPointF(size / 2, size / 2), radius_px, radius_px)
    q.end()
    return pm


@lru_cache(maxsize=512)
def label_pixmap(text: str, font_key: str, rgba: int, halo: int, dpr: float) -> QtGui.QPixmap:
    """A label with a paper-coloured halo, drawn once: stroking text outlines every frame is slow."""
    f = QtGui.QFont()
    f.fromString(font_key)
    fm = QtGui.QFontMetricsF(f)
    w, h = fm.horizontalAdvance(text) + 2 * halo, fm.height() + 2 * halo
    pm = QtGui.QPixmap(round(w * dpr), round(h * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    q = QtGui.QPainter(pm)
    q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    path = QtGui.QPainterPath()
    path.addText(halo, halo + fm.ascent(), f, text)
    q.setPen(QtGui.QPen(colour("#F7F3E6", 0.9), halo, QtCore.Qt.PenStyle.SolidLine, QtCore.Qt.PenCapStyle.RoundCap,
                        QtCore.Qt.PenJoinStyle.RoundJoin))
    q.drawPath(path)
    q.setPen(QtCore.Qt.PenStyle.NoPen)
    q.setBrush(QtGui.QColor.fromRgba(rgba))
    q.drawPath(path)
    q.end()
    return pm


class _Occupancy:
    """Rectangles already taken on screen, bucketed in a coarse grid so a test touches few of them."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[QtCore.QRectF]] = {}

    def _keys(self, r: QtCore.QRectF):
        c = self.CELL
        for i in range(int(r.left() // c), int(r.right() // c) + 1):
            for j in range(int(r.top() // c), int(r.bottom() // c) + 1):
                yield i, j

    def add(self, r: QtCore.QRectF) -> None:
        for key in self._keys(r):
            self.cells.setdefault(key, []).append(r)

    def hits(self, r: QtCore.QRectF) -> bool:
        return any(r.intersects(o) for key in self._keys(r) for o in self.cells.get(key, ()))


def _label_anchor(claim):
    """Where a claim's label goes: on the line, near the middle of the southern half of the battlefield."""
    from shapely.geometry import Point
    line = claim.feature.geometry_km
    target = Point(0, -8) if claim.claimant == "manchukuo" else Point(10, 5)
    return line.interpolate(line.project(target))


def declutter(points: list[QtCore.QPointF], size: QtCore.QSize, gap: float, rounds: int = 10) -> list[QtCore.QPointF]:
    """Push overlapping symbols apart in screen space (their true positions get a leader line).

    Each round moves every overlapping pair half-way apart along the axis of least overlap; the pair
    tests are vectorised, so a few hundred symbols settle in well under a millisecond per round.
    """
    if len(points) < 2:
        return points
    w, h = size.width() + gap, size.height() * 1.9 + gap  # frame plus echelon marks
    xy = np.array([[q.x(), q.y()] for q in points], dtype=float)
    order = np.arange(len(points))
    for _ in range(rounds):
        dx = xy[None, :, 0] - xy[:, None, 0]
        dy = xy[None, :, 1] - xy[:, None, 1]
        ox, oy = w - np.abs(dx), h - np.abs(dy)
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        later = order[None, :] > order[:, None]  # ties: the later symbol moves right/down
        sx = np.where(dx != 0, np.sign(dx), np.where(later, 1.0, -1.0))
        sy = np.where(dy != 0, np.sign(dy), np.where(later, 1.0, -1.0))
        along_x = ox / w < oy / h
        push_x = np.where(hit & along_x, ox / 2 * sx, 0.0)
        push_y = np.where(hit & ~along_x, oy / 2 * sy, 0.0)
        xy[:, 0] -= push_x.sum(axis=1) / 2  # each pair is seen from both ends
        xy[:, 1] -= push_y.sum(axis=1) / 2
    return [QtCore.QPointF(x, y) for x, y in xy]
