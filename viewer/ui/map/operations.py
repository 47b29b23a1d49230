"""Operational graphics from `operations.yaml`, as a printed battle map draws them: the ground each side held,
hatched in the side's colour with its edge (the front) drawn firm; the encircled ground ringed in the colour of
the side that encircled it; and the manoeuvres as APP-6-style axes of advance that grow along their path from
their start to their end time and then fade (the timing is `core.operations.frame_at`, tested without Qt).

Both layers work out their shapes once per instant and view and keep them until either changes."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import cast

import numpy as np
import shapely
from pyqtgraph.Qt import QtCore, QtGui
from shapely.geometry import LineString
from shapely.ops import polylabel, substring

from ...core.operations import Arrow, OperationsFrame, axis_outline, first_crossing, frame_at, partial_path, path_length
from ...core.placement import Arrowhead, Rect
from ..i18n import translate
from ..style import INK, SIDE_COLOURS, colour, font
from .base import claim_pen, draw_dashed
from .layer import CLAIM, LegendEntry, MapContext, MapLabel, MapLayer, device_ratio, device_xy, transform_key, two_lines
from .pixmaps import DrawingCache, without_engine

ALLIES = {"soviet": "soviet", "mongolian": "soviet", "japanese": "japanese", "manchukuo": "japanese"}
ENCIRCLER = {"japanese": "soviet", "soviet": "japanese"}  # the colour a pocket is ringed in
HATCH = {"soviet": QtCore.Qt.BrushStyle.BDiagPattern, "japanese": QtCore.Qt.BrushStyle.FDiagPattern}
BODY_PX, HEAD_PX, HEAD_HALF_PX = 12.0, 30.0, 17.0  # an axis of advance at UI scale 1
# Moves out of a place the enemy then takes: its symbol stands on the arrow's start and reads as the one that left
LEAVING = frozenset({"breakout", "withdrawal"})
MIN_HEADS = 1.3  # an axis under way is drawn at least this many head lengths long, so its direction reads
# The hatching of held ground: firm strokes on a faint wash. Half-transparent strokes on a red wash turned orange
# over the disputed ground's tan, and the Soviet ground read as more of it (tests/test_colours.py).
HATCH_PITCH, HATCH_PX, HATCH_ALPHA, HATCH_WASH = 8, 1.5, 0.8, 0.05
OUTLINES_KEPT = 64  # grounds' outlines whose sides along the claims are kept (the shipped grounds have 15 stages in all)
CLAIM_TOL_KM = 0.4  # a ground's side this near a claim line runs along it (the grounds follow the claims simplified)
CACHE_PX = 4_000_000  # pixels each layer keeps of drawings seen again (16 MB): every stage and arrow at 1080p


class OperationsLayer(MapLayer):
    """What both operations layers share: the operations drawn at the state's instant, computed once per instant
    for both."""

    watches = frozenset({"instant"})

    def frame(self) -> OperationsFrame:
        at = self.state.instant
        return self.ctx.shared("operations", at, lambda: frame_at(self.ctx.scenario.operations, at))


# --- ground held, fronts, the pocket ---------------------------------------------------------------------------
class FrontsLayer(OperationsLayer):
    """Each ground is kept as a pixmap once seen twice with the same outline, zoom and UI scale (DrawingCache):
    hatching large areas every frame of a scrub would cost more than all the units, and a stage of the front
    holds for days. What changes every frame (a zoom under way, a shrinking pocket) is drawn directly."""

    name = "fronts"
    z = 1.0  # above the base map, under trails, discs, places and units
    toggle = "fronts"
    watches = frozenset({"instant", "layers"})  # layers: with the claims hidden, a ground's edge is whole

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        self._drawings = DrawingCache(CACHE_PX)
        # the loader admits exactly one LineString per claimant
        claims = cast("list[tuple[str, LineString]]", [(c.claimant, c.feature.geometry_km) for c in ctx.scenario.claims])
        self._along = lru_cache(maxsize=OUTLINES_KEPT)(partial(_along_outline, claims))

    def along(self, ring: np.ndarray) -> tuple[np.ndarray, list[ClaimPiece]]:
        """Which sides of the ring (point i to point i + 1, the last to the first) are drawn as the ground's edge,
        and the pieces of claim line the ground reaches. Along a claim (within CLAIM_TOL_KM at both ends and the
        middle of a side) the claim is the edge: the ground's firm line is left out and the claim line is drawn
        again above the hatching. Drawn over it, the edge hid the claim: on 31 August the Mongolian claim, which the
        Soviet ground reached, read as a solid red front. With the claims hidden the edge is whole. Kept for the
        last OUTLINES_KEPT outlines: a ground keeps its outline from one stage to the next, so a scrub back and forth
        meets the same few again (one value per ground worked it out afresh at most jumps, ~5 ms a frame)."""
        if "claims" not in self.state.layers:
            return np.ones(len(ring), dtype=bool), []
        return self._along(ring.astype(float, copy=False).tobytes())

    def paint(self, p: QtGui.QPainter, *args) -> None:
        t = self.to_device(self.scene_to_device(p))
        linear, s = (t.m11(), t.m12(), t.m21(), t.m22()), self.scale
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        pad = 8 * s + 2  # the pocket's ring is drawn over the edge
        self._drawings.at_zoom((linear, s, device_ratio(p)))  # a screen of another pixel ratio is another zoom
        for ground, ring in self.frame().grounds:
            xy = device_xy(t, ring[:, 0], ring[:, 1])
            edge, pieces = self.along(ring)
            claims = [device_xy(t, piece.xy[:, 0], piece.xy[:, 1]) for piece in pieces]
            self._drawings.draw(  # the claim lines it reaches with it: dashed lines cost milliseconds a frame
                p,
                (ground.id, ring.tobytes(), edge.tobytes()),
                (xy[0, 0], xy[0, 1]),
                _bounds(np.vstack([xy, *claims]), pad),
                partial(_paint_ground_at, xy, ALLIES[ground.side], ground.kind == "pocket", s, edge, pieces, t),
            )

    def labels(self, scene_to_device: QtGui.QTransform) -> list[MapLabel]:
        """A pocket says what it is, so a reader who has not found the legend still sees who was encircled and whose
        ground it was: in the colour of the side that held it (the ring round it is in the encircler's). Offered
        first inside it, in two lines, centred where they fit about its innermost point and its northern and
        southern halves' (set outside, on 24 August the name stood on ground nobody's hatching covered, and a fresh
        reader took that ground for the pocket); where the units' names take those, at the pocket's northern,
        southern, western and eastern edges, in that order, and farther out on a leader line (on 26 August a height
        took the northern spot). Kept for the instant's rings and the view: finding the inside costs milliseconds."""
        t, s = self.to_device(scene_to_device), self.scale
        grounds = self.frame().grounds
        key = (tuple(r.tobytes() for _, r in grounds), transform_key(t), translate("Map", "Japanese-held, encircled"), s)
        return self.memo("pocket names", key, lambda: self._pocket_names(t, grounds))

    def _pocket_names(self, t: QtGui.QTransform, grounds: tuple) -> list[MapLabel]:
        s, out = self.scale, []
        text, face = translate("Map", "Japanese-held, encircled"), font(15 * s, bold=True, italic=True)
        two, fm = two_lines(text), QtGui.QFontMetricsF(face)
        half_w = max(fm.horizontalAdvance(line) for line in two.split("\n")) / 2 + 4 * s  # and the halo
        half_h = fm.height() * (two.count("\n") + 1) / 2 + 4 * s
        for ground, ring in grounds:
            if ground.kind != "pocket":
                continue
            xy = device_xy(t, ring[:, 0], ring[:, 1])
            ends = dict.fromkeys(int(i) for i in (xy[:, 1].argmin(), xy[:, 1].argmax(), xy[:, 0].argmin(), xy[:, 0].argmax()))
            # not beside an edge where the other side's ground lies: the name would stand on it (26 August, west)
            theirs = [
                device_xy(t, r[:, 0], r[:, 1]) for g, r in grounds if g.kind == "held" and ALLIES[g.side] != ALLIES[ground.side]
            ]
            pocket = shapely.Polygon(xy) if len(xy) >= 3 else None
            inside = _inner_spots(pocket, half_w, half_h) if pocket is not None and pocket.is_valid else []
            anchors = [(two, x, y, 0.0, "inside") for x, y in inside]
            anchors += [(text, float(xy[i, 0]), float(xy[i, 1]), 48 * s, "") for i in ends if not _beside(xy, i, theirs, 24 * s)]
            for shown, x, y, reach, mark in anchors:  # an edge's farther out on a leader line rather than over a symbol
                out.append(
                    MapLabel(
                        ("pocket", ground.id),
                        shown,
                        (x, y),
                        0.0 if not reach else 10 * s,
                        face,
                        colour(SIDE_COLOURS[ALLIES[ground.side]]).darker(120),
                        CLAIM,
                        reach=reach,
                        mark=mark,
                    )
                )
        return out

    def legend(self) -> list[LegendEntry]:
        out: dict[str, LegendEntry] = {}
        for ground, _ in self.frame().grounds:
            side, pocket = ALLIES[ground.side], ground.kind == "pocket"
            key = "ground:pocket" if pocket else f"ground:{side}"
            if key not in out:
                out[key] = LegendEntry(key, _ground_text(side, pocket), _ground_swatch(side, pocket), side)
        return list(out.values())


INNER_SPOTS = 12  # a pocket's name is offered at most at this many spots inside it


def _inner_spots(ring: shapely.Polygon, half_w: float, half_h: float) -> list[tuple[float, float]]:
    """Where a name of this half width and height fits inside an area, nearest its innermost point first (a pocket's
    middle may be taken by the units in it and their names): a grid half the name's height apart, at most
    INNER_SPOTS of it."""
    pole = polylabel(ring, tolerance=2.0)
    x0, y0, x1, y1 = ring.bounds
    xs, ys = np.meshgrid(np.arange(x0 + half_w, x1 - half_w + 1, half_h), np.arange(y0 + half_h, y1 - half_h + 1, half_h))
    x, y = xs.ravel(), ys.ravel()
    fits = shapely.contains(ring, shapely.box(x - half_w, y - half_h, x + half_w, y + half_h))
    x, y = x[fits], y[fits]
    order = np.argsort(np.hypot(x - pole.x, y - pole.y), kind="stable")[:INNER_SPOTS]
    return [(float(x[i]), float(y[i])) for i in order]


def _beside(ring: np.ndarray, i: int, grounds: list[np.ndarray], reach: float) -> bool:
    """Whether, just outside a ring's point `i` (away from the ring's middle), lies one of `grounds` (rings, pixels)."""
    out = ring[i] - ring.mean(axis=0)
    probe = ring[i] + out / max(1e-9, float(np.hypot(*out))) * reach
    return any(shapely.contains_xy(shapely.Polygon(g), *probe) for g in grounds if len(g) >= 3)


def _paint_ground_at(
    xy: np.ndarray,
    side: str,
    pocket: bool,
    scale: float,
    edge: np.ndarray,
    pieces: list[ClaimPiece],
    t: QtGui.QTransform,
    p: QtGui.QPainter,
) -> None:
    paint_ground(p, polygon(xy), side, pocket, scale, edge)
    paint_claims(p, t, pieces, scale)


@dataclass(frozen=True)
class ClaimPiece:
    """A stretch of a claim line that a ground reaches (`xy`, km), and the whole line it lies on (`line`, km, from its
    start): the stretch is drawn as the whole line clipped to it, so its dashes are those of the line below."""

    claimant: str
    xy: np.ndarray  # (n, 2) km
    line: np.ndarray  # (m, 2) km


def _along_outline(claims: list[tuple[str, LineString]], ring: bytes) -> tuple[np.ndarray, list[ClaimPiece]]:
    return _along(np.frombuffer(ring).reshape(-1, 2), claims)


def _along(ring: np.ndarray, claims: list[tuple[str, LineString]]) -> tuple[np.ndarray, list[ClaimPiece]]:
    """`FrontsLayer.along`, worked out with shapely's array functions: a moving ground's ring changes every frame of
    a scrub, and a side at a time cost ~5 ms a frame. Manchukuo's claim is the river, drawn as such: no piece of it."""
    n = len(ring)
    corners, mids = np.asarray(shapely.points(ring)), np.asarray(shapely.points((ring + np.roll(ring, -1, axis=0)) / 2))
    near, near_middle = (
        np.any([shapely.dwithin(xy, line, CLAIM_TOL_KM) for _, line in claims], axis=0) for xy in (corners, mids)
    )
    on = near & np.roll(near, -1) & near_middle
    pieces = []
    for claimant, line in claims:
        if claimant == "manchukuo":
            continue
        sides = np.flatnonzero(on)
        sides = sides[shapely.dwithin(mids[sides], line, CLAIM_TOL_KM)]
        a, b = shapely.line_locate_point(line, corners[sides]), shapely.line_locate_point(line, corners[(sides + 1) % n])
        merged: list[list[float]] = []
        for lo, hi in sorted(zip(np.minimum(a, b).tolist(), np.maximum(a, b).tolist(), strict=True)):
            if merged and lo <= merged[-1][1] + 0.01:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        whole = np.asarray(line.coords)[:, :2]
        pieces += [ClaimPiece(claimant, np.asarray(substring(line, a, b).coords)[:, :2], whole) for a, b in merged if b > a]
    return ~on, pieces


def paint_claims(p: QtGui.QPainter, t: QtGui.QTransform, pieces: list[ClaimPiece], scale: float) -> None:
    """The claim lines the grounds reach, above their hatching: each the whole line, clipped to a band along the
    stretch a ground reaches, and dashed as the base map dashes it (`draw_dashed`), so its dashes fall on the
    line's below."""
    for piece in pieces:
        pen = claim_pen(piece.claimant, scale)
        band = QtGui.QPainterPathStroker()
        band.setWidth(3 * pen.widthF())
        band.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
        stretch = QtGui.QPainterPath()
        stretch.addPolygon(polygon(device_xy(t, piece.xy[:, 0], piece.xy[:, 1])))
        p.save()
        p.setClipPath(band.createStroke(stretch), QtCore.Qt.ClipOperation.IntersectClip)
        line = QtGui.QPainterPath()
        line.addPolygon(polygon(device_xy(t, piece.line[:, 0], piece.line[:, 1])))
        draw_dashed(p, line, pen)
        p.restore()


def paint_ground(
    p: QtGui.QPainter, poly: QtGui.QPolygonF, side: str, pocket: bool, scale: float, edge: np.ndarray | None = None
) -> None:
    """Held ground: the side's hatching on a pale wash and a firm edge (only the sides `edge` marks, if given:
    along a claim line the claim is the edge); a pocket is ringed in the encircler's colour.
    The hatching is one tiled texture on screen (filling big areas with a pattern brush costs milliseconds a frame);
    an SVG or PDF gets it as lines, so the exported map stays vectors."""
    vector = p.paintEngine().type() != QtGui.QPaintEngine.Type.Raster
    fill = colour(SIDE_COLOURS[side], HATCH_WASH) if vector else QtGui.QBrush(hatch_tile(side, round(scale, 2)))
    pen = QtGui.QPen(colour(SIDE_COLOURS[side], 0.9), 2.2 * scale)
    if pocket:
        ring = QtGui.QPen(colour(SIDE_COLOURS[ENCIRCLER[side]], 0.9), 8 * scale, QtCore.Qt.PenStyle.DashLine)
        ring.setDashPattern([1.2, 0.8])
        fill_then_edge(p, poly, fill, ring)
        fill_then_edge(p, poly, None, pen, edge)
    else:
        fill_then_edge(p, poly, fill, pen, edge)
    if vector:
        hatch_lines(p, poly, side, scale)


def hatch_lines(p: QtGui.QPainter, poly: QtGui.QPolygonF, side: str, scale: float) -> None:
    """The side's hatching as lines cut to the ground, as the screen's tile draws it at this UI scale. Cut by
    geometry, not by a clip path, which an SVG viewer may ignore."""
    pitch = hatch_pitch(scale)
    ring = [(pt.x(), pt.y()) for pt in poly]
    if len(ring) < 3:
        return
    ground = shapely.make_valid(shapely.Polygon(ring))
    r = poly.boundingRect()
    h, rising = r.height(), HATCH[side] == QtCore.Qt.BrushStyle.BDiagPattern
    starts = np.arange(r.left() - h, r.right() + h, pitch)
    y0, y1 = (r.bottom(), r.top()) if rising else (r.top(), r.bottom())
    strokes = shapely.intersection(shapely.MultiLineString([[(x, y0), (x + h, y1)] for x in starts]), ground)
    p.setPen(hatch_pen(side, scale))
    for line in getattr(strokes, "geoms", [strokes]):
        if isinstance(line, shapely.LineString) and not line.is_empty:
            p.drawPolyline(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in line.coords]))


def fill_then_edge(
    p: QtGui.QPainter,
    poly: QtGui.QPolygonF,
    brush: QtGui.QBrush | QtGui.QColor | None,
    pen: QtGui.QPen,
    edge: np.ndarray | None = None,
) -> None:
    """Fill without antialiasing, then stroke the edge with it: the edge hides the fill's steps, and an antialiased
    fill of a large shape costs far more than the two together. `edge`, if given, says which sides are stroked."""
    antialiased = p.testRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    if brush is not None:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        p.setPen(QtCore.Qt.PenStyle.NoPen)
        p.setBrush(brush)
        p.drawPolygon(poly)
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, antialiased)
    p.setPen(pen)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    if edge is None or edge.all():
        p.drawPolygon(poly)
        return
    for run in runs(edge):  # the stroked sides, as open lines
        p.drawPolyline(QtGui.QPolygonF([poly[i % len(poly)] for i in range(run[0], run[1] + 1)]))


def runs(drawn: np.ndarray) -> list[tuple[int, int]]:
    """The runs of True sides of a ring, as (first point, last point) of each; the last point may be past the
    end (it wraps to the first), so a run across the ring's start is one line."""
    n = len(drawn)
    if not drawn.any():
        return []
    start = int(np.argmin(drawn))  # a side not drawn: every run begins after one
    out, first = [], None
    for j in range(start + 1, start + n + 1):
        if drawn[j % n] and first is None:
            first = j
        elif not drawn[j % n] and first is not None:
            out.append((first, j))
            first = None
    if first is not None:
        out.append((first, start + n))
    return out


def hatch_pitch(scale: float) -> int:
    """Pixels between hatching strokes: HATCH_PITCH at UI scale 1, in proportion at others (a 4K map is the 1080p
    one scaled up), never so close that the strokes merge."""
    return max(3, round(HATCH_PITCH * scale))


def hatch_pen(side: str, scale: float) -> QtGui.QPen:
    return QtGui.QPen(colour(SIDE_COLOURS[side], HATCH_ALPHA), HATCH_PX * scale)


@lru_cache(maxsize=8)
def hatch_tile(side: str, scale: float) -> QtGui.QPixmap:
    """A tile of the side's hatching on its pale wash: '/' for the Soviet side, '\\' for the Japanese."""
    n = hatch_pitch(scale)
    pm = QtGui.QPixmap(n, n)
    pm.fill(colour(SIDE_COLOURS[side], HATCH_WASH))
    q = QtGui.QPainter(pm)
    q.setPen(hatch_pen(side, scale))
    for shift in (-n, 0, n):  # the neighbours' strokes too, so the tiles join
        if HATCH[side] == QtCore.Qt.BrushStyle.BDiagPattern:
            q.drawLine(QtCore.QPointF(shift, n), QtCore.QPointF(shift + n, 0))
        else:
            q.drawLine(QtCore.QPointF(shift, 0), QtCore.QPointF(shift + n, n))
    q.end()
    return without_engine(pm)


def _ground_text(side: str, pocket: bool) -> str:
    if pocket:
        return translate("Map", "Ground held by Japanese forces, encircled (approximate)")
    if side == "soviet":
        return translate("Map", "Ground held by Soviet and Mongolian forces (approximate)")
    return translate("Map", "Ground held by Japanese forces (approximate)")


def _ground_swatch(side: str, pocket: bool) -> Callable[[QtGui.QPainter, QtCore.QRectF], None]:
    def swatch(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        paint_ground(p, QtGui.QPolygonF(box.adjusted(3, 3, -3, -3)), side, pocket, box.height() / 24)

    return swatch


# --- manoeuvres ------------------------------------------------------------------------------------------------
class ManoeuvresLayer(OperationsLayer):
    name = "manoeuvres"
    z = 9.0  # under the unit symbols (an arrow over a unit buried it: issue 14), above the ground, trails and places
    toggle = "manoeuvres"

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        river = next((f.geometry_km for f in ctx.scenario.layers.get("rivers", ()) if f.properties.get("kind") == "river"), None)
        self._crossings = {  # where (km along its path) each crossing meets the river
            m.id: first_crossing(np.asarray(m.xy), river) if river is not None else None
            for m in ctx.scenario.operations.manoeuvres
            if m.kind == "crossing"
        }
        self._shapes: tuple[tuple, list[tuple[Arrow, ArrowShape]]] | None = None
        self._drawings = DrawingCache(CACHE_PX)

    def shapes(self, t: QtGui.QTransform) -> list[tuple[Arrow, ArrowShape]]:
        """The arrows at the instant in device pixels (cached per instant, view and scale)."""
        key = (self.state.instant, transform_key(t), self.scale)
        if self._shapes is None or self._shapes[0] != key:
            out = []
            for arrow in self.frame().arrows:
                full = device_xy(t, *np.asarray(arrow.manoeuvre.xy).T)
                shown = self._readable(full, device_xy(t, arrow.path[:, 0], arrow.path[:, 1]))
                body = arrow_outline(shown, self.scale)
                if body is None:
                    continue
                course = (  # the whole course is the same in every frame of this view
                    self.memo(f"course:{arrow.manoeuvre.id}", key[1:], partial(arrow_outline, full, self.scale))
                    if arrow.fraction < 1
                    else None
                )
                bridge = self._bridge(arrow, full, t)
                tip = (shown[-1], shown[-2] if len(shown) > 1 else shown[-1])
                out.append((arrow, ArrowShape(body, course, bridge, (float(full[0, 0]), float(full[0, 1])), tip)))
            self._shapes = key, out
        return self._shapes[1]

    def heads(self, t: QtGui.QTransform) -> list[Arrowhead]:
        """The head of each drawn arrow, in device pixels: the units layer moves a symbol off it and the labels
        keep off it (a head under a unit hid which way the blow went: issue 14); and the start of a move out of a
        place (LEAVING), which the enemy's symbols are set back from."""
        if self.toggle not in self.state.layers:
            return []
        out = []
        for arrow, shape in self.shapes(t):
            assert shape.tip is not None  # set for every arrow on the map (only a legend swatch has none)
            tip, back = shape.tip
            side, d = ALLIES[arrow.manoeuvre.side], tip - back
            out.append(Arrowhead(tip, d / max(1e-9, float(np.hypot(*d))), HEAD_PX * self.scale, side))
            if arrow.manoeuvre.kind not in LEAVING:
                continue
            start = np.asarray(shape.start)
            xy = np.asarray(arrow.manoeuvre.xy)
            first = device_xy(t, xy[:2, 0], xy[:2, 1])
            d = first[1] - first[0]
            out.append(Arrowhead(start, d / max(1e-9, float(np.hypot(*d))), HEAD_PX * self.scale, side, tail=True))
        return out

    def obstacles(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        t = self.to_device(scene_to_device)
        r = HEAD_HALF_PX * self.scale
        key = (self.state.instant, transform_key(t), self.scale, self.toggle in self.state.layers)
        return self.memo(
            "obstacles",
            key,
            lambda: [(float(x) - r, float(y) - r, 2 * r, 2 * r) for x, y in (h.points[1] for h in self.heads(t) if not h.tail)],
        )

    def _readable(self, full: np.ndarray, shown: np.ndarray) -> np.ndarray:
        """An axis just under way, taken further along its course to MIN_HEADS head lengths: a stub shorter than its
        head is a squat wedge whose direction one cannot read (the Northern group's of 20 August pointed back over
        the river). Its dashed whole course still shows how far it is to go."""
        least = MIN_HEADS * HEAD_PX * self.scale
        total, now = path_length(full), path_length(shown)
        if now >= least or not total:
            return shown
        return partial_path(full, min(1.0, least / total))

    def _bridge(self, arrow: Arrow, full: np.ndarray, t: QtGui.QTransform) -> QtCore.QLineF | None:
        """Where a crossing meets the river, once the arrow has got there: a line across the body."""
        at_km = self._crossings.get(arrow.manoeuvre.id)
        km_total = path_length(np.asarray(arrow.manoeuvre.xy))
        if at_km is None or not km_total or arrow.fraction * km_total < at_km:
            return None
        f = at_km / km_total
        x, y = partial_path(full, f)[-1]
        (x0, y0), (x1, y1) = partial_path(full, max(0.0, f - 0.01))[-1], partial_path(full, min(1.0, f + 0.01))[-1]
        d = math.hypot(x1 - x0, y1 - y0)
        if not d:
            return None
        nx, ny = -(y1 - y0) / d, (x1 - x0) / d
        half = BODY_PX * 1.1 * self.scale
        return QtCore.QLineF(x - nx * half, y - ny * half, x + nx * half, y + ny * half)

    def paint(self, p: QtGui.QPainter, *args) -> None:
        t = self.to_device(self.scene_to_device(p))
        shapes = self.shapes(t)
        if not shapes:
            return
        linear, s = (t.m11(), t.m12(), t.m21(), t.m22()), self.scale
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        pad = 4 * s + 2  # the edges' pens
        self._drawings.at_zoom((linear, s, device_ratio(p)))  # a screen of another pixel ratio is another zoom
        for arrow, shape in shapes:
            m, side, start = arrow.manoeuvre, ALLIES[arrow.manoeuvre.side], shape.start
            p.setOpacity(arrow.opacity)  # a fading arrow: its pixmaps, or each of its strokes
            if shape.course is not None:  # the same in every frame while the arrow grows: kept apart from its body
                self._drawings.draw(
                    p,
                    ("course", m.id),
                    start,
                    _bounds(shape.course, pad),
                    partial(_paint_course_at, shape.course, side, s),
                )
            body = shape.body if shape.bridge is None else np.vstack((shape.body, _ends(shape.bridge)))
            self._drawings.draw(
                p,
                (m.id, arrow.path.tobytes()),
                start,
                _bounds(body, pad),
                partial(_paint_arrow_at, shape, m.kind, side, s),
            )
        p.setOpacity(1.0)

    def legend(self) -> list[LegendEntry]:
        """One entry per mark, its swatch in the colour of each side drawn with it now (a Soviet counter-attack is
        red, a Japanese one blue; faded arrows of both sides show both)."""
        marks: dict[str, dict[str, str]] = {}  # key -> {side: kind}, in the order first drawn
        for arrow in self.frame().arrows:
            kind, side = arrow.manoeuvre.kind, ALLIES[arrow.manoeuvre.side]
            marks.setdefault(f"axis:{kind}", {}).setdefault(side, kind)
            if arrow.fraction < 1:
                marks.setdefault("axis:course", {}).setdefault(side, kind)
            if arrow.opacity < 1:
                marks.setdefault("axis:faded", {}).setdefault(side, kind)
        out = []
        for key, sides in marks.items():
            if key == "axis:course":
                text, swatches = _course_text(), [_course_swatch(side) for side in sides]
            elif key == "axis:faded":  # one shape whatever fades: a crossing's bar, then blobs, read as two marks
                out.append(LegendEntry(key, _faded_text(), _faded_swatch(tuple(sides)), tuple(sides)))
                continue
            else:
                text, swatches = _kind_text(key.split(":", 1)[1]), [_arrow_swatch(kind, side) for side, kind in sides.items()]
            out.append(LegendEntry(key, text, side_by_side(swatches), tuple(sides.items())))
        return out


@dataclass(frozen=True)
class ArrowShape:
    """An axis of advance in device pixels: its body so far, the outline of its whole course while it is under
    way, and the bar across it where it crosses the river."""

    body: np.ndarray  # (n, 2) outline
    course: np.ndarray | None
    bridge: QtCore.QLineF | None
    start: tuple[float, float]  # where the whole course begins: the shape moves with it when the view pans
    tip: tuple[np.ndarray, np.ndarray] | None = None  # the head's point and the path's point before it (on the map)


def arrow_outline(xy: np.ndarray, scale: float) -> np.ndarray | None:
    """An axis of advance along a device polyline at this UI scale (the shape is `core.operations.axis_outline`)."""
    return axis_outline(xy, BODY_PX / 2 * scale, HEAD_PX * scale, HEAD_HALF_PX * scale)


def polygon(xy: np.ndarray) -> QtGui.QPolygonF:
    return QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in xy])


def paint_arrow(p: QtGui.QPainter, shape: ArrowShape, kind: str, side: str, scale: float) -> None:
    """Filled for a blow (attack, counter-attack with a dashed edge, crossing with a bar over the river), hollow
    for a move away (withdrawal dashed, breakout solid). Its whole course, while under way, is `paint_course`."""
    ink = SIDE_COLOURS[side]
    hollow = kind in ("withdrawal", "breakout")
    if hollow:
        edge = QtGui.QPen(colour(ink), 2.6 * scale)
        if kind == "withdrawal":  # dashes of 6.5 px: Qt's 4-width dashes broke the legend's small arrow into brackets
            edge.setDashPattern([2.5, 1.5])
            edge.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)  # square caps would close the gaps: it read as a breakout
        fill = colour("#FFFFFF", 0.65)
    else:
        edge = QtGui.QPen(
            colour(INK), 1.6 * scale, QtCore.Qt.PenStyle.DashLine if kind == "counter-attack" else QtCore.Qt.PenStyle.SolidLine
        )
        fill = colour(ink, 0.6 if kind == "counter-attack" else 0.75)
    edge.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    fill_then_edge(p, polygon(shape.body), fill, edge)
    if shape.bridge is not None:
        bar = QtGui.QPen(colour(INK), 3 * scale)
        bar.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
        p.setPen(bar)
        for off in (-4 * scale, 4 * scale):
            line = shape.bridge
            d = line.p2() - line.p1()
            length = math.hypot(d.x(), d.y()) or 1.0
            shift = QtCore.QPointF(d.y() / length * off, -d.x() / length * off)
            p.drawLine(line.translated(shift))


def _paint_arrow_at(shape: ArrowShape, kind: str, side: str, scale: float, p: QtGui.QPainter) -> None:
    paint_arrow(p, shape, kind, side, scale)


def _paint_course_at(course: np.ndarray, side: str, scale: float, p: QtGui.QPainter) -> None:
    paint_course(p, polygon(course), side, scale)


def _bounds(xy: np.ndarray, pad: float) -> tuple[float, float, float, float]:
    (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    return x0 - pad, y0 - pad, x1 + pad, y1 + pad


def _ends(line: QtCore.QLineF) -> np.ndarray:
    return np.array([[line.x1(), line.y1()], [line.x2(), line.y2()]])


def paint_course(p: QtGui.QPainter, course: QtGui.QPolygonF, side: str, scale: float) -> None:
    """The whole axis of a move under way: a faint wash inside a dotted edge, so its aim reads from its start. Dotted
    and thin, as a planned move is drawn: a hollow arrow with a dashed or solid edge is a withdrawal or a breakout,
    and a fresh reader took one for the other when this edge was dashed too."""
    pen = QtGui.QPen(colour(SIDE_COLOURS[side]).darker(115), 1.8 * scale, QtCore.Qt.PenStyle.DotLine)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    fill_then_edge(p, course, colour(SIDE_COLOURS[side], 0.16), pen)


def _kind_text(kind: str) -> str:
    return {
        "attack": translate("Map", "Attack: axis of advance (broad arrow)"),
        "counter-attack": translate("Map", "Counter-attack"),
        "crossing": translate("Map", "River crossing"),
        "withdrawal": translate("Map", "Withdrawal"),
        "breakout": translate("Map", "Breakout from encirclement"),
    }[kind]


def _course_text() -> str:
    return translate("Map", "Where a move under way was going")


def _faded_text() -> str:
    return translate("Map", "Faded arrow: a move that ended in the last two days")


@lru_cache(maxsize=8)
def _faded_swatch(sides: tuple[str, ...]) -> Callable[[QtGui.QPainter, QtCore.QRectF], None]:
    """A plain axis of advance, pale, the box's whole width, one per side one under the other (side by side, two
    short arrows read as blobs)."""
    arrows = [_arrow_swatch("attack", side) for side in sides]

    def swatch(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        h = box.height() / len(arrows)
        p.setOpacity(0.45)
        for i, arrow in enumerate(arrows):
            arrow(p, QtCore.QRectF(box.left(), box.top() + i * h, box.width(), h))
        p.setOpacity(1.0)

    return swatch


def side_by_side(
    swatches: list[Callable[[QtGui.QPainter, QtCore.QRectF], None]],
) -> Callable[[QtGui.QPainter, QtCore.QRectF], None]:
    """Swatches sharing one box, left to right: the same mark drawn by each side."""
    if len(swatches) == 1:
        return swatches[0]

    def swatch(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        w = box.width() / len(swatches)
        for i, one in enumerate(swatches):
            one(p, QtCore.QRectF(box.left() + i * w, box.top(), w, box.height()))

    return swatch


def _swatch_path(box: QtCore.QRectF) -> np.ndarray:
    return np.array([[box.left() + 3, box.center().y()], [box.right() - 3, box.center().y()]])


def _arrow_swatch(kind: str, side: str) -> Callable[[QtGui.QPainter, QtCore.QRectF], None]:
    def swatch(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        s = box.height() / 24
        xy = _swatch_path(box)
        body = arrow_outline(xy, s)
        if body is None:
            return
        mid = xy.mean(axis=0)
        bridge = QtCore.QLineF(mid[0], mid[1] - BODY_PX * s, mid[0], mid[1] + BODY_PX * s) if kind == "crossing" else None
        paint_arrow(p, ArrowShape(body, None, bridge, (xy[0, 0], xy[0, 1])), kind, side, s)

    return swatch


def _course_swatch(side: str) -> Callable[[QtGui.QPainter, QtCore.QRectF], None]:
    def swatch(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        s = box.height() / 24
        course = arrow_outline(_swatch_path(box), s)
        if course is None:
            return
        paint_course(p, polygon(course), side, s)

    return swatch
