"""The map tells the story cleanly: the legend lists exactly what is drawn, labels stay by what they name, the
names that must show do, overlays keep off the disputed ground, the camera follows the story, and the first
screen leads into the tour (offscreen)."""

from __future__ import annotations

import itertools
from datetime import datetime

import numpy as np
import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtTest, QtWidgets
from qt_events import wheel_up

from viewer.core.model import STATES
from viewer.core.placement import candidate_rects, distance_to_rect, label_reach
from viewer.core.story_camera import event_camera
from viewer.ui.main_window import MainWindow
from viewer.ui.map.trails import TRAIL_PX
from viewer.ui.map.units import units_in_view

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
MOMENTS = [datetime(1939, 5, 28, 12), datetime(1939, 7, 3, 19), datetime(1939, 8, 24, 12), datetime(1939, 8, 31, 12)]


def shown(qtbot, scenario, size=(1600, 900), **values) -> MainWindow:
    w = MainWindow(scenario, None, **{"language": "en", **values})  # not whatever language an earlier test left
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def paint(w: MainWindow) -> QtGui.QImage:
    vp = w.map.graphics.viewport()
    vp.repaint()
    return vp.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB32)


def legend_keys(w: MainWindow) -> set[str]:
    return {e.key for e in w.map.layer("furniture").entries()}


def test_the_legend_lists_exactly_the_marks_on_the_map(qtbot, scenario):
    w = shown(qtbot, scenario)
    for at in MOMENTS:
        w.state.instant = at
        paint(w)
        ctx = w.map.ctx
        ks = units_in_view(ctx)
        pos = ctx.positions()
        keys = legend_keys(w)
        sides = {ctx.motion.units[k].side for k in ks}
        assert {k for k in keys if k.startswith("unit:side:")} == {f"unit:side:{s}" for s in sides}, at
        echelons = {ctx.motion.units[k].echelon for k in ks}
        assert {k for k in keys if k.startswith("unit:echelon:")} == {f"unit:echelon:{e}" for e in echelons}, at
        states = {STATES[pos.state[k]] for k in ks}
        for state in ("destroyed", "withdrawn"):
            assert (f"unit:{state}" in keys) == (state in states), (at, state)
        assert ("halos:approximate" in keys) == bool(np.any(pos.radius_km[ks] > 0))
        assert {"base:disputed", "base:claim:mongolia", "base:claim:manchukuo", "base:border", "base:river"} <= keys
    w.state.instant = datetime(1939, 8, 24, 12)
    assert {"abbr:MA", "base:river:approximate"} <= legend_keys(w)
    assert "unit:destroyed" not in legend_keys(w)  # the 72nd attacks at noon; it is shattered that evening
    assert not {"unit:attacking", "unit:retreating"} & legend_keys(w)  # no unit's own arrow: the axes tell the blows
    w.state.instant = datetime(1939, 8, 25, 12)
    assert "unit:destroyed" in legend_keys(w)
    w.state.instant = datetime(1939, 8, 21, 12)
    assert "unit:attacking" in legend_keys(w)  # the 9th Motor-Armoured Brigade round Fui since 20 August
    w.state.instant = datetime(1939, 8, 24, 12)
    texts = {e.key: e.text for e in w.map.layer("furniture").entries()}
    assert texts["unit:echelon:brigade"] == "brigade (Bde)" and texts["abbr:MA"] == "motor-armoured"
    w.state.toggle_layer("claims", False)
    w.state.toggle_layer("border", False)
    assert not any(k.startswith(("base:claim", "base:border")) for k in legend_keys(w))
    w.state.selected_unit = "S-6TB"
    w.state.highlighted_place = "noro_heights"
    assert {"unit:selected", "highlight"} <= legend_keys(w)


def test_every_label_stays_by_what_it_names(qtbot, scenario):
    w = shown(qtbot, scenario)
    labels = w.map.layer("labels")
    for at in MOMENTS:
        w.state.instant = at
        paint(w)
        assert labels.placed
        for key, rect, req in labels.placed:
            d = distance_to_rect(req.anchor, rect)
            assert d <= label_reach(req, labels.lift, labels.drop) + 0.5, (at, key)
            # a label never drifts from its symbol (a unit's name set farther out in a crowd has a leader line)
            assert d <= 60 * w.map.ctx.scale + req.reach, (at, key, d)


def test_the_names_that_must_show_do_in_both_namings(qtbot, scenario):
    w = shown(qtbot, scenario)
    labels = w.map.layer("labels")
    for naming in ("soviet", "japanese"):
        w.state.naming = naming
        for at in MOMENTS:
            w.state.instant = at
            paint(w)
            placed = {key for key, *_ in labels.placed}
            always = {("place", "nomonhan_burd_obo"), ("place", "khalkhin_gol_river"), ("place", "holsten_river")}
            assert always <= placed, (naming, at)  # the dashed Khailastyn Gol is named wherever it is drawn
            event = w.state.current_event
            if event.places and event.places[0] in {p.id for p in w.map.layer("places").places}:
                assert ("place", event.places[0]) in placed, (naming, at, event.id)
    w.state.highlighted_place = "peschanaya"
    paint(w)
    assert ("place", "peschanaya") in {key for key, *_ in labels.placed}


def test_a_place_the_war_made_appears_from_its_first_event(qtbot, scenario):
    w = shown(qtbot, scenario, instant=datetime(1939, 5, 11, 12))
    places = w.map.layer("places")
    assert "crossing_3jul" not in {p.id for p in places.places}
    paint(w)
    assert ("place", "crossing_3jul") not in {key for key, *_ in w.map.layer("labels").placed}
    w.state.instant = datetime(1939, 7, 3, 2)  # the crossing itself
    assert "crossing_3jul" in {p.id for p in places.places}
    assert "nomonhan_burd_obo" in {p.id for p in places.places}  # a hill is always there


def test_trails_from_far_off_are_clipped(qtbot, scenario):
    w = shown(qtbot, scenario, instant=datetime(1939, 7, 3, 12))
    trails = w.map.layer("trails")
    drawn = trails.trails(trails.to_device(w.map.graphics.viewportTransform()))
    assert drawn, "no trail on 3 July: the test needs another date"
    most = TRAIL_PX * w.map.ctx.scale + 0.5
    assert all(_length(points) <= most for _, points in drawn)


def _length(points) -> float:
    return sum(np.hypot(b.x() - a.x(), b.y() - a.y()) for a, b in itertools.pairwise(points))


def test_a_move_between_two_frames_leaves_a_trail_to_where_it_began(qtbot, scenario):
    """Issue 14: on 24 August the 72nd Regiment and the 9th Motor-Armoured Brigade stood where they had arrived
    the day before, with no trail: the trail began at the fix before, at the same place. The trail follows the
    fixes back to where the move began (9 MA Bde: from the west bank, through its attack of 21 August)."""
    w = shown(qtbot, scenario, instant=datetime(1939, 8, 24, 12))
    trails = w.map.layer("trails")
    t = QtGui.QTransform()  # in map km
    drawn = trails.trails(t)
    for uid in ("J-72IR", "S-9MBB"):
        unit = scenario.unit(uid)
        k = w.map.ctx.motion.index(uid)
        pos = w.map.ctx.positions()
        head = t.map(QtCore.QPointF(pos.x[k], pos.y[k]))
        ends = [points for side, points in drawn if side == unit.side and (points[-1] - head).manhattanLength() < 1]
        assert ends and _length(ends[0]) > 5, uid  # km: both moved more than 10 km
    assert "trails" in legend_keys(w)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_no_overlay_covers_the_disputed_ground(qtbot, scenario, size):
    """Pixel check: where the legend, inset, scale bar and north arrow lie, the disputed ground is not, and no
    pixel of the ground under them changes when they are shown (a place name elsewhere may move to make room)."""
    w = shown(qtbot, scenario, size)
    m = w.map
    for at in (datetime(1939, 5, 28, 12), datetime(1939, 8, 24, 12)):
        w.state.instant = at
        w.state.camera = w.state.bounds.home
        with_overlays = paint(w)
        overlays = [m.layer("furniture"), m.layer("inset")]
        boxes = [r for layer in overlays for r in layer.obstacles(m.graphics.viewportTransform())]
        assert m.layer("inset").isVisible()
        for layer in overlays:
            layer.setVisible(False)
        without = paint(w)
        for layer in overlays:
            layer.setVisible(True)
        mask = QtGui.QImage(with_overlays.size(), QtGui.QImage.Format.Format_RGB32)
        mask.fill(QtGui.QColor("black"))
        p = QtGui.QPainter(mask)
        p.setTransform(m.layer("base").sceneTransform() * m.graphics.viewportTransform())
        p.setPen(QtCore.Qt.PenStyle.NoPen)
        p.setBrush(QtGui.QColor("white"))
        p.drawPath(m.layer("base").shapes[0][1])
        p.end()
        a, b, k = (np.frombuffer(i.constBits(), np.uint32).reshape(i.height(), -1) for i in (with_overlays, without, mask))
        inside = (k & 0xFFFFFF) == 0xFFFFFF
        assert inside.sum() > 10_000  # the ground is on screen
        under = np.zeros(inside.shape, bool)
        for x, y, bw, bh in boxes:
            under[max(0, int(y)) : int(y + bh) + 1, max(0, int(x)) : int(x + bw) + 1] = True
        assert int((under & inside).sum()) == 0, (size, at)  # no overlay lies on the ground
        assert int(((a != b) & inside & under).sum()) == 0, (size, at)
        assert (a != b).sum() > 1000  # the overlays are drawn (elsewhere)


def test_stepping_follows_the_story_until_the_visitor_takes_the_camera(qtbot, scenario):
    w = shown(qtbot, scenario, instant=datetime(1939, 7, 3, 15))
    s = w.state
    w.commands.trigger("step.next")  # "attacked from three sides", at Bain-Tsagan
    target = event_camera(scenario, w.motion, s.current_event, s.bounds.home)
    qtbot.waitUntil(lambda: s.camera.close_to(target, 0.01), timeout=5000)
    assert target.size[0] < s.bounds.home.size[0]  # it frames the action, closer than the whole battlefield
    w.commands.trigger("zoom.out")  # a manual zoom takes over
    assert not s.follow_story and not w.commands.actions["follow"].isChecked()
    taken = s.camera
    w.commands.trigger("step.next")
    qtbot.waitUntil(lambda: not w.clock.easing, timeout=5000)
    assert s.camera == taken  # the story moves on, the camera stays where the visitor put it
    w.commands.trigger("follow")  # Follow the story: back to the event
    target = event_camera(scenario, w.motion, s.current_event, s.bounds.home)
    qtbot.waitUntil(lambda: s.camera.close_to(target, 0.01), timeout=5000)
    assert s.follow_story and w.follow_button.isChecked()


def test_the_wheel_takes_the_camera_and_zooms_about_the_pointer(qtbot, scenario):
    w = shown(qtbot, scenario)
    vp = w.map.graphics.viewport()
    pos = QtCore.QPointF(vp.width() * 0.25, vp.height() * 0.3)
    before = w.map.view.mapSceneToView(w.map.graphics.mapToScene(pos.toPoint()))
    width = np.diff(w.map.view.viewRange()[0])[0]
    wheel_up(vp, pos)
    after = w.map.view.mapSceneToView(w.map.graphics.mapToScene(pos.toPoint()))
    assert not w.state.follow_story
    assert np.diff(w.map.view.viewRange()[0])[0] < width * 0.95 and w.state.camera.close_to(w.map.shown_camera())
    assert (after.x(), after.y()) == pytest.approx((before.x(), before.y()), abs=0.05)  # the point under the pointer stays


def test_plus_zooms_about_the_action_when_the_pointer_is_off_the_map(qtbot, scenario):
    w = shown(qtbot, scenario, instant=datetime(1939, 8, 24, 12))
    QtGui.QCursor.setPos(w.mapToGlobal(QtCore.QPoint(w.width() - 5, w.height() - 5)))  # over the timeline
    if w.map.pointer_km() is not None:
        pytest.skip("this platform cannot move the pointer off the map")
    action = w.frame_event(w.state.current_event).centre
    home = w.state.camera
    w.commands.trigger("zoom.in")
    cam = w.state.camera
    fx = (action[0] - home.x0) / home.size[0]
    assert (action[0] - cam.x0) / cam.size[0] == pytest.approx(fx, abs=1e-6)  # the action stays put, not the centre
    assert cam.centre != pytest.approx(home.centre)


def test_the_first_screen_leads_into_the_tour_and_a_key_ends_it(qtbot, scenario, app_home):
    from viewer.ui.app import build_window
    from viewer.ui.settings import Settings
    from viewer.ui.welcome import Welcome

    w = build_window(scenario, None, Settings())
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is w, timeout=3000)
    welcome = w.map.findChild(Welcome)
    assert welcome is not None and welcome.isVisible()
    text = welcome.text.toPlainText()
    assert "Kwantung Army" in text and "Zhukov" in text and welcome.tour_button.text() == "Take the tour"
    assert "puppet" not in text and "Marshal" not in text  # common errors A3, A4
    qtbot.mouseClick(welcome.tour_button, QtCore.Qt.MouseButton.LeftButton)
    assert w.tour.running and not welcome.isVisible()
    assert w.state.story is w.tour.story and w.state.step == 0 and w.state.follow_story
    QtTest.QTest.keyClick(w, QtCore.Qt.Key.Key_Escape)
    assert not w.tour.running and not w.tour.timer.isActive()
    assert len(w.state.story) == len(scenario.events)  # every event again, in time order


def test_in_a_crowd_a_units_name_goes_farther_out_rather_than_being_left_out(qtbot, scenario):
    """3 July 19:00 at Bain-Tsagan: four Japanese symbols on one point among Soviet ones. Names with no room beside
    their symbol sit a little farther out, on a leader line, or shorter ('6 Cav'), rather than being left out. In
    a window this small five still find no room that would not mislead (issue 14: a name nearer another mark
    than its own, across the river from its mark, or with its line through another box is worse than none):
    the 23rd Division's, the 26th and 72nd Regiments', the 36th Motor Rifle Division's and the 7th Brigade's
    (a known fault, in the issue's note: a crowd's names need room made for them, not only spots found)."""
    from viewer.core.placement import NEAR

    w = shown(qtbot, scenario)
    w.state.instant = datetime(1939, 7, 3, 19)
    paint(w)
    labels, units = w.map.layer("labels"), w.map.layer("units")
    lay = units.layout(units.to_device(w.map.graphics.viewportTransform()))
    reported = w.map.ctx.positions().reported  # a last-reported mark's name gives way to the units' (149th Rgt)
    on_map = {w.map.motion.units[int(k)].id for k in lay.k if not reported[k]}
    named = {key[1] for key, _rect, _req in labels.placed if key[0] == "unit"}
    assert len(on_map - named) <= 5, on_map - named
    far = [
        key
        for key, rect, req in labels.placed
        if key[0] == "unit" and rect not in candidate_rects(req, labels.lift, labels.drop)[:NEAR]
    ]
    if not far:  # units set aside from the arrows' heads (issue 14) gave every name room here: 5 July, same ground
        w.state.instant = datetime(1939, 7, 5, 12)
        paint(w)
        far = [
            key
            for key, rect, req in labels.placed
            if key[0] == "unit" and rect not in candidate_rects(req, labels.lift, labels.drop)[:NEAR]
        ]
    assert far, "no name needed to go farther out: the test needs a more crowded moment"


@pytest.mark.parametrize("at", [datetime(1939, 7, 25, 12), datetime(1939, 8, 24, 12), datetime(1939, 8, 26, 12)])
def test_an_arrows_head_is_not_hidden_under_a_unit(qtbot, scenario, at):
    """Issue 14: the fresh reader found the 25 July attack a stub with its head under the 64th Regiment's symbol,
    and the 24 August pincers' heads under the 8th and 9th Brigades': the blow's direction could not be read. A
    unit whose symbol would cover an arrow's head is moved aside (its true place ringed, as in a crowd)."""
    from viewer.ui.map.operations import HEAD_PX
    from viewer.ui.symbols import symbol_size

    w = shown(qtbot, scenario)
    w.state.instant = at
    paint(w)
    units, arrows = w.map.layer("units"), w.map.layer("manoeuvres")
    t = units.to_device(w.map.graphics.viewportTransform())
    lay = units.layout(t)
    size = symbol_size(units.scale)
    half = np.array([size.width(), size.height()]) / 2
    heads = []
    for arrow, _shape in arrows.shapes(t):
        xy = np.array([(q.x(), q.y()) for q in (t.map(QtCore.QPointF(x, y)) for x, y in arrow.path)])
        tip, before = xy[-1], xy[-2]
        d = (tip - before) / np.hypot(*(tip - before))
        heads += [tip, tip - d * HEAD_PX * units.scale / 2]
    assert heads, "no arrow at this moment: the test needs another"
    covered = [
        (w.map.motion.units[int(k)].id, tuple(np.round(h)))
        for k, pt in zip(lay.k, lay.shown_xy, strict=True)
        for h in heads
        if np.all(np.abs(h - pt) < half)
    ]
    assert covered == [], covered


def test_a_move_does_not_start_under_an_enemy_unit(qtbot, scenario):
    """Issue 14: on 26 August the Fui garrison's breakout arrows started under the 601st Regiment's symbol (the
    regiment took the height once Ioki had led the survivors out, Goldman): a reader took the 601st for the unit
    breaking out. A unit of the other side standing on an arrow's start is set back from it."""
    from viewer.ui.map.operations import ALLIES, HEAD_PX
    from viewer.ui.symbols import symbol_size

    w = shown(qtbot, scenario, size=(2400, 1350))  # the map as large as in the 1600x900 frame the reader saw
    w.state.instant = datetime(1939, 8, 26, 12)
    paint(w)
    units, arrows = w.map.layer("units"), w.map.layer("manoeuvres")
    t = units.to_device(w.map.graphics.viewportTransform())
    lay, reported = units.layout(t), w.map.ctx.positions().reported
    size = symbol_size(units.scale)
    half = np.array([size.width(), size.height()]) / 2
    starts = [(np.array(shape.start), ALLIES[arrow.manoeuvre.side]) for arrow, shape in arrows.shapes(t)]
    assert any(a.manoeuvre.id == "fui-breakout" for a, _s in arrows.shapes(t))
    covered = [
        (w.map.motion.units[int(k)].id, side, tuple(np.round(start)), tuple(np.round(pt)))
        for k, pt in zip(lay.k, lay.shown_xy, strict=True)
        for start, side in starts
        if ALLIES[w.map.motion.units[int(k)].side] != side
        and not reported[k]  # a faint 'last reported' mark is set among the units' room, and may stay near one
        and np.hypot(*np.maximum(np.abs(start - pt) - half, 0)) < HEAD_PX * units.scale  # this near a box: leaves it
    ]
    assert covered == [], covered


def test_a_pockets_name_is_not_set_on_the_other_sides_ground(qtbot, scenario):
    """Issue 14: on 26 August 'Japanese-held, encircled' stood west of the southern pocket, on the Soviet-held
    hatching: the name said the Soviet ground was the encircled Japanese ground."""
    from viewer.core.operations import frame_at
    from viewer.ui.map_frame import MapFrame

    at = datetime(1939, 8, 26, 12)
    with MapFrame(scenario, (1600, 900), at) as frame:  # the frame the reader saw
        frame.image()
        labels, fronts = frame.map.layer("labels"), frame.map.layer("fronts")
        t = fronts.to_device(frame.map.graphics.viewportTransform())
        soviet = [
            QtGui.QPolygonF([t.map(QtCore.QPointF(x, y)) for x, y in ring])
            for ground, ring in frame_at(scenario.operations, at).grounds
            if ground.side == "soviet" and ground.kind == "held"
        ]
        pockets = [rect for key, rect, _req in labels.placed if key[0] == "pocket"]
    assert pockets, "no pocket named: the test needs another moment"
    fill = QtCore.Qt.FillRule.OddEvenFill
    on_soviet = [r for r in pockets for g in soviet if g.containsPoint(QtCore.QPointF(r[0] + r[2] / 2, r[1] + r[3] / 2), fill)]
    assert on_soviet == []


@pytest.mark.parametrize("at", [datetime(1939, 7, 3, 19), datetime(1939, 7, 5), datetime(1939, 8, 24, 12)])
def test_no_unit_is_moved_aside_across_a_river(qtbot, scenario, at):
    """Issue 14: on 5 July the 23rd Division's HQ and the 26th Regiment, pushed out of the crowd at the crossing,
    stood on the west bank the Japanese had just left: which bank they held could not be read. A symbol moved aside
    stays on its own bank (a river within half a symbol of where it stands, as at a bridge, does not count)."""
    from viewer.core.placement import Barriers
    from viewer.ui.map.rivers import _rivers_km
    from viewer.ui.symbols import symbol_size

    w = shown(qtbot, scenario)
    w.state.update(follow_story=False, instant=at)
    paint(w)
    units = w.map.layer("units")
    t = units.to_device(w.map.graphics.viewportTransform())
    lay = units.layout(t)
    m = np.array([[t.m11(), t.m12()], [t.m21(), t.m22()]])
    rivers = Barriers([xy @ m + (t.dx(), t.dy()) for xy in _rivers_km(w.map.ctx)])  # every river, unclipped
    stand = symbol_size(units.scale).width() / 2
    across = [
        w.map.motion.units[int(k)].id
        for k, a, b in zip(lay.k, lay.true_xy, lay.shown_xy, strict=True)
        if any(s * np.hypot(*(b - a)) > stand for s in rivers.crossings(tuple(a), tuple(b)))
    ]
    assert across == []


EIGHT = ["1939-05-28", "1939-07-03T19:00", "1939-07-05", "1939-07-25", "1939-08-20", "1939-08-24", "1939-08-26", "1939-08-31"]


@pytest.mark.parametrize("at", EIGHT)
def test_every_unit_in_the_eight_frames_carries_its_name(scenario, at):
    """Issue 14, the fifth fresh reader: crowds left boxes unnamed (5 July the 64th; 26 August a regiment of the
    southern pocket; 31 August the 26th's 'last reported' mark): a box without a name cannot be told from its
    neighbours. Where no spot beside it is free for its name, its number goes where it hides least."""
    from viewer.ui.map_frame import MapFrame

    when = datetime.fromisoformat(at if "T" in at else at + "T12:00")
    with MapFrame(scenario, (1600, 900), when, None) as frame:
        frame.show(when, "day")
        frame.image()
        units, labels = frame.map.layer("units"), frame.map.layer("labels")
        lay = units.layout(units.to_device(frame.map.graphics.viewportTransform()))
        on_map = {frame.map.motion.units[int(k)].id for k in lay.k}
        named = {key[1] for key, _rect, _req in labels.placed if key[0] == "unit"}
        assert on_map <= named, on_map - named


def test_the_approximate_badge_marks_only_the_less_certain_positions(qtbot, scenario, monkeypatch):
    """Issue 14, the fifth fresh reader: the '≈' badge sat on nearly every unit (almost every position is inferred
    from narrative), so it said nothing. The legend now says once that the units' positions are approximate, to
    within BADGE_KM, and the badge marks only a unit whose position may be farther off than that."""
    from viewer.ui.map import units as units_module

    badged: dict[str, bool] = {}
    real = units_module.symbol_pixmap

    def spy(side, branch, echelon, state, scale, dpr=1.0, badge=False):
        badged[side + branch + echelon + state + str(len(badged))] = badge
        return real(side, branch, echelon, state, scale, dpr, badge)

    monkeypatch.setattr(units_module, "symbol_pixmap", spy)
    w = shown(qtbot, scenario)
    w.state.instant = datetime(1939, 8, 24, 12)
    badged.clear()
    paint(w)
    ks = units_in_view(w.map.ctx)
    ks = ks[~w.map.ctx.positions().reported[ks]]  # a last-reported mark is a hollow frame, with no badge
    radius = w.map.ctx.positions().radius_km[ks]
    assert np.count_nonzero(radius > units_module.BADGE_KM) <= len(ks) / 2  # the badge picks out some, not most
    assert sum(badged.values()) == np.count_nonzero(radius > units_module.BADGE_KM) > 0
    keys = legend_keys(w)
    assert {"halos:approximate", "halos:badge"} <= keys
    texts = {e.key: e.text for e in w.map.layer("furniture").entries()}
    assert f"{units_module.BADGE_KM:g} km" in texts["halos:approximate"]


def test_a_commander_killed_that_day_is_marked_on_the_map(qtbot, scenario):
    """Issue 14, the fifth fresh reader: on 26 August the caption says 'Morita killed' and nothing on the map said
    so. The content gives the day (Kusunoki; which regiment he led is disputed, and the regiment's label says whose
    name it is as the event's title does): that day his name carries a †, which the legend explains."""
    w = shown(qtbot, scenario)
    labels = w.map.layer("labels")
    w.state.instant = datetime(1939, 8, 26, 12)
    paint(w)
    asked = w.map.layer("units").labels(w.map.graphics.viewportTransform())
    first = next(lb.text for lb in asked if lb.key == ("unit", "J-71IR"))  # its name; shorter ones for a crowd after it
    assert first == "71 Inf Rgt (Morita †)"
    assert ("unit", "J-71IR") in {key for key, _rect, _req in labels.placed}
    assert "unit:killed" in legend_keys(w)
    w.state.instant = datetime(1939, 8, 24, 12)
    paint(w)
    assert "unit:killed" not in legend_keys(w)


def test_a_pockets_name_stands_inside_it_where_the_units_leave_room(qapp, scenario):
    """Sixth fresh reader: on 24 August 'Japanese-held, encircled' stood above the southern pocket, on ground nobody's
    hatching covered, and read as naming that ground. Where the units leave room (the docs' 1600x900 frame), the name
    stands in the ring."""
    import shapely

    from viewer.ui.map_frame import MapFrame

    with MapFrame(scenario, (1600, 900), datetime(1939, 8, 24, 12)) as frame:
        frame.image()
        labels, ops = frame.map.layer("labels"), frame.map.layer("fronts")
        t = labels._device  # the last paint's km to the picture's pixels, where the names were placed
        ring = next(ring for g, ring in ops.frame().grounds if g.id == "pocket")  # the southern one ("fui-garrison": Ioki's)
        pocket = shapely.Polygon([t.map(QtCore.QPointF(*pt)).toTuple() for pt in ring])
        x, y, width, height = next(rect for key, rect, _req in labels.placed if key == ("pocket", "pocket"))
    assert pocket.contains(shapely.Point(x + width / 2, y + height / 2))


@pytest.mark.parametrize("at", MOMENTS)
def test_the_legend_hides_no_units_mark(qapp, scenario, at):
    """Sixth fresh reader: on 28 May the legend covered 22 IAP, a 'last reported' mark (the legend shunned only the
    marks that keep names away). No overlay hides a unit's mark where a corner that does not is left."""
    from viewer.core.placement import intersects
    from viewer.ui.map_frame import MapFrame

    with MapFrame(scenario, (1600, 900), at) as frame:
        frame.image()
        furniture, units = frame.map.layer("furniture"), frame.map.layer("units")
        legend = furniture.where("legend")
        marks = units.marks(frame.map.graphics.viewportTransform())
    assert legend is not None and marks
    box = (legend.x(), legend.y(), legend.width(), legend.height())
    assert not [m for m in marks if intersects(box, m)]
