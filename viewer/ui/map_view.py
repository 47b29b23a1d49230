"""The map: a pyqtgraph view in km with the base layers, units and labels, furniture and inset."""
from __future__ import annotations

from datetime import datetime

import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.model import Scenario
from ..core.motion import MotionModel
from .inset import InsetWidget
from .map_layers import add_static_layers
from .map_marks import MarksItem
from .map_overlay import MapOverlay
from .style import PAPER, colour


class _GestureView(pg.GraphicsView):
    """GraphicsView that turns a touch pinch into a zoom about the pinch centre."""

    def __init__(self, parent: QtWidgets.QWidget):
        super().__init__(parent, background=PAPER)
        self.viewport().setAttribute(QtCore.Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.grabGesture(QtCore.Qt.GestureType.PinchGesture)
        self.view_box: pg.ViewBox | None = None

    def event(self, ev: QtCore.QEvent) -> bool:
        if ev.type() == QtCore.QEvent.Type.Gesture and self.view_box is not None:
            pinch = ev.gesture(QtCore.Qt.GestureType.PinchGesture)
            if pinch is not None:
                factor = pinch.scaleFactor()
                if factor > 0:
                    centre = self.view_box.mapSceneToView(self.mapToScene(self.mapFromGlobal(pinch.centerPoint().toPoint())))
                    self.view_box.scaleBy((1 / factor, 1 / factor), center=centre)
                ev.accept()
                return True
        return super().event(ev)


class MapView(QtWidgets.QWidget):
    sigUnitClicked = QtCore.Signal(str)
    sigPlaceClicked = QtCore.Signal(str)

    def __init__(self, scenario: Scenario, motion: MotionModel, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.scenario = scenario
        self.motion = motion
        self.graphics = _GestureView(self)
        self.view = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0)
        self.view.setBackgroundColor(colour(PAPER))
        self.graphics.setCentralItem(self.view)
        self.graphics.view_box = self.view
        self.base = add_static_layers(self.view, scenario, 1.0)
        self.marks = MarksItem(scenario, motion)
        self.view.addItem(self.marks, ignoreBounds=True)
        self.marks.sigUnitClicked.connect(self.sigUnitClicked)
        self.marks.sigPlaceClicked.connect(self.sigPlaceClicked)
        self.overlay = MapOverlay(self.view, self)
        self.inset = InsetWidget(scenario, self)
        self.marks.reserved = self._furniture
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.fit_battlefield()

    def battlefield_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        b = self.scenario.battlefield
        proj = self.scenario.projection
        x0, y0 = proj.point(b.west, b.south)
        x1, y1 = proj.point(b.east, b.north)
        return (x0, x1), (y0, y1)

    def fit_battlefield(self) -> None:
        xr, yr = self.battlefield_range()
        self.view.setRange(xRange=xr, yRange=yr, padding=0.0)

    def ease_to_battlefield(self, ms: int = 600) -> None:
        """Glide back to the whole battlefield (the kiosk's return to its attract view), not a jump cut."""
        (ax0, ax1), (ay0, ay1) = self.view.viewRange()
        (bx0, bx1), (by0, by1) = self.battlefield_range()
        anim = QtCore.QVariantAnimation(self)
        anim.setDuration(ms)
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.setEasingCurve(QtCore.QEasingCurve.Type.InOutCubic)

        def step(f: float) -> None:
            f = float(f)
            self.view.setRange(xRange=(ax0 + (bx0 - ax0) * f, ax1 + (bx1 - ax1) * f),
                               yRange=(ay0 + (by0 - ay0) * f, ay1 + (by1 - ay1) * f), padding=0.0)

        anim.valueChanged.connect(step)
        anim.start(QtCore.QAbstractAnimation.DeletionPolicy.DeleteWhenStopped)

    def zoom(self, factor: float) -> None:
        self.view.scaleBy((1 / factor, 1 / factor))

    def pan(self, dx_fraction: float, dy_fraction: float) -> None:
        (x0, x1), (y0, y1) = self.view.viewRange()
        self.view.translateBy(x=(x1 - x0) * dx_fraction, y=(y1 - y0) * dy_fraction)

    def show_instant(self, at: datetime) -> None:
        self.marks.set_positions(self.motion.positions(at), at)

    def set_scale(self, scale: float) -> None:
        self.marks.set_scale(scale)
        self.overlay.scale = scale
        self.inset.scale = scale
        self._place_children()

    def _furniture(self) -> list[QtCore.QRectF]:
        """Legend, scale bar, north arrow and inset, in the map's pixels: labels are not placed under them."""
        rects = list(self.overlay.reserved)
        if self.inset.isVisible():
            rects.append(QtCore.QRectF(self.inset.geometry()))
        return rects

    def set_language(self, lang: str, naming: str) -> None:
        self.marks.set_language(lang, naming)
        self.overlay.lang = lang
        self.overlay.update()
        self.inset.set_language(lang, naming)

    def set_layer_visible(self, name: str, visible: bool) -> None:
        self.base.set_visible(name, visible)

    def resizeEvent(self, ev: QtGui.QResizeEvent) -> None:
        super().resizeEvent(ev)
        self._place_children()

    def _place_children(self) -> None:
        self.overlay.setGeometry(self.rect())
        s = self.overlay.scale
        w, h = round(330 * s), round(230 * s)
        self.inset.setGeometry(self.width() - w - 12, self.height() - h - 12, w, h)
        self.overlay.raise_()
        self.inset.raise_()
