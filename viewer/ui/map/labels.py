"""Every name on the map, kept apart: the other layers ask for labels and say what they cover; this layer
measures each label, lets `placement.place_labels` choose its rectangle (or leave it out) and draws it.
One label per key, most important first: the selected unit, units, claims, places."""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtGui

from ...core.placement import LabelRequest, Rect, place_labels
from .layer import MapLabel, MapLayer, device_ratio, qrect, rect_of
from .pixmaps import label_pixmap


class LabelsLayer(MapLayer):
    name = "labels"
    z = 20.0
    watches = frozenset({"instant", "selected_unit", "highlighted_place", "layers", "language", "naming"})

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.placed: list[tuple[tuple[str, str], Rect]] = []  # what the last paint drew, and where

    def paint(self, p: QtGui.QPainter, *args) -> None:
        v = self.scene_to_device(p)
        view = (
            rect_of(self.to_device(v).mapRect(self.viewRect()))
            if self.viewRect() is not None
            else rect_of(QtCore.QRectF(p.viewport()))
        )
        others = [layer for layer in self.ctx.layers if layer is not self and layer.isVisible()]
        obstacles = [r for layer in others for r in layer.obstacles(v)]
        labels = sorted((lb for layer in others for lb in layer.labels(v)), key=lambda lb: lb.priority)
        first: dict[tuple[str, str], MapLabel] = {}
        for lb in labels:
            first.setdefault(lb.key, lb)  # one label per key: the most important asker's
        labels = list(first.values())
        dpr, halo = device_ratio(p), round(4 * self.scale)
        pixmaps = [label_pixmap(lb.text, lb.font.toString(), lb.colour.rgba(), halo, dpr) for lb in labels]
        requests = [
            LabelRequest(lb.anchor, (pm.width() / dpr, pm.height() / dpr), lb.gap) for lb, pm in zip(labels, pixmaps, strict=True)
        ]
        chosen = place_labels(requests, obstacles, view, lift=8 * self.scale, drop=6 * self.scale)
        p.resetTransform()
        self.placed = []
        for lb, pm, rect in zip(labels, pixmaps, chosen, strict=True):
            if rect is not None:
                p.drawPixmap(qrect(rect).topLeft(), pm)
                self.placed.append((lb.key, rect))
