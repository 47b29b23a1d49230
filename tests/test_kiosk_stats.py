"""Anonymous local statistics: a scripted visitor session at the kiosk is recorded (visit, dwell, taps, languages,
chapters and events, tours), `kiosk --stats` prints the day and writes CSV, and old days are deleted."""

from __future__ import annotations

import csv
import ctypes
import gc
from datetime import datetime, timedelta

import pytest
from pyqtgraph.Qt import QtCore

from viewer import cli
from viewer.kiosk_config import KioskConfig
from viewer.kiosk_stats import Session, Stats, stats_file
from viewer.ui.app import build_kiosk
from viewer.ui.kiosk_visits import VisitRecorder


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, 11, 0)

    def __call__(self) -> datetime:
        return self.now


def test_a_scripted_visitor_session_is_recorded(qtbot, scenario, app_home, capsys):
    clock = Clock()
    stats = Stats(stats_file(), clock=clock)
    window, k = build_kiosk(scenario, KioskConfig(idle_seconds=2, tour_seconds=60))
    qtbot.addWidget(window)
    recorder = VisitRecorder(k, stats, clock)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: k.touring, timeout=5000)  # the first tour: nobody there yet
    L = QtCore.Qt.MouseButton.LeftButton
    viewport = window.map.graphics.viewport()
    # a visitor: taps the map, switches to Japanese, opens August, taps twice more, and leaves after 95 s
    qtbot.mouseClick(viewport, L, pos=QtCore.QPoint(200, 200))
    assert not k.touring
    clock.now += timedelta(seconds=20)
    qtbot.mouseClick(window.language_buttons["ja"], L)
    august = next(c for c in scenario.chapters if c.id == "august")
    window.jump_to_chapter(august)
    qtbot.waitUntil(lambda: window.state.current_event.chapter == "august", timeout=5000)  # an eased move
    clock.now += timedelta(seconds=60)
    qtbot.mouseClick(viewport, L, pos=QtCore.QPoint(400, 300))
    clock.now += timedelta(seconds=15)
    qtbot.mouseClick(viewport, L, pos=QtCore.QPoint(500, 300))
    qtbot.waitUntil(lambda: k.touring, timeout=5000)  # idle again: the session ends, the tour starts
    [day] = stats.days()
    assert (day.day, day.sessions, day.dwell_total_s, day.taps) == ("2026-06-01", 1, 95.0, 4)
    assert day.counts["language"] == {"en": 1, "ja": 1}
    assert day.counts["tour"] == {"may-june": 2}
    assert "august" in day.counts["chapter"] and sum(day.counts["event"].values()) >= 2
    assert all(e.chapter for e in scenario.events if e.id in day.counts["event"])
    recorder.end_session()
    stats.close()
    k.release()

    out_csv = app_home / "stats.csv"
    assert cli.main(["kiosk", "--stats", "--csv", str(out_csv)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[1].split()[:4] == ["2026-06-01", "1", "95s", "4"] and printed[-1] == f"wrote {out_csv}"
    with out_csv.open(newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["visits"], row["stay_mean_s"], row["taps"], row["tours"], row["languages"]) == ("1", "95", "4", "2", "en:1 ja:1")


def test_old_days_are_deleted(tmp_path):
    clock = Clock()
    stats = Stats(tmp_path / "s.sqlite", keep_days=30, clock=clock)
    stats.end_session(Session(clock.now, clock.now + timedelta(seconds=5), taps=1, languages=["en"]))
    stats.count("tour", "may-june")
    stats.flush()
    clock.now += timedelta(days=29)
    stats.rotate()
    assert len(stats.days()) == 1
    clock.now += timedelta(days=2)
    stats.rotate()
    assert stats.days() == []
    stats.close()


def test_a_busy_kiosks_statistics_hold_no_more_memory_as_visits_accumulate(tmp_path):
    """Months of visits written in batches: SQLite's memory stays what one batch needs (its default page cache
    kept every page written, up to 2 MB, so the kiosk's memory grew with its visitors; the soak saw it)."""
    try:
        sqlite = ctypes.CDLL("libsqlite3.so.0")  # the library Python's sqlite3 uses (Linux): its memory counter is global
    except OSError:
        pytest.skip("no shared SQLite library to ask for its memory")
    sqlite.sqlite3_memory_used.restype = ctypes.c_int64
    gc.collect()  # connections other tests left behind close now, not while this one is measured
    clock = Clock()
    stats = Stats(tmp_path / "s.sqlite", clock=clock)
    held = []
    for _batch in range(60):  # a batch is some 70 visits: what the soak writes per 1,000 interactions
        for _visit in range(70):
            clock.now += timedelta(seconds=30)
            stats.end_session(Session(clock.now, clock.now + timedelta(seconds=20), taps=5, languages=["en", "ru"]))
        stats.flush()
        held.append(sqlite.sqlite3_memory_used())
    stats.close()
    assert held[-1] - held[9] < 100_000, f"SQLite held {(held[-1] - held[9]) / 1e6:.2f} MB more after 3,500 more visits"


def test_no_statistics_yet(app_home, capsys):
    assert cli.main(["kiosk", "--stats"]) == 0
    assert "no statistics yet" in capsys.readouterr().out
