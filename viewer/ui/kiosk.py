"""Kiosk mode: fullscreen and locked, an attract tour after idle time, and recovery from any error.

Everything a visitor can do is a tap, drag or pinch on the same window the desktop app shows; staff
leave with a configurable key chord. Nothing here opens a dialog. The kiosk offers the kiosk's commands
(commands.py) rather than filtering keys, and when the tour starts the whole view state returns to the
house defaults, so one visitor's changes never reach the next.
"""

from __future__ import annotations

import logging

from pyqtgraph.Qt import QtCore, QtWidgets

from ..core.story import Story
from ..kiosk_config import KioskConfig
from .caption import Caption
from .main_window import MainWindow

log = logging.getLogger("viewer.kiosk")
INPUT_EVENTS = {
    QtCore.QEvent.Type.MouseButtonPress,
    QtCore.QEvent.Type.TouchBegin,
    QtCore.QEvent.Type.KeyPress,
    QtCore.QEvent.Type.Wheel,
    QtCore.QEvent.Type.Gesture,
}
SUPPRESSED = {
    QtCore.QEvent.Type.ToolTip,
    QtCore.QEvent.Type.WhatsThis,
    QtCore.QEvent.Type.ContextMenu,
    QtCore.QEvent.Type.QueryWhatsThis,
}


class Kiosk(QtCore.QObject):
    sigTourStarted = QtCore.Signal()
    sigTourStopped = QtCore.Signal()
    sigExit = QtCore.Signal()

    def __init__(self, window: MainWindow, config: KioskConfig):
        super().__init__(window)
        self.window = window
        self.config = config
        self.allow_exit = False
        self.errors = 0
        self.touring = False
        state = window.state
        self.story = Story.tour(
            window.scenario, config.start_chapter, window.scenario.campaign_start, window.scenario.campaign_end
        )
        # The house defaults: the museum's language, the naming the kiosk was started with, the tour's story.
        self.house = {"language": config.language, "naming": state.naming, "story": self.story}
        state.reset(**self.house)
        window.set_mode("kiosk")
        commands = window.commands
        commands.set_keys("kiosk.exit", [config.exit_chord] if config.exit_chord_enabled else [])
        commands.bind("kiosk.exit", self.exit)
        commands.sigTriggered.connect(self._activity)  # a key that runs a command sends no KeyPress
        self.caption = Caption(state, window.map, window.ui_scale())
        self.idle = QtCore.QTimer(self, singleShot=True, interval=round(config.idle_seconds * 1000))
        self.idle.timeout.connect(self.start_tour)
        self.tour_timer = QtCore.QTimer(self, interval=round(config.tour_seconds * 1000))
        self.tour_timer.timeout.connect(self._next_step)
        QtWidgets.QApplication.instance().installEventFilter(self)
        self.idle.start()

    # --- the tour ----------------------------------------------------------------------------
    def start_tour(self) -> None:
        """Forget the last visitor: every field of the view returns to the house defaults (the map glides
        home rather than cutting), then the tour plays from its first step."""
        if self.touring or not len(self.story):
            return
        self.touring = True
        popup = QtWidgets.QApplication.activePopupWidget()
        if popup is not None:
            popup.close()  # a drop-down a visitor left open must not float over the tour
        self.window.notes.verticalScrollBar().setValue(0)
        state = self.window.state
        state.reset(**self.house, camera=state.camera)
        self.window.clock.ease_camera(state.bounds.home)
        self.caption.scale = self.window.ui_scale()
        self.caption.set_active(True)
        self.window.clock.go_to_step(0)
        self.tour_timer.start()
        log.info("kiosk: tour started")
        self.sigTourStarted.emit()

    def _next_step(self) -> None:
        step = self.window.state.step
        self.window.clock.go_to_step(0 if step is None else (step + 1) % len(self.story))

    def stop_tour(self) -> None:
        """The visitor takes over exactly where the tour was."""
        if not self.touring:
            return
        self.touring = False
        self.tour_timer.stop()
        self.window.clock.stop_camera()  # a glide home must not fight the visitor's first pinch
        self.caption.set_active(False)
        self.sigTourStopped.emit()

    def reset_to_attract(self) -> None:
        """After an error: forget what the visitor was doing and return to the tour."""
        self.errors += 1
        try:
            self.stop_tour()
            self.start_tour()
        except Exception:  # the reset itself must not take the kiosk down
            log.exception("could not reset the kiosk to its tour")

    # --- input -------------------------------------------------------------------------------
    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        kind = ev.type()
        if kind in SUPPRESSED:
            return True
        if kind == QtCore.QEvent.Type.Close and obj is self.window and not self.allow_exit:
            ev.ignore()
            return True
        if kind in INPUT_EVENTS:
            self._activity()
        return False

    def _activity(self, *_: object) -> None:
        """A visitor did something: the quiet spell starts again, and a running tour hands over."""
        if self.allow_exit:
            return
        self.idle.start()
        if self.touring:
            self.stop_tour()

    def exit(self) -> None:
        log.info("kiosk: staff exit chord")
        self.allow_exit = True
        self.sigExit.emit()
        QtWidgets.QApplication.instance().removeEventFilter(self)
        self.window.close()
        QtWidgets.QApplication.instance().quit()
