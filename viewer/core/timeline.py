"""The campaign clock: instants <-> slider positions, events near an instant, chapters.

A slider has integer positions; one position is one minute, so every timed event has its own stop.
The timeline's span is chosen by the caller (the campaign by default, or 1931–1945 to reach the
background and aftermath) so the campaign is never squeezed into a sliver.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .model import Chapter, Event

MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Timeline:
    start: datetime
    end: datetime
    events: tuple[Event, ...]
    chapters: tuple[Chapter, ...]

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("a timeline must end after it starts")

    @classmethod
    def of(cls, start: datetime, end: datetime, events: Sequence[Event], chapters: Sequence[Chapter]) -> Timeline:
        return cls(start, end, tuple(sorted(events, key=lambda e: e.at)), tuple(chapters))

    # --- slider mapping -----------------------------------------------------------------
    @property
    def steps(self) -> int:
        """The slider's maximum position (minutes from start to end)."""
        return int((self.end - self.start) / MINUTE)

    def clamp(self, at: datetime) -> datetime:
        return min(max(at, self.start), self.end)

    def to_position(self, at: datetime) -> int:
        return int((self.clamp(at) - self.start) / MINUTE)

    def to_instant(self, position: int | float) -> datetime:
        return self.start + MINUTE * int(min(max(position, 0), self.steps))

    def fraction(self, at: datetime) -> float:
        """0 at the start, 1 at the end (for drawing ticks and bands)."""
        return (self.clamp(at) - self.start) / (self.end - self.start)

    # --- events -------------------------------------------------------------------------
    def visible_events(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if self.start <= e.at <= self.end)

    # --- chapters -----------------------------------------------------------------------
    def chapter_at(self, at: datetime) -> Chapter | None:
        return next((c for c in self.chapters if c.start <= at <= c.end), None)
