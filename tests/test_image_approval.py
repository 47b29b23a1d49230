"""The reference-image helper itself (tests/image_approval.py), on synthetic pictures drawn like the map:
paper, antialiased strokes and text in the bundled font, translucent fills, dashed lines."""

from __future__ import annotations

from pathlib import Path

import image_approval as ia
import numpy as np
import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

PAPER, INK, RED, BLUE = "#F3EEDC", "#2B2B2B", "#C0392B", "#1F4E8C"


@pytest.fixture
def refs(tmp_path: Path, monkeypatch) -> Path:
    """An empty reference folder; failures go to tmp_path/failed; nothing is being accepted."""
    monkeypatch.delenv(ia.ACCEPT_ENV, raising=False)
    monkeypatch.setenv(ia.FAILURES_ENV, str(tmp_path / "failed"))
    from viewer.ui.fonts import register_fonts

    register_fonts()
    return tmp_path / "images"


def picture(dx: float = 0.0, dy: float = 0.0, feature: bool = True, size=(320, 200), label_dx: int = 0) -> QtGui.QImage:
    """A small map-like scene, antialiased: river, dashed disc, arrow and label moved by (dx, dy) pixels (the
    label by label_dx more); `feature` is a 20x20 px unit symbol (a pixel-aligned outlined square with a
    cross, which stays put: a crisp 1-px line moved by half a pixel becomes two half-tone lines, a real change)."""
    from viewer.ui.style import font

    img = QtGui.QImage(*size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QtGui.QColor(PAPER))
    p = QtGui.QPainter(img)
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    p.translate(dx, dy)
    p.setPen(QtGui.QPen(QtGui.QColor("#3C7DC4"), 3.0))  # a river
    path = QtGui.QPainterPath(QtCore.QPointF(10, 180))
    path.cubicTo(80, 120, 140, 190, 300, 60)
    p.drawPath(path)
    disc = QtGui.QColor(BLUE)
    disc.setAlphaF(0.55)
    p.setPen(QtGui.QPen(disc, 1.3, QtCore.Qt.PenStyle.DashLine))  # an uncertainty disc
    disc.setAlphaF(0.10)
    p.setBrush(disc)
    p.drawEllipse(QtCore.QPointF(230, 120), 40, 40)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    p.setPen(QtGui.QPen(QtGui.QColor(INK), 1.5))  # an arrow
    p.drawLine(QtCore.QPointF(40, 40), QtCore.QPointF(120, 70))
    p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(120, 70), QtCore.QPointF(108, 72), QtCore.QPointF(113, 62)]))
    p.setFont(font(16, bold=True))  # a label
    p.drawText(QtCore.QPointF(150 + label_dx, 30), "64 Inf Rgt ≈")
    p.resetTransform()
    if feature:
        p.setPen(QtGui.QPen(QtGui.QColor(INK), 1.0))
        p.setBrush(QtGui.QColor(RED))
        p.drawRect(QtCore.QRectF(60.5, 110.5, 19, 19))
        p.setPen(QtGui.QPen(QtGui.QColor("white"), 1.5))
        p.drawLine(QtCore.QPointF(61, 111), QtCore.QPointF(79, 129))
        p.drawLine(QtCore.QPointF(79, 111), QtCore.QPointF(61, 129))
    p.end()
    return img


def store(refs: Path, name: str, image: QtGui.QImage) -> None:
    ia._save(image, ia.reference_path(name, refs))


def test_identical_images_pass(refs):
    store(refs, "scene", picture())
    ia.assert_image_approved(picture(), "scene", images_dir=refs)
    assert ia.compare(picture(), picture()).count == 0


def shifted(image: QtGui.QImage, dx: int, dy: int) -> QtGui.QImage:
    """The whole image moved by whole pixels (the edge repeats)."""
    a = ia.to_array(image)
    a = np.roll(a, (dy, dx), axis=(0, 1))
    if dy:
        a[(0 if dy > 0 else -1)] = a[(1 if dy > 0 else -2)]
    if dx:
        a[:, (0 if dx > 0 else -1)] = a[:, (1 if dx > 0 else -2)]
    return QtGui.QImage(a.tobytes(), a.shape[1], a.shape[0], QtGui.QImage.Format.Format_ARGB32_Premultiplied).copy()


def differ_plainly(a: QtGui.QImage, b: QtGui.QImage) -> int:
    """What a pixel-by-pixel comparison with the same threshold would count."""
    return int((np.abs(ia.to_array(a).astype(int) - ia.to_array(b).astype(int)).max(axis=2) > ia.DEFAULT.pixel).sum())


@pytest.mark.parametrize("dx, dy", [(1, 0), (0, 1), (1, 1), (-1, 0), (0, -1)])
def test_a_one_pixel_shift_passes(refs, dx, dy):
    """Everything one pixel away (a layout rounded differently): every edge and glyph changes."""
    store(refs, "scene", picture())
    moved = shifted(picture(), dx, dy)
    assert differ_plainly(moved, picture()) > 500  # a pixel-by-pixel comparison would fail this
    ia.assert_image_approved(moved, "scene", images_dir=refs)


@pytest.mark.parametrize("dx, dy", [(0.25, 0), (0.5, 0), (0, 0.5), (0.3, 0.6), (0.5, 0.5), (0.7, 0.2)])
def test_antialiasing_of_a_sub_pixel_shift_passes(refs, dx, dy):
    """Curves, dashes and text placed a fraction of a pixel elsewhere: each edge pixel blends differently."""
    store(refs, "scene", picture())
    moved = picture(dx, dy)
    assert differ_plainly(moved, picture()) > 100
    ia.assert_image_approved(moved, "scene", images_dir=refs)


def test_a_label_one_pixel_off_passes(refs):
    store(refs, "scene", picture())
    ia.assert_image_approved(picture(label_dx=1), "scene", images_dir=refs)
    with pytest.raises(AssertionError, match="pixels differ"):  # but 3 px is a moved label
        ia.assert_image_approved(picture(label_dx=3), "scene", images_dir=refs)


def test_removing_a_20_px_feature_fails(refs, tmp_path):
    store(refs, "scene", picture())
    with pytest.raises(AssertionError, match=r"pixels differ .* within x=6\d y=11\d"):
        ia.assert_image_approved(picture(feature=False), "scene", images_dir=refs)
    # also when the whole picture moved a little at the same time
    with pytest.raises(AssertionError, match="pixels differ"):
        ia.assert_image_approved(picture(0.5, 0.5, feature=False), "scene", images_dir=refs)
    # and the other way round: a feature that appears
    store(refs, "bare", picture(feature=False))
    with pytest.raises(AssertionError, match="pixels differ"):
        ia.assert_image_approved(picture(), "bare", images_dir=refs)


def test_small_features_are_each_well_above_the_allowance():
    """What the tolerance must still see: the smallest things the map draws, alone on paper."""
    from viewer.ui.style import font

    def alone(draw) -> int:
        blank, img = (QtGui.QImage(120, 80, QtGui.QImage.Format.Format_ARGB32_Premultiplied) for _ in range(2))
        blank.fill(QtGui.QColor(PAPER))
        img.fill(QtGui.QColor(PAPER))
        p = QtGui.QPainter(img)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        draw(p)
        p.end()
        return ia.compare(img, blank).count

    def glyph(text):
        def draw(p):
            p.setFont(font(16))
            p.setPen(QtGui.QColor(INK))
            p.drawText(QtCore.QPointF(30, 45), text)

        return draw

    def dashed_disc(p):
        c = QtGui.QColor(BLUE)
        c.setAlphaF(0.55)
        p.setPen(QtGui.QPen(c, 1.3, QtCore.Qt.PenStyle.DashLine))
        p.drawEllipse(QtCore.QPointF(60, 40), 8, 8)

    def thin_line(p):
        p.setPen(QtGui.QPen(QtGui.QColor(INK), 1.0))
        p.drawLine(QtCore.QPointF(20.3, 30.3), QtCore.QPointF(50.3, 40.7))

    for what, draw in [
        ("≈", glyph("≈")),
        ("0", glyph("0")),
        ("III", glyph("III")),
        ("a dashed disc of radius 8", dashed_disc),
        ("a 1-px line 30 px long", thin_line),
    ]:
        assert alone(draw) >= 2 * ia.DEFAULT.max_pixels, what


def test_a_missing_reference_fails_and_is_not_created(refs, tmp_path):
    with pytest.raises(AssertionError, match="no reference image") as err:
        ia.assert_image_approved(picture(), "new/scene", images_dir=refs)
    assert not (refs / "new" / "scene.png").exists()
    assert (tmp_path / "failed" / "new" / "scene.actual.png").exists()
    assert "KG_ACCEPT_IMAGES=new/scene" in str(err.value)


def test_accept_mode_writes_the_reference(refs, monkeypatch):
    monkeypatch.setattr(ia, "accepted", [])
    monkeypatch.setenv(ia.ACCEPT_ENV, "1")
    ia.assert_image_approved(picture(), "scene", images_dir=refs)  # missing: written
    assert ia.compare(QtGui.QImage(str(refs / "scene.png")), picture()).count == 0
    ia.assert_image_approved(picture(feature=False), "scene", images_dir=refs)  # changed: rewritten
    assert ia.compare(QtGui.QImage(str(refs / "scene.png")), picture(feature=False)).count == 0
    before = (refs / "scene.png").stat().st_mtime_ns
    ia.assert_image_approved(picture(0.5, 0, feature=False), "scene", images_dir=refs)  # within tolerance: kept
    assert (refs / "scene.png").stat().st_mtime_ns == before
    assert ia.accepted == [refs / "scene.png"] * 2
    monkeypatch.setenv(ia.ACCEPT_ENV, "map/*,other")  # only the names asked for
    with pytest.raises(AssertionError, match="no reference image"):
        ia.assert_image_approved(picture(), "scene-two", images_dir=refs)
    ia.assert_image_approved(picture(), "map/legend", images_dir=refs)
    assert (refs / "map" / "legend.png").exists()


def test_a_failure_writes_actual_reference_and_diff(refs, tmp_path):
    store(refs, "scene", picture())
    with pytest.raises(AssertionError) as err:
        ia.assert_image_approved(picture(feature=False), "scene", images_dir=refs)
    failed = tmp_path / "failed"
    written = {p.name for p in failed.iterdir()}
    assert {"scene.actual.png", "scene.reference.png", "scene.diff.png"} <= written
    for name in written:
        assert str(failed / name) in str(err.value)
    assert "KG_ACCEPT_IMAGES=scene" in str(err.value)
    actual = QtGui.QImage(str(failed / "scene.actual.png"))
    assert ia.compare(actual, picture(feature=False)).count == 0
    diff = QtGui.QImage(str(failed / "scene.diff.png")).convertToFormat(QtGui.QImage.Format.Format_RGB32)
    assert diff.pixelColor(70, 120) == QtGui.QColor("red")  # the missing symbol is marked
    assert diff.pixelColor(10, 10) != QtGui.QColor("red")  # the rest is the faded reference


def test_default_failure_folder_ignores_itself_in_git(refs, monkeypatch, tmp_path):
    monkeypatch.delenv(ia.FAILURES_ENV)
    store(refs, "scene", picture())
    with pytest.raises(AssertionError):
        ia.assert_image_approved(picture(feature=False), "scene", images_dir=refs)
    assert (refs / "failed" / ".gitignore").read_text() == "*\n"
    assert (refs / "failed" / "scene.diff.png").exists()


def test_a_different_size_fails_with_both_sizes(refs):
    store(refs, "scene", picture())
    with pytest.raises(AssertionError, match="size 321x200, the reference is 320x200"):
        ia.assert_image_approved(picture(size=(321, 200)), "scene", images_dir=refs)


def test_refuses_a_high_dpi_image_and_bad_names(refs):
    img = picture()
    img.setDevicePixelRatio(2.0)
    with pytest.raises(AssertionError, match="devicePixelRatio"):
        ia.assert_image_approved(img, "scene", images_dir=refs)
    for bad in ("../escape", "Scene", "a b", "/abs"):
        with pytest.raises(ValueError):
            ia.reference_path(bad, refs)


def test_render_widget_is_at_ratio_one_and_deterministic(qtbot):
    w = QtWidgets.QLabel("Khalkhin Gol ≈ 1939")
    qtbot.addWidget(w)
    w.resize(200, 40)
    w.show()
    qtbot.waitExposed(w)
    first, second = ia.render_widget(w), ia.render_widget(w)
    assert first.devicePixelRatio() == 1.0 and (first.width(), first.height()) == (200, 40)
    assert ia.compare(first, second).count == 0 and ia.compare(first, second).worst == 0
