"""Named commands with their keys, declared once: what a key, a button, a menu entry or a clicker does.

Each window turns the declarations into QActions (window-wide shortcuts, so a clicker's PageDown steps the
story whichever child has focus). A mode does not filter keys: it says which commands it offers and,
where a mode gives a key another meaning (a clicker's Space steps a talk instead of playing), which keys.
The shortcut sheet is built from the same declarations, so it cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.view_state import LAYERS
from .i18n import translate

MODES = ("desktop", "present", "kiosk")


@dataclass(frozen=True)
class Command:
    id: str
    keys: tuple[str, ...]  # QKeySequence portable text, e.g. "PgDown", "Shift+Left"
    modes: frozenset[str]
    present_keys: tuple[str, ...] | None = None  # other keys in presenter mode
    checkable: bool = False
    listed: bool = True  # on the shortcut sheet (the ten digit keys share one line, "step.go")

    def keys_in(self, mode: str) -> tuple[str, ...]:
        return self.present_keys if mode == "present" and self.present_keys is not None else self.keys


ALL, DESK, PRESENT, KIOSK = frozenset(MODES), frozenset({"desktop"}), frozenset({"present"}), frozenset({"kiosk"})
VIEWING = frozenset({"desktop", "kiosk"})

COMMANDS: tuple[Command, ...] = (
    Command("play", ("Space",), VIEWING),
    Command("step.next", ("Right", "PgDown"), ALL, present_keys=("Right", "PgDown", "Space", "Down")),
    Command("step.previous", ("Left", "PgUp"), ALL, present_keys=("Left", "PgUp", "Up")),
    Command("chapter.next", ("Ctrl+PgDown",), ALL),
    Command("chapter.previous", ("Ctrl+PgUp",), ALL),
    Command("home", ("Home",), ALL),
    Command("end", ("End",), ALL),
    Command("zoom.in", ("+", "=", "Shift++"), ALL),
    Command("zoom.out", ("-",), ALL),
    Command("fit", ("0",), ALL, present_keys=("F",)),  # a lecturer's digits type a step number
    Command("follow", ("F",), ALL, checkable=True, present_keys=("Shift+F",)),
    Command("pan.west", ("Shift+Left",), ALL),
    Command("pan.east", ("Shift+Right",), ALL),
    Command("pan.north", ("Shift+Up",), ALL),
    Command("pan.south", ("Shift+Down",), ALL),
    Command("span.wide", (), VIEWING, checkable=True),
    *(
        Command(f"layer.{name}", (), DESK | PRESENT, checkable=True, present_keys=("L",) if name == "legend" else None)
        for name in LAYERS
    ),
    *(Command(f"export.{kind}", (), DESK) for kind in ("png", "svg", "pdf", "pptx", "mp4", "gif")),
    Command("help", ("F1", "?", "Shift+?"), DESK | PRESENT),
    Command("about", (), DESK),
    Command("welcome", (), DESK),
    Command("blackout", ("B", "."), PRESENT),
    Command("whiteout", ("W",), PRESENT),
    Command("caption", ("H",), PRESENT, checkable=True),
    *(Command(f"step.digit.{d}", (str(d), f"Num+{d}"), PRESENT, listed=False) for d in range(10)),
    Command("step.go", ("Return", "Enter"), PRESENT),
    Command("talk.edit", ("T",), PRESENT),
    Command("pen", ("P",), PRESENT, checkable=True),
    Command("pen.colour", ("K",), PRESENT),
    Command("pen.eraser", ("E",), PRESENT, checkable=True),
    Command("pen.undo", ("U", "Ctrl+Z"), PRESENT),
    Command("pen.keep", ("Shift+P",), PRESENT, checkable=True),
    Command("pen.clear", ("C",), PRESENT),
    Command("timer.pause", (), PRESENT, checkable=True),
    Command("timer.reset", (), PRESENT),
    Command("leave", ("Escape",), PRESENT),
    Command("kiosk.exit", (), KIOSK),  # its chord comes from the museum's kiosk.ini
)
BY_ID = {c.id: c for c in COMMANDS}


def command_text(command_id: str) -> str:
    """What the command does, in the interface language (menus, tooltips and the shortcut sheet)."""
    texts = {
        "play": translate("Help", "play / pause"),
        "step.next": translate("Help", "next event (what a presentation clicker sends)"),
        "step.previous": translate("Help", "previous event"),
        "chapter.next": translate("Help", "next chapter"),
        "chapter.previous": translate("Help", "previous chapter"),
        "home": translate("Help", "start of the timeline"),
        "end": translate("Help", "end of the timeline"),
        "zoom.in": translate("Help", "zoom the map in (also the mouse wheel or a pinch)"),
        "zoom.out": translate("Help", "zoom the map out"),
        "fit": translate("Help", "fit the battlefield"),
        "follow": translate("Help", "follow the story: each event brings the map to where it happens"),
        "pan.west": translate("Help", "pan the map west (also drag it)"),
        "pan.east": translate("Help", "pan the map east"),
        "pan.north": translate("Help", "pan the map north"),
        "pan.south": translate("Help", "pan the map south"),
        "span.wide": translate("Window", "Widen the timeline to the background and aftermath"),
        "layer.disputed": translate("Window", "Disputed ground"),
        "layer.claims": translate("Window", "Border claims"),
        "layer.border": translate("Window", "Modern border"),
        "layer.fronts": translate("Window", "Fronts and ground held"),
        "layer.manoeuvres": translate("Window", "Manoeuvres (arrows)"),
        "layer.halos": translate("Window", "Uncertainty of positions"),
        "layer.trails": translate("Window", "Trails"),
        "layer.inset": translate("Window", "Regional inset"),
        "layer.legend": translate("Window", "Legend"),
        "export.png": translate("Window", "Picture (PNG, 3840×2160)…"),
        "export.svg": translate("Window", "Vector picture (SVG)…"),
        "export.pdf": translate("Window", "Handout (PDF, A4)…"),
        "export.pptx": translate("Window", "Slides (PowerPoint, one per step)…"),
        "export.mp4": translate("Window", "Video of the next 10 days (MP4)…"),
        "export.gif": translate("Window", "Animated GIF of the next 3 days…"),
        "help": translate("Help", "this sheet"),
        "about": translate("Window", "About, sources and licences"),
        "welcome": translate("Window", "Introduction and guided tour"),
        "blackout": translate("Help", "black screen on / off"),
        "whiteout": translate("Help", "white screen on / off"),
        "caption": translate("Help", "caption on the map shown / hidden"),
        **{f"step.digit.{d}": translate("Help", "type a step number") for d in range(10)},
        "step.go": translate("Help", "after a step number (0–9): go to that step"),
        "talk.edit": translate("Help", "choose, order and save the steps of the talk"),
        "pen": translate("Help", "pen on / off (off: dragging pans the map)"),
        "pen.colour": translate("Help", "next pen colour (red, blue, black)"),
        "pen.eraser": translate("Help", "eraser on / off (a drag wipes the lines it touches)"),
        "pen.undo": translate("Help", "undo the last pen line or wipe"),
        "pen.keep": translate("Help", "keep the drawing at the next step"),
        "pen.clear": translate("Help", "wipe the pen drawing"),
        "timer.pause": translate("Help", "pause / resume the talk's timer"),
        "timer.reset": translate("Help", "reset the talk's timer"),
        "leave": translate("Help", "leave presenter mode (press twice)"),
        "kiosk.exit": translate("Help", "staff exit"),
    }
    return texts[command_id]


class CommandSet(QtCore.QObject):
    """The QActions of one window for one mode. `bind` gives each command its handler; commands the mode
    does not offer exist but are disabled, so their keys, buttons and menu entries do nothing.
    `sigTriggered` reports every command run, however it came (a key sends no KeyPress when it is a
    shortcut): the kiosk counts it as a visitor's activity."""

    sigTriggered = QtCore.Signal(str)

    def __init__(self, window: QtWidgets.QWidget, mode: str = "desktop"):
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QtGui.QAction] = {}
        for command in COMMANDS:
            action = QtGui.QAction(window)
            action.setObjectName(command.id)
            action.setCheckable(command.checkable)
            action.setAutoRepeat(command.id.startswith(("zoom", "pan")))
            action.triggered.connect(lambda _checked=False, c=command.id: self.sigTriggered.emit(c))
            window.addAction(action)
            self.actions[command.id] = action
        self.mode = ""
        self.set_mode(mode)

    def bind(self, command_id: str, handler: Callable[..., object]) -> None:
        action = self.actions[command_id]
        if action.isCheckable():
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False: handler())

    def set_mode(self, mode: str) -> None:
        """Offer the commands of `mode`, with that mode's keys."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        self.mode = mode
        # A lecturer's clicker must step the talk whichever of the app's windows has focus (the presenter
        # view on the laptop, the shortcut sheet); elsewhere a key acts on the window it was typed in.
        context = QtCore.Qt.ShortcutContext.ApplicationShortcut if mode == "present" else QtCore.Qt.ShortcutContext.WindowShortcut
        for command in COMMANDS:
            action = self.actions[command.id]
            action.setShortcuts([QtGui.QKeySequence(k) for k in command.keys_in(mode)])
            action.setShortcutContext(context)
            action.setEnabled(mode in command.modes)

    def set_keys(self, command_id: str, keys: list[str]) -> None:
        """Keys that come from configuration, such as the kiosk's staff exit chord."""
        self.actions[command_id].setShortcuts([QtGui.QKeySequence(k) for k in keys])

    def trigger(self, command_id: str) -> bool:
        """Run a command as its key would; False if this mode does not offer it."""
        action = self.actions[command_id]
        if not action.isEnabled():
            return False
        action.trigger()
        return True

    def retranslate(self) -> None:
        for command_id, action in self.actions.items():
            action.setText(command_text(command_id))

    def sheet(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the shortcut sheet: the enabled commands that have keys, in declared order."""
        rows = []
        for command in COMMANDS:
            action = self.actions[command.id]
            if command.listed and action.isEnabled() and action.shortcuts():
                rows.append((keys_label(action.shortcuts()), command_text(command.id)))
        return rows


KEY_FACES = {
    "PgDown": "Page Down",
    "PgUp": "Page Up",
    "Right": "→",
    "Left": "←",
    "Up": "↑",
    "Down": "↓",
    "Shift+?": "?",
    "Shift++": "+",
    "Esc": "Escape",
}


def keys_label(sequences: list[QtGui.QKeySequence]) -> str:
    """Keys as people name them (Page Down, →), each once: what a sheet or a tooltip shows."""
    faces = []
    for seq in sequences:
        text = seq.toString(QtGui.QKeySequence.SequenceFormat.NativeText)
        if text in KEY_FACES:
            faces.append(KEY_FACES[text])
            continue
        modifiers, plus, key = text[:-1].rpartition("+")  # the key itself may be "+"
        key += text[-1:]
        faces.append(f"{modifiers}+{KEY_FACES.get(key, key)}" if plus else KEY_FACES.get(key, key))
    return "  /  ".join(dict.fromkeys(faces))
