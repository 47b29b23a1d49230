"""The legend in the side panel: the marks on the map now, as the map's furniture collects and paints them
(`FurnitureLayer.entries`, `paint_legend`), under a header that folds it away. In the side panel it never
covers the battlefield; a window without a side panel (a talk) has it on the map instead."""

from __future__ import annotations

from functools import partial

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.evented import Signal, Slot
from .i18n import translate
from .map_view import MapView
from .style import font

MAX_SHARE = 0.42
FIELDS = ("instant", "layers", "selected_unit", "highlighted_place", "language", "naming", "step")


class _LegendBody(QtWidgets.QWidget):
    sigHeight = QtCore.Signal(int)

    def __init__(self, map_view: MapView):
        super().__init__()
        self.map_view = map_view
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed)
        self._height = 0

    def _grid(self):
        furniture = self.map_view.layer("furniture")
        return furniture.legend_for_width(furniture.entries(), max(1, self.width()))  # type: ignore[attr-defined]

    def refresh(self) -> None:
        height = round(self._grid()[1][1])
        if height != self._height:
            self._height = height
            self.setMinimumHeight(height)
            self.sigHeight.emit(height)
        self.update()

    def resizeEvent(self, ev: QtGui.QResizeEvent) -> None:
        super().resizeEvent(ev)
        self.refresh()

    def paintEvent(self, _ev: QtGui.QPaintEvent) -> None:
        p = QtGui.QPainter(self)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self.map_view.layer("furniture").paint_legend(p, QtCore.QPointF(0, 0), self._grid()[0])  # type: ignore[attr-defined]
        p.end()


class LegendPanel(QtWidgets.QWidget):
    """A header button that folds the legend, and the legend."""

    def __init__(self, map_view: MapView):
        super().__init__()
        self.header = QtWidgets.QToolButton()
        self.header.setCheckable(True)
        self.header.setChecked(True)
        self.header.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.header.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        self.body = _LegendBody(map_view)
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidget(self.body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cap = 400
        self.body.sigHeight.connect(self._fit)
        self.header.toggled.connect(self._fold)
        column = QtWidgets.QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(2)
        column.addWidget(self.header)
        column.addWidget(self.scroll)
        self._subscriptions: list[tuple[Signal, Slot]] = []
        for field in FIELDS:
            signal = getattr(map_view.state.events, field)
            slot = partial(self._changed, field)
            signal.connect(slot)
            self._subscriptions.append((signal, slot))
        map_view.view.sigRangeChanged.connect(self._range_changed)
        self.destroyed.connect(partial(_unsubscribe, self._subscriptions))
        self.retranslate()

    def _changed(self, _field: str, _value: object) -> None:
        if self.body.isVisible():
            self.body.refresh()

    def _range_changed(self, *_args: object) -> None:
        self._changed("camera", None)

    def _fold(self, open_: bool) -> None:
        self.scroll.setVisible(open_)
        self.header.setArrowType(QtCore.Qt.ArrowType.DownArrow if open_ else QtCore.Qt.ArrowType.RightArrow)
        if open_:
            self.body.refresh()

    def retranslate(self) -> None:
        self.header.setText(translate("Window", "Legend"))
        self._fold(self.header.isChecked())

    def set_scale(self, scale: float) -> None:
        self.header.setFont(font(15 * scale, bold=True))
        self.body.refresh()

    def fit_height(self, panel_height: int) -> None:
        """At most MAX_SHARE of the side panel: the notes keep the rest (the legend scrolls)."""
        self.cap = max(60, round(panel_height * MAX_SHARE))
        self._fit(self.body.minimumHeight())

    def _fit(self, height: int) -> None:
        self.scroll.setFixedHeight(min(height + 2, self.cap))


def _unsubscribe(subscriptions: list[tuple[Signal, Slot]], *_args: object) -> None:
    for signal, slot in subscriptions:
        signal.disconnect(slot)
    subscriptions.clear()
