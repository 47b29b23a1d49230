"""Shared fixtures: the shipped scenario (loaded once) and disposable copies of it to break.

Names on the map are placed afresh on every paint (_names_placed_every_frame). Strict by default
(docs/testing.md): a Qt warning fails the test (pyproject: qt_log_level_fail), and so does
a test that leaves a top-level widget or an active QTimer behind (_no_qt_leftovers). Rendering is made
the same on every machine for the reference images (tests/image_approval.py): devicePixelRatio 1, slight
hinting and greyscale antialiasing of the bundled fonts whatever the desktop's fontconfig says.
"""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# devicePixelRatio 1 whatever the developer's shell sets, so reference images have the same pixels everywhere.
for _var in ("QT_SCREEN_SCALE_FACTORS", "QT_SCALE_FACTOR_ROUNDING_POLICY", "QT_AUTO_SCREEN_SCALE_FACTOR"):
    os.environ.pop(_var, None)
os.environ["QT_SCALE_FACTOR"] = "1"
os.environ["QT_FONT_DPI"] = "96"
# Keep every test away from the real user's config, logs and start menu.
os.environ["KHALKHIN_GOL_HOME"] = str(Path(__import__("tempfile").mkdtemp(prefix="khalkhin-gol-test-")))
_SESSION_HOME = os.environ["KHALKHIN_GOL_HOME"]  # one per pytest process, so two runs at once never share it

from viewer.assets import content_dir  # noqa: E402
from viewer.core.scenario import load_scenario  # noqa: E402


@pytest.fixture(scope="session")
def scenario():
    return load_scenario(content_dir())


@pytest.fixture
def app_home(tmp_path: Path, monkeypatch) -> Path:
    """A fresh, empty home for this app's config, state and data folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("KHALKHIN_GOL_HOME", str(home))
    return home


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content folder (events.yaml + geo/)."""
    dest = tmp_path / "scenario"
    shutil.copytree(content_dir(), dest)
    return dest


@pytest.fixture
def window(qtbot, scenario):
    """The main window on the shipped content, 1600x900, shown offscreen."""
    from viewer.ui.app import build_window

    w = build_window(scenario, None)
    qtbot.addWidget(w)  # pytest-qt closes it and deletes it (deleteLater) after the test
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    import shiboken6

    if shiboken6.isValid(w):
        w.close()


# --- strict Qt: rendering pinned, nothing left behind ------------------------------------------------


@pytest.fixture(autouse=True)
def _names_placed_every_frame(monkeypatch):
    """Names on screen are placed afresh on every paint, as in a still: a test steps faster than a person, and
    the on-screen throttle (labels.SETTLE_S) would keep a name's last spot for some of its frames.
    tests/test_label_settle.py tests the throttle itself."""
    monkeypatch.setattr("viewer.ui.map.labels.SETTLE_S", 0.0)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """The interface's language is one per process (viewer.ui.i18n.language): a test that switches it would leave
    the next test's new window in that language (tests/test_timeline.py read '1939年5月11日' after
    tests/test_desktop_app.py when run on their own)."""
    yield
    from viewer.ui import i18n

    if i18n._LANGUAGE is not None:
        i18n._LANGUAGE.set("en", "soviet")


@pytest.fixture(scope="session", autouse=True)
def _same_text_everywhere(qapp):
    """Pin how the bundled fonts are rasterised: slight (vertical) hinting and greyscale antialiasing.

    Otherwise fontconfig decides per machine: full hinting moves text by whole pixels (~900 differing
    pixels on the map), no hinting reshapes every glyph (~100), and subpixel (LCD) antialiasing colours
    the edges. Done before any test builds a window: fonts.register_fonts() starts from this app font.
    Requested once for the session (pytest-qt's qapp), before the first test."""
    from pyqtgraph.Qt import QtGui

    app = qapp
    f = app.font()
    f.setHintingPreference(QtGui.QFont.HintingPreference.PreferVerticalHinting)
    f.setStyleStrategy(QtGui.QFont.StyleStrategy.PreferAntialias | QtGui.QFont.StyleStrategy.NoSubpixelAntialias)
    app.setFont(f)
    yield


def _live_active_timers() -> list:
    import shiboken6
    from pyqtgraph.Qt import QtCore

    def scan():
        return [o for o in gc.get_objects() if isinstance(o, QtCore.QTimer) and shiboken6.isValid(o) and o.isActive()]

    found = scan()
    if found:  # unreachable Python-owned timers die with their wrapper: collect, then look again
        gc.collect()
        found = scan()
    return found


def _owner(widget):
    """The parentless widget at the top of widget's parent chain (across windows: menus, popups, dialogs)."""
    while widget.parentWidget() is not None:
        widget = widget.parentWidget()
    return widget


def _describe(obj) -> str:
    name = obj.objectName()
    return f"{type(obj).__module__}.{type(obj).__qualname__}" + (f" {name!r}" if name else "")


@pytest.fixture(autouse=True)
def _no_qt_leftovers(request):
    """Fail a test that leaves a top-level widget or an active QTimer alive after it.

    After the test pytest-qt has closed and deleteLater()'d the widgets given to qtbot.addWidget; here the
    pending deletions are carried out, then whatever window or running timer is still there is the test's
    leak. It is reported by class, then cleaned up (closed, deleted, stopped) so the next test starts clean.
    A test that keeps something on purpose must stop or delete it itself."""
    yield
    from pyqtgraph.Qt import QtCore, QtWidgets

    app = QtWidgets.QApplication.instance()
    if app is None:
        return
    for _ in range(3):  # deleting a window may post more deletions (its children's deleteLater)
        app.processEvents()
        app.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    windows = [w for w in app.topLevelWidgets() if w.windowType() != QtCore.Qt.WindowType.Desktop]
    widgets = [w for w in windows if w.parentWidget() is None]  # the rest (menus, popups) go with their owner
    timers = _live_active_timers()
    if not widgets and not timers:
        return
    problems = []
    for w in widgets:
        owned = sum(1 for o in windows if o is not w and _owner(o) is w)
        problems.append(
            f"top-level widget {_describe(w)} (visible={w.isVisible()}"
            + (f", with {owned} windows of its own: menus, popups)" if owned else ")")
        )
    for t in timers:
        parent = t.parent()
        owner = f", parent {_describe(parent)}" if parent is not None else ""
        problems.append(f"active QTimer {_describe(t)} (interval {t.interval()} ms{owner})")
    for t in timers:
        t.stop()
    for w in widgets:
        w.close()
        w.deleteLater()
    app.processEvents()
    app.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    pytest.fail(
        "the test left Qt objects alive (give widgets to qtbot.addWidget, stop timers):\n  " + "\n  ".join(problems),
        pytrace=False,
    )


def pytest_terminal_summary(terminalreporter):
    """Name every reference image this run wrote (KG_ACCEPT_IMAGES), so none is committed unseen."""
    import sys

    module = sys.modules.get("image_approval")
    written = getattr(module, "accepted", None)
    if written:
        terminalreporter.section("reference images written (KG_ACCEPT_IMAGES)")
        for path in written:
            terminalreporter.write_line(str(path))
        terminalreporter.write_line("Look at each one before committing it (docs/testing.md), e.g. git diff --stat tests/images")


def pytest_unconfigure(config):
    """Remove this run's own home folder (made above with mkdtemp), so runs do not pile up in /tmp."""
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)
