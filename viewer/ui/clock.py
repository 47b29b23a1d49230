"""The one instant that the map, timeline and notes all show, with playback and eased jumps."""
from __future__ import annotations

import time
from datetime import datetime, timedelta

from pyqtgraph.Qt import QtCore

from ..core.timeline import Timeline

SPEEDS = (timedelta(hours=1), timedelta(hours=6), timedelta(days=1), timedelta(days=7))  # history per second
JUMP_MS = 450


class Clock(QtCore.QObject):
    """Owns the current instant. Views listen to `sigInstantChanged` and never keep their own copy."""

    sigInstantChanged = QtCore.Signal(object)  # datetime
    sigPlayingChanged = QtCore.Signal(bool)
    sigTimelineChanged = QtCore.Signal(object)  # Timeline

    def __init__(self, timeline: Timeline, at: datetime | None = None, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.timeline = timeline
        self._at = timeline.clamp(at or timeline.start)
        self.speed_index = 2
        self._timer = QtCore.QTimer(self)
        self._timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self._tick)
        self._last_tick = 0.0
        self._anim = QtCore.QVariantAnimation(self)
        self._anim.setDuration(JUMP_MS)
        self._anim.setEasingCurve(QtCore.QEasingCurve.Type.InOutCubic)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.valueChanged.connect(self._animate)
        self._from = self._to = self._at

    @property
    def at(self) -> datetime:
        return self._at

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> timedelta:
        return SPEEDS[self.speed_index]

    def set_instant(self, at: datetime) -> None:
        """Jump at once (used while dragging and by playback)."""
        self._anim.stop()
        at = self.timeline.clamp(at)
        if at != self._at:
            self._at = at
            self.sigInstantChanged.emit(at)

    def go_to(self, at: datetime, animate: bool = True) -> None:
        """Move to an instant with an eased animation, as a step or a chapter jump does."""
        self.pause()
        target = self.timeline.clamp(at)
        if not animate or target == self._at:
            self.set_instant(target)
            return
        self._anim.stop()
        self._from, self._to = self._at, target
        self._anim.start()

    def _animate(self, value: float) -> None:
        at = self._from + (self._to - self._from) * float(value)
        at = at.replace(second=0, microsecond=0)
        if at != self._at:
            self._at = at
            self.sigInstantChanged.emit(at)

    def set_timeline(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.sigTimelineChanged.emit(timeline)
        self.set_instant(timeline.clamp(self._at))

    # --- stepping ---------------------------------------------------------------------
    def step(self, forward: bool) -> None:
        """Go to the next or previous event; repeated presses chain from where the last one lands."""
        animating = self._anim.state() == QtCore.QAbstractAnimation.State.Running
        base = self._to if animating else self._at
        target = self.timeline.next_event(base) if forward else self.timeline.previous_event(base)
        if target is not None:
            self.go_to(target.at)

    def home(self) -> None:
        self.go_to(self.timeline.start)

    def end(self) -> None:
        self.go_to(self.timeline.end)

    # --- playback ---------------------------------------------------------------------
    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def play(self) -> None:
        self._anim.stop()
        if self._at >= self.timeline.end:
            self.set_instant(self.timeline.start)
        self._last_tick = time.perf_counter()
        self._timer.start()
        self.sigPlayingChanged.emit(True)

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.sigPlayingChanged.emit(False)

    def set_speed(self, index: int) -> None:
        self.speed_index = max(0, min(len(SPEEDS) - 1, index))

    def _tick(self) -> None:
        now = time.perf_counter()
        elapsed, self._last_tick = now - self._last_tick, now
        self._advance(elapsed)

    def _advance(self, seconds: float) -> None:
        at = self._at + self.speed * seconds
        if at >= self.timeline.end:
            self.set_instant(self.timeline.end)
            self.pause()
        else:
            self._at = at
            self.sigInstantChanged.emit(at)
