"""Kiosk soak: a museum day at high speed. Prints:

kiosk_soak_interactions      taps, drags, swipes, key presses, chapter jumps and idle spells performed
kiosk_soak_rss_growth_mb     resident memory growth after the warm-up (target <= 2 MB)
kiosk_soak_exceptions        unhandled exceptions (each one would have sent the kiosk back to its tour; target 0)
kiosk_soak_tours_started     how often the idle timer started the attract tour

Idle and tour times are shortened (0.05 s / 0.03 s) so a day's rhythm of visitors and quiet spells fits in minutes.
Run: QT_QPA_PLATFORM=offscreen python bench/kiosk_soak.py [N]   (default 100000)
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

sys.path[:1] = [str(Path(__file__).resolve().parent.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KHALKHIN_GOL_HOME", str(Path("/tmp") / "khalkhin-gol-soak"))


from bench.memory import rss_mb  # noqa: E402


def main(n: int) -> None:
    import time

    from pyqtgraph.Qt import QtCore, QtGui, QtTest

    from viewer.assets import content_dir
    from viewer.core.scenario import load_scenario
    from viewer.kiosk_config import KioskConfig
    from viewer.logs import setup_logging
    from viewer.ui.app import _application, build_kiosk

    setup_logging("ERROR")
    app = _application()
    window, kiosk = build_kiosk(load_scenario(content_dir()), KioskConfig(idle_seconds=0.05, tour_seconds=0.03))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    tours = 0
    kiosk.sigTourStarted.connect(lambda: None)

    def count_tour() -> None:
        nonlocal tours
        tours += 1

    kiosk.sigTourStarted.connect(count_tour)
    rng = random.Random(1939)
    viewport, bar = window.map.graphics.viewport(), window.timeline_bar
    keys = [
        QtCore.Qt.Key.Key_Right,
        QtCore.Qt.Key.Key_Left,
        QtCore.Qt.Key.Key_PageDown,
        QtCore.Qt.Key.Key_PageUp,
        QtCore.Qt.Key.Key_Space,
        QtCore.Qt.Key.Key_Home,
        QtCore.Qt.Key.Key_End,
        QtCore.Qt.Key.Key_Plus,
        QtCore.Qt.Key.Key_Minus,
        QtCore.Qt.Key.Key_0,
        QtCore.Qt.Key.Key_Escape,
        QtCore.Qt.Key.Key_F1,
    ]
    chapters = list(window.scenario.chapters)
    L = QtCore.Qt.MouseButton.LeftButton

    def point(widget) -> QtCore.QPoint:
        return QtCore.QPoint(rng.randrange(widget.width()), rng.randrange(widget.height()))

    def interact() -> None:
        r = rng.random()
        if r < 0.35:  # tap the map (units, places or nothing)
            QtTest.QTest.mouseClick(viewport, L, pos=point(viewport))
        elif r < 0.55:  # drag / swipe the timeline
            a, b = point(bar), point(bar)
            QtTest.QTest.mousePress(bar, L, pos=a)
            QtCore.QCoreApplication.sendEvent(
                bar,
                QtGui.QMouseEvent(
                    QtCore.QEvent.Type.MouseMove, QtCore.QPointF(b), QtCore.QPointF(), L, L, QtCore.Qt.KeyboardModifier.NoModifier
                ),
            )
            QtTest.QTest.mouseRelease(bar, L, pos=b)
        elif r < 0.65:  # tap a timeline tick or chapter band
            QtTest.QTest.mouseClick(bar, L, pos=point(bar))
        elif r < 0.80:
            QtTest.QTest.keyClick(window, rng.choice(keys))
        elif r < 0.88:
            window.jump_to_chapter(rng.choice(chapters))
        elif r < 0.93:  # pinch-like zoom with the wheel
            ev = QtGui.QWheelEvent(
                QtCore.QPointF(point(viewport)),
                QtCore.QPointF(),
                QtCore.QPoint(),
                QtCore.QPoint(0, rng.choice((120, -120))),
                QtCore.Qt.MouseButton.NoButton,
                QtCore.Qt.KeyboardModifier.NoModifier,
                QtCore.Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QtCore.QCoreApplication.sendEvent(viewport, ev)
        else:  # nobody at the screen for a moment: the tour starts and runs
            end = time.perf_counter() + rng.uniform(0.06, 0.2)
            while time.perf_counter() < end:
                app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 10)
        app.processEvents()

    warm = max(2000, n // 10)  # caches and allocator pools fill up first; growth is measured after that
    for _ in range(warm):
        interact()
    base = rss_mb()
    for _ in range(n):
        interact()
    print(f"kiosk_soak_interactions {n}")
    print(f"kiosk_soak_rss_growth_mb {rss_mb() - base:.2f}")
    print(f"kiosk_soak_exceptions {kiosk.errors}")
    print(f"kiosk_soak_tours_started {tours}")
    kiosk.allow_exit = True
    window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
