"""Playback and video in story time: the clock runs at the chosen calendar speed between events, crosses long quiet
gaps in at most MAX_TRAVEL_S, and stops at each event long enough to read its title before going on.

Pure, so the pacing is tested without a clock: `Playhead` is the small state of one playback (where it is
held and for how long); the Qt clock feeds it wall-clock seconds. A video's frames (`paced_instants`) hold at events the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .language import tr
from .model import Event

MAX_TRAVEL_S = 4.0  # the longest stretch of playback between two events, however far apart they are
HOLD_MIN_S, HOLD_MAX_S = 2.5, 6.0
READ_CHARS_PER_S = 15.0  # a title read aloud in the head, slowly, from across a room
HOLD_SCALE = (1.0, 1.0, 0.75, 0.5)  # per speed setting: a faster playback holds shorter


def hold_seconds(titles: Sequence[str], speed_index: int = 0) -> float:
    """How long playback holds at an event with these titles (several events at one instant add up)."""
    reading = 1.0 + sum(len(t) for t in titles) / READ_CHARS_PER_S
    scale = HOLD_SCALE[min(max(speed_index, 0), len(HOLD_SCALE) - 1)]
    return min(max(reading, HOLD_MIN_S), HOLD_MAX_S) * scale


def travel_rate(calendar_rate: timedelta, gap: timedelta) -> timedelta:
    """History per second of playback across a gap between two events: the chosen rate, or faster where the
    gap would take longer than MAX_TRAVEL_S."""
    return max(calendar_rate, gap / MAX_TRAVEL_S)


@dataclass
class Playhead:
    """Where playback holds, and for how many more seconds of wall time."""

    held_at: datetime | None = None
    hold_left: float = 0.0

    def advance(
        self,
        at: datetime,
        seconds: float,
        calendar_rate: timedelta,
        stops: Sequence[Event],
        end: datetime,
        speed_index: int = 0,
        lang: str = "en",
    ) -> datetime:
        """The instant after `seconds` of playback from `at`: held at an event until its titles are read, then on
        towards the next stop (the next event's instant), never past it or `end`."""
        if self.held_at == at and self.hold_left > 0:
            self.hold_left -= seconds
            if self.hold_left > 0:
                return at
            seconds = -self.hold_left
        later = [e.at for e in stops if at < e.at <= end]
        nxt = min(later, default=end)
        earlier = [e.at for e in stops if e.at <= at]
        gap = nxt - max(earlier, default=at)
        new = min(at + travel_rate(calendar_rate, gap) * seconds, nxt)
        if new == nxt and later:
            self.held_at = new
            self.hold_left = hold_seconds([tr(e.title, lang) for e in stops if e.at == new], speed_index)
        return new


VIDEO_HOLD_S = 1.2  # seconds of video an event's frame is held
HOLD_SHARE = 0.5  # at most this share of a video is holds


def paced_instants(start: datetime, end: datetime, events: Sequence[datetime], fps: int, frames: int) -> list[datetime]:
    """`frames` instants from `start` to `end`, holding at every event instant strictly inside the span."""
    inside = sorted({at for at in events if start < at <= end})
    hold = min(round(VIDEO_HOLD_S * fps), int(HOLD_SHARE * frames / len(inside))) if inside else 0
    moving = max(2, frames - hold * len(inside))
    span = end - start
    out: list[datetime] = []
    pending = list(inside)
    for j in range(moving):
        at = start + span * (j / (moving - 1))
        while pending and pending[0] <= at:
            out.extend([pending.pop(0)] * hold)
        out.append(at)
    return out[:frames] if len(out) >= frames else out + [end] * (frames - len(out))
