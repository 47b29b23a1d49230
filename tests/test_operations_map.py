"""The operations layers drawn (offscreen): fronts and pockets, axes of advance that grow with time, the marks
they give the legend, and reference pictures of the two layers over the base map."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pyqtgraph as pg
import pytest
from image_approval import assert_image_approved, render_widget
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from viewer.core.map_extent import battlefield_camera
from viewer.core.model import STATES
from viewer.core.motion import MotionModel
from viewer.core.view_state import ViewState
from viewer.ui.map import BaseMapLayer, MapContext
from viewer.ui.map.operations import FrontsLayer, ManoeuvresLayer
from viewer.ui.style import SIDE_COLOURS

JUL03_EVENING = datetime(1939, 7, 3, 19)
AUG24, AUG26, AUG31 = datetime(1939, 8, 24, 12), datetime(1939, 8, 26, 12), datetime(1939, 8, 31, 12)
SIZE = (900, 700)


@pytest.fixture
def plain_map(qtbot, scenario):
    """The base map with only the operations layers over it, at the battlefield's home camera."""
    state = ViewState(scenario, battlefield_camera(scenario), instant=AUG24)
    frame = QtWidgets.QWidget()  # the picture is taken of a plain widget (a GraphicsView renders only with a painter)
    qtbot.addWidget(frame)
    view = pg.GraphicsView(frame, background="#F3EEDC")
    QtWidgets.QVBoxLayout(frame).setContentsMargins(0, 0, 0, 0)
    frame.layout().addWidget(view)
    box = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0)
    view.setCentralItem(box)
    ctx = MapContext(scenario, MotionModel(scenario.units), state, box)
    ctx.layers = [BaseMapLayer(ctx), FrontsLayer(ctx), ManoeuvresLayer(ctx)]
    for layer in ctx.layers:
        box.addItem(layer, ignoreBounds=True)
    frame.resize(*SIZE)
    frame.show()
    qtbot.waitExposed(frame)
    home = state.camera
    box.setRange(xRange=(home.x0, home.x1), yRange=(home.y0, home.y1), padding=0)
    yield view, ctx
    frame.close()


def at(ctx: MapContext, instant: datetime) -> None:
    """Move the state's instant and tell the layers, as MapView does."""
    ctx.state.instant = instant
    for layer in ctx.layers:
        layer.changed("instant")


def grab(view: pg.GraphicsView) -> QtGui.QImage:
    view.viewport().repaint()
    return render_widget(view.parentWidget())


def device_path(view: pg.GraphicsView, layer: ManoeuvresLayer, xy: np.ndarray) -> np.ndarray:
    t = layer.to_device(view.viewportTransform())
    return np.array([(p.x(), p.y()) for p in (t.map(QtCore.QPointF(x, y)) for x, y in xy)])


def test_an_arrow_at_half_its_interval_is_drawn_half_way(plain_map):
    """The pincers closing (24-26 August, a straight path north): at the middle of its interval the filled body
    ends half-way along the course, its dashed whole course still shows, and the pixels say the same."""
    view, ctx = plain_map
    layer = ctx.layers[2]
    ctx.layers[1].setVisible(False)  # the pocket's edge runs beside this path: only the arrow is measured
    m = next(m for m in ctx.scenario.operations.manoeuvres if m.id == "pincers-close")
    at(ctx, m.start + (m.end - m.start) / 2)
    image = grab(view)
    ends = device_path(view, layer, np.asarray(m.xy))
    shape = next(s for a, s in layer.shapes(layer.to_device(view.viewportTransform())) if a.manoeuvre is m)
    length = float(np.hypot(*(ends[1] - ends[0])))
    direction = (ends[1] - ends[0]) / length
    assert ((shape.body - ends[0]) @ direction).max() == pytest.approx(length / 2, abs=1), "the body's tip is not half-way"
    assert shape.course is not None and ((shape.course - ends[0]) @ direction).max() == pytest.approx(length, abs=1)
    solid, washed = (ends[0] + f * (ends[1] - ends[0]) for f in (0.3, 0.75))
    red = QtGui.QColor(SIDE_COLOURS["soviet"])
    assert _close(image.pixelColor(*map(round, solid)), red, 60), "no filled body a third of the way"
    assert not _close(image.pixelColor(*map(round, washed)), red, 60), "the body reaches beyond half-way"


def _close(c: QtGui.QColor, ref: QtGui.QColor, tol: int) -> bool:
    return max(abs(c.red() - ref.red()), abs(c.green() - ref.green()), abs(c.blue() - ref.blue())) <= tol


@pytest.mark.parametrize(
    ("when", "fronts", "arrows"),
    [
        (
            JUL03_EVENING,
            {"ground:soviet", "ground:japanese"},
            {"axis:attack", "axis:crossing", "axis:counter-attack", "axis:course", "axis:faded"},  # Yasuoka's, done
        ),
        (
            AUG26,
            {"ground:soviet", "ground:pocket"},
            {"axis:attack", "axis:breakout", "axis:course", "axis:faded"},  # the counter-attack of the 24th is gone
        ),
        (AUG31, {"ground:soviet"}, set()),
    ],
    ids=["3-july-evening", "26-august", "31-august"],
)
def test_the_legend_lists_exactly_the_marks_drawn_now(plain_map, when, fronts, arrows):
    _, ctx = plain_map
    at(ctx, when)
    for layer, expected in ((ctx.layers[1], fronts), (ctx.layers[2], arrows)):
        entries = layer.legend()
        assert {e.key for e in entries} == expected
        assert len(entries) == len(expected) and all(e.text for e in entries)
        for entry in entries:  # each swatch paints its mark
            image = QtGui.QImage(48, 24, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            p = QtGui.QPainter(image)
            entry.swatch(p, QtCore.QRectF(0, 0, 48, 24))
            p.end()
            alpha = pg.functions.ndarray_from_qimage(image)[:, :, 3]
            assert (alpha > 60).sum() > 40, f"the swatch of {entry.key} is empty"


def test_a_fading_breakout_ends_at_the_mark_of_who_made_it(plain_map):
    """26 August: the Fui garrison's breakout of the 24th fades beside the Soviet 601st Regiment; at its head stands
    the Ioki detachment, faded as withdrawn, in the Japanese colour, so the arrow is not read as the 601st's."""
    _, ctx = plain_map
    at(ctx, AUG26)
    breakout = next(a for a in ctx.layers[2].frame().arrows if a.manoeuvre.id == "fui-breakout")
    assert breakout.opacity < 1
    pos, k = ctx.positions(), ctx.motion.index("J-IOKI")
    assert pos.present[k] and STATES[pos.state[k]] == "withdrawn"
    assert np.hypot(*(breakout.path[-1] - (pos.x[k], pos.y[k]))) < 0.1


def test_a_units_arrow_and_an_axis_of_advance_look_and_read_apart(plain_map, qapp):
    """The unit's own move is a thin open arrow; the operations' axis a broad filled one: different pictures in the
    legend and different words."""
    from viewer.ui.map.units import UnitsLayer, _state_swatch

    _, ctx = plain_map
    at(ctx, AUG24)
    axis = next(e for e in ctx.layers[2].legend() if e.key == "axis:attack")
    inked = []
    for swatch in (axis.swatch, _state_swatch("attacking", "soviet", 1.0)):
        image = QtGui.QImage(48, 24, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        p = QtGui.QPainter(image)
        swatch(p, QtCore.QRectF(0, 0, 48, 24))
        p.end()
        rgba = pg.functions.ndarray_from_qimage(image)
        inked.append(int(((rgba[:, :, 3] > 60) & (rgba[:, :, :3].min(axis=2) < 150)).sum()))  # coloured, not white
    assert inked[1] < inked[0] / 2, inked
    ctx.state.instant = datetime(1939, 8, 21, 20)
    units = UnitsLayer(ctx)
    texts = {e.key: e.text for e in units.legend()}
    assert "thin" in texts["unit:attacking"] and "broad" in axis.text


def test_the_pocket_is_labelled_encircled(plain_map):
    view, ctx = plain_map
    at(ctx, AUG26)
    keys = {lb.key for lb in ctx.layers[1].labels(view.viewportTransform())}
    assert keys == {("pocket", "pocket-north"), ("pocket", "pocket-south")}


@pytest.mark.parametrize(("when", "name"), [(JUL03_EVENING, "july-03-evening"), (AUG24, "august-24")])
def test_operations_over_the_base_map(plain_map, when, name):
    """3 July 19:00: the Japanese crossing at Bain-Tsagan, the Soviet counter-attacks from the west, the tank attack
    on the bridgehead, both sides' ground. 24 August: the pincers round the pocket, Fui's breakout, the relief
    attack."""
    view, ctx = plain_map
    at(ctx, when)
    assert_image_approved(grab(view), f"map/operations/{name}")


def test_the_cached_fronts_follow_the_instant_in_the_map(qtbot, scenario):
    """The fronts layer is kept as a pixmap between changes of its rings: in the real map a new instant must still
    repaint it. North of the Holsten, east of the bridgehead: Japanese-held (blue) on 20 August, cleared by the
    Soviet side (red) on 31 August."""
    from viewer.ui.map_view import MapView

    state = ViewState(scenario, battlefield_camera(scenario), instant=datetime(1939, 8, 20, 12), layers=frozenset({"fronts"}))
    m = MapView(scenario, MotionModel(scenario.units), state)
    qtbot.addWidget(m)
    m.resize(1000, 800)
    m.show()
    qtbot.waitExposed(m)
    fronts = m.layer("fronts")
    x, y = scenario.projection.point(118.72, 47.79)

    def tint() -> float:
        """Red minus blue around the point: hatching of the Soviet side is red, of the Japanese side blue."""
        m.graphics.viewport().repaint()
        image = m.graphics.viewport().grab().toImage()
        pt = fronts.to_device(m.graphics.viewportTransform()).map(QtCore.QPointF(x, y)).toPoint()
        colours = [image.pixelColor(pt.x() + dx, pt.y() + dy) for dx in range(-8, 9) for dy in range(-8, 9)]
        return float(np.mean([c.red() - c.blue() for c in colours]))

    japanese = tint()
    state.instant = datetime(1939, 8, 31, 12)
    assert tint() > japanese + 20
    m.close()


def test_an_axis_just_under_way_is_long_enough_to_show_its_direction(plain_map):
    """20 August, 12:00: the Northern group's axis had run 5 % of its course, a stub shorter than its own head that
    read as a wedge pointing back over the river. An axis under way is drawn at least MIN_HEADS heads long (a shaft
    behind a full-width head), along its course, tip ahead."""
    from viewer.ui.map.operations import HEAD_PX, MIN_HEADS

    view, ctx = plain_map
    layer = ctx.layers[2]
    at(ctx, datetime(1939, 8, 20, 12))
    m = next(m for m in ctx.scenario.operations.manoeuvres if m.id == "northern-group")
    ends = device_path(view, layer, np.asarray(m.xy))
    shape = next(s for a, s in layer.shapes(layer.to_device(view.viewportTransform())) if a.manoeuvre is m)
    direction = (ends[1] - ends[0]) / np.hypot(*(ends[1] - ends[0]))
    along = (shape.body - ends[0]) @ direction
    assert along.max() >= MIN_HEADS * HEAD_PX * layer.scale - 1
    assert np.argmax(along) == len(shape.body) // 2  # the tip (the middle of the outline) leads


def test_a_legend_swatch_shows_each_side_drawn_with_that_mark(plain_map):
    """5 July, noon: Soviet counter-attacks of the 3rd and Japanese arrows fade together, but the legend's "Faded"
    swatch was the first arrow's colour alone (Japanese blue-grey beside pink Soviet arrows). Each side drawn with a
    mark shows in its swatch; a mark of one side only is in that side's colour."""
    _, ctx = plain_map
    at(ctx, datetime(1939, 7, 5, 12))
    entries = {e.key: e for e in ctx.layers[2].legend()}

    def tints(key: str) -> tuple[bool, bool]:
        image = QtGui.QImage(48, 24, QtGui.QImage.Format.Format_RGB32)
        image.fill(QtGui.QColor("#FFFFFF"))
        p = QtGui.QPainter(image)
        entries[key].swatch(p, QtCore.QRectF(0, 0, 48, 24))
        p.end()
        rgb = pg.functions.ndarray_from_qimage(image)[:, :, :3].astype(int)  # B, G, R
        red, blue = rgb[:, :, 2] - rgb[:, :, 0], rgb[:, :, 0] - rgb[:, :, 2]
        return bool((red > 25).sum() > 15), bool((blue > 25).sum() > 15)

    assert tints("axis:faded") == (True, True)
    assert tints("axis:withdrawal") == (False, True)


def test_unit_symbols_are_drawn_above_the_axes_of_advance():
    """Issue 14: on 24 August the 72nd Regiment's symbol was buried under an attack and a counter-attack arrow,
    on 25 July the 64th's half covered: a broad arrow passes under a unit, never over it."""
    from viewer.ui.map.units import UnitsLayer

    assert ManoeuvresLayer.z < UnitsLayer.z
