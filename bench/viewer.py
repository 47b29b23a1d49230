"""Viewer benchmark. Prints `name value` lines:

first_frame_s                 process start to the first painted main window
bare_qt_first_frame_s         the same for a bare QApplication with one pyqtgraph PlotWidget (same run)
scrub_ms_p50_n300             instant change to painted map + timeline, 300 synthetic units, median
scrub_ms_p99_n3000            the same with 3,000 synthetic units, 99th percentile
playback_dropped_frames_60s   frames missed at 60 fps during 60 s of playback (shipped content), holds included
playback_dropped_frames_moving_60s  the same, counted only while the instant moves (playback holds at events)
rss_growth_mb_100k_scrubs     resident memory growth over 100,000 scrubs (shipped content; posted events are
                              delivered every 100 scrubs, as in the running app: the notes panel posts a
                              queued call now and then, which would otherwise pile up in Qt's queue)
rssanon_growth_mb_100k_scrubs the same growth split as Linux counts it: RssAnon (heap: a leak grows this),
rssfile_..., rssshmem_...     RssFile (pages of Qt's libraries and fonts, faulted in as code is first used)

Targets: first frame <= 0.8 s and <= 2x bare; p50 <= 5 ms; p99 <= 16.7 ms; 0 dropped; <= 2 MB.
Run: QT_QPA_PLATFORM=offscreen python bench/viewer.py [--quick | --memory (the memory figure alone)]
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:1] = [str(ROOT)]  # not bench/: this file's own name would shadow the viewer package
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_FRAME_CHILD = r"""
import sys, time
T0 = float(sys.argv[1])
from pyqtgraph.Qt import QtCore, QtWidgets
class FirstPaint(QtCore.QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QtCore.QEvent.Type.Paint:
            print(time.time() - T0, flush=True)
            QtCore.QTimer.singleShot(0, QtWidgets.QApplication.quit)
        return False
if sys.argv[2] == "bare":
    import pyqtgraph as pg
    app = QtWidgets.QApplication([])
    w = pg.PlotWidget()
else:
    from viewer.cli import _load_or_report
    from viewer.ui.app import _application, build_window
    app = _application()
    w = build_window(_load_or_report(), None)
w.resize(1600, 900)
f = FirstPaint()
(w.viewport() if hasattr(w, "viewport") else w).installEventFilter(f)  # a QGraphicsView paints in its viewport
w.show()
app.exec()
"""


def first_frame(kind: str) -> float:
    """Median of 3 cold-ish starts, measured from just before the interpreter is launched."""
    runs = []
    for _ in range(3):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", FIRST_FRAME_CHILD, repr(t0), kind],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
            timeout=60,
        ).stdout
        runs.append(float(out.strip().splitlines()[0]))
    return statistics.median(runs)


from bench.memory import rss_mb, rss_parts_mb  # noqa: E402


def main(quick: bool) -> None:
    print(f"first_frame_s {first_frame('app'):.3f}")
    print(f"bare_qt_first_frame_s {first_frame('bare'):.3f}")

    from pyqtgraph.Qt import QtCore

    from bench.synthetic import synthetic_units
    from viewer.assets import content_dir
    from viewer.core.scenario import load_scenario
    from viewer.ui.app import _application, build_window

    app = _application()
    shipped = load_scenario(content_dir())

    def scrub_times(n_units: int, n: int) -> list[float]:
        events = tuple(dataclasses.replace(e, units=()) for e in shipped.events)  # synthetic units replace the real ones
        scenario = dataclasses.replace(shipped, units=tuple(synthetic_units(n_units, 20)), events=events)
        w = build_window(scenario, None)
        w.resize(1920, 1080)
        w.show()
        app.processEvents()
        rng = random.Random(7)
        span = (w.state.timeline.end - w.state.timeline.start).total_seconds()
        times = []
        for i in range(n + 20):
            at = w.state.timeline.start + timedelta(seconds=rng.uniform(0, span))
            t0 = time.perf_counter()
            w.state.instant = at
            w.map.graphics.viewport().repaint()
            w.timeline_bar.repaint()
            if i >= 20:
                times.append((time.perf_counter() - t0) * 1000)
        w.close()
        app.processEvents()
        return sorted(times)

    t300 = scrub_times(300, 200 if quick else 1000)
    print(f"scrub_ms_p50_n300 {statistics.median(t300):.2f}")
    t3000 = scrub_times(3000, 100 if quick else 300)
    print(f"scrub_ms_p99_n3000 {t3000[int(len(t3000) * 0.99) - 1]:.2f}")

    # Playback: count the 60 fps frames the map failed to paint.
    w = build_window(shipped, None)
    w.resize(1920, 1080)
    w.show()
    app.processEvents()
    paints: list[float] = []

    segments: list[list[float]] = [[]]  # paints while the instant moves, then while it holds at an event, in turn

    def holding() -> bool:
        head = w.clock.playhead
        return head.hold_left > 0 and head.held_at == w.state.instant

    class Watch(QtCore.QObject):
        """Each paint, filed by whether playback holds at that paint (not a few ms later in the loop below: a
        paint during a hold, as the names' settling one, would else join the next moving stretch and count the
        whole hold as frames missed)."""

        held = False

        def eventFilter(self, obj, ev):
            if ev.type() == QtCore.QEvent.Type.Paint:
                if holding() != self.held:
                    self.held = not self.held
                    segments.append([])
                paints.append(time.perf_counter())
                segments[-1].append(paints[-1])
            return False

    watch = Watch()
    w.map.graphics.viewport().installEventFilter(watch)
    seconds = 10 if quick else 60
    w.state.speed = 1  # 6 hours per second: the campaign lasts 8 minutes, so 60 s never reaches its end
    w.state.playing = True
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
    w.state.playing = False
    w.map.graphics.viewport().removeEventFilter(watch)  # else every scrub's paint appends to `paints` (32 B each)
    frame = 1 / 60

    def missed(times: list[float]) -> int:
        return sum(max(0, round((b - a) / frame) - 1) for a, b in itertools.pairwise(times))

    print(f"playback_dropped_frames_60s {missed(paints)}{' (10 s run)' if quick else ''}")
    # Playback holds at each event to let its title be read: nothing changes then, so nothing is painted. The
    # frames missed while the instant moves are what the eye sees as stutter.
    print(f"playback_dropped_frames_moving_60s {sum(missed(seg) for seg in segments[::2])}")  # not the holds
    print(f"playback_frames_painted {len(paints)}")

    memory_growth(app, w, 10_000 if quick else 100_000, quick)


def memory_growth(app, w, n: int, quick: bool = False) -> None:
    """Memory: `n` scrubs with a paint each, after 10,000 that fill the caches and allocator pools."""
    from pyqtgraph.Qt import QtCore

    rng = random.Random(11)
    span = (w.state.timeline.end - w.state.timeline.start).total_seconds()

    def scrub(k: int) -> None:
        for i in range(k):
            w.state.instant = w.state.timeline.start + timedelta(seconds=rng.uniform(0, span))
            w.map.graphics.viewport().repaint()
            if i % 100 == 99:  # as the event loop does between a drag's mouse moves: posted events are delivered
                app.processEvents()
                QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)

    scrub(10_000)
    base, base_parts = rss_mb(), rss_parts_mb()
    scrub(n)
    print(f"rss_growth_mb_100k_scrubs {rss_mb() - base:.2f}{' (10k run)' if quick else ''}")
    for key, value in rss_parts_mb().items():  # which kind of memory grew: RssAnon would be a leak
        print(f"{key.lower()}_growth_mb_100k_scrubs {value - base_parts.get(key, 0.0):.2f}")


def memory_only() -> None:
    """`--memory`: the memory figure alone, in a process that has done nothing else (as a kiosk does)."""
    from viewer.cli import _load_or_report
    from viewer.ui.app import _application, build_window

    app = _application()
    w = build_window(_load_or_report(), None)
    w.resize(1920, 1080)
    w.show()
    app.processEvents()
    memory_growth(app, w, 100_000)


if __name__ == "__main__":
    if "--memory" in sys.argv:
        memory_only()
    else:
        main("--quick" in sys.argv)
