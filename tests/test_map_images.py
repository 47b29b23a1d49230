"""Reference images of the map and the timeline: removing any map feature makes one of these fail (issue 12).

A handful of renders of the real main window (1600x900, so the map is 1117x715 at UI scale 0.83), each at a
fixed instant, with the camera at home, layers all on, English, no playback (docs/testing.md lists the images
and what each one guards):

- map/august-24: 24 August 1939, 12:00 - "≈" badges, filled (attacking) and hollow (retreating) arrows, a destroyed
  unit, symbols pushed apart with leader lines, unit, place and claim names, scale bar, north arrow, inset,
  disputed ground, claims, modern border (the desktop's legend is in the side panel: tests/test_map_story.py).
- map/july-03: 3 July 1939, 12:00 (Bain-Tsagan) - trails (none are drawn on 24 August).
- map/august-24-selected (a crop): the selected unit's frame, name and uncertainty circle, the highlighted place's
  ring above a symbol.
- map/toggles/<layer>: what turning that layer off removes from the map (see `removed`).
- timeline/campaign-august-24: the timeline bar: chapter bands, event ticks, months, the cursor.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest
from image_approval import DEFAULT, assert_image_approved, compare, render_widget, to_array
from pyqtgraph.Qt import QtCore, QtGui

from viewer.core.view_state import LAYERS

AUG24 = datetime(1939, 8, 24, 12)  # 13 units: 6 attacking, 1 retreating (Ioki Det), 1 destroyed (72 Inf Rgt), 8 pushed apart
JUL03 = datetime(1939, 7, 3, 12)  # Bain-Tsagan: trails of the Soviet brigades' night march, and of the Japanese crossing
IMAGE_OF = {AUG24: "map/august-24", JUL03: "map/july-03"}
# Where each toggle is tried: where its layer shows most. Trails are drawn on 3 July, not on 24 August; on 3 July the
# labels of both claims and of the disputed ground are placed too (on 24 August the units' names crowd two of them out).
TOGGLED_AT = {layer: JUL03 if layer in ("disputed", "claims", "trails") else AUG24 for layer in LAYERS}

MAP_SIZE = (1117, 715)  # the map in a 1600x900 window; a different size means the layout changed, not the map
# Turning a layer off must change at least this many pixels: four times what the helper forgives as noise. The
# smallest is the modern border (~230: it lies under the Mongolian claim line and shows only in its dash gaps).
MEANINGFUL = 4 * DEFAULT.max_pixels
# The selection crop: 6 Tk Bde (selected, at ~638,510) and Noro Heights (highlighted, at ~571,485, under the symbol
# of 71 Inf Rgt) with the cluster of pushed-apart symbols around them.
SELECTED_UNIT, HIGHLIGHTED_PLACE = "S-6TB", "noro_heights"
# Wide enough for the names a highlighted place pushes aside, tall enough for the selected unit's uncertainty circle
# (the only one drawn: the other units carry a badge).
SELECTION_CROP = QtCore.QRect(140, 396, 830, 252)

# The offscreen platform says this of every top-level window with a layout; it is not about the map.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture(autouse=True)
def _fonts_before_the_window():
    """The bundled fonts registered before the window is built, as they are for every window after a process's
    first: MainWindow registers them (and sets the app font) while it builds itself, and the first window of a
    process gets a 3 px shorter status bar (so a 3 px taller map) than later ones. Without this the images would
    depend on whether another test built a window first."""
    from viewer.ui.fonts import register_fonts

    register_fonts()


def show(window, at: datetime, **fields) -> None:
    """The deterministic view: the campaign timeline at `at`, home camera, every layer, English, not playing;
    then `fields` (a selection or a highlight, which a new instant would clear)."""
    state = window.state
    state.update(playing=False, span="campaign", language="en", naming="soviet", layers=frozenset(LAYERS), instant=at)
    state.update(**{"selected_unit": None, "highlighted_place": None, **fields})
    state.camera = state.bounds.home
    assert (window.map.width(), window.map.height()) == MAP_SIZE, "the window's layout changed: the map has another size"


def crop(image: QtGui.QImage, rect: QtCore.QRect) -> QtGui.QImage:
    out = image.copy(rect)
    out.setDevicePixelRatio(1.0)
    return out


def removed(on: QtGui.QImage, mask: np.ndarray) -> QtGui.QImage:
    """`on` where `mask` is set, white elsewhere: the picture of what a change took away (and, faint, the paper
    where a label moved to). As a reference it pins exactly which pixels a toggle changes: a toggle that does
    nothing, hides something else too, or hides something else instead, draws another picture."""
    a = to_array(on)
    out = np.where(mask[..., None], a, np.uint8(255))
    h, w = mask.shape
    image = QtGui.QImage(out.tobytes(), w, h, 4 * w, QtGui.QImage.Format.Format_ARGB32_Premultiplied).copy()
    image.setDevicePixelRatio(1.0)
    return image


@pytest.mark.parametrize("at", [AUG24, JUL03], ids=["august-24", "july-03"])
def test_the_map_with_every_layer(window, at):
    show(window, at)
    assert_image_approved(render_widget(window.map), IMAGE_OF[at])


MAP_LAYERS = [layer for layer in LAYERS if layer != "legend"]  # the desktop's legend is in the side panel (L in a
# talk: tests/test_presenter.py)


@pytest.mark.parametrize("layer", MAP_LAYERS)
def test_a_layer_toggle_hides_exactly_its_layer(window, layer):
    """Off: the picture loses what the layer draws, and nothing else (map/toggles/<layer>); on again: as before."""
    at = TOGGLED_AT[layer]
    show(window, at)
    on = render_widget(window.map)
    assert_image_approved(on, IMAGE_OF[at])  # the picture the toggle starts from is the approved one

    window.state.toggle_layer(layer, False)
    gone = compare(render_widget(window.map), on)
    least = MEANINGFUL // 2 if layer == "trails" else MEANINGFUL  # trails are short strokes fading to their tails
    assert gone.count >= least, f"turning {layer!r} off changed only {gone.count} pixels: is the toggle ignored?"
    assert_image_approved(removed(on, gone.mask), f"map/toggles/{layer}")

    window.state.toggle_layer(layer, True)
    back = compare(render_widget(window.map), on)
    assert back.count <= DEFAULT.max_pixels, f"turning {layer!r} on again left {back.count} pixels changed at {back.box()}"


def test_the_selected_unit_and_the_highlighted_place(window):
    """The selected unit's frame (and its one name) and the highlighted place's ring, drawn above a symbol."""
    show(window, AUG24)
    plain = render_widget(window.map)
    show(window, AUG24, selected_unit=SELECTED_UNIT, highlighted_place=HIGHLIGHTED_PLACE)
    marked = render_widget(window.map)
    to_device = window.map.graphics.viewportTransform()
    for what, pt in (
        ("selected unit", window.map.unit_screen_point(SELECTED_UNIT)),
        ("highlighted place", window.map.layer("highlight").centre(to_device)),
    ):
        assert pt is not None and SELECTION_CROP.adjusted(40, 40, -40, -40).contains(pt.toPoint()), (
            f"the {what} is drawn at {pt}, no longer well inside the crop {SELECTION_CROP}: choose the crop again"
        )
    change = compare(marked, plain)
    assert change.count >= MEANINGFUL, f"selecting and highlighting changed only {change.count} pixels"
    outside = change.mask.copy()
    r = SELECTION_CROP
    outside[r.top() : r.bottom() + 1, r.left() : r.right() + 1] = False
    assert outside.sum() <= DEFAULT.max_pixels, f"selecting a unit changed the map outside the crop, within {change.box()}"
    assert_image_approved(crop(marked, SELECTION_CROP), "map/august-24-selected")


def test_the_timeline_bar(window):
    show(window, AUG24)
    assert_image_approved(render_widget(window.timeline_bar), "timeline/campaign-august-24")
