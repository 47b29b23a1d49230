"""The lecturer's list of steps: tick the events to show, drag (or move) them into order, save.

Every event of the scenario is in the list — the talk's in its order, then the others unticked — so an event
skipped today can be put back tomorrow. Saving writes the talk file atomically (core/talk.py) and hands the
new talk back (`sigSaved`); the presenter makes it the story of the view state.
"""

from __future__ import annotations

from pathlib import Path

from pyqtgraph.Qt import QtCore, QtWidgets

from ..core.dates import format_date
from ..core.language import tr
from ..core.model import Scenario
from ..core.safe_files import FileProblem
from ..core.talk import Talk, save_talk
from .i18n import translate
from .style import font

ID_ROLE = QtCore.Qt.ItemDataRole.UserRole


class TalkEditor(QtWidgets.QDialog):
    sigSaved = QtCore.Signal(object)  # Talk

    def __init__(self, scenario: Scenario, talk: Talk, path: Path, lang: str, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.scenario, self.path, self.lang = scenario, path, lang
        self.setWindowTitle(translate("Talk", "Steps of the talk"))
        self.list = QtWidgets.QListWidget()
        self.list.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.InternalMove)
        self.list.setFont(font(16))
        self.background = QtWidgets.QCheckBox(translate("Talk", "Include the background chapter (1931–1939)"))
        self.background.toggled.connect(self._tick_background)
        buttons = QtWidgets.QHBoxLayout()
        for text, slot in (
            (translate("Talk", "Move up"), lambda: self.move(-1)),
            (translate("Talk", "Move down"), lambda: self.move(1)),
            (translate("Talk", "Default talk"), self._default),
        ):
            b = QtWidgets.QPushButton(text)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self.problem = QtWidgets.QLabel()
        self.problem.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B03A2E;")
        layout = QtWidgets.QVBoxLayout(self)
        hint = QtWidgets.QLabel(translate("Talk", "Tick the events to show; drag them into the order of the talk."))
        hint.setWordWrap(True)
        hint.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.background)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        layout.addWidget(box)
        self.resize(760, 820)
        self.fill(talk)

    def fill(self, talk: Talk) -> None:
        by_id = {e.id: e for e in self.scenario.events}
        chosen = [i for i in talk.event_ids if i in by_id]
        rest = [e.id for e in sorted(self.scenario.events, key=lambda e: e.at) if e.id not in set(chosen)]
        self.list.clear()
        for event_id in chosen + rest:
            e = by_id[event_id]
            item = QtWidgets.QListWidgetItem(f"{format_date(e.at, e.precision, self.lang)} — {tr(e.title, self.lang)}")
            item.setData(ID_ROLE, event_id)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable | QtCore.Qt.ItemFlag.ItemIsDragEnabled)
            item.setFlags(item.flags() & ~QtCore.Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(QtCore.Qt.CheckState.Checked if event_id in chosen else QtCore.Qt.CheckState.Unchecked)
            self.list.addItem(item)
        background = [i for i in chosen if by_id[i].chapter == "background"]
        self.background.blockSignals(True)
        self.background.setChecked(bool(background))
        self.background.blockSignals(False)

    def _items(self) -> list[QtWidgets.QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def talk(self) -> Talk:
        """The ticked events, in the list's order."""
        return Talk(tuple(item.data(ID_ROLE) for item in self._items() if item.checkState() == QtCore.Qt.CheckState.Checked))

    def move(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _tick_background(self, on: bool) -> None:
        background = {e.id for e in self.scenario.events if e.chapter == "background"}
        for item in self._items():
            if item.data(ID_ROLE) in background:
                item.setCheckState(QtCore.Qt.CheckState.Checked if on else QtCore.Qt.CheckState.Unchecked)

    def _default(self) -> None:
        self.fill(Talk.default(self.scenario, self.background.isChecked()))

    def save(self) -> None:
        talk = self.talk()
        if not talk.event_ids:
            self.problem.setText(translate("Talk", "Tick at least one event."))
            return
        try:
            save_talk(talk, self.path)
        except (FileProblem, OSError) as exc:
            self.problem.setText(translate("Talk", "The talk could not be saved: %1").replace("%1", str(exc)))
            return
        self.sigSaved.emit(talk)
        self.accept()
