"""Starting the window, and rendering the same picture headlessly."""

from __future__ import annotations

import dataclasses
import os
import sys
from datetime import datetime
from pathlib import Path

from ..core.model import Scenario


def _application():
    from pyqtgraph.Qt import QtWidgets

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

    window = MainWindow(scenario, settings, instant=at, language=lang, naming=naming)
    install_excepthook(lambda message: _report(window, message, error_dialog))
    return window


def _report(window, message: str, dialog: bool) -> None:
    """A short notice in the status bar and, on the desktop, one non-modal box naming the log file."""
    window.notify(message)
    if not dialog or (getattr(window, "_error_box", None) is not None and window._error_box.isVisible()):
        return
    from pyqtgraph.Qt import QtWidgets

    from ..logs import log_file
    from .i18n import translate

    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Warning,
        window.windowTitle(),
        translate("Errors", "%1\n\nDetails were written to:\n%2").replace("%1", message).replace("%2", str(log_file())),
        QtWidgets.QMessageBox.StandardButton.Ok,
        window,
    )
    box.setModal(False)
    box.show()
    window._error_box = box


def run_app(scenario: Scenario, at: datetime | None, lang: str | None = None, naming: str | None = None) -> int:
    from ..logs import route_qt_messages
    from .settings import Settings

    app = _application()
    route_qt_messages()
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


def build_kiosk(scenario: Scenario, config):
    """The locked-down kiosk window; any unhandled exception sends it back to its tour."""
    from .errors import install_excepthook
    from .kiosk import Kiosk
    from .main_window import MainWindow

    window = MainWindow(scenario, None, mode="kiosk")
    kiosk = Kiosk(window, config)
    install_excepthook(lambda _message: kiosk.reset_to_attract())
    return window, kiosk


def run_kiosk(scenario: Scenario, config, lang: str | None = None, naming: str | None = None) -> int:
    from ..logs import route_qt_messages

    app = _application()
    route_qt_messages()
    if lang:
        config = dataclasses.replace(config, language=lang)
    use_language(config.language, naming or "soviet")
    window, _kiosk = build_kiosk(scenario, config)  # the kiosk lives as long as its window
    window.setGeometry(app.primaryScreen().geometry())  # without a window manager, fullscreen is only a request
    window.showFullScreen()
    window.activateWindow()  # its commands' keys go to the active window
    return app.exec()


def build_presenter(scenario: Scenario, screen_index: int = 0):
    """Fullscreen on the chosen screen; a presenter view on another screen when there is one."""
    from .main_window import MainWindow
    from .presenter import Presenter

    app = _application()
    screens = app.screens()
    screen = screens[min(screen_index, len(screens) - 1)]
    others = [s for s in screens if s is not screen]
    window = MainWindow(scenario, None, mode="present")
    presenter = Presenter(window, others[0] if others else None)
    window.setGeometry(screen.geometry())
    return window, presenter


def run_presenter(scenario: Scenario, screen_index: int, lang: str | None = None, naming: str | None = None) -> int:
    from ..logs import route_qt_messages
    from .errors import install_excepthook

    app = _application()
    route_qt_messages()
    from .settings import Settings

    remembered = Settings()
    use_language(lang or remembered.get("ui/language"), naming or remembered.get("ui/naming"))
    window, presenter = build_presenter(scenario, screen_index)
    install_excepthook(window.notify)
    window.showFullScreen()
    window.activateWindow()
    presenter.start()
    return app.exec()
