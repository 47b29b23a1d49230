"""Pixmaps the map layers draw many times a frame (uncertainty discs, labels) and the batched blit that draws
a crowd of symbols from one atlas; the caches are bounded, keyed on what changes the picture."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui

from ..style import SIDE_COLOURS, colour
from ..text_paths import TextAsPaths
from .layer import device_ratio

try:  # pyqtgraph's batched-primitive helper (what its ScatterPlotItem uses); optional, with a slow fallback
    from pyqtgraph.Qt.internals import PrimitiveArray as _PrimitiveArray
except ImportError:  # pragma: no cover - depends on the pyqtgraph version
    _PrimitiveArray = None


RECORDED: dict[int, QtGui.QPicture] | None = None  # while an SVG export records: pixmap cacheKey -> its drawing


class _RecordingPainter(TextAsPaths):
    """Paints into a QPicture; on end() plays it into the pixmap and files the picture under the pixmap's key, so
    a vector export can draw the picture where the map draws the pixmap (map_frame.VectorPainter). Its text is
    recorded as outlines: the picture is played into the SVG as recorded (text_paths)."""

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


def without_engine(pm: QtGui.QPixmap) -> QtGui.QPixmap:
    """A pixmap painted once and kept, as its pixels alone. Qt keeps the raster engine that painted an image for
    the image's life, with its scratch buffers (a name's stroked halo leaves ~190 KB beside its ~9 KB of pixels):
    a kiosk's cache of names grew by that for every new one. A pixmap an SVG export recorded stays itself (its key
    names the recorded picture; the export empties those caches after it)."""
    return pm if RECORDED is not None and pm.cacheKey() in RECORDED else pm.copy()


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


@lru_cache(maxsize=8)  # a disc can be ~800 px across (2.6 MB) and each zoom has its radii: 48 filled a kiosk's heap
def halo_pixmap(side: str, radius_px: int, pen_px: float, dpr: float) -> QtGui.QPixmap:
    """A translucent disc with a dashed edge: the uncertainty of an approximate position (drawn only for the
    selected unit and the one under the pointer: see halos.py)."""
    size = 2 * radius_px + 4
    pm = QtGui.QPixmap(round(size * dpr), round(size * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    q = pixmap_painter(pm)
    q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    q.setPen(halo_pen(side, pen_px, radius_px))
    q.setBrush(colour(SIDE_COLOURS[side], 0.14))
    q.drawEllipse(QtCore.QPointF(size / 2, size / 2), radius_px, radius_px)
    q.end()
    return without_engine(pm)


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
    """A label with a paper-coloured halo, drawn once: stroking text outlines every frame is slow. Lines split at
    "\n" are centred under each other (a name set inside a narrow area)."""
    fm = QtGui.QFontMetricsF(f)
    lines = text.split("\n")
    widest = max(fm.horizontalAdvance(line) for line in lines)
    w, h = widest + 2 * halo, fm.height() * len(lines) + 2 * halo
    pm = QtGui.QPixmap(round(w * dpr), round(h * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    q = pixmap_painter(pm)
    q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    path = QtGui.QPainterPath()
    for n, line in enumerate(lines):
        path.addText(halo + (widest - fm.horizontalAdvance(line)) / 2, halo + fm.ascent() + n * fm.height(), f, line)
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
    return without_engine(pm)


class DrawingCache:
    """Vector drawings kept as pixmaps across frames, by what they draw: a ground's hatched outline, a finished
    axis of advance. Filling and stroking them with antialiasing costs milliseconds a frame, and most frames of a
    scrub or of playback draw the same few again (a stage of the front holds for days; an arrow, once grown, only
    fades). A drawing is kept from its second sight among the last SIGHTS (the first is drawn directly: painting
    into a pixmap and blitting it costs more than drawing once, and a shape under way changes every frame); at
    most `budget_px` pixels are kept (for a bigger picture, twice its area up to MAX_BUDGET_PX: a 4K video's grounds
    are four times the pixels), the least recently used dropped first. Keys leave out the pan: the pixmap is
    placed by a device point that moves with the drawing. Vector devices (SVG, PDF) always get the drawing."""

    SIGHTS = 512
    MAX_BUDGET_PX = 16_000_000
    MAX_SIDE_PX = 2500  # a drawing wider or taller than this on screen (a close zoom) is drawn, never kept

    def __init__(self, budget_px: int) -> None:
        self.budget_px = budget_px
        self._kept: OrderedDict[Hashable, tuple[QtGui.QPixmap, QtCore.QPointF]] = OrderedDict()
        self._seen: OrderedDict[Hashable, None] = OrderedDict()
        self._px = 0
        self._zoom: Hashable = None

    @property
    def kept_px(self) -> int:
        return self._px

    def kept_keys(self) -> list[Hashable]:
        """The keys kept, least recently used first."""
        return list(self._kept)

    def at_zoom(self, zoom: Hashable) -> None:
        """Drawings are kept for one zoom (the view's scale and the UI scale) at a time: a new zoom drops the rest.
        They are of no use until the view comes back to exactly that zoom, and a visitor's pinches and a camera's
        glides would otherwise fill the budget with them: a kiosk's memory then grew for hours before it settled."""
        if zoom != self._zoom:
            self.clear()
            self._zoom = zoom

    def clear(self) -> None:
        """Drop every kept drawing (the kiosk, when a visitor's session ends: the next starts from nothing)."""
        self._kept.clear()
        self._seen.clear()
        self._px = 0
        self._zoom = None

    def draw(
        self,
        p: QtGui.QPainter,
        key: Hashable,
        anchor: tuple[float, float],
        bounds: tuple[float, float, float, float],
        paint: Callable[[QtGui.QPainter], None],
    ) -> None:
        """Draw what `paint` draws in device pixels (within `bounds`: x0, y0, x1, y1) with `p`, from the kept
        pixmap where there is one. `anchor` is a device point of the drawing that moves with it when the view pans;
        `p`'s opacity applies to the whole drawing."""
        hit = self._kept.get(key)
        if hit is None and p.paintEngine().type() == QtGui.QPaintEngine.Type.Raster and self._second_sight(key):
            hit = self._keep(key, anchor, bounds, paint, device_ratio(p), self._budget(p))
        if hit is None:
            origin = p.brushOrigin()
            p.setBrushOrigin(QtCore.QPointF(*anchor))  # a pattern (hatching) keeps to the drawing, cached or not
            paint(p)
            p.setBrushOrigin(origin)
            return
        self._kept.move_to_end(key)
        pm, corner = hit
        p.drawPixmap(QtCore.QPointF(anchor[0], anchor[1]) - corner, pm)

    def _budget(self, p: QtGui.QPainter) -> int:
        device = p.device()
        area = device.width() * device.height() if device is not None else 0
        return max(self.budget_px, min(self.MAX_BUDGET_PX, 2 * area))

    def _second_sight(self, key: Hashable) -> bool:
        seen = key in self._seen
        self._seen[key] = None
        self._seen.move_to_end(key)
        if len(self._seen) > self.SIGHTS:
            self._seen.popitem(last=False)
        return seen

    def _keep(
        self,
        key: Hashable,
        anchor: tuple[float, float],
        bounds: tuple[float, float, float, float],
        paint: Callable[[QtGui.QPainter], None],
        dpr: float,
        budget: int,
    ) -> tuple[QtGui.QPixmap, QtCore.QPointF] | None:
        x0, y0, x1, y1 = bounds
        if x1 - x0 > self.MAX_SIDE_PX or y1 - y0 > self.MAX_SIDE_PX:
            return None
        x0, y0 = math.floor(x0) - 1, math.floor(y0) - 1
        w, h = max(1, math.ceil((x1 - x0 + 2) * dpr)), max(1, math.ceil((y1 - y0 + 2) * dpr))
        if w * h > budget:
            return None
        while self._kept and self._px + w * h > budget:
            old, _ = self._kept.popitem(last=False)[1]
            self._px -= old.width() * old.height()
        pm = QtGui.QPixmap(w, h)
        pm.setDevicePixelRatio(dpr)
        pm.fill(QtCore.Qt.GlobalColor.transparent)
        q = QtGui.QPainter(pm)
        q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        q.translate(-x0, -y0)
        q.setBrushOrigin(QtCore.QPointF(*anchor))
        paint(q)
        q.end()
        self._px += w * h
        hit = self._kept[key] = pm, QtCore.QPointF(anchor[0] - x0, anchor[1] - y0)
        return hit
