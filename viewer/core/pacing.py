"""The instants of a video's frames: calendar time runs evenly between events and holds at each event long
enough to read its caption, as playback does (pure, so it is tested without Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

HOLD_S = 1.2  # seconds of video an event's frame is held
HOLD_SHARE = 0.5  # at most this share of a video is holds


def paced_instants(start: datetime, end: datetime, events: Sequence[datetime], fps: int, frames: int) -> list[datetime]:
    """`frames` instants from `start` to `end`, holding at every event instant strictly inside the span."""
    inside = sorted({at for at in events if start < at <= end})
    hold = min(round(HOLD_S * fps), int(HOLD_SHARE * frames / len(inside))) if inside else 0
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
