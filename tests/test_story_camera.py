"""The camera that follows the story, playback in story time and the overlays' places: pure, no Qt."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from viewer.core.camera import Camera
from viewer.core.map_extent import battlefield_camera
from viewer.core.motion import MotionModel
from viewer.core.pacing import MAX_TRAVEL_S, Playhead, hold_seconds, travel_rate
from viewer.core.placement import overlap, place_overlays
from viewer.core.story_camera import MIN_FRAME_KM, event_camera, event_points, frame_points
from viewer.core.view_state import ViewState

HOME = Camera(-30, 30, -20, 20)


def test_every_event_is_framed_with_its_places_and_units_in_view(scenario):
    """The frame of each event on or near the battlefield contains its places and its units where they are."""
    motion, home = MotionModel(scenario.units), battlefield_camera(scenario)
    framed = closer = 0
    for event in scenario.events:
        camera = event_camera(scenario, motion, event, home)
        near = [p for p in event_points(scenario, motion, event) if frame_points([p], home) != home]
        for x, y in near:
            assert camera.contains(x, y), (event.id, (x, y), camera)
        framed += bool(near)
        closer += camera.size[0] < home.size[0] * 0.8  # it frames the action, it does not just fit everything
    assert framed > 30 and closer > 20  # the campaign's events, not the background's


def test_a_frame_has_a_margin_a_least_size_and_leaves_far_points_to_the_inset():
    cam = frame_points([(0, 0), (4, 2)], HOME)
    assert cam.size[0] == pytest.approx(MIN_FRAME_KM) and cam.contains(0, 0) and cam.contains(4, 2)
    wide = frame_points([(-20, -10), (20, 10)], HOME)
    assert wide.x0 < -20 and wide.x1 > 20 and wide.size[0] <= HOME.size[0]
    assert frame_points([(500, 500)], HOME) == HOME  # Hailar or Ulaanbaatar: not a reason to leave the battle
    assert frame_points([], HOME) == HOME


def test_zoom_about_a_point_keeps_that_point_where_it_is_on_screen():
    cam = Camera(0, 100, 0, 50)
    z = cam.zoomed(2.0, (80, 10))
    assert (80 - z.x0) / z.size[0] == pytest.approx(0.8) and (10 - z.y0) / z.size[1] == pytest.approx(0.2)
    assert z.size == (50, 25)
    assert cam.zoomed(2.0).centre == cam.centre


def test_playback_holds_at_each_event_long_enough_to_read_it_then_goes_on(scenario):
    state = ViewState(scenario, battlefield_camera(scenario))
    steps, end = state.story.steps, state.timeline.end
    event = next(e for e in steps if e.id == "crossing")
    head, day = Playhead(), timedelta(days=1)
    at = head.advance(event.at - timedelta(hours=3), 1.0, day, steps, end)
    assert at == event.at  # a day a second would run past it: it stops on it
    hold = hold_seconds(["Japanese cross the Khalkhin Gol"])
    assert 2.5 <= head.hold_left <= 6.0 and hold >= 2.5
    for _ in range(int(head.hold_left)):
        assert head.advance(at, 1.0, day, steps, end) == at  # held: the title stays up
    assert head.advance(at, 1.0, day, steps, end) > at  # then on


def test_long_quiet_gaps_are_crossed_quickly():
    hour, gap = timedelta(hours=1), timedelta(days=40)
    assert travel_rate(hour, timedelta(hours=2)) == hour
    assert travel_rate(hour, gap) * MAX_TRAVEL_S == gap


def test_overlays_go_where_they_cover_none_of_the_ground_to_keep_clear():
    ground = [(300.0, y, 400.0, 10.0) for y in range(0, 600, 10)]  # a band down the middle of a 1000×600 view
    legend, inset = place_overlays([(250, 200), (200, 150)], (1000, 600), ground, preferences=[("top-left",), ("top-left",)])
    assert all(overlap(r, g) == 0 for r in (legend, inset) for g in ground)
    assert overlap(legend, inset) == 0
    assert legend[:2] == (12.0, 12.0)


def test_the_date_shows_the_precision_the_data_has(scenario):
    state = ViewState(scenario, battlefield_camera(scenario))
    day_event = next(e for e in scenario.events if e.id == "counter-attack")
    state.instant = day_event.at
    assert state.instant_precision == "day"
    state.instant = next(e for e in scenario.events if e.id == "three-sides").at
    assert state.instant_precision == "time"
    state.instant = datetime(1939, 8, 24, 15, 30)  # between dated facts: the day (the minute is the map's own)
    assert state.instant_precision == "day"


def test_following_the_story_is_on_by_default_and_a_field_of_the_state(scenario):
    state = ViewState(scenario, battlefield_camera(scenario))
    seen = []
    state.events.follow_story.connect(seen.append)
    assert state.follow_story
    state.follow_story = False
    state.reset()
    assert seen == [False, True]
