"""The main window: map, notes and timeline, all showing one view state, driven by named commands."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.camera import Camera
from ..core.dates import format_date
from ..core.language import LANGUAGES, NAMINGS, NATIVE_NAMES, tr
from ..core.map_extent import battlefield_camera
from ..core.model import Chapter, Event, Scenario
from ..core.motion import MotionModel
from ..core.story_camera import event_camera
from ..core.view_state import LAYERS, SPEEDS_HOURS, ViewState
from .clock import Clock
from .commands import CommandSet, keys_label
from .fonts import register_fonts
from .help import InfoDialog, about_html, shortcuts_html
from .i18n import language, naming_label, naming_name, translate
from .legend_panel import LegendPanel
from .map_view import MapView
from .notes import NotesPanel, event_html, unit_html
from .settings import Settings, restore_state, save_state
from .style import DATE_PX, INK, colour, font, scale_for
from .throttle import Throttle
from .timeline_bar import TimelineBar
from .tour import Tour

EXPORTS = {"png": "png", "svg": "svg", "pdf": "pdf", "pptx": "pptx", "mp4": "mp4", "gif": "gif"}  # command -> file suffix


TOUCH_SCALE = {"desktop": 1.0, "present": 1.25, "kiosk": 1.35}  # larger controls for a lecture hall, for fingers


def speed_names() -> list[str]:
    names = {
        1: translate("Window", "1 hour/s"),
        6: translate("Window", "6 hours/s"),
        24: translate("Window", "1 day/s"),
        168: translate("Window", "1 week/s"),
    }
    return [names[h] for h in SPEEDS_HOURS]


class MainWindow(QtWidgets.QMainWindow):
    """Owns the view state of its map; every widget in it subscribes to that state."""

    def __init__(self, scenario: Scenario, settings: Settings | None = None, mode: str = "desktop", **values: Any):
        register_fonts()  # before any widget exists, so the first window is laid out like every later one
        super().__init__()
        self.scenario = scenario
        self.settings = settings
        self.motion = MotionModel(scenario.units, scenario.chapters)
        seed = {
            "language": language().lang,
            "naming": language().naming,
            **(restore_state(settings) if settings else {}),
            **{k: v for k, v in values.items() if v is not None},
        }
        if "instant" in seed and not scenario.campaign_start <= seed["instant"] <= scenario.campaign_end:
            seed["span"] = "wide"  # a date in the background or aftermath needs the wide timeline
        self.state = ViewState(scenario, battlefield_camera(scenario), **seed)
        self.clock = Clock(self.state, self)
        self.clock.framing = self.frame_event
        self.tour = Tour(self)
        self.commands = CommandSet(self, "desktop")
        self.mode = "desktop"
        self.map = MapView(scenario, self.motion, self.state)
        self.map.ctx.live = True
        self.notes = NotesPanel()
        self._follow_story_note = Throttle(self, self._show_note)  # a drag across events: see throttle.py
        self.legend = LegendPanel(self.map)
        self.timeline_bar = TimelineBar(self.state)
        self.touch_scale = TOUCH_SCALE["desktop"]  # set_mode makes the controls bigger for a hall or fingers
        self.dialogs: dict[str, InfoDialog] = {}
        self._build()
        self._bind_commands()
        self._subscribe()
        language().set(self.state.language, self.state.naming)
        self.set_mode(mode)  # also puts every text in the state's language
        self.resize(1600, 950)
        if settings:
            geometry = settings.get("window/geometry")
            if not geometry.isEmpty():
                self.restoreGeometry(geometry)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.side_panel = self._side_panel()
        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        splitter.addWidget(self.map)
        splitter.addWidget(self.side_panel)
        splitter.setChildrenCollapsible(False)
        splitter.splitterMoved.connect(self._divider_moved)
        self.splitter = splitter
        self.date_label = QtWidgets.QLabel()
        self.chapter_label = QtWidgets.QLabel()
        for label in (self.date_label, self.chapter_label):
            label.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # content never becomes rich text
        self.chapter_label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred)
        self.chapter_label.setMinimumWidth(1)  # gives way first when the window is narrow
        style = self.style()
        self._play_icon = style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaPause)
        self.play_button = self._button(self._play_icon, "play")
        self.prev_button = self._button(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaSkipBackward), "step.previous")
        self.next_button = self._button(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaSkipForward), "step.next")
        self.speed_box = QtWidgets.QComboBox()
        self.speed_box.addItems(speed_names())
        self.speed_box.activated.connect(lambda i: setattr(self.state, "speed", i))
        self.chapter_box = QtWidgets.QComboBox()
        self.chapter_box.addItem("")
        for ch in self.scenario.chapters:
            self.chapter_box.addItem("", ch.id)
        self.chapter_box.activated.connect(self._chapter_chosen)
        self.span_button = QtWidgets.QPushButton("1931–1945")
        self.span_button.setCheckable(True)
        span = self.commands.actions["span.wide"]
        self.span_button.clicked.connect(lambda on: span.setChecked(on))
        self.span_button.setEnabled(span.isEnabled())
        span.enabledChanged.connect(self.span_button.setEnabled)
        self.fit_button = self._button("", "fit")
        self.follow_button = self._tool_button("")
        self.follow_button.setCheckable(True)
        follow = self.commands.actions["follow"]
        self.follow_button.clicked.connect(follow.setChecked)
        follow.toggled.connect(self.follow_button.setChecked)
        self.menu_button = QtWidgets.QToolButton()
        self.menu_button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.menu_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QtWidgets.QMenu(self.menu_button)
        actions = self.commands.actions
        self.layers_menu = menu.addMenu("")
        for name in LAYERS:
            self.layers_menu.addAction(actions[f"layer.{name}"])
        self.export_menu = menu.addMenu("")
        for kind in EXPORTS:
            self.export_menu.addAction(actions[f"export.{kind}"])
        menu.addAction(actions["welcome"])
        menu.addAction(actions["help"])
        menu.addAction(actions["about"])
        self.menu_button.setMenu(menu)
        self.chapter_box.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chapter_box.setMinimumContentsLength(8)
        for w in (self.speed_box, self.chapter_box, self.span_button):
            w.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(12, 4, 12, 0)
        row.addWidget(self.date_label)
        row.addSpacing(16)
        row.addWidget(self.chapter_label, 1)
        for w in (
            self.prev_button,
            self.play_button,
            self.next_button,
            self.speed_box,
            self.chapter_box,
            self.span_button,
            self.follow_button,
            self.fit_button,
            self.menu_button,
        ):
            row.addWidget(w)
        central = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        layout.addWidget(self.timeline_bar)
        self.setCentralWidget(central)
        self.statusBar().setSizeGripEnabled(False)
        self.setStyleSheet("QMainWindow, QWidget#central { background: #F7F3E6; }")
        self.apply_scale(1.0)

    def _side_panel(self) -> QtWidgets.QWidget:
        """The notes, under one row of language buttons (each labelled in its own language, so a visitor
        finds theirs with one tap) and a two-way switch between the sides' place names."""
        self.language_buttons: dict[str, QtWidgets.QToolButton] = {}
        self.naming_buttons: dict[str, QtWidgets.QToolButton] = {}
        langs, names = QtWidgets.QHBoxLayout(), QtWidgets.QHBoxLayout()
        for row in (langs, names):
            row.setContentsMargins(8, 6, 8, 0)
            row.setSpacing(4)
        for code in LANGUAGES:
            b = self.language_buttons[code] = self._tool_button(NATIVE_NAMES[code])
            b.clicked.connect(lambda _=False, c=code: setattr(self.state, "language", c))
            langs.addWidget(b, 1)
        for naming in NAMINGS:
            b = self.naming_buttons[naming] = self._tool_button("")
            b.clicked.connect(lambda _=False, n=naming: setattr(self.state, "naming", n))
            names.addWidget(b, 1)
        for b in (*self.language_buttons.values(), *self.naming_buttons.values()):
            b.setCheckable(True)
            b.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        panel = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(langs)
        column.addLayout(names)
        column.addWidget(self.notes, 1)
        column.addWidget(self.legend)
        self.legend.follow_height_of(panel)
        return panel

    def _tool_button(self, face: str | QtGui.QIcon) -> QtWidgets.QToolButton:
        b = QtWidgets.QToolButton()
        if isinstance(face, str):
            b.setText(face)
        else:
            b.setIcon(face)
        b.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        return b

    def _button(self, face: str | QtGui.QIcon, command_id: str) -> QtWidgets.QToolButton:
        """A button that runs a command, so a mode that disables the command disables the button too."""
        b = self._tool_button(face)
        action = self.commands.actions[command_id]
        b.clicked.connect(action.trigger)
        b.setEnabled(action.isEnabled())
        action.enabledChanged.connect(b.setEnabled)
        return b

    def _bind_commands(self) -> None:
        s, c, bind = self.state, self.clock, self.commands.bind
        bind("play", lambda: setattr(s, "playing", not s.playing))
        bind("step.next", lambda: c.step(True))
        bind("step.previous", lambda: c.step(False))
        bind("chapter.next", lambda: self.jump_to_chapter_id(s.neighbour_chapter(True)))
        bind("chapter.previous", lambda: self.jump_to_chapter_id(s.neighbour_chapter(False)))
        bind("home", lambda: c.ease_instant(s.timeline.start))
        bind("end", lambda: c.ease_instant(s.timeline.end))
        bind("zoom.in", lambda: self.zoom(1.25))
        bind("zoom.out", lambda: self.zoom(0.8))
        bind("fit", lambda: self.steer(s.bounds.home))
        for command_id, (dx, dy) in (
            ("pan.west", (-0.15, 0)),
            ("pan.east", (0.15, 0)),
            ("pan.north", (0, 0.15)),
            ("pan.south", (0, -0.15)),
        ):
            bind(command_id, lambda dx=dx, dy=dy: self.steer(s.camera.panned(dx, dy)))
        bind("follow", lambda on: setattr(s, "follow_story", on))
        bind("span.wide", lambda wide: setattr(s, "span", "wide" if wide else "campaign"))
        for name in LAYERS:
            bind(f"layer.{name}", lambda on, n=name: s.toggle_layer(n, on))
        for kind in EXPORTS:
            bind(f"export.{kind}", lambda k=kind: self.ask_export(k))
        bind("help", self.show_shortcuts)
        bind("welcome", self.show_welcome)
        bind("about", self.show_about)

    def _subscribe(self) -> None:
        """Each widget of the window follows the fields it shows."""
        ev, s = self.state.events, self.state
        ev.follow_story.connect(self._follow_changed)
        ev.instant.connect(self._show_instant)
        ev.step.connect(self._show_instant)  # the date's precision is the event's
        ev.span.connect(lambda span: self._check("span.wide", span == "wide"))
        ev.span.connect(lambda span: self.span_button.setChecked(span == "wide"))
        ev.step.connect(lambda _step: self._follow_story_note())
        ev.selected_unit.connect(lambda _unit: self._show_note())
        for field in (ev.language, ev.naming):
            field.connect(lambda _value: self._language_changed())
        ev.playing.connect(lambda playing: self.play_button.setIcon(self._pause_icon if playing else self._play_icon))
        ev.speed.connect(self.speed_box.setCurrentIndex)
        ev.layers.connect(self._show_layers)
        ev.panel_fraction.connect(lambda _f: self._lay_out_divider())
        self.timeline_bar.sigScrubbed.connect(self._scrub)
        self.timeline_bar.sigEventPicked.connect(self.show_event)
        self.timeline_bar.sigChapterPicked.connect(self.jump_to_chapter)
        self.notes.sigLink.connect(self._on_link)
        self.speed_box.setCurrentIndex(s.speed)
        self.span_button.setChecked(s.span == "wide")
        self._check("span.wide", s.span == "wide")
        self._check("follow", s.follow_story)
        self._show_layers(s.layers)

    # --- modes -------------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        """Desktop, lecture or kiosk: which commands are offered (and their keys), and the window's chrome.
        Modes call this rather than reaching into the window's widgets."""
        self.mode = mode
        self.commands.set_mode(mode)
        desktop, kiosk = mode == "desktop", mode == "kiosk"
        self.menu_button.setVisible(desktop)
        self.statusBar().setVisible(desktop)
        self.side_panel.setVisible(mode != "present")  # a talk's caption is on the map
        self.map.layer("furniture").legend_on_map = mode == "present"  # else the side panel's
        self.touch_scale = TOUCH_SCALE[mode]
        if kiosk:
            self.setWindowFlag(QtCore.Qt.WindowType.FramelessWindowHint, True)
            self.notes.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.LinksAccessibleByMouse)  # no selection handles
            for child in self.findChildren(QtWidgets.QWidget):
                child.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.NoContextMenu)
        self.retranslate()
        self.apply_scale(self.ui_scale())

    def _check(self, command_id: str, on: bool) -> None:
        action = self.commands.actions[command_id]
        if action.isChecked() != on:
            action.setChecked(on)

    def _show_layers(self, layers: frozenset[str]) -> None:
        for name in LAYERS:
            self._check(f"layer.{name}", name in layers)

    # --- language ----------------------------------------------------------------------------
    def _language_changed(self) -> None:
        language().set(self.state.language, self.state.naming)  # Qt's translator is process-wide
        if self.settings:
            self.settings.set("ui/language", self.state.language)
            self.settings.set("ui/naming", self.state.naming)
        self.retranslate()

    def retranslate(self) -> None:
        """Every interface string and every content text, in the current language and naming."""
        lang, naming = self.state.language, self.state.naming
        self.setWindowTitle(self.scenario.display_title(lang, naming))
        self.commands.retranslate()
        tips = self.mode != "kiosk"  # a kiosk shows no tooltips: a finger cannot hover
        for b, command_id in (
            (self.play_button, "play"),
            (self.prev_button, "step.previous"),
            (self.next_button, "step.next"),
            (self.fit_button, "fit"),
            (self.follow_button, "follow"),
            (self.span_button, "span.wide"),
        ):
            b.setToolTip(_with_keys(self.commands.actions[command_id]) if tips else "")
        self.menu_button.setToolTip(translate("Window", "Layers, export, keyboard shortcuts, about") if tips else "")
        self.fit_button.setText(translate("Window", "Fit"))
        self.follow_button.setText(translate("Window", "Follow the story"))
        self.menu_button.setText(translate("Window", "Menu"))
        for code, b in self.language_buttons.items():
            b.setChecked(code == lang)
        for key, b in self.naming_buttons.items():
            b.setText(naming_label(key))
            side_names = translate("Window", "A name changes only where a source gives the other side's form.")
            b.setToolTip(f"{naming_name(key)}. {side_names}" if tips else "")
            b.setChecked(key == naming)
        for i, name in enumerate(speed_names()):
            self.speed_box.setItemText(i, name)
        self.chapter_box.setItemText(0, translate("Window", "Chapters…"))
        for i, ch in enumerate(self.scenario.chapters, start=1):
            self.chapter_box.setItemText(i, tr(ch.title, lang))
        self.legend.retranslate()
        for welcome in self.map.findChildren(QtWidgets.QFrame, "welcome"):
            welcome.retranslate()  # the first screen, if open
        self.layers_menu.setTitle(translate("Window", "Layers"))
        self.export_menu.setTitle(translate("Window", "Export"))
        help_action = self.commands.actions["help"]
        help_action.setText(f"{translate('Window', 'Keyboard shortcuts')} ({keys_label(help_action.shortcuts())})")
        for dialog in self.dialogs.values():
            dialog.close()
        self.dialogs.clear()
        self._show_instant()
        self._show_note()  # an open unit card stays open, in the new language

    # --- showing the state -------------------------------------------------------------------
    def _show_instant(self, *_: object) -> None:
        at, lang = self.state.instant, self.state.language
        self.date_label.setText(format_date(at, self.state.instant_precision, lang))
        chapter = self.state.timeline.chapter_at(at)
        self.chapter_label.setText(tr(chapter.title, lang) if chapter else "")
        if self.state.selected_unit:
            self._follow_story_note()  # the card's "now" follows the instant

    def _show_note(self) -> None:
        """The selected unit's card, else the current step's note, else a title page."""
        s = self.state
        lang, naming = s.language, s.naming
        if s.selected_unit:
            unit = self.scenario.unit(s.selected_unit)
            positions = self.map.positions  # computed once per instant, shared with the map layers
            self.notes.show_html(unit_html(self.scenario, unit, positions, self.motion.index(unit.id), s.instant, lang))
        elif s.current_event is not None:
            self.notes.show_html(event_html(self.scenario, s.current_event, lang, naming))
        else:
            title = escape(self.scenario.display_title(lang, naming))
            hint = escape(translate("Window", "Press Space to play, or → to step to the first event."))
            self.notes.show_html(f"<h1>{title}</h1><p>{hint}</p>")

    # --- the camera ----------------------------------------------------------------------------
    def frame_event(self, event: Event) -> Camera:
        """Where an event happens on the map: its places and units, and the manoeuvres of layers that can say
        where theirs run (a layer's optional `extent(event)`: km points)."""
        extra = [pt for layer in self.map.layers for pt in getattr(layer, "extent", lambda _e: [])(event)]
        return event_camera(self.scenario, self.motion, event, self.state.bounds.home, extra)

    def steer(self, camera: Camera) -> None:
        """A manual move of the camera (keys, Fit): the visitor takes over from the story."""
        self.state.follow_story = False
        self.state.camera = camera

    def zoom(self, factor: float) -> None:
        """Zoom about the pointer when it is over the map, else about the current event's action when it is in
        view, else about the centre."""
        about = self.map.pointer_km()
        event = self.state.current_event
        if about is None and event is not None:
            action = self.frame_event(event)
            if self.state.camera.contains(*action.centre):
                about = action.centre
        self.steer(self.state.camera.zoomed(factor, about))

    def _follow_changed(self, on: bool) -> None:
        self._check("follow", on)
        if on:
            self.clock.follow_story()

    def _scrub(self, at) -> None:
        self.state.playing = False
        self.state.instant = at

    # --- actions ---------------------------------------------------------------------------
    def show_event(self, event: Event) -> None:
        index = self.state.story.index_of(event.id)
        if index is not None:
            self.clock.go_to_step(index)
        else:  # not a step of this story (a kiosk tour leaves out the background): just go there
            self.clock.ease_instant(event.at)

    def jump_to_chapter(self, chapter: Chapter) -> None:
        self.jump_to_chapter_id(chapter.id)

    def jump_to_chapter_id(self, chapter_id: str | None) -> None:
        index = self.state.chapter_step(chapter_id) if chapter_id else None
        if index is not None:
            self.clock.go_to_step(index)

    def _on_link(self, kind: str, ident: str) -> None:
        if kind == "place" and ident in self.scenario.places:
            self.state.highlighted_place = ident
        elif kind == "unit" and any(u.id == ident for u in self.scenario.units):
            self.state.selected_unit = ident
        elif kind == "event" and any(e.id == ident for e in self.scenario.events):
            self.show_event(self.scenario.event(ident))

    def _chapter_chosen(self, index: int) -> None:
        if index > 0:
            self.jump_to_chapter_id(self.chapter_box.itemData(index))
            self.chapter_box.setCurrentIndex(0)

    def _divider_moved(self, *_: object) -> None:
        total = sum(self.splitter.sizes()) or 1
        self.state.panel_fraction = self.splitter.sizes()[1] / total
        self._lay_out_divider()  # past its bounds the state keeps its limit; the divider goes back to it

    def _lay_out_divider(self) -> None:
        width = sum(self.splitter.sizes()) or self.splitter.width()
        panel = round(width * self.state.panel_fraction)
        if abs(self.splitter.sizes()[1] - panel) > 1:
            self.splitter.setSizes([width - panel, panel])

    def ask_export(self, kind: str) -> None:
        from .export_job import default_path

        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, translate("Window", "Export"), str(default_path(kind, self.state.instant))
        )
        if path:
            self.export(kind, Path(path))

    def export(self, kind: str, out: Path):
        """Start an export in its own process (the window stays live); a progress dialog whose Cancel leaves no
        file behind; the status bar says how it ended. Returns the ExportJob."""
        from .export_job import ExportJob, export_arguments

        previous = getattr(self, "export_job", None)
        if previous is not None and previous.running():
            self.notify(translate("Window", "An export is still running; wait for it or cancel it first."))
            return previous
        if previous is not None:
            previous.deleteLater()
        job = ExportJob(export_arguments(kind, self.state, out), out, self)
        dialog = QtWidgets.QProgressDialog(translate("Window", "Exporting…"), translate("Window", "Cancel"), 0, 100, self)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(lambda fraction: dialog.setValue(round(100 * fraction)))

        def done(ok: bool, message: str) -> None:
            dialog.close()
            dialog.deleteLater()
            if ok:
                self.notify(translate("Window", "Exported %1").replace("%1", str(out)))
            elif message == "cancelled":
                self.notify(translate("Window", "Export cancelled; nothing was written."))
            else:
                self.notify(translate("Window", "Export failed; nothing was written: %1").replace("%1", message))

        job.done.connect(done)
        self.export_job = job
        job.start()
        dialog.show()
        return job

    def show_welcome(self) -> None:
        """The first screen: the battle in four short paragraphs, and the guided tour."""
        from .welcome import show_welcome

        show_welcome(self)

    def show_shortcuts(self) -> None:
        self._sheet("shortcuts", translate("Window", "Keyboard shortcuts"), shortcuts_html(self.commands.sheet()))

    def show_about(self) -> None:
        self._sheet("about", translate("Window", "About"), about_html(self.scenario, self.state.language, self.state.naming))

    def _sheet(self, key: str, title: str, html: str) -> None:
        dialog = self.dialogs.get(key)
        if dialog is None:
            dialog = self.dialogs[key] = InfoDialog(title, html, self)
        dialog.show()
        dialog.raise_()

    # --- settings --------------------------------------------------------------------------
    def save_settings(self) -> None:
        if self.settings:
            self.settings.set("window/geometry", self.saveGeometry())
            save_state(self.settings, self.state)
            self.settings.sync()

    def closeEvent(self, ev: QtGui.QCloseEvent) -> None:
        self.state.playing = False
        job = getattr(self, "export_job", None)
        if job is not None and job.running():
            job.stop()  # no export outlives its window, and none leaves a part file
        self.save_settings()
        for dialog in self.dialogs.values():
            dialog.close()
        super().closeEvent(ev)

    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)

    # --- scale -----------------------------------------------------------------------------
    def ui_scale(self) -> float:
        return scale_for(self.height())

    def resizeEvent(self, ev: QtGui.QResizeEvent) -> None:
        super().resizeEvent(ev)
        self.apply_scale(self.ui_scale())
        self._lay_out_divider()

    def showEvent(self, ev: QtGui.QShowEvent) -> None:
        super().showEvent(ev)
        self._lay_out_divider()

    def apply_scale(self, scale: float) -> None:
        self.date_label.setFont(font(DATE_PX * scale, bold=True))
        self.date_label.setStyleSheet(f"color: {colour(INK).name()};")
        self.chapter_label.setFont(font(20 * scale, bold=True))
        self.chapter_label.setStyleSheet("color: #6B6355;")
        touch = scale * self.touch_scale
        for b in (
            self.prev_button,
            self.play_button,
            self.next_button,
            self.fit_button,
            self.follow_button,
            self.menu_button,
            *self.language_buttons.values(),
            *self.naming_buttons.values(),
        ):
            b.setFont(font(16 * touch))
            b.setIconSize(QtCore.QSize(round(30 * touch), round(30 * touch)))
            b.setMinimumSize(round(52 * touch), round(48 * touch))
        for w in (self.speed_box, self.chapter_box, self.span_button):
            w.setFont(font(16 * touch))
            w.setMinimumHeight(round(48 * touch))
        self.legend.header.setMinimumHeight(round(48 * touch))  # a finger folds the legend too
        self.notes.set_scale(scale)
        self.map.set_scale(scale)
        self.legend.set_scale(scale)
        self.timeline_bar.set_scale(scale)


def _with_keys(action: QtGui.QAction) -> str:
    """A tooltip: what the command does, and its keys."""
    keys = keys_label(action.shortcuts())
    return f"{action.text()} ({keys})" if keys else action.text()
