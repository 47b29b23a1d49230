"""The legend in the side panel: the marks on the map now, as the map's furniture collects and paints them
(`FurnitureLayer.entries`, `paint_legend`), under a header that folds it away. In the side panel it never
covers the battlefield; a window without a side panel (a talk) has it on the map instead."""

from __future__ import annotations

from functools import partial

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.evented import Signal, Slot
from .i18n import translate
from .map.layer import LegendEntry
from .map.pixmaps import without_engine
from .map_view import MapView
from .style import font
from .throttle import Throttle

Grid = tuple[list[list[LegendEntry]], tuple[float, float]]  # columns of rows, and the legend's size
MAX_SHARE = 0.36
FIELDS = ("instant", "layers", "selected_unit", "highlighted_place", "language", "naming", "step")


class _LegendBody(QtWidgets.QWidget):
    sigHeight = QtCore.Signal(int)

    def __init__(self, map_view: MapView):
        super().__init__()
        self.map_view = map_view
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Fixed)
        self._height = 0
        self.basis = 200  # the width the rows are laid out for: the panel's, less a scroll bar (so a scroll bar
        # that comes and goes cannot change the columns, the height, and so the scroll bar, in a loop)
        self._cache: tuple[tuple, Grid] | None = None
        self._entries: list[LegendEntry] | None = None  # the marks on the map, until the next `refresh`
        self._picture: tuple[tuple, QtGui.QPixmap] | None = None
        self._rows: tuple | None = None  # the scale and rows last asked to be painted

    def grid(self) -> Grid:
        """The legend's columns and size for the marks on the map now (measured once per set of rows). The marks
        are collected again only after `refresh`: the panel is also repainted when a widget beside it changes."""
        furniture = self.map_view.layer("furniture")
        if self._entries is None:
            self._entries = furniture.entries()
        entries = self._entries
        key = (tuple(e.row for e in entries), self.basis, self.map_view.ctx.scale)
        if self._cache is None or self._cache[0] != key:
            self._cache = key, furniture.legend_for_width(entries, self.basis)
        columns, size = self._cache[1]
        by_key = {e.key: e for e in entries}  # this instant's swatches (a trail's side, say) in the cached layout
        return [[by_key[e.key] for e in col] for col in columns], size

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(200, self._height)

    def refresh(self) -> None:
        """The marks on the map now; repainted only when its rows change (the picture shows the rows, not this
        instant's swatches: a tap or a frame of playback that adds or drops no kind of mark leaves it as it is)."""
        self._entries = self.map_view.layer("furniture").entries()
        rows = (self.map_view.ctx.scale, *(e.row for e in self._entries))  # swatches drawn for the scale
        if rows != self._rows:
            self._rows = rows
            self.update()

    def take_height(self, grid: Grid) -> None:
        height = round(grid[1][1])
        if height != self._height:
            self._height = height
            self.setMinimumHeight(height)
            self.sigHeight.emit(height)

    def paintEvent(self, _ev: QtGui.QPaintEvent) -> None:
        grid = self.grid()
        self.take_height(grid)  # a new row or one fewer: the panel takes the new height (and paints again)
        dpr = self.devicePixelRatioF()
        key = (tuple(e.row for col in grid[0] for e in col), self.basis, self.map_view.ctx.scale, dpr)
        if self._picture is None or self._picture[0] != key:  # while playing the rows rarely change: drawn once
            size = grid[1]
            pm = QtGui.QPixmap(max(1, round(size[0] * dpr)), max(1, round(size[1] * dpr)))
            pm.setDevicePixelRatio(dpr)
            pm.fill(QtCore.Qt.GlobalColor.transparent)
            q = QtGui.QPainter(pm)
            q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            self.map_view.layer("furniture").paint_legend(q, QtCore.QPointF(0, 0), grid[0])
            q.end()
            self._picture = key, without_engine(pm)
        p = QtGui.QPainter(self)
        p.drawPixmap(QtCore.QPointF(0, 0), self._picture[1])
        p.end()


class _Scroll(QtWidgets.QScrollArea):
    """Asks for the legend's whole height (up to the panel's cap); may be squeezed to less, then scrolls."""

    def __init__(self, panel: LegendPanel):
        super().__init__()
        self.panel = panel

    def sizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(super().sizeHint().width(), self.maximumHeight())


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
        self.scroll = _Scroll(self)
        self.scroll.setWidget(self.body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cap = 400
        self._panel: QtWidgets.QWidget | None = None
        self._refresh = Throttle(self, self.body.refresh)  # see throttle.py: every layer is asked for its marks
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
        self._subscriptions.append((map_view.state.events.layers, self._show_layers))
        map_view.state.events.layers.connect(self._show_layers)
        self._show_layers(map_view.state.layers)
        map_view.view.sigRangeChanged.connect(self._range_changed)
        self.destroyed.connect(partial(_unsubscribe, self._subscriptions))
        self.retranslate()

    def resizeEvent(self, ev: QtGui.QResizeEvent) -> None:
        super().resizeEvent(ev)
        bar = self.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_ScrollBarExtent)
        basis = max(1, self.width() - 16 - bar - 4)
        if basis != self.body.basis:
            self.body.basis = basis
            self.body.take_height(self.body.grid())

    def _changed(self, _field: str, _value: object) -> None:
        if self.body.isVisible():
            self._refresh()

    def _range_changed(self, *_args: object) -> None:
        self._changed("camera", None)

    def _show_layers(self, layers: frozenset[str]) -> None:
        """The "legend" layer shows or hides the panel (shown only once it has a place in a window)."""
        if "legend" not in layers:
            self.hide()
        elif self.parent() is not None:
            self.show()

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
        self.body.refresh()  # the swatches are drawn for the scale
        self.body.take_height(self.body.grid())

    def follow_height_of(self, panel: QtWidgets.QWidget) -> None:
        """Take at most MAX_SHARE of `panel`'s height, whatever it becomes: the notes keep the rest."""
        self._panel = panel
        panel.installEventFilter(self)

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self._panel and ev.type() == QtCore.QEvent.Type.Resize:
            self.cap = max(60, round(self._panel.height() * MAX_SHARE))
            self._fit(self.body.minimumHeight())
        return False

    def _fit(self, height: int) -> None:
        """As tall as the legend, up to the cap; it gives way (and scrolls) when the window is small, rather
        than holding the window taller than asked."""
        self.scroll.setMinimumHeight(min(height + 2, 48))
        self.scroll.setMaximumHeight(min(height + 2, self.cap))
        self.scroll.updateGeometry()


def _unsubscribe(subscriptions: list[tuple[Signal, Slot]], *_args: object) -> None:
    for signal, slot in subscriptions:
        signal.disconnect(slot)
    subscriptions.clear()
