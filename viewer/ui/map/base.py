"""The base map: the disputed ground, the claim lines, water and the modern border, in km, and the labels of
the claims and of the disputed ground's area."""

from __future__ import annotations

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ...core.language import format_number
from ...core.model import Claim
from ..i18n import translate
from ..style import CLAIM_COLOURS, DISPUTED_FILL, LAKE, MODERN, RIVER, colour, font
from .layer import CLAIM, MapContext, MapLabel, MapLayer


def path_of(geom: BaseGeometry) -> QtGui.QPainterPath:
    """A QPainterPath for any shapely geometry (polygons with holes, lines, multi-parts)."""
    path = QtGui.QPainterPath()
    path.setFillRule(QtCore.Qt.FillRule.OddEvenFill)
    for part in getattr(geom, "geoms", [geom]):
        if part.geom_type == "Polygon":
            for ring in [part.exterior, *part.interiors]:
                path.addPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in np.asarray(ring.coords)[:, :2]]))
        elif part.geom_type in ("LineString", "LinearRing"):
            xy = np.asarray(part.coords)[:, :2]
            path.moveTo(*xy[0])
            for x, y in xy[1:]:
                path.lineTo(x, y)
    return path


def cosmetic(
    hex_colour: str, width: float, style: QtCore.Qt.PenStyle = QtCore.Qt.PenStyle.SolidLine, alpha: float = 1.0
) -> QtGui.QPen:
    """A pen whose width is in screen pixels whatever the zoom."""
    pen = QtGui.QPen(colour(hex_colour, alpha), width, style)
    pen.setCosmetic(True)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    return pen


def claim_label(claimant: str) -> str:
    return {
        "manchukuo": translate("Map", "Border claimed by Manchukuo and Japan: the river"),
        "mongolia": translate("Map", "Border claimed by Mongolia and the USSR"),
    }[claimant]


Shape = tuple[str, QtGui.QPainterPath, QtGui.QPen, QtGui.QBrush]  # (state.layers name or "", path, pen, brush)
NO_PEN, NO_BRUSH = QtGui.QPen(QtCore.Qt.PenStyle.NoPen), QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush)


class BaseMapLayer(MapLayer):
    """Every static shape in one item, so Qt caches the whole base map as a single pixmap in device coordinates
    (redrawn only when the view zooms or pans, or a part is shown or hidden), instead of blending one per part
    each frame. Its parts follow the "disputed", "claims" and "border" layers of the view state."""

    name = "base"
    z = -10.0
    watches = frozenset({"layers"})

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        self.shapes = _shapes(ctx)
        self._bounds = QtCore.QRectF()
        for _, path, _, _ in self.shapes:
            self._bounds = self._bounds.united(path.boundingRect())
        self._claim_anchors = [(c.claimant, _label_anchor(c)) for c in ctx.scenario.claims]
        ground = ctx.scenario.disputed_ground_km.representative_point()
        self._ground_anchor = ground.x, ground.y
        self.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QtCore.QRectF:
        return self._bounds

    def paint(self, p: QtGui.QPainter, *args) -> None:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        shown = self.state.layers
        for part, path, pen, brush in self.shapes:
            if part and part not in shown:
                continue
            p.setPen(pen)
            p.setBrush(brush)
            p.drawPath(path)

    def labels(self, scene_to_device: QtGui.QTransform) -> list[MapLabel]:
        t, s, shown = self.to_device(scene_to_device), self.scale, self.state.layers
        out = []
        if "claims" in shown:
            for claimant, anchor in self._claim_anchors:
                pt = t.map(QtCore.QPointF(anchor.x, anchor.y))
                out.append(
                    MapLabel(
                        ("claim", claimant),
                        claim_label(claimant),
                        (pt.x(), pt.y()),
                        6 * s,
                        font(15 * s, bold=True),
                        colour(CLAIM_COLOURS[claimant]).darker(125),
                        CLAIM,
                    )
                )
        if "disputed" in shown:
            pt = t.map(QtCore.QPointF(*self._ground_anchor))
            area = format_number(self.ctx.scenario.disputed_area_km2, self.state.language)
            out.append(
                MapLabel(
                    ("disputed", ""),
                    translate("Map", "Disputed ground ≈ %1 km²").replace("%1", area),
                    (pt.x(), pt.y()),
                    0,
                    font(16 * s, bold=True),
                    colour("#8A5A00"),
                    CLAIM,
                )
            )
        return out


def _shapes(ctx: MapContext) -> list[Shape]:
    """Bottom to top: disputed ground, the river claim band, water, the modern border, the claim line."""
    sc = ctx.scenario
    shapes: list[Shape] = [("disputed", path_of(sc.disputed_ground_km), NO_PEN, QtGui.QBrush(colour(DISPUTED_FILL, 0.38)))]
    for claim in sc.claims:
        if claim.claimant == "manchukuo":  # the river itself: a broad band under the river line
            shapes.append(
                ("claims", path_of(claim.feature.geometry_km), cosmetic(CLAIM_COLOURS[claim.claimant], 11, alpha=0.45), NO_BRUSH)
            )
    for f in sc.layers["lakes"]:
        shapes.append(("", path_of(f.geometry_km), cosmetic(RIVER, 1.2), QtGui.QBrush(colour(LAKE))))
    for f in sc.layers["rivers"]:
        approximate = bool(f.properties.get("approximate_km"))
        pen = cosmetic(
            RIVER, 2.5 if approximate else 4.0, QtCore.Qt.PenStyle.DashLine if approximate else QtCore.Qt.PenStyle.SolidLine
        )
        shapes.append(("", path_of(f.geometry_km), pen, NO_BRUSH))
    for f in sc.layers["border-modern"]:
        shapes.append(("border", path_of(f.geometry_km), cosmetic(MODERN, 1.5, QtCore.Qt.PenStyle.DotLine), NO_BRUSH))
    for claim in sc.claims:
        if claim.claimant != "manchukuo":
            pen = cosmetic(CLAIM_COLOURS[claim.claimant], 3.5, QtCore.Qt.PenStyle.DashLine, 0.9)
            pen.setDashPattern([4, 3])
            shapes.append(("claims", path_of(claim.feature.geometry_km), pen, NO_BRUSH))
    return shapes


def _label_anchor(claim: Claim) -> Point:
    """Where a claim's label goes: on the line, near the middle of the southern half of the battlefield."""
    line = claim.feature.geometry_km
    target = Point(0, -8) if claim.claimant == "manchukuo" else Point(10, 5)
    return line.interpolate(line.project(target))
