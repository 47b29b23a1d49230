"""The timeline: chapter bands, event ticks and a draggable cursor. Clicks jump; drags scrub."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.dates import format_date, format_month, period_end
from ..core.language import tr
from ..core.model import Chapter, Event
from ..core.timeline import Timeline
from ..core.view_state import ViewState
from .map.pixmaps import without_engine
from .style import INK, colour, font


class TimelineBar(QtWidgets.QWidget):
    """Shows the state's instant on its timeline span, in its language; reports what the user does."""

    sigScrubbed = QtCore.Signal(object)  # datetime, while dragging
    sigEventPicked = QtCore.Signal(object)  # Event
    sigChapterPicked = QtCore.Signal(object)  # Chapter

    def __init__(self, state: ViewState, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.scale = 1.0
        self.touch_target = 0.0  # px a finger needs (a kiosk sets 48): the least size of a band and of a tick's hit zone
        self._dragging = False
        self._press: QtCore.QPointF | None = None
        self.follow_chapter = False  # a talk's bar spans the current step's chapter (presenter.py sets it)
        self._chapter_timelines: dict[str, Timeline] = {}
        self.setMouseTracking(True)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_AcceptTouchEvents)  # a finger swipes like a mouse drag
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self._update_height()
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it paints every pixel: nothing under it
        self._cursor_x: float | None = None  # where the cursor was last asked to be drawn
        state.events.instant.connect(self._instant_changed)
        for field in (state.events.span, state.events.language):
            field.connect(lambda _value: self.update())
        state.events.step.connect(lambda _step: self.update() if self.follow_chapter else None)

    @property
    def timeline(self) -> Timeline:
        """The state's span; in a talk, the span of the chapter the current step belongs to."""
        chapter = self.chapter_shown()
        if chapter is None:
            return self.state.timeline
        if chapter.id not in self._chapter_timelines:
            tl = self.state.timeline
            end = period_end(chapter.end, "day")
            self._chapter_timelines[chapter.id] = Timeline.of(chapter.start, end, tl.events, tl.chapters)
        return self._chapter_timelines[chapter.id]

    def chapter_shown(self) -> Chapter | None:
        if not self.follow_chapter:
            return None
        event = self.state.current_event
        if event is not None:
            return self.state.scenario.chapter(event.chapter)
        return self.state.timeline.chapter_at(self.state.instant)

    @property
    def at(self) -> datetime:
        return self.state.instant

    @property
    def lang(self) -> str:
        return self.state.language

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self._update_height()

    def _update_height(self) -> None:
        self.setFixedHeight(round(118 * self.scale))

    # --- geometry ---------------------------------------------------------------------
    def _track(self) -> QtCore.QRectF:
        m = 20 * self.scale
        return QtCore.QRectF(m, 8 * self.scale, self.width() - 2 * m, self.height() - 16 * self.scale)

    def x_of(self, at: datetime) -> float:
        r = self._track()
        return r.left() + r.width() * self.timeline.fraction(at)

    def instant_at(self, x: float) -> datetime:
        r = self._track()
        f = min(max((x - r.left()) / max(r.width(), 1), 0.0), 1.0)
        return self.timeline.to_instant(round(f * self.timeline.steps))

    def _bands(self) -> tuple[float, float]:
        r = self._track()
        return r.top(), r.top() + max(34 * self.scale, self.touch_target)

    # --- painting ---------------------------------------------------------------------
    def _instant_changed(self, _at: datetime) -> None:
        """Only the cursor moves (each frame of a scrub, a glide or playback): repaint its old and new places,
        not the whole bar. A talk's bar may change its span with the instant: all of it then."""
        if self.follow_chapter:
            self.update()
            return
        x, half = self.x_of(self.at), 16 * self.scale
        for cx in {x} if self._cursor_x is None else {self._cursor_x, x}:
            self.update(QtCore.QRect(math.floor(cx - half), 0, math.ceil(2 * half) + 1, self.height()))
        self._cursor_x = x

    def paintEvent(self, _event) -> None:
        """Bands, ticks and calendar come from a pixmap made once per size and span; the cursor is live."""
        dpr = self.devicePixelRatioF()
        chapter = self.chapter_shown()
        key = (
            self.width(),
            self.height(),
            self.scale,
            self.touch_target,
            dpr,
            self.state.span,
            self.lang,
            chapter.id if chapter else None,
        )
        if getattr(self, "_cache_key", None) != key:
            pm = QtGui.QPixmap(round(self.width() * dpr), round(self.height() * dpr))
            pm.setDevicePixelRatio(dpr)
            self._paint_static(pm)
            self._cache, self._cache_key = without_engine(pm), key
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        p.drawPixmap(0, 0, self._cache)
        r = self._track()
        top, band_bottom = self._bands()
        ticks_top, ticks_bottom = band_bottom + 6 * self.scale, r.bottom() - 24 * self.scale
        x = self._cursor_x = self.x_of(self.at)
        p.setPen(QtGui.QPen(colour("#C0392B"), 3 * self.scale))
        p.drawLine(QtCore.QPointF(x, top - 4), QtCore.QPointF(x, r.bottom()))
        p.setBrush(colour("#C0392B"))
        p.setPen(QtGui.QPen(colour("#FFFFFF"), 2))
        p.drawEllipse(QtCore.QPointF(x, (ticks_top + ticks_bottom) / 2), 11 * self.scale, 11 * self.scale)
        p.end()

    def _paint_static(self, device: QtGui.QPaintDevice) -> None:
        p = QtGui.QPainter(device)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        r = self._track()
        top, band_bottom = self._bands()
        p.fillRect(self.rect(), colour("#F7F3E6"))
        p.setFont(font(14 * self.scale, bold=True))
        fm = QtGui.QFontMetricsF(p.font())
        for ch in self.timeline.chapters:
            if ch.end < self.timeline.start or ch.start > self.timeline.end:
                continue
            x0, x1 = self.x_of(ch.start), self.x_of(ch.end)
            band = QtCore.QRectF(x0, top, max(x1 - x0, 2), band_bottom - top)
            p.fillRect(band, colour(ch.colour, 0.85))
            title = fm.elidedText(tr(ch.title, self.lang), QtCore.Qt.TextElideMode.ElideRight, band.width() - 8)
            if band.width() > 40 * self.scale:
                p.setPen(colour("#FFFFFF"))
                p.drawText(
                    band.adjusted(5, 0, -3, 0), QtCore.Qt.AlignmentFlag.AlignVCenter | QtCore.Qt.AlignmentFlag.AlignLeft, title
                )
        ticks_top, ticks_bottom = band_bottom + 6 * self.scale, r.bottom() - 24 * self.scale
        for ev in self.timeline.visible_events():
            x = self.x_of(ev.at)
            pen = QtGui.QPen(colour(INK, 0.9 if ev.key else 0.55), (3.0 if ev.key else 1.6) * self.scale)
            p.setPen(pen)
            p.drawLine(QtCore.QPointF(x, ticks_top + (0 if ev.key else 8 * self.scale)), QtCore.QPointF(x, ticks_bottom))
        self._paint_calendar(p, ticks_bottom)
        p.end()

    def _paint_calendar(self, p: QtGui.QPainter, y: float) -> None:
        """Month (or year) marks under the ticks, whichever fits the span."""
        start, end = self.timeline.start, self.timeline.end
        p.setFont(font(14 * self.scale))
        p.setPen(colour(INK, 0.8))
        if (end - start).days <= 16:  # a chapter of a few days: its days
            cur = datetime(start.year, start.month, start.day) + timedelta(days=1 if start.hour else 0)
            while cur <= end:
                x = self.x_of(cur)
                p.drawLine(QtCore.QPointF(x, y), QtCore.QPointF(x, y + 6 * self.scale))
                label = format_date(cur, "day", self.lang) if (end - start).days <= 7 else str(cur.day)
                p.drawText(QtCore.QPointF(x + 3, y + 20 * self.scale), label)
                cur += timedelta(days=1)
            return
        years = end.year - start.year > 2
        cur = datetime(start.year + (1 if years else 0), 1 if years else start.month, 1)
        if not years and cur < start:
            cur = _next_month(cur)
        while cur <= end:
            x = self.x_of(cur)
            p.drawLine(QtCore.QPointF(x, y), QtCore.QPointF(x, y + 6 * self.scale))
            label = str(cur.year) if years else format_month(cur.year, cur.month, self.lang)
            p.drawText(QtCore.QPointF(x + 3, y + 20 * self.scale), label)
            cur = datetime(cur.year + 1, 1, 1) if years else _next_month(cur)

    # --- input -------------------------------------------------------------------------
    def _event_near(self, x: float) -> Event | None:
        best = min(self.timeline.visible_events(), key=lambda e: abs(self.x_of(e.at) - x), default=None)
        reach = max(9 * self.scale, self.touch_target / 2)
        return best if best is not None and abs(self.x_of(best.at) - x) <= reach else None

    def _chapter_at(self, pos: QtCore.QPointF) -> Chapter | None:
        top, bottom = self._bands()
        if not top <= pos.y() <= bottom:
            return None
        at = self.instant_at(pos.x())
        return self.timeline.chapter_at(at)

    def mousePressEvent(self, ev: QtGui.QMouseEvent) -> None:
        if ev.button() == QtCore.Qt.MouseButton.LeftButton:
            self._pressed(ev.position())

    def mouseMoveEvent(self, ev: QtGui.QMouseEvent) -> None:
        self._moved(ev.position())

    def mouseReleaseEvent(self, ev: QtGui.QMouseEvent) -> None:
        self._released(ev.position())

    def event(self, ev: QtCore.QEvent) -> bool:
        kind = ev.type()
        if kind in (QtCore.QEvent.Type.TouchBegin, QtCore.QEvent.Type.TouchUpdate, QtCore.QEvent.Type.TouchEnd):
            points = ev.points()
            if points:
                pos = points[0].position()
                {
                    QtCore.QEvent.Type.TouchBegin: self._pressed,
                    QtCore.QEvent.Type.TouchUpdate: self._moved,
                    QtCore.QEvent.Type.TouchEnd: self._released,
                }[kind](pos)
            ev.accept()
            return True
        return super().event(ev)

    def _pressed(self, pos: QtCore.QPointF) -> None:
        self._press = pos
        self._dragging = abs(pos.x() - self.x_of(self.at)) <= 16 * self.scale  # grabbed the cursor

    def _moved(self, pos: QtCore.QPointF) -> None:
        if self._press is None:
            return
        if not self._dragging and abs(pos.x() - self._press.x()) > 6:
            self._dragging = True
        if self._dragging:
            self.sigScrubbed.emit(self.instant_at(pos.x()))

    def _released(self, pos: QtCore.QPointF) -> None:
        if self._press is None:
            return
        self._press = None
        if self._dragging:
            self._dragging = False
            self.sigScrubbed.emit(self.instant_at(pos.x()))
            return
        chapter = self._chapter_at(pos)
        event = self._event_near(pos.x())
        if chapter is not None:
            self.sigChapterPicked.emit(chapter)
        elif event is not None:
            self.sigEventPicked.emit(event)
        else:
            self.sigScrubbed.emit(self.instant_at(pos.x()))


def _next_month(d: datetime) -> datetime:
    return datetime(d.year + d.month // 12, d.month % 12 + 1, 1)
