"""A story: the ordered steps of a talk or a tour, each an event, and where an instant falls in it.

The desktop's story is every event in time order; a kiosk tour starts at a chosen chapter and wraps
around, so a story's order is its own and need not be chronological.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .model import Event, Scenario


@dataclass(frozen=True)
class Story:
    steps: tuple[Event, ...]

    @classmethod
    def chronological(cls, events: Iterable[Event]) -> Story:
        return cls(tuple(sorted(events, key=lambda e: e.at)))

    @classmethod
    def tour(cls, scenario: Scenario, start_chapter: str, start: datetime, end: datetime) -> Story:
        """The chapters from `start_chapter` on, wrapping round, with their events between `start` and `end`."""
        ids = [c.id for c in scenario.chapters]
        first = ids.index(start_chapter) if start_chapter in ids else 0
        order = ids[first:] + ids[:first]
        return cls(
            tuple(
                e
                for cid in order
                for e in sorted(scenario.events, key=lambda e: e.at)
                if e.chapter == cid and start <= e.at <= end
            )
        )

    @property
    def in_time_order(self) -> bool:
        """False for a talk the lecturer reordered: its next step is the next in the list, not the next in time."""
        return all(a.at <= b.at for a, b in zip(self.steps, self.steps[1:], strict=False))

    def __len__(self) -> int:
        return len(self.steps)

    def step_at(self, at: datetime, current: int | None = None) -> int | None:
        """The step whose note belongs on screen at `at`: the latest at or before it. Among steps at the same
        instant the current one is kept, else the last in story order."""
        latest = max((e.at for e in self.steps if e.at <= at), default=None)
        if latest is None:
            return None
        if current is not None and 0 <= current < len(self.steps) and self.steps[current].at == latest:
            return current
        return max(i for i, e in enumerate(self.steps) if e.at == latest)

    def opening(self, start: datetime) -> datetime:
        """Where a new visitor starts: the first step at or after `start` (the campaign's first event). A day-only
        event stands at noon, so at the start's midnight the last step before it (a background event weeks
        earlier) would be on screen under a date bar naming the start's day, and the map would be empty."""
        return min((e.at for e in self.steps if e.at >= start), default=start)

    def index_of(self, event_id: str) -> int | None:
        return next((i for i, e in enumerate(self.steps) if e.id == event_id), None)
