"""Unit symbols in the spirit of NATO APP-6: a frame filled with the side's colour, a branch glyph,
echelon marks above. Drawn once per (side, branch, echelon, state, size) and cached as pixmaps, so
painting thousands of units is a blit each."""

from __future__ import annotations

from functools import lru_cache

from pyqtgraph.Qt import QtCore, QtGui

from .style import INK, SIDE_COLOURS, colour, font

ECHELON_MARKS = {
    "army group": "XXXXX",
    "army": "XXXX",
    "corps": "XXX",
    "division": "XX",
    "brigade": "X",
    "regiment": "III",
    "battalion": "II",
    "detachment": "",  # no letters: the task-force bracket (draw_echelon)
}


WITHDRAWN_OPACITY = 0.4
CROSS_REACH = 3  # pixels (at UI scale 1) a destroyed unit's cross reaches past its frame's top and bottom


def symbol_size(scale: float) -> QtCore.QSize:
    return QtCore.QSize(round(40 * scale), round(27 * scale))


@lru_cache(maxsize=512)
def symbol_pixmap(
    side: str, branch: str, echelon: str, state: str, scale: float, dpr: float = 1.0, approximate_badge: bool = False
) -> QtGui.QPixmap:
    """The whole symbol (echelon marks + frame), centred on the frame's centre; the badge marks an
    approximate position where its uncertainty disc is not drawn."""
    size = symbol_size(scale)
    w, h = size.width(), size.height()
    mark_h = round(13 * scale)
    pm = QtGui.QPixmap(round((w + 4) * dpr), round((h + 2 * mark_h + 4) * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    from .map.pixmaps import pixmap_painter, without_engine  # here: the map package imports this module

    p = pixmap_painter(pm)  # records its drawing while an SVG export asks for vectors
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    frame = QtCore.QRectF(2, mark_h + 2, w, h)
    # a withdrawn unit's frame is faded (its marks and badge are not); a destroyed one keeps its full colours and is crossed out:
    # both pale, as before, they were told apart by the cross alone
    p.setOpacity(WITHDRAWN_OPACITY if state == "withdrawn" else 1.0)
    p.setPen(QtGui.QPen(colour(INK), max(1.5, 2 * scale)))
    p.setBrush(colour(SIDE_COLOURS[side]))
    p.drawRect(frame)
    if state == "destroyed":  # under the branch's glyph: a cavalry's diagonal on it read as infantry (28 May, Azuma)
        _cross_out(p, frame, scale)
    draw_branch_glyph(p, branch, frame, scale, "#FFFFFF")
    p.setOpacity(1.0)  # the echelon mark in ink whatever the state: a faded detachment's dot read as a modern village
    draw_echelon(p, echelon, QtCore.QRectF(0, 0, w + 4, mark_h + 1), scale)
    if state == "withdrawn":
        _withdrawn_badge(p, frame, scale)
    if approximate_badge:
        # in the bottom right corner, low: the fill beside the middle stays the side's colour
        badge = QtCore.QRectF(frame.right() - 11 * scale, frame.bottom() - 10.5 * scale, 13 * scale, 13 * scale)
        p.setPen(QtGui.QPen(colour(INK), max(1.0, scale)))
        p.setBrush(colour("#FFFFFF"))
        p.drawEllipse(badge)
        p.setFont(font(11 * scale, bold=True))
        p.drawText(badge, QtCore.Qt.AlignmentFlag.AlignCenter, "≈")
    p.end()
    return without_engine(pm)


def draw_echelon(p: QtGui.QPainter, echelon: str, box: QtCore.QRectF, scale: float) -> None:
    """An echelon's mark in ink, centred at the foot of `box` (the band above a frame, or a legend's swatch). A
    detachment, a force put together for a task and of no fixed size, has the APP-6 task-force bracket, an open
    box half the frame's width: drawn as a dot, it was taken for a place's dot with no name (issue 14)."""
    if echelon == "detachment":
        half, rise, foot = 10 * scale, 7 * scale, box.bottom() - 1.5 * scale
        pen = QtGui.QPen(colour(INK), max(1.3, 1.6 * scale))
        pen.setJoinStyle(QtCore.Qt.PenJoinStyle.MiterJoin)
        p.setPen(pen)
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        c = box.center().x()
        p.drawPolyline(
            QtGui.QPolygonF(
                [
                    QtCore.QPointF(c - half, foot),
                    QtCore.QPointF(c - half, foot - rise),
                    QtCore.QPointF(c + half, foot - rise),
                    QtCore.QPointF(c + half, foot),
                ]
            )
        )
        return
    p.setPen(QtGui.QPen(colour(INK)))
    p.setFont(font(11 * scale, bold=True))
    p.drawText(box, QtCore.Qt.AlignmentFlag.AlignHCenter | QtCore.Qt.AlignmentFlag.AlignBottom, ECHELON_MARKS[echelon])


def _cross_out(p: QtGui.QPainter, frame: QtCore.QRectF, scale: float) -> None:
    """A destroyed unit: a bold black X on a white casing, square and reaching past the frame's top and bottom, so
    it reads as the unit crossed out, not as the infantry's thin white X inside the frame."""
    c, half = frame.center(), frame.height() / 2 + CROSS_REACH * scale
    strokes = (
        QtCore.QLineF(c.x() - half, c.y() - half, c.x() + half, c.y() + half),
        QtCore.QLineF(c.x() - half, c.y() + half, c.x() + half, c.y() - half),
    )
    for pen in (QtGui.QPen(colour("#FFFFFF"), max(4.0, 6.5 * scale)), QtGui.QPen(colour("#111111"), max(2.5, 3.5 * scale))):
        pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
        p.setPen(pen)
        p.drawLines(strokes)


def _withdrawn_badge(p: QtGui.QPainter, frame: QtCore.QRectF, scale: float) -> None:
    """A withdrawn unit: a white badge in the frame's top left corner with a turning-back arrow (a U-turn, which
    points no way on the map: the unit left the battle, not along a direction one could read from it)."""
    r = 8 * scale
    c = QtCore.QPointF(frame.left() + r, frame.top() + r)
    p.setPen(QtGui.QPen(colour(INK), max(1.0, scale)))
    p.setBrush(colour("#FFFFFF"))
    p.drawEllipse(c, r, r)
    arc = QtCore.QRectF(c.x() - r * 0.45, c.y() - r * 0.5, r * 0.9, r * 0.9)
    pen = QtGui.QPen(colour(INK), max(1.3, 1.6 * scale))
    pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    p.drawArc(arc, 0, 180 * 16)  # over the top, from the right end to the left one
    tip, head = QtCore.QPointF(arc.left(), c.y() + r * 0.5), r * 0.35
    p.setPen(QtCore.Qt.PenStyle.NoPen)
    p.setBrush(colour(INK))
    p.drawPolygon(
        QtGui.QPolygonF(
            [tip, QtCore.QPointF(tip.x() - head, tip.y() - head * 1.2), QtCore.QPointF(tip.x() + head, tip.y() - head * 1.2)]
        )
    )
    p.setPen(pen)
    p.drawLine(QtCore.QPointF(arc.left(), arc.center().y()), QtCore.QPointF(arc.left(), tip.y() - head * 1.1))
    p.drawLine(QtCore.QPointF(arc.right(), arc.center().y()), QtCore.QPointF(arc.right(), c.y() + r * 0.45))


def draw_branch_glyph(p: QtGui.QPainter, branch: str, frame: QtCore.QRectF, scale: float, ink: str) -> None:
    """The branch's glyph inside `frame`, in `ink`: white on a symbol's fill, the side's colour where the frame is
    hollow (a unit's last reported position), so what kind of unit it was still shows."""
    glyph = QtGui.QPen(colour(ink), max(1.5, 2.2 * scale))
    glyph.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
    p.setPen(glyph)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    _branch_glyph(p, branch, frame.adjusted(1, 1, -1, -1), scale, ink)


def _branch_glyph(p: QtGui.QPainter, branch: str, r: QtCore.QRectF, scale: float, ink: str) -> None:
    if branch in ("infantry", "motorised", "airborne"):
        p.drawLine(r.topLeft(), r.bottomRight())
        p.drawLine(r.bottomLeft(), r.topRight())
        if branch == "motorised":
            p.drawLine(QtCore.QPointF(r.center().x(), r.top()), QtCore.QPointF(r.center().x(), r.bottom()))
        if branch == "airborne":
            arc = QtCore.QRectF(r.center().x() - r.width() / 5, r.bottom() - r.height() / 3, r.width() / 2.5, r.height() / 2.5)
            p.drawArc(arc, 0, 180 * 16)
    elif branch == "armour":
        p.drawRoundedRect(
            r.adjusted(r.width() * 0.18, r.height() * 0.25, -r.width() * 0.18, -r.height() * 0.25),
            r.height() * 0.25,
            r.height() * 0.25,
        )
    elif branch == "cavalry":
        p.drawLine(r.bottomLeft(), r.topRight())
    elif branch == "artillery":
        p.setBrush(colour(ink))
        d = r.height() * 0.35
        p.drawEllipse(r.center(), d / 2, d / 2)
    elif branch == "hq":
        p.drawLine(
            QtCore.QPointF(r.left() + r.width() * 0.2, r.top() + 2), QtCore.QPointF(r.right() - r.width() * 0.2, r.top() + 2)
        )
        p.setFont(font(12 * scale, bold=True))
        p.drawText(r, QtCore.Qt.AlignmentFlag.AlignCenter, "HQ")
    elif branch == "air":
        path = QtGui.QPainterPath()
        c = r.center()
        path.moveTo(c.x() - r.width() * 0.3, c.y())
        path.cubicTo(c.x() - r.width() * 0.15, c.y() - r.height() * 0.4, c.x(), c.y() - r.height() * 0.1, c.x(), c.y())
        path.cubicTo(
            c.x(), c.y() + r.height() * 0.1, c.x() + r.width() * 0.15, c.y() + r.height() * 0.4, c.x() + r.width() * 0.3, c.y()
        )
        p.drawPath(path)
