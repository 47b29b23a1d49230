"""The side panel follows a running instant a few times a second (viewer/ui/throttle.py)."""

from __future__ import annotations

from datetime import timedelta

from pyqtgraph.Qt import QtCore

from viewer.ui.throttle import Throttle


def test_a_change_is_answered_when_the_loop_turns_and_a_burst_once_more_at_the_end(qtbot):
    owner, calls = QtCore.QObject(), []
    throttle = Throttle(owner, lambda: calls.append(1), interval_ms=100)
    throttle()
    throttle()  # a jump sets several fields at once: they are answered together
    qtbot.waitUntil(lambda: calls == [1], timeout=2000)
    throttle()
    throttle()
    assert calls == [1]  # a burst within the interval waits ...
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=2000)  # ... and is answered once, when it ends
    qtbot.waitUntil(lambda: not throttle.timer.isActive(), timeout=2000)
    assert len(calls) == 2  # nothing was pending: no further call


def test_the_note_catches_up_with_a_drag_across_events(qtbot, scenario):
    from viewer.ui.app import build_window

    w = build_window(scenario, None)
    qtbot.addWidget(w)
    campaign = [e for e in scenario.events if scenario.campaign_start <= e.at <= scenario.campaign_end]
    first, second = campaign[0], campaign[4]
    w.state.instant = first.at
    w.state.instant = second.at + timedelta(minutes=1)  # a drag crosses several events in one frame
    qtbot.waitUntil(lambda: second.title["en"] in w.notes.toPlainText(), timeout=2000)
