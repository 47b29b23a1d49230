"""Static map layers (rivers, lakes, border, claims, the disputed ground) as pyqtgraph items in km."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets
from shapely.geometry.base import BaseGeometry

from ..core.model import Scenario
from .style import CLAIM_COLOURS, DISPUTED_FILL, LAKE, MODERN, RIVER, colour


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


class BaseMapItem(pg.GraphicsObject):
    """Every static layer in one item, so Qt caches the whole base map as a single pixmap in device
    coordinates (redrawn only when the view zooms or pans), instead of blending one per layer each frame."""

    def __init__(self) -> None:
        super().__init__()
        self.layers: dict[str, list[tuple[QtGui.QPainterPath, QtGui.QPen, QtGui.QBrush]]] = {}
        self.hidden: set[str] = set()
        self._bounds = QtCore.QRectF()
        self.setZValue(-10)
        self.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def add(self, layer: str, path: QtGui.QPainterPath, pen: QtGui.QPen | None, brush: QtGui.QBrush | None) -> None:
        self.prepareGeometryChange()
        self.layers.setdefault(layer, []).append((path, pen or QtGui.QPen(QtCore.Qt.PenStyle.NoPen),
                                                  brush or QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush)))
        self._bounds = self._bounds.united(path.boundingRect())

    def set_visible(self, layer: str, visible: bool) -> None:
        (self.hidden.discard if visible else self.hidden.add)(layer)
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        return self._bounds

    def paint(self, p: QtGui.QPainter, *args) -> None:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        for layer, shapes in self.layers.items():
            if layer.split("-")[0] in self.hidden:  # 'claims' also hides 'claims-river'
                continue
            for path, pen, brush in shapes:
                p.setPen(pen)
                p.setBrush(brush)
                p.drawPath(path)


def cosmetic(hex_colour: str, width: float, style: QtCore.Qt.PenStyle = QtCore.Qt.PenStyle.SolidLine, alpha: float = 1.0) -> QtGui.QPen:
    """A pen whose width is in screen pixels whatever the zoom."""
    pen = QtGui.QPen(colour(hex_colour, alpha), width, style)
    pen.setCosmetic(True)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    return pen


LAYER_ORDER = ("disputed", "claims-river", "water", "border", "claims")


def add_static_layers(view: pg.ViewBox, scenario: Scenario, scale: float) -> BaseMapItem:
    """Draw the base map into `view`, bottom to top: disputed ground, the river claim band, water, border, claim line."""
    base = BaseMapItem()
    for layer in LAYER_ORDER:
        base.layers[layer] = []
    base.add("disputed", path_of(scenario.disputed_ground_km), None, QtGui.QBrush(colour(DISPUTED_FILL, 0.38)))
    for f in scenario.layers["lakes"]:
        base.add("water", path_of(f.geometry_km), cosmetic(RIVER, 1.2 * scale), QtGui.QBrush(colour(LAKE)))
    for claim in scenario.claims:
        if claim.claimant == "manchukuo":  # the river itself: a broad band under the river line
            base.add("claims-river", path_of(claim.feature.geometry_km), cosmetic(CLAIM_COLOURS[claim.claimant], 11 * scale, alpha=0.45), None)
    for f in scenario.layers["rivers"]:
        approximate = bool(f.properties.get("approximate_km"))
        pen = cosmetic(RIVER, (2.5 if approximate else 4.0) * scale, QtCore.Qt.PenStyle.DashLine if approximate else QtCore.Qt.PenStyle.SolidLine)
        base.add("water", path_of(f.geometry_km), pen, None)
    for f in scenario.layers["border-modern"]:
        base.add("border", path_of(f.geometry_km), cosmetic(MODERN, 1.5 * scale, QtCore.Qt.PenStyle.DotLine), None)
    for claim in scenario.claims:
        if claim.claimant != "manchukuo":
            pen = cosmetic(CLAIM_COLOURS[claim.claimant], 3.5 * scale, QtCore.Qt.PenStyle.DashLine, 0.9)
            pen.setDashPattern([4, 3])
            base.add("claims", path_of(claim.feature.geometry_km), pen, None)
    view.addItem(base, ignoreBounds=True)
    return base
