"""A painter that draws text as outlines, for the SVG export.

An SVG's <text> names our bundled fonts, which no other program has: a browser, Inkscape or a slide program set
it in their own fallback (DejaVu here), wider than ours, so the legend's rows ran out of its box and the
caption's date into its title. As QGIS does by default ("always export text as paths"), the export draws each
text as its glyphs' outlines, which look the same everywhere. Only the SVG's painters use it: the handout's and
the decks' text stays text (copyable, searchable)."""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtGui

Align = QtCore.Qt.AlignmentFlag


class TextAsPaths(QtGui.QPainter):
    """QPainter whose drawText fills the text's outline in the pen's colour, laid out as Qt lays out a point's or
    a rectangle's text (the calls the map makes: `drawText(point, text)`, `drawText(rect, flags, text)`)."""

    def drawText(self, *args) -> None:
        if len(args) == 2 and isinstance(args[0], QtCore.QPointF | QtCore.QPoint) and isinstance(args[1], str):
            self._fill(QtCore.QPointF(args[0]), args[1])
        elif len(args) == 3 and isinstance(args[0], QtCore.QRectF | QtCore.QRect) and isinstance(args[2], str):
            self._in_rect(QtCore.QRectF(args[0]), int(args[1]), args[2])
        else:
            super().drawText(*args)

    def _in_rect(self, rect: QtCore.QRectF, flags: int, text: str) -> None:
        fm = QtGui.QFontMetricsF(self.font(), self.device())
        lines = text.split("\n")
        height = fm.height() + (len(lines) - 1) * fm.lineSpacing()
        if flags & Align.AlignBottom:
            top = rect.bottom() - height
        elif flags & Align.AlignVCenter:
            top = rect.top() + (rect.height() - height) / 2
        else:
            top = rect.top()
        for i, line in enumerate(lines):
            width = fm.horizontalAdvance(line)
            if flags & Align.AlignRight:
                x = rect.right() - width
            elif flags & Align.AlignHCenter:
                x = rect.left() + (rect.width() - width) / 2
            else:
                x = rect.left()
            self._fill(QtCore.QPointF(x, top + fm.ascent() + i * fm.lineSpacing()), line)

    def _fill(self, baseline: QtCore.QPointF, text: str) -> None:
        path = QtGui.QPainterPath()
        path.addText(baseline, self.font(), text)
        self.fillPath(path, self.pen().brush())
