"""Starting the window, and rendering the same picture headlessly."""
from __future__ import annotations

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


def build_window(scenario: Scenario, at: datetime | None, settings=None, error_dialog: bool = False):
    from .errors import install_excepthook
    from .main_window import MainWindow
    window = MainWindow(scenario, at, settings)
    install_excepthook(lambda message: _report(window, message, error_dialog))
    return window


def _report(window, message: str, dialog: bool) -> None:
    """A short notice in the status bar and, on the desktop, one non-modal box naming the log file."""
    window.notify(message)
    if not dialog or getattr(window, "_error_box", None) is not None and window._error_box.isVisible():
        return
    from pyqtgraph.Qt import QtWidgets
    from ..logs import log_file
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, "Khalkhin Gol 1939",
                                f"{message}\n\nDetails were written to:\n{log_file()}",
                                QtWidgets.QMessageBox.StandardButton.Ok, window)
    box.setModal(False)
    box.show()
    window._error_box = box


def run_app(scenario: Scenario, at: datetime | None) -> int:
    from ..logs import route_qt_messages
    from .settings import Settings
    app = _application()
    route_qt_messages()
    window = build_window(scenario, at, Settings(), error_dialog=True)
    window.show()
    return app.exec()


def render_frame(scenario: Scenario, at: datetime, size: tuple[int, int], out: Path) -> None:
    """Write exactly what the window shows at `at` and `size` to a PNG, without a display."""
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = _application()
    from .main_window import MainWindow
    window = MainWindow(scenario, at)
    from .style import scale_for
    window.apply_scale(scale_for(size[1]))  # type sizes first, so the layout's minimum fits the size
    window.resize(*size)
    window.show()
    app.processEvents()
    window.map.fit_battlefield()
    app.processEvents()
    image = window.grab()
    if (image.width(), image.height()) != size:
        raise ValueError(f"the window cannot be laid out at {size[0]}x{size[1]}; its minimum is "
                         f"{window.minimumSizeHint().width()}x{window.minimumSizeHint().height()}")
    window.close()
    window.deleteLater()
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part.png")
    if not image.save(str(tmp), "PNG"):
        raise OSError(f"could not write {out}")
    tmp.replace(out)


def build_kiosk(scenario: Scenario, config):
    """The locked-down kiosk window; any unhandled exception sends it back to its tour."""
    from .errors import install_excepthook
    from .kiosk import Kiosk
    from .main_window import MainWindow
    window = MainWindow(scenario, None)
    kiosk = Kiosk(window, config)
    install_excepthook(lambda _message: kiosk.reset_to_attract())
    return window, kiosk


def run_kiosk(scenario: Scenario, config) -> int:
    from ..logs import route_qt_messages
    app = _application()
    route_qt_messages()
    window, kiosk = build_kiosk(scenario, config)
    window.setGeometry(app.primaryScreen().geometry())  # without a window manager, fullscreen is only a request
    window.showFullScreen()
    return app.exec()
