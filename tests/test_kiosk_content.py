"""A museum's own content: `--content DIR` everywhere, and the kiosk's watch on it — a valid change is swapped in
at the next tour, an invalid one is refused and logged while the running content stays."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import shiboken6

from viewer import cli
from viewer.core.scenario import load_scenario
from viewer.kiosk_config import KioskConfig
from viewer.ui.kiosk_host import KioskHost

TITLE = "May–June 1939: first clashes and the air war"


def test_content_swap_valid_and_invalid(qtbot, content_copy, caplog, monkeypatch):
    caplog.set_level(logging.INFO, logger="viewer.kiosk")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the swap installs the new kiosk's; put it back after
    host = KioskHost(load_scenario(content_copy), KioskConfig(idle_seconds=60, tour_seconds=60), content_copy, [])
    try:
        _swap(qtbot, host, content_copy, caplog)
    finally:
        host.stop()
        host.kiosk.release()  # the window of whichever content runs now; a swap released the one before


def _swap(qtbot, host, content_copy, caplog):
    first = host.window
    host.show()
    events = content_copy / "events.yaml"
    original = events.read_text(encoding="utf-8")
    assert TITLE in original

    events.write_text(original.replace("chapters:", "chapters: [", 1), encoding="utf-8")  # a curator's slip
    qtbot.waitUntil(lambda: "was refused; the running content stays" in caplog.text, timeout=15000)
    assert "events.yaml:" in caplog.text  # the problems are listed with their place
    assert host.pending is None
    host.kiosk.start_tour()
    assert host.window is first and host.kiosk.touring  # the tour runs on the old content
    assert first.scenario.chapters[1].title["en"] == TITLE

    events.write_text(original.replace(TITLE, "May–June 1939: the museum's own title"), encoding="utf-8")
    qtbot.waitUntil(lambda: "is valid; it replaces the running content at the next tour" in caplog.text, timeout=15000)
    assert host.window is first  # not in the middle of a tour or a visit
    host.kiosk.stop_tour()
    host.kiosk.start_tour()  # the next tour: the swap
    second = host.window
    assert second is not first and second.isVisible()
    assert "May–June 1939: the museum's own title" in [c.title["en"] for c in second.scenario.chapters]
    qtbot.waitUntil(lambda: host.kiosk.touring, timeout=3000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(first) or not first.isVisible(), timeout=3000)
    assert "content swapped (1 so far)" in caplog.text


def test_content_option_for_every_mode(tmp_path, capsys, content_copy, monkeypatch):
    runs = {}
    monkeypatch.setattr("viewer.ui.app.run_app", lambda scenario, *a: runs.setdefault("app", scenario) and 0)
    monkeypatch.setattr("viewer.ui.app.run_presenter", lambda scenario, *a: runs.setdefault("present", scenario) and 0)
    monkeypatch.setattr("viewer.ui.app.run_kiosk", lambda scenario, *a: runs.setdefault("kiosk", scenario) and 0)
    monkeypatch.setattr("viewer.kiosk_service.wait_for_display", lambda timeout: True)
    (content_copy / "events.yaml").write_text(
        (content_copy / "events.yaml").read_text(encoding="utf-8").replace(TITLE, "A museum title"), encoding="utf-8"
    )
    for argv in (
        ["--content", str(content_copy)],
        ["--present", "--content", str(content_copy)],
        ["kiosk", "--content", str(content_copy)],
    ):
        assert cli.main(argv) == 0
    assert all("A museum title" in [c.title["en"] for c in s.chapters] for s in runs.values()) and len(runs) == 3
    assert cli.main(["--content", str(tmp_path)]) == 2
    assert f"{tmp_path}: no events.yaml here" in capsys.readouterr().err


def test_start_up_errors_reach_the_log_file(app_home, content_copy, capsys, monkeypatch):
    """A kiosk that cannot start leaves its reason in the log, not only on a terminal nobody watches."""
    from viewer import kiosk_cli
    from viewer.logs import log_file

    events = content_copy / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("chapters:", "chapters: [", 1), encoding="utf-8")
    assert cli.main(["kiosk", "--content", str(content_copy)]) == 2
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first.startswith(f"{events}:") and err.count(first) == 1  # printed once, plainly
    assert first in log_file().read_text(encoding="utf-8")
    monkeypatch.setattr("viewer.kiosk_service.wait_for_display", lambda timeout: False)
    assert kiosk_cli.run(None, None, None, None) == 75  # EX_TEMPFAIL: the service manager tries again
    assert "kiosk: no display after 120 s" in log_file().read_text(encoding="utf-8")


def test_the_app_without_a_display_says_so_and_logs_it(app_home, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": str(tmp_path / "no-such-socket")}
    env.pop("DISPLAY", None)
    run = subprocess.run([sys.executable, "-m", "viewer"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "no display to open a window on" in run.stderr and "Traceback" not in run.stderr
    assert "no display to open a window on" in (app_home / "state" / "khalkhin-gol.log").read_text(encoding="utf-8")


def test_config_problems_are_shown_to_staff_at_start(qtbot, scenario, tmp_path, monkeypatch):
    from pyqtgraph.Qt import QtWidgets

    from viewer.kiosk_config import read_kiosk_config
    from viewer.ui.kiosk_host import ProblemsBanner

    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nexit_chord = Ctrl+Alt+Shift+Quit\n")
    problems = read_kiosk_config(path).problems
    host = KioskHost(scenario, KioskConfig(idle_seconds=60), None, problems)
    try:
        host.show()
        [banner] = host.window.findChildren(ProblemsBanner)
        assert banner.isVisible() and banner.y() == 0 and banner.width() == host.window.width()
        assert f"{path}:2: exit_chord: unknown key 'Quit'" in banner.text() and banner.text().startswith(
            "kiosk.ini: 1 problem(s)"
        )
        assert isinstance(banner, QtWidgets.QLabel) and banner.textFormat() == banner.textFormat().PlainText
    finally:
        host.stop()
        host.kiosk.release()
