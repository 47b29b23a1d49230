"""The main window: map, notes and timeline, all showing the clock's one instant."""
from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.dates import format_date, parse_date
from ..core.language import LANGUAGES, NAMINGS, NATIVE_NAMES, tr
from ..core.model import Chapter, Event, Scenario
from ..core.motion import MotionModel
from ..core.timeline import Timeline
from .clock import Clock
from .map_view import MapView
from .fonts import register_fonts
from .help import InfoDialog, about_html, shortcuts_html
from .i18n import language, naming_label, naming_name, translate
from .notes import NotesPanel, event_html, unit_html
from .settings import LAYERS, Settings
from .style import DATE_PX, INK, colour, font, scale_for
from .timeline_bar import TimelineBar


def layer_name(name: str) -> str:
    return {"disputed": translate("Window", "Disputed ground"), "claims": translate("Window", "Border claims"),
            "border": translate("Window", "Modern border"), "halos": translate("Window", "Uncertainty of positions"),
            "trails": translate("Window", "Trails"), "inset": translate("Window", "Regional inset")}[name]


def speed_names() -> list[str]:
    return [translate("Window", "1 hour/s"), translate("Window", "6 hours/s"), translate("Window", "1 day/s"),
            translate("Window", "1 week/s")]


def export_names() -> dict[str, str]:
    return {"png": translate("Window", "Picture (PNG, 3840×2160)…"), "svg": translate("Window", "Vector picture (SVG)…"),
            "pdf": translate("Window", "Handout (PDF, A4)…"), "mp4": translate("Window", "Video of the next 10 days (MP4)…"),
            "gif": translate("Window", "Animated GIF of the next 3 days…")}


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, scenario: Scenario, at: datetime | None = None, settings: Settings | None = None):
        super().__init__()
        register_fonts()
        self.scenario = scenario
        self.settings = settings
        self.language = language()
        self.motion = MotionModel(scenario.units)
        self.campaign = Timeline.of(scenario.campaign_start, scenario.campaign_end, scenario.events, scenario.chapters)
        self.wide = Timeline.of(scenario.chapters[0].start, scenario.chapters[-1].end, scenario.events, scenario.chapters)
        remembered = settings.get("view/instant") if settings else ""
        start_at = at or (parse_date(remembered)[0] if remembered else scenario.campaign_start)
        wide = (settings.get("view/wide_timeline") if settings else False) or not self.campaign.start <= start_at <= self.campaign.end
        timeline = self.wide if wide else self.campaign
        self.clock = Clock(timeline, start_at, self)
        self.map = MapView(scenario, self.motion)
        self.notes = NotesPanel()
        self.timeline_bar = TimelineBar(timeline)
        self._shown_event: Event | None = None
        self.touch_scale = 1.0  # kiosks make the controls bigger for fingers
        self._card_unit: str | None = None
        self.dialogs: dict[str, InfoDialog] = {}
        self._build()
        self._connect()
        self._shortcuts()
        self.retranslate()
        self.resize(1600, 950)
        if settings:
            self._restore(settings)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.side_panel = self._side_panel()
        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        splitter.addWidget(self.map)
        splitter.addWidget(self.side_panel)
        splitter.setStretchFactor(0, 7)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.date_label = QtWidgets.QLabel()
        self.chapter_label = QtWidgets.QLabel()
        self.chapter_label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred)
        self.chapter_label.setMinimumWidth(1)  # gives way first when the window is narrow
        style = self.style()
        self._play_icon = style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaPause)
        self.play_button = self._button(self._play_icon, self.clock.toggle)
        self.prev_button = self._button(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaSkipBackward),
                                        lambda: self.clock.step(False))
        self.next_button = self._button(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaSkipForward),
                                        lambda: self.clock.step(True))
        self.speed_box = QtWidgets.QComboBox()
        self.speed_box.addItems(speed_names())
        self.speed_box.setCurrentIndex(self.clock.speed_index)
        self.speed_box.currentIndexChanged.connect(self.clock.set_speed)
        self.chapter_box = QtWidgets.QComboBox()
        self.chapter_box.addItem("")
        for ch in self.scenario.chapters:
            self.chapter_box.addItem("", ch.id)
        self.chapter_box.activated.connect(self._chapter_chosen)
        self.span_button = QtWidgets.QPushButton("1931–1945")
        self.span_button.setCheckable(True)
        self.span_button.toggled.connect(self._set_wide)
        self.fit_button = self._button("", self.map.fit_battlefield)
        self.menu_button = self._button("", lambda: None)
        self.menu_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QtWidgets.QMenu(self.menu_button)
        self.layers_menu = menu.addMenu("")
        self.layer_actions: dict[str, QtGui.QAction] = {}
        for name in LAYERS:
            action = self.layers_menu.addAction("")
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, n=name: self.set_layer(n, on))
            self.layer_actions[name] = action
        self.export_menu = menu.addMenu("")
        self.export_actions = {kind: self.export_menu.addAction("", lambda k=kind: self.ask_export(k)) for kind in export_names()}
        self.shortcuts_action = menu.addAction("", self.show_shortcuts)
        self.about_action = menu.addAction("", self.show_about)
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
        for w in (self.prev_button, self.play_button, self.next_button, self.speed_box, self.chapter_box, self.span_button,
                  self.fit_button, self.menu_button):
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
            b = self.language_buttons[code] = self._button(NATIVE_NAMES[code], lambda _=False, c=code: self.set_language(c))
            b.setCheckable(True)
            langs.addWidget(b, 1)
        for naming in NAMINGS:
            b = self.naming_buttons[naming] = self._button("", lambda _=False, n=naming: self.set_naming(n))
            b.setCheckable(True)
            names.addWidget(b, 1)
        for b in (*self.language_buttons.values(), *self.naming_buttons.values()):
            b.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)
        panel = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(langs)
        column.addLayout(names)
        column.addWidget(self.notes, 1)
        return panel

    def _button(self, face: str | QtGui.QIcon, slot) -> QtWidgets.QToolButton:
        b = QtWidgets.QToolButton()
        if isinstance(face, str):
            b.setText(face)
        else:
            b.setIcon(face)
        b.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        b.clicked.connect(slot)
        return b

    def retranslate(self) -> None:
        """Every interface string and every content text, in the current language and naming."""
        lang, naming = self.language.lang, self.language.naming
        self.setWindowTitle(self.scenario.display_title(lang, naming))
        for b, tip in ((self.play_button, translate("Window", "Play / pause (Space)")),
                       (self.prev_button, translate("Window", "Previous event (Left, PageUp)")),
                       (self.next_button, translate("Window", "Next event (Right, PageDown)")),
                       (self.fit_button, translate("Window", "Fit the battlefield (0)")),
                       (self.menu_button, translate("Window", "Layers, export, keyboard shortcuts, about")),
                       (self.span_button, translate("Window", "Widen the timeline to the background and aftermath"))):
            b.setToolTip(tip)
        self.fit_button.setText(translate("Window", "Fit"))
        self.menu_button.setText(translate("Window", "Menu"))
        for code, b in self.language_buttons.items():
            b.setChecked(code == lang)
        for key, b in self.naming_buttons.items():
            b.setText(naming_label(key))
            b.setToolTip(naming_name(key) + ". " + translate(
                "Window", "A name changes only where a source gives the other side's form."))
            b.setChecked(key == naming)
        for i, name in enumerate(speed_names()):
            self.speed_box.setItemText(i, name)
        self.chapter_box.setItemText(0, translate("Window", "Chapters…"))
        for i, ch in enumerate(self.scenario.chapters, start=1):
            self.chapter_box.setItemText(i, tr(ch.title, lang))
        self.layers_menu.setTitle(translate("Window", "Layers"))
        for name, action in self.layer_actions.items():
            action.setText(layer_name(name))
        self.export_menu.setTitle(translate("Window", "Export"))
        for kind, label in export_names().items():
            self.export_actions[kind].setText(label)
        self.shortcuts_action.setText(translate("Window", "Keyboard shortcuts (F1)"))
        self.about_action.setText(translate("Window", "About, sources and licences"))
        self.map.set_language(lang, naming)
        self.timeline_bar.set_language(lang)
        for dialog in self.dialogs.values():
            dialog.close()
        self.dialogs.clear()
        card = self._card_unit
        self._shown_event = None  # re-render the note in the new language
        self._on_instant(self.clock.at)
        if card:
            self.show_unit(card)  # an open unit card stays open, in the new language

    def set_language(self, lang: str) -> None:
        self.language.set(lang=lang)
        for code, b in self.language_buttons.items():
            b.setChecked(code == self.language.lang)  # a tap on the current language leaves it checked
        if self.settings:
            self.settings.set("ui/language", lang)

    def set_naming(self, naming: str) -> None:
        self.language.set(naming=naming)
        for key, b in self.naming_buttons.items():
            b.setChecked(key == self.language.naming)
        if self.settings:
            self.settings.set("ui/naming", naming)

    def _connect(self) -> None:
        self.language.sigChanged.connect(self.retranslate)
        self.clock.sigInstantChanged.connect(self._on_instant)
        self.clock.sigPlayingChanged.connect(lambda playing: self.play_button.setIcon(self._pause_icon if playing else self._play_icon))
        self.clock.sigTimelineChanged.connect(self.timeline_bar.set_timeline)
        self.timeline_bar.sigScrubbed.connect(self._scrub)
        self.timeline_bar.sigEventPicked.connect(self.show_event)
        self.timeline_bar.sigChapterPicked.connect(self.jump_to_chapter)
        self.map.sigUnitClicked.connect(self.show_unit)
        self.map.sigPlaceClicked.connect(self.map.marks.set_highlight)
        self.notes.sigLink.connect(self._on_link)

    def _shortcuts(self) -> None:
        """Keys are routed by an application-wide filter rather than QShortcut: a clicker's PageDown must
        step the story whichever child has focus (the notes would otherwise scroll) and whether or not the
        window manager has made us the active window."""
        Key, Shift = QtCore.Qt.Key, QtCore.Qt.KeyboardModifier.ShiftModifier
        self.keys: dict[tuple[int, bool], object] = {
            (Key.Key_Space, False): self.clock.toggle,
            (Key.Key_Right, False): lambda: self.clock.step(True), (Key.Key_PageDown, False): lambda: self.clock.step(True),
            (Key.Key_Left, False): lambda: self.clock.step(False), (Key.Key_PageUp, False): lambda: self.clock.step(False),
            (Key.Key_Home, False): self.clock.home, (Key.Key_End, False): self.clock.end,
            (Key.Key_Plus, False): lambda: self.map.zoom(1.25), (Key.Key_Equal, False): lambda: self.map.zoom(1.25),
            (Key.Key_Minus, False): lambda: self.map.zoom(0.8), (Key.Key_0, False): self.map.fit_battlefield,
            (Key.Key_Left, True): lambda: self.map.pan(-0.15, 0), (Key.Key_Right, True): lambda: self.map.pan(0.15, 0),
            (Key.Key_Up, True): lambda: self.map.pan(0, 0.15), (Key.Key_Down, True): lambda: self.map.pan(0, -0.15),
            (Key.Key_F1, False): self.show_shortcuts, (Key.Key_Question, False): self.show_shortcuts,
        }
        self._shift = Shift
        QtWidgets.QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if ev.type() == QtCore.QEvent.Type.KeyPress and isinstance(obj, QtWidgets.QWidget) and obj.window() is self:
            shifted = bool(ev.modifiers() & self._shift) and ev.key() not in (QtCore.Qt.Key.Key_Question, QtCore.Qt.Key.Key_Plus)
            action = self.keys.get((ev.key(), shifted))
            if action is not None:
                action()
                return True
        return False

    # --- reacting to the clock -------------------------------------------------------------
    def _on_instant(self, at: datetime) -> None:
        self.map.show_instant(at)
        self.timeline_bar.set_instant(at)
        lang = self.language.lang
        self.date_label.setText(format_date(at, "time", lang))
        chapter = self.clock.timeline.chapter_at(at)
        self.chapter_label.setText(tr(chapter.title, lang) if chapter else "")
        event = self.clock.timeline.current_event(at)
        if event is not self._shown_event:
            self._shown_event = event
            self._card_unit = None
            self.map.marks.set_selected(None)
            if event is not None:
                self.notes.show_html(event_html(self.scenario, event, lang, self.language.naming))
            else:
                title = escape(self.scenario.display_title(lang, self.language.naming))
                hint = escape(translate("Window", "Press Space to play, or → to step to the first event."))
                self.notes.show_html(f"<h1>{title}</h1><p>{hint}</p>")
        elif self._card_unit:
            self.show_unit(self._card_unit)

    def _scrub(self, at: datetime) -> None:
        self.clock.pause()
        self.clock.set_instant(at)

    # --- actions ---------------------------------------------------------------------------
    def show_event(self, event: Event) -> None:
        if not self.clock.timeline.start <= event.at <= self.clock.timeline.end:
            self.span_button.setChecked(True)
        self.clock.go_to(event.at)

    def jump_to_chapter(self, chapter: Chapter) -> None:
        events = [e for e in self.scenario.events if e.chapter == chapter.id]
        target = next((e for e in events if e.key), events[0] if events else None)
        if target is not None:
            self.show_event(target)

    def show_unit(self, unit_id: str) -> None:
        unit = self.scenario.unit(unit_id)
        k = self.motion.index(unit_id)
        self._card_unit = unit_id
        self.map.marks.set_selected(unit_id)
        self.notes.show_html(unit_html(self.scenario, unit, self.map.marks.positions, k, self.clock.at, self.language.lang))

    def _on_link(self, kind: str, ident: str) -> None:
        if kind == "place" and ident in self.scenario.places:
            self.map.marks.set_highlight(ident)
        elif kind == "unit":
            self.show_unit(ident)
        elif kind == "event":
            self.show_event(self.scenario.event(ident))

    def _chapter_chosen(self, index: int) -> None:
        if index > 0:
            self.jump_to_chapter(self.scenario.chapter(self.chapter_box.itemData(index)))
            self.chapter_box.setCurrentIndex(0)

    def _set_wide(self, wide: bool) -> None:
        self.clock.set_timeline(self.wide if wide else self.campaign)

    def set_layer(self, name: str, visible: bool) -> None:
        if name in ("disputed", "claims", "border"):
            self.map.set_layer_visible(name, visible)
        elif name == "halos":
            self.map.marks.show_halos = visible
            self.map.marks.update()
        elif name == "trails":
            self.map.marks.show_trails = visible
            self.map.marks.update()
        elif name == "inset":
            self.map.inset.setVisible(visible)
        if self.layer_actions[name].isChecked() != visible:
            self.layer_actions[name].setChecked(visible)
        if self.settings:
            self.settings.set(f"layers/{name}", visible)

    def ask_export(self, kind: str) -> None:
        name = f"khalkhin-gol-{self.clock.at:%Y-%m-%d}.{kind}"
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self, translate("Window", "Export"), name)
        if path:
            self.export(kind, Path(path))

    def export(self, kind: str, out: Path) -> bool:
        """Run an export with a progress dialog whose Cancel leaves no file behind; True if written."""
        from datetime import timedelta

        from . import export as ex
        dialog = QtWidgets.QProgressDialog(translate("Window", "Exporting…"), translate("Window", "Cancel"), 0, 100, self)
        dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        self.export_dialog = dialog

        def progress(fraction: float) -> bool:
            dialog.setValue(round(100 * fraction))
            QtWidgets.QApplication.processEvents()
            return not dialog.wasCanceled()

        at = self.clock.at
        try:
            if kind == "png":
                ex.export_png(self.scenario, at, (3840, 2160), out)
            elif kind == "svg":
                ex.export_svg(self.scenario, at, (1920, 1080), out)
            elif kind == "pdf":
                ex.export_handout(self.scenario, out, "A4", progress)
            else:
                days = 10 if kind == "mp4" else 3
                ex.export_video(self.scenario, at, at + timedelta(days=days), 30 if kind == "mp4" else 10, (1920, 1080) if kind == "mp4" else (960, 600),
                                out, progress, seconds=days if kind == "mp4" else 3)
        except ex.Cancelled:
            self.notify(translate("Window", "Export cancelled; nothing was written."))
            return False
        finally:
            dialog.close()
        self.notify(translate("Window", "Exported %1").replace("%1", str(out)))
        return True

    def show_shortcuts(self) -> None:
        self._sheet("shortcuts", translate("Window", "Keyboard shortcuts"), shortcuts_html())

    def show_about(self) -> None:
        self._sheet("about", translate("Window", "About"), about_html(self.scenario, self.language.lang, self.language.naming))

    def _sheet(self, key: str, title: str, html: str) -> None:
        dialog = self.dialogs.get(key)
        if dialog is None:
            dialog = self.dialogs[key] = InfoDialog(title, html, self)
        dialog.show()
        dialog.raise_()

    # --- settings --------------------------------------------------------------------------
    def _restore(self, settings: Settings) -> None:
        geometry = settings.get("window/geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1600, 950)
        self.clock.set_speed(settings.get("playback/speed"))
        self.speed_box.setCurrentIndex(self.clock.speed_index)
        self.span_button.setChecked(self.clock.timeline is self.wide)
        for name in LAYERS:
            self.set_layer(name, settings.get(f"layers/{name}"))
        self.speed_box.currentIndexChanged.connect(lambda i: settings.set("playback/speed", i))

    def save_settings(self) -> None:
        if not self.settings:
            return
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("view/instant", self.clock.at.strftime("%Y-%m-%dT%H:%M"))
        self.settings.set("view/wide_timeline", self.clock.timeline is self.wide)
        self.settings.sync()

    def closeEvent(self, ev: QtGui.QCloseEvent) -> None:
        QtWidgets.QApplication.instance().removeEventFilter(self)
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
        width = self.splitter.width()
        self.splitter.setSizes([round(width * 0.7), width - round(width * 0.7)])  # the map is the stage

    def apply_scale(self, scale: float) -> None:
        self.date_label.setFont(font(DATE_PX * scale, bold=True))
        self.date_label.setStyleSheet(f"color: {colour(INK).name()};")
        self.chapter_label.setFont(font(20 * scale, bold=True))
        self.chapter_label.setStyleSheet("color: #6B6355;")
        touch = scale * self.touch_scale
        for b in (self.prev_button, self.play_button, self.next_button, self.fit_button, self.menu_button,
                  *self.language_buttons.values(), *self.naming_buttons.values()):
            b.setFont(font(16 * touch))
            b.setIconSize(QtCore.QSize(round(30 * touch), round(30 * touch)))
            b.setMinimumSize(round(52 * touch), round(48 * touch))
        for w in (self.speed_box, self.chapter_box, self.span_button):
            w.setFont(font(16 * touch))
            w.setMinimumHeight(round(48 * touch))
        self.notes.set_scale(scale)
        self.map.set_scale(scale)
        self.timeline_bar.set_scale(scale)
