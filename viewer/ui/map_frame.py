"""The map alone, off-screen, at an output size: what every export and `render` draws.

A `MapFrame` builds a `MapView` with its own `ViewState` (seeded from the asking window's language, naming,
layers and span) in a widget that is never shown on a screen (`WA_DontShowOnScreen`), so no buttons, panels or
timeline can end up in a picture and no window flashes over the desktop. Below the map a caption band carries
the date, at the precision the data has, and the current event's title: every still stands on its own.

Type and furniture are laid out for the output: the UI scale is the frame's height over 1080 px (a 4K frame
draws its text twice as large as a 1080p one); small frames keep text legible by the fonts' own floor and leave
out the legend, which could not be read there anyway.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.dates import format_date
from ..core.language import tr
from ..core.map_extent import battlefield_camera
from ..core.model import Scenario
from ..core.motion import MotionModel
from ..core.view_state import LAYERS, ViewState
from .fonts import register_fonts
from .i18n import language
from .map_view import MapView
from .style import INK, PAPER, colour, font
from .text_paths import TextAsPaths

LEGEND_MIN_SCALE = 0.6  # below this the legend's rows would be smaller than the fonts' floor: left out
CAPTION_BG, CAPTION_FG, CAPTION_MUTED = INK, "#FBF8EF", "#E8B04B"


def ui_scale(size: tuple[int, int]) -> float:
    """Type and furniture size for an output: 1.0 at 1080 px high, in proportion above and below (a narrow
    frame scales by its width instead, so a legend never overflows it)."""
    w, h = size
    return min(h / 1080, w / 1500)


def caption_height(size: tuple[int, int]) -> int:
    return max(24, round(62 * ui_scale(size)))


def frame_instant_range(scenario: Scenario) -> tuple[datetime, datetime]:
    """The instants a frame can show: the whole content, background and aftermath included."""
    return scenario.chapters[0].start, scenario.chapters[-1].end


class MapFrame:
    """See the module docstring. Use as a context manager (the widget is deleted on exit)."""

    def __init__(self, scenario: Scenario, size: tuple[int, int], at: datetime, view: dict[str, Any] | None = None):
        from .app import _application, headless_platform

        headless_platform()
        self.app = _application()
        register_fonts()
        self.scenario, self.size = scenario, size
        self.scale = ui_scale(size)
        self.band = caption_height(size)
        seed = {k: v for k, v in (view or {}).items() if v is not None}
        seed.setdefault("language", language().lang)  # the process's language (`--lang`), as the translator's
        seed.setdefault("naming", language().naming)
        if ui_scale(size) < LEGEND_MIN_SCALE:  # the inset, like the legend, cannot be read in a thumbnail
            seed["layers"] = frozenset(seed.get("layers", LAYERS)) - {"inset"}
        start, end = scenario.campaign_start, scenario.campaign_end
        if not start <= at <= end:
            seed["span"] = "wide"
        self.state = ViewState(scenario, battlefield_camera(scenario), instant=at, **seed)
        self.map = MapView(scenario, MotionModel(scenario.units, scenario.chapters), self.state)
        self.map.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.map.layer("furniture").legend_on_map = self.scale >= LEGEND_MIN_SCALE
        self.map.set_scale(self.scale)
        self.map.resize(size[0], size[1] - self.band)
        # Laid out but never painted on screen: frames are rendered (`paint`, `image`), and a paint would cost a
        # frame and start Qt's thread pool, after which a video export could not fork its second half.
        self.map.setUpdatesEnabled(False)
        self.map.show()
        self.app.processEvents()
        self.state.camera = self.state.bounds.home
        self.map.view.setRange(
            xRange=(self.state.camera.x0, self.state.camera.x1), yRange=(self.state.camera.y0, self.state.camera.y1), padding=0
        )
        self.precision = "day"
        self._static: tuple[tuple, QtGui.QImage] | None = None

    def __enter__(self) -> MapFrame:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.map.close()
        self.map.deleteLater()
        self.app.processEvents()

    # --- what the frame shows ---------------------------------------------------------------
    def show(self, at: datetime, precision: str = "day", keep_names: bool = False) -> None:
        """Move the frame to `at`; the caption gives the date to `precision` (an event's own, or "day"). With
        `keep_names`, the names keep their last spots beside their marks (a video's frame between placements)."""
        self.map.ctx.keep_names = keep_names
        if not self.state.timeline.start <= at <= self.state.timeline.end:
            self.state.span = "wide"
        self.state.instant = at
        self.precision = precision

    def caption(self) -> tuple[str, str]:
        """(date, title): the date at the precision the data has, and the title of the step on screen."""
        s, lang = self.state, self.state.language
        event = s.current_event
        at, precision = s.instant, self.precision
        if event is not None and event.at == at:
            precision = event.precision  # never finer than the data: a day-only event shows no "12:00"
        title = tr(event.title, lang) if event is not None else self.scenario.display_title(lang, s.naming)
        return format_date(at, precision, lang), title

    # --- drawing ----------------------------------------------------------------------------
    STATIC = ("base",)  # layers whose picture depends only on the camera, layers, language and naming

    def _static_key(self) -> tuple:
        s = self.state
        return (s.camera, s.layers, s.language, s.naming)

    def _background(self, fmt: QtGui.QImage.Format) -> QtGui.QImage:
        """Paper and the static layers, drawn once per camera, layers and language: a video's frames copy it
        and draw only what moves (the base map's hundreds of paths cost more than everything else)."""
        key = (self._static_key(), fmt)
        if self._static is None or self._static[0] != key:
            image = QtGui.QImage(self.size[0], self.size[1] - self.band, fmt)
            image.fill(colour(PAPER))
            moving = [layer for layer in self.map.layers if layer.name not in self.STATIC and layer.isVisible()]
            for layer in moving:
                layer.setVisible(False)
            try:
                p = _painter(image)
                self._render_map(p)
                p.end()
            finally:
                for layer in moving:
                    layer.setVisible(True)
            self._static = key, image
        return self._static[1]

    def _render_map(self, p: QtGui.QPainter) -> None:
        w, h = self.size
        self.map.graphics.render(p, QtCore.QRectF(0, 0, w, h - self.band), self.map.graphics.viewport().rect())

    def paint(self, p: QtGui.QPainter) -> None:
        """Draw the map and its caption band into (0, 0, width, height) of `p`'s device (every layer drawn
        afresh, without the item caches, which would turn the base map into one bitmap in an SVG or PDF)."""
        cached = [(layer, layer.cacheMode()) for layer in self.map.layers]
        for layer, _mode in cached:
            layer.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.NoCache)
        try:
            self._render_map(p)
        finally:
            for layer, mode in cached:
                layer.setCacheMode(mode)
        self._paint_caption(p, QtCore.QRectF(0, self.size[1] - self.band, self.size[0], self.band))

    def paint_vectors(self, device: QtGui.QPaintDevice) -> None:
        """Draw the frame on a vector device (an SVG) with every cached pixmap of the map — labels, symbols,
        uncertainty discs, the inset — replaced by the drawing it was made from (see `VectorPainter`)."""
        from .map import pixmaps
        from .symbols import symbol_pixmap

        caches = (pixmaps.halo_pixmap, pixmaps.label_pixmap, symbol_pixmap)
        for cache in caches:
            cache.cache_clear()  # made afresh, recorded
        for layer in self.map.layers:
            if hasattr(layer, "_cache"):
                layer._cache = None  # the inset's and the legend's pictures, too
        pixmaps.RECORDED = {}
        try:
            p = VectorPainter(device, pixmaps.RECORDED)
            p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            self.paint(p)
            if not p.end():
                raise OSError("could not write the picture")
        finally:
            pixmaps.RECORDED = None
            for cache in caches:
                cache.cache_clear()  # the recorded ones are not for the screen
            for layer in self.map.layers:
                if hasattr(layer, "_cache"):
                    layer._cache = None

    def _paint_caption(self, p: QtGui.QPainter, band: QtCore.QRectF) -> None:
        date, title = self.caption()
        p.save()
        p.fillRect(band, colour(CAPTION_BG))
        pad = max(6.0, 22 * self.scale)
        inner = band.adjusted(pad, 0, -pad, 0)
        size = max(11.0, 30 * self.scale)
        date_font, title_font = font(size, bold=True), font(size)
        p.setFont(date_font)
        date_w = QtGui.QFontMetricsF(date_font).horizontalAdvance(date)
        p.setPen(colour(CAPTION_MUTED))
        flags = QtCore.Qt.AlignmentFlag.AlignVCenter | QtCore.Qt.AlignmentFlag.AlignLeft
        p.drawText(inner, flags, date)
        p.setFont(title_font)
        p.setPen(colour(CAPTION_FG))
        rest = inner.adjusted(date_w + pad, 0, 0, 0)
        elided = QtGui.QFontMetricsF(title_font).elidedText(title, QtCore.Qt.TextElideMode.ElideRight, rest.width())
        p.drawText(rest, flags, elided)
        p.restore()

    def image(self, fmt: QtGui.QImage.Format = QtGui.QImage.Format.Format_RGB32) -> QtGui.QImage:
        """The frame as a picture (RGB32 by default: what the video encoder takes without conversion). The
        static layers come from a cached background; only what moves is drawn."""
        background = self._background(fmt)
        image = QtGui.QImage(self.size[0], self.size[1], fmt)
        p = _painter(image)
        p.drawImage(0, 0, background)
        static = [layer for layer in self.map.layers if layer.name in self.STATIC]
        for layer in static:
            layer.setOpacity(0.0)  # not drawn again, yet still shown: its names and legend rows are asked for
        self.map.graphics.setBackground(None)
        try:
            self._render_map(p)
        finally:
            self.map.graphics.setBackground(PAPER)
            for layer in static:
                layer.setOpacity(1.0)
        self._paint_caption(p, QtCore.QRectF(0, self.size[1] - self.band, self.size[0], self.band))
        p.end()
        return image


class VectorPainter(TextAsPaths):
    """A painter for vector devices that draws, in place of a pixmap the map drew from a recorded picture, the
    picture itself (scaled to where the pixmap would go), and text as outlines (text_paths). The map's layers
    receive this very object in `paint`, so they need not know they are being exported."""

    def __init__(self, device: QtGui.QPaintDevice, pictures: dict[int, QtGui.QPicture]) -> None:
        super().__init__(device)
        self.pictures = pictures

    def drawPixmap(self, *args) -> None:
        picture = self._picture(args)
        if picture is None:
            super().drawPixmap(*args)
            return
        pm, target, source = picture
        self.save()
        if isinstance(target, QtCore.QRectF) and source is not None:  # a part of the pixmap, scaled into `target`
            dpr = pm.devicePixelRatio()
            self.setClipRect(target, QtCore.Qt.ClipOperation.IntersectClip)
            self.translate(target.topLeft())
            self.scale(target.width() * dpr / source.width(), target.height() * dpr / source.height())
            self.translate(-source.left() / dpr, -source.top() / dpr)
        else:
            self.translate(QtCore.QPointF(target))
        self.pictures[pm.cacheKey()].play(self)  # as recorded: no rescaling by the devices' resolutions
        self.restore()

    def _picture(self, args: tuple) -> tuple[QtGui.QPixmap, QtCore.QPointF | QtCore.QRectF, QtCore.QRectF | None] | None:
        """(pixmap, where, part) if the call draws a recorded pixmap — whole at a point, as the layers do, or a part
        of it into a rectangle, as the legend's swatches do; else None."""
        if len(args) == 2 and isinstance(args[0], QtCore.QPointF | QtCore.QPoint):
            at, pm, source = QtCore.QPointF(args[0]), args[1], None
        elif len(args) == 3 and isinstance(args[0], QtCore.QRectF) and isinstance(args[2], QtCore.QRectF):
            at, pm, source = args
        else:
            return None
        if isinstance(pm, QtGui.QPixmap) and pm.cacheKey() in self.pictures:
            return pm, at, source
        return None


def _painter(device: QtGui.QPaintDevice) -> QtGui.QPainter:
    p = QtGui.QPainter(device)
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
    return p


def widgets_shown() -> list[QtWidgets.QWidget]:
    """Top-level widgets really on a screen (a frame's own widget never is): what a test of "no window" reads."""
    return [
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if w.isVisible() and not w.testAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
    ]
