"""What part of the map is on screen, in km, and the bounds a visitor cannot zoom or pan beyond."""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_SPAN_KM = 1.0  # closer than this a symbol covers the whole screen
MAX_ZOOM_OUT = 4.0  # at most this many battlefields across
PAN_MARGIN = 1.0  # the centre may leave the battlefield by this many of its widths


@dataclass(frozen=True)
class Camera:
    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    @property
    def size(self) -> tuple[float, float]:
        return self.x1 - self.x0, self.y1 - self.y0

    def close_to(self, other: Camera, tolerance: float = 1e-3) -> bool:
        """Equal within `tolerance` of the larger span: the view's own rounding is not a move."""
        scale = max(*self.size, *other.size, 1e-9) * tolerance
        return all(abs(a - b) <= scale for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True))

    def zoomed(self, factor: float, about: tuple[float, float] | None = None) -> Camera:
        """`factor` > 1 zooms in about `about` (km; the point under the pointer or the action stays where it is
        on screen), else about the centre."""
        ax, ay = self.centre if about is None else about
        return Camera(
            ax - (ax - self.x0) / factor, ax + (self.x1 - ax) / factor, ay - (ay - self.y0) / factor, ay + (self.y1 - ay) / factor
        )

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    def panned(self, dx_fraction: float, dy_fraction: float) -> Camera:
        """Moved by fractions of its own size (positive: east and north)."""
        w, h = self.size
        return Camera(self.x0 + w * dx_fraction, self.x1 + w * dx_fraction, self.y0 + h * dy_fraction, self.y1 + h * dy_fraction)

    def blend(self, other: Camera, f: float) -> Camera:
        """The camera a fraction `f` of the way to `other` (an eased glide's frame)."""
        return Camera(*(a + (b - a) * f for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[float, float, float, float]:
        return self.x0, self.x1, self.y0, self.y1


@dataclass(frozen=True)
class CameraBounds:
    """Zoom between `MIN_SPAN_KM` and `MAX_ZOOM_OUT` battlefields; the centre stays near the battlefield."""

    home: Camera

    def clamp(self, camera: Camera) -> Camera:
        values = camera.as_tuple()
        if not all(math.isfinite(v) for v in values) or camera.x1 <= camera.x0 or camera.y1 <= camera.y0:
            return self.home
        (hw, hh), (w, h) = self.home.size, camera.size
        shrink = min(1.0, MAX_ZOOM_OUT * hw / w, MAX_ZOOM_OUT * hh / h)
        grow = max(1.0, MIN_SPAN_KM / w, MIN_SPAN_KM / h)
        factor = shrink * grow  # at most one of the two differs from 1
        w, h = w * factor, h * factor
        (hx, hy), (x, y) = self.home.centre, camera.centre
        cx = min(max(x, hx - hw / 2 - PAN_MARGIN * hw), hx + hw / 2 + PAN_MARGIN * hw)
        cy = min(max(y, hy - hh / 2 - PAN_MARGIN * hh), hy + hh / 2 + PAN_MARGIN * hh)
        if factor == 1 and (cx, cy) == (x, y):
            return camera  # inside the bounds: kept exactly, so "fit" compares equal to home
        return Camera(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2)
