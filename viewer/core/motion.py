"""Where every unit is at any instant: linear interpolation between dated fixes, in km.

Interpolation is honest only over short gaps: between fixes more than MAX_GAP apart whose
positions differ by more than their uncertainty, the route is unknown, so the unit is shown at
its earlier fix for LINGER and is otherwise absent until its next fix. A unit withdrawn from the
fighting is shown so (faded) at that fix for LINGER too, so it does not vanish without a fate.
A unit whose sources fall silent after its last fix (no later fix at all, no fate recorded) is `reported`: kept at
that fix as a "last reported here" mark to REPORTED_MIN after that fix (within its chapter; a unit's `until` may keep
it drawn longer, and it then leaves with no mark; its `reported_until`, where the sources put it in the fight later
with no place or date, keeps the mark longer), so it neither vanishes mid-action nor is given a fate the sources
do not give; after that the map, like a printed map of the day, shows only what the sources place there. A gap
between two fixes is not a silence: the unit is coming back, so it is drawn as the gap rule above says (at its fix
for LINGER, then off the map), never as "last reported", which would read as lost.

All fixes of all units are packed into flat numpy arrays once, sorted by (unit, time); one
`searchsorted` then finds every unit's bracketing fixes, so a frame costs a few vector operations
however many units there are (the viewer asks for all positions on every slider move).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from .model import STATES, Chapter, Unit

_EPOCH = datetime(1900, 1, 1)
_WITHDRAWN = STATES.index("withdrawn")
_FATES = (STATES.index("destroyed"), _WITHDRAWN)
MAX_GAP_MIN = 3 * 24 * 60.0
LINGER_MIN = 24 * 60.0
REPORTED_MIN = 2 * 24 * 60.0


def _minutes(at: datetime) -> float:
    return (at - _EPOCH).total_seconds() / 60.0


@dataclass(frozen=True)
class Positions:
    """Positions of all units at one instant; arrays are indexed like `MotionModel.units`."""

    present: np.ndarray  # bool: on the map at this instant
    x: np.ndarray  # km east of the map centre
    y: np.ndarray  # km north
    radius_km: np.ndarray  # uncertainty; 0 where exact
    state: np.ndarray  # index into STATES
    at_fix: np.ndarray  # bool: exactly at a dated fix (not interpolated)
    fix_index: np.ndarray  # index into the unit's track of the last fix at or before the instant
    reported: np.ndarray  # bool: present only as its last reported position (the sources say no more, no fate)


class MotionModel:
    def __init__(self, units: Sequence[Unit], chapters: Sequence[Chapter] = ()):
        self.units = tuple(units)
        n = len(self.units)
        counts = np.array([len(u.track) for u in self.units], dtype=np.int64)
        self._offsets = np.concatenate(([0], np.cumsum(counts)))
        times = np.array([_minutes(f.at) for u in self.units for f in u.track], dtype=np.float64)
        self._t0 = float(times.min()) if n else 0.0
        span = (float(times.max()) - self._t0 + 1.0) if n else 1.0
        self._span = span * 2 + 2  # unit k's keys live in [k*span, (k+1)*span)
        unit_of_fix = np.repeat(np.arange(n), counts)
        self._keys = unit_of_fix * self._span + (times - self._t0)
        self._x = np.array([f.x for u in self.units for f in u.track])
        self._y = np.array([f.y for u in self.units for f in u.track])
        self._r = np.array([f.radius_km for u in self.units for f in u.track])
        self._s = np.array([STATES.index(f.state) for u in self.units for f in u.track], dtype=np.int8)
        self._until = np.array([_minutes(u.until) - self._t0 for u in self.units])
        self._first = self._offsets[:-1]
        self._last = self._offsets[1:] - 1
        self._base = np.arange(n) * self._span
        # per fix: until when a silent unit is shown as last reported there: only at a unit's last fix, to REPORTED_MIN
        # after it, within the fix's chapter (-inf elsewhere: a gap is not a silence); `until` may draw it longer
        ends = np.array(
            [
                next((_minutes(c.end) for c in chapters if c.start <= f.at <= c.end), _minutes(f.at)) - self._t0
                for u in self.units
                for f in u.track
            ],
            dtype=np.float64,
        )
        self._drawn_to = np.maximum(self._until, self._keys[self._last] - self._base)  # per unit: its last fix or `until`
        self._reported_end = np.full(len(ends), -np.inf)
        self._reported_end[self._last] = np.minimum(ends[self._last], self._keys[self._last] - self._base + REPORTED_MIN)
        given = np.array([_minutes(u.reported_until) - self._t0 if u.reported_until else -np.inf for u in self.units])
        self._reported_end[self._last] = np.maximum(self._reported_end[self._last], given)

    def positions(self, at: datetime) -> Positions:
        t = _minutes(at) - self._t0
        # index of the last fix at or before t, per unit (may be first-1 when t precedes the track)
        i = np.searchsorted(self._keys, self._base + t, side="right") - 1
        before = i < self._first
        i = np.clip(i, self._first, self._last)
        j = np.minimum(i + 1, self._last)
        ti, tj = self._keys[i] - self._base, self._keys[j] - self._base
        gap = tj - ti
        w = np.where(gap > 0, np.clip((t - ti) / np.where(gap > 0, gap, 1), 0, 1), 0.0)
        x = self._x[i] + (self._x[j] - self._x[i]) * w
        y = self._y[i] + (self._y[j] - self._y[i]) * w
        at_fix = (t == ti) | (w == 0)
        radius = np.where(at_fix, self._r[i], np.maximum(self._r[i], self._r[j]))
        moved = np.hypot(self._x[j] - self._x[i], self._y[j] - self._y[i]) > np.maximum(self._r[i], self._r[j])
        # route unknown, or withdrawn from the fighting: no sliding; shown at the fix for a day, then off the map until
        # the next fix (after the last fix, the unit's `until` says how long)
        stay = ((gap > MAX_GAP_MIN) & moved) | (self._s[i] == _WITHDRAWN)
        x, y = np.where(stay, self._x[i], x), np.where(stay, self._y[i], y)
        radius = np.where(stay, self._r[i], radius)
        gone = stay & (t - ti > LINGER_MIN) & (t < tj)
        shown = ~before & ~gone & (t <= self._drawn_to)
        silent = ~before & ~shown & ~np.isin(self._s[i], _FATES) & (t <= self._reported_end[i])
        return Positions(shown | silent, x, y, radius, self._s[i], at_fix, i - self._first, silent)

    def index(self, unit_id: str) -> int:
        return next(k for k, u in enumerate(self.units) if u.id == unit_id)


def track_length_km(unit: Unit) -> float:
    """How far a unit moved between its dated fixes (straight lines, km)."""
    from .geometry import path_length_km

    return path_length_km((f.x, f.y) for f in unit.track)
