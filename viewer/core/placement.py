"""Where marks and labels go on screen: pure geometry in device pixels, no Qt, so it is tested without a display.

The map's Qt layers measure symbols and text, ask these functions where to put them, and draw there.
A rectangle is `(left, top, width, height)` with y pointing down, as on screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

Rect = tuple[float, float, float, float]


def declutter(
    xy: np.ndarray, size: tuple[float, float], gap: float, rounds: int = 10, fixed: np.ndarray | None = None
) -> np.ndarray:
    """Push overlapping symbols apart; returns the new (n, 2) positions (their true ones get a leader line).

    `size` is a symbol's (width, height) in pixels; the height is taken 1.9 times to keep the echelon marks
    above a frame clear too. Each round moves every overlapping pair half-way apart along the axis of least
    overlap; the pair tests are vectorised, so a few hundred symbols settle in well under a millisecond a round.
    `fixed` are points of the same size that push symbols off and never move themselves (an arrow's head: a
    symbol over it hid which way the blow went).
    """
    xy = np.array(xy, dtype=float).reshape(-1, 2)
    pins = np.zeros((0, 2)) if fixed is None else np.asarray(fixed, dtype=float).reshape(-1, 2)
    n = len(xy)
    if n == 0 or n + len(pins) < 2:
        return xy
    xy = np.vstack((xy, pins))
    w, h = size[0] + gap, size[1] * 1.9 + gap
    order = np.arange(len(xy))
    tie = np.where(order[None, :] > order[:, None], 1.0, -1.0)  # ties: the later symbol moves right/down
    others = ~np.eye(len(xy), dtype=bool)
    others[n:, :] = False  # a fixed point is not moved...
    share = np.where(order[None, :] >= n, 2.0, 1.0)  # ...so a symbol moves the whole way off it
    for _ in range(rounds):
        dx = xy[None, :, 0] - xy[:, None, 0]
        dy = xy[None, :, 1] - xy[:, None, 1]
        ox, oy = w - np.abs(dx), h - np.abs(dy)
        hit = (ox > 0) & (oy > 0) & others
        if not hit.any():
            break
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        along_x = ox / w < oy / h
        push_x = np.where(hit & along_x, ox / 2 * sx * share, 0.0)
        push_y = np.where(hit & ~along_x, oy / 2 * sy * share, 0.0)
        xy[:, 0] -= push_x.sum(axis=1) / 2  # each pair is seen from both ends
        xy[:, 1] -= push_y.sum(axis=1) / 2
    return xy[:n]


@dataclass(frozen=True)
class Arrowhead:
    """An arrow's head in device pixels: its tip, the unit vector it points along, its length and its side; or,
    with `tail`, the arrow's start, `length` then how near a box it reads as leaving from it."""

    tip: np.ndarray
    direction: np.ndarray
    length: float
    side: str
    tail: bool = False

    @property
    def points(self) -> np.ndarray:
        """What a symbol must not cover: the tip, the middle and the base of a head; the start of a tail."""
        if self.tail:
            return self.tip[None, :]
        return self.tip - np.outer((0.0, 0.5, 1.0), self.direction) * self.length


def off_arrowheads(
    xy: np.ndarray, sides: Sequence[str], heads: Sequence[Arrowhead], size: tuple[float, float], gap: float
) -> np.ndarray:
    """Symbols moved along an arrow off its head (a head under a unit hid which way the blow went: issue 14): a
    symbol of the arrow's side back onto the arrow's body, as a printed map sets a unit at the head of its blow; a
    symbol of the other side ahead of the tip, where the blow strikes it. A symbol of the other side near an arrow's
    start (a tail) is set straight away from it, just clear (the Fui garrison's breakout read as the 601st
    Regiment's, which stood there after); its own side's stays, at the start of its move. A symbol's box is
    `declutter`'s."""
    out = np.array(xy, dtype=float).reshape(-1, 2)
    w, h = size[0] + gap, size[1] * 1.9 + gap
    own = np.asarray(sides)
    for head in heads:
        pts, margin = head.points, head.length if head.tail else 0.0
        gx = np.maximum(np.abs(out[:, None, 0] - pts[None, :, 0]) - w / 2, 0.0)  # from each box's edge to each point
        gy = np.maximum(np.abs(out[:, None, 1] - pts[None, :, 1]) - h / 2, 0.0)
        over = np.hypot(gx, gy) < margin if head.tail else (gx == 0) & (gy == 0)
        moved = over.any(axis=1) & ((own != head.side) if head.tail else True)
        if not moved.any():
            continue
        d = head.direction
        off = out[moved] - head.tip
        if head.tail:  # straight away from the start, no farther than clears it (not across a river with it)
            far = np.hypot(off[:, 0], off[:, 1])
            u = np.where(far[:, None] > 0, off / np.maximum(far, 1e-9)[:, None], -d)
            reach = (np.abs(u[:, 0]) * w + np.abs(u[:, 1]) * h) / 2
            out[moved] = head.tip + u * (reach + margin)[:, None]
            continue
        reach = (abs(d[0]) * w + abs(d[1]) * h) / 2  # from a box's centre to its edge along the arrow
        across = off - np.outer(off @ d, d)
        along = np.where(own[moved] == head.side, -(head.length + reach), reach)
        out[moved] = head.tip + np.outer(along, d) + across
    return out


def intersects(a: Rect, b: Rect) -> bool:
    """Overlap with a positive area (touching edges and empty rectangles do not count)."""
    if a[2] <= 0 or a[3] <= 0 or b[2] <= 0 or b[3] <= 0:
        return False
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def contains(outer: Rect, inner: Rect) -> bool:
    return (
        outer[0] <= inner[0]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and outer[1] <= inner[1]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def in_line(r: Rect) -> Rect:
    """A name's rectangle stretched sideways by a word space and trimmed to its middle line: another name there
    would run on with it into one line (5 Jul: "The 'Ruins' near Bain-Tsagan 72 Inf Rgt")."""
    return r[0] - IN_LINE, r[1] + r[3] * 0.3, r[2] + 2 * IN_LINE, r[3] * 0.4


IN_LINE = 11.0  # a name's strip reaches this far out; another's, tested 3 px in, keeps 8 px off


def shrunk(r: Rect, by: float) -> Rect:
    return r[0] + by, r[1] + by, r[2] - 2 * by, r[3] - 2 * by


class Occupancy:
    """Rectangles already taken on screen, bucketed in a coarse grid so a test touches few of them. Each is kept
    by its edges (x0, y0, x1, y1): a label's placement asks hundreds of these tests a frame."""

    CELL = 64.0

    def __init__(self, rects: Iterable[Rect] = ()) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        for r in rects:
            self.add(r)

    def _span(self, x0: float, y0: float, x1: float, y1: float) -> tuple[range, range]:
        c = self.CELL
        return range(int(x0 // c), int(x1 // c) + 1), range(int(y0 // c), int(y1 // c) + 1)

    def add(self, r: Rect) -> None:
        if r[2] <= 0 or r[3] <= 0:
            return  # an empty rectangle takes no room (`intersects` never counts it)
        edges = x0, y0, x1, y1 = (r[0], r[1], r[0] + r[2], r[1] + r[3])
        c, cells = self.CELL, self.cells  # `_span`, inline: a hundred rectangles are added a frame
        rows = range(int(y0 // c), int(y1 // c) + 1)
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in rows:
                cells.setdefault((i, j), []).append(edges)

    def hits(self, r: Rect) -> bool:
        if r[2] <= 0 or r[3] <= 0:
            return False
        x0, y0, x1, y1 = r[0], r[1], r[0] + r[2], r[1] + r[3]
        c, cells = self.CELL, self.cells  # the cells it spans, as `_span` (inline: asked hundreds of times a frame)
        rows = range(int(y0 // c), int(y1 // c) + 1)
        for i in range(int(x0 // c), int(x1 // c) + 1):
            for j in rows:
                cell = cells.get((i, j))
                if cell:
                    for a0, b0, a1, b1 in cell:
                        if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                            return True
        return False

    def covered(self, r: Rect) -> float:
        """How much of `r` is taken (pixels², counting a rectangle once however many cells it spans)."""
        columns, rows = self._span(r[0], r[1], r[0] + r[2], r[1] + r[3])
        seen = {id(o): o for i in columns for j in rows for o in self.cells.get((i, j), ())}
        return sum(overlap(r, (a0, b0, a1 - a0, b1 - b0)) for a0, b0, a1, b1 in seen.values())


@dataclass(frozen=True)
class LabelRequest:
    """A label of `size` (w, h) to put near `anchor` (x, y), at least `gap` pixels from it sideways.

    Requests of one `group` (not None) are alternatives (a claim line's name at several points along it): the
    first that fits is placed, the others are skipped. A `forced` label (Nomonhan, the river, the place the
    story is at) is drawn even where it overlaps, at its first candidate inside the view."""

    anchor: tuple[float, float]
    size: tuple[float, float]
    gap: float
    group: object = None
    forced: bool = False
    reach: float = 0.0  # how much farther out it may go, on a leader line, when no spot beside its anchor is free
    mark: str = ""  # the kind of mark at its anchor ("unit", "place") readers pair names with: no other name of that
    # kind may look like its (a river's or a claim's name names a line, and has none)


LEFT_FIRST = 0.7  # a mark on a name's left counts as this much nearer: names are read as following their mark
READS_AS = 3.2  # a name level with a symbol and within this many gaps of it beside it reads as that symbol's


class MarkRows:
    """The centres of the symbols names belong to, bucketed by screen row: which lies level with a rectangle,
    beside it, is asked for every candidate spot of every name."""

    ROW = 32.0

    def __init__(self, points: Iterable[tuple[float, float]], half: float = 0.0) -> None:
        self.half = half  # half a mark's width (the `gap` its names keep)
        self.rows: dict[int, list[tuple[float, float]]] = {}
        for x, y in points:
            self.rows.setdefault(int(y // self.ROW), []).append((x, y))

    def beside(self, r: Rect, own: tuple[float, float]) -> tuple[float, float]:
        """How far (pixels, sideways) the rectangle lies from its own anchor and from the nearest other symbol
        level with it (its centre within the rectangle's height, or half that height beyond: a symbol is taller
        than its centre); infinite where none is level."""
        x0, x1 = r[0], r[0] + r[2]
        y0, y1 = r[1] - r[3] / 2, r[1] + r[3] * 1.5
        mine = other = math.inf
        for j in range(int(y0 // self.ROW), int(y1 // self.ROW) + 1):
            for x, y in self.rows.get(j, ()):
                if y0 <= y <= y1:
                    d = _sideways(x, x0, x1)
                    if (x, y) == own:
                        mine = d
                    else:
                        other = min(other, d)
        if mine == math.inf and y0 <= own[1] <= y1:  # the anchor of a name that is not a symbol's (a place)
            mine = _sideways(own[0], x0, x1)
        return mine, other

    def crossed(self, req: LabelRequest, r: Rect) -> bool:
        """Does the leader line from the anchor to the name at `r` pass through another mark's box (any part of
        it: 3 Jul, the 23rd Division's line ran up through the 11th Tank Brigade's frame, off its centre)? A
        mark's box is taken as `half` either side and BOX_HEIGHT of that above and below."""
        (ax, ay), (x, y, w, h) = req.anchor, r
        bx, by = min(max(ax, x), x + w), min(max(ay, y), y + h)  # the name's nearest point
        hw, hh = self.half, self.half * BOX_HEIGHT
        for j in range(int((min(ay, by) - hh) // self.ROW), int((max(ay, by) + hh) // self.ROW) + 1):
            for px, py in self.rows.get(j, ()):
                if (px, py) != req.anchor and _segment_meets_box(ax, ay, bx, by, (px - hw, py - hh, px + hw, py + hh)):
                    return True
        return False

    def nearer_other(self, req: LabelRequest, r: Rect) -> bool:
        """Does another mark lie nearer the name at `r` than its own anchor does (3 Jul: '23 Div', out on its
        line, sat on top of the 11th Tank Brigade's frame)? Measured from the marks' centres to the name."""
        own = distance_to_rect(req.anchor, r)
        x0, y0, x1, y1, near = r[0], r[1], r[0] + r[2], r[1] + r[3], own - 1.0
        for j in range(int((r[1] - own) // self.ROW), int((r[1] + r[3] + own) // self.ROW) + 1):
            for pt in self.rows.get(j, ()):
                x, y = pt  # `distance_to_rect`, inline: asked for every mark near every spot tried
                if math.hypot(max(x0 - x, 0.0, x - x1), max(y0 - y, 0.0, y - y1)) < near and pt != req.anchor:
                    return True
        return False

    def misread(self, req: LabelRequest, r: Rect) -> bool:
        """Would a reader take the name at `r` for another symbol's: level with it and nearer to it than to its own?
        (A name out on a leader line is asked too: a line drawn to a name beside another symbol does not undo it.)"""
        if not self.rows:
            return False
        mine, other = self.beside(r, req.anchor)
        return other < mine and other <= READS_AS * max(req.gap, 8.0)


def _holds(r: Rect, pt: tuple[float, float]) -> bool:
    """Is the point within the rectangle (a name set on its own mark, with no leader line)?"""
    return r[0] <= pt[0] <= r[0] + r[2] and r[1] <= pt[1] <= r[1] + r[3]


BOX_HEIGHT = 0.75  # a symbol's box is this much as tall as it is wide, about its anchor (its `gap` is half its width)


def distance_to_rect(pt: tuple[float, float], r: Rect) -> float:
    dx = max(r[0] - pt[0], 0.0, pt[0] - (r[0] + r[2]))
    dy = max(r[1] - pt[1], 0.0, pt[1] - (r[1] + r[3]))
    return math.hypot(dx, dy)


def _segment_meets_box(ax: float, ay: float, bx: float, by: float, box: tuple[float, float, float, float]) -> bool:
    """Does the segment a-b pass through the box (x0, y0, x1, y1)? (Liang-Barsky clipping.)"""
    t0, t1, dx, dy = 0.0, 1.0, bx - ax, by - ay
    for p, q in ((-dx, ax - box[0]), (dx, box[2] - ax), (-dy, ay - box[1]), (dy, box[3] - ay)):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return True


def _sideways(x: float, x0: float, x1: float) -> float:
    """How far a mark at `x` lies beside a name spanning x0..x1, as a reader weighs it (LEFT_FIRST)."""
    return (x0 - x) * LEFT_FIRST if x <= x0 else x - x1 if x >= x1 else 0.0


class Marks:
    """The marks names belong to, by kind: a unit's name must not read as another unit's, a place's as another
    place's (a hill's name set beside the next hill); and a leader line must not run through another mark of its
    kind on its way to the name (24 Aug: the 6th Tank Brigade's name, 90 px out, past the 57th's symbol)."""

    def __init__(self, requests: Sequence[LabelRequest]) -> None:
        kinds = {req.mark for req in requests if req.mark}
        self.rows = {
            kind: MarkRows(
                [req.anchor for req in requests if req.mark == kind], max(req.gap for req in requests if req.mark == kind)
            )
            for kind in kinds
        }

    def misread(self, req: LabelRequest, r: Rect, leader: bool = False) -> bool:
        rows = self.rows.get(req.mark)
        if rows is not None and (rows.misread(req, r) or rows.nearer_other(req, r)):
            return True
        # A leader line passes no mark of any kind (20 Aug: a held ground's name's line ran through a unit's box).
        return leader and not _holds(r, req.anchor) and any(kind.crossed(req, r) for kind in self.rows.values())


class Barriers:
    """Lines a name must not be set across from its mark (the river: 3 Jul, Bain-Tsagan's name lay on the east
    bank in the Japanese ground while its hill is on the west bank), as segments bucketed in a coarse grid: a
    name's test looks only at the few segments in the cells its own short line spans."""

    CELL = 64.0

    def __init__(self, lines: Iterable[np.ndarray] = ()) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        c = self.CELL
        for line in lines:
            pts = np.asarray(line, dtype=float).reshape(-1, 2)
            for (x0, y0), (x1, y1) in zip(pts[:-1].tolist(), pts[1:].tolist(), strict=True):
                for i in range(int(min(x0, x1) // c), int(max(x0, x1) // c) + 1):
                    for j in range(int(min(y0, y1) // c), int(max(y0, y1) // c) + 1):
                        self.cells.setdefault((i, j), []).append((x0, y0, x1, y1))

    def between(self, req: LabelRequest, r: Rect) -> bool:
        """Does a line run between the anchor and the middle of the name at `r` (3 Jul: '7 MA Bde' began at the
        river's edge and read on the far bank)? Crossings within the mark itself (0.6 of its gap: a unit or a
        bridge on the river) do not count."""
        if not self.cells or not req.mark:
            return False  # a line's own name (a river's, a claim's) lies on its line
        (ax, ay), (x, y, w, h) = req.anchor, r
        bx, by = x + w / 2, y + h / 2
        length = math.hypot(bx - ax, by - ay)
        return bool(length) and any(t > req.gap * 0.6 / length for t in self.crossings((ax, ay), (bx, by)))

    def crossings(self, a: tuple[float, float], b: tuple[float, float]) -> Iterator[float]:
        """Where (0..1 from a to b) the segment a-b crosses a line, one by one (a test may stop at the first)."""
        (ax, ay), (bx, by), c = a, b, self.CELL
        seen: set[tuple[float, float, float, float]] = set()
        for i in range(int(min(ax, bx) // c), int(max(ax, bx) // c) + 1):
            for j in range(int(min(ay, by) // c), int(max(ay, by) // c) + 1):
                for seg in self.cells.get((i, j), ()):
                    if seg not in seen:
                        seen.add(seg)
                        t = _crossing(ax, ay, bx, by, seg)
                        if t is not None:
                            yield t


def kept_on_bank(true_xy: np.ndarray, shown_xy: np.ndarray, rivers: Barriers, stand: float) -> tuple[np.ndarray, np.ndarray]:
    """Symbols moved aside (`declutter`, `off_arrowheads`) set back along their move to just short of a river they
    were pushed across (5 Jul: the 23rd Division's HQ and the 26th Regiment, pushed out of the crowd at the crossing,
    stood on the west bank the Japanese had just left); the positions and which were set back. A river within
    `stand` pixels of where a symbol stands (a unit at a bridge) does not count."""
    out, back = np.array(shown_xy, dtype=float), np.zeros(len(shown_xy), dtype=bool)
    for i in np.flatnonzero(np.abs(out - true_xy).sum(axis=1) > 1):
        a, b = true_xy[i], out[i]
        length = float(np.hypot(*(b - a)))
        ts = [t for t in rivers.crossings((a[0], a[1]), (b[0], b[1])) if t * length > stand]
        if ts:
            out[i], back[i] = a + (b - a) * (min(ts) - stand / length), True  # each t is beyond `stand`
    return out, back


def _crossing(ax: float, ay: float, bx: float, by: float, seg: tuple[float, float, float, float]) -> float | None:
    """Where (0..1 along a-b) the segment a-b crosses `seg` (x0, y0, x1, y1), or None."""
    x0, y0, x1, y1 = seg
    dx, dy, ex, ey = bx - ax, by - ay, x1 - x0, y1 - y0
    den = dx * ey - dy * ex
    if den == 0:
        return None
    t = ((x0 - ax) * ey - (y0 - ay) * ex) / den
    u = ((x0 - ax) * dy - (y0 - ay) * dx) / den
    return t if 0 <= t <= 1 and 0 <= u <= 1 else None


NEAR = 12  # candidates beside the anchor; those after them lie half `reach` and `reach` farther out (with a leader line)
RING = 8  # of those, how many each of the two rings farther out repeats


def candidate_rects(req: LabelRequest, lift: float, drop: float) -> list[Rect]:
    """Where a label may go, best first: right, left, above, below, the four diagonals, then right and left one
    line higher or lower (room in a crowd, still beside its symbol; an area's name first centred on its point);
    then, for a request with a `reach`, the first eight again half that farther out, and that far out, and for a
    unit's last on the mark itself (in a crowd where every spot beside it would read as another's, its number on
    its own box: issue 14); a name set inside what it names (mark "inside") only centred on its point. `lift` and
    `drop` are the extra room kept above and below the anchor (a symbol's echelon marks stand above it)."""
    if req.mark == "inside":  # a name set inside what it names (a pocket), where it was seen to fit: only there
        return [_centred(req)]
    near = _candidates(req.anchor, req.size, req.gap, lift, drop)
    if req.mark == "area":  # an area's name is set on its ground: centred on its point first (as many candidates)
        near = [_centred(req), *near[:-1]]
    if not req.reach:
        return near
    rings = (_candidates(req.anchor, req.size, req.gap + out, lift, drop)[:RING] for out in (req.reach / 2, req.reach))
    return near + [r for ring in rings for r in ring] + ([_centred(req)] if req.mark == "unit" else [])


def candidate_count(req: LabelRequest) -> int:
    """How many candidates `candidate_rects` gives `req`, without making them (a frame that keeps its names asks
    for every label): an index chosen for another frame's request of the same slot is only good for as many. A
    pocket's name goes inside it (one candidate) at one zoom and at its edge (a leader's rings) at the next."""
    if req.mark == "inside":
        return 1
    if not req.reach:
        return NEAR
    return NEAR + 2 * RING + (req.mark == "unit")


def _centred(req: LabelRequest) -> Rect:
    (ax, ay), (w, h) = req.anchor, req.size
    return ax - w / 2, ay - h / 2, w, h


def _candidates(anchor: tuple[float, float], size: tuple[float, float], g: float, lift: float, drop: float) -> list[Rect]:
    (ax, ay), (w, h) = anchor, size
    up, down = ay - g - h - lift, ay + g + drop
    right, left = ax + g, ax - g - w
    return [
        (right, ay - h / 2, w, h),
        (left, ay - h / 2, w, h),
        (ax - w / 2, up, w, h),
        (ax - w / 2, down, w, h),
        (right, up + h / 2, w, h),
        (left, up + h / 2, w, h),
        (right, down - h / 2, w, h),
        (left, down - h / 2, w, h),
        (right, ay - h * 1.5, w, h),
        (right, ay + h * 0.5, w, h),
        (left, ay - h * 1.5, w, h),
        (left, ay + h * 0.5, w, h),
    ]


def label_reach(req: LabelRequest, lift: float, drop: float) -> float:
    """The farthest any candidate rectangle's nearest point lies from the anchor: how far a label can drift
    from what it names (a test bounds it)."""
    return max(distance_to_rect(req.anchor, r) for r in candidate_rects(req, lift, drop))


def place_labels(
    requests: Sequence[LabelRequest], obstacles: Iterable[Rect], view: Rect, lift: float = 8.0, drop: float = 6.0
) -> list[Rect | None]:
    """Greedily, in the order given (most important first), the first candidate of each label that lies inside
    `view` and overlaps neither an obstacle nor a label already placed; None where no candidate fits, so a
    label is left out rather than drawn over another (unless it is forced). Labels may touch by a few pixels
    of their halos. Of a group, only the first request that fits is placed."""
    choices = choose_candidates(requests, obstacles, view, lift, drop)
    return [None if i is None else candidate_rects(req, lift, drop)[i] for req, i in zip(requests, choices, strict=True)]


def choose_candidates(
    requests: Sequence[LabelRequest],
    obstacles: Iterable[Rect],
    view: Rect,
    lift: float = 8.0,
    drop: float = 6.0,
    preferred: Sequence[int | None] = (),
    barriers: Barriers | None = None,
) -> list[int | None]:
    """`place_labels`, answered as the index of each label's chosen candidate (see `candidate_rects`): a map
    that meets the same labels again (the next frame of a slow playback) reuses the choice at the new anchors.
    `preferred[i]`, if given, is the candidate request i tries first (where its label was last frame: a label
    that stays put while its spot is free does not hop from side to side as the units move).

    A forced label with alternatives (a river's name at points along it) is forced only when none of them fits,
    at the candidate of any alternative that hides least. No mark's name is set across one of the `barriers`
    (the rivers; built once per view by the caller: that costs more than a placement) from its mark, unless
    out on a leader line that ties a unit's name to its mark (3 Jul: else six of the crowd at Bain-Tsagan went
    unnamed). A place's name never is (25 Jul: 'Soviet bridgehead (east bank)' stood on the west bank, its leader
    line hidden under the 36th's symbol)."""
    grid, names = Occupancy(obstacles), Occupancy()  # names: the labels placed so far alone
    marks, walls = Marks(requests), barriers or Barriers()
    chosen: list[int | None] = [None] * len(requests)
    done: set[object] = set()

    def preferred_of(n: int) -> int | None:
        return preferred[n] if n < len(preferred) else None

    vx0, vy0, vx1, vy1 = view[0], view[1], view[0] + view[2], view[1] + view[3]
    visits = _visiting_order(requests, preferred_of)
    last_of = {requests[n].group: n for n in visits if requests[n].group is not None}
    crowded: dict[object, list[tuple[int, tuple[int, Rect]]]] = {}  # a forced group's candidates, none free
    for n in visits:
        req = requests[n]
        if req.group is not None and req.group in done:
            continue
        rects = candidate_rects(req, lift, drop)
        first, order = preferred_of(n), [*range(len(rects))]
        if first is not None and first < len(rects):
            order.insert(0, order.pop(first))
        # Tested lazily, cheapest first: while the story runs on, a label's last spot is usually still free.
        pick = None
        for i in order:
            x, y, w, h = r = rects[i]
            if (
                vx0 <= x  # inside the view (`contains`, inline)
                and x + w <= vx1
                and vy0 <= y
                and y + h <= vy1
                and not grid.hits((x + 3, y + 3, w - 6, h - 6))  # shrunk by 3
                and not marks.misread(req, r, leader=i >= NEAR)
                and _on_own_bank(req, (i, r), walls)
            ):
                pick = n, (i, r)
                break
        if pick is None and req.forced:
            crowded.setdefault(req.group, []).extend((n, (i, r)) for i, r in enumerate(rects) if contains(view, r))
            if req.group is None or last_of[req.group] == n:  # every alternative tried: drawn where it hides least
                pick = _least_hiding(crowded.pop(req.group), requests, preferred_of, grid, marks, walls, names)
        if pick is not None:
            at, (i, rect) = pick
            chosen[at] = i
            grid.add(shrunk(rect, 2))
            grid.add(in_line(rect))  # no other name set end to end with it
            names.add(in_line(rect))
            done.add(req.group)
    return chosen


def _on_own_bank(req: LabelRequest, candidate: tuple[int, Rect], walls: Barriers) -> bool:
    """Is the name at this candidate on its mark's side of the rivers, or a unit's name out on a leader line
    (its line ties it to its mark across the water)?"""
    i, r = candidate
    return (i >= NEAR and req.mark == "unit") or not walls.between(req, r)


def _visiting_order(requests: Sequence[LabelRequest], preferred_of: Callable[[int], int | None]) -> list[int]:
    """The requests' indices in the order given, except that the alternative of a group placed last frame (the
    one with a preferred candidate) is tried first of its group: a river's name stays at its point along the
    river while that is free, rather than going back to the first point that fits."""
    placed_last: dict[object, int] = {}
    for n, req in enumerate(requests):
        if req.group is not None and preferred_of(n) is not None:
            placed_last.setdefault(req.group, n)
    order: list[int] = []
    for n, req in enumerate(requests):
        first = placed_last.get(req.group, n) if req.group is not None else n
        order.extend(dict.fromkeys((first, n)))  # the group's first visit brings its last-placed alternative forward
    return list(dict.fromkeys(order))


CORNER_PX2 = 200.0  # a forced name may hide this much more (a corner of something) to keep clear of another's mark


def _least_hiding(
    options: list[tuple[int, tuple[int, Rect]]],
    requests: Sequence[LabelRequest],
    preferred_of: Callable[[int], int | None],
    grid: Occupancy,
    marks: Marks,
    walls: Barriers,
    names: Occupancy | None = None,
) -> tuple[int, tuple[int, Rect]] | None:
    """A forced label's spot when none is free: where it was last frame (it does not jump while the story runs
    on), else on its mark's bank of the river wherever there is a spot there (3 Jul: 'Bain-Tsagan' forced onto
    the east bank, the hill being on the west, told the reader the wrong bank), where it hides least, or nearly
    least (up to a corner's more: `CORNER_PX2`) but not beside another's mark (hiding a name to avoid seeming to
    name the wrong mark would trade one fault for a worse one) nor out on a line through another mark (31 Aug:
    'Nomonhan Burd Obo' on a line through the 9th Motor-Armoured Brigade's box read as its name; where every spot
    hiding nothing was such a spot, it went 8 km west beside Hill 731, and a reader put the obo there); a unit's
    name wherever it reads as its own and covers no other name, and nowhere if there is no such spot (24 Aug:
    Kajikawa's name, forced beside the 71st's box, named the wrong unit)."""
    if not options:
        return None
    own_bank = [o for o in options if _on_own_bank(requests[o[0]], o[1], walls)]
    options = own_bank or options  # a spot across the river only when its bank has none in view
    steady = next((o for o in options if o[1][0] == preferred_of(o[0])), None)
    if steady is not None:
        return steady
    hidden = {id(o): grid.covered(o[1][1]) for o in options}
    least = min(hidden.values())
    near_least = [o for o in options if hidden[id(o)] <= least * 1.25 + 20]
    if requests[options[0][0]].mark == "unit":  # beside another's box or over another name it names the wrong unit
        clear = [
            o
            for o in options
            if not marks.misread(requests[o[0]], o[1][1], leader=o[1][0] >= NEAR)
            and not (names is not None and names.hits(o[1][1]))
        ]
        return min(clear, key=lambda o: hidden[id(o)]) if clear else None
    clear = [
        o
        for o in options
        if hidden[id(o)] <= least * 1.25 + 20 + CORNER_PX2 and not marks.misread(requests[o[0]], o[1][1], leader=o[1][0] >= NEAR)
    ]
    return min(clear or near_least, key=lambda o: hidden[id(o)])


CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right", "top", "bottom", "left", "right")


def corner_rect(where: str, size: tuple[float, float], view: tuple[float, float], margin: float) -> Rect:
    """The rectangle of `size` at a corner (or the middle of an edge) of a `view` (width, height)."""
    (w, h), (vw, vh) = size, view
    x = margin if "left" in where else vw - margin - w if "right" in where else (vw - w) / 2
    y = margin if "top" in where else vh - margin - h if "bottom" in where else (vh - h) / 2
    return x, y, w, h


def place_overlays(
    sizes: Sequence[tuple[float, float]],
    view: tuple[float, float],
    keep_clear: Sequence[Rect],
    avoid: Sequence[Rect] = (),
    margin: float = 12.0,
    preferences: Sequence[Sequence[str]] = (),
    alternatives: Sequence[Sequence[tuple[float, float]]] = (),
) -> list[Rect]:
    """Where the map's overlays (legend, inset, scale bar, north arrow) go, in the order given: each at the corner
    or edge middle that hides the fewest of the marks to `avoid` (unit symbols, place marks: an overlay never
    covers the battlefield while a spot that does not is left), then overlaps least the overlays already placed,
    then covers least of `keep_clear` (the disputed ground, cut in strips), then least of `avoid` by area;
    ties go to the overlay's own `preferences` (an order of places from CORNERS), then to CORNERS' order, so
    each keeps its corner from frame to frame. `alternatives[i]` are other shapes overlay i may take (a legend
    in more or fewer columns): in its corner, another shape is taken where its own `sizes[i]` would hide more."""
    taken: list[Rect] = []
    clear, shun = np.array(keep_clear, dtype=float).reshape(-1, 4), np.array(avoid, dtype=float).reshape(-1, 4)
    for i, size in enumerate(sizes):
        prefer = list(preferences[i]) if i < len(preferences) else []
        order = prefer + [c for c in CORNERS if c not in prefer]
        shapes = [size, *(alternatives[i] if i < len(alternatives) else ())]
        fits = [s for s in shapes if s[0] <= view[0] - 2 * margin and s[1] <= view[1] - 2 * margin] or [size]
        options = [(c, k) for k in range(len(fits)) for c in order]
        rects = np.array([corner_rect(c, fits[k], view, margin) for c, k in options], dtype=float)
        hidden_w, hidden_h = _overlaps_many(rects, shun)  # every option against every rectangle at once
        near_w, near_h = _overlaps_many(rects, np.array(taken, dtype=float))
        ground_w, ground_h = _overlaps_many(rects, clear)
        costs = zip(
            ((hidden_w > 0) & (hidden_h > 0)).sum(axis=1).tolist(),
            _areas(near_w, near_h).tolist(),
            _areas(ground_w, ground_h).tolist(),
            _areas(hidden_w, hidden_h).tolist(),
            strict=True,
        )
        cost = [
            (marks, round(near / 100), round(ground), round(hidden / 400), order.index(c), k)  # 400 px²: a symbol
            for (c, k), (marks, near, ground, hidden) in zip(options, costs, strict=True)
        ]
        taken.append(tuple(rects[min(range(len(options)), key=cost.__getitem__)].tolist()))
    return taken


def _overlaps_many(rects: np.ndarray, others: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The width and height (negative where apart) of the intersection of each of the (m, 4) `rects` with each of
    the (n, 4) `others`: two (m, n) arrays."""
    r, o = rects[:, None, :], others.reshape(1, -1, 4)
    w = np.minimum(r[..., 0] + r[..., 2], o[..., 0] + o[..., 2]) - np.maximum(r[..., 0], o[..., 0])
    h = np.minimum(r[..., 1] + r[..., 3], o[..., 1] + o[..., 3]) - np.maximum(r[..., 1], o[..., 1])
    return w, h


def _areas(w: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Each row's total area of intersection, from `_overlaps_many`."""
    return (np.clip(w, 0, None) * np.clip(h, 0, None)).sum(axis=1)


def overlap(a: Rect, b: Rect) -> float:
    """Area of the intersection of two rectangles."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)
