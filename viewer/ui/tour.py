"""The guided tour on the desktop: the kiosk's tour (the same story, `Story.tour` from the kiosk's default first
chapter, and the same time per step), stepped by a timer through the window's clock, so the map glides to
each event and the notes show it. Any key, click, wheel or touch hands the window back to the visitor, and
the story returns to every event in time order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyqtgraph.Qt import QtCore, QtWidgets

from ..core.story import Story
from ..kiosk_config import KioskConfig
from .i18n import translate

if TYPE_CHECKING:
    from .main_window import MainWindow

STOPPED_BY = {
    QtCore.QEvent.Type.KeyPress,
    QtCore.QEvent.Type.MouseButtonPress,
    QtCore.QEvent.Type.Wheel,
    QtCore.QEvent.Type.TouchBegin,
}


class Tour(QtCore.QObject):
    sigStopped = QtCore.Signal()

    def __init__(self, window: MainWindow, config: KioskConfig | None = None):
        super().__init__(window)
        self.window = window
        config = config or KioskConfig()
        sc = window.scenario
        self.story = Story.tour(sc, config.start_chapter, sc.campaign_start, sc.campaign_end)
        self.timer = QtCore.QTimer(self, interval=round(config.tour_seconds * 1000))
        self.timer.timeout.connect(self._next_step)
        self.running = False

    def start(self) -> None:
        if self.running or not len(self.story):
            return
        self.running = True
        state = self.window.state
        state.update(story=self.story, follow_story=True, span="campaign")
        self.window.clock.go_to_step(0)
        self.timer.start()
        QtWidgets.QApplication.instance().installEventFilter(self)
        self.window.commands.sigTriggered.connect(self._command)
        self.window.notify(translate("Window", "The tour steps through the story on its own; press any key or click to stop it."))

    def _next_step(self) -> None:
        step = self.window.state.step
        self.window.clock.go_to_step(0 if step is None else (step + 1) % len(self.story))

    def stop(self) -> None:
        """The visitor takes over where the tour was; the story is every event again."""
        if not self.running:
            return
        self.running = False
        self.timer.stop()
        QtWidgets.QApplication.instance().removeEventFilter(self)
        self.window.commands.sigTriggered.disconnect(self._command)
        state = self.window.state
        state.story = Story.chronological(self.window.scenario.events)
        self.sigStopped.emit()

    def _command(self, _command_id: str) -> None:
        self.stop()  # a key that runs a command sends no KeyPress

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if ev.type() in STOPPED_BY:
            self.stop()
        return False
