"""The faults that came from each mode keeping its own copy of the view: presenter caption out of step,
a kiosk visitor's changes reaching the next visitor, unbounded zoom, a highlight that outlived its step."""

from __future__ import annotations

from datetime import datetime

import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtTest, QtWidgets
from qt_events import wheel_up

from viewer.core.camera import MAX_ZOOM_OUT, MIN_SPAN_KM
from viewer.core.view_state import LAYERS
from viewer.kiosk_config import KioskConfig
from viewer.ui.app import build_kiosk, build_presenter

Key = QtCore.Qt.Key


@pytest.fixture
def presenter(qtbot, scenario):
    window, p = build_presenter(scenario)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    show_active(qtbot, window)
    p.start()
    qtbot.waitUntil(lambda: window.state.step == 0, timeout=3000)
    yield window, p
    window.close()


def show_active(qtbot, window) -> None:
    """Shown and the active window, as a kiosk or a talk is: shortcuts go to the active window."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window, timeout=3000)


def settle(qtbot, window):
    """Wait for an eased move to land on its step."""
    qtbot.waitUntil(lambda: not window.clock.easing, timeout=3000)


def in_step(window, p) -> bool:
    """The caption shows the current step's note, or nothing before the first step."""
    event = window.state.current_event
    if event is None:
        return not p.caption.isVisible()
    return p.caption.isVisible() and p.caption.text().startswith(event.title["en"])


def test_presenter_caption_stays_in_step_after_every_kind_of_jump(presenter, qtbot, scenario):
    window, p = presenter
    bar = window.timeline_bar
    jumps = {
        "chapter list": lambda: window._chapter_chosen(window.chapter_box.findData("august")),
        "End": lambda: QtTest.QTest.keyClick(window, Key.Key_End),
        "Home": lambda: QtTest.QTest.keyClick(window, Key.Key_Home),
        "timeline click": lambda: qtbot.mouseClick(
            bar,
            QtCore.Qt.MouseButton.LeftButton,
            pos=QtCore.QPoint(round(bar.x_of(datetime(1939, 6, 29, 12))), round(bar.height() * 0.85)),
        ),
        "next chapter": lambda: QtTest.QTest.keyClick(window, Key.Key_PageDown, QtCore.Qt.KeyboardModifier.ControlModifier),
    }
    for name, jump in jumps.items():
        jump()
        settle(qtbot, window)
        assert in_step(window, p), name
        before = window.state.instant
        QtTest.QTest.keyClick(window, Key.Key_PageDown)  # the next press goes on from here, not back months
        settle(qtbot, window)
        assert in_step(window, p), name
        if window.state.instant != window.state.timeline.end:
            assert before <= window.state.instant, name
            assert window.state.instant - before < (scenario.campaign_end - scenario.campaign_start) / 4, name


def test_presenter_shows_a_clicked_unit_in_the_caption(presenter, qtbot, scenario):
    window, p = presenter
    window.state.update(instant=datetime(1939, 8, 24, 12))
    viewport = window.map.graphics.viewport()
    viewport.repaint()
    symbol = p.pen.mapFrom(window.map, viewport.mapTo(window.map, window.map.unit_screen_point("J-IOKI").toPoint()))
    qtbot.mouseClick(p.pen, QtCore.Qt.MouseButton.LeftButton, pos=symbol)  # a tap through the pen overlay
    assert window.state.selected_unit == "J-IOKI" and not p.pen.strokes
    assert p.caption.isVisible() and p.caption.text().startswith("Ioki detachment")


def visitor_changes_everything(window, qtbot):
    """A visitor drags the divider, switches naming, timeline span and language, zooms, selects a unit and
    hides a layer."""
    splitter = window.splitter
    splitter.moveSplitter(round(splitter.width() * 0.85), 1)
    window.naming_buttons["japanese"].click()
    window.span_button.click()
    window.language_buttons["ja"].click()
    for _ in range(6):
        QtTest.QTest.keyClick(window, Key.Key_Plus)
    window.state.selected_unit = window.scenario.units[0].id
    window.state.toggle_layer("halos", False)  # the kiosk offers no layer menu; reset must cover it all the same


def test_the_kiosk_tour_forgets_every_change_a_visitor_made(qtbot, scenario):
    window, k = build_kiosk(scenario, KioskConfig(idle_seconds=60, tour_seconds=60, language="mn"))
    qtbot.addWidget(window)
    window.resize(1600, 900)
    show_active(qtbot, window)
    house_split = window.splitter.sizes()
    home = window.state.camera
    visitor_changes_everything(window, qtbot)
    s = window.state
    assert (s.naming, s.span, s.language, "halos" in s.layers) == ("japanese", "wide", "ja", False)
    assert s.panel_fraction < 0.2 and s.camera.size[0] < home.size[0] / 2 and not s.follow_story
    k.start_tour()
    first = window.frame_event(s.current_event)  # the tour follows the story again: its first event's frame
    qtbot.waitUntil(lambda: s.camera.close_to(first, 0.01), timeout=3000)
    assert s.follow_story
    assert (s.naming, s.span, s.language, s.layers, s.speed) == ("soviet", "campaign", "mn", frozenset(LAYERS), 2)
    assert s.selected_unit is None and s.highlighted_place is None and s.panel_fraction == 0.3
    assert window.splitter.sizes() == pytest.approx(house_split, abs=2)
    assert not window.span_button.isChecked() and window.naming_buttons["soviet"].isChecked()
    assert window.commands.actions["layer.halos"].isChecked()
    cap = k.caption
    assert cap.isVisible() and cap.height() < 2 * cap.fontMetrics().height() + 24  # one line, not a column of words
    window.state.selected_unit = scenario.units[0].id  # a tap hands over; the tour stops
    k.stop_tour()
    assert k.errors == 0  # the kiosk swallows errors into its tour: none may have happened here
    k.allow_exit = True
    window.close()


def test_zoom_is_bounded_to_the_region(window, qtbot):
    viewport = window.map.graphics.viewport()
    centre = QtCore.QPointF(viewport.width() / 2, viewport.height() / 2)
    for delta in (120, -120):
        for _ in range(60):
            wheel_up(viewport, centre, delta // 120)
        (x0, x1), (y0, y1) = window.map.view.viewRange()
        camera, home = window.state.camera, window.state.bounds.home
        if delta > 0:
            assert min(x1 - x0, y1 - y0) >= MIN_SPAN_KM * 0.99
            assert min(camera.size) >= MIN_SPAN_KM * 0.99
        else:
            assert camera.size[0] <= MAX_ZOOM_OUT * home.size[0] * 1.01 and camera.size[1] <= MAX_ZOOM_OUT * home.size[1] * 1.01
    for _ in range(30):
        QtTest.QTest.keyClick(window, Key.Key_Plus)
    assert min(window.state.camera.size) >= MIN_SPAN_KM * 0.99


def test_a_highlighted_place_is_cleared_when_the_story_moves_on(window, qtbot):
    window.show_event(window.scenario.event("azuma-destroyed"))
    settle(qtbot, window)
    window.notes.sigLink.emit("place", "kawatama_bridge")
    assert window.state.highlighted_place == "kawatama_bridge"
    window.state.instant = window.state.instant.replace(hour=23)  # scrubbing within the step keeps it
    assert window.state.highlighted_place == "kawatama_bridge"
    QtTest.QTest.keyClick(window, Key.Key_Right)
    settle(qtbot, window)
    assert window.state.highlighted_place is None


def test_a_clickers_keys_work_whatever_has_focus(window, qtbot):
    window.notes.setFocus()
    QtTest.QTest.keyClick(window.notes, Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.state.instant == window.scenario.event("first-clash").at, timeout=3000)
    window.timeline_bar.setFocus()
    QtTest.QTest.keyClick(window.timeline_bar, Key.Key_Right)
    qtbot.waitUntil(lambda: window.state.instant > window.scenario.event("first-clash").at, timeout=3000)


def test_modes_offer_commands_instead_of_filtering_keys(qtbot, scenario, presenter):
    window, _p = presenter
    actions = window.commands.actions
    assert not actions["play"].isEnabled() and not actions["export.png"].isEnabled()
    assert QtGui.QKeySequence("Space") in actions["step.next"].shortcuts()
    kiosk_window, k = build_kiosk(scenario, KioskConfig(idle_seconds=60))
    qtbot.addWidget(kiosk_window)
    kiosk_actions = kiosk_window.commands.actions
    assert not kiosk_actions["help"].isEnabled() and not kiosk_actions["leave"].isEnabled()
    assert kiosk_actions["kiosk.exit"].shortcuts() == [QtGui.QKeySequence("Ctrl+Alt+Shift+Q")]
    assert [row[0] for row in kiosk_window.commands.sheet()][:1] == ["Space"]
    k.allow_exit = True
    kiosk_window.close()


def test_a_key_during_the_tour_hands_over_like_a_touch(qtbot, scenario):
    """A key that runs a command sends Qt no KeyPress; the kiosk must still see a visitor."""
    window, k = build_kiosk(scenario, KioskConfig(idle_seconds=60, tour_seconds=60))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    k.start_tour()
    k.idle.stop()
    QtTest.QTest.keyClick(window, Key.Key_Right)
    assert not k.touring and not k.caption.isVisible() and k.idle.isActive()
    k.allow_exit = True
    window.close()


def test_the_kiosk_keeps_the_naming_it_was_started_with(qtbot, scenario):
    from viewer.ui import i18n

    i18n.language().set("en", "japanese")  # --kiosk --naming japanese
    try:
        window, k = build_kiosk(scenario, KioskConfig(idle_seconds=60, tour_seconds=60))
        qtbot.addWidget(window)
        window.state.naming = "soviet"  # a visitor switches
        k.start_tour()
        assert window.state.naming == "japanese"
        k.allow_exit = True
        window.close()
    finally:
        i18n.language().set("en", "soviet")


def test_the_divider_cannot_squeeze_the_map(window, qtbot):
    splitter = window.splitter
    splitter.moveSplitter(round(splitter.width() * 0.05), 1)  # the notes panel dragged to take almost all
    share = splitter.sizes()[1] / sum(splitter.sizes())
    assert window.state.panel_fraction == pytest.approx(0.5) and share == pytest.approx(0.5, abs=0.01)


def test_the_clicker_steps_the_talk_from_the_presenter_view(qtbot, scenario):
    from viewer.ui.main_window import MainWindow
    from viewer.ui.presenter import Presenter

    window = MainWindow(scenario, None, mode="present")
    qtbot.addWidget(window)
    p = Presenter(window, QtWidgets.QApplication.primaryScreen())  # the view on a (here the same) screen
    qtbot.addWidget(p.view)
    window.resize(1200, 800)
    window.show()
    p.start()
    show_active(qtbot, p.view)
    QtTest.QTest.keyClick(p.view, Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.state.step == 1, timeout=3000)
    assert p.view.current.text().startswith("Now: ")
    window.close()


def test_in_presenter_mode_the_wheel_zooms_and_the_pen_can_be_put_down(presenter, qtbot):
    window, p = presenter
    centre = QtCore.QPointF(p.pen.width() / 2, p.pen.height() / 2)

    def wheel() -> tuple[float, float]:
        wheel_up(p.pen, QtCore.QPointF(centre))  # over the pen overlay, which covers the whole map
        return window.map.shown_camera().size

    first, second = wheel(), wheel()
    assert second[0] < first[0] and second[1] < first[1]
    QtTest.QTest.keyClick(window, Key.Key_P)  # pen off: drags reach the map
    assert p.pen.testAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    QtTest.QTest.keyClick(window, Key.Key_P)
    assert not p.pen.testAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
