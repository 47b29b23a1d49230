"""Kiosk mode: fullscreen and locked, an attract tour after idle time, and recovery from any error.

Everything a visitor can do is a tap, drag or pinch on the same window the desktop app shows; staff
leave with a configurable key chord. Nothing here opens a dialog.
"""
from __future__ import annotations

import logging

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.language import tr
from ..core.model import Event
from ..kiosk_config import KioskConfig
from .main_window import MainWindow
from .style import font

log = logging.getLogger("viewer.kiosk")
INPUT_EVENTS = {QtCore.QEvent.Type.MouseButtonPress, QtCore.QEvent.Type.TouchBegin, QtCore.QEvent.Type.KeyPress,
                QtCore.QEvent.Type.Wheel, QtCore.QEvent.Type.Gesture}
SUPPRESSED = {QtCore.QEvent.Type.ToolTip, QtCore.QEvent.Type.WhatsThis, QtCore.QEvent.Type.ContextMenu,
              QtCore.QEvent.Type.QueryWhatsThis}
M = QtCore.Qt.KeyboardModifier
BLOCKED_KEYS = {(QtCore.Qt.Key.Key_F4, M.AltModifier), (QtCore.Qt.Key.Key_Q, M.ControlModifier),
                (QtCore.Qt.Key.Key_W, M.ControlModifier), (QtCore.Qt.Key.Key_Escape, M.NoModifier),
                (QtCore.Qt.Key.Key_Tab, M.AltModifier), (QtCore.Qt.Key.Key_F1, M.NoModifier),
                (QtCore.Qt.Key.Key_Question, M.NoModifier), (QtCore.Qt.Key.Key_Question, M.ShiftModifier)}


class TourCaption(QtWidgets.QLabel):
    """The tour's note, large, in the lower third of the map."""

    def __init__(self, parent: QtWidgets.QWidget):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("background: rgba(20, 20, 20, 205); color: white; padding: 18px; border-radius: 10px;")
        self.hide()

    def show_event(self, event: Event, scale: float, lang: str) -> None:
        self.setFont(font(30 * scale))
        self.setText(f"{tr(event.title, lang)}\n\n{tr(event.note, lang)}")
        parent = self.parentWidget()
        w = round(parent.width() * 0.9)
        self.setFixedWidth(w)
        self.adjustSize()
        self.move((parent.width() - w) // 2, parent.height() - self.height() - round(30 * scale))
        self.show()
        self.raise_()


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
        self._chord = QtGui.QKeySequence(config.exit_chord)
        scenario = window.scenario
        chapters = [c.id for c in scenario.chapters]
        start = chapters.index(config.start_chapter) if config.start_chapter in chapters else 0
        order = chapters[start:] + chapters[:start]
        self.steps = [e for cid in order for e in scenario.events if e.chapter == cid
                      and window.campaign.start <= e.at <= window.campaign.end]
        self._step = 0
        self.caption = TourCaption(window.map)
        self.idle = QtCore.QTimer(self, singleShot=True, interval=round(config.idle_seconds * 1000))
        self.idle.timeout.connect(self.start_tour)
        self.tour_timer = QtCore.QTimer(self, interval=round(config.tour_seconds * 1000))
        self.tour_timer.timeout.connect(self._next_step)
        self._lock_down()
        QtWidgets.QApplication.instance().installEventFilter(self)
        self.idle.start()

    def _lock_down(self) -> None:
        w = self.window
        w.setWindowFlag(QtCore.Qt.WindowType.FramelessWindowHint, True)
        w.menu_button.hide()
        w.statusBar().hide()
        w.notes.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.LinksAccessibleByMouse)  # no selection handles
        w.notes.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.NoContextMenu)
        for child in w.findChildren(QtWidgets.QWidget):
            child.setToolTip("")
            child.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.NoContextMenu)
        w.touch_scale = 1.35  # larger controls for fingers
        w.apply_scale(w.ui_scale())

    # --- the tour ----------------------------------------------------------------------------
    def start_tour(self) -> None:
        if self.touring or not self.steps:
            return
        self.touring = True
        self.window.set_language(self.config.language)  # the next visitor meets the house language again
        self.window.map.ease_to_battlefield()
        self._step = 0
        self._show_step()
        self.tour_timer.start()
        self.sigTourStarted.emit()

    def _next_step(self) -> None:
        self._step = (self._step + 1) % len(self.steps)
        self._show_step()

    def _show_step(self) -> None:
        event = self.steps[self._step]
        self.window.clock.go_to(event.at)
        self.caption.show_event(event, self.window.ui_scale(), self.window.language.lang)

    def stop_tour(self) -> None:
        """The visitor takes over exactly where the tour was."""
        if not self.touring:
            return
        self.touring = False
        self.tour_timer.stop()
        self.caption.hide()
        self.sigTourStopped.emit()

    def reset_to_attract(self) -> None:
        """After an error: forget what the visitor was doing and return to the tour."""
        self.errors += 1
        try:
            self.stop_tour()
            self.window.clock.pause()
            self.window.map.marks.set_selected(None)
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
            if kind == QtCore.QEvent.Type.KeyPress:
                if self._is_exit_chord(ev):
                    self.exit()
                    return True
                mods = ev.modifiers() & ~M.KeypadModifier
                if (ev.key(), mods) in BLOCKED_KEYS or (mods & M.AltModifier and ev.key() == QtCore.Qt.Key.Key_Tab):
                    return True
            self.idle.start()
            if self.touring:
                self.stop_tour()
        return False

    def _is_exit_chord(self, ev: QtGui.QKeyEvent) -> bool:
        if not self.config.exit_chord_enabled or self._chord.isEmpty():
            return False
        return QtGui.QKeySequence(ev.keyCombination()) == self._chord

    def exit(self) -> None:
        log.info("kiosk: staff exit chord")
        self.allow_exit = True
        self.sigExit.emit()
        self.window.close()
        QtWidgets.QApplication.instance().quit()
