"""Where the story caption goes on the map: pure geometry in screen pixels (y down), tested without a display.

The caption must never cover what it describes — the event's units (`hard` rectangles) — and should cover as
little else as it can (other units, places, the legend: `soft`). It tries boxes along the map's edges and
corners; when no box clears the event's units, it becomes a slim band along the top or bottom edge and the
camera is asked to move the units out from under it (`room_for`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .camera import Camera
from .placement import Rect


def _overlap(a: Rect, b: Rect) -> float:
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def covers(box: Rect, rects: Sequence[Rect]) -> bool:
    return any(_overlap(box, r) > 0 for r in rects)


def place_box(
    area: tuple[float, float], size: tuple[float, float], hard: Sequence[Rect], soft: Sequence[Rect], margin: float
) -> Rect | None:
    """The box of `size` inside `area` that covers none of `hard` and the least of `soft`; among equals, the one
    nearest the bottom-left (where a caption is first looked for). None if every box covers a hard rectangle."""
    (aw, ah), (w, h) = area, size
    if w + 2 * margin > aw or h + 2 * margin > ah:
        return None
    xs = sorted({margin, (aw - w) / 2, aw - w - margin})
    rows = max(1, int((ah - h - 2 * margin) // max(h / 4, 1.0)))
    ys = [margin + (ah - h - 2 * margin) * i / rows for i in range(rows + 1)]
    best: tuple[tuple[float, float, float], Rect] | None = None
    for x in xs:
        for y in ys:
            box = (x, y, w, h)
            if covers(box, hard):
                continue
            edge = min(x, aw - w - x, y, ah - h - y)  # boxes against an edge keep the middle of the map free
            key = (sum(_overlap(box, r) for r in soft), edge, (ah - h - y) + x * 0.1)
            if best is None or key < best[0]:
                best = key, box
    return best[1] if best else None


@dataclass(frozen=True)
class Band:
    box: Rect
    camera: Camera | None  # the camera that leaves room for the event's units, or None if they are clear already


def band(area: tuple[float, float], height: float, hard: Sequence[Rect], camera: Camera, margin: float) -> Band:
    """A full-width band along the bottom or top edge (the one over fewer of the event's units), and the camera
    that moves the units into the rest of the map (zooming out if they do not fit there). `camera` is what the
    view shows (its aspect is the viewport's), so pixels and km convert linearly."""
    aw, ah = area
    bottom, top = (0.0, ah - height, aw, height), (0.0, 0.0, aw, height)
    box = min((bottom, top), key=lambda b: sum(_overlap(b, r) for r in hard))
    if not covers(box, hard):
        return Band(box, None)
    free_top = height + margin if box is top else margin
    free_h = ah - height - 2 * margin
    x0 = min(r[0] for r in hard)
    y0 = min(r[1] for r in hard)
    x1 = max(r[0] + r[2] for r in hard)
    y1 = max(r[1] + r[3] for r in hard)
    zoom_out = max(1.0, (y1 - y0) / max(free_h, 1.0), (x1 - x0) / max(aw - 2 * margin, 1.0))
    kx, ky = (camera.x1 - camera.x0) / aw, (camera.y1 - camera.y0) / ah  # km per pixel
    cx_km = camera.x0 + (x0 + x1) / 2 * kx
    cy_km = camera.y1 - (y0 + y1) / 2 * ky
    # the units' centre goes to the free part's centre, horizontally where it was
    px, py = (x0 + x1) / 2, free_top + free_h / 2
    nx0 = cx_km - px * kx * zoom_out
    ny1 = cy_km + py * ky * zoom_out
    return Band(box, Camera(nx0, nx0 + aw * kx * zoom_out, ny1 - ah * ky * zoom_out, ny1))
