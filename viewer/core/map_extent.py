"""The map's home camera: the battlefield's bounding box in the map's km, the view a visitor starts from and
the one "fit" returns to. Pure, so the view state can be built (and tested) without a map widget."""

from __future__ import annotations

from .camera import Camera
from .model import Scenario


def battlefield_camera(scenario: Scenario) -> Camera:
    """The battlefield's box, projected corner to corner (west-south to east-north) into km."""
    b, proj = scenario.battlefield, scenario.projection
    x0, y0 = proj.point(b.west, b.south)
    x1, y1 = proj.point(b.east, b.north)
    return Camera(x0, x1, y0, y1)
