"""Pixmaps the map layers draw many times a frame (uncertainty discs, labels) and the batched blit that draws
a crowd of symbols from one atlas; the caches are bounded, keyed on what changes the picture."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ..style import SIDE_COLOURS, colour

try:  # pyqtgraph's batched-primitive helper (what its ScatterPlotItem uses); optional, with a slow fallback
    from pyqtgraph.Qt.internals import PrimitiveArray as _PrimitiveArray
except ImportError:  # pragma: no cover - depends on the pyqtgraph version
    _PrimitiveArray = None


RECORDED: dict[int, QtGui.QPicture] | None = None  # while an SVG export records: pixmap cacheKey -> its drawing


class _RecordingPainter(QtGui.QPainter):
    """Paints into a QPicture; on end() plays it into the pixmap and files the picture under the pixmap's key, so
    a vector export can draw the picture where the map draws the pixmap (map_frame.VectorPainter)."""

    def __init__(self, pm: QtGui.QPixmap) -> None:
        self.picture, self.pm = QtGui.QPicture(), pm
        super().__init__(self.picture)

    def end(self) -> bool:
        done = super().end()
        q = QtGui.QPainter(self.pm)
        self.picture.play(q)
        q.end()
        if RECORDED is not None:
            RECORDED[self.pm.cacheKey()] = self.picture
        return done


def pixmap_painter(pm: QtGui.QPixmap) -> QtGui.QPainter:
    """The painter a cached pixmap is drawn with: a plain one, or while an SVG export records, a recording one."""
    return QtGui.QPainter(pm) if RECORDED is None else _RecordingPainter(pm)


def blit_many(p: QtGui.QPainter, pm: QtGui.QPixmap, xs: np.ndarray, ys: np.ndarray, dpr: float, sources: np.ndarray) -> None:
    """Draw a rectangle of a pixmap (an atlas) per point, centred there, in a single call, as pyqtgraph's scatter
    plots do. `sources` is (n, 4): x, y, width, height in the pixmap's pixels."""
    if _PrimitiveArray is None:
        for x, y, (sx, sy, sw, sh) in zip(xs, ys, sources, strict=True):
            p.drawPixmap(QtCore.QRectF(x - sw / dpr / 2, y - sh / dpr / 2, sw / dpr, sh / dpr), pm, QtCore.QRectF(sx, sy, sw, sh))
        return
    frags = _PrimitiveArray(QtGui.QPainter.PixmapFragment, 10)
    frags.resize(len(xs))
    arr = frags.ndarray()
    arr[:, 0] = xs
    arr[:, 1] = ys
    arr[:, 2:6] = sources
    arr[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]  # scale x, scale y, rotation, opacity
    p.drawPixmapFragments(*frags.drawargs(), pm)


HALO_PEN_PX = 1.3  # an uncertainty circle's pen at a 1.0 UI scale


@lru_cache(maxsize=48)  # a disc can be ~800 px across: keep few, radii are quantised below
def halo_pixmap(side: str, radius_px: int, pen_px: float, dpr: float, filled: bool = False) -> QtGui.QPixmap:
    """A dashed circle: the uncertainty of an approximate position. Only the selected unit's is `filled` (a
    translucent disc): filled discs of a crowd pile into a blob that hides the river and the places."""
    size = 2 * radius_px + 4
    pm = QtGui.QPixmap(round(size * dpr), round(size * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    q = pixmap_painter(pm)
    q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    q.setPen(halo_pen(side, pen_px, radius_px))
    q.setBrush(colour(SIDE_COLOURS[side], 0.14) if filled else QtCore.Qt.BrushStyle.NoBrush)
    q.drawEllipse(QtCore.QPointF(size / 2, size / 2), radius_px, radius_px)
    q.end()
    return pm


def halo_pen(side: str, pen_px: float, radius_px: float = 0.0) -> QtGui.QPen:
    """The dashed edge of an uncertainty circle; a wide circle (a close zoom) is fainter, so a few of them do
    not net the whole screen. "Wide" is measured at the UI scale, which the pen's width carries (HALO_PEN_PX at
    1.0): an 8K export's circles fade as the 1080p ones do."""
    wide = 160 * pen_px / HALO_PEN_PX
    alpha = 0.6 * min(1.0, max(0.35, wide / radius_px)) if radius_px > 0 else 0.6
    pen = QtGui.QPen(colour(SIDE_COLOURS[side], alpha), pen_px, QtCore.Qt.PenStyle.CustomDashLine)
    pen.setDashPattern([3, 3])
    return pen


@lru_cache(maxsize=512)
def label_pixmap(text: str, f: QtGui.QFont, rgba: int, halo: int, dpr: float) -> QtGui.QPixmap:
    """A label with a paper-coloured halo, drawn once: stroking text outlines every frame is slow."""
    fm = QtGui.QFontMetricsF(f)
    w, h = fm.horizontalAdvance(text) + 2 * halo, fm.height() + 2 * halo
    pm = QtGui.QPixmap(round(w * dpr), round(h * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    q = pixmap_painter(pm)
    q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    path = QtGui.QPainterPath()
    path.addText(halo, halo + fm.ascent(), f, text)
    q.setPen(
        QtGui.QPen(
            colour("#F7F3E6", 0.9),
            halo,
            QtCore.Qt.PenStyle.SolidLine,
            QtCore.Qt.PenCapStyle.RoundCap,
            QtCore.Qt.PenJoinStyle.RoundJoin,
        )
    )
    q.drawPath(path)
    q.setPen(QtCore.Qt.PenStyle.NoPen)
    q.setBrush(QtGui.QColor.fromRgba(rgba))
    q.drawPath(path)
    q.end()
    return pm
