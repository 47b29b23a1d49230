"""Projections and planar geometry for the battlefield.

The map is drawn in kilometres, not degrees: a degree of longitude at 47.7° N is only two thirds of
a degree of latitude, so areas and distances in degrees would be wrong. We use the Lambert
azimuthal equal-area projection on the authalic sphere of the WGS84 ellipsoid: it preserves area
exactly (so the disputed triangle's km² is right) and, within ~100 km of its centre, distorts
distances by well under 0.1 %, so the same projection serves as the local metric map.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry

WGS84_A_KM = 6378.137
WGS84_F = 1 / 298.257223563
_E2 = WGS84_F * (2 - WGS84_F)
_E = math.sqrt(_E2)


def _q(sin_phi: np.ndarray | float) -> np.ndarray | float:
    """Snyder's q(φ), the ellipsoid's area function (Map Projections, USGS PP 1395, eq. 3-12)."""
    es = _E * sin_phi
    return (1 - _E2) * (sin_phi / (1 - es * es) - (1 / (2 * _E)) * np.log((1 - es) / (1 + es)))


_QP = float(_q(1.0))
AUTHALIC_RADIUS_KM = WGS84_A_KM * math.sqrt(_QP / 2)


def authalic_latitude(lat_deg: np.ndarray | float) -> np.ndarray | float:
    """Latitude on the sphere of equal area (radians), so that a spherical projection is equal-area."""
    return np.arcsin(np.clip(_q(np.sin(np.radians(lat_deg))) / _QP, -1.0, 1.0))


@dataclass(frozen=True)
class EqualAreaProjection:
    """Lambert azimuthal equal-area projection centred on (lon0, lat0); output in km (x east, y north)."""

    lon0: float
    lat0: float

    def forward(self, lon: np.ndarray | float, lat: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        beta = authalic_latitude(np.asarray(lat, dtype=float))
        beta0 = authalic_latitude(self.lat0)
        dlon = np.radians(np.asarray(lon, dtype=float) - self.lon0)
        cos_c = np.sin(beta0) * np.sin(beta) + np.cos(beta0) * np.cos(beta) * np.cos(dlon)
        k = np.sqrt(2 / (1 + cos_c))
        x = AUTHALIC_RADIUS_KM * k * np.cos(beta) * np.sin(dlon)
        y = AUTHALIC_RADIUS_KM * k * (np.cos(beta0) * np.sin(beta) - np.sin(beta0) * np.cos(beta) * np.cos(dlon))
        return x, y

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.forward(lon, lat)
        return float(x), float(y)

    def geometry(self, geom: BaseGeometry) -> BaseGeometry:
        """Project any shapely geometry given in lon/lat."""
        return shapely.transform(geom, lambda xy: np.column_stack(self.forward(xy[:, 0], xy[:, 1])))


def closed_ground(line_a: LineString, line_b: LineString) -> Polygon:
    """The area enclosed by two lines that share both end points (e.g. two border claims).

    The lines are joined end to end; a gap of up to a metre at the ends (rounding) is bridged.
    """
    a, b = list(line_a.coords), list(line_b.coords)
    if _dist(a[0], b[0]) + _dist(a[-1], b[-1]) < _dist(a[0], b[-1]) + _dist(a[-1], b[0]):
        b = b[::-1]  # run b back from a's end to a's start, so a + b is a ring
    ring = a + b
    poly = Polygon(ring)
    if not poly.is_valid:
        poly = poly.buffer(0)
    if poly.geom_type != "Polygon":
        poly = max(poly.geoms, key=lambda p: p.area)
    return poly


def _dist(p: Sequence[float], q: Sequence[float]) -> float:
    return math.hypot(p[0] - q[0], p[1] - q[1])


def path_length_km(points_km: Iterable[tuple[float, float]]) -> float:
    """Length of a polyline already in km (e.g. the fixes of a unit's track)."""
    pts = list(points_km)
    return sum(_dist(p, q) for p, q in itertools.pairwise(pts))
