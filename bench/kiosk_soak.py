"""Kiosk soak: a museum day at high speed. Prints:

kiosk_soak_interactions      taps, drags, swipes, key presses, chapter jumps and idle spells performed (target >= 100,000)
kiosk_soak_rss_growth_mb     resident memory growth (target <= 2 MB), read like for like at two returns to the attract
                             tour, where the kiosk lets go of what the visitor filled (viewer/ui/kiosk.py: forget_visitor):
                             the return that ends the warm-up against the return after the last interaction (both
                             uncounted quiet spells); what would grow over months
kiosk_soak_rss_growth_mid_visitor_mb  the same between the last interaction of the warm-up and the last of the run,
                             whatever those visitors hold (the map's kept pictures of their zoom): it swings by MBs
                             either way (18 MB at one progress line of a 10k run), so it shows spread, not a trend
kiosk_soak_exceptions        unhandled exceptions (each one would have sent the kiosk back to its tour; target 0)
kiosk_soak_interactions_per_s  interactions per second of the measured part (the whole run: target <= 10 minutes on 2 cores)
kiosk_soak_interactions_per_cpu_s  the same per second of this process's CPU time (on a shared machine, what the kiosk costs)
kiosk_soak_tours_started     how often the idle timer started the attract tour
kiosk_soak_tour_steps        steps the tours played after their first (the tour's own timer)
kiosk_soak_map_paints        frames of the map painted (at most one per 16 ms frame)
kiosk_soak_visits_recorded   visitor sessions written to the statistics (recorded as the kiosk does, in a temporary file)

Idle and tour times are shortened so a day's rhythm of visitors and quiet spells fits in minutes: a quiet spell
runs the idle timer out at once (0 ms) and lasts until the tour has started; the tour then steps every 1 ms,
as the following frames find it, until the next visitor's touch stops it. The count of interactions stays, the
waiting between them goes. Events are processed once
per 16 ms frame, as a screen refreshes: every interaction is handled when it is sent, and the paints of the
interactions within one frame are coalesced, as Qt does on a real screen.
Run: QT_QPA_PLATFORM=offscreen python bench/kiosk_soak.py [N]   (default 100000)
"""

from __future__ import annotations

import faulthandler
import os
import random
import resource
import sys
import tempfile
from pathlib import Path

sys.path[:1] = [str(Path(__file__).resolve().parent.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KHALKHIN_GOL_HOME", str(Path("/tmp") / "khalkhin-gol-soak"))


from bench.memory import rss_mb, rss_parts_mb  # noqa: E402

IDLE_MS = 500  # longer than any burst of a visitor's taps, even on a loaded machine; a quiet spell runs it out at once
# The kiosk writes its statistics every 10 minutes (kiosk_host.HEALTH_CHECK_MS), a few visits at a time; the soak's
# day passes faster, so it writes them as often in visits: without it, every visit of the run waited in memory.
FLUSH_EVERY = 1000


def main(n: int) -> None:
    import time

    from pyqtgraph.Qt import QtCore, QtGui, QtTest

    from viewer.assets import content_dir
    from viewer.core.scenario import load_scenario
    from viewer.kiosk_config import KioskConfig
    from viewer.kiosk_stats import Stats
    from viewer.logs import route_qt_messages, setup_logging
    from viewer.ui.app import _application, build_kiosk
    from viewer.ui.kiosk_visits import VisitRecorder

    faulthandler.enable(all_threads=True)  # a crash in Qt leaves every thread's Python stack on stderr
    # ... and a core file (where kernel.core_pattern puts it) for gdb: the Python stack alone ended in Qt's paintEvent
    # in earlier sessions; the core's C++ frames and the exception PySide held showed the cause (labels.py's index)
    resource.setrlimit(resource.RLIMIT_CORE, (hard := resource.getrlimit(resource.RLIMIT_CORE)[1], hard))
    setup_logging("ERROR")
    route_qt_messages()  # the offscreen platform's warning at every popup goes to the log (at ERROR: nowhere)
    app = _application()
    window, kiosk = build_kiosk(load_scenario(content_dir()), KioskConfig(idle_seconds=IDLE_MS / 1000, tour_seconds=0.001))
    stats_dir = tempfile.TemporaryDirectory(prefix="kiosk-soak-")
    stats = Stats(Path(stats_dir.name) / "stats.sqlite")
    VisitRecorder(kiosk, stats)  # a child of the kiosk; its sessions end at each return to the tour
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    tours = 0

    def count_tour() -> None:
        nonlocal tours
        tours += 1

    kiosk.sigTourStarted.connect(count_tour)
    steps = 0

    def count_step() -> None:
        nonlocal steps
        steps += 1

    kiosk.tour_timer.timeout.connect(count_step)

    class PaintCounter(QtCore.QObject):
        paints = 0

        def eventFilter(self, _obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
            if ev.type() == QtCore.QEvent.Type.Paint:
                self.paints += 1
            return False

    rng = random.Random(1939)
    viewport, bar = window.map.graphics.viewport(), window.timeline_bar
    painted = PaintCounter()
    viewport.installEventFilter(painted)
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

    last_frame = 0.0

    def frame() -> None:
        """Events are processed as a screen refreshes: at most once per 16 ms frame. The taps of one frame are all
        handled (each runs its handlers at once); what they change is painted together, as on a real screen."""
        nonlocal last_frame
        now = time.perf_counter()
        if now - last_frame >= 0.016:
            app.processEvents()
            last_frame = time.perf_counter()

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
        else:  # nobody at the screen for a while: the idle timer runs out, the tour starts and plays a few steps
            quiet_spell()
            if at_tour_wanted:
                read_at_tour()
        frame()

    at_tour: list[float] = []  # resident memory just after a return to the tour (the kiosk's reset)
    at_tour_wanted = False

    def read_at_tour() -> None:
        nonlocal at_tour_wanted
        at_tour.append(rss_mb())
        at_tour_wanted = False

    def quiet_spell() -> None:
        kiosk.idle.start(0)
        give_up = time.perf_counter() + 30
        while not kiosk.touring:
            app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.WaitForMoreEvents)  # the idle timer is due
            if time.perf_counter() > give_up:
                sys.exit("kiosk soak: the idle timer ran out but no tour started")
        kiosk.idle.setInterval(IDLE_MS)

    warm = max(2000, n // 10)  # caches and allocator pools fill up first; growth is measured after that
    for i in range(1, warm + 1):
        interact()
        if i % FLUSH_EVERY == 0:
            stats.flush()
    base, base_parts = rss_mb(), rss_parts_mb()  # mid-visitor: the warm-up's last interaction
    quiet_spell()  # the warm-up's last visitor leaves (uncounted): the baseline at a return to the tour
    read_at_tour()

    def parts_growth(part: str) -> float:
        return rss_parts_mb().get(part, 0.0) - base_parts.get(part, 0.0)

    every = max(1000, n // 10)  # progress lines: ten a run
    start, cpu_start = time.perf_counter(), time.process_time()
    for i in range(1, n + 1):
        interact()
        if i % FLUSH_EVERY == 0:
            stats.flush()
        if i % every == 0:  # progress on stderr: a long run on a loaded machine shows where it is
            rate = i / (time.perf_counter() - start)
            at_tour_growth = at_tour[-1] - at_tour[0]
            print(
                f"# {i} interactions, {rate:.0f}/s, rss growth {rss_mb() - base:.2f} MB"
                f" (anon {parts_growth('RssAnon'):+.2f}, file {parts_growth('RssFile'):+.2f}),"
                f" at the last return to the tour {at_tour_growth:+.2f} MB, exceptions {kiosk.errors}",
                file=sys.stderr,
                flush=True,
            )
            at_tour_wanted = True  # read again at the next return to the tour
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    growth = rss_mb() - base
    tours_counted = tours
    quiet_spell()  # the last visitor leaves (uncounted): the kiosk returns to its tour, its session is recorded
    read_at_tour()
    visits = sum(d.sessions for d in stats.days())
    print(f"kiosk_soak_interactions {n}")
    print(f"kiosk_soak_rss_growth_mb {at_tour[-1] - at_tour[0]:.2f}")
    print(f"kiosk_soak_rss_growth_mid_visitor_mb {growth:.2f}")
    print(f"kiosk_soak_exceptions {kiosk.errors}")
    print(f"kiosk_soak_interactions_per_s {n / seconds:.0f}")
    print(f"kiosk_soak_interactions_per_cpu_s {n / cpu_seconds:.0f}")
    print(f"kiosk_soak_tours_started {tours_counted}")
    print(f"kiosk_soak_tour_steps {steps}")
    print(f"kiosk_soak_map_paints {painted.paints}")
    print(f"kiosk_soak_visits_recorded {visits}")
    stats.close()
    stats_dir.cleanup()
    kiosk.allow_exit = True
    window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
