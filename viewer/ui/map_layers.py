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


def _item(path: QtGui.QPainterPath, pen: QtGui.QPen | None, brush: QtGui.QBrush | None, z: float) -> QtWidgets.QGraphicsPathItem:
    item = QtWidgets.QGraphicsPathItem(path)
    item.setPen(pen or QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
    item.setBrush(brush or QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush))
    item.setZValue(z)
    return item


def cosmetic(hex_colour: str, width: float, style: QtCore.Qt.PenStyle = QtCore.Qt.PenStyle.SolidLine, alpha: float = 1.0) -> QtGui.QPen:
    """A pen whose width is in screen pixels whatever the zoom."""
    pen = QtGui.QPen(colour(hex_colour, alpha), width, style)
    pen.setCosmetic(True)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
    return pen


def add_static_layers(view: pg.ViewBox, scenario: Scenario, scale: float) -> dict[str, list]:
    """Draw the base map into `view`; returns the items by layer so they can be toggled."""
    layers: dict[str, list] = {"disputed": [], "water": [], "border": [], "claims": []}
    hatch = QtGui.QBrush(colour(DISPUTED_FILL, 0.38))
    layers["disputed"].append(_item(path_of(scenario.disputed_ground_km), None, hatch, -20))
    for f in scenario.layers["lakes"]:
        layers["water"].append(_item(path_of(f.geometry_km), cosmetic(RIVER, 1.2 * scale), QtGui.QBrush(colour(LAKE)), -10))
    for f in scenario.layers["rivers"]:
        approximate = bool(f.properties.get("approximate_km"))
        pen = cosmetic(RIVER, (2.5 if approximate else 4.0) * scale, QtCore.Qt.PenStyle.DashLine if approximate else QtCore.Qt.PenStyle.SolidLine)
        layers["water"].append(_item(path_of(f.geometry_km), pen, None, -5))
    for f in scenario.layers["border-modern"]:
        layers["border"].append(_item(path_of(f.geometry_km), cosmetic(MODERN, 1.5 * scale, QtCore.Qt.PenStyle.DotLine), None, -8))
    for claim in scenario.claims:
        if claim.claimant == "manchukuo":  # the river itself: a broad band under the river line
            pen = cosmetic(CLAIM_COLOURS[claim.claimant], 11 * scale, alpha=0.45)
            z = -6
        else:
            pen = cosmetic(CLAIM_COLOURS[claim.claimant], 3.5 * scale, QtCore.Qt.PenStyle.DashLine, 0.9)
            pen.setDashPattern([4, 3])
            z = -3
        layers["claims"].append(_item(path_of(claim.feature.geometry_km), pen, None, z))
    for items in layers.values():
        for item in items:
            view.addItem(item, ignoreBounds=True)
    return layers
