"""Where the kiosk's tour overlays go on the map (the call to action, the "Guided tour" caption): pure geometry
in the map's pixels (y down), tested without a display.

An overlay must never cover the map's furniture (scale bar, north arrow, legend, inset) nor the names of what
the current event is about, and should cover nothing else either. It keeps to its own half (the call to action
low, the caption high) when it can: boxes are tried from that edge inwards and from the middle outwards; in its
own half the first box that covers nothing wins, else the one that covers least of the rest while clearing the
furniture and the event; only where its half has no such box, the same over the whole map; else the box that
covers least.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .core.placement import Rect


def covered(boxes: np.ndarray, rects: Sequence[Rect], pad: float = 0.0) -> np.ndarray:
    """For each box (rows of x, y, w, h), the area of `rects` it covers (each grown by `pad` on every side)."""
    if not len(rects):
        return np.zeros(len(boxes))
    r = np.asarray(rects, dtype=float).reshape(-1, 4)
    rx0, ry0 = r[:, 0] - pad, r[:, 1] - pad
    rx1, ry1 = r[:, 0] + r[:, 2] + pad, r[:, 1] + r[:, 3] + pad
    bx0, by0 = boxes[:, :1], boxes[:, 1:2]
    bx1, by1 = bx0 + boxes[:, 2:3], by0 + boxes[:, 3:4]
    w = np.clip(np.minimum(bx1, rx1) - np.maximum(bx0, rx0), 0, None)
    h = np.clip(np.minimum(by1, ry1) - np.maximum(by0, ry0), 0, None)
    return (w * h).sum(axis=1)


def candidates(area: tuple[float, float], size: tuple[float, float], edge: str, margin: float) -> np.ndarray:
    """Boxes of `size` inside `area`, in the order they are wanted: rows from `edge` ("top" or "bottom") inwards
    across the whole map, each row from the middle outwards (half a box's height and a quarter of its width
    apart, and against either side)."""
    (aw, ah), (w, h) = area, size
    x_room, y_room = max(aw - w - 2 * margin, 0.0), max(ah - h - 2 * margin, 0.0)
    offsets = np.arange(0.0, x_room / 2, max(w / 4, 1.0))
    xs = (
        margin
        + x_room / 2
        + np.concatenate([[0.0], np.column_stack([-offsets[1:], offsets[1:]]).ravel(), [-x_room / 2, x_room / 2]])
    )
    ys = np.append(np.arange(0.0, y_room, max(h / 2, 1.0)), y_room)
    ys = margin + (ys if edge == "top" else y_room - ys)
    grid = np.empty((len(ys), len(xs), 4))
    grid[..., 0], grid[..., 1], grid[..., 2], grid[..., 3] = xs[None, :], ys[:, None], w, h
    return grid.reshape(-1, 4)


def place_overlay(
    area: tuple[float, float],
    size: tuple[float, float],
    edge: str,
    keep_clear: Sequence[Rect],
    event: Sequence[Rect],
    rest: Sequence[Rect],
    margin: float,
) -> Rect:
    """The box for an overlay of `size`: clear of `keep_clear` (furniture, other overlays) and `event` (the
    current event's names and marks) and `rest` (every other name and mark) if any box is; else clear of the
    first two, covering least of `rest`; else covering least of all. Boxes keep `margin` from what they clear."""
    boxes = candidates(area, size, edge, margin)
    hard, must, soft = (covered(boxes, rects, margin / 2) for rects in (keep_clear, event, rest))
    clear = (hard == 0) & (must == 0)
    middle = boxes[:, 1] + boxes[:, 3] / 2
    own = middle > area[1] / 2 if edge == "bottom" else middle < area[1] / 2  # its own half of the map
    for allowed in (clear & own, clear):  # in its own half if it can be, covering least; else anywhere
        if np.any(allowed & (soft == 0)):
            i = int(np.argmax(allowed & (soft == 0)))  # the first in the order wanted
            break
        if np.any(allowed):
            i = int(np.argmin(np.where(allowed, soft, np.inf)))  # argmin takes the first of equals
            break
    else:
        i = int(np.lexsort((np.arange(len(boxes)), soft, must, hard))[0])  # furniture first, then the event
    x, y, w, h = boxes[i]
    return float(x), float(y), float(w), float(h)
