"""What every map layer is: a pyqtgraph GraphicsObject that owns its geometry, paints itself, answers its own
clicks and says which screen areas and labels it brings; and the context the layers share.

A layer reads the view state when it paints and keeps no copy of it; `MapView` calls `changed(field)` when a
field the layer `watches` changes. Symbols and text keep their size in pixels whatever the zoom, so most
layers paint in device pixels: they map their anchors through the transform to the device.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, TypeVar

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtGui

from ...core.model import SIDES, Scenario
from ...core.motion import MotionModel, Positions
from ...core.placement import Rect
from ...core.view_state import ViewState

T = TypeVar("T")
WORLD = QtCore.QRectF(-2000, -2000, 4000, 4000)  # km: far beyond any battlefield, so Qt never culls a layer

# The order labels claim their room in: the selected unit's name first, units, then the names that must be shown
# (Nomonhan, the river, the current event's place: drawn even when crowded, like the selected unit's), places last.
SELECTED, UNIT, KEY, CLAIM, PLACE, LAST = range(6)  # LAST: a unit's number where its name found no room


@dataclass(frozen=True)
class MapLabel:
    """A label a layer asks for; the labels layer decides where it goes, or leaves it out."""

    key: tuple[str, str]  # what it names, e.g. ("unit", "S-6TB"): one label per key
    text: str
    anchor: tuple[float, float]  # device pixels
    gap: float  # sideways distance kept from the anchor
    font: QtGui.QFont
    colour: QtGui.QColor
    priority: int
    reach: float = 0.0  # how much farther out it may go on a leader line when crowded (a unit's name)
    mark: str = ""  # the kind of mark it names ("unit", "place"), which no other name may seem to (placement.Marks)


@dataclass(frozen=True)
class LegendEntry:
    """One mark the map draws now, as the legend explains it: a swatch painted in a box, and its text."""

    key: str  # one entry per key, e.g. "axis:attack"
    text: str
    swatch: Callable[[QtGui.QPainter, QtCore.QRectF], None]
    look: Hashable = ()  # what its swatch shows that key and text do not say (the sides whose arrows it draws)

    @property
    def row(self) -> tuple[str, str, Hashable]:
        """What a legend's kept picture of this row depends on: a swatch that gains a side's colour is drawn again."""
        return self.key, self.text, self.look


class MapContext:
    """What the layers of one map share: the content, the view state, the view box, the UI scale, one another,
    and the unit positions at the state's instant (computed once per instant for every layer that draws units)."""

    def __init__(self, scenario: Scenario, motion: MotionModel, state: ViewState, view_box: pg.ViewBox) -> None:
        self.scenario, self.motion, self.state, self.view_box = scenario, motion, state, view_box
        self.scale = 1.0
        self.live = False  # the window's own map, painted as it changes (not stills): see labels.SETTLE_S
        self.keep_names = False  # a video's frame between two placements of the names (see LabelsLayer._place)
        self.layers: list[MapLayer] = []
        self.side = np.array([SIDES.index(u.side) for u in motion.units], dtype=int)  # index into SIDES, per unit
        self._positions: tuple[datetime, Positions] | None = None
        self._shared: dict[str, tuple[Hashable, Any]] = {}

    def shared(self, name: str, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, kept while `key` stays the same, for every layer that asks (see `MapLayer.memo`)."""
        return kept(self._shared, name, key, make)

    def positions(self) -> Positions:
        at = self.state.instant
        if self._positions is None or self._positions[0] != at:
            self._positions = at, self.motion.positions(at)
        return self._positions[1]

    def layer(self, name: str) -> MapLayer:
        return next(layer for layer in self.layers if layer.name == name)


class MapLayer(pg.GraphicsObject):
    """Base of every layer (see the module docstring). Subclasses set the class attributes and override what
    they need; a map layer lives in the view box (km), an `on_screen` one in the viewport's pixels."""

    name: ClassVar[str]
    z: ClassVar[float] = 0.0
    toggle: ClassVar[str | None] = None  # the state.layers name that shows or hides the whole item
    watches: ClassVar[frozenset[str]] = frozenset()  # view-state fields that change what it draws
    on_screen: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "paint" in vars(cls):
            cls.paint = _reported(vars(cls)["paint"])

    def __init__(self, ctx: MapContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setZValue(self.z)
        self._memo: dict[str, tuple[Hashable, Any]] = {}

    def memo(self, name: str, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, kept while `key` stays the same (one value per name). A layer's names and the room it takes
        are asked for every frame, and most frames change neither: the labels layer then gets the very same
        list back and skips its work (see LabelsLayer)."""
        return kept(self._memo, name, key, make)

    @property
    def state(self) -> ViewState:
        return self.ctx.state

    @property
    def scale(self) -> float:
        return self.ctx.scale

    def changed(self, field: str) -> None:
        """A watched field, or "scale", changed: drop what depends on it and repaint."""
        self.update()

    def resized(self, width: float, height: float) -> None:
        """The map's viewport now has this size (on-screen layers place themselves)."""

    def forget_kept(self) -> None:
        """Let go of the pictures kept between frames for one zoom and moment (DrawingCache): the kiosk's return to
        its tour, where the next session starts elsewhere."""
        from .pixmaps import DrawingCache  # here: the pixmaps module builds on this one

        for kept in vars(self).values():
            if isinstance(kept, DrawingCache):
                kept.clear()

    def to_device(self, scene_to_device: QtGui.QTransform) -> QtGui.QTransform:
        return self.sceneTransform() * scene_to_device

    def scene_to_device(self, p: QtGui.QPainter) -> QtGui.QTransform:
        """While painting: the scene-to-device transform of this paint (the viewport's, or an export's)."""
        return self.sceneTransform().inverted()[0] * p.transform()

    def hit(self, pt: QtCore.QPointF, scene_to_device: QtGui.QTransform) -> tuple[str, str] | None:
        """A click at device point `pt`: the view-state field and value it sets, or None if it is not ours."""
        return None

    def obstacles(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        """Device rectangles this layer covers, that labels must keep out of."""
        return []

    def marks(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        """Device rectangles of the marks this layer draws, that no overlay (legend, inset) may hide."""
        return self.obstacles(scene_to_device)

    def labels(self, scene_to_device: QtGui.QTransform) -> list[MapLabel]:
        return []

    def legend(self) -> list[LegendEntry]:
        """The marks this layer draws at the state's instant, for the legend (none by default)."""
        return []

    def boundingRect(self) -> QtCore.QRectF:
        return WORLD

    def dataBounds(self, axis, frac=1.0, orthoRange=None):  # keep out of the view box's auto-range
        return None


def _reported(paint: Callable[..., None]) -> Callable[..., None]:
    """`paint`, whose exceptions leave it as exception objects. One raised by C code (a list's IndexError) stays a
    bare message until Python catches it; a paint called by Qt inside processEvents handed that to PySide 6.11,
    which read it as an exception and crashed the process (SIGSEGV) instead of reporting it: a kiosk must go back
    to its tour (the excepthook), not die. Caught and raised again here, it is reported like any other. Not dead
    code: remove it only with Python 3.12 or later (exceptions always objects) or a PySide that normalises them."""

    @functools.wraps(paint)
    def reported(self: MapLayer, p: QtGui.QPainter, *args: Any) -> None:
        try:
            paint(self, p, *args)
        except BaseException:  # caught: Python makes it an exception object (PyErr_NormalizeException)
            raise

    return reported


def kept(store: dict[str, tuple[Hashable, Any]], name: str, key: Hashable, make: Callable[[], T]) -> T:
    """`make()` kept in `store` under `name` while `key` stays the same: one value per name, so it stays bounded."""
    slot = store.get(name)
    if slot is None or slot[0] != key:
        slot = store[name] = key, make()
    return slot[1]


def device_xy(t: QtGui.QTransform, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(n, 2) device positions of many map points at once."""
    return np.column_stack((t.m11() * x + t.m21() * y + t.dx(), t.m12() * x + t.m22() * y + t.dy()))


def transform_key(t: QtGui.QTransform) -> tuple[float, ...]:
    return t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()


def device_ratio(p: QtGui.QPainter) -> float:
    return p.device().devicePixelRatioF() if p.device() else 1.0


def qrect(r: Rect) -> QtCore.QRectF:
    return QtCore.QRectF(*r)


def rect_of(r: QtCore.QRectF) -> Rect:
    return r.x(), r.y(), r.width(), r.height()


def two_lines(text: str) -> str:
    """A name broken at its middle space (or kept whole: a language that writes no spaces), set inside an area."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "\n" + text[cut + 1 :]
