"""Presenter mode with clicker keys (the exports are tested in test_exports.py)."""

from __future__ import annotations

import subprocess

import pytest
from pyqtgraph.Qt import QtCore, QtTest

from viewer.ui.app import build_presenter


def key(widget, k):
    """A key as a clicker sends it: through Qt's shortcut map, as commands are triggered."""
    QtTest.QTest.keyClick(widget, k)


@pytest.fixture
def presenter(qtbot, scenario):
    window, p = build_presenter(scenario)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    p.start()
    qtbot.waitUntil(lambda: window.state.step == 0, timeout=3000)
    yield window, p
    window.close()


def test_clicker_steps_through_the_story(presenter, qtbot, scenario):
    window, p = presenter
    assert p.view is None  # one screen: presenter view off
    expected = sorted((e for e in scenario.events if e.chapter not in ("background", "aftermath")), key=lambda e: e.at)
    assert window.state.story.steps == tuple(expected)  # the default talk: the campaign's events
    assert expected[0].title["en"] in p.caption.text() and p.caption.isVisible()  # the talk opens on its first step
    for i, k in enumerate((QtCore.Qt.Key.Key_PageDown, QtCore.Qt.Key.Key_Right, QtCore.Qt.Key.Key_Space), start=1):
        key(window, k)
        qtbot.waitUntil(lambda i=i: window.state.instant == expected[i].at, timeout=3000)
        assert expected[i].title["en"] in p.caption.text() and p.caption.isVisible()
    key(window, QtCore.Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: window.state.instant == expected[2].at, timeout=3000)
    assert window.state.current_event is expected[2]


def test_steps_across_the_campaign_are_eased_and_reach_the_war(presenter, qtbot, scenario):
    window, _p = presenter
    window.state.instant = scenario.event("first-clash").at - (scenario.event("first-clash").at - scenario.campaign_start) / 2
    seen = []
    window.state.events.instant.connect(seen.append)
    key(window, QtCore.Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.state.instant == scenario.event("first-clash").at, timeout=3000)
    assert len(seen) > 3  # animated, no jump cut


def test_black_screen_pen_and_leave(presenter, qtbot):
    window, p = presenter
    key(window, QtCore.Qt.Key.Key_B)
    assert p.cover.isVisible()
    key(window, QtCore.Qt.Key.Key_Period)
    assert not p.cover.isVisible()
    qtbot.mousePress(p.pen, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(100, 100))
    qtbot.mouseMove(p.pen, QtCore.QPoint(200, 150))
    qtbot.mouseRelease(p.pen, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(200, 150))
    assert p.pen.strokes
    key(window, QtCore.Qt.Key.Key_PageDown)
    assert not p.pen.strokes  # wiped at the next step
    key(window, QtCore.Qt.Key.Key_Escape)  # asks first
    assert window.isVisible() and p.leaving_asked
    with qtbot.waitSignal(p.sigLeave, timeout=1000):
        key(window, QtCore.Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_presenter_view_on_a_second_screen(tmp_path):
    """Two virtual screens (Qt's offscreen platform can fake them): the window takes one, the presenter view the other."""
    import json
    import os
    import sys

    config = tmp_path / "screens.json"
    screen = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "projector", "x": 0, "y": 0, "width": 1920, "height": 1080, **screen},
                    {"name": "laptop", "x": 1920, "y": 0, "width": 1366, "height": 768, **screen},
                ]
            }
        )
    )
    code = (
        "from viewer.cli import _load_or_report\nfrom viewer.ui.app import _application, build_presenter\n"
        "app = _application()\nw, p = build_presenter(_load_or_report(), 0)\nw.show()\np.start()\n"
        'w.commands.trigger("step.next")\n'
        "app.processEvents()\nassert p.view is not None and p.view.isVisible()\n"
        "assert p.view.screen() is not w.screen() or p.view.geometry().intersected(w.geometry()).isEmpty()\n"
        "print(p.view.current.text()); print(p.view.next.text()); print(p.view.clock.text())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "KHALKHIN_GOL_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Now: 13 May 1939") and lines[1].startswith("Next: ") and "elapsed 00:0" in lines[2]
