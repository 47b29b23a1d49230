"""Positions a printed battle map would never show: a unit standing in a river, on a bridge after it was blown,
or on top of an enemy unit.

Each is refused unless the fix says, in its `sited_on` field, that a source puts it there (a crossing by boat, a
fight inside the enemy's position) and its `how` says which. The checks look at what the map shows: a fix, and
the day a unit is kept at its last fix before a long gap (motion.py), when a blown bridge matters.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any

from shapely.geometry import Point

from .dates import parse_date, period_start
from .model import STATES, Fix, Scenario, Unit
from .motion import LINGER_MIN, MAX_GAP_MIN, MotionModel

RIVER_KM = 0.5  # a unit whose centre is this close to a river line is drawn in the water
BRIDGE_KM = 0.5  # ... or this close to a bridge, on it
ENEMY_KM = 1.0  # two opposing units this close are drawn on top of each other
GONE = ("destroyed", "withdrawn")
CROSSING = timedelta(hours=12)  # the longest a dated river crossing may keep a unit on the water
_CAMP = {"japanese": "japanese", "manchukuo": "japanese", "soviet": "soviet", "mongolian": "soviet"}  # who fought whom

Finding = tuple[tuple, str, str]  # (path in events.yaml, what is wrong, what to do)


def position_issues(scenario: Scenario, data: Mapping[str, Any]) -> Iterator[Finding]:
    """Every unit fix the map would draw in a river, on a blown bridge or on an enemy unit without a source."""
    rivers = [f.geometry_km for f in scenario.layers.get("rivers", ())]
    bridges = _blown_bridges(scenario, data)
    raw_units = {u["id"]: (i, u["track"]) for i, u in enumerate(data["units"])}
    motion = MotionModel(scenario.units)
    reported: set[tuple[frozenset[str], datetime]] = set()
    for unit in scenario.units:
        i, raw_track = raw_units[unit.id]
        for j, fix in enumerate(unit.track):
            path = ("units", i, "track", j)
            allowed = set(raw_track[j].get("sited_on", ()))
            point = Point(fix.x, fix.y)
            if "river" not in allowed and any(r.distance(point) < RIVER_KM for r in rivers):
                yield (
                    path,
                    f"{unit.id} stands in a river on {fix.at:%d %B %Y %H:%M}",
                    "move it onto the bank the sources name, or add 'sited_on: [river]' and say in 'how' which "
                    "source has it crossing there",
                )
            if "bridge" not in allowed:
                for name, (bx, by), blown in bridges:
                    if Point(bx, by).distance(point) < BRIDGE_KM and _shown_until(unit, j) >= blown:
                        yield (
                            path,
                            f"{unit.id} stands on the {name}, blown on {blown:%d %B %Y %H:%M}",
                            "give it a fix on the bank it went to before the bridge was blown",
                        )
            yield from _between(unit, j, path, rivers)
            yield from _enemies(scenario, motion, unit, j, fix, path, allowed, raw_units, reported)


def _between(unit: Unit, j: int, path: tuple, rivers: list) -> Iterator[Finding]:
    """The map slides a unit between fixes up to MAX_GAP apart: two fixes on the water more than a crossing's
    time apart keep it standing in the river all along (a crossing a source dates is the exception)."""
    if j + 1 == len(unit.track):
        return
    a, b = unit.track[j], unit.track[j + 1]
    gap = b.at - a.at
    if not CROSSING < gap <= timedelta(minutes=MAX_GAP_MIN):
        return
    if all(any(r.distance(Point(f.x, f.y)) < RIVER_KM for r in rivers) for f in (a, b)):
        yield (
            path,
            f"{unit.id} stands in a river from {a.at:%d %B %Y %H:%M} to {b.at:%d %B %Y %H:%M}",
            "add a fix on the bank where the sources put it in between",
        )


def _enemies(
    scenario: Scenario,
    motion: MotionModel,
    unit: Unit,
    j: int,
    fix: Fix,
    path: tuple,
    allowed: set[str],
    raw_units: Mapping[str, tuple[int, list]],
    reported: set[tuple[frozenset[str], datetime]],
) -> Iterator[Finding]:
    if "enemy" in allowed:
        return
    shown = motion.positions(fix.at)
    for k, other in enumerate(motion.units):
        if _CAMP[other.side] == _CAMP[unit.side] or not shown.present[k] or STATES[shown.state[k]] in GONE:
            continue  # a destroyed or withdrawn unit's mark is where it fell or left: the enemy may stand there
        if math.hypot(shown.x[k] - fix.x, shown.y[k] - fix.y) >= ENEMY_KM:
            continue
        their_fix = raw_units[other.id][1][int(shown.fix_index[k])]
        key = (frozenset((unit.id, other.id)), fix.at)
        if "enemy" in their_fix.get("sited_on", ()) or key in reported:
            continue
        reported.add(key)
        yield (
            path,
            f"{unit.id} sits on the enemy's {other.id} on {fix.at:%d %B %Y %H:%M}",
            "place it on the side of the enemy the sources give it, or add 'sited_on: [enemy]' and say in 'how' "
            "which source has it inside the enemy position",
        )


def _blown_bridges(scenario: Scenario, data: Mapping[str, Any]) -> list[tuple[str, tuple[float, float], datetime]]:
    out = []
    for raw in data["places"]:
        if "blown" in raw and raw["id"] in scenario.places:
            place = scenario.places[raw["id"]]
            out.append((place.name["en"], (place.x, place.y), period_start(*parse_date(raw["blown"]))))
    return out


def _shown_until(unit: Unit, j: int) -> datetime:
    """Until when the map keeps the unit standing at its fix `j` (it moves off at once toward a near next fix)."""
    fix = unit.track[j]
    if j + 1 == len(unit.track):
        return max(unit.until, fix.at)
    gap = (unit.track[j + 1].at - fix.at).total_seconds() / 60
    return fix.at + timedelta(minutes=LINGER_MIN) if gap > MAX_GAP_MIN else fix.at
