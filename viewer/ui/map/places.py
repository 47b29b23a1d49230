"""Places on the battlefield: a mark by kind (height, bridge, command post, village) and a name; a click on
one highlights it."""

from __future__ import annotations

import math

from pyqtgraph.Qt import QtCore, QtGui

from ...core.model import Place
from ...core.placement import Rect
from ..i18n import translate
from ..style import HEIGHT, INK, MODERN, RIVER, colour, font
from .layer import PLACE, MapContext, MapLabel, MapLayer


class PlacesLayer(MapLayer):
    name = "places"
    z = 5.0

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        sc = ctx.scenario
        self.places = [p for p in sc.places.values() if sc.battlefield.contains(p.lon, p.lat) or p.kind == "command post"]

    def points(self, scene_to_device: QtGui.QTransform) -> list[QtCore.QPointF]:
        t = self.to_device(scene_to_device)
        return [t.map(QtCore.QPointF(place.x, place.y)) for place in self.places]

    def paint(self, p: QtGui.QPainter, *args) -> None:
        pts = self.points(self.scene_to_device(p))
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        s = 7 * self.scale
        for place, pt in zip(self.places, pts, strict=True):
            p.setPen(QtGui.QPen(colour(INK), 1.2))
            if place.kind == "river":  # a river's name is its mark: the label sits on the water
                continue
            if place.kind == "hill":
                p.setBrush(colour(HEIGHT))
                p.drawPolygon(
                    QtGui.QPolygonF(
                        [pt + QtCore.QPointF(0, -s), pt + QtCore.QPointF(s, s * 0.7), pt + QtCore.QPointF(-s, s * 0.7)]
                    )
                )
            elif place.kind == "bridge":
                p.setBrush(colour("#FFFFFF"))
                p.drawRect(QtCore.QRectF(pt.x() - s, pt.y() - s / 2, 2 * s, s))
            elif place.kind == "command post":
                p.setBrush(colour("#FFFFFF"))
                p.drawEllipse(pt, s * 0.8, s * 0.8)
                p.drawLine(pt, pt + QtCore.QPointF(0, -2.4 * s))
            else:
                p.setBrush(colour(MODERN if place.modern else INK))
                p.drawEllipse(pt, s * 0.5, s * 0.5)

    def obstacles(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        s = 7 * self.scale
        return [
            (pt.x(), pt.y(), 0, 0) if place.kind == "river" else (pt.x() - s, pt.y() - s, 2 * s, 2 * s)
            for place, pt in zip(self.places, self.points(scene_to_device), strict=True)
        ]

    def labels(self, scene_to_device: QtGui.QTransform) -> list[MapLabel]:
        return [self._label(place, pt) for place, pt in zip(self.places, self.points(scene_to_device), strict=True)]

    def _label(self, place: Place, pt: QtCore.QPointF) -> MapLabel:
        hill, river = place.kind == "hill", place.kind == "river"
        name = place.label(self.state.language, self.state.naming)
        if place.modern:
            name = translate("Map", "%1 (modern)").replace("%1", name)
        pen = colour(RIVER).darker(135) if river else colour(MODERN if place.modern else HEIGHT if hill else INK)
        return MapLabel(
            ("place", place.id),
            name,
            (pt.x(), pt.y()),
            0 if river else 8 * self.scale,
            font(
                (17 if river else 15) * self.scale, italic=hill or river, bold=river or place.id == self.state.highlighted_place
            ),
            pen,
            PLACE,
        )

    def hit(self, pt: QtCore.QPointF, scene_to_device: QtGui.QTransform) -> tuple[str, str] | None:
        near = min(
            zip(self.places, self.points(scene_to_device), strict=True),
            key=lambda pp: math.hypot(pp[1].x() - pt.x(), pp[1].y() - pt.y()),
            default=None,
        )
        if near and math.hypot(near[1].x() - pt.x(), near[1].y() - pt.y()) <= 20 * self.scale:
            return "highlighted_place", near[0].id
        return None
