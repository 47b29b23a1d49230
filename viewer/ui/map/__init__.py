"""The map's layers, one module each, and their registry.

Each layer is a GraphicsObject that owns its geometry, paints itself, answers its own clicks and names the
view-state fields it draws (`layer.MapLayer`). `MapView` builds them in this order and wires them to the view
state; a new layer is one new module here plus one line in LAYER_TYPES. The z values, not this order, decide
what is drawn above what; the order is the one in which clicks are offered among equal z.
"""

from __future__ import annotations

from .base import BaseMapLayer
from .furniture import FurnitureLayer
from .halos import HalosLayer
from .highlight import HighlightLayer
from .inset import InsetLayer
from .labels import LabelsLayer
from .layer import MapContext, MapLabel, MapLayer
from .operations import FrontsLayer, ManoeuvresLayer
from .places import PlacesLayer
from .trails import TrailsLayer
from .units import UnitsLayer

LAYER_TYPES: tuple[type[MapLayer], ...] = (
    BaseMapLayer,  # z -10  disputed ground, claims, water, modern border (in km, cached)
    FrontsLayer,  # z   1  ground held per side, fronts, the pocket (operations.yaml)
    TrailsLayer,  # z   2  where units came from
    HalosLayer,  # z   3  uncertainty discs
    PlacesLayer,  # z   5  place marks
    UnitsLayer,  # z  10  unit symbols, arrows, selection
    ManoeuvresLayer,  # z  11  axes of advance growing over their interval (operations.yaml)
    HighlightLayer,  # z  15  the place a note points at, above the units
    LabelsLayer,  # z  20  every name, kept apart
    FurnitureLayer,  # z 100  legend, scale bar, north arrow (on screen)
    InsetLayer,  # z 101  regional inset (on screen)
)

__all__ = ["LAYER_TYPES", "MapContext", "MapLabel", "MapLayer"]
