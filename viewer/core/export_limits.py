"""What an export may be asked for, and one writer per output file.

Arguments are bounded before any work starts, with a message that says what is allowed: a size between
320x180 and 7680x4320 whose frames fit in memory, a video of a sane length, instants inside the content. An
output file is written by one export at a time (a lock beside it, released by the operating system even if the
export is killed), through `safe_files.atomic_path`, after the part files a killed export left are removed.
"""

from __future__ import annotations

import contextlib
import math
import os
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from .safe_files import PART_MARK, PART_PREFIX, FileProblem, atomic_path, remove_stale_parts

MIN_SIZE, MAX_SIZE = (320, 180), (7680, 4320)
MEMORY_BUDGET = 1 << 30  # bytes an export may hold in pictures at once
MAX_SECONDS = 600.0  # ten minutes of video: a lecture's clip, not a film
MAX_FRAMES = 36_000


class ExportLimit(ValueError):
    """An argument outside what an export can do; the message says what is allowed."""


def check_size(size: tuple[int, int], pictures: int = 3) -> tuple[int, int]:
    """`size` if it lies within MIN_SIZE..MAX_SIZE and `pictures` frames of it (4 bytes a pixel) fit the budget."""
    w, h = size
    (w0, h0), (w1, h1) = MIN_SIZE, MAX_SIZE
    if not (w0 <= w <= w1 and h0 <= h <= h1):
        raise ExportLimit(f"size {w}x{h} is outside {w0}x{h0} … {w1}x{h1}; choose a size in that range")
    need = w * h * 4 * pictures
    if need > MEMORY_BUDGET:
        raise ExportLimit(
            f"size {w}x{h} would need about {need / 2**20:,.0f} MB of pictures (limit {MEMORY_BUDGET / 2**20:,.0f} MB); "
            "choose a smaller size or a shorter clip"
        )
    return size


def check_seconds(seconds: float) -> float:
    if not math.isfinite(seconds) or seconds <= 0 or seconds > MAX_SECONDS:
        raise ExportLimit(f"--seconds {seconds} must be more than 0 and at most {MAX_SECONDS:g}")
    return seconds


def check_frames(seconds: float, fps: int) -> int:
    n = round(check_seconds(seconds) * fps)
    if n > MAX_FRAMES:
        raise ExportLimit(f"{n} frames is more than {MAX_FRAMES}; lower --fps or --seconds")
    return max(2, n)


def check_instant(at: datetime, first: datetime, last: datetime, what: str = "--at") -> datetime:
    if not first <= at <= last:
        raise ExportLimit(
            f"{what} {_day(at)} {at:%H:%M} is outside the content ({_day(first)} – {_day(last)}); choose a date in that range"
        )
    return at


def _day(at: datetime) -> str:
    return f"{at.year:04d}-{at.month:02d}-{at.day:02d}"  # strftime drops the zeros of year 1


def lock_name(target: Path) -> Path:
    return target.with_name(f"{PART_PREFIX}{target.name}.lock")


@contextlib.contextmanager
def exclusive_output(target: Path) -> Iterator[Path]:
    """Write `target` as its only writer: a second export to it is refused while this one runs. Part files
    of this target left by a killed export are removed (no writer holds the lock, so none can be live), as are
    any other part files in the folder older than an hour. Yields the temporary path to write (atomic_path)."""
    target = Path(target)
    lock = lock_name(target)
    _refuse_special(target)
    if not target.parent.is_dir():
        raise FileProblem(target, "the folder does not exist", f"create {target.parent} first, or choose another folder")
    with _locked(lock, target):
        remove_stale_parts(target.parent)
        for stale in target.parent.glob(f"{PART_PREFIX}{target.name}{PART_MARK}*"):
            with contextlib.suppress(OSError):
                stale.unlink()
        with atomic_path(target) as tmp:
            yield tmp


def _refuse_special(target: Path) -> None:
    """Before anything is created beside it: `--out /dev/null` must not leave a lock file in /dev."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # absent (or a dangling link): atomic_path decides
    if not stat.S_ISREG(mode):
        raise FileProblem(target, "this is not a regular file (a device, pipe, socket or folder)", "choose another file name")


@contextlib.contextmanager
def _locked(lock: Path, target: Path) -> Iterator[None]:
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as exc:
        raise FileProblem(target, f"cannot write in this folder ({exc.strerror})", "choose a folder you can write to") from exc
    try:
        if not _try_lock(fd) or not _same_file(fd, lock):
            raise FileProblem(target, "another export is writing this file now", "wait for it to finish, or choose another name")
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                lock.unlink()
    finally:
        os.close(fd)  # releases the lock; the system does the same for a killed export


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    """The lock file is still the one at `path` (a finishing writer may have removed it just before we locked)."""
    try:
        a, b = os.fstat(fd), path.stat()
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
