from datetime import datetime, timedelta

import pytest

from viewer.core.dates import format_date, parse_date, period_end
from viewer.core.timeline import Timeline


@pytest.fixture(scope="module")
def campaign(scenario):
    return Timeline.of(scenario.campaign_start, scenario.campaign_end, scenario.events, scenario.chapters)


def test_parse_dates_of_each_precision():
    assert parse_date("1939") == (datetime(1939, 1, 1, 12), "year")
    assert parse_date("1939-09") == (datetime(1939, 9, 1, 12), "month")
    assert parse_date("1939-09-15") == (datetime(1939, 9, 15, 12), "day")
    assert parse_date("1939-09-16T02:00") == (datetime(1939, 9, 16, 2, 0), "time")
    with pytest.raises(ValueError):
        parse_date("1939-13-01")
    assert period_end(datetime(1939, 2, 1, 12), "month") == datetime(1939, 2, 28, 23, 59)


def test_format_date():
    assert format_date(datetime(1939, 8, 20, 5, 45), "time") == "20 August 1939, 05:45"
    assert format_date(datetime(1939, 9, 1, 12), "month") == "September 1939"


def test_slider_round_trip(campaign):
    at = datetime(1939, 8, 20, 5, 45)
    assert campaign.to_instant(campaign.to_position(at)) == at
    assert campaign.to_position(campaign.start) == 0
    assert campaign.to_position(campaign.end) == campaign.steps
    assert campaign.to_instant(-5) == campaign.start  # clamped
    assert campaign.fraction(datetime(1950, 1, 1)) == 1.0


def test_campaign_spans_11_may_to_16_september(campaign):
    assert campaign.start == datetime(1939, 5, 11, 0, 0)
    assert campaign.end == datetime(1939, 9, 16, 23, 59)


def test_next_and_previous_event(scenario):
    """Stepping (the view state's story over a timeline span) lands on the events as a clicker expects."""
    from viewer.core.camera import Camera
    from viewer.core.view_state import ViewState

    state = ViewState(scenario, Camera(-1, 1, -1, 1))
    opens = datetime(1939, 8, 20, 5, 45)

    def neighbour(at, forward):
        state.instant = at
        i = state.neighbour_step(forward)
        return None if i is None else state.story.steps[i].id

    assert neighbour(opens - timedelta(minutes=1), True) == "offensive-opens"
    assert neighbour(opens, True) == "north-stalls"
    assert neighbour(opens, False) == "rain-and-reconnaissance"
    assert neighbour(state.timeline.start, False) is None  # background events lie outside the span
    assert neighbour(state.timeline.end, True) is None
    state.instant = datetime(1939, 5, 28, 18)
    assert state.current_event.id == "azuma-destroyed"
    state.span = "wide"
    assert neighbour(datetime(1932, 3, 2), False) == "manchukuo-founded"


def test_chapter_at(campaign, scenario):
    assert campaign.chapter_at(datetime(1939, 7, 4)).id == "bain-tsagan"
    assert campaign.chapter_at(datetime(1939, 8, 25)).id == "august"
    wide = Timeline.of(datetime(1931, 9, 1), datetime(1945, 9, 2, 23, 59), scenario.events, scenario.chapters)
    assert wide.chapter_at(datetime(1941, 4, 13)).id == "aftermath"


def test_empty_span_is_refused(scenario):
    with pytest.raises(ValueError):
        Timeline.of(datetime(1939, 1, 1), datetime(1939, 1, 1), scenario.events, scenario.chapters)
