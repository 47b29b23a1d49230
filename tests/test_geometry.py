import math

import pytest
from shapely.geometry import LineString, box

from viewer.core.geometry import AUTHALIC_RADIUS_KM, EqualAreaProjection, closed_ground, path_length_km


def ellipsoid_cell_area_km2(lat1: float, lat2: float, dlon: float) -> float:
    """Exact WGS84 area of a lat/lon cell via the authalic sphere (independent formula)."""
    from viewer.core.geometry import _q

    a = 6378.137
    return (math.radians(dlon) * a * a / 2) * (float(_q(math.sin(math.radians(lat2)))) - float(_q(math.sin(math.radians(lat1)))))


def test_authalic_radius_is_wgs84s():
    assert pytest.approx(6371.007, abs=0.001) == AUTHALIC_RADIUS_KM


def test_projection_preserves_area_of_a_degree_cell():
    proj = EqualAreaProjection(118.65, 47.765)
    cell = proj.geometry(box(118.0, 47.0, 119.0, 48.0).segmentize(0.01))
    assert cell.area == pytest.approx(ellipsoid_cell_area_km2(47.0, 48.0, 1.0), rel=1e-4)
    # and the figure itself is what geodesy tables give for 47-48 N (about 8,290 km^2)
    assert 8200 < cell.area < 8400


def test_local_distances_are_metric():
    proj = EqualAreaProjection(118.65, 47.765)
    x0, y0 = proj.point(118.65, 47.265)
    x1, y1 = proj.point(118.65, 48.265)
    assert math.hypot(x1 - x0, y1 - y0) == pytest.approx(111.2, abs=0.3)  # one degree of latitude
    xa, _ = proj.point(118.15, 47.765)
    xb, _ = proj.point(119.15, 47.765)
    assert xb - xa == pytest.approx(75.0, abs=0.5)  # one degree of longitude at 47.8 N
    assert proj.point(118.65, 47.765) == pytest.approx((0.0, 0.0), abs=1e-9)


def test_closed_ground_between_two_lines_in_either_direction():
    river = LineString([(0, 0), (10, 0)])
    claim = LineString([(0, 0), (5, 4), (10, 0)])
    assert closed_ground(river, claim).area == pytest.approx(20.0)
    assert closed_ground(river, LineString(list(claim.coords)[::-1])).area == pytest.approx(20.0)


def test_path_length():
    assert path_length_km([(0, 0), (3, 4), (3, 10)]) == pytest.approx(11.0)


def test_disputed_ground_of_the_shipped_content(scenario):
    area = scenario.disputed_area_km2
    # the bulge between the river and a claim line ~14-17 km east of it, ~90 km long
    assert 900 < area < 1500
    obo = scenario.places["nomonhan_burd_obo"]
    # the Mongolian claim passes through (close to) the obo, as the sources say
    mongol = next(c for c in scenario.claims if c.claimant == "mongolia").feature.geometry_km
    from shapely.geometry import Point

    assert mongol.distance(Point(obo.x, obo.y)) < 1.0
    manchu = next(c for c in scenario.claims if c.claimant == "manchukuo").feature.geometry_km
    assert 12 < manchu.distance(Point(obo.x, obo.y)) < 16  # brief: 14.0 km from the river
