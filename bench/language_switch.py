"""Language switch benchmark: a visitor's tap on a language button until the window is repainted in it.

language_switch_ms_p50 / _max   a language tap (state.language) + a full repaint of the 1920x1080 window, over 40 switches
                                cycling en, ru, mn, ja (the first switch into each language loads its catalogue)
Target: well under 200 ms, so a tap feels immediate on a kiosk.
Run: QT_QPA_PLATFORM=offscreen python bench/language_switch.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:1] = [str(ROOT)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from pyqtgraph.Qt import QtWidgets

    from viewer.assets import content_dir
    from viewer.core.language import LANGUAGES
    from viewer.core.scenario import load_scenario
    from viewer.ui.app import _application, build_window

    app = _application()
    window = build_window(load_scenario(content_dir()), datetime(1939, 8, 26, 12))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    times = []
    for i in range(40):
        lang = LANGUAGES[(i + 1) % len(LANGUAGES)]
        t0 = time.perf_counter()
        window.state.language = lang
        window.repaint()
        QtWidgets.QApplication.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
    print(f"language_switch_ms_p50 {statistics.median(times):.1f}")
    print(f"language_switch_ms_max {max(times):.1f}")


if __name__ == "__main__":
    main()
