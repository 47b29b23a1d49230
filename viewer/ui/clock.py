"""Playback and eased moves: the Qt timers that change the view state's instant and camera over time.

The clock owns no state of its own: it reads and writes `ViewState`. Playing is a field of the state
(the play command sets it; the clock's timer follows it), and an eased move is a short animation whose
frames are state writes. Anyone else moving the instant — a scrub, a click — stops an eased move.

Stepping to an event also glides the camera to the event's frame (`framing`, from `core.story_camera`) while
the view state's `follow_story` is on. Playback runs in story time (`core.pacing`): it holds at each event
long enough to read its title and crosses long quiet gaps quickly.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from pyqtgraph.Qt import QtCore

from ..core.camera import Camera
from ..core.model import Event
from ..core.pacing import Playhead
from ..core.view_state import SPEEDS_HOURS, ViewState

JUMP_MS = 450
CAMERA_MS = 600


def speed(state: ViewState) -> timedelta:
    """History per second of playback."""
    return timedelta(hours=SPEEDS_HOURS[state.speed])


class Clock(QtCore.QObject):
    sigSettled = QtCore.Signal()  # an eased move (instant or camera) has arrived: what follows the map may settle too

    def __init__(self, state: ViewState, parent: QtCore.QObject | None = None):
        super().__init__(parent)
        self.state = state
        self._timer = QtCore.QTimer(self)
        self._timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self._tick)
        self._last_tick = 0.0
        self._instant_anim = self._animation(JUMP_MS, self._ease_instant_frame)
        self._camera_anim = self._animation(CAMERA_MS, self._ease_camera_frame)
        self._from = self._to = state.instant
        self._cam_from = self._cam_to = state.camera
        self._writing = self._writing_camera = False
        self.framing: Callable[[Event], Camera] | None = None  # the window sets it: where an event is on the map
        self.playhead = Playhead()
        state.events.playing.connect(self._follow_playing)
        state.events.instant.connect(self._instant_changed)
        state.events.camera.connect(self._camera_changed)

    def _animation(self, ms: int, frame) -> QtCore.QVariantAnimation:
        anim = QtCore.QVariantAnimation(self)
        anim.setDuration(ms)
        anim.setEasingCurve(QtCore.QEasingCurve.Type.InOutCubic)
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.valueChanged.connect(frame)
        anim.finished.connect(self.sigSettled)
        return anim

    @property
    def easing(self) -> bool:
        return self._instant_anim.state() == QtCore.QAbstractAnimation.State.Running

    @property
    def moving(self) -> bool:
        """An eased move of the instant or the camera is under way."""
        return self.easing or self._camera_anim.state() == QtCore.QAbstractAnimation.State.Running

    # --- eased moves ------------------------------------------------------------------
    def go_to_step(self, index: int) -> None:
        """Make `index` the story's step at once (note, caption, selection) and glide the map there."""
        self.state.playing = False
        self.ease_instant(self.state.show_step(index))
        self.follow_story()

    def follow_story(self) -> None:
        """Glide the camera to the current event's frame, if the view follows the story."""
        event = self.state.current_event
        if self.state.follow_story and event is not None and self.framing is not None:
            self.ease_camera(self.framing(event))

    def ease_instant(self, at: datetime) -> None:
        self.state.playing = False
        target = self.state.timeline.clamp(at)
        self._instant_anim.stop()
        if target == self.state.instant:
            return
        self._from, self._to = self.state.instant, target
        self._instant_anim.start()

    def _ease_instant_frame(self, value: object) -> None:
        f = float(value)  # type: ignore[arg-type]  # QVariantAnimation hands over a float
        at = (self._from + (self._to - self._from) * f).replace(second=0, microsecond=0)
        self._writing = True
        try:
            if f >= 1.0:
                self.state.instant = self._to  # the last frame lands exactly, and the step settles
            else:
                self.state.ease_instant(at)
        finally:
            self._writing = False

    def ease_camera(self, camera: Camera) -> None:
        """Glide the map to `camera` (the kiosk's return to its attract view), not a jump cut."""
        self._camera_anim.stop()
        self._cam_from, self._cam_to = self.state.camera, camera
        self._camera_anim.start()

    def _ease_camera_frame(self, value: object) -> None:
        self._writing_camera = True
        try:
            self.state.camera = self._cam_from.blend(self._cam_to, float(value))  # type: ignore[arg-type]
        finally:
            self._writing_camera = False

    def stop_camera(self) -> None:
        self._camera_anim.stop()

    def _camera_changed(self, _camera: Camera) -> None:
        if not self._writing_camera:
            self._camera_anim.stop()  # a pinch or a zoom key takes over from a glide

    def _instant_changed(self, _at: datetime) -> None:
        if not self._writing:
            self._instant_anim.stop()  # a scrub or a click takes over from a glide

    # --- stepping ---------------------------------------------------------------------
    def step(self, forward: bool) -> None:
        """Next or previous step; repeated presses chain from where the last one is going."""
        index = self.state.neighbour_step(forward, from_instant=self._to if self.easing else None)
        if index is not None:
            self.go_to_step(index)

    # --- playback ---------------------------------------------------------------------
    def _follow_playing(self, playing: bool) -> None:
        if playing:
            self._instant_anim.stop()
            self.playhead = Playhead()
            if self.state.instant >= self.state.timeline.end:
                self.state.instant = self.state.timeline.start
            self._last_tick = time.perf_counter()
            self._timer.start()
        else:
            self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        elapsed, self._last_tick = now - self._last_tick, now
        self.advance(elapsed)

    def advance(self, seconds: float) -> None:
        """Play `seconds` of wall time in story time (held at events, quick across quiet gaps); playback stops
        at the end of the timeline. The camera stays where it is: a glide at every event of a playback would
        keep the whole map moving (stepping is what frames an event)."""
        s = self.state
        end = s.timeline.end
        s.instant = self.playhead.advance(s.instant, seconds, speed(s), s.story.steps, end, s.speed, s.language)
        if s.instant >= end:
            s.playing = False
