"""The technician's trial of the kiosk service, with a real systemd: install the unit the app writes, start it on
an X display, kill -9 the kiosk and watch systemd start it again, freeze its event loop (SIGSTOP) and watch the
watchdog kill and restart it; a screenshot of the screen at each stage (xwd, as PNG) to look at.

It runs a private systemd user manager, so it needs root on Linux, systemd, Xvfb and xwd:
- in its own mount namespace, where /run/systemd/system is made to exist (systemd refuses to run as a user
  manager on a machine not booted with it, such as a container whose PID 1 is something else);
- in its own cgroup (a manager moves every process of its cgroup into its init.scope: at the root cgroup that
  would be every process of the machine);
- with its own XDG folders (config, state, data, runtime), so the unit goes where the manager looks and nothing
  touches the real user's folders; DISPLAY and PYTHONPATH are imported into the manager's environment, as a
  graphical session's start-up does with DISPLAY (`systemctl --user import-environment DISPLAY`).

Run: sudo python tools/kiosk_service_trial.py [OUTDIR]   (from the checkout; about two minutes)
Exit 0: every step happened; 1: a step failed (it says which); 77: systemd cannot be run here (it says why).
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
UNIT = "khalkhin-gol-kiosk.service"
SKIP = 77
CGROUPS = Path("/sys/fs/cgroup")
KIOSK_INI = "[kiosk]\nidle_seconds = 5  ; the tour starts soon, so the screenshots show it\nstatistics = no\n"
MANAGER = """set -e
mount -t tmpfs -o mode=755 tmpfs /run/systemd
mkdir /run/systemd/system
for hierarchy in {cgroups}; do
    mkdir "$hierarchy/{name}"
    echo $$ > "$hierarchy/{name}/cgroup.procs"
done
exec {systemd} --user
"""


class Failed(RuntimeError):
    pass


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def wait_until(test: Callable[[], object], timeout: float, what: str, poll: float = 0.25) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = test()
        if value:
            return value
        time.sleep(poll)
    raise Failed(f"{what}: not within {timeout:.0f} s")


def xwd_pixels(dump: bytes) -> bytes:
    """The pixels of an xwd dump: after its header (its size the first field) and its colour map (12 bytes an
    entry; their count the 20th field)."""
    header, colours = struct.unpack(">I", dump[:4])[0], struct.unpack(">I", dump[76:80])[0]
    return dump[header + 12 * colours :]


def xwd_image(dump: bytes):
    """An xwd dump of Xvfb's 24-bit screen (32 bits a pixel, least significant byte first: Qt's RGB32 on this
    little-endian machine) as a QImage, so no image tool beyond xwd is needed."""
    from PySide6 import QtGui

    width, height = struct.unpack(">II", dump[16:24])
    byte_order, bits, line = struct.unpack(">I", dump[28:32])[0], *struct.unpack(">II", dump[44:52])
    if bits != 32 or byte_order != 0 or sys.byteorder != "little":
        raise Failed(f"an xwd dump of {bits} bits a pixel, byte order {byte_order}: only 32, LSB first is read")
    return QtGui.QImage(xwd_pixels(dump), width, height, line, QtGui.QImage.Format.Format_RGB32).copy()


def why_not() -> str | None:
    """Why this machine cannot run the trial, or None."""
    if not sys.platform.startswith("linux"):
        return "systemd runs on Linux only"
    if os.geteuid() != 0:
        return "a private user manager needs root (a mount namespace and a cgroup of its own)"
    for tool in ("unshare", "nsenter", "systemctl", "Xvfb", "xwd", "xdotool"):
        if not shutil.which(tool):
            return f"{tool} is not installed"
    if systemd_binary() is None:
        return "systemd is not installed"
    hierarchies = cgroup_hierarchies()
    if not hierarchies or not all(os.access(h, os.W_OK) for h in hierarchies):
        return f"no writable cgroup hierarchy under {CGROUPS}"
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"no mount namespace of its own ({probe.stderr.strip()})"
    return None


def systemd_binary() -> str | None:
    for candidate in ("/lib/systemd/systemd", "/usr/lib/systemd/systemd"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def cgroup_hierarchies() -> list[Path]:
    """The hierarchies systemd places its units in: the unified one (cgroup v2) and, on a hybrid machine, the
    named v1 hierarchy "systemd". (v1 cpuset would want its CPUs and memory nodes set before a process joins.)"""
    if (CGROUPS / "cgroup.procs").exists():
        return [CGROUPS]  # cgroup v2 only
    return [CGROUPS / h for h in ("systemd", "unified") if (CGROUPS / h / "cgroup.procs").exists()]


def start_xvfb(timeout: float = 30.0) -> tuple[subprocess.Popen, str]:
    """An Xvfb on a display number the server picks (-displayfd), so parallel runs never share one.
    Xvfb writes the number once it accepts connections, so reading it is the wait for readiness.
    (The kiosk's tests start theirs with this too.)"""
    read_fd, write_fd = os.pipe()
    try:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        write_fd = -1
        out = b""
        deadline = time.monotonic() + timeout
        while not out.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or xvfb.poll() is not None:
                xvfb.kill()
                xvfb.wait()
                raise Failed(f"Xvfb did not report a display within {timeout:.0f} s (exit code {xvfb.returncode})")
            ready, _, _ = select.select([read_fd], [], [], left)
            if ready:
                chunk = os.read(read_fd, 64)
                if not chunk:  # Xvfb closed the pipe without a number: loop once more to see it exit
                    xvfb.wait(timeout=5)
                out += chunk
        return xvfb, f":{int(out)}"
    finally:
        os.close(read_fd)
        if write_fd >= 0:
            os.close(write_fd)


class Trial:
    def __init__(self, out: Path):
        self.out = out
        self.tmp = Path(tempfile.mkdtemp(prefix="kiosk-service-trial-"))
        self.cgroup = f"khalkhin-gol-trial-{os.getpid()}"
        xdg = {name: self.tmp / name.lower() for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}
        for folder in xdg.values():
            folder.mkdir()
        runtime = self.tmp / "runtime"
        runtime.mkdir(mode=0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.tmp),
            "LANG": "C.UTF-8",
            "XDG_RUNTIME_DIR": str(runtime),
            **{k: str(v) for k, v in xdg.items()},
        }
        self.manager: subprocess.Popen | None = None
        self.xvfb: subprocess.Popen | None = None
        self.display = ""
        self.shots: list[Path] = []

    # --- the pieces -------------------------------------------------------------------------
    def start_manager(self) -> None:
        script = MANAGER.format(
            cgroups=" ".join(f'"{h}"' for h in cgroup_hierarchies()), name=self.cgroup, systemd=systemd_binary()
        )
        self.manager_log = (self.tmp / "manager.log").open("wb")
        self.manager = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
            env={**self.env, "SYSTEMD_LOG_TARGET": "null"},  # "console" would be the machine's /dev/console
            stdout=self.manager_log,
            stderr=subprocess.STDOUT,
        )
        wait_until(
            lambda: self.systemctl("is-system-running", check=False).stdout.strip() in ("running", "degraded"),
            60,
            "the user manager to run (its log: " + str(self.tmp / "manager.log") + ")",
        )

    def systemctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """systemctl --user in the manager's mount namespace (where it sees a system booted with systemd)."""
        assert self.manager is not None
        if self.manager.poll() is not None:
            raise Failed(f"the user manager exited ({self.manager.returncode}); its log: {self.tmp / 'manager.log'}")
        command = ["nsenter", "-t", str(self.manager.pid), "-m", "systemctl", "--user", *args]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=60)
        if check and result.returncode != 0:
            raise Failed(f"systemctl --user {' '.join(args)}: {result.stderr.strip()}")
        return result

    def prop(self, name: str) -> str:
        return self.show(name)[name]

    def show(self, *names: str) -> dict[str, str]:
        out = self.systemctl("show", *(f"-p{n}" for n in names), UNIT).stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def install(self) -> None:
        """As the technician does: a kiosk.ini, then `kiosk --install-service` (which enables the unit itself
        when it finds a user manager)."""
        ini = self.tmp / "kiosk.ini"
        ini.write_text(KIOSK_INI)
        env = {**self.env, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
        command = ["nsenter", "-t", str(self.manager.pid), "-m", sys.executable, "-m", "viewer", "kiosk"]  # type: ignore[union-attr]
        result = subprocess.run(
            [*command, "--config", str(ini), "--install-service"], env=env, capture_output=True, text=True, timeout=120
        )
        say("kiosk --install-service:\n    " + (result.stdout + result.stderr).strip().replace("\n", "\n    "))
        unit = Path(self.env["XDG_CONFIG_HOME"]) / "systemd" / "user" / UNIT
        if result.returncode != 0 or not unit.is_file():
            raise Failed("the unit was not written")
        if "enabled" not in result.stdout or "not enabled" in result.stdout:
            raise Failed("the unit was not enabled")
        say(f"the unit ({unit}):\n    " + unit.read_text().strip().replace("\n", "\n    "))

    def screenshot(self, name: str) -> None:
        """The whole screen, once something is drawn on it (a window just shown is black for a moment)."""
        path = self.out / f"{len(self.shots) + 1:02d}-{name}.png"
        wait_until(lambda: self.screen_now() == "drawn", 60, f"something drawn on the screen for {path.name}")
        dump = wait_until(self.xwd, 10, f"a readable dump of the screen for {path.name}")
        if not xwd_image(dump).save(str(path)):  # type: ignore[arg-type]
            raise Failed(f"{path} could not be written")
        self.shots.append(path)
        say(f"screenshot {path}")

    def xwd(self) -> bytes:
        """The screen's dump, or b"" where xwd failed this once (seen under load, as the killed kiosk's window went)."""
        done = subprocess.run(["xwd", "-root", "-silent", "-display", self.display], capture_output=True, timeout=60)
        return done.stdout if done.returncode == 0 and len(done.stdout) > 100 else b""

    def screen_now(self) -> str:
        """ "black" (nothing shown), "plain" (one colour: the kiosk's splash), "drawn" (the kiosk's frame) or "unread"
        (xwd failed this time), read from xwd's dump itself, quick enough to poll every few tenths of a second."""
        dump = self.xwd()
        if not dump:
            return "unread"  # asked again at the next poll
        pixels = xwd_pixels(dump)
        first = pixels[:4]
        if pixels != first * (len(pixels) // 4):
            return "drawn"
        return "black" if not first.strip(b"\0") else "plain"

    def black_gap(self, since: float, timeout: float, ends: set[str]) -> tuple[float, float]:
        """Seconds from `since` (the kill) until the screen is not black (the new kiosk's splash or frame) and
        until the kiosk's frame is back: what a visitor sees. The screen must go black first (the killed
        kiosk's window gone). Meanwhile what systemd said of the end is collected into `ends` (it says so only
        while it waits to restart)."""
        seen: dict[str, float] = {}

        def screen(*wanted: str) -> bool:
            unit = self.show("Result", "SubState")
            if unit["SubState"] == "auto-restart":
                ends.add(unit["Result"])
            now = self.screen_now()
            seen.setdefault(now, time.monotonic())
            return now in wanted

        wait_until(lambda: screen("black"), 10, "the killed kiosk's window to go", poll=0.05)
        seen.clear()
        wait_until(lambda: screen("drawn"), timeout, "the kiosk's frame on the screen after the restart", poll=0.05)
        return min(seen.get("plain", seen["drawn"]), seen["drawn"]) - since, seen["drawn"] - since

    def tap(self, x: int, y: int) -> None:
        subprocess.run(
            ["xdotool", "mousemove", str(x), str(y), "click", "1"], env={**os.environ, "DISPLAY": self.display}, check=True
        )

    def kiosk_window(self) -> bool:
        """A visible window of the kiosk's size on the display (the kiosk is fullscreen)."""
        env = {**os.environ, "DISPLAY": self.display}
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "."], env=env, capture_output=True, text=True)
        for window in found.stdout.split():
            geometry = subprocess.run(["xdotool", "getwindowgeometry", window], env=env, capture_output=True, text=True)
            if "1920x1080" in geometry.stdout:
                return True
        return False

    def running(self, not_pid: str = "") -> str:
        """The kiosk's pid once systemd has it active (its window up: Type=notify, READY=1), else ''."""
        unit = self.show("MainPID", "ActiveState")
        if unit["ActiveState"] == "active" and unit["MainPID"] not in ("", "0", not_pid) and self.kiosk_window():
            return unit["MainPID"]
        return ""

    def restarted(self, old: str, timeout: float) -> tuple[str, set[str]]:
        """Wait for a new kiosk to be up; also what systemd said of the old one's end while it waited to restart
        it (Result, shown for RestartSec in the state auto-restart: "signal" for a kill, "watchdog")."""
        results: set[str] = set()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            unit = self.show("Result", "SubState")
            if unit["SubState"] == "auto-restart":
                results.add(unit["Result"])
            pid = self.running(not_pid=old)
            if pid:
                return pid, results
            time.sleep(0.1)
        raise Failed(f"no new kiosk within {timeout:.0f} s (systemd said: {results or 'nothing'})")

    # --- the trial --------------------------------------------------------------------------
    def run(self) -> None:
        say(f"work folder {self.tmp}; screenshots in {self.out}")
        self.xvfb, self.display = start_xvfb()
        say(f"Xvfb on {self.display}")
        self.start_manager()
        version = subprocess.run([str(systemd_binary()), "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        say(f"a systemd user manager runs: pid {self.manager.pid} ({version})")  # type: ignore[union-attr]
        self.install()
        self.systemctl("set-environment", f"DISPLAY={self.display}", "QT_QPA_PLATFORM=xcb", f"PYTHONPATH={REPO}")
        self.systemctl("start", UNIT)  # what the graphical session does with an enabled unit
        first = str(wait_until(self.running, 120, "the kiosk to be active with its window shown"))
        say(f"kiosk active, pid {first}, watchdog {self.prop('WatchdogUSec')}, restart {self.prop('Restart')}")
        time.sleep(9)  # idle_seconds = 5: the tour and its call to action are on the screen
        self.screenshot("started")
        self.tap(600, 600)  # a visitor touches the map: the tour stops, the call to action goes
        time.sleep(2)
        self.screenshot("touched")

        say(f"kill -9 {first}")
        killed = time.monotonic()
        os.kill(int(first), signal.SIGKILL)
        ends: set[str] = set()
        black, back = self.black_gap(killed, 120, ends)
        say(
            f"the screen was black for {black:.1f} s after kill -9 (RestartSec {self.prop('RestartUSec')}, then start-up "
            f"to the splash); the map was back after {back:.1f} s"
        )
        second, why = self.restarted(first, 120)
        why |= ends
        say(f"systemd started it again: pid {second}, restarts so far {self.prop('NRestarts')}; the end it saw: {why}")
        if why != {"signal"}:
            raise Failed(f"systemd saw the killed kiosk end with {why}, not signal")
        time.sleep(9)
        self.screenshot("after-kill")

        say(f"kill -STOP {second}: its event loop stops pinging the watchdog")
        os.kill(int(second), signal.SIGSTOP)
        frozen = time.monotonic()
        time.sleep(2)
        self.screenshot("frozen")
        third, why = self.restarted(second, 180)
        say(
            f"restarted {time.monotonic() - frozen:.0f} s after the freeze: pid {third}, restarts so far "
            f"{self.prop('NRestarts')}; the end it saw: {why}"
        )
        if why != {"watchdog"}:
            raise Failed(f"systemd saw the frozen kiosk end with {why}, not watchdog")
        time.sleep(9)
        self.screenshot("after-watchdog")

        self.systemctl("stop", UNIT)
        wait_until(lambda: self.prop("ActiveState") == "inactive", 60, "systemctl stop")
        log = Path(self.env["XDG_STATE_HOME"]) / "khalkhin-gol" / "khalkhin-gol.log"
        starts = log.read_text().count("kiosk: started, version") if log.is_file() else 0
        say(f"stopped; the kiosk's log ({log}) records {starts} starts")
        if starts != 3:
            raise Failed(f"the kiosk's log records {starts} starts, not 3")

    def close(self) -> None:
        if self.manager is not None and self.manager.poll() is None:
            self.systemctl("stop", UNIT, check=False)
            self.manager.terminate()  # SIGTERM: the user manager stops its units and exits
            try:
                self.manager.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.manager.kill()
                self.manager.wait()
        if self.xvfb is not None:
            self.xvfb.terminate()
            self.xvfb.wait()
        for hierarchy in cgroup_hierarchies():  # the manager's cgroups, deepest first
            top = hierarchy / self.cgroup
            if top.is_dir():
                for folder in sorted((p for p in top.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
                    folder.rmdir()
                top.rmdir()


def main(argv: list[str]) -> int:
    reason = why_not()
    if reason:
        print(f"kiosk service trial skipped: {reason}")
        return SKIP
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="kiosk-service-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    trial = Trial(out)
    try:
        trial.run()
    except Failed as exc:
        say(f"FAILED: {exc} (the work folder {trial.tmp} is kept: the unit, the kiosk's log)")
        return 1
    finally:
        trial.close()
    shutil.rmtree(trial.tmp, ignore_errors=True)
    say("all steps happened: installed, started, restarted after kill -9, restarted by the watchdog when frozen")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
