"""The view state, without Qt: invariants between its fields, signals, stepping, the camera's bounds."""

from __future__ import annotations

from datetime import datetime

import pytest

from viewer.core.camera import MAX_ZOOM_OUT, MIN_SPAN_KM, Camera
from viewer.core.story import Story
from viewer.core.view_state import FIELDS, LAYERS, ViewState

HOME = Camera(-30.0, 30.0, -20.0, 20.0)


@pytest.fixture
def state(scenario) -> ViewState:
    return ViewState(scenario, HOME)


def record(state: ViewState, *names: str) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    for name in names:
        getattr(state.events, name).connect(lambda value, n=name: seen.append((n, value)))
    return seen


def test_every_field_has_a_signal_and_a_default(state):
    fields = {n for n, t in ViewState.__annotations__.items() if n not in ("events", "scenario", "bounds", "timelines")}
    assert set(FIELDS) == fields
    assert set(state.defaults()) | {"step"} == fields  # the step is derived, never a default
    assert all(isinstance(getattr(state.events, name), type(state.events.instant)) for name in FIELDS)


def test_a_new_story_announces_its_step_even_with_the_same_number(state, scenario):
    state.instant = scenario.event("first-clash").at
    seen = record(state, "step")
    tour = Story.tour(scenario, "may-june", scenario.campaign_start, scenario.campaign_end)
    state.story = tour
    assert seen and state.current_event.id == "first-clash"
    state.reset(story=tour)
    assert state.step == tour.step_at(state.instant)


def test_the_step_follows_the_instant_and_a_new_step_clears_selection_and_highlight(state, scenario):
    state.instant = scenario.event("first-clash").at
    assert state.current_event.id == "first-clash"
    state.selected_unit = scenario.units[0].id
    state.highlighted_place = next(iter(scenario.places))
    state.instant = scenario.event("first-clash").at.replace(minute=30)  # same step: both stay
    assert state.selected_unit and state.highlighted_place
    seen = record(state, "step", "selected_unit", "highlighted_place")
    state.instant = datetime(1939, 8, 26)
    assert state.current_event.chapter == "august"
    assert state.selected_unit is None and state.highlighted_place is None
    assert [name for name, _ in seen] == ["selected_unit", "highlighted_place", "step"]


def test_signals_fire_only_on_real_changes(state):
    seen = record(state, "language", "layers", "instant")
    state.language = "en"
    state.layers = frozenset(LAYERS)
    state.instant = state.instant
    assert seen == []
    state.language = "ja"
    state.toggle_layer("halos", False)
    assert seen == [("language", "ja"), ("layers", frozenset(LAYERS) - {"halos"})]


def test_the_instant_stays_in_the_span(state, scenario):
    state.instant = datetime(1931, 9, 18)
    assert state.instant == scenario.campaign_start
    state.span = "wide"
    state.instant = datetime(1931, 9, 18)
    state.span = "campaign"
    assert state.instant == scenario.campaign_start


def test_bad_values_are_refused(state):
    for field, value in (
        ("language", "de"),
        ("naming", "chinese"),
        ("layers", {"roads"}),
        ("span", "1939"),
        ("selected_unit", "no-such-unit"),
        ("highlighted_place", "atlantis"),
        ("step", 10_000),
    ):
        with pytest.raises(ValueError):
            setattr(state, field, value)
    with pytest.raises(AttributeError):
        state.zoom = 3  # type: ignore[attr-defined]


def test_stepping_visits_the_campaign_events_in_order_and_back(state, scenario):
    state.instant = scenario.campaign_start
    campaign = sorted(
        (e for e in scenario.events if scenario.campaign_start <= e.at <= scenario.campaign_end), key=lambda e: e.at
    )
    visited = []
    while (i := state.neighbour_step(True)) is not None:
        state.instant = state.show_step(i)
        visited.append(state.current_event.id)
    assert visited == [e.id for e in campaign]
    state.instant = datetime(1939, 8, 26, 3)  # between two events: back goes to the start of the current one
    current = state.current_event
    assert state.neighbour_step(False) == state.step
    state.instant = current.at
    assert state.story.steps[state.neighbour_step(False)].at < current.at


def test_a_step_outside_the_span_widens_the_timeline(state, scenario):
    at = state.show_step(0)  # the background, 1931
    assert state.span == "wide"
    state.instant = at
    assert state.current_event.id == state.story.steps[0].id


def test_chapters(state, scenario):
    index = state.chapter_step("august")
    assert state.story.steps[index].chapter == "august" and state.story.steps[index].key
    state.instant = state.show_step(index)
    assert state.neighbour_chapter(False) != "august"
    assert state.neighbour_chapter(True) == scenario.chapters[[c.id for c in scenario.chapters].index("august") + 1].id


def test_zoom_and_pan_are_bounded(state):
    for _ in range(60):
        state.camera = state.camera.zoomed(1.25)
    assert min(state.camera.size) == pytest.approx(MIN_SPAN_KM)
    for _ in range(60):
        state.camera = state.camera.zoomed(0.8)
    assert state.camera.size[0] == pytest.approx(MAX_ZOOM_OUT * HOME.size[0])
    state.camera = HOME
    for _ in range(100):
        state.camera = state.camera.panned(0.5, 0.5)
    cx, cy = state.camera.centre
    assert cx <= HOME.x1 + HOME.size[0] and cy <= HOME.y1 + HOME.size[1]
    state.camera = Camera(float("nan"), 1, 0, 1)
    assert state.camera == HOME


def test_reset_returns_every_field_to_the_house_defaults(state, scenario):
    tour = Story.tour(scenario, "august", scenario.campaign_start, scenario.campaign_end)
    state.update(
        span="wide",
        instant=datetime(1945, 8, 9),
        language="ru",
        naming="japanese",
        layers=frozenset(),
        camera=HOME.zoomed(8),
        playing=True,
        speed=0,
        panel_fraction=0.5,
        selected_unit=scenario.units[0].id,
    )
    state.reset(language="mn", story=tour)
    assert (
        state.span,
        state.language,
        state.naming,
        state.layers,
        state.camera,
        state.playing,
        state.speed,
        state.panel_fraction,
        state.selected_unit,
        state.story,
    ) == ("campaign", "mn", "soviet", frozenset(LAYERS), HOME, False, 2, 0.3, None, tour)


def test_a_tour_starts_at_its_chapter_and_wraps(scenario):
    tour = Story.tour(scenario, "august", scenario.campaign_start, scenario.campaign_end)
    chapters = [e.chapter for e in tour.steps]
    assert chapters[0] == "august" and chapters[-1] != "august"
    assert all(scenario.campaign_start <= e.at <= scenario.campaign_end for e in tour.steps)
    first = tour.steps[0]
    assert tour.step_at(first.at, 0) == 0  # the tour's own step is kept at its instant


def test_easing_keeps_the_destination_step(state, scenario):
    target = state.story.index_of("first-clash")
    at = state.show_step(target)
    state.ease_instant(scenario.campaign_start)  # a frame on the way
    assert state.step == target
    state.instant = at
    assert state.step == target
