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


def test_the_window_shows_the_date_only_as_precisely_as_the_data_has_it(window, qtbot):
    """Issue 14 point 4: on the day-only first event, between events and while playing the date has no time of
    day (no "12:00" the data does not have); standing on an event dated to the minute, its time."""
    from pyqtgraph.Qt import QtCore, QtGui

    state, label, bar = window.state, window.date_label, window.timeline_bar
    assert state.current_event.at == state.instant and label.text() == "11 May 1939"
    left = QtCore.Qt.MouseButton.LeftButton
    start = QtCore.QPoint(round(bar.x_of(state.instant)), bar.height() // 2)
    target = QtCore.QPoint(round(bar.x_of(datetime(1939, 7, 16, 9, 30))), bar.height() // 2)
    qtbot.mousePress(bar, left, pos=start)  # a drag of the cursor to a day with no event
    move = QtGui.QMouseEvent(
        QtCore.QEvent.Type.MouseMove, QtCore.QPointF(target), QtCore.QPointF(), left, left, QtCore.Qt.KeyboardModifier.NoModifier
    )
    QtCore.QCoreApplication.sendEvent(bar, move)
    qtbot.mouseRelease(bar, left, pos=target)
    between = state.instant
    assert between.hour or between.minute  # the cursor's instant has a time of day ...
    assert state.current_event is None or state.current_event.at != between
    assert label.text() == format_date(between, "day") and ":" not in label.text()  # ... the label does not
    timed = next(e for e in window.scenario.events if e.precision == "time")
    window.show_event(timed)
    qtbot.waitUntil(lambda: state.instant == timed.at, timeout=3000)
    assert label.text() == format_date(timed.at, "time") and ":" in label.text()  # on a timed event: its minute
    state.update(playing=True, speed=0)
    for _ in range(60):  # playback holds at the event a while (long enough to read its title), then goes on
        window.clock.advance(1.0)
        if state.instant != timed.at:
            break
    assert state.playing and state.instant != timed.at and ":" not in label.text()
    state.playing = False


def test_a_moving_instant_repaints_only_the_timelines_cursor(window, qtbot):
    """Each frame of a scrub, glide or playback moves only the cursor: the bar repaints the cursor's old and new
    places, not its whole width (the side panel and the map have enough to paint), and shows it at the new one."""
    from pyqtgraph.Qt import QtCore, QtGui

    bar, state = window.timeline_bar, window.state
    qtbot.waitUntil(lambda: bar._cursor_x is not None, timeout=3000)  # painted once

    class Regions(QtCore.QObject):
        def __init__(self, parent: QtCore.QObject) -> None:
            super().__init__(parent)
            self.seen: list[QtGui.QRegion] = []

        def eventFilter(self, _obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
            if ev.type() == QtCore.QEvent.Type.Paint:
                self.seen.append(QtGui.QRegion(ev.region()))
            return False

    regions = Regions(bar)
    bar.installEventFilter(regions)
    state.instant = datetime(1939, 7, 16, 12)
    qtbot.waitUntil(lambda: bool(regions.seen), timeout=3000)
    painted = sum(r.width() * r.height() for region in regions.seen for r in region)
    assert painted <= 2 * (32 * bar.scale + 2) * bar.height() < bar.width() * bar.height() / 4
    image = bar.grab().toImage()
    x = round(bar.x_of(state.instant))
    cursor = [image.pixelColor(x + dx, bar.height() - 12) for dx in (-1, 0, 1)]
    assert any(c.red() > 150 and c.green() < 90 for c in cursor)  # the red cursor is drawn where the instant is
