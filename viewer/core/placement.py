"""Where marks and labels go on screen: pure geometry in device pixels, no Qt, so it is tested without a display.

The map's Qt layers measure symbols and text, ask these functions where to put them, and draw there.
A rectangle is `(left, top, width, height)` with y pointing down, as on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

Rect = tuple[float, float, float, float]


def declutter(xy: np.ndarray, size: tuple[float, float], gap: float, rounds: int = 10) -> np.ndarray:
    """Push overlapping symbols apart; returns the new (n, 2) positions (their true ones get a leader line).

    `size` is a symbol's (width, height) in pixels; the height is taken 1.9 times to keep the echelon marks
    above a frame clear too. Each round moves every overlapping pair half-way apart along the axis of least
    overlap; the pair tests are vectorised, so a few hundred symbols settle in well under a millisecond a round.
    """
    xy = np.array(xy, dtype=float).reshape(-1, 2)
    if len(xy) < 2:
        return xy
    w, h = size[0] + gap, size[1] * 1.9 + gap
    order = np.arange(len(xy))
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
    return xy


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


def shrunk(r: Rect, by: float) -> Rect:
    return r[0] + by, r[1] + by, r[2] - 2 * by, r[3] - 2 * by


class Occupancy:
    """Rectangles already taken on screen, bucketed in a coarse grid so a test touches few of them."""

    CELL = 64.0

    def __init__(self, rects: Iterable[Rect] = ()) -> None:
        self.cells: dict[tuple[int, int], list[Rect]] = {}
        for r in rects:
            self.add(r)

    def _keys(self, r: Rect) -> Iterator[tuple[int, int]]:
        c = self.CELL
        for i in range(int(r[0] // c), int((r[0] + r[2]) // c) + 1):
            for j in range(int(r[1] // c), int((r[1] + r[3]) // c) + 1):
                yield i, j

    def add(self, r: Rect) -> None:
        for key in self._keys(r):
            self.cells.setdefault(key, []).append(r)

    def hits(self, r: Rect) -> bool:
        return any(intersects(r, o) for key in self._keys(r) for o in self.cells.get(key, ()))


@dataclass(frozen=True)
class LabelRequest:
    """A label of `size` (w, h) to put near `anchor` (x, y), at least `gap` pixels from it sideways."""

    anchor: tuple[float, float]
    size: tuple[float, float]
    gap: float


def candidate_rects(req: LabelRequest, lift: float, drop: float) -> list[Rect]:
    """Where a label may go, best first: right, left, above, below, then the four diagonals. `lift` and `drop`
    are the extra room kept above and below the anchor (a symbol's echelon marks stand above it)."""
    (ax, ay), (w, h), g = req.anchor, req.size, req.gap
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
    ]


def place_labels(
    requests: Sequence[LabelRequest], obstacles: Iterable[Rect], view: Rect, lift: float = 8.0, drop: float = 6.0
) -> list[Rect | None]:
    """Greedily, in the order given (most important first), the first candidate of each label that lies inside
    `view` and overlaps neither an obstacle nor a label already placed; None where no candidate fits, so a
    label is left out rather than drawn over another. Labels may touch by a few pixels of their halos."""
    grid = Occupancy(obstacles)
    chosen: list[Rect | None] = []
    for req in requests:
        rect = next((r for r in candidate_rects(req, lift, drop) if contains(view, r) and not grid.hits(shrunk(r, 3))), None)
        if rect is not None:
            grid.add(shrunk(rect, 2))
        chosen.append(rect)
    return chosen
