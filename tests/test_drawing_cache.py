"""DrawingCache: a vector drawing kept as a pixmap looks as drawn directly, is kept from its second sight, moves
with the view, stays within its pixel budget, and never replaces vectors in an SVG (offscreen)."""

from __future__ import annotations

import numpy as np
import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtSvg

from viewer.ui.map.operations import paint_ground, polygon
from viewer.ui.map.pixmaps import DrawingCache

RING = np.array([[33.3, 40.7], [180.2, 55.1], [150.9, 170.4], [40.5, 150.6]])  # off the pixel grid on purpose
SIZE = 240


class Ground:
    """A hatched Soviet ground at `shift` pixels from RING, counting the times it is really drawn."""

    def __init__(self) -> None:
        self.drawn = 0

    def draw(self, cache: DrawingCache, p: QtGui.QPainter, shift: tuple[float, float] = (0.0, 0.0), key: str = "k") -> None:
        xy = RING + shift
        cache.draw(p, key, (xy[0, 0], xy[0, 1]), (*(xy.min(axis=0) - 4), *(xy.max(axis=0) + 4)), lambda q: self._paint(q, xy))

    def _paint(self, q: QtGui.QPainter, xy: np.ndarray) -> None:
        self.drawn += 1
        paint_ground(q, polygon(xy), "soviet", False, 1.0)


def frame(paint) -> np.ndarray:
    im = QtGui.QImage(SIZE, SIZE, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    im.fill(QtGui.QColor("white"))
    p = QtGui.QPainter(im)
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    paint(p)
    p.end()
    return np.frombuffer(im.constBits(), np.uint8).reshape(SIZE, SIZE, 4).astype(int).copy()


@pytest.mark.usefixtures("qapp")
def test_kept_from_the_second_sight_and_drawn_alike():
    cache, ground = DrawingCache(10**6), Ground()
    direct = frame(lambda p: ground.draw(cache, p))
    kept = frame(lambda p: ground.draw(cache, p))  # the second sight paints it into its pixmap
    assert ground.drawn == 2
    blitted = frame(lambda p: ground.draw(cache, p))
    assert ground.drawn == 2, "the third sight must come from the pixmap"
    for picture in (kept, blitted):  # the hatching keeps its phase: the same pixels, not merely the same shape
        assert np.abs(picture - direct).max() <= 2


@pytest.mark.usefixtures("qapp")
def test_a_kept_drawing_moves_with_the_view():
    cache, ground = DrawingCache(10**6), Ground()
    for _ in range(2):
        frame(lambda p: ground.draw(cache, p))
    panned = frame(lambda p: ground.draw(cache, p, shift=(25.0, -12.0)))
    assert ground.drawn == 2  # the key leaves the pan out: the same pixmap, placed by its anchor
    expected = frame(lambda p: Ground().draw(DrawingCache(10**6), p, shift=(25.0, -12.0)))
    assert np.abs(panned - expected).max() <= 2


@pytest.mark.usefixtures("qapp")
def test_the_pixel_budget_holds_and_drops_the_least_recently_used():
    cache, ground = DrawingCache(10**6), Ground()
    cache.MAX_BUDGET_PX = 0  # the budget alone, not the frame's area (see the next test)
    for key in ("a", "b", "a", "b"):
        frame(lambda p, key=key: ground.draw(cache, p, key=key))
    each = cache.kept_px // 2
    assert each > 0
    cache.budget_px = 2 * each
    frame(lambda p: ground.draw(cache, p, key="c"))
    frame(lambda p: ground.draw(cache, p, key="c"))  # kept: "a", the least recently used, goes
    assert cache.kept_px <= cache.budget_px
    assert cache.kept_keys() == ["b", "c"]


@pytest.mark.usefixtures("qapp")
def test_a_bigger_picture_keeps_twice_its_area():
    """A 4K video's grounds are four times the pixels of the 1080p ones: the budget grows with the picture."""
    ground = Ground()
    small = DrawingCache(1)  # nothing fits the budget itself...
    for _ in range(3):
        frame(lambda p: ground.draw(small, p))
    assert small.kept_keys() == ["k"]  # ...but twice the 240 x 240 frame holds the ground
    assert ground.drawn == 2


@pytest.mark.usefixtures("qapp")
def test_a_new_zoom_drops_the_drawings_of_the_last():
    cache, ground = DrawingCache(10**6), Ground()
    cache.at_zoom(1.0)
    for _ in range(3):
        frame(lambda p: ground.draw(cache, p))
    assert cache.kept_keys() == ["k"]
    cache.at_zoom(1.0)  # the same zoom: kept
    assert cache.kept_keys() == ["k"]
    cache.at_zoom(1.5)  # pinched: a drawing's key leaves the zoom out, so the old pixmap must go
    assert cache.kept_keys() == [] and cache.kept_px == 0


@pytest.mark.usefixtures("qapp")
def test_an_svg_gets_the_vectors_every_time(tmp_path):
    cache, ground = DrawingCache(10**6), Ground()
    for _ in range(3):
        svg = QtSvg.QSvgGenerator()
        svg.setFileName(str(tmp_path / "g.svg"))
        svg.setSize(QtCore.QSize(SIZE, SIZE))
        p = QtGui.QPainter(svg)
        ground.draw(cache, p)
        p.end()
    assert ground.drawn == 3
    assert "<image" not in (tmp_path / "g.svg").read_text()
