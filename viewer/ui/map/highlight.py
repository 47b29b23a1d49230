"""The place highlighted from a note: a ring drawn above the units, so no symbol hides it. Shown exactly while
the view state has a highlighted place (the state clears it when the story moves on)."""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtGui

from ..i18n import translate
from ..style import colour
from .layer import LegendEntry, MapContext, MapLayer

RING = "#E4572E"


class HighlightLayer(MapLayer):
    name = "highlight"
    z = 15.0  # above the units (10), below the labels (20)
    watches = frozenset({"highlighted_place"})

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        self.changed("highlighted_place")

    def changed(self, field: str) -> None:
        self.setVisible(self.state.highlighted_place is not None)
        self.update()

    def centre(self, scene_to_device: QtGui.QTransform) -> QtCore.QPointF | None:
        """Where the ring is drawn, in device pixels."""
        place = self.ctx.scenario.places.get(self.state.highlighted_place or "")
        return None if place is None else self.to_device(scene_to_device).map(QtCore.QPointF(place.x, place.y))

    def paint(self, p: QtGui.QPainter, *args) -> None:
        pt = self.centre(self.scene_to_device(p))
        if pt is None:
            return
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        _ring(p, pt, 22 * self.scale, 4 * self.scale)

    def legend(self) -> list[LegendEntry]:
        if self.state.highlighted_place is None:
            return []
        s = self.scale
        return [
            LegendEntry(
                "highlight",
                translate("Map", "the place the note points at"),
                lambda p, box: _ring(p, box.center(), min(box.width(), box.height()) / 2 - 2 * s, 2.5 * s),
            )
        ]


def _ring(p: QtGui.QPainter, centre: QtCore.QPointF, radius: float, width: float) -> None:
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    p.setPen(QtGui.QPen(colour(RING), width))
    p.drawEllipse(centre, radius, radius)
