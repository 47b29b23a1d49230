"""Synthetic scenarios for benchmarks: many units with many fixes, deterministic."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from viewer.core.model import STATES, Fix, Unit

START = datetime(1939, 5, 11)
SIDES = ("japanese", "manchukuo", "soviet", "mongolian")
BRANCHES = ("infantry", "armour", "cavalry", "motorised", "artillery")
ECHELONS = ("division", "brigade", "regiment", "battalion")


def synthetic_units(n_units: int, n_fixes: int, seed: int = 1939) -> list[Unit]:
    rng = random.Random(seed)
    units = []
    for k in range(n_units):
        t = START + timedelta(hours=rng.uniform(0, 48))
        x, y = rng.uniform(-30, 30), rng.uniform(-25, 25)
        fixes = []
        for _ in range(n_fixes):
            t += timedelta(hours=rng.uniform(2, 120))
            x += rng.uniform(-3, 3)
            y += rng.uniform(-3, 3)
            fixes.append(Fix(t, "time", 118.6, 47.7, x, y, rng.choice(STATES[:4]), rng.choice((0.0, 2.0, 5.0)), None, ("s",)))
        units.append(Unit(f"U{k}", {"en": f"Unit {k}"}, f"U{k}", rng.choice(SIDES), rng.choice(BRANCHES), rng.choice(ECHELONS),
                          None, None, (), None, ("s",), fixes[-1].at, tuple(fixes)))
    return units
