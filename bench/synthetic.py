"""Synthetic scenarios for benchmarks: many units with many fixes, deterministic."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from viewer.core.model import STATES, Fix, Unit

START = datetime(1939, 5, 11)
SIDES = ("japanese", "manchukuo", "soviet", "mongolian")
BRANCHES = ("infantry", "armour", "cavalry", "motorised", "artillery")
ECHELONS = ("division", "brigade", "regiment", "battalion")


END = datetime(1939, 9, 16, 23, 59)


def synthetic_units(n_units: int, n_fixes: int, seed: int = 1939) -> list[Unit]:
    """Worst case for drawing: every unit is on the map at every instant of the campaign (fixes at most
    70 h apart, so none is hidden for an unknown route; each stays at its last fix to the end)."""
    rng = random.Random(seed)
    units = []
    for k in range(n_units):
        t = START - timedelta(hours=rng.uniform(1, 240))
        x, y = rng.uniform(-30, 30), rng.uniform(-25, 25)
        fixes = []
        for _ in range(n_fixes):
            t += timedelta(hours=rng.uniform(2, 70))
            x += rng.uniform(-3, 3)
            y += rng.uniform(-3, 3)
            fixes.append(Fix(t, "time", 118.6, 47.7, x, y, rng.choice(STATES[:4]), rng.choice((0.0, 2.0, 5.0)), None, ("s",)))
        units.append(
            Unit(
                f"U{k}",
                {"en": f"Unit {k}"},
                {"en": f"U{k}"},
                rng.choice(SIDES),
                rng.choice(BRANCHES),
                rng.choice(ECHELONS),
                None,
                None,
                (),
                None,
                ("s",),
                max(END, fixes[-1].at),
                tuple(fixes),
            )
        )
    return units
