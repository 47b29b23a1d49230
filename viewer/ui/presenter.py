"""Presenter mode: a clicker steps through the talk, each step an eased move; B blacks and W whitens the screen;
a number and Enter go to that step; Escape asks before it leaves. A pen draws on the map (colours, eraser,
undo), wiped at the next step unless the lecturer keeps it. The caption sits where the map is empty and can
be hidden. With a second screen, a presenter view shows step n of N, now and next, the speaker notes, the
sources and a timer. Keys are the presenter's commands (commands.py); the step lives in the view state, so
every kind of jump keeps caption, timeline and views in step. The step reached is remembered, so a talk can
resume where it stopped.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.speaker_notes import SpeakerNote
from ..core.talk import Talk
from ..paths import config_dir
from .caption import Caption
from .i18n import translate
from .main_window import MainWindow
from .pen import PenOverlay
from .presenter_view import PresenterView, TalkTimer
from .settings import Settings
from .style import font

CONFIRM_MS = 3000  # a second Escape within this leaves
ENTRY_MS = 4000  # a typed step number is forgotten after this long without Enter
MAX_DIGITS = 3


def talk_file() -> Path:
    """Where the lecturer's talk is kept between lectures."""
    return config_dir() / "talk.txt"


def start_index(talk: Talk, scenario, at: datetime | None, remembered: str) -> int:
    """Where a talk opens: at `--at` (the first step on or after it, else the last), else at the remembered
    step (resume where I stopped), else at its first step."""
    steps = talk.story(scenario).steps
    if at is not None:
        later = [i for i, e in enumerate(steps) if e.at >= at]
        return min(later, key=lambda i: (steps[i].at, i)) if later else len(steps) - 1
    ids = [e.id for e in steps]
    return ids.index(remembered) if remembered in ids else 0


class Presenter(QtCore.QObject):
    sigLeave = QtCore.Signal()

    def __init__(
        self,
        window: MainWindow,
        presenter_screen: QtGui.QScreen | None = None,
        talk: Talk | None = None,
        settings: Settings | None = None,
        speaker_notes: Mapping[str, SpeakerNote] | None = None,
    ):
        super().__init__(window)
        self.window = window
        self.settings = settings
        state = window.state
        self.talk = talk or Talk.default(window.scenario)
        window.set_mode("present")
        state.story = self.talk.story(window.scenario)
        window.timeline_bar.follow_chapter = True
        window.timeline_bar.update()
        self.caption = Caption(state, window.map, window.ui_scale(), window.clock)
        self.pen = PenOverlay(window.map)
        self.caption.keep_below = self.pen
        self.pen.sigTap.connect(self._tap)
        self.cover = QtWidgets.QWidget(window)  # the black or white screen
        self.cover.setAutoFillBackground(True)
        self.cover.hide()
        self.notice = QtWidgets.QLabel(window)  # "press Escape again", "go to step 12"
        self.notice.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.notice.setStyleSheet("background: rgba(20, 20, 20, 225); color: white; padding: 12px 18px; border-radius: 8px;")
        self.notice.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.notice.hide()
        self.digits = ""
        self._entry_timer = self._single_shot(ENTRY_MS, self._forget_entry)
        self._notice_timer = self._single_shot(CONFIRM_MS, self.notice.hide)
        self._confirm_timer = self._single_shot(CONFIRM_MS, lambda: None)  # running: Escape was pressed once
        self.timer = TalkTimer(self)
        window.installEventFilter(self)
        commands = window.commands
        self.view: PresenterView | None = None
        if presenter_screen is not None:
            self.view = PresenterView(state, window.motion, speaker_notes or {}, commands.actions, self.timer)
            self.view.setGeometry(presenter_screen.availableGeometry())
            self.view.show()
        bind, actions = commands.bind, commands.actions
        bind("blackout", lambda: self.toggle_cover("black"))
        bind("whiteout", lambda: self.toggle_cover("white"))
        bind("caption", self.caption.set_active)
        actions["caption"].setChecked(True)
        for d in range(10):
            bind(f"step.digit.{d}", lambda d=d: self.type_digit(d))
        bind("step.go", self.go_to_typed_step)
        bind("talk.edit", self.edit_talk)
        bind("pen", self.pen.set_drawing)
        actions["pen"].setChecked(True)
        bind("pen.colour", self._next_colour)
        bind("pen.eraser", self.pen.set_erasing)
        bind("pen.undo", self.pen.undo)
        bind("pen.clear", self.pen.clear)
        bind("timer.pause", self.timer.set_paused)
        bind("timer.reset", self.timer.reset)
        bind("leave", self.ask_to_leave)
        commands.sigTriggered.connect(self._command_run)
        state.events.step.connect(self._new_step)

    def _single_shot(self, ms: int, slot) -> QtCore.QTimer:
        timer = QtCore.QTimer(self, singleShot=True, interval=ms)
        timer.timeout.connect(slot)
        return timer

    # --- steps -------------------------------------------------------------------------------
    def start(self, at: datetime | None = None) -> None:
        """Open the talk at `at`, else where it last stopped, else at its first step (a cut, not a glide)."""
        state = self.window.state
        if not len(state.story):
            return
        remembered = self.settings.get("present/event") if self.settings else ""
        index = start_index(self.talk, state.scenario, at, remembered)
        state.instant = state.show_step(index)

    def _new_step(self, step: int | None) -> None:
        if not self.window.commands.actions["pen.keep"].isChecked():
            self.pen.clear()
        self.cover.hide()
        event = self.window.state.current_event
        if self.settings and event is not None:
            self.settings.set("present/event", event.id)
            self.settings.sync()

    def type_digit(self, digit: int) -> None:
        self.digits = (self.digits + str(digit))[-MAX_DIGITS:]
        self._entry_timer.start()
        self._show_entry()

    def _show_entry(self) -> None:
        text = translate("Presenter", "Go to step %1 (Enter)").replace("%1", self.digits) if self.digits else ""
        self.notify(text, hold=bool(self.digits))
        if self.view is not None:
            self.view.show_entry(self.digits)

    def _forget_entry(self) -> None:
        self.digits = ""
        self._show_entry()

    def go_to_typed_step(self) -> None:
        """Enter after a number: go to that step (counted from 1, as the presenter view shows it)."""
        if not self.digits:
            return
        number, total = int(self.digits), len(self.window.state.story)
        self.digits = ""
        self._entry_timer.stop()
        self._show_entry()
        if 1 <= number <= total:
            self.window.clock.go_to_step(number - 1)
        else:
            self.notify(translate("Presenter", "There is no step %1 (1–%2)").replace("%1", str(number)).replace("%2", str(total)))

    def edit_talk(self) -> None:
        from .talk_editor import TalkEditor

        editor = TalkEditor(self.window.scenario, self.talk, talk_file(), self.window.state.language, self.window)
        editor.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(QtCore.Qt.WindowModality.ApplicationModal)  # its keys (Space, Enter, Escape) are its own
        editor.sigSaved.connect(self.use_talk)
        self.editor = editor
        editor.show()

    def use_talk(self, talk: Talk) -> None:
        """The talk the lecturer saved becomes the story; the view stays on its event if the talk still has it."""
        state = self.window.state
        current = state.current_event
        self.talk = talk
        state.story = talk.story(state.scenario)
        index = state.story.index_of(current.id) if current else None
        if len(state.story):
            self.window.clock.go_to_step(index if index is not None else 0)

    # --- screens, pen, notices ----------------------------------------------------------------
    def toggle_cover(self, shade: str) -> None:
        """B: black screen, W: white screen; the same key again (or a step) brings the map back."""
        current = self.cover.palette().color(QtGui.QPalette.ColorRole.Window).name()
        wanted = "#000000" if shade == "black" else "#ffffff"
        if self.cover.isVisible() and current == wanted:
            self.cover.hide()
            return
        palette = self.cover.palette()
        palette.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor(wanted))
        self.cover.setPalette(palette)
        self.cover.setGeometry(self.window.rect())
        self.cover.show()
        self.cover.raise_()

    def _next_colour(self) -> None:
        self.pen.next_colour()
        self.window.commands.actions["pen.eraser"].setChecked(False)

    def _tap(self, pos: QtCore.QPointF) -> None:
        viewport = self.window.map.graphics.viewport()
        self.window.map.click_at(QtCore.QPointF(viewport.mapFrom(self.window.map, pos.toPoint())))

    def notify(self, text: str, hold: bool = False) -> None:
        """A short notice at the foot of the screen (hidden after a while unless `hold`)."""
        if not text:
            self.notice.hide()
            return
        scale = self.window.ui_scale()
        self.notice.setFont(font(24 * scale, bold=True))
        self.notice.setText(text)
        self.notice.adjustSize()
        top = self.window.map.mapTo(self.window, QtCore.QPoint(0, 0))  # at the top of the map, clear of the caption
        self.notice.move(top.x() + (self.window.map.width() - self.notice.width()) // 2, top.y() + round(16 * scale))
        self.notice.show()
        self.notice.raise_()
        if hold:
            self._notice_timer.stop()
        else:
            self._notice_timer.start()

    # --- leaving -------------------------------------------------------------------------------
    def ask_to_leave(self) -> None:
        """Escape: first it drops a half-typed step number; then it asks; pressed again while asking, it leaves."""
        if self.digits:
            self._forget_entry()
            return
        if self.leaving_asked:
            self.leave()
            return
        self.notify(translate("Presenter", "Press Escape again to end the talk"))
        self._confirm_timer.start()

    @property
    def leaving_asked(self) -> bool:
        return self._confirm_timer.isActive()

    def _command_run(self, command_id: str) -> None:
        """Any other command between two Escapes means the lecturer carried on: the next Escape asks again."""
        if command_id != "leave" and self._confirm_timer.isActive():
            self._confirm_timer.stop()
            self.notice.hide()

    def leave(self) -> None:
        for timer in (self._notice_timer, self._confirm_timer, self._entry_timer):
            timer.stop()
        self.sigLeave.emit()
        if self.view is not None:
            self.view.close()
        self.window.close()

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.window and ev.type() == QtCore.QEvent.Type.Resize:
            self.cover.setGeometry(self.window.rect())
            self.caption.scale = self.window.ui_scale()
            self.caption.refresh()
        elif obj is self.window and ev.type() == QtCore.QEvent.Type.Close and self.view is not None:
            self.view.close()  # the audience window closed some other way: the lecturer's goes too
        return False
