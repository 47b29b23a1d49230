"""Installing like a desktop app: settings that survive, start-menu entry, help, logs, wheel contents."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from pyqtgraph.Qt import QtCore, QtWidgets

from viewer import __version__
from viewer.cli import main
from viewer.ui.app import build_window
from viewer.ui.settings import Settings, settings_file

ROOT = Path(__file__).resolve().parent.parent


def open_window(qtbot, scenario, at=None):
    w = build_window(scenario, at, Settings())
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is w, timeout=3000)
    return w


def test_settings_survive_a_restart(qtbot, scenario, app_home):
    w = open_window(qtbot, scenario)
    w.resize(1300, 800)
    w.state.update(instant=datetime(1939, 8, 20, 5, 45))
    w.state.speed = 0
    w.state.toggle_layer("halos", False)
    geometry = w.saveGeometry()
    w.close()
    assert settings_file().exists()
    # Qt's offscreen screen is 800x800, so a restored 1300-px window is clamped to it; compare what was stored
    assert Settings().get("window/geometry") == geometry
    w2 = open_window(qtbot, scenario)
    assert w2.state.instant == datetime(1939, 8, 20, 5, 45)
    assert w2.state.speed == 0 and w2.speed_box.currentIndex() == 0
    assert "halos" not in w2.state.layers and not w2.commands.actions["layer.halos"].isChecked()
    w2.close()


def test_at_on_the_command_line_wins_over_the_remembered_instant(qtbot, scenario, app_home):
    w = open_window(qtbot, scenario)
    w.state.update(instant=datetime(1939, 8, 20))
    w.close()
    w2 = open_window(qtbot, scenario, datetime(1939, 7, 3, 12))
    assert w2.state.instant == datetime(1939, 7, 3, 12)
    w2.close()


def test_a_corrupt_settings_file_is_survived(qtbot, scenario, app_home, caplog):
    path = settings_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(
        b"\x00\xff[General\n\x89PNG garbage = = =\n[view]\ninstant=not a date\n[playback]\nspeed=99\n"
        b"[layers]\nhalos=perhaps\n[window]\ngeometry=@ByteArray(nonsense)\n"
    )
    with caplog.at_level(logging.WARNING):
        w = open_window(qtbot, scenario)
    assert w.state.instant == scenario.event("first-clash").at  # the house default: the campaign's first event
    assert w.state.speed == 2
    assert "halos" in w.state.layers
    assert any("invalid" in r.getMessage() or "cannot be read" in r.getMessage() for r in caplog.records)
    w.close()


def test_reset_settings(qtbot, scenario, app_home, capsys):
    w = open_window(qtbot, scenario)
    w.close()
    assert settings_file().exists()
    assert main(["--reset-settings", "check"]) == 0
    assert not settings_file().exists()
    assert "settings reset" in capsys.readouterr().out


def test_help_sheet_and_about_box(qtbot, scenario, app_home):
    w = open_window(qtbot, scenario)
    qtbot.keyClick(w, QtCore.Qt.Key.Key_F1)
    sheet = w.dialogs["shortcuts"]
    assert sheet.isVisible() and "Page Down" in sheet.text.toPlainText()
    w.show_about()
    about = w.dialogs["about"].text.toPlainText()
    assert __version__ in about
    assert "GSHHG 2.3.7" in about and "Lesser General Public License" in about and "Natural Earth" in about
    assert "Goldman" in about and "Drea" in about  # the content's sources
    w.close()


@pytest.mark.qt_no_exception_capture
def test_unhandled_exception_goes_to_the_log_file_and_a_box(qtbot, scenario, app_home):
    from viewer.logs import log_file, setup_logging

    setup_logging("WARNING")
    w = build_window(scenario, None, Settings(), error_dialog=True)
    qtbot.addWidget(w)
    w.show()
    QtCore.QTimer.singleShot(0, lambda: 1 / 0)
    qtbot.waitUntil(lambda: getattr(w, "_error_box", None) is not None, timeout=2000)
    assert str(log_file()) in w._error_box.text()
    assert not w._error_box.isModal()
    for h in logging.getLogger().handlers:
        h.flush()
    assert "ZeroDivisionError" in log_file().read_text()
    assert w.isVisible()
    w._error_box.close()
    w.close()


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_desktop_entry_installs_validates_and_uninstalls(app_home, capsys):
    assert main(["--install-desktop"]) == 0
    desktop = app_home / "data" / "applications" / "khalkhin-gol.desktop"
    icon = app_home / "data" / "icons" / "hicolor" / "scalable" / "apps" / "khalkhin-gol.svg"
    assert desktop.exists() and icon.read_text().startswith("<svg")
    text = desktop.read_text()
    assert "Exec=" in text and "Icon=khalkhin-gol" in text and "Categories=Education;History;" in text
    assert "Name[ru]=Халхин-Гол 1939" in text and "Name[ja]=ノモンハン事件 1939" in text  # the menu in their language
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils); .ci/run installs it")
    result = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    assert main(["--uninstall-desktop"]) == 0
    assert not desktop.exists() and not icon.exists()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("*.whl"))


def test_wheel_contains_the_content_and_finds_it_from_anywhere(wheel, tmp_path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "viewer/_assets/events.yaml",
        "viewer/_assets/geo/claims.geojson",
        "viewer/_assets/geo/rivers.geojson",
        "viewer/_assets/geo/LICENSE-LGPL-3.txt",
        "viewer/_assets/geo/README.md",
        "viewer/core/events.schema.json",
        "viewer/_assets/i18n/ru.yaml",
        "viewer/_assets/i18n/mn.yaml",
        "viewer/_assets/i18n/ja.yaml",
        "viewer/resources/i18n/viewer_ja.qm",
        "viewer/resources/fonts/NotoSans-Regular-Subset.ttf",
        "viewer/resources/fonts/OFL-NotoSans.txt",
        "viewer/resources/khalkhin-gol.svg",
    ):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "assets/")) for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "khalkhin-gol = viewer.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "check"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "PYTHONPATH": str(site)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "content OK" in result.stdout
    assert re.search(r"ja: (\d+) of \1 texts translated", result.stdout), result.stdout  # the translations came along
    probe = subprocess.run(
        [sys.executable, "-c", "import viewer.assets as a; print(a.content_dir())"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "PYTHONPATH": str(site)},
    )
    assert probe.stdout.strip().startswith(str(site))


def test_lang_on_the_command_line_wins_over_the_remembered_language(qtbot, scenario, app_home):
    w = open_window(qtbot, scenario)
    w.state.language = "ru"
    w.close()
    w2 = build_window(scenario, None, Settings(), lang="ja", naming="japanese")
    qtbot.addWidget(w2)
    assert (w2.state.language, w2.state.naming) == ("ja", "japanese")
    assert w2.windowTitle() == scenario.display_title("ja", "japanese")
    w2.close()
    w3 = open_window(qtbot, scenario)  # remembered: what the last window showed
    assert w3.state.language == "ja"
    w3.close()
