"""On the window's map, while it keeps changing, names are placed afresh at most every SETTLE_S; in between each
keeps its last spot beside its mark (its candidate, at the mark's new anchor), and after the change stops they are
placed afresh. Stills (an export's frames, the presenter's thumbnails) are always placed afresh."""

from __future__ import annotations

from datetime import datetime

import pytest

from viewer.core.map_extent import battlefield_camera
from viewer.core.motion import MotionModel
from viewer.core.placement import intersects, shrunk
from viewer.core.view_state import ViewState
from viewer.ui.map import labels as labels_module
from viewer.ui.map_view import MapView

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
JUL3, JUL3_LATER = datetime(1939, 7, 3, 12), datetime(1939, 7, 3, 19)  # Bain-Tsagan: the crowd moves


def _live_map(qtbot, scenario) -> MapView:
    """The window's kind of map (on screen, names on the settle throttle) at 12:00 on 3 July, painted once."""
    m = MapView(scenario, MotionModel(scenario.units), ViewState(scenario, battlefield_camera(scenario), instant=JUL3))
    m.ctx.live = True
    qtbot.addWidget(m)
    m.resize(1140, 870)
    m.show()
    qtbot.waitExposed(m)
    m.graphics.viewport().repaint()
    return m


@pytest.fixture
def map_view(qtbot, scenario, monkeypatch):
    """The window's kind of map (on screen) at 12:00; choose_candidates counted in `placings` (pytest-qt's own
    event processing between the fixture and the test may paint it again: a test clears them)."""
    m = _live_map(qtbot, scenario)
    m.placings = []
    real = labels_module.choose_candidates
    monkeypatch.setattr(labels_module, "choose_candidates", lambda *a, **k: m.placings.append(1) or real(*a, **k))
    yield m
    m.close()


def test_while_the_map_keeps_changing_names_keep_their_spots_beside_their_marks(map_view, monkeypatch):
    monkeypatch.setattr(labels_module, "SETTLE_S", 60.0)  # far longer than the test: no fresh placement
    labels = map_view.layer("labels")
    map_view.placings.clear()
    before = {key: (rect, req) for key, rect, req in labels.placed}
    assert len(before) > 10
    map_view.state.instant = JUL3_LATER
    map_view.graphics.viewport().repaint()
    assert not map_view.placings  # not placed afresh
    moved = 0
    for key, rect, req in labels.placed:
        assert key in before  # nothing new is named before the next placement
        old_rect, old_req = before[key]
        assert req.size == old_req.size and rect[2:] == old_rect[2:]
        assert rect[0] - req.anchor[0] == pytest.approx(old_rect[0] - old_req.anchor[0])  # the same spot beside it
        assert rect[1] - req.anchor[1] == pytest.approx(old_rect[1] - old_req.anchor[1])
        moved += req.anchor != old_req.anchor
    assert moved >= 5  # the units did move between the two instants
    assert len(labels.placed) == len(before)  # the rivers' names among them, each at one point only


def test_names_are_placed_afresh_once_the_change_stops(qtbot, map_view, monkeypatch):
    labels = map_view.layer("labels")
    map_view.placings.clear()
    map_view.state.instant = JUL3_LATER.replace(hour=18)
    map_view.graphics.viewport().repaint()  # placed afresh (SETTLE_S is 0 in tests: every paint is)
    assert len(map_view.placings) == 1
    monkeypatch.setattr(labels_module, "SETTLE_S", 2.0)  # now that placement is recent (a slow machine's paint)
    map_view.state.instant = JUL3_LATER
    map_view.graphics.viewport().repaint()
    assert labels._provisional and len(map_view.placings) == 1  # the spots were kept
    qtbot.waitUntil(lambda: not labels._provisional, timeout=10_000)  # the map repaints itself once it settles
    assert len(map_view.placings) == 2
    rects = [shrunk(rect, 3) for _key, rect, req in labels.placed if not req.forced]  # a forced name may overlap
    assert not any(intersects(a, b) for n, a in enumerate(rects) for b in rects[n + 1 :])  # kept apart again


def test_a_still_always_places_its_names_afresh(map_view, monkeypatch):
    monkeypatch.setattr(labels_module, "SETTLE_S", 60.0)
    map_view.ctx.live = False  # an export's frame or a thumbnail
    map_view.placings.clear()
    map_view.state.instant = JUL3_LATER
    map_view.graphics.viewport().repaint()
    assert map_view.placings and not map_view.layer("labels")._provisional


def test_a_videos_frame_keeps_its_names_only_when_its_exporter_says(map_view):
    """Between placements a fixed number of frames apart (export.names_kept), not by the clock: the same video on
    any machine."""
    assert labels_module.SETTLE_S == 0  # by the clock every paint would place them afresh: it must not count
    map_view.ctx.live = False
    labels = map_view.layer("labels")
    before = {key: round(rect[0] - req.anchor[0], 3) for key, rect, req in labels.placed}
    map_view.placings.clear()
    map_view.ctx.keep_names = True
    map_view.state.instant = JUL3_LATER
    map_view.graphics.viewport().repaint()
    assert not map_view.placings and labels._provisional
    assert {key: round(rect[0] - req.anchor[0], 3) for key, rect, req in labels.placed}.items() <= before.items()
    map_view.ctx.keep_names = False  # the next placement: the same instant, placed afresh
    map_view.graphics.viewport().repaint()
    assert map_view.placings and not labels._provisional


@pytest.fixture
def crowd_map(qtbot, scenario, monkeypatch):
    """The window's map of a crowd (more than DETAIL_MAX units: no unit names, only the places'), the units layer's
    obstacles counted in `measured` (a test clears them first, as `placings` above)."""
    import dataclasses

    from viewer.ui.map.units import DETAIL_MAX, UnitsLayer

    copies = 1 + DETAIL_MAX // 10
    units = tuple(dataclasses.replace(u, id=f"{u.id}-{i}") for i in range(copies) for u in scenario.units)
    crowd = dataclasses.replace(scenario, units=units)
    m = _live_map(qtbot, crowd)
    m.measured = []
    real = UnitsLayer.obstacles
    monkeypatch.setattr(UnitsLayer, "obstacles", lambda layer, v: m.measured.append(1) or real(layer, v))
    yield m
    m.close()


def test_a_crowd_moving_under_kept_names_is_not_measured_until_the_map_settles(qtbot, crowd_map, monkeypatch):
    """Only the crowd moves and the same place names are asked for: while names are kept they are drawn as they were,
    without measuring the hundreds of symbols they avoid (the costliest part of a scrub's frame), and placed afresh
    round them once the map settles."""
    labels = crowd_map.layer("labels")
    before = list(labels.placed)
    assert len(before) > 5
    monkeypatch.setattr(labels_module, "SETTLE_S", 60.0)
    crowd_map.measured.clear()  # pytest-qt may have painted it again since the fixture
    crowd_map.state.instant = JUL3_LATER
    crowd_map.graphics.viewport().repaint()
    assert not crowd_map.measured
    assert labels.placed == before and labels._provisional
    assert labels._settle.isActive()  # the names will be placed afresh once SETTLE_S has passed ...
    labels._settle.stop()
    labels._settled()  # ... as now
    qtbot.waitUntil(lambda: not labels._provisional, timeout=10_000)
    assert crowd_map.measured  # placed afresh round the crowd where it now stands


def test_names_kept_by_a_paint_stay_kept_if_the_settle_time_runs_out_during_it(map_view, monkeypatch):
    """A paint that keeps the names does not measure what they avoid; if SETTLE_S runs out before it has laid them
    out, they are still kept (provisional, placed afresh once the map settles), never placed round nothing."""
    from types import SimpleNamespace

    labels = map_view.layer("labels")
    monkeypatch.setattr(labels_module, "SETTLE_S", 0.25)
    ticks = iter([1000.1])  # the paint's first look at the clock: within SETTLE_S; every later one: long after
    monkeypatch.setattr(labels_module, "time", SimpleNamespace(monotonic=lambda: next(ticks, 1010.0)))
    labels._placed_at = 1000.0
    map_view.placings.clear()
    map_view.state.instant = JUL3_LATER  # the units' names move: laid out again, at their kept spots
    map_view.graphics.viewport().repaint()
    assert not map_view.placings and labels._provisional


def test_a_kept_name_goes_only_to_a_candidate_its_request_still_has():
    """A slot's request changes between frames: a pocket's name is offered inside it at one zoom (one candidate)
    and at its edge on a leader line at the next (28), a unit's last resort on its own mark is the 29th. The spot
    kept from the last frame is dropped where the request has no such candidate: its index raised IndexError in
    the paint (the kiosk soak's SIGSEGV), or a name that must show goes to its first."""
    from viewer.core.placement import LabelRequest, candidate_rects

    edge = LabelRequest((100.0, 100.0), (60.0, 20.0), 10.0, group="pocket", reach=48.0)
    inside = LabelRequest((100.0, 100.0), (60.0, 20.0), 0.0, group="pocket", mark="inside")
    on_mark = LabelRequest((300.0, 100.0), (40.0, 20.0), 8.0, group="unit", reach=48.0, mark="unit")
    no_mark = LabelRequest((300.0, 100.0), (40.0, 20.0), 8.0, group="unit", reach=48.0)
    river = LabelRequest((500.0, 100.0), (40.0, 20.0), 8.0, group="river", forced=True)
    forced = LabelRequest((500.0, 100.0), (40.0, 20.0), 0.0, group="river", forced=True, mark="inside")
    last = [5, 28, 3]  # what the last frame chose: at the edge, on the unit's mark, the river's fourth spot
    assert labels_module._kept([edge, on_mark, river], last) == last  # each still has it: kept
    kept = labels_module._kept([inside, no_mark, forced], last)
    assert kept == [None, None, 0]  # a name that must show: its first candidate
    for req, i in zip([inside, no_mark, forced], kept, strict=True):
        if i is not None:
            candidate_rects(req, 8, 6)[i]  # drawable
