"""The one state of a view: what instant, story step, selection, layers, language and part of the map it
shows. In the spirit of napari's ViewerModel: every window, mode and export reads and writes this object,
and each widget subscribes to the fields it draws (`state.events.instant.connect(...)`) and keeps no copy.

Setting a field checks it, keeps the invariants between fields, and emits that field's signal only when
the value really changed:
- the instant stays inside the timeline span, and the story step follows the instant;
- a new step clears the selected unit and the highlighted place (they belong to the step's moment);
- the camera stays inside its bounds.
`follow_story` says whether stepping moves the camera to the event (the clock does, `story_camera` frames it);
a manual pan or zoom turns it off until the *Follow the story* command turns it on again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .camera import Camera, CameraBounds
from .evented import Signal
from .language import LANGUAGES, NAMINGS
from .model import Event, Scenario
from .story import Story
from .timeline import Timeline

LAYERS = ("disputed", "claims", "border", "fronts", "manoeuvres", "halos", "trails", "inset", "legend")
SPANS = ("campaign", "wide")  # the campaign of 1939, or 1931–1945 with the background and aftermath
SPEEDS_HOURS = (1, 6, 24, 168)  # hours of history per second of playback
PANEL_RANGE = (0.15, 0.5)  # the notes panel's share of the window's width


class ViewEvents:
    """One signal per field of the view state."""

    instant: Signal
    span: Signal
    story: Signal
    step: Signal
    selected_unit: Signal
    hovered_unit: Signal
    highlighted_place: Signal
    layers: Signal
    language: Signal
    naming: Signal
    camera: Signal
    follow_story: Signal
    playing: Signal
    speed: Signal
    panel_fraction: Signal

    def __init__(self) -> None:
        for name in FIELDS:
            setattr(self, name, Signal())


FIELDS = tuple(ViewEvents.__annotations__)


class ViewState:
    """The evented state of one view (see the module docstring)."""

    instant: datetime
    span: str
    story: Story
    step: int | None
    selected_unit: str | None
    hovered_unit: str | None  # under the pointer: its uncertainty is filled, as the selected unit's
    highlighted_place: str | None
    layers: frozenset[str]
    language: str
    naming: str
    camera: Camera
    follow_story: bool  # stepping eases the camera to the event; a manual pan or zoom turns it off
    playing: bool
    speed: int
    panel_fraction: float

    def __init__(self, scenario: Scenario, home: Camera, **values: Any) -> None:
        object.__setattr__(self, "events", ViewEvents())
        object.__setattr__(self, "scenario", scenario)
        object.__setattr__(self, "bounds", CameraBounds(home))
        object.__setattr__(
            self,
            "timelines",
            {
                "campaign": Timeline.of(scenario.campaign_start, scenario.campaign_end, scenario.events, scenario.chapters),
                "wide": Timeline.of(scenario.chapters[0].start, scenario.chapters[-1].end, scenario.events, scenario.chapters),
            },
        )
        self.__dict__.update(self.defaults())
        self.__dict__["step"] = self.story.step_at(self.instant)
        self.update(**values)

    events: ViewEvents
    scenario: Scenario
    bounds: CameraBounds
    timelines: dict[str, Timeline]

    def defaults(self) -> dict[str, Any]:
        """The house defaults: what a new visitor meets, and what `reset` returns to (the step is not among
        them: it follows the instant and the story)."""
        story = Story.chronological(self.scenario.events)
        return dict(
            instant=story.opening(self.scenario.campaign_start),
            span="campaign",
            story=story,
            selected_unit=None,
            hovered_unit=None,
            highlighted_place=None,
            layers=frozenset(LAYERS),
            language="en",
            naming="soviet",
            camera=self.bounds.home,
            follow_story=True,
            playing=False,
            speed=2,
            panel_fraction=0.3,
        )

    # --- setting ----------------------------------------------------------------------------
    def __setattr__(self, name: str, value: Any) -> None:
        if name not in FIELDS:
            raise AttributeError(f"ViewState has no field {name!r}")
        self._set(name, getattr(self, f"_check_{name}", lambda v: v)(value))
        if name == "story":  # the same number may be another event in a new story: derive it afresh
            self._set("step", self.story.step_at(self.instant), force=True)
        elif name == "instant":
            self._set("step", self.story.step_at(self.instant, self.step))
        elif name == "span":
            self.instant = self.instant  # re-clamped into the new span

    def _set(self, name: str, value: Any, force: bool = False) -> None:
        if not force and self.__dict__.get(name) == value and type(self.__dict__.get(name)) is type(value):
            return
        self.__dict__[name] = value
        if name == "step":
            self._set("selected_unit", None)
            self._set("highlighted_place", None)
        getattr(self.events, name).emit(value)

    def update(self, **values: Any) -> None:
        """Set several fields; the span first, so an instant outside the campaign widens nothing by surprise."""
        for name in sorted(values, key=lambda n: n != "span"):
            setattr(self, name, values[name])

    def reset(self, **overrides: Any) -> None:
        """Back to the house defaults (a kiosk's next visitor), with `overrides` taken instead."""
        self.update(**{**self.defaults(), **overrides})

    def _check_instant(self, at: datetime) -> datetime:
        return self.timeline.clamp(at)

    def _check_span(self, span: str) -> str:
        return _one_of(span, SPANS, "span")

    def _check_step(self, step: int | None) -> int | None:
        if step is not None and not 0 <= step < len(self.story):
            raise ValueError(f"step {step} is outside the story (0–{len(self.story) - 1})")
        return step

    def _check_layers(self, layers: frozenset[str] | set[str]) -> frozenset[str]:
        unknown = set(layers) - set(LAYERS)
        if unknown:
            raise ValueError(f"unknown layers {sorted(unknown)}; known: {', '.join(LAYERS)}")
        return frozenset(layers)

    def _check_language(self, lang: str) -> str:
        return _one_of(lang, LANGUAGES, "language")

    def _check_naming(self, naming: str) -> str:
        return _one_of(naming, NAMINGS, "naming")

    def _check_camera(self, camera: Camera) -> Camera:
        return self.bounds.clamp(camera)

    def _check_follow_story(self, follow: bool) -> bool:
        return bool(follow)

    def _check_speed(self, speed: int) -> int:
        return max(0, min(len(SPEEDS_HOURS) - 1, int(speed)))

    def _check_panel_fraction(self, fraction: float) -> float:
        lo, hi = PANEL_RANGE
        return min(max(float(fraction), lo), hi) if fraction == fraction else 0.3

    def _check_selected_unit(self, unit_id: str | None) -> str | None:
        if unit_id is not None and all(u.id != unit_id for u in self.scenario.units):
            raise ValueError(f"unknown unit {unit_id!r}")
        return unit_id

    _check_hovered_unit = _check_selected_unit

    def _check_highlighted_place(self, place_id: str | None) -> str | None:
        if place_id is not None and place_id not in self.scenario.places:
            raise ValueError(f"unknown place {place_id!r}")
        return place_id

    # --- reading ----------------------------------------------------------------------------
    @property
    def timeline(self) -> Timeline:
        return self.timelines[self.span]

    @property
    def current_event(self) -> Event | None:
        return self.story.steps[self.step] if self.step is not None else None

    @property
    def instant_precision(self) -> str:
        """How precisely to show the instant: as precisely as the data has it. Standing on an event, its own
        precision (a day-only date shows no "12:00"); anywhere else (the campaign's start, between events, a
        scrub, a playback) the day: the minute there is only the map's interpolation, no time the data has."""
        event = self.current_event
        if event is not None and event.at == self.instant:
            return event.precision
        return "day"

    def layer_visible(self, name: str) -> bool:
        return name in self.layers

    # --- moves the commands make ------------------------------------------------------------
    def show_step(self, index: int) -> datetime:
        """Make `index` the story's step (widening the timeline if its event lies outside the span); returns
        the instant to move to, so the caller can ease there rather than cut."""
        event = self.story.steps[index]
        if not self.timeline.start <= event.at <= self.timeline.end:
            self.span = "wide"
        self._set("step", self._check_step(index))
        return event.at

    def neighbour_step(self, forward: bool, from_instant: datetime | None = None) -> int | None:
        """The step a clicker's next or previous press goes to, inside the timeline's span. Next is the first
        step after the instant; previous is the current step's own start if the view has moved on from it,
        else the step before. Several steps at one instant are visited in turn. `from_instant` replaces the
        instant while an eased move is still on its way to the current step. A story out of time order (a talk
        the lecturer reordered) is walked in its own order."""
        tl, steps, step = self.timeline, self.story.steps, self.step
        if not self.story.in_time_order:  # a reordered talk goes down its list
            target = (0 if forward else None) if step is None else step + (1 if forward else -1)
            return target if target is not None and 0 <= target < len(steps) else None
        at = self.instant if from_instant is None else from_instant
        if forward:
            if step is not None and step + 1 < len(steps) and steps[step + 1].at == at == steps[step].at:
                return step + 1
            later = [i for i, e in enumerate(steps) if at < e.at <= tl.end]
            return min(later, key=lambda i: (steps[i].at, i), default=None)
        if step is not None and tl.start <= steps[step].at < at:
            return step
        if step is not None and step > 0 and steps[step - 1].at == at == steps[step].at:
            return step - 1
        earlier = [i for i, e in enumerate(steps) if tl.start <= e.at < at]
        return max(earlier, key=lambda i: (steps[i].at, i), default=None)

    def chapter_step(self, chapter_id: str) -> int | None:
        """Where a jump to a chapter lands: its key event, else its first."""
        steps = [i for i, e in enumerate(self.story.steps) if e.chapter == chapter_id]
        return next((i for i in steps if self.story.steps[i].key), steps[0] if steps else None)

    def neighbour_chapter(self, forward: bool) -> str | None:
        """The chapter after (or before) the one the current step belongs to, among those the story visits."""
        ids = [c.id for c in self.scenario.chapters if self.chapter_step(c.id) is not None]
        event = self.current_event
        if event is None:
            return ids[0] if forward and ids else None
        i = ids.index(event.chapter) + (1 if forward else -1) if event.chapter in ids else -1
        return ids[i] if 0 <= i < len(ids) else None

    def ease_instant(self, at: datetime) -> None:
        """One frame of an eased move towards the step already chosen: the step (and the note, the caption,
        the selection) stays the destination's while the map glides there."""
        self.__dict__["instant"] = self._check_instant(at)
        self.events.instant.emit(self.instant)

    def toggle_layer(self, name: str, visible: bool) -> None:
        self.layers = self.layers | {name} if visible else self.layers - {name}


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {what} {value!r}; one of {', '.join(allowed)}")
    return value
