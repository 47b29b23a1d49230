"""Presenter mode with clicker keys, and exports: PNG, SVG, PDF handout, MP4 and GIF, cancel."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime

import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtTest

from viewer.ui import export as ex
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


def test_png_and_svg_exports(scenario, tmp_path, qtbot):
    png, svg = tmp_path / "big.png", tmp_path / "frame.svg"
    ex.export_png(scenario, datetime(1939, 8, 26, 12), (3840, 2160), png)
    image = QtGui.QImage(str(png))
    assert (image.width(), image.height()) == (3840, 2160)
    ex.export_svg(scenario, datetime(1939, 8, 26, 12), (1600, 900), svg)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and 'width="1600' in text.replace("px", "")
    assert not list(tmp_path.glob(".*part*"))


@pytest.mark.parametrize("paper,size_pt", [("A4", (595, 842)), ("Letter", (612, 792))])
def test_handout_pdf_opens_with_a_page_per_chapter(scenario, tmp_path, qtbot, paper, size_pt):
    pdf = tmp_path / f"handout-{paper}.pdf"
    pages = ex.export_handout(scenario, pdf, paper)
    assert pages == len(scenario.chapters)
    data = pdf.read_bytes()
    assert (
        data.startswith(b"%PDF")
        and data.count(b"/Type /Page\n") + data.count(b"/Type /Page\r") + data.count(b"/Type /Page ") >= pages
    )
    if shutil.which("pdftoppm") and shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(rf"Pages:\s+{pages}\n", info)
        w, h = size_pt
        assert re.search(rf"Page size:\s+{w}(\.\d+)? x {h}(\.\d+)? pts", info), info
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "page")], check=True)
        assert list(tmp_path.glob("page*.png"))


def test_mp4_video_has_the_frames_size_and_duration_asked_for(scenario, tmp_path, qtbot):
    import imageio_ffmpeg

    out = tmp_path / "offensive.mp4"
    n = ex.export_video(scenario, datetime(1939, 8, 20), datetime(1939, 8, 31), 30, (1280, 720), out, seconds=2)
    assert n == 60
    frames, secs = imageio_ffmpeg.count_frames_and_secs(str(out))
    assert frames == 60 and secs == pytest.approx(2.0, abs=0.05)
    reader = imageio_ffmpeg.read_frames(str(out))
    meta = next(reader)
    reader.close()
    assert tuple(meta["size"]) == (1280, 720) and "h264" in meta["codec"]


def test_gif_export(scenario, tmp_path, qtbot):
    out = tmp_path / "clip.gif"
    ex.export_video(scenario, datetime(1939, 7, 2), datetime(1939, 7, 5), 5, (1024, 640), out, seconds=1)
    assert out.read_bytes()[:6] in (b"GIF89a", b"GIF87a")


def test_cancelled_export_leaves_nothing(scenario, tmp_path, qtbot):
    out = tmp_path / "cancelled.mp4"
    with pytest.raises(ex.Cancelled):
        ex.export_video(
            scenario, datetime(1939, 8, 20), datetime(1939, 8, 31), 30, (1280, 720), out, progress=lambda f: f < 0.3, seconds=2
        )
    pdf = tmp_path / "cancelled.pdf"
    with pytest.raises(ex.Cancelled):
        ex.export_handout(scenario, pdf, "A4", progress=lambda f: f < 0.5)
    assert list(tmp_path.iterdir()) == []


def test_export_from_the_app_menu_with_progress_and_cancel(qtbot, scenario, tmp_path):
    from viewer.ui.app import build_window

    w = build_window(scenario, datetime(1939, 8, 20))
    qtbot.addWidget(w)
    w.show()
    pdf = tmp_path / "menu.pdf"
    assert w.export("pdf", pdf) and pdf.read_bytes().startswith(b"%PDF")
    QtCore.QTimer.singleShot(300, lambda: w.export_dialog.cancel())
    out = tmp_path / "menu.mp4"
    assert not w.export("mp4", out)
    assert not out.exists() and not list(tmp_path.glob(".*part*"))
    assert "cancelled" in w.statusBar().currentMessage()
    w.close()


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
