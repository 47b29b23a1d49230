"""The sides' colours can be told apart: by everyone, and by readers with the three common colour-vision
deficiencies (Machado, Oliveira & Fernandes 2009, severity 1), measured as CIE76 colour differences."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from viewer.ui.style import SIDE_COLOURS

SIMULATIONS = {
    "normal": np.eye(3),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]]),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]]),
}
ALLIES = {"soviet": "soviet", "mongolian": "soviet", "japanese": "japanese", "manchukuo": "japanese"}


def linear(hex_colour: str) -> np.ndarray:
    c = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb: np.ndarray) -> np.ndarray:
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ np.clip(rgb, 0, 1) / np.array([0.9505, 1.0, 1.089])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def difference(a: str, b: str, vision: np.ndarray) -> float:
    return float(np.linalg.norm(lab(vision @ linear(a)) - lab(vision @ linear(b))))


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_japanese_blue_and_manchukuo_are_told_apart(vision):
    """A Manchukuo teal was a ΔE of 22-31 from the Japanese blue: read as one side's two shades."""
    assert difference(SIDE_COLOURS["japanese"], SIDE_COLOURS["manchukuo"], SIMULATIONS[vision]) >= 30


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_opposing_sides_are_told_apart(vision):
    for a, b in itertools.combinations(SIDE_COLOURS, 2):
        if ALLIES[a] != ALLIES[b]:
            assert difference(SIDE_COLOURS[a], SIDE_COLOURS[b], SIMULATIONS[vision]) >= 20, (a, b)


def _hatched_over_disputed(side: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The paper under the disputed ground's tint, and that with a side's hatching of held ground over it, as the
    map paints them (RGB rows of pixels): (disputed ground, hatched pixels, the darkest stroke pixel)."""
    from pyqtgraph.Qt import QtGui

    from viewer.ui.map.operations import hatch_tile
    from viewer.ui.style import DISPUTED_ALPHA, DISPUTED_FILL, PAPER, colour

    image = QtGui.QImage(72, 72, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor(PAPER))
    p = QtGui.QPainter(image)
    p.fillRect(image.rect(), colour(DISPUTED_FILL, DISPUTED_ALPHA))
    disputed = image.pixelColor(0, 0)
    p.fillRect(image.rect(), QtGui.QBrush(hatch_tile(side, 1.0)))
    p.end()
    rgb = np.array([[image.pixelColor(x, y).getRgb()[:3] for x in range(72)] for y in range(72)]).reshape(-1, 3)
    return np.array(disputed.getRgb()[:3]), rgb, rgb[np.argmin(rgb.sum(axis=1))]


def _hex(rgb: np.ndarray) -> str:
    return "#" + "".join(f"{round(float(c)):02X}" for c in rgb)


@pytest.mark.parametrize("vision", SIMULATIONS)
def test_soviet_hatching_is_told_apart_from_the_disputed_grounds_tint(qapp, vision):
    """The Soviet hatching (half-transparent red strokes on a red wash) turned orange over the disputed ground's
    tan: its strokes were a ΔE of 23 from the tan for a deuteranope, and the hatched ground's mean tone 7 to 12,
    so the Soviet ground read as more disputed ground. Its strokes now stand out and the ground's tone shifts."""
    disputed, hatched, stroke = _hatched_over_disputed("soviet")
    m = SIMULATIONS[vision]
    assert difference(_hex(stroke), _hex(disputed), m) >= 30
    assert difference(_hex(hatched.mean(axis=0)), _hex(disputed), m) >= 12
