"""Kiosk mode offscreen: idle -> tour, touch -> visitor, locked shortcuts, staff chord, error recovery."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from tools.kiosk_service_trial import start_xvfb
from viewer.kiosk_config import KioskConfig
from viewer.ui.app import build_kiosk

FAST = KioskConfig(idle_seconds=0.3, tour_seconds=0.6)


@pytest.fixture
def kiosk(qtbot, scenario):
    window, k = build_kiosk(scenario, FAST)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    yield window, k
    k.allow_exit = True
    QtWidgets.QApplication.instance().removeEventFilter(k)
    window.close()


def key(qtbot, widget, k, mods=QtCore.Qt.KeyboardModifier.NoModifier):
    """A key as the keyboard sends it: through Qt's shortcut map, as commands are triggered."""
    qtbot.keyClick(widget, k, mods)


def test_idle_starts_the_tour_and_a_touch_hands_over(kiosk, qtbot):
    window, k = kiosk
    assert not k.touring
    qtbot.waitUntil(lambda: k.touring, timeout=3000)
    assert k.caption.isVisible() and k.story.steps[0].chapter == "may-june"
    assert k.caption.text() == f"Guided tour: step 1 of {len(k.story)}" and k.call.isVisible()
    # the step itself is in the side panel (which follows the story a moment later: viewer/ui/throttle.py)
    qtbot.waitUntil(lambda: k.story.steps[0].title["en"] in window.notes.toPlainText(), timeout=2000)
    qtbot.waitUntil(lambda: window.state.step >= 1, timeout=3000)  # it moves on by itself
    k.tour_timer.stop()  # hold this step so the eased move can be checked
    qtbot.waitUntil(lambda: window.state.instant == window.state.current_event.at, timeout=3000)
    at_touch = window.state.instant
    qtbot.mouseClick(window.map.graphics.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(300, 300))
    assert not k.touring and not k.caption.isVisible() and not k.call.isVisible()
    assert k.idle.isActive() and k.idle.remainingTime() > 0  # the quiet spell starts again from the touch
    QtCore.QCoreApplication.processEvents()
    assert window.state.instant == at_touch and not k.touring  # the visitor starts where the tour was
    qtbot.waitUntil(lambda: k.touring, timeout=3000)  # and idle again brings the tour back


def test_blocked_shortcuts_and_close_do_not_end_it(kiosk, qtbot):
    window, _k = kiosk
    M = QtCore.Qt.KeyboardModifier
    for k_, mods in (
        (QtCore.Qt.Key.Key_F4, M.AltModifier),
        (QtCore.Qt.Key.Key_Q, M.ControlModifier),
        (QtCore.Qt.Key.Key_Escape, M.NoModifier),
        (QtCore.Qt.Key.Key_Tab, M.AltModifier),
    ):
        key(qtbot, window, k_, mods)
    window.close()
    QtCore.QCoreApplication.processEvents()
    assert window.isVisible()


def test_no_menus_tooltips_or_dialogs(kiosk, qtbot):
    window, k = kiosk
    assert not window.menu_button.isVisible() and not window.statusBar().isVisible()
    key(qtbot, window, QtCore.Qt.Key.Key_F1)
    assert not window.dialogs and not window.commands.actions["help"].isEnabled()
    assert all(not w.toolTip() for w in window.findChildren(QtWidgets.QWidget))
    assert window.play_button.minimumHeight() >= 48 and window.play_button.minimumWidth() >= 48
    ev = QtGui.QContextMenuEvent(QtGui.QContextMenuEvent.Reason.Mouse, QtCore.QPoint(10, 10), QtCore.QPoint(10, 10))
    assert k.eventFilter(window.notes, ev)


def test_the_staff_chord_ends_it(kiosk, qtbot):
    window, k = kiosk
    M = QtCore.Qt.KeyboardModifier
    with qtbot.waitSignal(k.sigExit, timeout=1000):
        key(qtbot, window, QtCore.Qt.Key.Key_Q, M.ControlModifier | M.AltModifier | M.ShiftModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=1000)


def test_chord_can_be_disabled(qtbot, scenario):
    window, k = build_kiosk(scenario, KioskConfig(idle_seconds=60, exit_chord_enabled=False))
    qtbot.addWidget(window)
    window.show()
    M = QtCore.Qt.KeyboardModifier
    key(qtbot, window, QtCore.Qt.Key.Key_Q, M.ControlModifier | M.AltModifier | M.ShiftModifier)
    assert window.isVisible() and not k.allow_exit
    k.allow_exit = True
    QtWidgets.QApplication.instance().removeEventFilter(k)
    window.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_returns_to_the_tour(kiosk, qtbot):
    window, k = kiosk
    window.state.update(instant=datetime(1939, 8, 1))
    QtCore.QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: k.errors == 1, timeout=2000)
    assert k.touring and window.isVisible()


XVFB = shutil.which("Xvfb") and shutil.which("xdotool")


def _wait_for(condition, timeout: float, what: str, interval: float = 0.05):
    """Poll `condition` until it returns something truthy (returned) or `timeout` seconds pass (failure).
    The short pause between polls only spaces the checks: nothing waits a guessed time for anything."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout:.0f} s for {what}", pytrace=False)
        time.sleep(interval)


def _start_xvfb(timeout: float = 20.0) -> tuple[subprocess.Popen, str]:
    try:
        return start_xvfb(timeout)
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


def _xdotool(env, *args: str, check: bool = False) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=20, check=check).stdout


def _log_has(log: Path, text: str) -> bool:
    return log.exists() and text in log.read_text(encoding="utf-8", errors="replace")


@pytest.mark.skipif(not XVFB, reason="needs Debian's xvfb and xdotool (.ci/run installs them)")
def test_real_window_under_xvfb(tmp_path):
    """The same, in a real X window driven with xdotool: fullscreen, the idle tour, Alt+F4 ignored, the chord exits.

    Every wait is on a condition with a deadline: the display Xvfb picked, the window xdotool finds, its size,
    the app's log lines, the process's exit."""
    xvfb, display = _start_xvfb()
    env = {**os.environ, "DISPLAY": display, "KHALKHIN_GOL_HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    (tmp_path / "config").mkdir(parents=True)
    (tmp_path / "config" / "kiosk.ini").write_text("[kiosk]\nidle_seconds = 1\ntour_seconds = 2\n")
    app_log = tmp_path / "state" / "khalkhin-gol.log"  # the app's own log file (viewer.logs), INFO and up
    app = None
    try:
        stderr = tmp_path / "app.stderr"
        with stderr.open("wb") as err:
            app = subprocess.Popen([sys.executable, "-m", "viewer", "--kiosk"], env=env, stdout=subprocess.DEVNULL, stderr=err)

        def window_id():
            if app.poll() is not None:
                pytest.fail(f"the kiosk exited ({app.returncode}) before showing a window:\n{stderr.read_text()}", pytrace=False)
            return _xdotool(env, "search", "--onlyvisible", "--name", "Khalkhin Gol 1939").split()

        wid = _wait_for(window_id, 60, "the kiosk window to appear")[0]
        _wait_for(lambda: "1920x1080" in _xdotool(env, "getwindowgeometry", wid), 20, "the kiosk window to fill the screen")
        _wait_for(lambda: _log_has(app_log, "kiosk: tour started"), 30, "the idle tour to start (its log line)")
        if os.environ.get("KIOSK_SHOT"):  # a screenshot to look at, on request (needs ImageMagick)
            xwd = subprocess.run(["xwd", "-root", "-silent", "-display", display], capture_output=True)
            subprocess.run(["convert", "xwd:-", os.environ["KIOSK_SHOT"]], input=xwd.stdout, check=False, timeout=30)
        _xdotool(env, "windowactivate", "--sync", wid)
        for keys in ("alt+F4", "ctrl+q", "Escape"):
            _xdotool(env, "key", keys, check=True)
        # X delivers keys in order: if a blocked shortcut had closed the kiosk, the chord would never be handled
        # and logged, so its log line (and exit code 0) proves the three keys before it were ignored.
        _xdotool(env, "key", "ctrl+alt+shift+q", check=True)
        _wait_for(lambda: app.poll() is not None, 30, "the kiosk to exit after the staff chord")
        assert app.returncode == 0, stderr.read_text()
        assert _log_has(app_log, "kiosk: staff exit chord"), "it ended, but not by the staff chord"
    finally:
        if app and app.poll() is None:
            app.kill()
            app.wait()
        xvfb.kill()
        xvfb.wait()


def test_the_tour_eases_the_map_back_to_the_battlefield(kiosk, qtbot):
    """The tour follows the story: the map glides out from a visitor's close zoom to its first event's frame."""
    window, k = kiosk
    state = window.state
    home = state.bounds.home
    state.camera = home.zoomed(4.0)
    seen = []
    state.events.camera.connect(lambda camera: seen.append(camera.size[0]))
    qtbot.waitUntil(lambda: k.touring and len(seen) > 6, timeout=3000)
    first = seen[:6]  # the glide to the first step (this fast tour moves on before it ends: its destination is
    # checked in test_one_view_state)
    assert first == sorted(first) and first[0] > home.size[0] / 4  # eased out through intermediate ranges


def test_touch_tap_on_a_unit_opens_its_card(kiosk, qtbot):
    """Real touch events (not synthesised mouse clicks): a tap on a unit opens its card."""
    from pyqtgraph.Qt import QtTest

    window, k = kiosk
    k.idle.setInterval(60_000)  # no tour may move the units or clear the card, however slow the machine is
    k.stop_tour()  # nor its camera glide to the first event (the map would move under the finger)
    window.state.update(instant=datetime(1939, 8, 24, 12))
    window.map.graphics.viewport().repaint()
    device = QtTest.QTest.createTouchDevice()
    vp = window.map.graphics.viewport()
    pt = window.map.unit_screen_point("J-IOKI").toPoint()
    QtTest.QTest.touchEvent(vp, device).press(0, pt, vp).commit()
    QtTest.QTest.touchEvent(vp, device).release(0, pt, vp).commit()
    qtbot.waitUntil(lambda: "Ioki detachment" in window.notes.toPlainText(), timeout=1000)


def test_the_attract_loop_invites_without_hiding_the_map(kiosk, qtbot):
    """A call to action in the museum's languages; the caption repeats nothing of the side panel; together they
    cover little of the map; everything a finger hits is at least 48 px, the timeline's ticks included."""
    window, k = kiosk
    qtbot.waitUntil(lambda: k.touring, timeout=3000)
    calls = k.call.calls
    assert calls[0] == "Touch to explore" and len(calls) == 4 and len(set(calls)) == 4  # en, ru, mn, ja
    seen = {k.call.text()}
    k.call.timer.setInterval(50)
    qtbot.waitUntil(lambda: seen.add(k.call.text()) or len(seen) == 4, timeout=3000)
    assert seen == set(calls)
    k.tour_timer.stop()  # hold this step: the panel follows the story a moment later (viewer/ui/throttle.py)
    event = window.state.current_event
    qtbot.waitUntil(lambda: event.title["en"] in window.notes.toPlainText(), timeout=2000)
    panel = window.notes.toPlainText()
    assert event.title["en"] not in k.caption.text()
    assert not any(line and line in k.caption.text() for line in panel.splitlines() if len(line) > 12)
    map_area = window.map.width() * window.map.height()
    covered = sum(w.width() * w.height() for w in (k.caption, k.call))
    assert covered / map_area < 0.08, covered / map_area
    assert k.call.geometry().bottom() > window.map.height() * 0.8  # low, and the caption along the top
    assert k.caption.geometry().top() < window.map.height() * 0.05
    for button in window.findChildren(QtWidgets.QAbstractButton):
        if button.isVisible():
            assert min(button.width(), button.height()) >= 48, button
    bar = window.timeline_bar
    top, bottom = bar._bands()
    assert bottom - top >= 48
    tick = next(e for e in bar.timeline.visible_events())
    x = bar.x_of(tick.at)
    assert bar._event_near(x + 23) is not None and bar._event_near(x - 23) is not None


def test_opening_hours_blank_the_screen_and_pause_the_tour(qtbot, scenario):
    from viewer.ui.screen_care import ScreenCare

    window, k = build_kiosk(scenario, KioskConfig(idle_seconds=0.2, tour_seconds=60))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    now = [datetime(2026, 6, 1, 20, 0)]
    care = ScreenCare(lambda at: 9 <= at.hour < 18, 4, clock=lambda: now[0])
    care.inhibitor.hold = lambda: "test"  # this test is about the hours, not the desktop's screensaver
    care.inhibitor.release = lambda: None
    care.sigOpenChanged.connect(lambda open_: k.pause(not open_))
    care.attach(window)
    assert care.open is False and care.blank.isVisible() and care.blank.geometry() == window.rect()
    assert k.paused and not k.idle.isActive()
    now[0] = datetime(2026, 6, 2, 9, 30)
    care.check_hours()
    assert not care.blank.isVisible() and not k.paused
    qtbot.waitUntil(lambda: k.touring, timeout=3000)
    margins = [window.centralWidget().layout().contentsMargins().left()]
    for _ in range(3):
        care.shift()
        margins.append(window.centralWidget().layout().contentsMargins().left())
    assert len(set(margins)) > 1 and all(0 <= m <= 8 for m in margins)  # static parts drift a few pixels
    care.stop()
    k.release()


def _pixels(image: QtGui.QImage):
    import numpy as np

    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4]


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_tour_overlays_cover_no_furniture_and_none_of_the_events_names(qtbot, scenario, size):
    """The call to action and the caption leave the scale bar, north arrow, inset and legend, and the names and
    marks of the event on screen, as they were: the map's pixels there are the same with the overlays shown and
    hidden, at several steps of the tour and at two screen sizes. The call stays low, the caption high."""
    window, k = build_kiosk(scenario, KioskConfig(idle_seconds=0.05, tour_seconds=600))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: k.touring, timeout=5000)
    shots = os.environ.get("KIOSK_OVERLAY_SHOTS")  # a folder: the grabs are saved there to look at
    try:
        for step in (0, 9, 21, 30, 38, len(k.story) - 1):
            window.clock.go_to_step(step)
            qtbot.waitUntil(lambda: not window.clock.moving and not k.overlays.stale and not k.overlays.pending, timeout=10000)
            furniture, event, _rest = k.overlays.map_rects()
            assert any(r[2] > 100 for r in furniture)  # the scale bar is on the map
            shown = window.map.grab()
            if shots:
                shown.save(f"{shots}/tour-{size[0]}x{size[1]}-step{step}.png")
            k.call.hide(), k.caption.hide()
            hidden = window.map.grab()
            k.call.show(), k.caption.show()
            a, b = _pixels(shown.toImage()), _pixels(hidden.toImage())
            for x, y, w, h in furniture + event:
                x0, y0 = max(int(x), 0), max(int(y), 0)
                x1, y1 = min(int(x + w) + 1, a.shape[1] // 4), min(int(y + h) + 1, a.shape[0])
                region = (slice(y0, y1), slice(4 * x0, 4 * x1))
                assert (a[region] == b[region]).all(), (step, (x, y, w, h), k.call.geometry(), k.caption.geometry())
            assert k.call.geometry().center().y() > window.map.height() / 2 > k.caption.geometry().center().y()
    finally:
        k.allow_exit = True
        QtWidgets.QApplication.instance().removeEventFilter(k)
        window.close()


class PaintCounter(QtCore.QObject):
    """Counts the paint events of the widgets it is installed on."""

    count = 0

    def eventFilter(self, _obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        self.count += ev.type() == QtCore.QEvent.Type.Paint
        return False


def test_the_side_panels_legend_repaints_only_when_its_rows_change(kiosk, qtbot):
    """Changes of the map that add or drop no kind of mark leave the legend beside the map as it is (it was
    repainted after each, for the same picture); a change of its rows repaints it."""
    window, k = kiosk
    k.idle.setInterval(600_000)
    k.stop_tour()
    body, state = window.legend.body, window.state
    state.instant = datetime(1939, 8, 24, 12)
    qtbot.waitUntil(lambda: body.isVisible(), timeout=3000)
    for _ in range(5):  # the map settles (a unit's label moved aside after its first paints is a mark too)
        QtCore.QCoreApplication.processEvents()
        body.refresh()
    QtCore.QCoreApplication.processEvents()

    paints = PaintCounter(body)
    body.installEventFilter(paints)
    rows = body._rows
    for _ in range(6):  # what the side panel's throttle does after each change of the map (a tap, a frame)
        body.refresh()
        QtCore.QCoreApplication.processEvents()
    assert body._rows == rows and paints.count == 0
    state.instant = datetime(1939, 5, 11)  # the first day: far fewer kinds of marks
    body.refresh()
    qtbot.waitUntil(lambda: paints.count > 0, timeout=3000)
    assert body._rows != rows
