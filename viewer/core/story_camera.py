"""The camera that follows the story: the part of the map that frames an event's places and units (and its
manoeuvres, when a layer can say where they run), from points in km. Pure, so it is tested without a map.

The frame is computed (the content gives no `view` of its own): the box around the points on or near the
battlefield, widened by a margin (room for the names, the arrows and the caption), never smaller than
MIN_FRAME_KM nor larger than the home view. Points far off
the battlefield (Hailar, Tamsag Bulak, Ulaanbaatar) are left to the inset: framing them would shrink the
battle to a dot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .camera import Camera
from .model import Event, Scenario
from .motion import MotionModel

MARGIN = 0.3  # of the points' extent, on each side
MIN_FRAME_KM = 20.0  # a lone place is shown with its surroundings, not filling the screen
NEAR = 0.5  # points this many home widths beyond the home view still count


def frame_points(points: Iterable[tuple[float, float]], home: Camera) -> Camera:
    """The camera that shows `points` (km) with a margin; the home view when none lies near the battlefield."""
    (hx, hy), (hw, hh) = home.centre, home.size
    xy = np.array([p for p in points if abs(p[0] - hx) <= hw * (0.5 + NEAR) and abs(p[1] - hy) <= hh * (0.5 + NEAR)])
    if not len(xy):
        return home
    (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    w = min(max((x1 - x0) * (1 + 2 * MARGIN), MIN_FRAME_KM), hw)
    h = min(max((y1 - y0) * (1 + 2 * MARGIN), MIN_FRAME_KM * hh / hw), hh)
    if (x1 - x0) > w or (y1 - y0) > h:  # the points spread wider than home: show them all
        w, h = max(w, x1 - x0), max(h, y1 - y0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return Camera(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2)


def event_points(scenario: Scenario, motion: MotionModel, event: Event) -> list[tuple[float, float]]:
    """Where the event happens, in km: its places, and its units where they are at its instant."""
    points = [(scenario.places[p].x, scenario.places[p].y) for p in event.places if p in scenario.places]
    pos = motion.positions(event.at)
    index = {u.id: k for k, u in enumerate(motion.units)}
    for unit_id in event.units:
        k = index.get(unit_id)
        if k is not None and pos.present[k]:
            points.append((float(pos.x[k]), float(pos.y[k])))
    return points


def event_camera(
    scenario: Scenario, motion: MotionModel, event: Event, home: Camera, extra: Sequence[tuple[float, float]] = ()
) -> Camera:
    """The camera for an event: the frame of its points and of `extra` points (the manoeuvres a layer draws
    for it)."""
    return frame_points([*event_points(scenario, motion, event), *extra], home)
