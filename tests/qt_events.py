"""Input events the tests send as a person's hand would (Qt's QTest has no wheel)."""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets


def wheel_up(widget: QtWidgets.QWidget, pos: QtCore.QPointF, notches: int = 1) -> None:
    """`notches` of the wheel away from the user (zoom in; negative: towards, zoom out), at `pos` in `widget`."""
    event = QtGui.QWheelEvent(
        pos,
        QtCore.QPointF(widget.mapToGlobal(pos.toPoint())),
        QtCore.QPoint(),
        QtCore.QPoint(0, 120 * notches),
        QtCore.Qt.MouseButton.NoButton,
        QtCore.Qt.KeyboardModifier.NoModifier,
        QtCore.Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QtWidgets.QApplication.sendEvent(widget, event)
