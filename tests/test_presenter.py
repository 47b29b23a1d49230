"""Presenter mode as a lecturer uses it (issue 15): start at a date or where the last talk stopped, go to a step
by number, Escape that asks first, black and white screens, the pen over the whole map at any size, the caption
clear of the event's units (pixel test), the talk's list, the chapter's timeline and the presenter view."""

from __future__ import annotations

import sys
from datetime import datetime

import numpy as np
import pytest
from image_approval import render_widget, to_array
from pyqtgraph.Qt import QtCore, QtTest, QtWidgets

from viewer.core.talk import Talk, load_talk
from viewer.ui import app as app_module
from viewer.ui.app import build_presenter, presenter_screens
from viewer.ui.settings import Settings

Key = QtCore.Qt.Key


def show_active(qtbot, window) -> None:
    """Shown and the active window, as a talk is: shortcuts go to the active window."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window, timeout=3000)


@pytest.fixture
def talk(qtbot, scenario, app_home):
    """A presenter window at 1280×720 on the default talk, open at its first step, with its own settings."""
    settings = Settings()
    window, p = build_presenter(scenario, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    show_active(qtbot, window)
    p.start()
    yield window, p
    window.close()


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.clock.moving and window.state.instant == window.state.current_event.at, timeout=3000)


def type_keys(window, *keys) -> None:
    for k in keys:
        QtTest.QTest.keyClick(window, k)


def test_a_number_and_enter_go_to_that_step(talk, qtbot):
    window, p = talk
    type_keys(window, Key.Key_1, Key.Key_2)
    assert p.digits == "12" and "12" in p.notice.text() and p.notice.isVisible()
    type_keys(window, Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.step == 11, timeout=3000)
    settle(qtbot, window)
    assert window.state.current_event is window.state.story.steps[11] and p.digits == ""
    type_keys(window, Key.Key_9, Key.Key_9, Key.Key_Enter)  # no such step: says so, stays
    assert window.state.step == 11 and "no step 99" in p.notice.text()
    type_keys(window, Key.Key_3, Key.Key_Escape)  # Escape drops a half-typed number and does not ask to leave
    assert p.digits == "" and not p.leaving_asked and window.isVisible()
    type_keys(window, Key.Key_Enter)
    assert window.state.step == 11
    QtTest.QTest.keyClick(window, Key.Key_4, QtCore.Qt.KeyboardModifier.KeypadModifier)  # the number pad types too
    QtTest.QTest.keyClick(window, Key.Key_Enter, QtCore.Qt.KeyboardModifier.KeypadModifier)
    qtbot.waitUntil(lambda: window.state.step == 3, timeout=3000)


def test_escape_asks_before_the_talk_ends(talk, qtbot):
    window, p = talk
    type_keys(window, Key.Key_Escape)
    assert window.isVisible() and p.leaving_asked and "Escape again" in p.notice.text()
    type_keys(window, Key.Key_PageDown)  # the lecturer carried on: the question is withdrawn
    assert not p.leaving_asked and not p.notice.isVisible()
    type_keys(window, Key.Key_Escape)
    assert window.isVisible()
    with qtbot.waitSignal(p.sigLeave, timeout=1000):
        type_keys(window, Key.Key_Escape)
    assert not window.isVisible()


def test_black_and_white_screens(talk, qtbot):
    window, p = talk

    def shade() -> str | None:
        if not p.cover.isVisible():
            return None
        colour = window.grab().toImage().pixelColor(window.width() // 2, window.height() // 2)
        return colour.name()

    type_keys(window, Key.Key_W)
    assert shade() == "#ffffff"
    type_keys(window, Key.Key_B)
    assert shade() == "#000000"
    type_keys(window, Key.Key_B)
    assert shade() is None
    type_keys(window, Key.Key_W, Key.Key_PageDown)  # a step brings the map back
    assert shade() is None


def test_the_caption_can_be_hidden_with_a_key(talk, qtbot):
    window, p = talk
    assert p.caption.isVisible()
    type_keys(window, Key.Key_H)
    assert not p.caption.isVisible()
    type_keys(window, Key.Key_PageDown)
    assert not p.caption.isVisible()  # stays hidden through the talk
    type_keys(window, Key.Key_H)
    assert p.caption.isVisible() and window.state.current_event.title["en"] in p.caption.text()
    assert p.caption.heading.font().pixelSize() > p.caption.body.font().pixelSize()  # heading larger than the body


def test_the_legend_on_the_map_can_be_hidden_with_a_key(talk, qtbot):
    """A lecturer shows the whole map: L folds the on-map legend away (and back), and the map is drawn without it."""
    window, _ = talk
    furniture = window.map.layer("furniture")
    qtbot.waitUntil(lambda: furniture.where("legend") is not None, timeout=3000)
    with_legend = window.map.graphics.grab().toImage()
    type_keys(window, Key.Key_L)
    assert "legend" not in window.state.layers
    qtbot.waitUntil(lambda: furniture.where("legend") is None, timeout=3000)  # laid out at the next paint
    assert window.map.graphics.grab().toImage() != with_legend
    type_keys(window, Key.Key_L)
    qtbot.waitUntil(lambda: furniture.where("legend") is not None, timeout=3000)


@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_pen_strokes_land_anywhere_on_the_map(qtbot, scenario, app_home, size):
    window, p = build_presenter(scenario)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.map.width() > size[0] * 0.9, timeout=5000)
    p.start()
    pen, map_view = p.pen, window.map
    assert pen.geometry() == map_view.rect()
    w, h = map_view.width(), map_view.height()
    spots = [(20, 20), (w - 20, 20), (20, h - 20), (w - 20, h - 20), (w // 2, h // 2)]
    for x, y in spots:
        qtbot.mousePress(pen, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(x, y))
        qtbot.mouseMove(pen, QtCore.QPoint(x + (-15 if x > w // 2 else 15), y))
        qtbot.mouseRelease(pen, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(x + (-15 if x > w // 2 else 15), y))
    assert len(pen.strokes) == len(spots)
    pixels = to_array(render_widget(map_view))
    for (x, y), stroke in zip(spots, pen.strokes, strict=True):
        drawn = pen.to_px(stroke.points[0])
        assert abs(drawn.x() - x) <= 1 and abs(drawn.y() - y) <= 1  # the line is where the pen went down
        b, g, r, _a = pixels[y, x + (-5 if x > w // 2 else 5)]
        assert r > 180 and g < 90 and b < 90, (x, y, (r, g, b))  # and the pen's red is painted there
    window.close()


def test_pen_colours_eraser_undo_and_a_kept_drawing(talk, qtbot):
    window, p = talk
    pen = p.pen

    def stroke(x: int, y: int) -> None:
        qtbot.mousePress(pen, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(x, y))
        qtbot.mouseMove(pen, QtCore.QPoint(x + 60, y + 10))
        qtbot.mouseRelease(pen, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(x + 60, y + 10))

    stroke(300, 100)
    type_keys(window, Key.Key_K)
    stroke(300, 200)
    assert [s.colour for s in pen.strokes] == ["#E4002B", "#1F4E8C"]
    type_keys(window, Key.Key_E)  # eraser: a drag over the first line wipes it alone
    qtbot.mousePress(pen, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(330, 90))
    qtbot.mouseMove(pen, QtCore.QPoint(330, 110))
    qtbot.mouseRelease(pen, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(330, 110))
    assert [s.colour for s in pen.strokes] == ["#1F4E8C"]
    type_keys(window, Key.Key_U)  # undo the wipe
    assert len(pen.strokes) == 2
    type_keys(window, Key.Key_U)  # undo the blue line
    assert [s.colour for s in pen.strokes] == ["#E4002B"]
    type_keys(window, Key.Key_E)
    type_keys(window, QtCore.Qt.Key.Key_P)  # pen off: nothing is drawn, the map pans
    assert pen.testAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    type_keys(window, QtCore.Qt.Key.Key_P)
    QtTest.QTest.keyClick(window, Key.Key_P, QtCore.Qt.KeyboardModifier.ShiftModifier)  # keep the drawing
    type_keys(window, Key.Key_PageDown)
    qtbot.waitUntil(lambda: window.state.step == 1, timeout=3000)
    assert len(pen.strokes) == 1
    QtTest.QTest.keyClick(window, Key.Key_P, QtCore.Qt.KeyboardModifier.ShiftModifier)
    type_keys(window, Key.Key_PageDown)
    assert not pen.strokes  # wiped at the next step, as by default


def test_the_timeline_shows_the_current_chapters_span(talk, qtbot, scenario):
    window, _p = talk
    bar = window.timeline_bar
    assert bar.timeline.start == scenario.chapter("may-june").start
    window.clock.go_to_step(window.state.story.index_of("crossing"))
    chapter = scenario.chapter("bain-tsagan")
    assert (bar.timeline.start, bar.timeline.end.date()) == (chapter.start, chapter.end.date())


def test_the_remembered_step_opens_the_next_talk(qtbot, scenario, app_home):
    settings = Settings()
    window, p = build_presenter(scenario, settings=settings)
    qtbot.addWidget(window)
    window.show()
    p.start()
    window.clock.go_to_step(window.state.story.index_of("pincers-meet"))
    window.close()
    window2, p2 = build_presenter(scenario, settings=Settings())
    qtbot.addWidget(window2)
    p2.start()
    assert window2.state.current_event.id == "pincers-meet" and window2.state.instant == scenario.event("pincers-meet").at
    p2.start(datetime(1939, 7, 3))  # --at wins over the remembered step
    assert window2.state.current_event.id == "crossing"
    window2.close()


def test_present_at_on_the_command_line_starts_there(qtbot, scenario, app_home, monkeypatch):
    from viewer import cli, logs

    built = {}
    real = app_module.build_presenter

    def spy(*args, **kwargs):
        window, p = real(*args, **kwargs)
        qtbot.addWidget(window)
        built["window"] = window
        return window, p

    monkeypatch.setattr(app_module, "build_presenter", spy)
    monkeypatch.setattr(QtWidgets.QApplication, "exec", lambda *_args: 0)
    monkeypatch.setattr(logs, "route_qt_messages", lambda: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_presenter installs one; put it back after
    assert cli.main(["--present", "--at", "1939-08-20"]) == 0
    window = built["window"]
    assert window.state.current_event.id == "offensive-opens" and window.state.instant == datetime(1939, 8, 20, 5, 45)
    window.close()


def test_a_bad_talk_file_on_the_command_line_is_reported(scenario, app_home, tmp_path, capsys):
    from viewer import cli

    bad = tmp_path / "talk.txt"
    bad.write_text("first-clash\nfirts-clash\n")
    assert cli.main(["--present", "--talk", str(bad)]) == cli.EXIT_INVALID
    assert f"{bad}:2: no event has the id 'firts-clash'; " in capsys.readouterr().err


def test_the_talk_can_be_picked_reordered_skipped_and_saved(talk, qtbot, scenario):
    from viewer.ui.presenter import talk_file

    window, p = talk
    type_keys(window, Key.Key_T)
    editor = p.editor
    qtbot.waitUntil(editor.isVisible, timeout=3000)
    show_active(qtbot, editor)
    type_keys(editor, Key.Key_Escape)  # the list's own keys: Escape closes it and does not end the talk
    assert QtWidgets.QApplication.activeModalWidget() is None and not p.leaving_asked and window.isVisible()
    show_active(qtbot, window)
    type_keys(window, Key.Key_T)
    editor = p.editor
    qtbot.waitUntil(editor.isVisible, timeout=3000)
    items = {editor.list.item(i).data(QtCore.Qt.ItemDataRole.UserRole): editor.list.item(i) for i in range(editor.list.count())}
    assert len(items) == len(scenario.events)  # every event can be picked
    items["komatsubara-decides"].setCheckState(QtCore.Qt.CheckState.Unchecked)  # skipped
    editor.list.setCurrentRow(editor.list.row(items["pincers-meet"]))
    for _ in range(editor.list.row(items["pincers-meet"])):
        editor.move(-1)  # to the front
    editor.background.setChecked(True)  # the background chapter, optional
    editor.save()
    saved = load_talk(talk_file(), scenario)
    assert saved.event_ids[0] == "pincers-meet" and "komatsubara-decides" not in saved.event_ids
    assert "mukden-1931" in saved.event_ids and "surrender" not in saved.event_ids
    assert window.state.story.steps[0].id == "pincers-meet" and window.state.story == saved.story(scenario)
    type_keys(window, Key.Key_1, Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.current_event.id == "pincers-meet", timeout=3000)
    type_keys(window, Key.Key_PageDown)  # the talk's own order, not time order
    qtbot.waitUntil(lambda: window.state.current_event.id == saved.event_ids[1], timeout=3000)
    assert Talk.default(scenario) != saved


def test_the_audience_window_goes_on_the_projector_and_the_presenter_view_on_the_laptop():
    laptop, projector = "laptop", "projector"
    assert presenter_screens([laptop, projector], laptop, None) == (projector, laptop)
    assert presenter_screens([projector, laptop], laptop, None) == (projector, laptop)
    assert presenter_screens([laptop], laptop, None) == (laptop, None)
    assert presenter_screens([laptop, projector], laptop, 0) == (laptop, projector)  # --screen 0: the lecturer's choice


def test_the_presenter_view_shows_step_notes_sources_and_a_timer(qtbot, scenario, app_home):
    from viewer.assets import content_dir
    from viewer.core.speaker_notes import load_speaker_notes

    notes = load_speaker_notes(content_dir(), scenario)
    window, p = build_presenter(scenario, speaker_notes=notes)
    qtbot.addWidget(window)
    from viewer.ui.presenter_view import PresenterView

    view = PresenterView(window.state, window.motion, notes, window.commands.actions, p.timer)
    qtbot.addWidget(view)
    p.start(datetime(1939, 8, 24, 18))
    total = len(window.state.story)
    assert view.step_label.text() == f"Step {window.state.step + 1} of {total}"
    assert view.note.text() == notes["pincers-meet"].text["en"]  # the speaker's note, not the audience's
    assert view.note.text() not in p.caption.text()
    assert "Zhukov" in view.sources.text() and view.current.text().startswith("Now: 24 August 1939")
    assert not view.now_picture.pixmap().isNull() and not view.next_picture.pixmap().isNull()
    window.state.language = "ru"
    assert view.note.text() == notes["pincers-meet"].text["en"]  # no Russian note: the English one, not nothing
    window.state.instant = window.state.show_step(0)
    assert view.note.text() == notes["first-clash"].text["ru"]
    window.state.language = "en"  # the interface language is process-wide: back to the other tests' English
    window.commands.trigger("timer.pause")
    qtbot.waitUntil(lambda: "(paused)" in view.clock.text(), timeout=3000)
    window.commands.trigger("timer.pause")
    qtbot.waitUntil(lambda: "(paused)" not in view.clock.text(), timeout=3000)
    window.close()


def test_the_talks_timer_pauses_and_resets():
    from viewer.ui.presenter_view import TalkTimer

    now = [100.0]
    timer = TalkTimer(clock=lambda: now[0])
    now[0] += 65
    assert timer.seconds() == 65
    timer.set_paused(True)
    now[0] += 600  # a question from the audience
    assert timer.seconds() == 65 and timer.paused
    timer.set_paused(False)
    now[0] += 5
    assert timer.seconds() == 70
    timer.reset()
    now[0] += 3
    assert timer.seconds() == 3


def _unit_boxes(window, caption) -> list[tuple[int, int, int, int]]:
    boxes = []
    for x, y, w, h in caption.event_rects():
        x0, y0 = max(0, int(x)), max(0, int(y))
        x1, y1 = min(window.map.width(), int(x + w)), min(window.map.height(), int(y + h))
        if x1 > x0 and y1 > y0:
            boxes.append((x0, y0, x1, y1))
    return boxes


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_caption_never_covers_the_events_units(qtbot, scenario, app_home, size):
    """For every step whose event has units: the map's pixels where those units are drawn are the same with the
    caption shown as without it (the caption is on the map, and elsewhere it does change pixels)."""
    window, p = build_presenter(scenario)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.map.width() > size[0] * 0.9, timeout=5000)
    checked = 0
    for index, event in enumerate(window.state.story.steps):
        if not event.units:
            continue
        window.state.camera = window.state.bounds.home
        window.state.instant = window.state.show_step(index)
        QtWidgets.QApplication.processEvents()
        caption = p.caption
        assert caption.isVisible()
        boxes = _unit_boxes(window, caption)
        if not boxes:
            continue  # the event's units are off the map at this instant
        caption.hide()
        without = to_array(render_widget(window.map))
        caption.show()
        with_caption = to_array(render_widget(window.map))
        for x0, y0, x1, y1 in boxes:
            assert np.array_equal(with_caption[y0:y1, x0:x1], without[y0:y1, x0:x1]), (event.id, (x0, y0, x1, y1))
        assert (with_caption != without).any(), event.id  # the caption really is drawn on the map
        checked += 1
    assert checked >= 30
    window.close()


def test_with_two_screens_the_talk_opens_on_the_projector_and_the_notes_on_the_laptop(tmp_path):
    """Qt's offscreen platform fakes two screens; the first listed (the laptop's own) is the primary."""
    import json
    import os
    import subprocess

    config = tmp_path / "screens.json"
    screen = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    laptop = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, **screen}
    projector = {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, **screen}
    config.write_text(json.dumps({"screens": [laptop, projector]}))
    code = (
        "from viewer.cli import _load_or_report\nfrom viewer.ui.app import _application, build_presenter\n"
        "app = _application()\nw, p = build_presenter(_load_or_report())\nw.show()\np.start()\napp.processEvents()\n"
        "print(app.primaryScreen().name(), w.screen().name(), w.width(), p.view.screen().name())\n"
        f"w.grab().save({str(tmp_path / 'audience.png')!r}); p.view.grab().save({str(tmp_path / 'lecturer.png')!r})\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "KHALKHIN_GOL_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    primary, audience, width, lecturer = result.stdout.split()
    assert (primary, audience, width, lecturer) == ("laptop", "projector", "1920", "laptop")


def test_a_broken_saved_talk_falls_back_to_the_default_and_says_why(scenario, app_home, caplog):
    from viewer.ui.app import load_talk_or_default
    from viewer.ui.presenter import talk_file

    talk_file().parent.mkdir(parents=True, exist_ok=True)
    talk_file().write_text("first-clash\nno-such-event\n")
    with caplog.at_level("WARNING"):
        assert load_talk_or_default(scenario, None) == Talk.default(scenario)
    assert "talk.txt:2: no event has the id 'no-such-event'" in caplog.text
    talk_file().write_text("pincers-meet\nfirst-clash\n")
    assert load_talk_or_default(scenario, None) == Talk(("pincers-meet", "first-clash"))


def test_the_shortcut_sheet_lists_the_lecturers_keys_once(talk):
    window, _p = talk
    rows = dict((text, keys) for keys, text in window.commands.sheet())
    assert rows["white screen on / off"] == "W" and rows["caption on the map shown / hidden"] == "H"
    assert "Return" in rows["after a step number (0–9): go to that step"]
    assert "type a step number" not in rows  # the ten digits share the Enter line
    assert rows["fit the battlefield"] == "F"  # 0 types a step number in a talk
