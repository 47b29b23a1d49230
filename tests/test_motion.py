from datetime import datetime, timedelta

import numpy as np
import pytest

from viewer.core.dates import parse_date
from viewer.core.model import STATES, Chapter, Fix, Unit
from viewer.core.motion import MotionModel, track_length_km


def fix(at: str, x: float, y: float, state: str = "moving", r: float = 0.0) -> Fix:
    when, precision = parse_date(at)
    return Fix(when, precision, 0, 0, x, y, state, r, None, ("s",))


def unit(uid: str, *fixes: Fix, until: datetime | None = None, reported_until: datetime | None = None) -> Unit:
    return Unit(
        uid,
        {"en": uid},
        uid,
        "soviet",
        "armour",
        "brigade",
        None,
        None,
        (),
        None,
        ("s",),
        until or fixes[-1].at,
        tuple(fixes),
        reported_until,
    )


@pytest.fixture
def model():
    return MotionModel(
        [
            unit("a", fix("1939-07-01T00:00", 0, 0, "moving", 2), fix("1939-07-02T00:00", 10, 20, "attacking", 4)),
            unit(
                "b",
                fix("1939-07-01T12:00", 5, 5, "holding"),
                fix("1939-07-01T18:00", 5, 5, "withdrawn"),
                fix("1939-07-03T00:00", 7, 7, "attacking"),
            ),
            unit("c", fix("1939-06-01T00:00", 0, 0, "holding", 1), fix("1939-06-20T00:00", 30, 0, "holding", 1)),
        ]
    )


def test_linear_interpolation_between_fixes(model):
    p = model.positions(datetime(1939, 7, 1, 6))
    assert p.present[0] and (p.x[0], p.y[0]) == pytest.approx((2.5, 5.0))
    assert STATES[p.state[0]] == "moving" and not p.at_fix[0]
    assert p.radius_km[0] == 4  # between fixes the larger uncertainty applies


def test_exactly_at_a_fix(model):
    p = model.positions(datetime(1939, 7, 2))
    assert (p.x[0], p.y[0], p.radius_km[0]) == (10, 20, 4) and p.at_fix[0]
    assert STATES[p.state[0]] == "attacking"


def test_absent_before_first_and_after_last_fix(model):
    assert not model.positions(datetime(1939, 6, 30)).present[0]
    assert not model.positions(datetime(1939, 7, 2, 0, 1)).present[0]


def test_withdrawn_unit_is_marked_for_a_day_then_absent_until_its_next_fix(model):
    assert model.positions(datetime(1939, 7, 1, 18)).present[1]
    p = model.positions(datetime(1939, 7, 2, 12))  # faded where it left, not sliding toward its return
    assert p.present[1] and (p.x[1], p.y[1]) == (5, 5) and STATES[p.state[1]] == "withdrawn"
    assert not model.positions(datetime(1939, 7, 2, 19)).present[1]
    p = model.positions(datetime(1939, 7, 3))
    assert p.present[1] and (p.x[1], p.y[1]) == (7, 7)


def test_no_sliding_across_a_long_unknown_route(model):
    p = model.positions(datetime(1939, 6, 1, 12))
    assert p.present[2] and (p.x[2], p.y[2]) == (0, 0)  # lingers at its last known place
    assert not model.positions(datetime(1939, 6, 10)).present[2]  # then unknown, not invented
    assert model.positions(datetime(1939, 6, 20)).present[2]


def test_track_length():
    assert track_length_km(unit("d", fix("1939-07-01", 0, 0), fix("1939-07-02", 3, 4), fix("1939-07-03", 3, 0))) == 9


def test_shipped_azuma_detachment(scenario):
    m = MotionModel(scenario.units)
    k = m.index("J-AZUMA")
    p = m.positions(datetime(1939, 5, 29, 12))
    assert p.present[k] and STATES[p.state[k]] == "destroyed" and p.radius_km[k] == 6
    assert not m.positions(datetime(1939, 6, 6)).present[k]  # gone after the destroyed marker has lingered a week
    hq = m.index("S-HQ")
    assert m.positions(datetime(1939, 9, 10)).present[hq]
    assert not m.positions(datetime(1939, 9, 17)).present[hq]


def test_every_instant_of_the_campaign_is_computable(scenario):
    m = MotionModel(scenario.units)
    t = scenario.campaign_start
    while t <= scenario.campaign_end:
        p = m.positions(t)
        assert np.isfinite(p.x).all() and np.isfinite(p.y).all() and (p.radius_km >= 0).all()
        t += timedelta(hours=7)


@pytest.mark.parametrize(
    ("unit_id", "at", "fate"),
    [
        ("J-IOKI", datetime(1939, 8, 26, 12), "withdrawn"),  # left beyond the claimed border on 25 August
        ("J-IOKI", datetime(1939, 8, 31, 12), "withdrawn"),  # to the end of the August chapter
        ("J-IOKI", datetime(1939, 9, 1, 12), None),
        ("J-72IR", datetime(1939, 8, 31, 12), "destroyed"),  # shattered on 24 August
        ("J-71IR", datetime(1939, 8, 31, 12), "destroyed"),  # wrecked with its division; it vanished on the 26th
        ("J-AZUMA", datetime(1939, 6, 4, 12), "destroyed"),  # destroyed 29 May: a week, not the whole chapter
        ("J-AZUMA", datetime(1939, 6, 6, 12), None),
        ("M-6CAV", datetime(1939, 7, 3, 20), "withdrawn"),  # fled Bain-Tsagan at 02:30; back on 20 August
        ("M-6CAV", datetime(1939, 7, 5, 12), None),
    ],
)
def test_a_unit_that_leaves_the_fighting_shows_its_fate_for_a_while(scenario, unit_id, at, fate):
    """A unit destroyed or withdrawn stays at the place it fell or left, so marked (crossed out, faded), to the end
    of its chapter but no more than a week, or for a day if it comes back later: it does not just vanish."""
    motion = MotionModel(scenario.units)
    k, pos = motion.index(unit_id), motion.positions(at)
    unit = motion.units[k]
    assert (STATES[pos.state[k]] if pos.present[k] else None) == fate
    if fate:
        last = next(f for f in reversed(unit.track) if f.state == fate and f.at <= at)
        assert (pos.x[k], pos.y[k]) == pytest.approx((last.x, last.y))


def test_a_gap_between_fixes_is_not_a_silence(model):
    """Issue 14: a unit off the map between two fixes (its route unknown) is coming back; a 'last reported' mark
    there read as a lost unit. It is drawn as the gap rule says (at its fix for a day), then nowhere."""
    chaptered = MotionModel(
        model.units, [Chapter("c", {"en": "c"}, datetime(1939, 5, 1), datetime(1939, 8, 1), "#000", {"en": ""})]
    )
    p = chaptered.positions(datetime(1939, 6, 10))
    assert not p.present[2] and not p.reported[2]


def test_a_silent_unit_is_last_reported_for_two_days_then_leaves_the_map():
    """After its last fix (no fate recorded) a unit is a 'last reported' mark for two days within its chapter, not
    to the chapter's end: a week-old mark on the map of the day reads as a unit lost there."""
    chapter = Chapter("c", {"en": "c"}, datetime(1939, 7, 1), datetime(1939, 7, 31), "#000", {"en": ""})
    m = MotionModel([unit("s", fix("1939-07-01T00:00", 0, 0, "holding"), fix("1939-07-02T00:00", 1, 1, "attacking"))], [chapter])
    assert m.positions(datetime(1939, 7, 2)).present[0] and not m.positions(datetime(1939, 7, 2)).reported[0]
    later = m.positions(datetime(1939, 7, 3, 23))
    assert later.present[0] and later.reported[0] and (later.x[0], later.y[0]) == (1, 1)
    assert not m.positions(datetime(1939, 7, 4, 1)).present[0]
    held = MotionModel([unit("u", fix("1939-07-01T00:00", 0, 0, "holding"), until=datetime(1939, 7, 10))], [chapter])
    assert held.positions(datetime(1939, 7, 10)).present[0] and not held.positions(datetime(1939, 7, 10)).reported[0]
    assert not held.positions(datetime(1939, 7, 10, 1)).present[0]  # kept longer by `until`: then no mark


def test_a_unit_that_fought_on_unseen_is_last_reported_to_its_given_date():
    """Issue 14: units the sources still put in the fight after their last fix, with no place or date (the regiments
    of the southern pocket, Kajikawa's battalion), left the map two days on and a reader lost them mid-battle. The
    content may keep their 'last reported' mark to a date; then they leave the map."""
    chapter = Chapter("c", {"en": "c"}, datetime(1939, 8, 20), datetime(1939, 8, 31, 23, 59), "#000", {"en": ""})
    last = fix("1939-08-23T12:00", 1, 1, "holding")
    m = MotionModel([unit("k", last, reported_until=datetime(1939, 8, 31, 23, 59))], [chapter])
    p = m.positions(datetime(1939, 8, 31, 12))
    assert p.present[0] and p.reported[0] and (p.x[0], p.y[0]) == (1, 1)
    assert not m.positions(datetime(1939, 9, 1, 1)).present[0]
