"""Core benchmark: time to compute every unit's position at one instant.

Prints `positions_ms_n3000 <median ms>` for 3,000 units with 20 fixes each (target <= 1 ms).
Run: python bench/core.py
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path[:1] = [str(Path(__file__).resolve().parent.parent)]

from bench.synthetic import START, synthetic_units  # noqa: E402
from viewer.core.motion import MotionModel  # noqa: E402


def main() -> None:
    model = MotionModel(synthetic_units(3000, 20))
    instants = [START + timedelta(hours=h * 7.3) for h in range(400)]
    for at in instants[:20]:
        model.positions(at)  # warm up
    times = []
    for at in instants:
        t0 = time.perf_counter()
        model.positions(at)
        times.append((time.perf_counter() - t0) * 1000)
    print(f"positions_ms_n3000 {statistics.median(times):.3f}")
    print(f"positions_ms_n3000_p99 {sorted(times)[int(len(times) * 0.99)]:.3f}")


if __name__ == "__main__":
    main()
