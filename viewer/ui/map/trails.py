"""Where units came from: a route in the side's colour (a thin line with chevrons) along the dated fixes a unit
passed through to where it is now, through every fix it reached in the last three days (and the one it set out
from), so a move the map does not animate at the reader's instant is still drawn. Only its last TRAIL_PX pixels
are drawn, fading towards its tail: a march from far off the map is a stroke pointing the way it came, not a line
from one point off the edge. Its chevrons on a white casing, so it reads over hatched ground. Only when few units
are on screen (a crowd of trails is noise)."""

from __future__ import annotations

import itertools
import math
from functools import lru_cache, partial

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ..i18n import translate
from ..style import SIDE_COLOURS, colour
from .layer import LegendEntry, MapContext, MapLayer, device_ratio, transform_key
from .operations import CACHE_PX
from .pixmaps import DrawingCache
from .swatches import Swatch
from .units import DETAIL_MAX, SIDES_SHOWN, units_in_view

TRAIL_DAYS = 3
TRAIL_PX = 200  # at scale 1
FADE_STEPS, FADE_STEP_PX = 6, 24  # a trail fades from tail to head in steps of about this length (at scale 1)
CHEVRON_PX, CHEVRON_ARM_PX = 20, 5.5  # chevrons along a trail: their spacing and arm length (at scale 1)
# Colour (None: the side's), strength at the head, width at scale 1; the chevrons on a white casing, which makes
# them read over hatched ground (a casing along the whole line cost as much again as the rest of the trail)
LINE_PENS = ((None, 0.9, 2.0),)
CHEVRON_PENS = (("#FFFFFF", 0.85, 4.5), (None, 0.95, 2.2))


class TrailsLayer(MapLayer):
    name = "trails"
    z = 2.0
    toggle = "trails"
    watches = frozenset({"instant"})

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        # A trail holds still for days once its unit stops. Its pictures get the grounds' budget in effect (twice
        # the screen's area, at most MAX_BUDGET_PX: DrawingCache._budget), dropped at every new zoom.
        self._drawings = DrawingCache(CACHE_PX // 4)
        self._painted: QtGui.QTransform | None = None  # the last paint's map-to-device transform: what the legend lists

    def trails(self, t: QtGui.QTransform) -> list[tuple[str, list[QtCore.QPointF]]]:
        """(side, points from tail to head) in device pixels of every trail drawn at the state's instant. Kept for
        the instant and transform: the legend asks which sides have one, the paint draws them."""
        return self.memo("trails", (transform_key(t), self.state.instant, self.scale), lambda: self._trails(t))

    def _trails(self, t: QtGui.QTransform) -> list[tuple[str, list[QtCore.QPointF]]]:
        pos, at = self.ctx.positions(), self.state.instant
        present = np.flatnonzero(pos.present & ~pos.reported)
        if len(present) > DETAIL_MAX:
            return []
        out, most = [], TRAIL_PX * self.scale
        for k in present:
            unit = self.ctx.motion.units[k]
            i = int(pos.fix_index[k])
            points = [t.map(QtCore.QPointF(pos.x[k], pos.y[k]))]
            j = i - 1 if pos.at_fix[k] else i  # the fixes behind the unit, newest first
            while j >= 0 and (at - unit.track[min(j + 1, i)].at).days <= TRAIL_DAYS:
                point = t.map(QtCore.QPointF(unit.track[j].x, unit.track[j].y))
                if (point - points[-1]).manhattanLength() >= 1:
                    points.append(point)
                j -= 1
            if len(points) > 1:
                out.append((unit.side, _clipped(points, most)[::-1]))
        return out

    def paint(self, p: QtGui.QPainter, *args) -> None:
        """Each trail from a kept picture once seen twice (DrawingCache): a unit's trail stays the same while it
        holds a fix, and its fading strokes cost ~0.4 ms a trail; a trail under way is drawn directly."""
        t, s = self.to_device(self.scene_to_device(p)), self.scale
        trails, self._painted = self.trails(t), t
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self._drawings.at_zoom((t.m11(), t.m12(), t.m21(), t.m22(), s, device_ratio(p)))
        pad = (CHEVRON_ARM_PX + 2.5) * s + 2  # a chevron's arm and its casing, and a pixel
        for side, points in trails:
            xy = np.array([(q.x(), q.y()) for q in points])
            head = xy[-1]
            self._drawings.draw(
                p,
                (side, np.round(xy - head, 2).tobytes()),
                (head[0], head[1]),
                (*(xy.min(axis=0) - pad), *(xy.max(axis=0) + pad)),
                partial(_draw_trail_on, side, points, s),
            )

    def legend(self) -> list[LegendEntry]:
        if not self.isVisible() or not len(units_in_view(self.ctx)):
            return []
        drawn = self.trails(self._painted if self._painted is not None else self.sceneTransform())  # in its pixels
        sides = tuple(sorted({side for side, _ in drawn}, key=SIDES_SHOWN.index))
        if not sides:
            return []
        return [
            LegendEntry(
                "trails",
                translate("Map", "Route of the last three days (chevrons point the way it went)"),
                _trail_swatch(sides, self.scale),
                sides,
            )
        ]


def _clipped(points: list[QtCore.QPointF], most: float) -> list[QtCore.QPointF]:
    """The first `most` pixels of a polyline (head first)."""
    out, left = points[:1], most
    for a, b in itertools.pairwise(points):
        length = math.hypot(b.x() - a.x(), b.y() - a.y())
        if length >= left:
            out.append(a + (b - a) * (left / length))
            break
        out.append(b)
        left -= length
    return out


def _draw_trail(p: QtGui.QPainter, side: str, points: list[QtCore.QPointF], scale: float) -> None:
    """A route as a printed map marks one: a thin line with chevrons along it pointing the way the unit went, both
    from faint at the tail to strong at the head. A plain
    line was taken for a link between two symbols (9 MA Bde to 1 AG HQ on 20 August) or for a claim line (issue
    14). Fading in steps of solid strokes: a gradient pen costs about ten times as much to stroke."""
    total = sum(math.hypot(b.x() - a.x(), b.y() - a.y()) for a, b in itertools.pairwise(points)) or 1.0
    done = 0.0
    for a, b in itertools.pairwise(points):
        length = math.hypot(b.x() - a.x(), b.y() - a.y())
        steps = max(1, min(FADE_STEPS, round(length / (FADE_STEP_PX * scale))))
        for hex_colour, strength, width in LINE_PENS:
            ink = hex_colour or SIDE_COLOURS[side]
            pen = QtGui.QPen(colour(ink), width * scale)
            pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
            for i in range(steps):
                middle = (done + length * (i + 0.5) / steps) / total
                pen.setColor(colour(ink, strength * (0.15 + 0.85 * middle)))
                p.setPen(pen)
                p.drawLine(a + (b - a) * (i / steps), a + (b - a) * ((i + 1) / steps))
        done += length
    for at, chevron in _chevrons(points, total, scale):
        for hex_colour, strength, width in CHEVRON_PENS:
            pen = QtGui.QPen(colour(hex_colour or SIDE_COLOURS[side], strength * (0.15 + 0.85 * at)), width * scale)
            pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(QtCore.Qt.PenJoinStyle.MiterJoin)
            p.setPen(pen)
            p.drawPolyline(QtGui.QPolygonF(chevron))


def _chevrons(points: list[QtCore.QPointF], total: float, scale: float) -> list[tuple[float, list[QtCore.QPointF]]]:
    """(fraction of the way from tail to head, the chevron's three points) every CHEVRON_PX along a trail
    (tail to head), counted back from the head so one always stands near it."""
    out, step, arm = [], CHEVRON_PX * scale, CHEVRON_ARM_PX * scale
    wanted = total - CHEVRON_PX * scale / 2
    done = total
    for a, b in reversed(list(itertools.pairwise(points))):
        length = math.hypot(b.x() - a.x(), b.y() - a.y())
        done -= length
        while length and wanted >= done and wanted >= arm:
            ux, uy = (b.x() - a.x()) / length, (b.y() - a.y()) / length
            tip = a + (b - a) * ((wanted - done) / length)
            # the arms go back from the tip at 45 degrees to each side
            left = QtCore.QPointF(tip.x() - arm * (ux - uy) * 0.7071, tip.y() - arm * (uy + ux) * 0.7071)
            right = QtCore.QPointF(tip.x() - arm * (ux + uy) * 0.7071, tip.y() - arm * (uy - ux) * 0.7071)
            out.append((wanted / total, [left, tip, right]))
            wanted -= step
    return out


def _draw_trail_on(side: str, points: list[QtCore.QPointF], scale: float, p: QtGui.QPainter) -> None:
    _draw_trail(p, side, points, scale)


@lru_cache(maxsize=16)
def _trail_swatch(sides: tuple[str, ...], scale: float) -> Swatch:
    """Each side's trail the swatch's whole width, one under the other: two short strokes side by side read as a
    dashed line (issue 14), and a dashed line here is a river of approximate course."""

    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        step = min(box.height() / len(sides), 7 * scale)
        top = box.center().y() - step * (len(sides) - 1) / 2
        k = scale if len(sides) == 1 else scale * 0.7  # smaller chevrons where the rows are close
        for i, side in enumerate(sides):
            y = top + i * step
            _draw_trail(p, side, [QtCore.QPointF(box.left() + 2, y), QtCore.QPointF(box.right() - 2, y)], k)

    return paint
