"""The story caption over the map, for the presenter's audience and the kiosk's tour: the current step's
note in large type, or the card of the unit someone tapped. It follows the view state while shown."""

from __future__ import annotations

from pyqtgraph.Qt import QtCore, QtWidgets

from ..core.language import tr
from ..core.view_state import ViewState
from .notes import branch_name, echelon_name
from .style import font


class Caption(QtWidgets.QLabel):
    def __init__(self, state: ViewState, parent: QtWidgets.QWidget, scale: float = 1.0):
        super().__init__(parent)
        self.state = state
        self.scale = scale
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # content never becomes rich text
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("background: rgba(20, 20, 20, 205); color: white; padding: 18px; border-radius: 10px;")
        self.active = False
        self.hide()
        for field in (state.events.step, state.events.selected_unit, state.events.language, state.events.naming):
            field.connect(lambda _value: self.refresh())
        parent.installEventFilter(self)

    def set_active(self, active: bool) -> None:
        self.active = active
        self.refresh()

    def text_now(self) -> str:
        """The tapped unit's name, commander and strength; else the current step's title and note."""
        s, lang = self.state, self.state.language
        if s.selected_unit:
            unit = s.scenario.unit(s.selected_unit)
            lines = [tr(unit.name, lang), f"{branch_name(unit.branch)} · {echelon_name(unit.echelon)}"]
            if unit.commander:
                lines.append(f"{tr(unit.commander.rank, lang)} {tr(unit.commander.name, lang)}")
            if unit.strength:
                lines.append(tr(unit.strength, lang))
            return "\n".join(lines)
        event = s.current_event
        return f"{tr(event.title, lang)}\n\n{tr(event.note, lang)}" if event else ""

    def refresh(self) -> None:
        text = self.text_now() if self.active else ""
        if not text:
            self.clear()
            self.hide()
            return
        self.setFont(font(30 * self.scale))
        self.setText(text)
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        parent = self.parentWidget()
        w = round(parent.width() * 0.9)
        self.setFixedWidth(w)
        self.adjustSize()
        self.move((parent.width() - w) // 2, parent.height() - self.height() - round(30 * self.scale))

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.parentWidget() and ev.type() == QtCore.QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
