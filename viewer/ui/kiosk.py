"""Kiosk mode: fullscreen and locked, an attract tour after idle time, and recovery from any error.

Everything a visitor can do is a tap, drag or pinch on the same window the desktop app shows; staff
leave with a configurable key chord. Nothing here opens a dialog. The kiosk offers the kiosk's commands
(commands.py) rather than filtering keys, and when the tour starts the whole view state returns to the
house defaults, so one visitor's changes never reach the next.

While the tour plays, a call to action ("Touch to explore", in turn in each of the museum's languages) invites
a passer-by, and a small caption says where the tour is: the side panel beside the map already holds the
step's title and note, so the caption repeats neither and leaves the map's action in view.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable, Sequence
from importlib import resources

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.placement import Rect
from ..core.story import Story
from ..core.view_state import ViewState
from ..heap import trim_heap
from ..kiosk_config import DEFAULT_CHORD, Bad, KioskConfig, check_chord, viewer_keys
from ..kiosk_layout import place_overlay
from .i18n import QM_FOLDER, translate
from .main_window import MainWindow
from .map.layer import rect_of
from .map.operations import ManoeuvresLayer
from .map.pixmaps import halo_pixmap
from .style import font

log = logging.getLogger("viewer.kiosk")
TOUCH_TARGET_PX = 48  # the least size of anything a finger must hit (WCAG 2.5.5, Android's 48 dp)
CALL_SECONDS = 3.0  # each language's call to action stays this long
# The heap is handed back at a return to the tour at most this often: pages given back are faulted in again as the
# next visitor draws (a soak that starts a tour every few frames had 16 times the page faults, +3 % CPU).
TRIM_EVERY_S = 60.0
TAPS = {QtCore.QEvent.Type.MouseButtonPress, QtCore.QEvent.Type.TouchBegin}
INPUT_EVENTS = {
    *TAPS,
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
CLOSE, MOUSE_PRESS = QtCore.QEvent.Type.Close, QtCore.QEvent.Type.MouseButtonPress
PAINT, RESIZE = QtCore.QEvent.Type.Paint, QtCore.QEvent.Type.Resize
# The kiosk's filter sees every event of the application (some twenty per tap: paints, timers, layout, hover):
# those it has nothing to do with pass after a single look-up.
WATCHED = frozenset({*SUPPRESSED, *INPUT_EVENTS, CLOSE})


def exit_chord(config: KioskConfig) -> str:
    """The configured chord if it is safe (config files are checked when read; a chord given in code is checked
    here), else the default: staff must never be locked out, and a visitor never let out."""
    try:
        return check_chord(config.exit_chord, viewer_keys())
    except Bad as exc:
        log.warning("kiosk: exit chord %s refused (%s; %s); using %s", config.exit_chord, exc.what, exc.fix, DEFAULT_CHORD)
        return DEFAULT_CHORD


def calls_to_action(languages: Sequence[str]) -> list[str]:
    """ "Touch to explore" in each language, from the interface translations (several at once, so each is looked
    up in its own translator rather than the app's current one)."""
    calls = []
    for lang in languages:
        text = translate("Kiosk", "Touch to explore") if lang == "en" else ""
        if lang != "en":
            translator = QtCore.QTranslator()
            if translator.load(str(resources.files("viewer") / QM_FOLDER / f"viewer_{lang}.qm")):
                text = translator.translate("Kiosk", "Touch to explore")
        calls.append(text or "Touch to explore")
    return list(dict.fromkeys(calls))


class TourCaption(QtWidgets.QLabel):
    """Where the tour is ("Guided tour: step 3 of 24"), small along the top of the map: the step's title and
    note are in the side panel beside it, so the caption repeats neither and hides none of the map's action."""

    def __init__(self, state: ViewState, parent: QtWidgets.QWidget):
        super().__init__(parent)
        self.state, self.active, self.scale = state, False, 0.0
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet("background: rgba(20, 20, 20, 190); color: white; padding: 8px 18px; border-radius: 8px;")
        self.hide()
        for field in (state.events.step, state.events.selected_unit, state.events.language):
            field.connect(lambda _value: self.refresh())

    def set_active(self, active: bool, scale: float) -> None:
        if scale != self.scale:
            self.scale = scale
            self.setFont(font(20 * scale, bold=True))
        self.active = active
        self.refresh()

    def text_now(self) -> str:
        step, story = self.state.step, self.state.story
        if step is None or self.state.selected_unit:
            return ""
        return translate("Kiosk", "Guided tour: step %1 of %2").replace("%1", str(step + 1)).replace("%2", str(len(story)))

    def refresh(self) -> None:
        text = self.text_now() if self.active else ""
        if not text:
            self.hide()
            return
        self.setText(text)
        self.adjustSize()  # where it goes is TourOverlays' business
        self.show()
        self.raise_()


class CallToAction(QtWidgets.QLabel):
    """A large pill that cycles through the museum's languages while the tour plays; one size for all of them,
    so it stays put as the language changes (TourOverlays places it low on the map)."""

    def __init__(self, parent: QtWidgets.QWidget, calls: list[str], scale: float):
        super().__init__(parent)
        self.calls, self.index, self.scale = calls, 0, scale
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a touch goes to the map below
        self.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.timer = QtCore.QTimer(self, interval=round(CALL_SECONDS * 1000))
        self.timer.timeout.connect(self._next)
        self.hide()

    def set_active(self, active: bool, scale: float) -> None:
        if scale != self.scale or not self.styleSheet():
            self.scale = scale
            pad = round(14 * scale)
            self.setFont(font(34 * scale, bold=True))
            self.setStyleSheet(
                f"background: rgba(192, 57, 43, 225); color: white; border-radius: {pad * 2}px; padding: {pad}px {pad * 3}px;"
            )
            self.ensurePolished()  # the padding counts in the size
            sizes = []
            for call in self.calls:
                self.setText(call)
                sizes.append(self.sizeHint())
            self.setFixedSize(max(sz.width() for sz in sizes), max(sz.height() for sz in sizes))
        if not active:
            self.timer.stop()
            self.hide()
            return
        self.index = 0
        self._show_call()
        self.timer.start()
        self.show()
        self.raise_()

    def _next(self) -> None:
        self.index = (self.index + 1) % len(self.calls)
        self._show_call()

    def _show_call(self) -> None:
        self.setText(self.calls[self.index])


class TourOverlays(QtCore.QObject):
    """Puts the call to action low on the map and the caption high, where neither covers the scale bar, north
    arrow, legend or inset, nor the names and marks of the event on screen, nor (where the map leaves room) any
    other name or mark (viewer/kiosk_layout.py). Placed when the tour starts and when the map is resized, and
    again once the map has settled at a step and painted its names there: not at every frame of a glide, so
    they do not wander."""

    def __init__(self, window: MainWindow, overlays: Sequence[tuple[QtWidgets.QWidget, str]]):
        super().__init__(window)
        self.map, self.clock, self.state = window.map, window.clock, window.state
        self.overlays = overlays  # (widget, edge), the first placed first
        self.stale = False  # the step changed: place again once the map has settled and painted its names
        self.pending = False  # ... and that placing is due when the event loop next turns
        self.placed = False  # placed once at least
        self.viewport = self.map.graphics.viewport()
        self.map.installEventFilter(self)
        self.viewport.installEventFilter(self)
        self.state.events.step.connect(self._stale)

    def _stale(self, *_args: object) -> None:
        self.stale = True

    def place_soon(self) -> None:
        """Once the map has glided to the tour's first step; the first time also now (they have no place yet)."""
        self.stale = True
        if not self.placed:
            self.place()

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        kind = ev.type()
        if kind == PAINT:
            if self.stale and obj is self.viewport and not self.clock.moving:
                self.stale, self.pending = False, True
                QtCore.QTimer.singleShot(0, self, self.place)  # after this paint, which places the names
        elif kind == RESIZE and obj is self.map:
            self.stale = True
            self.place()
        return False

    def place(self) -> None:
        self.pending = False
        shown = [(widget, edge) for widget, edge in self.overlays if widget.isVisible()]
        if not shown:
            return
        self.placed = True
        furniture, event, rest = self.map_rects()
        area, margin = (self.map.width(), self.map.height()), round(12 * self.map.ctx.scale)
        for widget, edge in shown:
            x, y, w, h = place_overlay(area, (widget.width(), widget.height()), edge, furniture, event, rest, margin)
            widget.move(round(x), round(y))
            furniture.append((x, y, w, h))  # the next overlay keeps clear of this one

    def map_rects(self) -> tuple[list[Rect], list[Rect], list[Rect]]:
        """In the map widget's pixels: (the furniture; the current event's names and marks; every other name and
        mark), as the map last painted them."""
        off = self.viewport.mapTo(self.map, QtCore.QPoint(0, 0))

        def moved(r: Rect) -> Rect:
            return r[0] + off.x(), r[1] + off.y(), r[2], r[3]

        furniture_layer = self.map.layer("furniture")
        furniture = [
            moved(rect_of(r)) for part in ("scale", "north", "legend", "inset") if (r := furniture_layer.where(part)) is not None
        ]
        event = self.state.current_event
        keys = {("unit", u) for u in event.units} | {("place", p) for p in event.places} if event else set()
        mark = 40 * self.map.ctx.scale
        names: list[Rect] = []
        rest: list[Rect] = []
        for key, rect, request in getattr(self.map.layer("labels"), "placed", ()):
            if key in keys:
                ax, ay = request.anchor
                names += [moved(rect), moved((ax - mark / 2, ay - mark / 2, mark, mark))]
            else:
                rest.append(moved(rect))
        t = self.map.graphics.viewportTransform()
        for layer in self.map.layers:
            if layer.isVisible() and layer.name not in ("furniture", "inset", "labels"):
                rest += [moved(r) for r in layer.obstacles(t)]
            if layer.isVisible() and isinstance(layer, ManoeuvresLayer):  # the blows drawn now: the event's action
                for _arrow, shape in layer.shapes(layer.to_device(t)):
                    names += [moved(r) for r in along(shape.body, mark / 2)]
        return furniture, names, rest


def along(outline: np.ndarray, size: float) -> list[Rect]:
    """Squares of `size` every half `size` along a closed outline (n, 2): an arrow, as rectangles to keep clear of."""
    points = np.vstack([outline, outline[:1]])
    steps = np.maximum(np.ceil(np.hypot(*np.diff(points, axis=0).T) / (size / 2)), 1).astype(int)
    pairs = zip(points[:-1], points[1:], steps, strict=True)
    xy = np.vstack([a + (b - a) * (np.arange(n)[:, None] / n) for a, b, n in pairs])
    return [(x - size / 2, y - size / 2, size, size) for x, y in xy]


def forget_visitor(window: MainWindow, trim: bool) -> None:
    """Let go of the memory the last visitor's session filled, so a kiosk that runs for months comes back to the
    same size at every return to its tour: the map's kept pictures of that visitor's zoom, the uncertainty discs of
    the units touched (a few MB each; none is selected now), and, if `trim`, the heap pages these leave free (glibc
    keeps them otherwise). What the tour itself needs (names, symbols) stays cached."""
    window.map.forget_kept_drawings()
    halo_pixmap.cache_clear()
    if trim:
        trim_heap()


class Kiosk(QtCore.QObject):
    sigTourStarted = QtCore.Signal()
    sigTourStopped = QtCore.Signal()
    sigExit = QtCore.Signal()
    sigActivity = QtCore.Signal(bool)  # a visitor did something; True for a tap or touch

    def __init__(self, window: MainWindow, config: KioskConfig):
        super().__init__(window)
        self.window = window
        self.config = config
        self.allow_exit = False
        self.errors = 0
        self.touring = False
        self.paused = False  # outside opening hours: no tour, no idle timer
        self._last_tap: tuple[int, object] | None = None
        self._trimmed = -TRIM_EVERY_S  # when the heap was last handed back (time.monotonic)
        self.before_tour: Callable[[], bool] = lambda: False  # True: something else takes over (a content swap)
        state = window.state
        self.story = Story.tour(
            window.scenario, config.start_chapter, window.scenario.campaign_start, window.scenario.campaign_end
        )
        # The house defaults: the museum's language, the naming the kiosk was started with, the tour's story.
        self.house = {"language": config.language, "naming": state.naming, "story": self.story}
        state.reset(**self.house)
        window.set_mode("kiosk")
        window.timeline_bar.touch_target = TOUCH_TARGET_PX
        commands = window.commands
        self.chord = exit_chord(config)
        commands.set_keys("kiosk.exit", [self.chord] if config.exit_chord_enabled else [])
        commands.bind("kiosk.exit", self.exit)
        commands.sigTriggered.connect(self._command)  # a key that runs a command sends no KeyPress
        self.caption = TourCaption(state, window.map)
        self.call = CallToAction(window.map, calls_to_action(config.attract_languages), window.ui_scale())
        self.overlays = TourOverlays(window, [(self.call, "bottom"), (self.caption, "top")])
        self.idle = QtCore.QTimer(self, singleShot=True, interval=round(config.idle_seconds * 1000))
        self.idle.timeout.connect(self.start_tour)
        self.tour_timer = QtCore.QTimer(self, interval=round(config.tour_seconds * 1000))
        self.tour_timer.timeout.connect(self._next_step)
        self.trim_timer = QtCore.QTimer(self, singleShot=True)  # a trim put off while the tour goes on (start_tour)
        self.trim_timer.timeout.connect(self._trim_now)
        QtWidgets.QApplication.instance().installEventFilter(self)
        self.idle.start()

    # --- the tour ----------------------------------------------------------------------------
    def start_tour(self) -> None:
        """Forget the last visitor: every field of the view returns to the house defaults (the map glides
        home rather than cutting), then the tour plays from its first step."""
        if self.touring or self.paused or not len(self.story):
            return
        if self.before_tour():
            return
        self.touring = True
        popup = QtWidgets.QApplication.activePopupWidget()
        if popup is not None:
            popup.close()  # a drop-down a visitor left open must not float over the tour
        self.window.notes.verticalScrollBar().setValue(0)
        state = self.window.state
        state.reset(**self.house, camera=state.camera)
        wait = self._trimmed + TRIM_EVERY_S - time.monotonic()  # a minute after the last trim, whatever tours between
        if wait <= 0:
            self._trimmed = time.monotonic()
        else:  # put off, not dropped: the tour may run all night at the last visitor's size otherwise
            self.trim_timer.start(math.ceil(wait * 1000))
        forget_visitor(self.window, wait <= 0)
        self.window.clock.ease_camera(state.bounds.home)
        scale = self.window.ui_scale()
        self.caption.set_active(True, scale)
        self.call.set_active(True, scale)
        self.window.clock.go_to_step(0)
        self.overlays.place_soon()
        self.tour_timer.start()
        log.info("kiosk: tour started")
        self.sigTourStarted.emit()

    def _next_step(self) -> None:
        step = self.window.state.step
        self.window.clock.go_to_step(0 if step is None else (step + 1) % len(self.story))

    def _trim_now(self) -> None:
        """The trim start_tour put off, while the tour still plays."""
        if self.touring:
            self._trimmed = time.monotonic()
            trim_heap()

    def stop_tour(self) -> None:
        """The visitor takes over exactly where the tour was."""
        if not self.touring:
            return
        self.touring = False
        self.tour_timer.stop()
        self.trim_timer.stop()
        self.window.clock.stop_camera()  # a glide home must not fight the visitor's first pinch
        self.caption.set_active(False, self.caption.scale)
        self.call.set_active(False, self.call.scale)
        self.sigTourStopped.emit()

    def pause(self, paused: bool) -> None:
        """Closed (outside opening hours): the tour stops and waits; open again, the quiet spell restarts."""
        self.paused = paused
        if paused:
            self.stop_tour()
            self.idle.stop()
        else:
            self.idle.start()

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
        if kind not in WATCHED:
            return False
        if kind in SUPPRESSED:
            return True
        if kind == CLOSE:
            if obj is self.window and not self.allow_exit:
                ev.ignore()
                return True
            return False
        self._activity(kind in TAPS and self._is_new_tap(obj, ev, kind))
        return False

    def _is_new_tap(self, obj: QtCore.QObject, ev: QtCore.QEvent, kind: QtCore.QEvent.Type) -> bool:
        """One count per finger or click: the filter sees a press once for its window and again for each widget
        it travels through, so a press counts once by its time and place; a mouse press Qt makes up from a touch
        the widget did not take is the same tap."""
        if not obj.isWidgetType():
            return False
        if kind == MOUSE_PRESS:
            device = ev.pointingDevice()
            if device is not None and device.type() == QtGui.QInputDevice.DeviceType.TouchScreen:
                return False
        key = (ev.timestamp(), ev.points()[0].globalPosition().toPoint().toTuple() if ev.points() else None)
        if key == self._last_tap:
            return False
        self._last_tap = key
        return True

    def _command(self, _command_id: str) -> None:
        self._activity(False)

    def _activity(self, tap: bool = False) -> None:
        """A visitor did something: the quiet spell starts again, and a running tour hands over."""
        if self.allow_exit:
            return
        if not self.paused:
            self.idle.start()
        self.sigActivity.emit(tap)
        if self.touring:
            self.stop_tour()

    def exit(self) -> None:
        log.info("kiosk: staff exit chord")
        self.allow_exit = True
        self.sigExit.emit()
        QtWidgets.QApplication.instance().removeEventFilter(self)
        self.window.close()
        QtWidgets.QApplication.instance().quit()

    def release(self) -> None:
        """Let this kiosk's window go without quitting the app (its content was replaced)."""
        self.allow_exit = True
        self.idle.stop()
        self.tour_timer.stop()
        self.call.timer.stop()
        QtWidgets.QApplication.instance().removeEventFilter(self)
        self.window.close()
        self.window.deleteLater()
