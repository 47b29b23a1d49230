"""Running the kiosk as a service: a systemd user unit (restarted on exit, crash or a frozen interface) and an
XDG autostart entry for desktops without systemd; the service manager's notify protocol (a datagram to
$NOTIFY_SOCKET, no library needed); waiting for the display instead of aborting; one kiosk per user.

No Qt here: the Qt side (viewer/ui/kiosk_host.py) calls `notify("WATCHDOG=1")` from a timer of its event loop,
so a frozen loop stops the pings and the service manager restarts the process.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .core.safe_files import atomic_write_text
from .paths import state_dir

log = logging.getLogger("viewer.kiosk")
UNIT_NAME = "khalkhin-gol-kiosk.service"
AUTOSTART_NAME = "khalkhin-gol-kiosk.desktop"
WATCHDOG_SECONDS = 30
# After an end, start again this soon: the screen is black meanwhile. Not sooner: with no start limit, a kiosk
# that cannot start at all (a broken installation) tries once a second, not in a tight loop that eats the CPU
# (systemd 252 of Debian 12 has no RestartSteps to back off with).
RESTART_SECONDS = 1
EXIT_NO_DISPLAY = 75  # EX_TEMPFAIL: the service manager starts it again


# --- where the files go -----------------------------------------------------------------------------------


def _config_home() -> Path:
    home = os.environ.get("KHALKHIN_GOL_HOME")
    if home:  # tests and trials: never the real user's folders
        return Path(home) / "xdg-config"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def unit_path() -> Path:
    return _config_home() / "systemd" / "user" / UNIT_NAME


def autostart_path() -> Path:
    return _config_home() / "autostart" / AUTOSTART_NAME


def kiosk_command(extra: list[str]) -> list[str]:
    """This Python running this package's kiosk: the same installation the technician ran --install-service from."""
    return [sys.executable, "-m", "viewer", "kiosk", *extra]


def _systemd_word(arg: str) -> str:
    """One ExecStart word: % and $ are systemd's specifiers and variables, so they are doubled; quoted if needed."""
    arg = arg.replace("%", "%%").replace("$", "$$")
    if re.fullmatch(r"[\w@%+=:,./-]+", arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _desktop_word(arg: str) -> str:
    """One Exec word of a desktop entry (its own quoting rules; % is a field code, so doubled)."""
    arg = arg.replace("%", "%%")
    if re.fullmatch(r"[\w@%+=:,./-]+", arg):
        return arg
    return '"' + re.sub(r'(["`$\\])', r"\\\1", arg).replace("\\", "\\\\") + '"'


def unit_text(command: list[str]) -> str:
    """The systemd user unit. Type=notify: started means the window's first frame is on the screen (READY=1);
    WatchdogSec: no ping from the event loop for that long and systemd kills and restarts it; Restart=always
    with no start limit: a kiosk never gives up, and RESTART_SECONDS after an end it starts again (the screen
    is black until its first frame); it belongs to the graphical session, so it starts after the display."""
    env = os.environ.get("KHALKHIN_GOL_HOME")
    environment = f"Environment={_systemd_word('KHALKHIN_GOL_HOME=' + env)}\n" if env else ""
    return (
        "[Unit]\n"
        "Description=Khalkhin Gol 1939 museum kiosk\n"
        "PartOf=graphical-session.target\n"
        "After=graphical-session.target\n"
        "StartLimitIntervalSec=0\n"
        "\n"
        "[Service]\n"
        "Type=notify\n"
        "NotifyAccess=main\n"
        f"ExecStart={' '.join(_systemd_word(a) for a in command)}\n"
        f"{environment}"
        "Restart=always\n"
        f"RestartSec={RESTART_SECONDS}\n"
        f"WatchdogSec={WATCHDOG_SECONDS}\n"
        "TimeoutStartSec=180\n"
        "\n"
        "[Install]\n"
        "WantedBy=graphical-session.target\n"
    )


def autostart_text(command: list[str]) -> str:
    """For desktops without systemd. X-systemd-skip: where systemd turns autostart entries into units, the
    unit above runs instead (and a second copy would stop at the single-instance lock anyway)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Khalkhin Gol 1939 kiosk\n"
        "Comment=Museum kiosk of the 1939 battles of Khalkhin Gol\n"
        f"Exec={' '.join(_desktop_word(a) for a in command)}\n"
        "NoDisplay=true\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
        "X-systemd-skip=true\n"
    )


def install(extra: list[str], run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> list[str]:
    """Write the unit and the autostart entry; enable the unit where a user service manager runs.
    Returns what was done, one line each, for the technician."""
    command = kiosk_command(extra)
    report = []
    for path, text in ((unit_path(), unit_text(command)), (autostart_path(), autostart_text(command))):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        report.append(f"wrote {path}")
    if shutil.which("systemctl") and not os.environ.get("KHALKHIN_GOL_HOME"):
        reload = run(["systemctl", "--user", "daemon-reload"], capture_output=True, text=True)
        enable = run(["systemctl", "--user", "enable", UNIT_NAME], capture_output=True, text=True)
        if reload.returncode == 0 and enable.returncode == 0:
            report.append(
                f"enabled {UNIT_NAME}: it starts with the next graphical session (now: systemctl --user start {UNIT_NAME})"
            )
        else:
            why = (enable.stderr or reload.stderr).strip().splitlines()[-1:] or ["no user service manager"]
            report.append(f"not enabled ({why[0]}): the autostart entry starts the kiosk at login instead")
    else:
        report.append(f"to start it with the session: systemctl --user enable --now {UNIT_NAME} (or log in: autostart)")
    return report


def uninstall() -> list[str]:
    removed = []
    for path in (unit_path(), autostart_path()):
        if path.is_file():
            path.unlink()
            removed.append(f"removed {path}")
    return removed


# --- the notify protocol ----------------------------------------------------------------------------------


def notify(message: str) -> bool:
    """Tell the service manager something (READY=1, WATCHDOG=1, STATUS=…, STOPPING=1); False when none listens."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]  # an abstract socket
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | getattr(socket, "SOCK_CLOEXEC", 0)) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as exc:
        log.warning("cannot notify the service manager at %s (%s)", address, exc)
        return False
    return True


def watchdog_seconds() -> float | None:
    """The watchdog period the service manager asked for (WatchdogSec), if it asked this process."""
    usec, pid = os.environ.get("WATCHDOG_USEC"), os.environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    try:
        seconds = int(usec) / 1e6
    except ValueError:
        return None
    return seconds if seconds > 0 else None


# --- the display ------------------------------------------------------------------------------------------


def _display_address() -> tuple[int, object] | None:
    """Where the display server listens, from WAYLAND_DISPLAY or DISPLAY; None when neither names one."""
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland:
        runtime = os.environ.get("XDG_RUNTIME_DIR", f"/run/user/{os.getuid()}")
        return socket.AF_UNIX, wayland if wayland.startswith("/") else os.path.join(runtime, wayland)
    m = re.fullmatch(r"(?:unix/)?([\w.-]*):(\d+)(?:\.\d+)?", os.environ.get("DISPLAY", ""))
    if not m:
        return None
    host, number = m[1], int(m[2])
    if host in ("", "unix", "localhost") and Path(f"/tmp/.X11-unix/X{number}").exists():
        return socket.AF_UNIX, f"/tmp/.X11-unix/X{number}"
    return socket.AF_INET, (host if host not in ("", "unix") else "localhost", 6000 + number)


def display_ready() -> bool:
    """Can a client connect to the display now? (Qt aborts the whole process when it cannot.) Elsewhere than
    Linux the platform's own window system is always there."""
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return True
    address = _display_address()
    if address is None:
        return False
    family, where = address
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            sock.connect(where)  # type: ignore[arg-type]
    except OSError:
        return False
    return True


def wait_for_display(timeout: float, sleep: Callable[[float], None] = time.sleep) -> bool:
    """Retry until the display accepts connections (a kiosk started before the X server is up), at most
    `timeout` seconds; each wait is logged so a black screen has an explanation in the log."""
    deadline = time.monotonic() + timeout
    pause = 0.5
    while not display_ready():
        if time.monotonic() >= deadline:
            return False
        log.warning(
            "kiosk: no display yet (DISPLAY=%s, WAYLAND_DISPLAY=%s); trying again in %.0f s",
            os.environ.get("DISPLAY", ""),
            os.environ.get("WAYLAND_DISPLAY", ""),
            pause,
        )
        notify(f"STATUS=waiting for the display, {max(0.0, deadline - time.monotonic()):.0f} s left")
        sleep(pause)
        pause = min(pause * 2, 10.0)
    return True


# --- one kiosk per user -----------------------------------------------------------------------------------


def single_instance() -> IO[str] | None:
    """Hold the kiosk lock for the life of the process; None when another kiosk of this user holds it."""
    path = state_dir() / "kiosk.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a")
    if sys.platform == "win32":  # no service manager there either; the lock matters for autostart + systemd
        return handle
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle
