"""The presenter view, for the lecturer's own screen: step n of N, now and next with small maps, the speaker
notes (never shown to the audience), the event's sources, the clock and a talk timer with pause and reset.

It reads the one view state of the talk; the thumbnails are drawn by a map of their own (a second view of the
same scenario at another instant, like an export's frame) that is never shown, only grabbed.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Mapping

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.dates import format_date
from ..core.language import tr
from ..core.map_extent import battlefield_camera
from ..core.model import Event
from ..core.motion import MotionModel
from ..core.speaker_notes import SpeakerNote
from ..core.view_state import ViewState
from .i18n import translate
from .map_view import MapView
from .style import font

THUMB = QtCore.QSize(480, 300)
KEEP_THUMBNAILS = 24  # ~14 MB; a talk goes back and forth over a few steps, not over every language


class Thumbnails:
    """Small pictures of the map at an event, drawn off screen and kept per event and language."""

    def __init__(self, state: ViewState, motion: MotionModel, parent: QtWidgets.QWidget):
        self.source = state
        scenario = state.scenario
        self.state = ViewState(scenario, battlefield_camera(scenario), span="wide", layers=state.layers - {"inset"})
        self.map = MapView(scenario, motion, self.state, parent)
        self.map.hide()  # never shown, only grabbed
        self.map.resize(THUMB)
        self.map.set_scale(0.45)
        self._cache: OrderedDict[tuple[str, str, str], QtGui.QPixmap] = OrderedDict()

    def of(self, event: Event) -> QtGui.QPixmap:
        key = (event.id, self.source.language, self.source.naming)
        if key not in self._cache:
            self.state.update(instant=event.at, language=self.source.language, naming=self.source.naming)
            self._cache[key] = self.map.grab()
            while len(self._cache) > KEEP_THUMBNAILS:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        return self._cache[key]


class TalkTimer(QtCore.QObject):
    """Elapsed time of the talk, which the lecturer can pause and reset."""

    def __init__(self, parent: QtCore.QObject | None = None, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.clock = clock
        self.reset()

    def reset(self) -> None:
        self._banked = 0.0
        self._since: float | None = None if getattr(self, "_since", 0.0) is None else self.clock()  # a paused timer stays paused

    @property
    def paused(self) -> bool:
        return self._since is None

    def set_paused(self, paused: bool) -> None:
        if paused and self._since is not None:
            self._banked += self.clock() - self._since
            self._since = None
        elif not paused and self._since is None:
            self._since = self.clock()

    def seconds(self) -> int:
        running = self.clock() - self._since if self._since is not None else 0.0
        return int(self._banked + running)


def _label(px: float, bold: bool = False, colour: str = "#EEE") -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setWordWrap(True)
    label.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # content never becomes rich text
    label.setFont(font(px, bold=bold))
    label.setStyleSheet(f"color: {colour};")
    return label


class PresenterView(QtWidgets.QWidget):
    def __init__(
        self,
        state: ViewState,
        motion: MotionModel,
        notes: Mapping[str, SpeakerNote],
        actions: Mapping[str, QtGui.QAction],
        timer: TalkTimer,
    ):
        super().__init__()
        self.state = state
        self.speaker_notes = notes
        self.timer = timer
        self.thumbnails = Thumbnails(state, motion, self)
        self.setWindowTitle(translate("Presenter", "Presenter view"))
        self.setStyleSheet("PresenterView { background: #1E1E1E; }")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor("#1E1E1E"))
        self.setPalette(palette)
        self.step_label = _label(34, bold=True)
        self.clock = _label(26, bold=True)
        self.pause_button = QtWidgets.QToolButton()
        self.pause_button.setDefaultAction(actions["timer.pause"])
        self.reset_button = QtWidgets.QToolButton()
        self.reset_button.setDefaultAction(actions["timer.reset"])
        for b in (self.pause_button, self.reset_button):
            b.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
            b.setFont(font(18))
        self.current = _label(26, bold=True)
        self.next = _label(20, bold=True, colour="#BBB")
        self.now_picture, self.next_picture = QtWidgets.QLabel(), QtWidgets.QLabel()
        for picture in (self.now_picture, self.next_picture):
            picture.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # a picture, but never a guess at rich text
        self.notes_title = _label(18, bold=True, colour="#F2C14E")
        self.note = _label(24)
        self.note.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.NoTextInteraction)
        self.sources_title = _label(16, bold=True, colour="#F2C14E")
        self.sources = _label(16, colour="#CCC")
        self.entry = _label(26, bold=True, colour="#F2C14E")  # a step number being typed

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.step_label, 1)
        top.addWidget(self.entry)
        top.addWidget(self.clock)
        top.addWidget(self.pause_button)
        top.addWidget(self.reset_button)
        pictures = QtWidgets.QGridLayout()
        pictures.addWidget(self.current, 0, 0)
        pictures.addWidget(self.next, 0, 1)
        pictures.addWidget(self.now_picture, 1, 0)
        pictures.addWidget(self.next_picture, 1, 1)
        notes_column = QtWidgets.QVBoxLayout()
        for w in (self.notes_title, self.note, self.sources_title, self.sources):
            notes_column.addWidget(w)
        notes_column.addStretch(1)
        scroll_body = QtWidgets.QWidget()
        scroll_body.setLayout(notes_column)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(scroll_body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        scroll.setStyleSheet("background: transparent;")
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(pictures)
        layout.addWidget(scroll, 1)

        self._ticker = QtCore.QTimer(self, interval=500)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._tick()
        for field in (state.events.step, state.events.language, state.events.naming, state.events.story):
            field.connect(lambda _value: self.show_step())
        self.show_step()

    def show_step(self) -> None:
        s, lang = self.state, self.state.language
        event = s.current_event
        self.step_label.setText(
            translate("Presenter", "Step %1 of %2").replace("%1", str(s.step + 1)).replace("%2", str(len(s.story)))
            if s.step is not None
            else translate("Presenter", "Before the first step (%1 steps)").replace("%1", str(len(s.story)))
        )
        if event is None:
            return
        upcoming = s.story.steps[s.step + 1] if s.step is not None and s.step + 1 < len(s.story) else None
        when = format_date(event.at, event.precision, lang)
        self.current.setText(translate("Presenter", "Now: %1 — %2").replace("%1", when).replace("%2", tr(event.title, lang)))
        self.next.setText(
            translate("Presenter", "Next: %1").replace("%1", tr(upcoming.title, lang))
            if upcoming
            else translate("Presenter", "Next: (end)")
        )
        self.now_picture.setPixmap(self.thumbnails.of(event))
        if upcoming is not None:
            self.next_picture.setPixmap(self.thumbnails.of(upcoming))
        else:
            self.next_picture.clear()
        spoken = self.speaker_notes.get(event.id)
        self.notes_title.setText(translate("Presenter", "Speaker notes"))
        self.note.setText(tr(spoken.text, lang) if spoken else translate("Presenter", "(no speaker notes for this step)"))
        self.sources_title.setText(translate("Presenter", "Sources"))
        cited = dict.fromkeys((*event.sources, *(spoken.sources if spoken else ())))
        self.sources.setText("\n".join(f"• {s.scenario.sources[i].citation}" for i in cited if i in s.scenario.sources))

    def show_entry(self, digits: str) -> None:
        self.entry.setText(translate("Presenter", "Go to step %1").replace("%1", digits) if digits else "")

    def _tick(self) -> None:
        elapsed = self.timer.seconds()
        text = translate("Presenter", "%1   ·   elapsed %2").replace("%1", time.strftime("%H:%M"))
        text = text.replace(
            "%2",
            f"{elapsed // 3600}:{elapsed // 60 % 60:02d}:{elapsed % 60:02d}"
            if elapsed >= 3600
            else f"{elapsed // 60:02d}:{elapsed % 60:02d}",
        )
        if self.timer.paused:
            text += "  " + translate("Presenter", "(paused)")
        self.clock.setText(text)
