"""The rivers whose course is known (not one drawn dashed), as barriers in a paint's device pixels: no name is set
across one from its mark (labels), no symbol moved aside across one from where it stands (units). Built once per
transform and view for the layers that ask."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from pyqtgraph.Qt import QtGui
from shapely.geometry.base import BaseGeometry

from ...core.placement import Barriers, Rect
from .layer import MapContext


def river_barriers(ctx: MapContext, t: QtGui.QTransform, view: Rect) -> Barriers:
    """The rivers mapped by `t` (map to device), clipped to `view` and bucketed for the layers' tests."""
    key = (t.m11(), t.m12(), t.m21(), t.m22(), round(t.dx(), 2), round(t.dy(), 2), view)

    def build() -> Barriers:
        m = np.array([[t.m11(), t.m12()], [t.m21(), t.m22()]])
        return Barriers([run for xy in _rivers_km(ctx) for run in _clipped(xy @ m + (t.dx(), t.dy()), view)])

    return ctx.shared("river_barriers", key, build)


def _rivers_km(ctx: MapContext) -> list[np.ndarray]:
    rivers = ctx.scenario.layers["rivers"]
    return ctx.shared(
        "rivers_km", None, lambda: _lines_of(f.geometry_km for f in rivers if not f.properties.get("approximate_km"))
    )


def _clipped(xy: np.ndarray, view: Rect) -> list[np.ndarray]:
    """The runs of a polyline's points with a segment in (or next to) the view: a river far out of it is no
    name's concern and would only fill the barriers' grid."""
    margin = 100.0
    inside = (
        (xy[:, 0] > view[0] - margin)
        & (xy[:, 0] < view[0] + view[2] + margin)
        & (xy[:, 1] > view[1] - margin)
        & (xy[:, 1] < view[1] + view[3] + margin)
    )
    keep = inside | np.r_[inside[1:], False] | np.r_[False, inside[:-1]]  # and the points just beyond
    runs, start = [], None
    for i, k in enumerate([*keep.tolist(), False]):
        if k and start is None:
            start = i
        elif not k and start is not None:
            runs.append(xy[start:i])
            start = None
    return [run for run in runs if len(run) > 1]


def _lines_of(geometries: Iterable[BaseGeometry]) -> list[np.ndarray]:
    """Every line of the geometries (a river of several parts), as (n, 2) arrays of its points."""
    out = []
    for g in geometries:
        for part in getattr(g, "geoms", [g]):
            out.append(np.asarray(part.coords, dtype=float)[:, :2])
    return out
