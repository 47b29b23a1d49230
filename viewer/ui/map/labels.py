"""Every name on the map, kept apart: the other layers ask for labels and say what they cover; this layer
measures each label, lets `placement.place_labels` choose its rectangle (or leave it out) and draws it.
One label per key, most important first: the selected unit, units, the names that must be shown, claims,
places. Several labels of one key are alternatives (a claim's name at several points along its line)."""

from __future__ import annotations

import math
import time
from collections import Counter
from datetime import datetime, timedelta

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ...core.placement import NEAR, Barriers, LabelRequest, Rect, candidate_count, candidate_rects, choose_candidates
from .layer import KEY, LAST, SELECTED, UNIT, MapLabel, MapLayer, device_ratio, qrect, rect_of
from .pixmaps import label_pixmap
from .rivers import river_barriers

STEADY_HOURS = 12  # more than a frame of the fastest playback or a pixel's drag of the timeline
STEADY = timedelta(hours=STEADY_HOURS)
SETTLE_S = 0.25  # on screen, names are placed afresh at most this often while the map keeps changing (see _place)


class LabelsLayer(MapLayer):
    name = "labels"
    z = 20.0
    watches = frozenset({"instant", "selected_unit", "highlighted_place", "layers", "language", "naming", "step"})

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        # What the last paint drew: key, where, and the request it answered (its anchor and size).
        self.placed: list[tuple[tuple[str, str], Rect, LabelRequest]] = []
        self.lift, self.drop = 8.0, 6.0
        self._choices: tuple[tuple, list[int | None]] | None = None  # the last placement, by what it was made of
        self._requests: list[LabelRequest] = []  # ... and the requests it answered
        self._steady: tuple[tuple, datetime] | None = None  # ... in what view, at what instant
        self._layout: tuple[tuple | None, list] | None = None  # what the last paint was asked, and what it drew
        self._device = QtGui.QTransform()  # this paint's map-to-device transform (where the rivers are)
        self._placed_at = -math.inf  # when names were last placed afresh (time.monotonic)
        self._provisional = False  # the last choice was the one before it, kept unchecked at new anchors
        self._settle = QtCore.QTimer(self, singleShot=True)
        self._settle.timeout.connect(self._settled)

    def paint(self, p: QtGui.QPainter, *args) -> None:
        v = self.scene_to_device(p)
        self._device = self.to_device(v)
        view = (
            rect_of(self.to_device(v).mapRect(self.viewRect()))
            if self.viewRect() is not None
            else rect_of(QtCore.QRectF(p.viewport()))
        )
        others = [layer for layer in self.ctx.layers if layer is not self and layer.isVisible()]
        dpr, halo = device_ratio(p), round(4 * self.scale)
        asked = [layer.labels(v) for layer in others]
        may_keep = self.ctx.live or self.ctx.keep_names  # may keep the last spots (see _place)
        raster = p.paintEngine().type() == QtGui.QPaintEngine.Type.Raster
        inputs: tuple
        kept = self._kept_inputs((view, dpr, halo)) if raster else None
        if kept is not None and _same(kept[4], asked):
            self._kept_as_drawn()
        elif kept is not None:  # other names at their last spots: what they avoid is not looked at (see _place)
            inputs = (view, dpr, halo, None, asked)
            self._layout = inputs, self._lay_out(inputs, True)
        else:
            inputs = (view, dpr, halo, [layer.obstacles(v) for layer in others], asked)
            if not raster:  # an SVG or PDF: its labels recorded afresh
                self._layout = None, self._lay_out(inputs, False)
            elif (
                self._layout is None
                or self._layout[0] is None
                or (self._provisional and not may_keep)  # a still after kept names: placed afresh
                or not _same(self._layout[0], inputs)
            ):
                self._layout = inputs, self._lay_out(inputs, may_keep)
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self.placed = []
        assert self._layout is not None  # laid out above, now or by an earlier paint
        for lb, pm, req, rect, leader in self._layout[1]:
            if leader:
                self._leader(p, lb, rect)
            p.drawPixmap(qrect(rect).topLeft(), pm)
            self.placed.append((lb.key, rect, req))

    def _kept_inputs(self, frame: tuple) -> tuple | None:
        """The last paint's inputs if this paint's names go to their last spots without a look at what they avoid:
        names are being kept (see _place) in the same view, layers, language and naming as the last placement. Then
        measuring what each name avoids (in a crowd, hundreds of symbols) is the costliest part of a frame and of no
        use; where the same names are asked for at the same marks (a crowd's scrub or playback: only the units move,
        only places are named), the last paint's names are drawn as they were."""
        last = self._layout[0] if self._layout is not None else None
        keeps = (
            last is not None
            and last[:3] == frame
            and self._keeping()
            and self._choices is not None
            and bool(self._requests)  # spots to keep (none: the names are placed afresh, round what they avoid)
            and self._steady is not None
            and self._steady[0][1:] == self._texts()
        )
        return last if keeps else None

    def _keeping(self) -> bool:
        """Names keep their last spots: on screen within SETTLE_S of their last fresh placement, in a video on a
        frame between two placements (see _place)."""
        if self.ctx.live:
            return time.monotonic() < self._placed_at + SETTLE_S
        return self.ctx.keep_names

    def _kept_as_drawn(self) -> None:
        """The last paint's names drawn again: what they avoid may have moved, so they are provisional, and on screen
        are placed afresh once the map settles, as names kept by _place are."""
        self._provisional = True
        if self.ctx.live and not self._settle.isActive():
            self._settle.start(max(0, math.ceil((self._placed_at + SETTLE_S - time.monotonic()) * 1000)))

    def _lay_out(self, inputs: tuple, may_keep: bool) -> list[tuple[MapLabel, QtGui.QPixmap, LabelRequest, Rect, bool]]:
        """Each label drawn: its pixmap, the request it answered, its rectangle and whether it needs a leader
        line. Most frames ask the very same lists as the last (the layers memoise them), and skip this."""
        view, dpr, halo, obstacle_lists, label_lists = inputs
        obstacles = [r for rects in obstacle_lists or () for r in rects]
        labels = sorted((lb for asked in label_lists for lb in asked), key=_order)
        pixmaps = [label_pixmap(lb.text, lb.font, lb.colour.rgba(), halo, dpr) for lb in labels]
        requests = [
            LabelRequest(
                lb.anchor,
                (pm.width() / dpr, pm.height() / dpr),
                lb.gap,
                lb.key,
                lb.priority in (SELECTED, KEY, LAST),
                lb.reach,
                mark=lb.mark,
            )
            for lb, pm in zip(labels, pixmaps, strict=True)
        ]
        self.lift, self.drop = 8 * self.scale, 6 * self.scale
        chosen = self._place(requests, obstacles, view, may_keep, obstacle_lists is None)
        return [
            (lb, pm, req, candidate_rects(req, self.lift, self.drop)[i], i >= NEAR)
            for lb, pm, req, i in zip(labels, pixmaps, requests, chosen, strict=True)
            if i is not None
        ]

    def _leader(self, p: QtGui.QPainter, lb: MapLabel, rect: Rect) -> None:
        """A thin line from the edge of what a label names to the label, set farther out in a crowd."""
        (ax, ay), (x, y, w, h) = lb.anchor, rect
        end = QtCore.QPointF(min(max(ax, x), x + w), min(max(ay, y), y + h))  # the label's nearest point
        d = QtCore.QLineF(QtCore.QPointF(ax, ay), end)
        if d.length() <= lb.gap:
            return
        d.setP1(d.pointAt(lb.gap * 0.8 / d.length()))
        ink = QtGui.QColor(lb.colour)
        ink.setAlpha(220)
        p.setPen(QtGui.QPen(ink, max(1.0, 1.5 * self.scale)))
        p.drawLine(d)

    def _rivers(self, view: Rect) -> Barriers:
        """The rivers in this paint's device pixels: no name is set across one from its mark."""
        return river_barriers(self.ctx, self._device, view)

    def _place(
        self, requests: list[LabelRequest], obstacles: list[Rect], view: Rect, may_keep: bool, kept: bool = False
    ) -> list[int | None]:
        """Where each label goes. Placing is the costliest part of a frame, and while playback runs the labels
        and what they avoid move by less than a pixel between most frames: then the last choice of candidate
        is kept (at the new anchors). Otherwise, while the story runs on (the same view, layers and language, an
        instant at most STEADY_HOURS on), each label first tries the spot it had last time, so labels do not hop
        from side to side as the units move; after a jump or a change of view the layout starts afresh, as a
        still of that moment is drawn.

        On screen, while the map keeps changing (a drag along the timeline, playback, the camera easing to an
        event), names are placed afresh at most every SETTLE_S, as map engines throttle their label placement:
        in between, each keeps its last spot beside its mark, unchecked, and a name new since then waits for the
        next placement (after a jump too: for at most SETTLE_S a name keeps the side it had at the moment before);
        SETTLE_S after the last fresh placement they are placed afresh. Only the window's own map does
        this (`MapContext.live`); a video's frames keep their names as its exporter says (`MapContext.keep_names`:
        between placements a fixed number of frames apart, so a video is the same on any machine); stills (an
        image, a thumbnail) are always placed afresh. `kept`: the paint chose to keep them and did not measure what
        they avoid (`obstacles` is empty), so they are kept even if SETTLE_S has run out since."""
        sizes = [(*r.anchor, *r.size, r.gap, r.reach) for r in requests]
        key = (  # to the pixel, rounded in one go: hundreds of numbers a frame
            _pixels([view]),
            _pixels(obstacles),
            _pixels(sizes),
            tuple((r.group, r.forced, r.mark) for r in requests),
            self.lift,
            self.drop,
        )
        now = time.monotonic()
        wait = self._placed_at + SETTLE_S - now
        keep = may_keep and (kept or self._keeping())  # `kept`: the paint chose to keep them (see paint), not measuring
        if self._choices is None or self._choices[0] != key or (self._provisional and not keep):
            texts, at = self._texts(), self.state.instant
            steady = (key[0], *texts)
            last: dict[object, int | None] = {}
            if self._choices and self._steady and self._steady[0][1:] == texts:
                last = dict(zip(_slots(self._requests), self._choices[1], strict=True))
            preferred = [last.get(slot) for slot in _slots(requests)]
            if keep and last:
                chosen, self._provisional = _kept(requests, preferred), True
                if self.ctx.live:
                    self._settle.start(max(0, math.ceil(wait * 1000)))
            else:
                if self._steady is None or self._steady[0] != steady or abs(at - self._steady[1]) > STEADY:
                    preferred = []  # a jump or another view: laid out afresh, as a still of the moment
                chosen = choose_candidates(requests, obstacles, view, self.lift, self.drop, preferred, self._rivers(view))
                self._placed_at, self._provisional = now, False
            self._choices = key, chosen
            self._requests, self._steady = requests, (steady, at)
        return self._choices[1]

    def _texts(self) -> tuple:
        """What the names' texts and sizes depend on: a change of it places them afresh."""
        s = self.state
        return s.layers, s.language, s.naming, self.scale

    def _settled(self) -> None:
        """SETTLE_S after the last fresh placement (mid-drag too): the names placed afresh where they now stand."""
        self._placed_at, self._layout = -math.inf, None
        self.update()


def _order(lb: MapLabel) -> tuple[int, int]:
    """Most important first; a river's name that must show comes before the units' (it has no mark, only its
    line): placed after them it went to whichever bank their names left free, from frame to frame (20 Aug)."""
    river = lb.priority == KEY and lb.key[0] == "place" and not lb.mark
    return (UNIT, 0) if river else (lb.priority, 1)


def _kept(requests: list[LabelRequest], last: list[int | None]) -> list[int | None]:
    """Each label at the candidate it had last time, at its new anchor. A label left out last time stays out, and
    so does one whose request has no such candidate now (a pocket's name inside it, where last time it stood out
    at its edge on a leader line: that index raised IndexError in a paint, which PySide 6.11 turned into a
    SIGSEGV in the kiosk soak); a name that must show and had no spot (nor had any alternative of its group: a
    river's name at its other points) goes at its first candidate; a unit's waits for the next placement, as any
    new name does."""
    kept = [None if i is None or i >= candidate_count(r) else i for r, i in zip(requests, last, strict=True)]
    shown = {r.group for r, i in zip(requests, kept, strict=True) if i is not None and r.group is not None}
    for n, r in enumerate(requests):
        if r.forced and r.mark != "unit" and kept[n] is None and (r.group is None or r.group not in shown):
            kept[n] = 0
            shown.add(r.group)
    return kept


def _slots(requests: list[LabelRequest]) -> list[tuple[object, int]]:
    """Each request as what it is from frame to frame: its group (what it names) and its place among the
    group's alternatives (a river's name at its second point along the river)."""
    seen: Counter[object] = Counter()
    out = []
    for r in requests:
        out.append((r.group, seen[r.group]))
        seen[r.group] += 1
    return out


def _same(a: object, b: object) -> bool:
    """Equal, checking identity first: the layers hand back the very list they gave last time when nothing
    changed, and comparing two lists of labels by value costs more than placing a few."""
    if a is b:
        return True
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def _pixels(rows: list) -> bytes:
    """Rows of numbers rounded to whole pixels, as bytes to compare (numpy rounds halves to even, as `round`)."""
    return np.rint(np.asarray(rows, dtype=float)).astype(np.int64).tobytes()
