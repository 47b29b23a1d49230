"""The map: a pyqtgraph view in km whose layers (viewer/ui/map/) draw the view state.

The map keeps no copy of the view state. It subscribes to the fields its layers draw and repaints them;
it writes the state when the visitor acts on the map: a click on a unit selects it, a click on a place
highlights it, and wheel, drag or pinch end in `state.camera`. A camera set by anyone else is shown unless
the view already shows it (within `Camera.close_to`), so the two never chase each other. A wheel, drag or
pinch also turns `follow_story` off: the visitor has taken the camera.
"""

from __future__ import annotations

from functools import partial

import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.camera import MAX_ZOOM_OUT, MIN_SPAN_KM, PAN_MARGIN, Camera
from ..core.evented import Signal, Slot
from ..core.model import Scenario
from ..core.motion import MotionModel, Positions
from ..core.view_state import ViewState
from .map import LAYER_TYPES, MapContext, MapLayer
from .style import PAPER

ASPECT_SLACK = 3.0  # the view box's own zoom-out limit allows windows up to this much wider than the battlefield


class _GestureView(pg.GraphicsView):
    """GraphicsView that turns a touch pinch into a zoom about the pinch centre. On screen the base map's opaque
    picture covers the whole viewport, so neither Qt (the viewport's own background) nor the scene fills it with
    paper first (with the view box's own paper rectangle, three full-screen fills a frame, ~0.5 ms each at 1080p),
    and the view keeps no background picture to copy under it (pyqtgraph's CacheBackground: another full-screen
    copy a frame, ~1.3 ms at 1080p); other devices (an SVG, an exported image) get the scene's paper."""

    def __init__(self, parent: QtWidgets.QWidget, view_box: pg.ViewBox):
        super().__init__(parent, background=PAPER)
        self.viewport().setAttribute(QtCore.Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent)  # the base map paints every pixel
        self.setCacheMode(QtWidgets.QGraphicsView.CacheModeFlag.CacheNone)
        self.grabGesture(QtCore.Qt.GestureType.PinchGesture)
        self.view_box = view_box

    def drawBackground(self, p: QtGui.QPainter, rect: QtCore.QRectF) -> None:
        if p.device() is not self.viewport():
            super().drawBackground(p, rect)

    def event(self, ev: QtCore.QEvent) -> bool:
        if ev.type() == QtCore.QEvent.Type.Gesture:
            pinch = ev.gesture(QtCore.Qt.GestureType.PinchGesture)
            if pinch is not None:
                factor = pinch.scaleFactor()
                if factor > 0:
                    centre = self.view_box.mapSceneToView(self.mapToScene(self.mapFromGlobal(pinch.centerPoint().toPoint())))
                    self.view_box.scaleBy((1 / factor, 1 / factor), center=centre)
                    self.view_box.sigRangeChangedManually.emit(self.view_box.state["mouseEnabled"])  # as a wheel does
                ev.accept()
                return True
        return super().event(ev)


class MapView(QtWidgets.QWidget):
    """See the module docstring. `graphics` is the GraphicsView (benches repaint its viewport), `view` the
    ViewBox in km, `layers` the layer items in registry order (`layer(name)` finds one)."""

    def __init__(self, scenario: Scenario, motion: MotionModel, state: ViewState, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.scenario, self.motion, self.state = scenario, motion, state
        self.view = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0)
        self.graphics = _GestureView(self, self.view)
        self.graphics.setCentralItem(self.view)
        self.ctx = MapContext(scenario, motion, state, self.view)
        self.layers: list[MapLayer] = [cls(self.ctx) for cls in LAYER_TYPES]
        self.ctx.layers = self.layers
        for layer in self.layers:
            # A tap reaches the layers through the scene's click (click_at), not as a press each layer is offered
            # in turn (a mouse grab, the press and an ungrab apiece: a dozen layers, some forty events a tap).
            layer.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
            if layer.on_screen:
                self.graphics.scene().addItem(layer)
            else:
                self.view.addItem(layer, ignoreBounds=True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)

        self._set_limits()
        self._show_layers(state.layers)
        self._show_camera(state.camera)
        self._subscriptions: list[tuple[Signal, Slot]] = []
        watched = set().union(*(layer.watches for layer in self.layers))
        for field in sorted(watched):
            self._subscribe(field, partial(self._changed, field))
        self._subscribe("layers", self._show_layers)
        self._subscribe("camera", self._show_camera)
        self.destroyed.connect(partial(_unsubscribe, self._subscriptions))
        self.view.sigRangeChanged.connect(self._range_changed)
        self.view.sigRangeChangedManually.connect(self._taken_over)
        self.graphics.sigDeviceRangeChanged.connect(self._place_screen_layers)  # the viewport's size changed
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self.graphics.scene().itemsNearEvent = partial(_items_near_event, self.graphics)

    # --- reading ---------------------------------------------------------------------------
    def layer(self, name: str) -> MapLayer:
        return self.ctx.layer(name)

    @property
    def positions(self) -> Positions:
        """Every unit's position at the state's instant (what the map draws; the unit card reads it too)."""
        return self.ctx.positions()

    def unit_screen_point(self, unit_id: str) -> QtCore.QPointF | None:
        """Where a unit's symbol is drawn, in the viewport's pixels (after decluttering), or None if absent."""
        return self.layer("units").screen_point(unit_id, self.graphics.viewportTransform())

    def shown_camera(self) -> Camera:
        """The part of the map the view was asked to show (its aspect-locked range may be wider)."""
        (x0, x1), (y0, y1) = self.view.targetRange()
        return Camera(x0, x1, y0, y1)

    # --- the UI scale (from the window's height: not view state) -----------------------------
    def set_scale(self, scale: float) -> None:
        self.ctx.scale = scale
        for layer in self.layers:
            layer.changed("scale")
        self._place_screen_layers()

    # --- the state, drawn --------------------------------------------------------------------
    def _subscribe(self, field: str, slot: Slot) -> None:
        signal = getattr(self.state.events, field)
        signal.connect(slot)
        self._subscriptions.append((signal, slot))

    def _changed(self, field: str, _value: object) -> None:
        for layer in self.layers:
            if field in layer.watches:
                layer.changed(field)

    def _show_layers(self, shown: frozenset[str]) -> None:
        for layer in self.layers:
            if layer.toggle is not None:
                layer.setVisible(layer.toggle in shown)

    def _show_camera(self, camera: Camera) -> None:
        if not self.shown_camera().close_to(camera):
            self.view.setRange(xRange=(camera.x0, camera.x1), yRange=(camera.y0, camera.y1), padding=0.0)

    def _set_limits(self) -> None:
        """The view box's own bounds, a little wider than the state's (which clamp the camera): they stop the
        wheel before it runs away, without ever fighting a camera the state allows."""
        home = self.state.bounds.home
        (hx, hy), (hw, hh) = home.centre, home.size
        widest = MAX_ZOOM_OUT * max(hw, hh) * ASPECT_SLACK
        reach = (0.5 + PAN_MARGIN) * max(hw, hh) + widest / 2
        self.view.setLimits(
            minXRange=MIN_SPAN_KM,
            minYRange=MIN_SPAN_KM,
            maxXRange=widest,
            maxYRange=widest,
            xMin=hx - reach,
            xMax=hx + reach,
            yMin=hy - reach,
            yMax=hy + reach,
        )

    # --- the visitor, written to the state -----------------------------------------------------
    def _range_changed(self, *_args: object) -> None:
        camera = self.shown_camera()
        if not camera.close_to(self.state.camera):
            self.state.camera = camera  # clamped by the state; its signal brings the view back if it was past

    def _taken_over(self, *_args: object) -> None:
        """A wheel, drag or pinch: the visitor steers the camera until *Follow the story* is on again."""
        self.state.follow_story = False

    def pointer_km(self) -> tuple[float, float] | None:
        """The map point under the mouse pointer, or None when the pointer is not over the map."""
        viewport = self.graphics.viewport()
        local = viewport.mapFromGlobal(QtGui.QCursor.pos())
        if not viewport.rect().contains(local):
            return None
        pt = self.view.mapSceneToView(self.graphics.mapToScene(local))
        return pt.x(), pt.y()

    def _clicked(self, ev) -> None:
        if ev.button() == QtCore.Qt.MouseButton.LeftButton and self.click_at(
            QtCore.QPointF(self.graphics.mapFromScene(ev.scenePos()))
        ):
            ev.accept()

    def click_at(self, pt: QtCore.QPointF) -> bool:
        """A tap at `pt` (viewport pixels): the topmost layer that answers sets its field in the state (a unit
        selected, a place highlighted). Also what a presenter's tap through the pen overlay does."""
        to_device = self.graphics.viewportTransform()
        for layer in sorted(self.layers, key=lambda layer: -layer.zValue()):
            hit = layer.hit(pt, to_device) if layer.isVisible() else None
            if hit is not None:
                field, value = hit
                setattr(self.state, field, value)
                return True
        return False

    def forget_kept_drawings(self) -> None:
        """Drop the pictures the layers keep between frames (MapLayer.forget_kept): they are of one visitor's zoom
        and moment, up to some 36 MB and the base map's picture, and the next session starts elsewhere (the
        kiosk's reset)."""
        for layer in self.layers:
            layer.forget_kept()

    def _place_screen_layers(self, *_args: object) -> None:
        size = self.graphics.viewport().size()
        for layer in self.layers:
            layer.resized(size.width(), size.height())


def _items_near_event(view: pg.GraphicsView, event, selMode=None, sortOrder=None, hoverable: bool = False) -> list:
    """What pyqtgraph's scene asks at every press, release and hover (who is under the pointer), answered for
    this scene of a dozen view-sized layers: Qt's own items at the point, topmost first, those that take hover
    events if asked. pyqtgraph's search asks the scene twice (the point, then a click radius), sorts the items
    by their summed z in Python and tests each shape again: two fifths of a tap on the map, for the same items."""
    point = event.buttonDownScenePos() if hasattr(event, "buttonDownScenePos") else event.scenePos()
    items = view.scene().items(
        point, QtCore.Qt.ItemSelectionMode.IntersectsItemShape, QtCore.Qt.SortOrder.DescendingOrder, view.viewportTransform()
    )
    return [item for item in items if not hoverable or hasattr(item, "hoverEvent")]


def _unsubscribe(subscriptions: list[tuple[Signal, Slot]], *_args: object) -> None:
    """The map is gone: its slots must not outlive it in a state that may (a kiosk's, for months)."""
    for signal, slot in subscriptions:
        signal.disconnect(slot)
    subscriptions.clear()
