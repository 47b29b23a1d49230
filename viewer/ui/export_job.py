"""An export asked for in the app runs as a separate `python -m viewer export …` process, off-screen: the window
stays responsive (it shows progress and a Cancel button), no second window appears over the desktop, and a
cancelled or crashed export is killed and its part file removed, so nothing is left behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

from pyqtgraph.Qt import QtCore

from ..core.export_limits import lock_name
from ..core.safe_files import PART_MARK, PART_PREFIX
from ..core.view_state import ViewState

FOLDERS = {  # where each kind's save dialog opens
    "png": QtCore.QStandardPaths.StandardLocation.PicturesLocation,
    "svg": QtCore.QStandardPaths.StandardLocation.PicturesLocation,
    "mp4": QtCore.QStandardPaths.StandardLocation.MoviesLocation,
    "gif": QtCore.QStandardPaths.StandardLocation.MoviesLocation,
    "pdf": QtCore.QStandardPaths.StandardLocation.DocumentsLocation,
    "pptx": QtCore.QStandardPaths.StandardLocation.DocumentsLocation,
}


def default_path(kind: str, at: datetime) -> Path:
    """A file name in the user's Pictures, Videos or Documents folder (home if the system names none)."""
    folder = QtCore.QStandardPaths.writableLocation(FOLDERS[kind])
    return Path(folder or Path.home()) / f"khalkhin-gol-{at:%Y-%m-%d}.{kind}"


def export_arguments(kind: str, state: ViewState, out: Path) -> list[str]:
    """The command line of the export the menu entry `kind` stands for, from the view it was asked in."""
    at = state.instant
    common = ["--lang", state.language, "--naming", state.naming, "--layers", ",".join(sorted(state.layers)), "--out", str(out)]
    stamp = f"{at:%Y-%m-%dT%H:%M}"
    if kind in ("png", "svg"):
        return [kind, "--at", stamp, "--size", "3840x2160" if kind == "png" else "1920x1080", *common]
    if kind == "pdf":
        return ["handout", *common]
    if kind == "pptx":
        return ["slides", *common]
    days = 10 if kind == "mp4" else 3
    end = min(at + timedelta(days=days), state.timelines["wide"].end)
    size, fps = ("1920x1080", "30") if kind == "mp4" else ("960x540", "10")
    return [
        "video",
        "--from",
        stamp,
        "--to",
        f"{end:%Y-%m-%dT%H:%M}",
        "--fps",
        fps,
        "--seconds",
        str(days),
        "--size",
        size,
        *common,
    ]


class ExportJob(QtCore.QObject):
    """One export process. `progress(fraction)` while it runs; `done(ok, message)` once at the end."""

    progress = QtCore.Signal(float)
    done = QtCore.Signal(bool, str)

    def __init__(self, arguments: list[str], out: Path, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.out = Path(out)
        self.cancelled = False
        self.errors: list[str] = []
        self.process = QtCore.QProcess(self)
        env = QtCore.QProcessEnvironment.systemEnvironment()
        env.insert("QT_QPA_PLATFORM", "offscreen")  # never a window of its own
        self.process.setProcessEnvironment(env)
        self.process.setProgram(sys.executable)
        self.process.setArguments(["-m", "viewer", "export", "--progress-lines", *arguments])
        self.process.setWorkingDirectory(str(Path(__file__).resolve().parents[2]))  # finds this viewer package
        self._kill = QtCore.QTimer(self)  # a cancelled export that does not stop within 3 s is killed
        self._kill.setSingleShot(True)
        self._kill.setInterval(3000)
        self._kill.timeout.connect(self.process.kill)
        self.process.readyReadStandardError.connect(self._read)
        self.process.finished.connect(self._finished)

    def start(self) -> None:
        self.process.start()

    def cancel(self) -> None:
        """Stop the export: asked nicely first (it removes its own part file), killed if it does not listen."""
        if self.process.state() == QtCore.QProcess.ProcessState.NotRunning:
            return
        self.cancelled = True
        self.process.terminate()
        self._kill.start()

    def stop(self) -> None:
        """Cancel and wait (the window is closing): terminated, killed after 3 s, leftovers removed."""
        self.cancel()
        if not self.process.waitForFinished(3000):
            self.process.kill()
            self.process.waitForFinished(3000)

    def running(self) -> bool:
        return self.process.state() != QtCore.QProcess.ProcessState.NotRunning

    def _read(self) -> None:
        text = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            if line.startswith("progress "):
                with contextlib.suppress(ValueError):
                    self.progress.emit(float(line.split()[1]))
            elif line.strip() and "propagateSizeHints" not in line:
                self.errors.append(line.strip())

    def _finished(self, code: int, _status: QtCore.QProcess.ExitStatus) -> None:
        self._kill.stop()
        self._read()
        ok = code == 0 and not self.cancelled
        if not ok:
            remove_leftovers(self.out)  # a killed export cannot clean up after itself
        message = "" if ok else ("cancelled" if self.cancelled else (self.errors[-1] if self.errors else f"exit {code}"))
        self.done.emit(ok, message)


def remove_leftovers(out: Path) -> None:
    """The part files (and a video's folder of halves, see video_halves) and lock of an export to `out` that is
    no longer running."""
    for leftover in [*out.parent.glob(f"{PART_PREFIX}{out.name}{PART_MARK}*"), lock_name(out)]:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        with contextlib.suppress(OSError):
            os.unlink(leftover)
