"""Every name on the map, kept apart: the other layers ask for labels and say what they cover; this layer
measures each label, lets `placement.place_labels` choose its rectangle (or leave it out) and draws it.
One label per key, most important first: the selected unit, units, the names that must be shown, claims,
places. Several labels of one key are alternatives (a claim's name at several points along its line)."""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtGui

from ...core.placement import LabelRequest, Rect, place_labels
from .layer import KEY, SELECTED, MapLayer, device_ratio, qrect, rect_of
from .pixmaps import label_pixmap


class LabelsLayer(MapLayer):
    name = "labels"
    z = 20.0
    watches = frozenset({"instant", "selected_unit", "highlighted_place", "layers", "language", "naming", "step"})

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        # What the last paint drew: key, where, and the request it answered (its anchor and size).
        self.placed: list[tuple[tuple[str, str], Rect, LabelRequest]] = []
        self.lift, self.drop = 8.0, 6.0

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
        dpr, halo = device_ratio(p), round(4 * self.scale)
        pixmaps = [label_pixmap(lb.text, lb.font.toString(), lb.colour.rgba(), halo, dpr) for lb in labels]
        requests = [
            LabelRequest(lb.anchor, (pm.width() / dpr, pm.height() / dpr), lb.gap, lb.key, lb.priority in (SELECTED, KEY))
            for lb, pm in zip(labels, pixmaps, strict=True)
        ]
        self.lift, self.drop = 8 * self.scale, 6 * self.scale
        chosen = place_labels(requests, obstacles, view, lift=self.lift, drop=self.drop)
        p.resetTransform()
        self.placed = []
        for lb, pm, req, rect in zip(labels, pixmaps, requests, chosen, strict=True):
            if rect is not None:
                p.drawPixmap(qrect(rect).topLeft(), pm)
                self.placed.append((lb.key, rect, req))
