"""An MP4 drawn in two halves at once: drawing the map is the slow half of a video export, so a forked copy of this
process draws and encodes the second half of the clip while this one does the first, and the two files are then
joined without re-encoding (ffmpeg's concat demuxer: one stream on the 30 fps clock, as one process would write it).

The copy is a fork, not a fresh interpreter: it already holds the imported modules, the loaded scenario and the map
frame, set up and not yet painted, so it starts drawing at once (a fresh one spends about two seconds importing Qt
and reading the content, and each process setting up its own frame cost a few tenths of a second more). A
fork copies only the thread that calls it, so it is used only while this process has no thread that could hold a
lock the copy needs (`fork_is_safe`: Linux, and no thread Qt has started — the exporting command line process;
in the app's own process and under the tests every frame is drawn here).

The halves meet at an event (the caption changes there anyway): the map's labels keep to where they were on the
frame before, so the second half's labels, laid out afresh, may sit differently from the first's from there on.
The copy never outlives the export: it dies with this process (Linux's parent-death signal), is killed when the
export is cancelled or fails, and never runs this process's clean-up code (it leaves by `os._exit`).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..core.safe_files import PART_MARK, PART_PREFIX, FileProblem

MIN_RUNS = 24  # distinct frames below which a second process costs more than it saves


def fork_is_safe() -> bool:
    """Whether a forked copy of this process can draw: on Linux, while every thread carries the process's own name
    (the interpreter's and numpy's idle BLAS workers, which fork copes with). Qt names the threads it starts (its
    thread pool, event readers); one of them could hold a lock at the fork that the copy would wait on forever."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        names = {(Path("/proc/self/task") / t / "comm").read_text() for t in os.listdir("/proc/self/task")}
    except OSError:
        return False
    return len(names) == 1


def split_at(runs: list[int]) -> int | None:
    """Where the second half starts, as an index into the runs of equal frames: the event hold nearest the middle
    of the drawing (within its middle third), else the middle; None for a clip too short to share."""
    if len(runs) < MIN_RUNS:
        return None
    mid = len(runs) // 2
    holds = [k for k in range(1, len(runs)) if runs[k] > 1 and abs(k - mid) <= len(runs) // 6]
    return min(holds, key=lambda k: abs(k - mid), default=mid)


class Halves:
    """The first half's file (this process writes it), the copy writing the second, and `join`."""

    def __init__(self, folder: Path, pid: int, target: Path) -> None:
        self.first, self.second = folder / "1.mp4", folder / "2.mp4"
        self.pid: int | None = pid
        self.target = target  # the file the export writes, for messages

    def join(self, out: Path) -> None:
        """Wait for the second half, then write both, in order, to `out` as one MP4."""
        import imageio_ffmpeg

        assert self.pid is not None
        _pid, status = os.waitpid(self.pid, 0)
        self.pid = None
        if status != 0 or not self.second.is_file():
            raise FileProblem(self.target, "the second half of the video could not be drawn", "see the message above")
        playlist = self.first.with_name("halves.txt")  # names relative to it: the user's folder name is not quoted
        playlist.write_text(f"file '{self.first.name}'\nfile '{self.second.name}'\n", encoding="utf-8")
        args = [imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-y", "-f", "concat", "-safe", "0"]
        args += ["-i", str(playlist), "-c", "copy", "-movflags", "+faststart", "-f", "mp4", str(out)]
        if subprocess.run(args, stdin=subprocess.DEVNULL).returncode != 0:
            raise FileProblem(self.target, "ffmpeg could not join the video's halves", "check the free disk space")

    def stop(self) -> None:
        """Kill the copy if it is still running (a cancelled or failed export)."""
        if self.pid is not None:
            with suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None


@contextmanager
def in_two(second: Callable[[Path], None], target: Path) -> Iterator[Halves]:
    """Fork a copy that runs `second(path)` (drawing and encoding the second half to `path`); yields the `Halves`
    for this process to write the first half and join them. The halves' files live in a folder beside `target`,
    named as its part files are (removed at the end; after a crash the app's export job removes it with them)."""
    folder = Path(tempfile.mkdtemp(prefix=f"{PART_PREFIX}{target.name}{PART_MARK}-", suffix="-halves", dir=target.parent))
    parent = os.getpid()
    try:
        with warnings.catch_warnings():  # Python 3.12+ warns of any thread; fork_is_safe has looked at them
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    if pid == 0:
        _copy(second, folder / "2.mp4", parent)
    halves = Halves(folder, pid, target)
    try:
        yield halves
    finally:
        halves.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _copy(second: Callable[[Path], None], path: Path, parent: int) -> None:
    """The forked copy: writes the second half and leaves; never returns."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # a Ctrl+C or a cancel is handled by the exporting process
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with(parent)
        second(path)
        code = 0
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    """Be killed when the exporting process dies (killed by the app's Cancel, or crashed), so no copy is left
    drawing into a folder that is being removed."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)
