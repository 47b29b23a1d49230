"""The story caption over the map, for the presenter's audience and the kiosk's tour: the current step's title
(larger) and note, or the card of the unit someone tapped. It follows the view state while shown.

It never covers what it describes: it goes where the map is empty (caption_layout.place_box, clear of the
event's units, covering as little else as it can) and, where no such place exists, becomes a slim band along
an edge; given the window's clock, it then asks the camera to leave room for the units once the map has
settled. It keeps its place while the units stay clear of it, so it does not wander as the map moves.
"""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtWidgets

from ..core.camera import Camera
from ..core.caption_layout import band, covers, place_box
from ..core.language import tr
from ..core.placement import Rect
from ..core.view_state import ViewState
from .clock import Clock
from .map_view import MapView
from .notes import branch_name, echelon_name
from .style import font
from .symbols import symbol_size

HEADING_PX, BODY_PX = 34, 22  # at a 1080-pixel-high window (VISUAL.md: notes >= 22)
WIDTH_PX = 640  # a box's width at that size; at most 42 % of the map's
MARGIN_PX = 16


class Caption(QtWidgets.QFrame):
    def __init__(self, state: ViewState, parent: MapView, scale: float = 1.0, clock: Clock | None = None):
        super().__init__(parent)
        self.state = state
        self.map = parent
        self.keep_below: QtWidgets.QWidget | None = None
        self.scale = scale
        self.clock = clock
        self.active = False
        self.as_band = False
        self._roomed_step: int | None = None  # the step the camera was last moved for (once per step)
        self.heading = QtWidgets.QLabel()
        self.body = QtWidgets.QLabel()
        for label in (self.heading, self.body):
            label.setWordWrap(True)
            label.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # content never becomes rich text
            label.setStyleSheet("color: white; background: transparent;")
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        self.setObjectName("caption")
        self.setStyleSheet("QFrame#caption { background: rgba(20, 20, 20, 215); border-radius: 10px; }")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        for field in (state.events.step, state.events.selected_unit, state.events.language, state.events.naming):
            field.connect(lambda _value: self.refresh())
        for field in (state.events.instant, state.events.camera, state.events.layers):
            field.connect(lambda _value: self._keep_clear())
        self._stale = False  # placed before the map painted the names of this step or size: place once more
        if clock is not None:
            clock.sigSettled.connect(self._settled)
            parent.graphics.viewport().installEventFilter(self)  # names are placed as the map paints
        parent.installEventFilter(self)

    def set_active(self, active: bool) -> None:
        self.active = active
        self.refresh()

    # --- what it says ----------------------------------------------------------------------
    def texts(self) -> tuple[str, str]:
        """(heading, body): the tapped unit's name, then its type, commander and strength; else the step's title
        and note."""
        s, lang = self.state, self.state.language
        if s.selected_unit:
            unit = s.scenario.unit(s.selected_unit)
            lines = [f"{branch_name(unit.branch)} · {echelon_name(unit.echelon)}"]
            if unit.commander:
                lines.append(f"{tr(unit.commander.rank, lang)} {tr(unit.commander.name, lang)}")
            if unit.strength:
                lines.append(tr(unit.strength, lang))
            return tr(unit.name, lang), "\n".join(lines)
        event = s.current_event
        return (tr(event.title, lang), tr(event.note, lang)) if event else ("", "")

    def text(self) -> str:
        heading, body = self.texts()
        return f"{heading}\n\n{body}" if heading else ""

    def refresh(self) -> None:
        heading, body = self.texts() if self.active else ("", "")
        if not heading:
            self.heading.clear()
            self.body.clear()
            self.hide()
            return
        self.heading.setText(heading)
        self.body.setText(body)
        self.heading.setFont(font(HEADING_PX * self.scale, bold=True))
        self.body.setFont(font(BODY_PX * self.scale))
        m = round(14 * self.scale)
        self.layout().setContentsMargins(m, m, m, m)
        self.layout().setSpacing(round(8 * self.scale))
        self.place()
        self._stale = True
        self.show()
        if self.keep_below is not None:  # e.g. the presenter's pen: a line drawn over the caption stays visible
            self.stackUnder(self.keep_below)
        else:
            self.raise_()

    # --- where it goes ---------------------------------------------------------------------
    def _viewport_offset(self) -> QtCore.QPoint:
        return self.map.graphics.viewport().mapTo(self.map, QtCore.QPoint(0, 0))

    def event_rects(self) -> list[Rect]:
        """What the caption describes, in the map's pixels: where the event's units are drawn (the selected unit's
        when a card is shown), with room for the echelon marks and a margin, and the event's places."""
        s = self.state
        event = None if s.selected_unit else s.current_event
        ids = (s.selected_unit,) if s.selected_unit else (event.units if event else ())
        size = symbol_size(self.scale)
        pad = 10 * self.scale
        w, h = size.width() + 2 * pad, size.height() + 2 * round(13 * self.scale) + 2 * pad
        off = self._viewport_offset()
        points = [(self.map.unit_screen_point(unit_id), w, h) for unit_id in ids]
        mark = 28 * self.scale
        for place_id in event.places if event else ():
            place = s.scenario.places[place_id]
            scene = self.map.view.mapViewToScene(QtCore.QPointF(place.x, place.y))
            points.append((QtCore.QPointF(self.map.graphics.mapFromScene(scene)), mark, mark))
        return [(pt.x() + off.x() - pw / 2, pt.y() + off.y() - ph / 2, pw, ph) for pt, pw, ph in points if pt is not None]

    def _soft_rects(self) -> list[Rect]:
        """What else the map shows: every layer's marks (symbols, places, legend, inset) and the names the labels
        layer last drew."""
        t = self.map.graphics.viewportTransform()
        off = self._viewport_offset()
        shown = [layer for layer in self.map.layers if layer.isVisible()]
        rects = [r for layer in shown for r in layer.obstacles(t)] + list(self._labels_now())
        return [(x + off.x(), y + off.y(), w, h) for x, y, w, h in rects]

    def _labels_now(self) -> tuple[Rect, ...]:
        """Where the map's last paint put its names (viewport pixels)."""
        return tuple(r for layer in self.map.layers if layer.isVisible() for _key, r, *_ in getattr(layer, "placed", ()))

    def place(self) -> None:
        """A box where the map is empty, else a slim band (and, once the map is still, room made for the units)."""
        area = (self.map.width(), self.map.height())
        margin = MARGIN_PX * self.scale
        width = min(WIDTH_PX * self.scale, area[0] * 0.42)
        hard = self.event_rects()
        box = place_box(area, (width, self._height_for(width)), hard, self._soft_rects(), margin)
        self.as_band = box is None
        if box is None:
            full = area[0] - 2 * margin
            strip = band(area, self._height_for(full), hard, self._shown_camera(), margin)
            box = (margin, strip.box[1], full, strip.box[3])
            self._make_room(strip.camera)
        x, y, w, h = (round(v) for v in box)
        self.setFixedSize(w, h)
        self.move(x, y)

    def _height_for(self, width: float) -> int:
        return self.heightForWidth(round(width))

    def _shown_camera(self) -> Camera:
        (x0, x1), (y0, y1) = self.map.view.viewRange()
        return Camera(x0, x1, y0, y1)

    def _make_room(self, camera: Camera | None) -> None:
        """Move the camera so the band covers none of the event's units: once per step, and only when no eased
        move is under way (a story camera gliding to the event must land first; `_settled` tries again)."""
        step = self.state.step
        if camera is None or self.clock is None or self.clock.moving or self._roomed_step == step:
            return
        self._roomed_step = step
        self.state.camera = camera

    def rect_now(self) -> Rect:
        g = self.geometry()
        return (g.x(), g.y(), g.width(), g.height())

    def _keep_clear(self) -> None:
        """The map moved: keep the caption where it is unless the event's units now lie under it."""
        if self.isVisible() and covers(self.rect_now(), self.event_rects()):
            self.place()

    def _settled(self) -> None:
        if self.isVisible():
            self.place()

    def _painted(self) -> None:
        """The map has painted the names of a new step or size: place once more, with them, once it is still (not
        at every paint, so a zoom or a glide does not make the caption wander)."""
        if self._stale and self.isVisible() and self.clock is not None and not self.clock.moving:
            self._stale = False
            self.place()

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.map and ev.type() == QtCore.QEvent.Type.Resize and self.isVisible():
            self.place()
            self._stale = True
        elif ev.type() == QtCore.QEvent.Type.Paint and self.isVisible() and obj is self.map.graphics.viewport():
            QtCore.QTimer.singleShot(0, self, self._painted)  # after the paint, when the names are placed
        return False
