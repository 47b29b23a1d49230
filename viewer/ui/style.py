"""Colours, type sizes and the scale that keeps text legible from 3 m on a 1080p screen."""

from __future__ import annotations

from functools import lru_cache

from pyqtgraph.Qt import QtGui

from .fonts import CJK_FAMILY, FAMILY

# Manchukuo is the Okabe-Ito bluish green: its teal of before read as a shade of the Japanese blue, above all to
# colour-blind readers (tests/test_colours.py).
SIDE_COLOURS = {"soviet": "#C0392B", "mongolian": "#D35400", "japanese": "#1F4E8C", "manchukuo": "#009E73"}
SIDE_NAMES = {"soviet": "Soviet", "mongolian": "Mongolian", "japanese": "Japanese", "manchukuo": "Manchukuo"}
CLAIM_COLOURS = {"mongolia": SIDE_COLOURS["mongolian"], "manchukuo": SIDE_COLOURS["manchukuo"]}
PAPER = "#F3EEDC"
RIVER = "#3C7DC4"
LAKE = "#BFD9EE"
MODERN = "#8A8A8A"
HEIGHT = "#7A4E2D"
INK = "#2B2B2B"
DISPUTED_FILL = "#E8B04B"
DISPUTED_ALPHA = 0.38  # the tint of the disputed ground over the paper
FONT_FAMILY = FAMILY  # bundled (fonts.py), so every machine draws the same letters

# Sizes in pixels at a 1080-pixel-high window (VISUAL.md: date >= 48, notes >= 22, map labels >= 16).
DATE_PX = 50
NOTE_PX = 22
LABEL_PX = 17
SMALL_PX = 16


def font(px: float, bold: bool = False, italic: bool = False) -> QtGui.QFont:
    """The app's font at `px` pixels (at least 9). Shared, not copied: the map asks for its fonts every frame,
    and a font used as a cache key is hashed by value, so never change the one returned."""
    return _font(max(9, round(px)), bold, italic)


@lru_cache(maxsize=128)
def _font(px: int, bold: bool, italic: bool) -> QtGui.QFont:
    f = QtGui.QFont()
    f.setFamilies([FONT_FAMILY, CJK_FAMILY])  # the bundled CJK font covers what Noto Sans lacks
    f.setPixelSize(px)
    f.setBold(bold)
    f.setItalic(italic)
    return f


def scale_for(height: int) -> float:
    """UI scale: 1.0 at 1080 px high; smaller windows shrink type, but never below 60 %."""
    return max(0.6, min(2.0, height / 1080))


def colour(hex_colour: str, alpha: float = 1.0) -> QtGui.QColor:
    c = QtGui.QColor(hex_colour)
    c.setAlphaF(alpha)
    return c
