"""operations.yaml without Qt: the shipped graphics, the maths of an arrow at an instant, and bad input refused
with `file:line: what; fix` (through `python -m viewer check`, as a curator meets it)."""

from __future__ import annotations

import itertools
import re
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from viewer.cli import main
from viewer.core.motion import MotionModel
from viewer.core.operations import (
    FADE,
    KINDS,
    Ground,
    GroundStage,
    arrow_progress,
    axis_outline,
    frame_at,
    ground_ring,
    partial_path,
    path_length,
)

OPS = "operations.yaml"
GOOD = """\
schema_version: 1
grounds:
  - id: bridgehead
    side: soviet
    sources: [drea1981]
    stages:
      - at: 1939-07-02
        approximate: 3
        how: drawn from the regiments' positions
        ring: [[118.56, 47.78], [118.64, 47.77], [118.62, 47.70], [118.57, 47.72]]
      - at: 1939-07-10
        approximate: 3
        how: drawn from the regiments' positions
        ring: [[118.56, 47.78], [118.66, 47.77], [118.64, 47.70], [118.57, 47.72]]
manoeuvres:
  - id: crossing
    side: japanese
    kind: crossing
    start: 1939-07-03T02:00
    end: 1939-07-03T08:00
    units: [J-71IR]
    sources: [gorbunov]
    path: [[118.60, 47.81], [118.5636, 47.8089], [118.545, 47.805]]
    approximate: 4
    how: from the regiments' positions at the crossing
"""


def write(folder: Path, text: str) -> Path:
    (folder / OPS).write_text(text, encoding="utf-8")
    return folder


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# --- the shipped content ----------------------------------------------------------------------------------------
REQUIRED = {  # the manoeuvres issue 14 asks for, by what they are
    "bain-tsagan-crossing": ("japanese", "crossing"),
    "withdrawal-5jul": ("japanese", "withdrawal"),
    "yasuoka-attack": ("japanese", "attack"),
    "night-attacks-july": ("japanese", "attack"),
    "offensive-23jul-north": ("japanese", "attack"),
    "northern-group": ("soviet", "attack"),
    "central-group": ("soviet", "attack"),
    "southern-group": ("soviet", "attack"),
    "pincers-close": ("soviet", "attack"),
    "relief-attack-24aug": ("japanese", "counter-attack"),
    "fui-breakout": ("japanese", "breakout"),
}


def test_the_shipped_operations_hold_what_the_story_needs(scenario):
    ops = scenario.operations
    found = {m.id: (m.side, m.kind) for m in ops.manoeuvres}
    assert {k: found.get(k) for k in REQUIRED} == REQUIRED
    grounds = {g.id: g for g in ops.grounds}
    assert grounds["soviet-bridgehead"].side == "soviet"
    assert grounds["japanese-east-bank"].side == "japanese"
    north = grounds["pocket-north"]
    areas = [_area(np.asarray(s.xy)) for s in north.stages]
    assert north.kind == "pocket" and len(areas) >= 3 and areas == sorted(areas, reverse=True), "the pocket must shrink"
    every = [*ops.manoeuvres, *(s for g in ops.grounds for s in g.stages)]
    assert all(item.how and item.radius_km > 0 for item in every), "every shape says how it was drawn and how far off"


def test_the_pocket_shrinks_day_by_day_between_its_stages(scenario):
    north = next(g for g in scenario.operations.grounds if g.id == "pocket-north")
    days = [datetime(1939, 8, 26, 0) + timedelta(hours=6 * k) for k in range(13)]  # to the last stage
    areas = [_area(ground_ring(north, at)) for at in days]
    assert all(a > b for a, b in itertools.pairwise(areas))
    assert ground_ring(north, datetime(1939, 8, 31, 12)) is None


def _area(xy: np.ndarray | None) -> float:
    assert xy is not None
    x, y = xy[:, 0], xy[:, 1]
    return float(abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))) / 2)


# --- the graphics agree with the unit positions -------------------------------------------------------------------
def test_no_soviet_or_mongolian_unit_stands_in_ground_drawn_as_japanese_held(scenario):
    """The held ground is drawn from the positions: when the offensive of 20 August puts the Northern group round
    Fui and the Southern group in the Sands, the Japanese ground no longer covers them (the Japanese tanks that
    broke into the bridgehead on 3 July are a real penetration, so the check runs one way)."""
    from shapely.geometry import Point, Polygon

    from viewer.core.model import STATES
    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units)
    soviet = [k for k, u in enumerate(motion.units) if u.side in ("soviet", "mongolian")]
    inside = []
    at = scenario.campaign_start
    while at <= scenario.campaign_end:
        pos = motion.positions(at)
        for g, ring in frame_at(scenario.operations, at).grounds:
            if g.side == "japanese" and g.kind == "held":
                held = Polygon(ring).buffer(-0.3)  # a unit within 0.3 km of the front stands on it, not beyond
                inside += [
                    (f"{at:%d %b %H:%M}", g.id, motion.units[k].id)
                    for k in soviet
                    if pos.present[k]
                    and STATES[pos.state[k]] not in ("destroyed", "withdrawn")
                    and held.contains(Point(pos.x[k], pos.y[k]))
                ]
        at += timedelta(hours=3)
    assert inside == [], inside


def test_a_withdrawal_or_breakout_arrow_reaches_its_head_when_its_units_do(scenario):
    """At 5 July noon the regiments are back on the east bank: their arrow is whole then, not half-grown."""
    for m in scenario.operations.manoeuvres:
        if m.kind not in ("withdrawal", "breakout"):
            continue
        head = np.asarray(m.xy[-1])
        for uid in m.units:
            arrive = next(
                f.at for f in scenario.unit(uid).track if f.at >= m.start and np.hypot(f.x - head[0], f.y - head[1]) <= 1.5
            )
            assert abs(arrive - m.end) <= timedelta(hours=1), (m.id, uid, arrive, m.end)


def test_the_fui_breakout_starts_from_the_pocket_and_not_under_a_soviet_symbol(scenario):
    from shapely.geometry import Point, Polygon

    from viewer.core.motion import MotionModel

    ops = scenario.operations
    breakout = next(m for m in ops.manoeuvres if m.id == "fui-breakout")
    pocket = next(g for g in ops.grounds if g.id == "fui-garrison")
    start = Point(breakout.xy[0])
    assert Polygon(pocket.stages[-1].xy).distance(start) <= 0.1
    motion = MotionModel(scenario.units)
    at = breakout.start
    while at <= breakout.end + FADE:
        pos = motion.positions(at)
        for k, u in enumerate(motion.units):
            if pos.present[k] and u.side in ("soviet", "mongolian"):
                assert start.distance(Point(pos.x[k], pos.y[k])) > 1.0, (u.id, at)
        at += timedelta(hours=1)


def test_fui_is_a_pocket_only_once_cut_off_and_its_breakout_begins_when_its_garrison_leaves(scenario):
    """Issue 14: Fui was drawn encircled from noon of 20 August and the breakout arrow lay on the map on 24 August
    while Ioki's symbol still stood in the pocket. Goldman: cut off from the night of 22 August (supplies stopped),
    the survivors led out in the night of 24/25 August; before that Fui was isolated but still held."""
    ops = scenario.operations
    pocket = next(g for g in ops.grounds if g.id == "fui-garrison")
    assert pocket.stages[0].at >= datetime(1939, 8, 22)
    held = [g for g in frame_at(ops, datetime(1939, 8, 21, 12)).grounds if g[0].side == "japanese"]
    assert any(g.kind == "held" and "Fui" in g.stages[0].how for g, _ring in held)  # isolated, not yet a pocket
    breakout = next(m for m in ops.manoeuvres if m.id == "fui-breakout")
    ioki = scenario.unit("J-IOKI").track
    leaves = next(f.at for f in ioki if f.state == "retreating")
    assert breakout.start >= leaves >= datetime(1939, 8, 24, 18)  # the night of 24/25 August
    assert pocket.end <= breakout.start


def test_the_japanese_stand_on_their_own_ground_when_the_offensive_opens(scenario):
    """Issue 14: on 20 August the 72nd stood on unshaded ground: the Japanese-held outline of that stage had cut
    off the ground north of the bridgehead where Drea puts the 72nd and 64th Regiments (dug in 2 km north of Hill
    733) until they left for the south wing."""
    from shapely.geometry import Point, Polygon

    motion = MotionModel(scenario.units)
    for at in (datetime(1939, 8, 20, 12), datetime(1939, 8, 21, 18)):
        pos = motion.positions(at)
        rings = [Polygon(ring) for g, ring in frame_at(scenario.operations, at).grounds if g.side == "japanese"]
        for uid in ("J-72IR", "J-64IR"):
            k = motion.index(uid)
            assert any(r.contains(Point(pos.x[k], pos.y[k])) for r in rings), (uid, at)


# --- an arrow at an instant --------------------------------------------------------------------------------------
def test_an_arrow_at_half_its_interval_reaches_half_its_length(scenario):
    for m in scenario.operations.manoeuvres:
        mid = m.start + (m.end - m.start) / 2
        fraction, opacity = arrow_progress(m, mid)
        assert fraction == pytest.approx(0.5, abs=1e-6) and opacity == 1
        drawn = next(a for a in frame_at(scenario.operations, mid).arrows if a.manoeuvre is m)
        assert path_length(drawn.path) == pytest.approx(path_length(np.asarray(m.xy)) / 2, rel=1e-6)


def test_an_arrow_is_absent_before_its_start_whole_at_its_end_and_fades_after(scenario):
    m = next(m for m in scenario.operations.manoeuvres if m.id == "bain-tsagan-crossing")
    assert arrow_progress(m, m.start - timedelta(minutes=1)) is None
    assert arrow_progress(m, m.end) == (1.0, 1.0)
    assert arrow_progress(m, m.end + FADE / 4) == pytest.approx((1.0, 0.75))
    assert arrow_progress(m, m.end + FADE + timedelta(minutes=1)) is None


def test_partial_path_cuts_a_polyline_by_length():
    xy = np.array([[0.0, 0.0], [3.0, 0.0], [3.0, 4.0]])  # 7 km: 3 east, then 4 north
    assert partial_path(xy, 0.5).tolist() == [[0.0, 0.0], [3.0, 0.0], [3.0, 0.5]]
    assert partial_path(xy, 3 / 7).tolist()[-1] == pytest.approx([3.0, 0.0])
    assert partial_path(xy, 1.0).tolist() == xy.tolist()
    assert partial_path(xy, 0.0).tolist() == [[0.0, 0.0], [0.0, 0.0]]


def test_an_axis_outline_keeps_its_width_through_a_bend_and_ends_in_its_head():
    xy = np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0]])
    outline = axis_outline(xy, 5, 30, 15)
    assert outline is not None
    body, head, back = outline[:3], outline[3:6], outline[6:]
    assert head[1].tolist() == [100.0, 100.0], "the head's tip is the path's end"
    assert head[0].tolist() == [85.0, 70.0] and head[2].tolist() == [115.0, 70.0]
    assert body.tolist() == [[0.0, 5.0], [95.0, 5.0], [95.0, 70.0]] and back.tolist() == [
        [105.0, 70.0],
        [105.0, -5.0],
        [0.0, -5.0],
    ]
    short = axis_outline(np.array([[0.0, 0.0], [10.0, 0.0]]), 5, 30, 15)
    assert short is not None and np.abs(short[:, 1]).max() == pytest.approx(15 * 6 / 30), "a short arrow, a small head"
    assert axis_outline(np.array([[0.0, 0.0], [1.0, 0.0]]), 5, 30, 15) is None


def test_a_ring_moves_linearly_between_stages_of_equal_size_and_steps_otherwise():
    square = ((0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0))
    big = tuple((2 * x, 2 * y) for x, y in square)
    triangle = ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0))
    t0 = datetime(1939, 8, 26)
    stages = (
        GroundStage(t0, square, square, 1, "test"),
        GroundStage(t0 + timedelta(days=2), big, big, 1, "test"),
        GroundStage(t0 + timedelta(days=3), triangle, triangle, 1, "test"),
    )
    g = Ground("g", "japanese", "pocket", ("drea1981",), stages, t0 + timedelta(days=4))
    assert ground_ring(g, t0 + timedelta(days=1)).tolist() == [[0, 0], [3, 0], [3, 3], [0, 3]]
    assert ground_ring(g, t0 + timedelta(days=2, hours=12)).tolist() == [list(p) for p in big]
    assert ground_ring(g, t0 + timedelta(days=3, hours=1)).tolist() == [list(p) for p in triangle]
    assert ground_ring(g, t0 - timedelta(minutes=1)) is None and ground_ring(g, t0 + timedelta(days=5)) is None


# --- bad input: file:line: what; fix ------------------------------------------------------------------------------
# (name, old, new, expected message, text on the line the message must name)
CASES = [
    (
        "ring of two points",
        "ring: [[118.56, 47.78], [118.64, 47.77], [118.62, 47.70], [118.57, 47.72]]",
        "ring: [[118.56, 47.78], [118.64, 47.77]]",
        r"at least 3 \[lon, lat\] points; write",
        "ring: [[118.56, 47.78], [118.64, 47.77]]",
    ),
    (
        "ring that crosses itself",
        "ring: [[118.56, 47.78], [118.64, 47.77], [118.62, 47.70], [118.57, 47.72]]",
        "ring: [[118.56, 47.78], [118.64, 47.70], [118.62, 47.77], [118.57, 47.72]]",
        r"the ring crosses itself; reorder",
        "[118.64, 47.70], [118.62, 47.77]",
    ),
    (
        "ring on a line",
        "ring: [[118.56, 47.78], [118.64, 47.77], [118.62, 47.70], [118.57, 47.72]]",
        "ring: [[118.56, 47.78], [118.58, 47.78], [118.60, 47.78]]",
        r"encloses no area",
        "[118.58, 47.78], [118.60",
    ),
    (
        "path that crosses itself",
        "path: [[118.60, 47.81], [118.5636, 47.8089], [118.545, 47.805]]",
        "path: [[118.60, 47.81], [118.56, 47.80], [118.60, 47.80], [118.56, 47.81]]",
        r"the path crosses itself",
        "path: [[118.60, 47.81], [118.56, 47.80]",
    ),
    (
        "end before start",
        "end: 1939-07-03T08:00",
        "end: 1939-07-02T08:00",
        r"ends \(1939-07-02T08:00\) before it starts \(1939-07-03T02:00\); correct",
        "end: 1939-07-02T08:00",
    ),
    (
        "outside the campaign",
        "start: 1939-07-03T02:00",
        "start: 1939-04-03T02:00",
        r"outside the campaign; give a time between",
        "start: 1939-04-03",
    ),
    ("stage outside the campaign", "- at: 1939-07-10", "- at: 1939-10-10", r"outside the campaign", "- at: 1939-10-10"),
    ("stages out of order", "- at: 1939-07-10", "- at: 1939-07-01", r"stages go back in time; list", "- at: 1939-07-01"),
    (
        "unknown unit",
        "units: [J-71IR]",
        "units: [J-71IR, J-999IR]",
        r"unknown unit 'J-999IR'; add it",
        "units: [J-71IR, J-999IR]",
    ),
    (
        "unknown source",
        "sources: [gorbunov]",
        "sources: [gorbunov, nobody1999]",
        r"unknown source 'nobody1999'",
        "sources: [gorbunov, nobody1999]",
    ),
    (
        "unit that is a list",  # found by bench/fuzz.py: a TypeError (unhashable) escaped `check`
        "units: [J-71IR]",
        "units: [J-71IR, [J-72IR]]",
        r"unknown unit '\['J-72IR'\]'",
        "units: [J-71IR, [J-72IR]]",
    ),
    (
        "source that is a mapping",  # found by bench/fuzz.py: a TypeError (unhashable) escaped `check`
        "sources: [gorbunov]",
        "sources: [gorbunov, {id: x}]",
        r"unknown source '\{'id': 'x'\}'",
        "sources: [gorbunov, {id: x}]",
    ),
    ("unknown kind", "kind: crossing", "kind: raid", r"unknown kind 'raid'; use one of: " + ", ".join(KINDS), "kind: raid"),
    ("unknown side", "side: japanese", "side: german", r"unknown side 'german'; use one of", "side: german"),
    (
        "unknown ground kind",
        "    side: soviet\n",
        "    side: soviet\n    kind: salient\n",
        r"unknown kind 'salient'",
        "kind: salient",
    ),
    (
        "swapped lon and lat",
        "[118.5636, 47.8089]",
        "[47.8089, 118.5636]",
        r"outside the map; the numbers look swapped",
        "[47.8089, 118.5636]",
    ),
    (
        "unknown key",
        "    approximate: 4\n",
        "    approximate: 4\n    colour: red\n",
        r"unknown key 'colour'; remove it",
        "colour: red",
    ),
    (
        "missing how",
        "    how: from the regiments' positions at the crossing\n",
        "",
        r"'how' is missing; add 'how'",
        "  - id: crossing",
    ),
    ("radius not a number", "approximate: 4", "approximate: far", r"'far' is not a radius in km", "approximate: far"),
    (
        "duplicate id",
        "  - id: crossing",
        "  - id: bridgehead",
        r"the id 'bridgehead' is used twice \(first on line 3\)",
        "  - id: bridgehead\n    side: japanese",
    ),
    ("not a date", "start: 1939-07-03T02:00", "start: 1939-07-32", r"'1939-07-32' is not a date", "start: 1939-07-32"),
]


def test_the_good_file_loads(content_copy, capsys):
    assert main(["check", str(write(content_copy, GOOD))]) == 0


@pytest.mark.parametrize(("name", "old", "new", "message", "marker"), CASES, ids=[c[0] for c in CASES])
def test_bad_operations_are_refused_with_file_line_and_fix(content_copy, capsys, name, old, new, message, marker):
    assert old in GOOD, f"test setup: {old!r}"
    text = GOOD.replace(old, new, 1)
    assert main(["check", str(write(content_copy, text))]) == 2
    err = capsys.readouterr().err
    first, *rest = marker.split("\n")
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if first in ln and (not rest or rest[0] in text.splitlines()[n]))
    found = [ln for ln in err.splitlines() if re.search(message, ln)]
    assert found, f"no message matching {message!r} in:\n{err}"
    assert re.match(rf"\S*{OPS}:{line}: ", found[0]), f"{found[0]!r} should name line {line}"
    assert "nothing was loaded" in err


def test_a_broken_operations_file_stops_the_load_like_any_content(content_copy, capsys):
    assert main(["check", str(write(content_copy, "grounds: [\n"))]) == 2
    assert re.search(rf"{OPS}:\d+: YAML syntax error", capsys.readouterr().err)


def test_on_31_august_the_soviet_ground_reaches_the_mongolian_claim_line(scenario):
    """The Soviet-Mongolian command reported the whole disputed area cleared by 31 August: the ground drawn as
    theirs covers the disputed ground, from the river to the claim line, not a slice of it."""
    from shapely.geometry import Polygon

    held = [Polygon(ring) for g, ring in frame_at(scenario.operations, datetime(1939, 8, 31, 12)).grounds if g.side == "soviet"]
    assert len(held) == 1
    disputed = scenario.disputed_ground_km
    assert held[0].intersection(disputed).area / disputed.area > 0.97
    mongolian = next(c.feature.geometry_km for c in scenario.claims if c.claimant == "mongolia")
    assert held[0].buffer(0.5).covers(mongolian.intersection(disputed.buffer(0.1)))


def test_the_counter_attack_of_24_august_reads_whole_at_its_event_stops_short_and_is_gone_on_the_26th(scenario):
    """The Japanese counter-attack of 24 August (Coox; chronology row 52) grew through 24 and 25 August: at its
    event's frame it was a stub at its tail under its dashed course (a head at each end), its head lay on the Soviet
    80th Regiment's and 6th Tank Brigade's symbols, and it was still drawn on the 26th, when the story has it failed.
    Drawn whole at the day's frame, it points west, stops short of the line that beat it off, and is gone by the 26th's
    event."""
    m = next(m for m in scenario.operations.manoeuvres if m.id == "relief-attack-24aug")
    event = scenario.event("counter-attack")
    progress = arrow_progress(m, event.at)
    assert progress is not None and progress[0] == 1.0
    xy = np.asarray(m.xy)
    assert xy[-1][0] < xy[0][0]  # westward, from whence the 28th came
    motion = MotionModel(scenario.units)
    pos = motion.positions(event.at)
    for unit in ("S-80RR", "S-6TB"):
        k = motion.index(unit)
        assert np.hypot(*(xy[-1] - (pos.x[k], pos.y[k]))) >= 1.0, f"the head lies on {unit}"
    for at in (datetime(1939, 8, 26, 12), scenario.event("pocket-south").at):
        assert all(a.manoeuvre is not m for a in frame_at(scenario.operations, at).arrows)


def test_on_5_july_the_sides_ground_meets_at_the_front_and_holds_the_japanese_who_came_back(scenario):
    """The Japanese ground was drawn 0.5-1 km east of the Soviet line, a thin unshaded strip that no source gives,
    and stopped short of the east bank north of the bridgehead, so the regiments back over the river on 5 July
    stood on nobody's ground."""
    from shapely.geometry import Point, Polygon

    from viewer.core.motion import MotionModel

    at = datetime(1939, 7, 5, 12)
    grounds = {g.id: Polygon(ring) for g, ring in frame_at(scenario.operations, at).grounds}
    japanese, soviet = grounds["japanese-east-bank"], grounds["soviet-bridgehead"]
    assert japanese.distance(soviet) < 0.05
    assert japanese.intersection(soviet).area < 0.5  # they meet; they do not overlap
    motion = MotionModel(scenario.units)
    pos = motion.positions(at)
    for unit in ("J-71IR", "J-72IR", "J-26IR", "J-23DIV"):
        k = motion.index(unit)
        assert pos.present[k] and japanese.buffer(0.3).contains(Point(pos.x[k], pos.y[k])), unit


def test_on_3_july_the_japanese_hold_the_west_bank_and_the_soviet_blows_end_at_their_ground(scenario):
    """A fresh reader saw the regiments on the river line and the counter-attack arrows running over them: the
    Japanese position on Bain-Tsagan is ground on the west bank, the regiments stand inside it clear of the
    river, and each of the three Soviet blows of 19:00 ends at its edge, not across it."""
    from shapely.geometry import LineString, Point, Polygon

    at = scenario.event("three-sides").at
    frame = frame_at(scenario.operations, at)
    held = {g.id: Polygon(ring) for g, ring in frame.grounds}
    position = held["bain-tsagan-position"]
    assert position.intersection(scenario.disputed_ground_km).area < 0.5  # the west bank
    river = next(f.geometry_km for f in scenario.layers["rivers"] if f.properties.get("kind") == "river")
    motion = MotionModel(scenario.units)
    pos = motion.positions(at)
    for unit in ("J-71IR", "J-72IR", "J-26IR", "J-23DIV"):
        k = motion.index(unit)
        here = Point(pos.x[k], pos.y[k])
        assert pos.present[k] and position.contains(here), unit
        assert river.distance(here) >= 1.0, unit  # its symbol is not drawn on the river line
    blows = [a for a in frame.arrows if a.manoeuvre.side == "soviet" and {"S-11TB", "S-24MRR", "S-7MBB"} & set(a.manoeuvre.units)]
    assert len(blows) == 3
    for arrow in blows:
        tip = Point(*arrow.path[-1])
        assert position.exterior.distance(tip) <= 0.3, arrow.manoeuvre.id
        assert LineString(arrow.path).intersection(position).length <= 0.3, arrow.manoeuvre.id


def test_on_5_july_the_japanese_withdrawal_starts_apart_from_the_24th_regiment(scenario):
    """The withdrawal's arrow began on the hill where the 24th Motor Rifle Regiment stood that day: it starts
    where the Japanese stood, on the slopes above their crossing, and the two read apart."""
    at = datetime(1939, 7, 5, 12)
    m = next(m for m in scenario.operations.manoeuvres if m.id == "withdrawal-5jul")
    start = np.asarray(m.xy[0])
    motion = MotionModel(scenario.units)
    pos = motion.positions(at)
    for unit in ("S-24MRR", "S-11TB"):
        k = motion.index(unit)
        assert pos.present[k] and np.hypot(*(start - (pos.x[k], pos.y[k]))) >= 1.5, unit


def test_no_axis_of_advance_ends_inside_its_own_sides_ground(scenario):
    """Issue 14: on 20 August the Central group's arrow ended on the 36th Division's own fix, half a kilometre
    inside the Soviet bridgehead, so it pointed into the division's symbol, not at the Japanese. An attack or a
    counter-attack reaches the edge of the ground its side held (within 0.3 km: the edges are approximate)."""
    import numpy as np
    from shapely.geometry import Point, Polygon

    from viewer.core.operations import frame_at

    allies = {"soviet": "soviet", "mongolian": "soviet", "japanese": "japanese", "manchukuo": "japanese"}
    short = []
    for m in scenario.operations.manoeuvres:
        if m.kind not in ("attack", "counter-attack"):
            continue
        head = Point(np.asarray(m.xy)[-1])
        for ground, ring in frame_at(scenario.operations, m.end).grounds:
            own = Polygon(ring)
            mine = allies[ground.side] == allies[m.side] and ground.kind != "pocket"
            if mine and own.contains(head) and own.exterior.distance(head) > 0.3:
                short.append((m.id, ground.id))
    assert short == []
