"""The kiosk as a service: the unit systemd-analyze accepts, the notify protocol, waiting for a display, one
kiosk per user — and the watchdog restarting a kiosk whose event loop froze (a real process under Xvfb)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_kiosk import XVFB, PaintCounter, _log_has, _start_xvfb, _wait_for

from viewer import cli, kiosk_service


def _verify(unit: Path, runtime: Path) -> subprocess.CompletedProcess:
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    return subprocess.run(["systemd-analyze", "--user", "verify", str(unit)], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs Debian's systemd (.ci/run installs it)")
def test_the_installed_unit_is_accepted_by_systemd_analyze(app_home, tmp_path, capsys):
    assert cli.main(["kiosk", "--install-service", "--config", str(tmp_path / "my 100% kiosk.ini")]) == 0
    out = capsys.readouterr().out
    unit, autostart = kiosk_service.unit_path(), kiosk_service.autostart_path()
    assert f"wrote {unit}" in out and f"wrote {autostart}" in out
    text = unit.read_text()
    for line in (
        "Type=notify",
        "Restart=always",
        "RestartSec=1",  # a killed kiosk's black screen lasts this plus its start-up (tools/kiosk_service_trial.py)
        "WatchdogSec=30",
        "After=graphical-session.target",
        "WantedBy=graphical-session.target",
    ):
        assert line in text.splitlines()
    assert '"' + str(tmp_path / "my 100%% kiosk.ini") + '"' in text  # quoted, and % is not a specifier
    result = _verify(unit, tmp_path / "runtime")
    if "Failed to initialize manager" in result.stderr:
        pytest.skip(f"systemd-analyze cannot run here: {result.stderr.strip()}")
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
    # the same check does see a broken unit (it only warns on unknown keys, so its output is what counts)
    broken = tmp_path / kiosk_service.UNIT_NAME
    broken.write_text(text.replace("Restart=always", "Restart=sometimes").replace("WatchdogSec", "WatchdgSec"))
    complaints = _verify(broken, tmp_path / "runtime").stderr
    assert "restart specifier" in complaints and "WatchdgSec" in complaints
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(autostart)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    assert "X-systemd-skip=true" in autostart.read_text()
    assert cli.main(["kiosk", "--uninstall-service"]) == 0 and not unit.exists() and not autostart.exists()


def test_notify_speaks_the_service_managers_protocol(tmp_path, monkeypatch):
    assert not kiosk_service.notify("READY=1")  # nobody listens: nothing happens
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        monkeypatch.setenv("NOTIFY_SOCKET", str(path))
        assert kiosk_service.notify("READY=1\nSTATUS=up")
        assert sock.recv(100) == b"READY=1\nSTATUS=up"
    name = f"kg-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)  # an abstract socket, as systemd gives: NOTIFY_SOCKET=@name
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert kiosk_service.notify("WATCHDOG=1") and sock.recv(100) == b"WATCHDOG=1"
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    assert kiosk_service.watchdog_seconds() == 30
    monkeypatch.setenv("WATCHDOG_PID", "1")  # meant for another process
    assert kiosk_service.watchdog_seconds() is None


def test_waiting_for_the_display_retries_until_it_is_there(tmp_path, monkeypatch, caplog):
    display = tmp_path / "wayland-9"
    monkeypatch.setenv("WAYLAND_DISPLAY", str(display))
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    waits = []

    def sleep(seconds: float) -> None:  # the display server comes up during the second wait
        waits.append(seconds)
        if len(waits) == 2:
            server.bind(str(display))
            server.listen()

    try:
        assert kiosk_service.wait_for_display(60, sleep)
    finally:
        server.close()
    assert waits == [0.5, 1.0] and caplog.text.count("no display yet") == 2
    assert not kiosk_service.wait_for_display(0, sleep)  # it is gone again: give up at the deadline


def test_one_kiosk_per_user(app_home):
    first = kiosk_service.single_instance()
    assert first is not None and kiosk_service.single_instance() is None
    first.close()
    again = kiosk_service.single_instance()
    assert again is not None
    again.close()


FREEZE = """import signal, time
def _freeze(*_):  # the test's way to freeze the kiosk's event loop: its next Python callback never returns
    while True:
        time.sleep(3600)
signal.signal(signal.SIGUSR1, _freeze)
"""


class Supervisor:
    """What systemd does for a Type=notify unit with WatchdogSec, in a few lines: a notify socket that tells
    which process spoke (SCM_CREDENTIALS), the watchdog's deadline, and a restart after the kill."""

    def __init__(self, folder: Path, env: dict[str, str], watchdog_s: float):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.sock.bind(str(folder / "notify"))
        self.env = {**env, "NOTIFY_SOCKET": str(folder / "notify"), "WATCHDOG_USEC": str(int(watchdog_s * 1e6))}
        self.watchdog_s = watchdog_s
        self.stderr = (folder / "kiosk.stderr").open("ab")
        self.procs: list[subprocess.Popen] = []

    def start(self) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, "-m", "viewer", "kiosk"], env=self.env, stdout=subprocess.DEVNULL, stderr=self.stderr
        )
        self.procs.append(proc)
        return proc

    def message(self, timeout: float) -> tuple[int, str] | None:
        """The next notification and the pid that sent it, or None after `timeout` seconds of silence."""
        self.sock.settimeout(max(timeout, 0.01))
        try:
            data, ancillary, _flags, _addr = self.sock.recvmsg(4096, socket.CMSG_SPACE(12))
        except TimeoutError:
            return None
        pid = next(struct.unpack("iII", d)[0] for level, kind, d in ancillary if kind == socket.SCM_CREDENTIALS)
        return pid, data.decode()

    def wait_for(self, proc: subprocess.Popen, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"the kiosk exited ({proc.returncode}) before sending {text}", pytrace=False)
            got = self.message(min(1.0, deadline - time.monotonic()))
            if got and got[0] == proc.pid and text in got[1]:
                return
        pytest.fail(f"no {text} from the kiosk within {timeout:.0f} s", pytrace=False)

    def watch(self, proc: subprocess.Popen, limit: float) -> float:
        """Feed on pings; when none came for a whole period, kill as systemd does (SIGABRT). Returns the time
        the process was frozen before the kill."""
        last = time.monotonic()
        deadline = last + limit
        while time.monotonic() < deadline:
            got = self.message(self.watchdog_s)
            if got and got[0] == proc.pid and "WATCHDOG=1" in got[1]:
                last = time.monotonic()
            elif time.monotonic() - last >= self.watchdog_s:
                assert proc.poll() is None, "the kiosk died instead of freezing"
                proc.send_signal(signal.SIGABRT)
                proc.wait(timeout=30)
                return time.monotonic() - last
        pytest.fail(f"the watchdog never fired within {limit:.0f} s", pytrace=False)

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.sock.close()
        self.stderr.close()


@pytest.mark.skipif(not XVFB, reason="needs Debian's xvfb and xdotool (.ci/run installs them)")
def test_the_watchdog_restarts_a_frozen_kiosk(tmp_path):
    """A real kiosk under Xvfb pings the watchdog from its event loop; frozen, the pings stop, the supervisor
    (standing in for systemd, so this runs where no user manager can: the trial below uses a real one) kills it
    and starts it again, and the new one pings."""
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "sitecustomize.py").write_text(FREEZE)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "kiosk.ini").write_text("[kiosk]\nidle_seconds = 1\ntour_seconds = 2\nstatistics = no\n")
    xvfb, display = _start_xvfb()
    env = {
        **os.environ,
        "DISPLAY": display,
        "KHALKHIN_GOL_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": os.pathsep.join([str(tmp_path / "hooks"), str(Path.cwd())]),
    }
    supervisor = Supervisor(tmp_path, env, watchdog_s=3.0)
    log = tmp_path / "state" / "khalkhin-gol.log"
    try:
        first = supervisor.start()
        supervisor.wait_for(first, "READY=1", 90)
        supervisor.wait_for(first, "WATCHDOG=1", 10)
        _wait_for(lambda: _log_has(log, "kiosk: tour started"), 30, "the tour to start")
        first.send_signal(signal.SIGUSR1)  # freeze its event loop
        frozen_for = supervisor.watch(first, 60)
        assert first.returncode == -signal.SIGABRT and frozen_for >= 3.0
        second = supervisor.start()  # Restart=always
        supervisor.wait_for(second, "READY=1", 90)
        supervisor.wait_for(second, "WATCHDOG=1", 10)
        assert second.pid != first.pid and second.poll() is None
        second.send_signal(signal.SIGTERM)  # systemctl stop: a clean exit
        assert second.wait(timeout=30) == 0
        assert _log_has(log, "kiosk: stopped") and log.read_text().count("kiosk: started, version") == 2
    finally:
        supervisor.close()
        xvfb.kill()
        xvfb.wait()


def test_systemd_restarts_the_installed_kiosk(tmp_path):
    """The technician's trial with a real systemd user manager (tools/kiosk_service_trial.py): the unit
    `kiosk --install-service` writes, started under Xvfb, comes back after kill -9 and after its event loop is frozen
    (the watchdog). Skipped where a private user manager cannot run (not root, not Linux, tools missing)."""
    trial = Path(__file__).resolve().parent.parent / "tools" / "kiosk_service_trial.py"
    result = subprocess.run([sys.executable, str(trial), str(tmp_path / "shots")], capture_output=True, text=True, timeout=900)
    if result.returncode == 77:
        pytest.skip(result.stdout.strip())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the end it saw: {'signal'}" in result.stdout and "the end it saw: {'watchdog'}" in result.stdout
    assert "the screen was black for " in result.stdout  # measured, as the visitor sees it
    assert len(list((tmp_path / "shots").glob("*.png"))) == 5


def test_systemd_hears_ready_only_once_the_first_frame_is_painted(qtbot, scenario, monkeypatch):
    """Type=notify: "started" must mean the visitor sees the kiosk. READY=1 goes out after the window's first paint
    (the map's included), not when the window is merely asked to show (the screen is still black then)."""
    from viewer.kiosk_config import KioskConfig
    from viewer.ui import kiosk_host

    told: list[tuple[str, int]] = []
    host = kiosk_host.KioskHost(scenario, KioskConfig(idle_seconds=60, tour_seconds=60), None, [])
    viewport = host.window.map.graphics.viewport()

    paints = PaintCounter(host)
    viewport.installEventFilter(paints)
    monkeypatch.setattr(kiosk_host, "notify", lambda message: told.append((message, paints.count)) or True)
    try:
        host.show()
        assert not told  # asked to show is not shown: nothing told yet
        qtbot.waitUntil(lambda: bool(told), timeout=10000)
        message, painted_before = told[0]
        assert message.startswith("READY=1") and painted_before >= 1
    finally:
        host.stop()
        host.kiosk.release()
