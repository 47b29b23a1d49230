"""Placement of symbols and labels, and the map's home camera: pure functions, no Qt, no display."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.core.camera import Camera
from viewer.core.map_extent import battlefield_camera
from viewer.core.placement import (
    NEAR,
    Barriers,
    LabelRequest,
    Occupancy,
    candidate_count,
    candidate_rects,
    choose_candidates,
    contains,
    declutter,
    intersects,
    overlap,
    place_labels,
    place_overlays,
)
from viewer.core.view_state import ViewState

VIEW = (0.0, 0.0, 1000.0, 800.0)
SYMBOL = (40.0, 27.0)


def overlapping_pairs(xy: np.ndarray, size: tuple[float, float], gap: float, tolerance: float = 0.0) -> int:
    """Pairs of symbols (with their echelon marks and gap) that overlap by more than `tolerance` pixels."""
    w, h = size[0] + gap - tolerance, size[1] * 1.9 + gap - tolerance
    return sum(
        abs(xy[i, 0] - xy[j, 0]) < w and abs(xy[i, 1] - xy[j, 1]) < h for i in range(len(xy)) for j in range(i + 1, len(xy))
    )


def test_declutter_pushes_overlapping_symbols_apart_and_leaves_free_ones_alone():
    xy = np.array([[100.0, 100.0], [110.0, 105.0], [112.0, 98.0], [600.0, 400.0]])
    out = declutter(xy, SYMBOL, 4)
    assert out.shape == (4, 2)
    assert overlapping_pairs(xy, SYMBOL, 4) == 3 and overlapping_pairs(out, SYMBOL, 4, tolerance=1) == 0
    assert tuple(out[3]) == (600.0, 400.0)
    assert tuple(xy[0]) == (100.0, 100.0)  # the caller's array is not changed


def test_declutter_separates_symbols_at_the_same_point_and_keeps_one_alone():
    out = declutter([(50.0, 50.0), (50.0, 50.0)], SYMBOL, 4)
    assert overlapping_pairs(out, SYMBOL, 4, tolerance=1) == 0
    assert declutter([(5.0, 6.0)], SYMBOL, 4).tolist() == [[5.0, 6.0]]
    assert declutter(np.zeros((0, 2)), SYMBOL, 4).shape == (0, 2)


def test_rectangles_that_only_touch_or_are_empty_do_not_intersect():
    assert intersects((0, 0, 10, 10), (5, 5, 10, 10))
    assert not intersects((0, 0, 10, 10), (10, 0, 10, 10))
    assert not intersects((0, 0, 10, 10), (5, 5, 0, 0))
    assert contains((0, 0, 10, 10), (0, 0, 10, 10)) and not contains((0, 0, 10, 10), (1, 1, 10, 1))
    grid = Occupancy([(0, 0, 10, 10), (300, 300, 5, 5)])
    assert grid.hits((8, 8, 100, 100)) and not grid.hits((20, 20, 100, 100))


def test_a_label_goes_right_of_its_anchor_when_there_is_room():
    req = LabelRequest((100.0, 100.0), (60.0, 20.0), 10.0)
    assert candidate_rects(req, 8, 6)[0] == (110.0, 90.0, 60.0, 20.0)
    assert place_labels([req], [], VIEW) == [(110.0, 90.0, 60.0, 20.0)]


def test_a_label_keeps_the_spot_it_had_last_frame_while_that_spot_is_free():
    req = LabelRequest((100.0, 100.0), (60.0, 20.0), 10.0, group=("place", "a"))
    assert choose_candidates([req], [], VIEW) == [0]  # right: the first choice of a label seen for the first time
    assert choose_candidates([req], [], VIEW, preferred=[1]) == [1]  # it was on the left: it stays there
    left = candidate_rects(req, 8, 6)[1]
    assert choose_candidates([req], [left], VIEW, preferred=[1]) == [0]  # its old spot is taken: the usual order
    grid = Occupancy([left])
    assert grid.hits(left) and not grid.hits(candidate_rects(req, 8, 6)[0])


def test_a_unit_name_is_not_set_level_with_another_units_symbol_nearer_than_its_own():
    """A name just right of its symbol, with another symbol level with it a few pixels past its end, reads as that
    other symbol's (the fresh reader took "Kajikawa Bn" for a Soviet tank's name): it goes elsewhere."""
    mine = LabelRequest((100.0, 100.0), (60.0, 20.0), 24.0, ("unit", "a"), mark="unit")
    right = candidate_rects(mine, 8, 6)[0]
    other = LabelRequest((right[0] + right[2] + 10.0, 100.0), (60.0, 20.0), 24.0, ("unit", "b"), mark="unit")
    first, _ = choose_candidates([mine, other], [], VIEW)
    assert first not in (None, 0)
    x, y, w, h = candidate_rects(mine, 8, 6)[first]
    level = y <= other.anchor[1] <= y + h
    assert not level or min(abs(other.anchor[0] - x), abs(other.anchor[0] - x - w)) > 3.2 * 24  # not beside the other
    plain = [LabelRequest(r.anchor, r.size, r.gap, r.group) for r in (mine, other)]  # names of places are not asked
    assert choose_candidates(plain, [], VIEW)[0] == 0


def test_a_forced_label_with_no_free_spot_stays_where_it_was_last_frame():
    """Nomonhan's name, forced in a crowd, is drawn where it hides least when first seen; while the story runs on
    it keeps that spot rather than jumping to whichever hides a few pixels less in each frame."""
    req = LabelRequest((500.0, 400.0), (80.0, 20.0), 8.0, forced=True)
    rects = candidate_rects(req, 8, 6)
    crowd = [rects[0], rects[1]]  # right and left fully taken; above only half
    crowd.append((rects[2][0], rects[2][1], rects[2][2] / 2, rects[2][3]))
    crowd += [r for r in rects[3:]]
    fresh = choose_candidates([req], crowd, VIEW)[0]
    assert fresh == 2  # hides least
    assert choose_candidates([req], crowd, VIEW, preferred=[5])[0] == 5  # it was there: it stays


def test_a_name_with_alternatives_stays_at_the_alternative_it_had_last_frame():
    """A river's name is offered at several points along the river; placed at the second because the first was
    taken, it stays there next frame when the first is free again, rather than hopping back."""
    points = [(100.0, 100.0), (300.0, 100.0), (500.0, 100.0)]
    river = [LabelRequest(pt, (60.0, 20.0), 0.0, group=("place", "river")) for pt in points]
    blocked = [(0.0, 0.0, 200.0, 200.0)]
    assert choose_candidates(river, blocked, VIEW) == [None, 0, None]
    assert choose_candidates(river, [], VIEW) == [0, None, None]  # seen afresh: the first point
    assert choose_candidates(river, [], VIEW, preferred=[None, 0, None]) == [None, 0, None]  # it stays


def test_a_place_name_is_not_set_just_after_another_places_mark():
    """31 August: Nomonhan Burd Obo's name, pushed to the left of its hill, began right after Hill 731's triangle
    and read as that hill's name. Names are read as following their mark, so a mark on the left weighs more."""
    own = LabelRequest((200.0, 100.0), (60.0, 20.0), 8.0, ("place", "obo"), mark="place")
    right, left = candidate_rects(own, 8, 6)[:2]
    other = LabelRequest((left[0] - 10.0, 100.0), (60.0, 20.0), 8.0, ("place", "hill"), mark="place")  # nearer by eye
    first, _ = choose_candidates([own, other], [right], VIEW)
    assert first not in (None, 0, 1)  # not right (taken), not left (after the other hill): above or below
    unmarked = LabelRequest(other.anchor, other.size, other.gap, other.group)  # a river's name: no mark there
    assert choose_candidates([own, unmarked], [right], VIEW)[0] == 1


def test_a_leader_line_does_not_run_through_another_units_symbol():
    """A name set farther out on a leader line must not have the line pass over another unit's symbol on the way
    (the reader follows the line to the wrong symbol): that spot is refused, another taken or the name left out."""
    req = LabelRequest((300.0, 300.0), (60.0, 20.0), 24.0, ("unit", "a"), reach=48.0, mark="unit")
    rects = candidate_rects(req, 8, 6)
    far = rects[NEAR + 8 + 4]  # the outer ring's up-right spot
    crowd = [(r[0], r[1], 1.0, 1.0) if intersects(r, far) else r for r in rects if r != far]  # every other spot taken
    corner = (far[0], far[1] + far[3])  # where the leader line meets the name
    in_the_way = LabelRequest(((300.0 + corner[0]) / 2, (300.0 + corner[1]) / 2), (1.0, 1.0), 24.0, ("unit", "b"), mark="unit")
    assert choose_candidates([req], crowd, VIEW)[0] == NEAR + 8 + 4
    assert choose_candidates([req, in_the_way], crowd, VIEW)[0] is None


def test_a_label_avoids_obstacles_the_view_edge_and_earlier_labels():
    req = LabelRequest((100.0, 100.0), (60.0, 20.0), 10.0)
    assert place_labels([req], [(105.0, 80.0, 80.0, 40.0)], VIEW)[0] == (30.0, 90.0, 60.0, 20.0)  # left of it
    at_edge = LabelRequest((980.0, 100.0), (60.0, 20.0), 10.0)
    assert place_labels([at_edge], [], VIEW)[0] == (910.0, 90.0, 60.0, 20.0)
    first, second = place_labels([req, req], [], VIEW)
    assert first == (110.0, 90.0, 60.0, 20.0) and second == (30.0, 90.0, 60.0, 20.0)


def test_a_label_with_no_room_is_left_out_and_the_others_still_placed():
    boxed = LabelRequest((100.0, 100.0), (60.0, 20.0), 10.0)
    free = LabelRequest((500.0, 500.0), (60.0, 20.0), 10.0)
    chosen = place_labels([boxed, free], [(0.0, 0.0, 300.0, 300.0)], VIEW)
    assert chosen == [None, (510.0, 490.0, 60.0, 20.0)]


def test_labels_keep_out_of_each_other_however_many():
    rng = np.random.default_rng(3)
    reqs = [LabelRequest((float(x), float(y)), (80.0, 18.0), 8.0) for x, y in rng.uniform(0, 800, (80, 2))]
    placed = [r for r in place_labels(reqs, [], VIEW) if r is not None]
    assert len(placed) > 20
    assert all(contains(VIEW, r) for r in placed)
    shrink = [(x + 2.5, y + 2.5, w - 5, h - 5) for x, y, w, h in placed]
    assert not any(intersects(a, b) for i, a in enumerate(shrink) for b in shrink[i + 1 :])  # halos may touch


def test_the_home_camera_is_the_battlefield_in_km(scenario):
    home = battlefield_camera(scenario)
    b, proj = scenario.battlefield, scenario.projection
    assert (home.x0, home.y0) == pytest.approx(proj.point(b.west, b.south))
    assert (home.x1, home.y1) == pytest.approx(proj.point(b.east, b.north))
    assert 30 < home.size[0] < 100 and 30 < home.size[1] < 100
    assert ViewState(scenario, home).bounds.home == home == Camera(*home.as_tuple())


def test_a_forced_label_is_drawn_even_where_crowded_and_alternatives_place_one_label():
    from viewer.core.placement import label_reach

    crowd = [(0.0, 0.0, 1000.0, 800.0)]  # every candidate is covered
    free, forced = LabelRequest((500, 400), (80, 20), 8), LabelRequest((500, 400), (80, 20), 8, forced=True)
    assert place_labels([free, forced], crowd, VIEW) == [None, candidate_rects(forced, 8, 6)[0]]
    first, second = LabelRequest((20, 400), (80, 20), 8, group="claim"), LabelRequest((500, 400), (80, 20), 8, group="claim")
    chosen = place_labels([first, second], [], VIEW)  # the first alternative leaves the view on every side but one
    assert sum(r is not None for r in chosen) == 1
    reach = label_reach(free, 8, 6)
    assert 8 <= reach <= 8 + 20 + 8  # gap, a label's height and the lift: never far from what it names


def test_an_overlay_never_hides_a_mark_while_a_spot_or_shape_that_does_not_is_left():
    """26 Aug: the legend sat over the 1st Army Group's symbol and Sümber's mark, as it covered less of the
    disputed ground there; a mark counts before the ground, and a legend takes another shape to keep clear."""
    ground = [(700.0, y, 300.0, 10.0) for y in range(0, 600, 10)]  # the right of a 1000×600 view
    marks = [(300.0, y, 30.0, 30.0) for y in (30.0, 285.0, 500.0)] + [(750.0, 300.0, 30.0, 30.0)]
    wide, tall = (400.0, 150.0), (200.0, 500.0)  # a legend in two columns, or in one
    (legend,) = place_overlays([wide], (1000, 600), ground, marks, preferences=[("bottom-left",)], alternatives=[[tall]])
    assert not any(overlap(legend, m) for m in marks)
    assert legend == (12.0, 88.0, *tall)  # the corner it prefers, in the shape that leaves the marks clear


def test_a_leader_line_does_not_run_through_the_side_of_another_units_box():
    """3 Jul: '23 Div', set far above its HQ, had its line run up through the 11th Tank Brigade's frame, past
    its centre by more than half a gap but through its box; nor may a name sit nearer another symbol than its own."""
    req = LabelRequest((300.0, 300.0), (40.0, 20.0), 20.0, ("unit", "hq"), reach=40.0, mark="unit")
    rects = candidate_rects(req, 8, 6)
    up = rects[NEAR + 8 + 2]  # far above, on a leader line straight up
    crowd = [r for r in rects if r != up and not intersects(r, up)]
    assert choose_candidates([req], crowd, VIEW)[0] == NEAR + 8 + 2
    beside_the_line = LabelRequest((289.0, 255.0), (40.0, 20.0), 20.0, ("unit", "tanks"), mark="unit")  # 11 px off it
    assert choose_candidates([req, beside_the_line], crowd, VIEW)[0] is None


def test_a_name_does_not_sit_nearer_another_symbol_than_its_own():
    req = LabelRequest((300.0, 300.0), (40.0, 20.0), 20.0, ("unit", "a"), mark="unit")
    right = candidate_rects(req, 8, 6)[0]
    below_it = LabelRequest((right[0] + 20.0, right[1] + right[3] + 12.0), (40.0, 20.0), 20.0, ("unit", "b"), mark="unit")
    assert choose_candidates([req, below_it], [], VIEW)[0] != 0


def test_a_name_is_not_set_across_the_river_from_its_mark():
    """3 Jul: Bain-Tsagan's name lay on the east bank in the Japanese ground, '7 MA Bde' began at the river's
    edge across from its symbol: a name stays on its mark's side of a river line; the river's own name does not."""
    river = Barriers([np.array([[330.0, 0.0], [330.0, 800.0]])])  # just right of the mark
    hill = LabelRequest((300.0, 300.0), (80.0, 20.0), 8.0, ("place", "hill"), mark="place")
    assert choose_candidates([hill], [], VIEW)[0] == 0  # right, without the river
    x, _, w, _ = candidate_rects(hill, 8, 6)[choose_candidates([hill], [], VIEW, barriers=river)[0]]
    assert x + w / 2 < 330.0
    own_name = LabelRequest((330.0, 300.0), (80.0, 20.0), 0.0, ("place", "river"))
    assert choose_candidates([own_name], [], VIEW, barriers=river)[0] == 0


def test_a_place_name_that_must_show_stays_on_its_marks_bank():
    """25 Jul: 'Soviet bridgehead (east bank)' went out on a leader line to the west bank (the line hidden under the
    36th's symbol); 3 Jul: 'Bain-Tsagan', forced with no free spot, where it hid least: across the river from its
    hill. With every spot beside it taken, a place's name is not set across the river, out on a leader or forced."""
    river = Barriers([np.array([[330.0, 0.0], [330.0, 800.0]])])  # just right of the mark
    place = LabelRequest((300.0, 300.0), (80.0, 20.0), 8.0, ("place", "bridgehead"), reach=40.0, mark="place")
    rects = candidate_rects(place, 8, 6)
    west = [r for r in rects if r[0] + r[2] / 2 < 330.0]
    assert choose_candidates([place], west, VIEW, barriers=river)[0] is None  # east only: left out, not across
    forced = LabelRequest(place.anchor, place.size, place.gap, place.group, True, place.reach, mark="place")
    crowd = [*west, *[r for r in rects if r[0] + r[2] / 2 > 330.0][:3]]  # the far bank hides less
    x, _, w, _ = rects[choose_candidates([forced], crowd, VIEW, barriers=river)[0]]
    assert x + w / 2 < 330.0
    across = next(i for i, r in enumerate(rects) if r[0] + r[2] / 2 > 330.0 and r in crowd)  # where it stood last frame
    x, _, w, _ = rects[choose_candidates([forced], crowd, VIEW, preferred=[across], barriers=river)[0]]
    assert x + w / 2 < 330.0  # it does not stay across the river once its own bank has a spot


def test_two_names_are_not_set_end_to_end_on_one_line():
    """5 Jul: "The 'Ruins' near Bain-Tsagan" ran on into "72 Inf Rgt" as one line of text."""
    first = LabelRequest((100.0, 300.0), (120.0, 20.0), 8.0, ("place", "ruins"))
    placed = candidate_rects(first, 8, 6)[0]
    second = LabelRequest((placed[0] + placed[2] + 2 + 20.0 + 60.0, 300.0), (60.0, 20.0), 20.0, ("unit", "b"))
    assert candidate_rects(second, 8, 6)[1][0] >= placed[0] + placed[2]  # its left spot would begin where it ends
    right = candidate_rects(second, 8, 6)[0]
    assert choose_candidates([first, second], [right], VIEW)[1] not in (None, 1)


def test_a_ground_names_leader_line_does_not_run_through_a_units_box():
    """20 Aug: the line from "Japanese-held, encircled" ran through the Manchukuo cavalry's box."""
    ground = LabelRequest((300.0, 300.0), (80.0, 20.0), 0.0, ("ground", "pocket"), reach=60.0)
    rects = candidate_rects(ground, 8, 6)
    up = rects[NEAR + 8 + 2]
    crowd = [r for r in rects if r != up and not intersects(r, up)]
    unit = LabelRequest((312.0, 265.0), (40.0, 20.0), 20.0, ("unit", "cav"), mark="unit")  # on the way, off centre
    assert choose_candidates([ground], crowd, VIEW)[0] == NEAR + 8 + 2
    assert choose_candidates([ground, unit], crowd, VIEW)[0] is None


def test_a_name_that_must_show_takes_a_spot_whose_leader_line_passes_no_units_box():
    """31 Aug: 'Nomonhan Burd Obo', a name that must show and had no free spot, went out on a leader line straight
    through the 9th Motor-Armoured Brigade's box, and read as the brigade's name. Of the spots that hide as little,
    one whose line passes no mark is taken."""
    place = LabelRequest((300.0, 300.0), (80.0, 20.0), 8.0, ("place", "obo"), True, 40.0, mark="place")
    rects = candidate_rects(place, 8, 6)
    crowd = rects[:NEAR] + [(x + w / 2, y + h / 2, 4.0, 4.0) for x, y, w, h in rects[NEAR:]]  # no spot is free
    first = choose_candidates([place], crowd, VIEW)[0]
    assert first is not None and first >= NEAR  # out on a line
    x, y, w, h = rects[first]
    end = (min(max(300.0, x), x + w), min(max(300.0, y), y + h))  # where the line meets the name
    brigade = LabelRequest(((300.0 + end[0]) / 2, (300.0 + end[1]) / 2), (20.0, 10.0), 5.0, ("unit", "bde"), mark="unit")
    assert choose_candidates([place, brigade], crowd, VIEW)[0] not in (None, first)


def test_declutter_moves_symbols_off_a_fixed_point_which_stays():
    """An arrow's head is a fixed obstacle: the symbol over it moves off; the head does not move."""
    head = np.array([[100.0, 100.0]])
    out = declutter([(104.0, 100.0), (400.0, 400.0)], SYMBOL, 4, fixed=head)
    assert out.shape == (2, 2) and tuple(out[1]) == (400.0, 400.0)
    assert overlapping_pairs(np.vstack((out[:1], head)), SYMBOL, 4, tolerance=1) == 0
    assert declutter([(5.0, 6.0)], SYMBOL, 4, fixed=np.array([[500.0, 500.0]])).tolist() == [[5.0, 6.0]]


def test_a_symbol_over_an_arrows_head_moves_along_the_arrow_off_it():
    """Its own side's symbol goes back onto the arrow's body (a unit at the head of its blow); the other side's goes
    ahead of the tip (the one struck): neither sideways onto other ground (issue 14: the 11th Tank Brigade, set
    off its arrow's head sideways, stood among the Japanese on Bain-Tsagan)."""
    from viewer.core.placement import Arrowhead, off_arrowheads

    head = Arrowhead(np.array([100.0, 100.0]), np.array([1.0, 0.0]), 30.0, "soviet")
    xy = np.array([[95.0, 102.0], [100.0, 98.0], [400.0, 400.0]])
    out = off_arrowheads(xy, ["soviet", "japanese", "soviet"], [head], SYMBOL, 4)
    assert out[0][0] < 100 - 30 - SYMBOL[0] / 2 and out[0][1] == 102.0  # behind the head, on the arrow's line
    assert out[1][0] > 100 + SYMBOL[0] / 2 and out[1][1] == 98.0  # ahead of the tip
    assert tuple(out[2]) == (400.0, 400.0)


def test_the_other_sides_symbol_near_an_arrows_start_is_set_away_from_it():
    from viewer.core.placement import Arrowhead, off_arrowheads

    start = Arrowhead(np.array([100.0, 100.0]), np.array([1.0, 0.0]), 30.0, "japanese", tail=True)
    xy = np.array([[80.0, 100.0], [80.0, 100.0], [300.0, 100.0]])
    out = off_arrowheads(xy, ["soviet", "japanese", "soviet"], [start], SYMBOL, 4)
    assert out[0][0] < 100 - SYMBOL[0] / 2 - 29 and out[0][1] == 100.0  # away from the start, clear of it
    assert tuple(out[1]) == (80.0, 100.0) and tuple(out[2]) == (300.0, 100.0)  # its own side's stays; one far off


def test_an_areas_name_is_first_tried_centred_on_its_ground():
    """Sixth fresh reader: 'Soviet bridgehead (east bank)', set to the right of the bridgehead's point, lay on the
    Japanese ground beyond it. An area's name is tried first centred on its point, with as many candidates."""
    area = LabelRequest((300.0, 300.0), (80.0, 40.0), 0.0, ("place", "bridgehead"), mark="area")
    place = LabelRequest((300.0, 300.0), (80.0, 40.0), 0.0, ("place", "hill"), mark="place")
    assert candidate_rects(area, 8, 6)[0] == (260.0, 280.0, 80.0, 40.0)
    assert len(candidate_rects(area, 8, 6)) == len(candidate_rects(place, 8, 6)) == NEAR  # no leader line for any


def test_a_name_set_inside_what_it_names_has_no_other_spot():
    """Review: a pocket's name offered inside it was also tried left, above and below its centre, outside the ring it
    was seen to fit in; it goes centred or not at all (the pocket's edges are its other alternatives). Only a unit's
    name ends on its own mark."""
    inside = LabelRequest((300.0, 300.0), (80.0, 40.0), 0.0, ("pocket", "p"), mark="inside")
    assert candidate_rects(inside, 8, 6) == [(260.0, 280.0, 80.0, 40.0)]
    assert choose_candidates([inside], [(290.0, 290.0, 20.0, 20.0)], VIEW) == [None]
    place = LabelRequest((300.0, 300.0), (80.0, 20.0), 8.0, ("place", "p"), reach=40.0, mark="place")
    unit = LabelRequest((300.0, 300.0), (80.0, 20.0), 8.0, ("unit", "u"), reach=40.0, mark="unit")
    assert (260.0, 290.0, 80.0, 20.0) not in candidate_rects(place, 8, 6)
    assert candidate_rects(unit, 8, 6)[-1] == (260.0, 290.0, 80.0, 20.0)


def test_a_name_that_must_show_hides_a_corner_rather_than_seem_another_marks():
    """31 Aug: every spot of 'Nomonhan Burd Obo' that hid nothing was out on a line through a unit's box, so it was
    set on one of them anyway, 8 km west beside Hill 731, and a fresh reader put the obo there. A spot that hides a
    corner of something more, with a clear line, is taken instead."""
    place = LabelRequest((300.0, 300.0), (80.0, 20.0), 8.0, ("place", "obo"), True, 40.0, mark="place")
    rects = candidate_rects(place, 8, 6)
    clear_one = NEAR + 8 + 4  # out to the upper right: its line passes no box; it hides 100 px² (the others 16)
    crowd = rects[:NEAR] + [
        (x + w / 2, y + h / 2, *((10.0, 10.0) if i == clear_one else (4.0, 4.0)))
        for i, (x, y, w, h) in enumerate(rects)
        if i >= NEAR
    ]
    brigades = []
    for i in (
        NEAR + 2,
        NEAR + 3,
        NEAR + 8 + 2,
        NEAR + 8 + 3,
        NEAR + 8 + 5,
        NEAR + 8 + 6,
        NEAR + 8 + 7,
    ):  # the others hiding little
        x, y, w, h = rects[i]
        end = (min(max(300.0, x), x + w), min(max(300.0, y), y + h))
        brigades.append(LabelRequest(((300.0 + end[0]) / 2, (300.0 + end[1]) / 2), (20.0, 10.0), 5.0, ("unit", i), mark="unit"))
    assert choose_candidates([place, *brigades], crowd, VIEW)[0] == clear_one


@pytest.mark.parametrize(
    "reach, mark", [(0.0, ""), (0.0, "place"), (0.0, "area"), (0.0, "inside"), (40.0, "place"), (48.0, "unit"), (48.0, "")]
)
def test_candidate_count_is_how_many_candidates_a_request_has(reach, mark):
    req = LabelRequest((100.0, 100.0), (60.0, 20.0), 8.0, reach=reach, mark=mark)
    assert candidate_count(req) == len(candidate_rects(req, 8, 6))
