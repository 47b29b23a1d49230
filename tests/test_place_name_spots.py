"""A place's name keeps its side of the mark from frame to frame: after a jump it first tries the spot it takes on
the map without units (labels.LabelsLayer._home_spots), so a height does not seem to be in two places."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

import pytest

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
KEY_FRAMES = [datetime(1939, 5, 28, 12), datetime(1939, 7, 3, 19), datetime(1939, 7, 5, 12), datetime(1939, 7, 25, 12)]
KEY_FRAMES += [datetime(1939, 8, d, 12) for d in (20, 24, 26, 31)]


def test_place_names_keep_their_spot_across_the_key_frames(window):
    window.state.follow_story = False  # one view: the spots are comparable
    spots: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for at in KEY_FRAMES:  # each a jump of days: nothing kept from the frame before
        window.state.instant = at
        window.map.graphics.viewport().repaint()
        for (kind, name), rect, req in window.map.layer("labels").placed:
            if kind == "place":
                spots[name].append((round(rect[0] - req.anchor[0]), round(rect[1] - req.anchor[1])))
    obo, fui = Counter(spots["nomonhan_burd_obo"]), Counter(spots["fui_heights"])
    assert obo.most_common(1)[0][1] >= 6  # of the 8 frames (in the others a unit or its name took it)
    assert len(fui) == 1 and fui.total() >= 4
