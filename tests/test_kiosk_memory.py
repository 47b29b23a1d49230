"""A kiosk runs for months: what its map keeps between frames must stay small however long visitors zoom and tap
(bench/kiosk_soak.py measures the whole app; these pin the caches it found filling)."""

from __future__ import annotations

import ctypes
import gc
import platform
import time
from collections.abc import Callable
from datetime import datetime
from types import SimpleNamespace

import pytest
from pyqtgraph.Qt import QtCore, QtGui

from viewer.heap import trim_heap
from viewer.kiosk_config import KioskConfig
from viewer.ui import kiosk as kiosk_module
from viewer.ui.app import build_kiosk
from viewer.ui.map.halos import HALO_CACHE_MAX_PX
from viewer.ui.map.pixmaps import HALO_PEN_PX, DrawingCache, halo_pixmap, label_pixmap
from viewer.ui.map.units import _last_reported_pixmap
from viewer.ui.style import font

KIOSK_CIRCLES_MB = 24  # what the uncertainty circles of one zoom may hold (the soak's whole growth target is 2 MB)


def test_the_uncertainty_circles_kept_stay_few_megabytes_after_many_zooms(qapp):
    """Every zoom gives the selected unit's circle another radius: a visitor's pinches through all of them must
    not leave dozens of discs up to 800 px across in memory (48 of them held ~20 MB in the soak, growing for
    30,000 interactions before they settled)."""
    halo_pixmap.cache_clear()
    for radius in range(4, HALO_CACHE_MAX_PX + 1, 4):  # a slow pinch from the widest view to the closest
        halo_pixmap("soviet", radius, HALO_PEN_PX, 1.0)
    largest = (2 * HALO_CACHE_MAX_PX + 4) ** 2 * 4 / 1e6
    held = halo_pixmap.cache_info().currsize
    assert held * largest <= KIOSK_CIRCLES_MB, f"{held} circles kept, up to {held * largest:.0f} MB"
    assert halo_pixmap("soviet", HALO_CACHE_MAX_PX, HALO_PEN_PX, 1.0) is halo_pixmap(
        "soviet", HALO_CACHE_MAX_PX, HALO_PEN_PX, 1.0
    ), "the circle of the zoom shown is still kept"
    halo_pixmap.cache_clear()


def _kept_drawings(window) -> int:
    """Pixels the map's layers keep as pictures between frames (DrawingCache)."""
    return sum(kept.kept_px for layer in window.map.layers for kept in vars(layer).values() if isinstance(kept, DrawingCache))


def test_the_return_to_the_tour_lets_go_of_what_the_last_visitor_filled(qtbot, scenario, monkeypatch):
    """A kiosk runs for months: at every return to its attract loop it comes back to the same size. The pictures the
    map kept at the last visitor's zoom (tens of MB at most) and the uncertainty discs of the units touched go; what
    the tour needs again at once (names, symbols) stays."""
    window, kiosk = build_kiosk(scenario, KioskConfig(idle_seconds=600, tour_seconds=600))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    state = window.state
    state.instant = datetime(1939, 8, 26, 12)  # grounds, arrows and trails on the map
    state.camera = state.bounds.home.zoomed(1.5)  # a visitor's pinch
    for _ in range(3):  # kept from the second sight
        QtCore.QCoreApplication.processEvents()  # the view takes the camera
        window.map.graphics.viewport().repaint()
    halo_pixmap("japanese", 200, HALO_PEN_PX, 1.0)  # a unit touched: its circle
    labels = label_pixmap.cache_info().currsize
    trims: list[None] = []
    monkeypatch.setattr(kiosk_module, "trim_heap", lambda: trims.append(None))
    assert _kept_drawings(window) > 0 and halo_pixmap.cache_info().currsize > 0
    kiosk.start_tour()
    assert kiosk.touring
    assert _kept_drawings(window) == 0, "the visitor's pictures are let go"
    assert window.map.layer("base")._picture is None, "the base map's picture of the visitor's view too"
    assert halo_pixmap.cache_info().currsize == 0, "and the circles of the units touched"
    assert label_pixmap.cache_info().currsize == labels, "the names stay cached for the tour"
    assert len(trims) == 1, "and the heap's freed pages go back to the system"
    first = time.monotonic()  # the first trim was a moment ago
    for later, trimmed in ((1, 1), (40, 1), (70, 2), (80, 2)):  # returns to the tour this many seconds after it
        monkeypatch.setattr(kiosk_module, "time", SimpleNamespace(monotonic=lambda later=later: first + later))
        kiosk.stop_tour()
        kiosk.start_tour()
        assert len(trims) == trimmed, f"at {later} s: the heap goes back once a {kiosk_module.TRIM_EVERY_S:.0f} s"
    assert kiosk.trim_timer.isActive(), "a trim put off is not dropped"
    kiosk.trim_timer.timeout.emit()  # a minute after the last trim, the tour still playing
    assert len(trims) == 3
    kiosk.allow_exit = True
    kiosk.release()


def test_the_freed_heap_goes_back_to_the_system_where_the_c_library_can():
    """glibc keeps freed pages for reuse; trim_heap hands them back (elsewhere it says it could not, and no harm)."""
    assert trim_heap() is (platform.libc_ver()[0] == "glibc")


MALLINFO2 = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")


class MallInfo2(ctypes.Structure):
    """glibc's struct mallinfo2: in use, `uordblks` (the heap) and `hblkhd` (pieces mapped on their own)."""

    _fields_ = [(name, ctypes.c_size_t) for name in MALLINFO2]


def _heap_in_use() -> int | None:
    """Bytes the C library's malloc has handed out now (glibc's mallinfo2), or None where there is none."""
    try:
        info = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return None
    info.restype = MallInfo2
    gc.collect()
    now = info()
    return now.uordblks + now.hblkhd


PICTURES: dict[str, Callable[[int], QtGui.QPixmap]] = {
    "a name": lambda i: label_pixmap.__wrapped__(f"Khalkhin Gol {i}", font(13), 0xFF000000, 4, 1.0),
    "an uncertainty circle": lambda i: halo_pixmap.__wrapped__("soviet", 40 + i, HALO_PEN_PX, 1.0),
    "a last-reported frame": lambda i: _last_reported_pixmap.__wrapped__("soviet", "infantry", 1.0 + i / 100, 1.0),
}


@pytest.mark.parametrize("kind", PICTURES)
def test_a_picture_kept_holds_its_pixels_not_the_painter_that_drew_it(qapp, kind):
    """Qt keeps the raster engine that painted an image for the image's life, with its scratch buffers: a name's
    stroked halo left ~190 KB beside its 9 KB of pixels, and the kiosk's caches of names and symbols grew by that
    for every new one a visitor brought on screen (bench/kiosk_soak.py: the creep between returns to the tour)."""
    make = PICTURES[kind]
    make(99)  # fonts, glyphs, pens: what every later picture shares
    before = _heap_in_use()
    if before is None:
        pytest.skip("no glibc mallinfo2 to read the heap with")
    kept = [make(i) for i in range(10)]
    held = (_heap_in_use() or 0) - before
    pixels = sum(pm.width() * pm.height() * 4 for pm in kept)
    assert held <= pixels + 10 * 8_000, f"{kind}: {held / 10e3:.0f} KB held each for {pixels / 10e3:.0f} KB of pixels"
