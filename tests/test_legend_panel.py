"""The side panel's legend: its kept picture is drawn again when a row's swatch shows something new."""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtGui

from viewer.ui.map.layer import LegendEntry


def _fill(colour: str):
    def swatch(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        p.fillRect(box, QtGui.QColor(colour))

    return swatch


def test_a_swatch_that_gains_a_side_is_drawn_again(window, qtbot, monkeypatch):
    """A faded arrow's swatch in one side's colour that gains the other side's arrow keeps its key and text: the
    panel kept its picture by those alone and showed the old swatch (a reviewer's finding)."""
    body = window.legend.body
    rows = [LegendEntry("axis:faded", "Faded arrow", _fill("#c0392b"), ("soviet",))]
    monkeypatch.setattr(window.map.layer("furniture"), "entries", lambda: list(rows))

    def shown() -> QtGui.QImage:
        body.refresh()
        body.repaint()
        return body.grab().toImage()

    before = shown()
    rows[0] = LegendEntry("axis:faded", "Faded arrow", _fill("#1e8449"), ("soviet", "japanese"))
    after = shown()
    green = QtGui.QColor("#1e8449").rgb()
    assert not any(before.pixel(x, y) == green for x in range(before.width()) for y in range(before.height()))
    assert any(after.pixel(x, y) == green for x in range(after.width()) for y in range(after.height()))
