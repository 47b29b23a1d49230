"""Kiosk mode offscreen: idle -> tour, touch -> visitor, locked shortcuts, staff chord, error recovery."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import datetime

import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from viewer.kiosk_config import KioskConfig, load_kiosk_config
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


def key(widget, k, mods=QtCore.Qt.KeyboardModifier.NoModifier):
    QtCore.QCoreApplication.sendEvent(widget, QtGui.QKeyEvent(QtCore.QEvent.Type.KeyPress, k, mods))


def test_idle_starts_the_tour_and_a_touch_hands_over(kiosk, qtbot):
    window, k = kiosk
    assert not k.touring
    qtbot.waitUntil(lambda: k.touring, timeout=3000)
    assert k.caption.isVisible() and k.steps[0].chapter == "may-june"
    assert k.steps[0].title["en"] in k.caption.text()
    qtbot.waitUntil(lambda: k._step >= 1, timeout=3000)  # it moves on by itself
    k.tour_timer.stop()  # hold this step so the eased move can be checked
    qtbot.waitUntil(lambda: window.clock.at == k.steps[k._step].at, timeout=3000)
    at_touch = window.clock.at
    qtbot.mouseClick(window.map.graphics.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(300, 300))
    assert not k.touring and not k.caption.isVisible()
    qtbot.wait(150)  # less than the idle time
    assert window.clock.at == at_touch and not k.touring  # the visitor starts where the tour was
    qtbot.waitUntil(lambda: k.touring, timeout=3000)  # and idle again brings the tour back


def test_blocked_shortcuts_and_close_do_not_end_it(kiosk, qtbot):
    window, k = kiosk
    M = QtCore.Qt.KeyboardModifier
    for k_, mods in ((QtCore.Qt.Key.Key_F4, M.AltModifier), (QtCore.Qt.Key.Key_Q, M.ControlModifier),
                     (QtCore.Qt.Key.Key_Escape, M.NoModifier), (QtCore.Qt.Key.Key_Tab, M.AltModifier)):
        key(window, k_, mods)
    window.close()
    qtbot.wait(100)
    assert window.isVisible()


def test_no_menus_tooltips_or_dialogs(kiosk, qtbot):
    window, k = kiosk
    assert not window.menu_button.isVisible() and not window.statusBar().isVisible()
    key(window, QtCore.Qt.Key.Key_F1)
    assert not window.dialogs
    assert all(not w.toolTip() for w in window.findChildren(QtWidgets.QWidget))
    assert window.play_button.minimumHeight() >= 48 and window.play_button.minimumWidth() >= 48
    ev = QtGui.QContextMenuEvent(QtGui.QContextMenuEvent.Reason.Mouse, QtCore.QPoint(10, 10), QtCore.QPoint(10, 10))
    assert k.eventFilter(window.notes, ev)


def test_the_staff_chord_ends_it(kiosk, qtbot):
    window, k = kiosk
    M = QtCore.Qt.KeyboardModifier
    with qtbot.waitSignal(k.sigExit, timeout=1000):
        key(window, QtCore.Qt.Key.Key_Q, M.ControlModifier | M.AltModifier | M.ShiftModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=1000)


def test_chord_can_be_disabled(qtbot, scenario):
    window, k = build_kiosk(scenario, KioskConfig(idle_seconds=60, exit_chord_enabled=False))
    qtbot.addWidget(window)
    window.show()
    M = QtCore.Qt.KeyboardModifier
    key(window, QtCore.Qt.Key.Key_Q, M.ControlModifier | M.AltModifier | M.ShiftModifier)
    assert window.isVisible() and not k.allow_exit
    k.allow_exit = True
    QtWidgets.QApplication.instance().removeEventFilter(k)
    window.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_returns_to_the_tour(kiosk, qtbot):
    window, k = kiosk
    window.clock.set_instant(datetime(1939, 8, 1))
    QtCore.QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: k.errors == 1, timeout=2000)
    assert k.touring and window.isVisible()


def test_kiosk_config_file(tmp_path, caplog):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nidle_seconds = 45\nstart_chapter = august\ntour_seconds = nonsense\n"
                    "exit_chord_enabled = no\nexit_chord = Ctrl+Alt+X\n")
    cfg = load_kiosk_config(path)
    assert (cfg.idle_seconds, cfg.start_chapter, cfg.exit_chord_enabled, cfg.exit_chord) == (45.0, "august", False, "Ctrl+Alt+X")
    assert cfg.tour_seconds == KioskConfig().tour_seconds and "invalid" in caplog.text
    path.write_bytes(b"\xff\xfe garbage [[[")
    assert load_kiosk_config(path) == KioskConfig()
    assert load_kiosk_config(tmp_path / "missing.ini") == KioskConfig()


XVFB = shutil.which("Xvfb") and shutil.which("xdotool")


@pytest.mark.skipif(not XVFB, reason="needs Debian's xvfb and xdotool (.ci/run installs them)")
def test_real_window_under_xvfb(tmp_path):
    """The same, in a real X window driven with xdotool: fullscreen, Alt+F4 ignored, the chord exits."""
    display = ":87"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display, "KHALKHIN_GOL_HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    (tmp_path / "config").mkdir(parents=True)
    (tmp_path / "config" / "kiosk.ini").write_text("[kiosk]\nidle_seconds = 1\ntour_seconds = 2\n")
    app = None
    try:
        time.sleep(1.0)
        log = tmp_path / "app.log"
        with log.open("wb") as err:
            app = subprocess.Popen([sys.executable, "-m", "viewer", "--kiosk"], env=env, stdout=subprocess.DEVNULL, stderr=err)
        wid = ""
        for _ in range(60):
            wid = subprocess.run(["xdotool", "search", "--name", "Khalkhin Gol 1939"], env=env, capture_output=True, text=True).stdout.split()
            if wid:
                break
            time.sleep(0.25)
        assert wid, log.read_text()
        time.sleep(2.5)  # idle -> the tour starts
        geometry = subprocess.run(["xdotool", "getwindowgeometry", wid[0]], env=env, capture_output=True, text=True).stdout
        assert "1920x1080" in geometry, geometry
        if os.environ.get("KIOSK_SHOT"):  # a screenshot to look at, on request (needs ImageMagick)
            xwd = subprocess.run(["xwd", "-root", "-silent", "-display", display], capture_output=True)
            subprocess.run(["convert", "xwd:-", os.environ["KIOSK_SHOT"]], input=xwd.stdout, check=False, timeout=30)
        subprocess.run(["xdotool", "windowactivate", "--sync", wid[0]], env=env, capture_output=True)
        for keys in ("alt+F4", "ctrl+q", "Escape"):
            subprocess.run(["xdotool", "key", keys], env=env, check=True)
        time.sleep(1.0)
        assert app.poll() is None, "a blocked shortcut ended the kiosk"
        subprocess.run(["xdotool", "key", "ctrl+alt+shift+q"], env=env, check=True)
        app.wait(timeout=10)
        assert app.returncode == 0
    finally:
        if app and app.poll() is None:
            app.kill()
            app.wait()
        xvfb.kill()
        xvfb.wait()


def test_the_tour_eases_the_map_back_to_the_battlefield(kiosk, qtbot):
    window, k = kiosk
    window.map.fit_battlefield()
    target = window.map.view.viewRange()[0]  # what "fit" looks like in this window's aspect
    window.map.zoom(4.0)
    zoomed = window.map.view.viewRange()[0]
    seen = []
    window.map.view.sigRangeChanged.connect(lambda *_: seen.append(window.map.view.viewRange()[0][1] - window.map.view.viewRange()[0][0]))
    qtbot.waitUntil(lambda: k.touring, timeout=3000)
    qtbot.waitUntil(lambda: abs(window.map.view.viewRange()[0][0] - target[0]) < 0.5, timeout=3000)
    assert zoomed[1] - zoomed[0] < target[1] - target[0]
    assert len(seen) > 5  # eased through intermediate ranges, not one jump


def test_touch_tap_on_a_unit_opens_its_card(kiosk, qtbot):
    """Real touch events (not synthesised mouse clicks): a tap on a unit opens its card."""
    from pyqtgraph.Qt import QtTest
    window, k = kiosk
    window.clock.set_instant(datetime(1939, 8, 24, 12))
    qtbot.wait(50)
    window.map.graphics.viewport().repaint()
    device = QtTest.QTest.createTouchDevice()
    vp = window.map.graphics.viewport()
    pt = window.map.marks.unit_screen_point("J-IOKI").toPoint()
    QtTest.QTest.touchEvent(vp, device).press(0, pt, vp).commit()
    QtTest.QTest.touchEvent(vp, device).release(0, pt, vp).commit()
    qtbot.waitUntil(lambda: "Ioki detachment" in window.notes.toPlainText(), timeout=1000)
