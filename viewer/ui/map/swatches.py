"""Small painters for the legend's swatches: each draws, in a box of the legend, the mark the map draws (with
the same pen or brush), so the legend cannot drift from the map's look."""

from __future__ import annotations

from collections.abc import Callable

from pyqtgraph.Qt import QtCore, QtGui

Swatch = Callable[[QtGui.QPainter, QtCore.QRectF], None]


def line_swatch(*pens: QtGui.QPen) -> Swatch:
    """A short horizontal stroke in each pen, one over the other (a band under a line, say)."""

    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        y = box.center().y()
        for pen in pens:
            p.setPen(pen)
            p.drawLine(QtCore.QPointF(box.left() + 2, y), QtCore.QPointF(box.right() - 2, y))

    return paint


def fill_swatch(brush: QtGui.QBrush | QtGui.QColor, pen: QtGui.QPen | None = None) -> Swatch:
    """A filled rectangle (an area such as the disputed ground)."""

    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        p.setPen(pen if pen is not None else QtCore.Qt.PenStyle.NoPen)
        p.setBrush(brush)
        p.drawRect(box.adjusted(1, box.height() * 0.15, -1, -box.height() * 0.15))

    return paint


def pixmap_swatch(pm: QtGui.QPixmap, part: QtCore.QRectF | None = None) -> Swatch:
    """A pixmap (a unit symbol, a mark), or a `part` of it in its pixels, centred in the box, shrunk to fit if it
    is larger. A part, not a copy: an SVG export then draws the pixmap's recorded drawing instead."""
    source = QtCore.QRectF(pm.rect()) if part is None else part

    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        dpr = pm.devicePixelRatio()
        w, h = source.width() / dpr, source.height() / dpr
        k = min(1.0, box.width() / w, box.height() / h)
        target = QtCore.QRectF(0, 0, w * k, h * k)
        target.moveCenter(box.center())
        p.drawPixmap(target, pm, source)

    return paint


def text_swatch(text: str, font: QtGui.QFont, colour: QtGui.QColor) -> Swatch:
    """A few letters (an echelon mark such as "XX", an abbreviation such as "Bde")."""

    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        f = QtGui.QFont(font)
        wide = QtGui.QFontMetricsF(f).horizontalAdvance(text)
        if wide > box.width() - 2:  # "XXXXX" in a narrow box: smaller, never clipped
            f.setPixelSize(max(6, int(f.pixelSize() * (box.width() - 2) / wide)))
        p.setPen(colour)
        p.setFont(f)
        p.drawText(box, QtCore.Qt.AlignmentFlag.AlignCenter, text)

    return paint
