"""Exports of the map alone: PNG (320x180 to 7680x4320), SVG, the handout PDF, slides (PPTX and PDF), MP4 and
GIF; off-screen, without interface widgets, with a caption band; cancel and the app's export job."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from pyqtgraph.Qt import QtCore, QtGui
from video_probe import count_played, frames_played, stream

from viewer.ui import export as ex
from viewer.ui.map_frame import MapFrame, caption_height, widgets_shown


def pixels(image: QtGui.QImage) -> np.ndarray:
    """(h, w) array of 0xRRGGBB values."""
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    a = np.frombuffer(bytes(image.constBits()), dtype=np.uint32).reshape(image.height(), image.bytesPerLine() // 4)
    return a[:, : image.width()] & 0xFFFFFF


@pytest.fixture(scope="module")
def chrome_colours(scenario, qapp):
    """Colours of the interface (panels, buttons, timeline) that the map itself never paints: those covering at
    least 1 % of a real window outside its map (flat areas, not text), absent from the map, other than pure black
    and white (ink and paper anywhere). Measured: the window's background F7F3E6 (35 % of the chrome), the
    timeline's chapter bands D0AE43 and 9E8097, the buttons' DBDBDB."""
    from viewer.ui.app import build_window

    w = build_window(scenario, datetime(1939, 8, 26, 12))
    w.resize(1600, 900)
    w.show()
    QtCore.QCoreApplication.processEvents()
    window = pixels(w.grab().toImage())
    origin = w.map.mapTo(w, QtCore.QPoint(0, 0))
    inside = np.zeros(window.shape, bool)
    inside[origin.y() : origin.y() + w.map.height(), origin.x() : origin.x() + w.map.width()] = True
    outside_colours, counts = np.unique(window[~inside], return_counts=True)
    map_colours = set(np.unique(window[inside]).tolist())
    chrome = {int(c) for c, n in zip(outside_colours, counts, strict=True) if n > 0.01 * (~inside).sum()}
    chrome -= map_colours | {0x000000, 0xFFFFFF}
    w.close()
    w.deleteLater()
    QtCore.QCoreApplication.processEvents()
    assert chrome, "the window has interface colours of its own"
    return chrome


def interface_share(image: QtGui.QImage, chrome: set[int]) -> float:
    p = pixels(image)
    return float(np.isin(p, list(chrome)).sum()) / p.size


@pytest.mark.parametrize("size", [(320, 180), (7680, 4320)])
def test_png_is_the_map_alone_at_any_size(scenario, tmp_path, qtbot, chrome_colours, size):
    out = tmp_path / "map.png"
    ex.export_png(scenario, datetime(1939, 8, 26, 12), size, out)
    image = QtGui.QImage(str(out))
    assert (image.width(), image.height()) == size
    assert interface_share(image, chrome_colours) < 0.001  # a screenshot of the window has ~30 % of these
    band = pixels(image)[-caption_height(size) + 2 :, :]
    assert np.mean(band == 0x2B2B2B) > 0.6  # the caption band under the map
    assert not list(tmp_path.glob(".*"))


def test_the_old_screenshot_would_fail_the_interface_check(scenario, qtbot, chrome_colours):
    """The check above can see a window: a grab of the whole interface is full of its colours."""
    from viewer.ui.app import build_window

    w = build_window(scenario, datetime(1939, 8, 26, 12))
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    assert interface_share(w.grab().toImage(), chrome_colours) > 0.05


def test_a_frame_is_drawn_off_screen_and_its_text_scales(scenario, qtbot):
    at = scenario.event("pincers-meet").at
    with MapFrame(scenario, (1280, 720), at) as small, MapFrame(scenario, (3840, 2160), at) as big:
        assert widgets_shown() == []  # nothing on a screen, though the map widgets are laid out
        small.show(at, "time")
        assert small.caption() == ("24 August 1939", "The northern and southern pincers link by fire")  # no 18:00
        assert big.scale == pytest.approx(3 * small.scale)
        small.show(datetime(1939, 8, 25, 9, 30), "time")
        assert small.caption()[0] == "25 August 1939, 09:30"


def near(image: np.ndarray, rgb: int, tolerance: int = 40) -> np.ndarray:
    """Where `image` (from `pixels`) is within `tolerance` of colour `rgb` in every channel."""
    channels = [(image >> shift & 0xFF).astype(int) - (rgb >> shift & 0xFF) for shift in (16, 8, 0)]
    return np.all(np.abs(np.stack(channels)) <= tolerance, axis=0)


def test_a_frame_names_and_explains_the_base_map_it_copies(scenario, qtbot):
    """A frame copies the base map from a cached background and draws only what moves; the base map's names
    (the claims, the disputed ground) and its legend rows must still be there (found by a fresh reader of the
    rendered frames: the river, claims and disputed ground were missing from the legend)."""
    with MapFrame(scenario, (1600, 900), datetime(1939, 8, 31, 12)) as frame:
        frame.image()
        named = {key for key, _rect, _req in frame.map.layer("labels").placed}
        assert ("disputed", "") in named and ("claim", "mongolia") in named
        rows = {key for key, _text, _look in frame.map.layer("furniture")._cache[0][5]}  # the rows the frame drew
        assert {"base:disputed", "base:river", "base:river:approximate", "base:claim:mongolia"} <= rows


def test_lines_and_the_inset_scale_with_the_output_size(scenario, qtbot):
    """A 4K frame is the 720p one scaled up: its river (a line) covers 9 times the pixels, not 3 times, and its
    inset, shrunk back, looks like the small one (country names whole, lines as heavy)."""
    from viewer.ui.style import RIVER

    at = scenario.event("pincers-meet").at
    with MapFrame(scenario, (1280, 720), at) as small, MapFrame(scenario, (3840, 2160), at) as big:
        small_size = small.map.layer("furniture").where("inset").toRect().size()
        shots = []
        for frame in (small, big):
            frame.show(at)
            image = frame.image()
            inset = image.copy(frame.map.layer("furniture").where("inset").toRect())
            smooth = QtCore.Qt.TransformationMode.SmoothTransformation
            shots.append((pixels(image), pixels(inset.scaled(small_size, QtCore.Qt.AspectRatioMode.IgnoreAspectRatio, smooth))))
    (small_px, small_inset), (big_px, big_inset) = shots
    river = int(RIVER[1:], 16)
    ratio = near(big_px, river).sum() / near(small_px, river).sum()
    assert 7 < ratio < 12, ratio  # 10.1; 2.6 when the base map's pens ignored the scale
    diff = np.abs(small_inset.view(np.uint8).astype(int) - big_inset.view(np.uint8).astype(int))
    assert diff.mean() < 7, diff.mean()  # 4.1; 11.7 with the inset's lines unscaled and its country names clipped


def test_svg_is_the_map_as_vectors_without_embedded_bitmaps(scenario, tmp_path, qtbot):
    out = tmp_path / "frame.svg"
    ex.export_svg(scenario, datetime(1939, 8, 26, 12), (1600, 900), out)
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and 'width="1600' in text.replace("px", "")
    assert "<image" not in text  # labels, symbols, discs, legend and inset drawn from their recorded pictures
    assert text.count("<path") >= 100
    assert "<text" not in text  # text as outlines: set in our fonts in every program (other SVG readers lack them)
    assert "The southern pocket is squeezed" in text  # the caption, searchable in the SVG's title
    from PySide6.QtSvg import QSvgRenderer

    from viewer.ui.map import pixmaps

    assert pixmaps.RECORDED is None  # the app's own pixmaps are plain again
    svg = QtGui.QImage(1600, 900, QtGui.QImage.Format.Format_RGB32)
    painter = QtGui.QPainter(svg)
    QSvgRenderer(str(out)).render(painter)
    painter.end()
    with MapFrame(scenario, (1600, 900), datetime(1939, 8, 26, 12)) as frame:
        frame.show(datetime(1939, 8, 26, 12))
        png = pixels(frame.image())
    assert np.mean(png == pixels(svg)) > 0.5  # the same picture (antialiasing differs), not a shrunken one


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_handout_is_real_text_at_9_to_11_pt_without_ligatures(scenario, tmp_path, qtbot):
    pdf = tmp_path / "handout.pdf"
    assert ex.export_handout(scenario, pdf, "A4") == len(scenario.chapters)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for word in ("officers", "ceasefire", "Sources"):
        assert word in text
    assert "\ufb01" not in text and "\ufb03" not in text  # no fi/ffi ligature glyphs
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    heights = [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', bbox)]
    body_pt = np.median(heights) / 1.362  # Noto Sans: a word's box is (ascent + descent) = 1.362 em high
    assert 9 <= body_pt <= 11, body_pt
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 842(\.\d+)? pts", info)


def test_handout_map_is_the_chapters_decisive_moment(scenario):
    from dataclasses import replace

    moments = {c.id: ex.decisive_event(scenario, c) for c in scenario.chapters}
    assert moments["background"] is None and moments["aftermath"] is None  # no map before or after the campaign
    assert moments["bain-tsagan"].at > scenario.event("crossing").at  # the fight on Bain-Tsagan, not the crossing
    assert moments["august"].id == "pincers-meet"  # the ring closing, not 05:45 on the first day
    unnamed = replace(scenario.chapter("august"), decisive_event=None)
    assert ex.decisive_event(scenario, unnamed).id == "offensive-opens"  # content that names none: the key event


@pytest.mark.parametrize("suffix", [".pptx", ".pdf"])
def test_slides_have_a_slide_per_step_with_speaker_notes(scenario, tmp_path, qtbot, suffix):
    from viewer.ui.export_slides import export_slides

    out = tmp_path / f"deck{suffix}"
    n = export_slides(scenario, out, (640, 360))
    steps = sorted(scenario.events, key=lambda e: e.at)
    assert n == len(steps)
    if suffix == ".pptx":
        from pptx import Presentation

        deck = Presentation(str(out))
        assert len(deck.slides) == n
        slide = deck.slides[[e.id for e in steps].index("pincers-meet")]
        assert slide.shapes.title.text == "The northern and southern pincers link by fire"
        assert any(shape.shape_type == 13 for shape in slide.shapes)  # a picture
        notes = slide.notes_slide.notes_text_frame.text
        assert scenario.event("pincers-meet").note["en"][:40] in notes and "Sources:" in notes
    elif shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert re.search(rf"Pages:\s+{n}\n", info)


def test_mp4_has_the_frames_size_and_duration_asked_for_and_holds_at_events(scenario, tmp_path, qtbot):
    import imageio_ffmpeg

    out = tmp_path / "offensive.mp4"
    n = ex.export_video(scenario, datetime(1939, 8, 20), datetime(1939, 8, 31), 30, (1280, 720), out, seconds=4)
    assert n == 120
    info = stream(out)
    assert info["rate"] == 30 and info["secs"] == pytest.approx(4.0, abs=0.05)
    assert count_played(out) == 120
    instants = ex.video_instants(scenario, datetime(1939, 8, 20), datetime(1939, 8, 31), 30, 4)
    # each picture is stored once, however long it holds (the last twice, as a final hold ends on a frame of it)
    assert info["samples"] == len(set(instants)) + (instants[-1] == instants[-2])
    reader = imageio_ffmpeg.read_frames(str(out))
    meta = next(reader)
    reader.close()
    assert tuple(meta["size"]) == (1280, 720) and "h264" in meta["codec"]
    held = scenario.event("pincers-meet").at
    assert instants.count(held) >= 5  # the frame stays on the event long enough to read its caption


def test_mp4_frames_show_their_instants_through_a_hold(scenario, tmp_path, qtbot):
    """Each instant is sent to ffmpeg and stored once, lasting as long as it holds: the video a player shows at 30
    fps must still show, frame by frame, the instant the pacing asks for — the whole hold at an event, and the
    frames after it."""
    start, end, size = datetime(1939, 8, 20), datetime(1939, 8, 31), (640, 360)
    out = tmp_path / "paced.mp4"
    ex.export_video(scenario, start, end, 30, size, out, seconds=4)
    decoded = frames_played(out, size)
    instants = ex.video_instants(scenario, start, end, 30, 4)
    assert len(decoded) == len(instants)
    held = scenario.event("pincers-meet").at  # held for several frames, mid-clip
    first, n = instants.index(held), instants.count(held)
    assert n >= 5 and instants[first + n - 1] == held  # one run
    with MapFrame(scenario, size, start) as frame:
        frame.show(held, "day")
        image = frame.image().convertToFormat(QtGui.QImage.Format.Format_RGB888)
    want = np.frombuffer(bytes(image.constBits()), np.uint8).reshape(size[1], image.bytesPerLine())[:, : size[0] * 3]
    want = want.reshape(size[1], size[0], 3).astype(int)
    # The held frames are one picture repeated, nearer the instant drawn afresh than the frames either side are.
    # (Not equal to it: in a video the names keep the spots they had in the frames before; a still lays them out anew.)
    diff = {i: np.abs(decoded[i] - want).mean() for i in range(first - 2, first + n + 2)}
    hold, around = range(first, first + n), (first - 2, first - 1, first + n, first + n + 1)
    assert max(diff[i] for i in hold) < min(diff[i] for i in around), diff
    assert all(np.abs(decoded[i] - decoded[first]).mean() < 1.0 for i in hold)  # measured: 0.0-0.32 (encoder noise); 4.0 vs 5.6+


def test_gif_export(scenario, tmp_path, qtbot):
    out = tmp_path / "clip.gif"
    ex.export_video(scenario, datetime(1939, 7, 2), datetime(1939, 7, 5), 5, (320, 180), out, seconds=1)
    assert out.read_bytes()[:6] in (b"GIF89a", b"GIF87a")


def test_cancelled_export_leaves_nothing(scenario, tmp_path, qtbot):
    out = tmp_path / "cancelled.mp4"
    with pytest.raises(ex.Cancelled):
        ex.export_video(
            scenario, datetime(1939, 8, 20), datetime(1939, 8, 31), 30, (640, 360), out, progress=lambda f: f < 0.3, seconds=2
        )
    with pytest.raises(ex.Cancelled):
        ex.export_handout(scenario, tmp_path / "cancelled.pdf", "A4", progress=lambda f: f < 0.5)
    assert list(tmp_path.iterdir()) == []


def test_export_from_the_app_runs_in_its_own_process_with_progress_and_cancel(qtbot, scenario, tmp_path):
    from viewer.ui.app import build_window

    w = build_window(scenario, datetime(1939, 8, 20))
    qtbot.addWidget(w)
    w.show()
    png = tmp_path / "menu.png"
    job = w.export("png", png)
    with qtbot.waitSignal(job.done, timeout=120_000) as done:
        assert w.isVisible()  # the window is not blocked meanwhile
    assert done.args == [True, ""] and QtGui.QImage(str(png)).width() == 3840
    assert "Exported" in w.statusBar().currentMessage()
    out = tmp_path / "menu.mp4"
    job = w.export("mp4", out)
    seen: list[float] = []
    job.progress.connect(seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=120_000)
    with qtbot.waitSignal(job.done, timeout=30_000) as done:
        job.cancel()
    assert done.args == [False, "cancelled"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["menu.png"]
    assert "cancelled" in w.statusBar().currentMessage()
    job = w.export("mp4", out)  # an export that crashes (killed outright) leaves nothing either
    started: list[float] = []
    job.progress.connect(started.append)
    qtbot.waitUntil(lambda: bool(started), timeout=120_000)
    assert list(tmp_path.glob(".menu.mp4.part*"))  # it was writing
    with qtbot.waitSignal(job.done, timeout=30_000) as done:
        job.process.kill()
    assert done.args[0] is False and "failed" in w.statusBar().currentMessage()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["menu.png"]


def test_save_dialogs_open_in_the_users_pictures_videos_and_documents(qapp):
    from viewer.ui.export_job import default_path

    loc = QtCore.QStandardPaths.StandardLocation
    for kind, where in (("png", loc.PicturesLocation), ("mp4", loc.MoviesLocation), ("pdf", loc.DocumentsLocation)):
        path = default_path(kind, datetime(1939, 8, 20))
        assert path.parent == Path(QtCore.QStandardPaths.writableLocation(where)) and path.suffix == f".{kind}"


def test_a_long_legend_is_set_smaller_rather_than_across_the_battlefield(scenario):
    """In Russian on 24 August at 1600x900 the legend has 46 rows (the abbreviations' among them): one column was
    taller than the map, so it lay in four columns as a band over the whole north of the battlefield. It is set
    smaller, in one column beside it."""
    from viewer.core.placement import overlap
    from viewer.ui.i18n import language
    from viewer.ui.map.layer import rect_of

    language().set("ru")
    with MapFrame(scenario, (1600, 900), datetime(1939, 8, 24, 12), {"language": "ru"}) as frame:
        frame.image()
        furniture = frame.map.layer("furniture")
        legend = rect_of(furniture.layout()["legend"])
        assert len(furniture.entries()) > 40
        assert sum(overlap(legend, strip) for strip in furniture.keep_clear()) == 0  # not on the disputed ground


def test_the_legend_does_not_explain_a_place_mark_a_units_symbol_hides(scenario):
    """25 July: Hamar-Daba's command-post mark lies under the 1st Army Group's HQ, which stands on it; the legend
    listed 'command post or base', a mark no reader could find (the eighth fresh reader)."""
    with MapFrame(scenario, (1600, 900), datetime(1939, 7, 25, 12)) as frame:
        frame.image()
        places = frame.map.layer("places")
        assert "hamar_daba" in {p.id for p in places.places} and "hamar_daba" in places._under_units()
        assert "place:command post" not in {e.key for e in places.legend()}


@pytest.mark.parametrize("at", [datetime(1939, 7, 3, 19), datetime(1939, 8, 20, 12), datetime(1939, 8, 24, 12)])
def test_claims_and_countries_names_lie_off_the_disputed_ground(scenario, at):
    """20 August: 'Border claimed by Manchukuo and Japan: the river' lay east of the river across the bridgehead
    and the Japanese ground and read as a front line (the eighth fresh reader). A claim's name is set beyond its
    line, or not at all; a country's name (which would give the ground to one side) never on the ground."""
    from shapely.geometry import Polygon

    with MapFrame(scenario, (1600, 900), at) as frame:
        frame.image()
        to_km = frame.map.layer("base").to_device(frame.map.graphics.viewportTransform()).inverted()[0]
        ground = scenario.disputed_ground_km.buffer(-0.2)  # the line's own width
        placed = frame.map.layer("labels").placed
        keys = {key for key, _r, _q in placed}
        assert (("claim", "manchukuo") in keys) == (at.month == 7 or at.day == 24)  # as seen
        assert {("country", "mongolia"), ("country", "manchukuo")} <= keys
        for key, (x, y, w, h), _req in placed:
            if key[0] in ("claim", "country"):
                corners = [to_km.map(QtCore.QPointF(cx, cy)) for cx, cy in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
                assert not ground.intersects(Polygon([(c.x(), c.y()) for c in corners])), (key, at)
