"""Starting the window, and rendering the same picture headlessly."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from ..core.model import Scenario


def _application():
    from PySide6 import QtWidgets  # what pyqtgraph.Qt gives, without importing pyqtgraph (a kiosk's splash is quicker)

    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication(sys.argv[:1])
        app.setApplicationName("Khalkhin Gol 1939")
    return app


def use_language(lang: str, naming: str) -> None:
    """Set the language and naming for every window this process opens (creates the application)."""
    from .i18n import language

    _application()
    language().set(lang, naming)


def build_window(
    scenario: Scenario,
    at: datetime | None,
    settings=None,
    error_dialog: bool = False,
    lang: str | None = None,
    naming: str | None = None,
):
    """The desktop window: the remembered view, with what the command line gave (`--at`, `--lang`,
    `--naming`) taking precedence."""
    from .errors import install_excepthook
    from .main_window import MainWindow

    first_time = settings is not None and not settings.get("view/instant")
    window = MainWindow(scenario, settings, instant=at, language=lang, naming=naming)
    if first_time:
        window.show_welcome()  # nothing remembered: a newcomer, who gets the first screen
    install_excepthook(lambda message: _report(window, message, error_dialog))
    return window


def _report(window, message: str, dialog: bool) -> None:
    """A short notice in the status bar and, on the desktop, one non-modal box naming the log file."""
    window.notify(message)
    if not dialog or (getattr(window, "_error_box", None) is not None and window._error_box.isVisible()):
        return
    from pyqtgraph.Qt import QtCore, QtWidgets

    from ..logs import log_file
    from .i18n import translate

    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Warning,
        window.windowTitle(),
        translate("Errors", "%1\n\nDetails were written to:\n%2").replace("%1", message).replace("%2", str(log_file())),
        QtWidgets.QMessageBox.StandardButton.Ok,
        window,
    )
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # the message may quote content or a path
    box.setModal(False)
    box.show()
    window._error_box = box


def run_app(scenario: Scenario, at: datetime | None, lang: str | None = None, naming: str | None = None) -> int:
    from ..logs import route_qt_messages
    from .settings import Settings

    route_qt_messages()  # before the application: a display that fails now is in the log, not only on stderr
    app = _application()
    settings = Settings()
    use_language(lang or settings.get("ui/language"), naming or settings.get("ui/naming"))
    window = build_window(scenario, at, settings, error_dialog=True, lang=lang, naming=naming)
    window.show()
    return app.exec()


def headless_platform() -> None:
    """Render offscreen when there is no display (before the QApplication exists)."""
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def render_frame(scenario: Scenario, at: datetime, size: tuple[int, int], out: Path, precision: str = "day") -> None:
    """Write the map alone at `at` and `size`, with its caption band, to a PNG, without a display."""
    from .export import export_png

    export_png(scenario, at, size, out, precision=precision)


def build_kiosk(scenario: Scenario, config) -> tuple:
    """The locked-down kiosk window; any unhandled exception sends it back to its tour."""
    from .errors import install_excepthook
    from .kiosk import Kiosk
    from .main_window import MainWindow

    window = MainWindow(scenario, None, mode="kiosk")
    kiosk = Kiosk(window, config)
    install_excepthook(lambda _message: kiosk.reset_to_attract())
    return window, kiosk


def run_kiosk(scenario: Scenario, config, content: Path | None, problems: list, naming: str | None = None) -> int:
    """The kiosk until staff leave or the service manager stops it (SIGTERM: statistics are saved first)."""
    import signal

    from pyqtgraph.Qt import QtCore

    from ..kiosk_stats import Stats
    from ..logs import route_qt_messages
    from .errors import install_excepthook
    from .kiosk_host import KioskHost

    route_qt_messages()  # before the application: a display that fails now is in the log, not only on stderr
    app = _application()
    use_language(config.language, naming or "soviet")
    stats = Stats(keep_days=config.statistics_days) if config.statistics else None
    host = KioskHost(scenario, config, content, problems, stats)
    install_excepthook(lambda _message: host.kiosk.reset_to_attract())
    signal.signal(signal.SIGTERM, lambda *_: host.terminate())
    wake = QtCore.QTimer(host, interval=500)  # Python sees a signal only when it runs: let it run now and then
    wake.timeout.connect(lambda: None)
    wake.start()
    host.show()
    try:
        return app.exec()
    finally:
        host.stop()


def presenter_screens(screens: list, primary, screen_index: int | None) -> tuple:
    """(audience screen, lecturer's screen or None). With two screens the audience gets the projector — the one
    that is not the primary (a laptop's own) — unless `--screen` names it; the presenter view goes on another."""
    if screen_index is not None:
        audience = screens[min(max(screen_index, 0), len(screens) - 1)]
    else:
        audience = next((s for s in screens if s is not primary), primary)
    others = [s for s in screens if s is not audience]
    lecturer = primary if primary in others else (others[0] if others else None)
    return audience, lecturer


def build_presenter(scenario: Scenario, screen_index: int | None = None, talk=None, settings=None, speaker_notes=None):
    """Fullscreen on the audience's screen; a presenter view on the lecturer's when there are two."""
    from .main_window import MainWindow
    from .presenter import Presenter

    if speaker_notes is None:
        from ..assets import content_dir
        from ..core.speaker_notes import load_speaker_notes

        speaker_notes = load_speaker_notes(content_dir(), scenario)  # ContentError if they do not validate
    app = _application()
    audience, lecturer = presenter_screens(app.screens(), app.primaryScreen(), screen_index)
    window = MainWindow(scenario, None, mode="present")
    presenter = Presenter(window, lecturer, talk, settings, speaker_notes)
    window.setGeometry(audience.geometry())
    return window, presenter


def load_talk_or_default(scenario: Scenario, path: Path | None):
    """The talk in `path` (the command line's, which must be good: ContentError otherwise), else the lecturer's
    saved talk (a bad one is logged and the default used), else the campaign's events."""
    import logging

    from ..core.errors import ContentError
    from ..core.talk import Talk, load_talk
    from .presenter import talk_file

    if path is not None:
        return load_talk(path, scenario)
    saved = talk_file()
    if saved.exists():
        try:
            return load_talk(saved, scenario)
        except ContentError as exc:
            logging.getLogger("viewer.presenter").warning("the saved talk cannot be used; the default talk is shown:\n%s", exc)
    return Talk.default(scenario)


def run_presenter(
    scenario: Scenario,
    screen_index: int | None,
    lang: str | None = None,
    naming: str | None = None,
    at: datetime | None = None,
    talk_path: Path | None = None,
) -> int:
    from ..logs import route_qt_messages
    from .errors import install_excepthook
    from .settings import Settings

    talk = load_talk_or_default(scenario, talk_path)  # a bad --talk file stops here, with file:line messages
    route_qt_messages()  # before the application: a display that fails now is in the log, not only on stderr
    app = _application()
    remembered = Settings()
    use_language(lang or remembered.get("ui/language"), naming or remembered.get("ui/naming"))
    window, presenter = build_presenter(scenario, screen_index, talk, remembered)
    install_excepthook(window.notify)
    window.showFullScreen()
    window.activateWindow()
    presenter.start(at)
    return app.exec()
