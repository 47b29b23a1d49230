"""Reading and writing files so that bad input or a bad disk can never half-load or half-write anything.

Reading: only regular files (a named pipe would hang us, a device or `/dev/zero` would never end), never more
than a cap. Writing: into a hidden temporary file in the target's folder, flushed to disk, then renamed over the
target in one step — so a reader sees the old file or the new one, never a torn one; a special file (a device,
a pipe, a folder) is never replaced; a full disk or a read-only folder is an error, never an empty file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PART_PREFIX = "."
PART_MARK = ".part"


class FileProblem(OSError):
    """A file could not be read or written safely; `problem` says what, `fix` what the user can do."""

    def __init__(self, path: Path, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem}; {fix}")
        self.path = path
        self.problem = problem
        self.fix = fix


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def read_regular_bytes(path: Path, cap: int) -> bytes:
    """The bytes of `path`, refusing anything but a regular file of at most `cap` bytes.

    The file is opened without following it into a FIFO's wait (O_NONBLOCK) and checked on the open handle, so a
    file swapped for a pipe between a check and the read cannot hang us; reading stops one byte past the cap.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileProblem(path, f"cannot open the file ({_reason(exc)})", "check that it exists and can be read") from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, pipe or socket)"
            raise FileProblem(path, f"this is {kind}", "replace it with the file itself")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(cap + 1)
    finally:
        os.close(fd)
    if len(data) > cap:
        raise FileProblem(path, f"the file is larger than the {cap:,} byte limit", "remove what is not content, or split it")
    return data


def _refuse_special_target(target: Path) -> None:
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileProblem(target, f"cannot inspect the file ({_reason(exc)})", "check the folder's permissions") from exc
    if stat.S_ISLNK(mode):
        try:
            mode = target.stat().st_mode
        except OSError:
            return  # a dangling link is replaced by the new regular file, as an editor would
    if not stat.S_ISREG(mode):
        raise FileProblem(target, "this is not a regular file (a device, pipe, socket or folder)", "choose another file name")


def _mode_for(target: Path) -> int:
    """The permissions the written file gets: the target's own if it exists, else what the user's umask gives."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def part_name(target: Path) -> Path:
    """The hidden temporary name a write to `target` goes through (`.NAME.part*`), in the same folder."""
    return target.with_name(f"{PART_PREFIX}{target.name}{PART_MARK}")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to `target` to write to; on success it replaces `target` atomically.

    On any exception the temporary file is removed and `target` is left as it was. The temporary name keeps
    the target's suffix (writers such as image and video encoders choose the format by it) and is unique, so
    two writers never share one temporary file.
    """
    target = Path(target)
    _refuse_special_target(target)
    folder = target.parent
    if not folder.is_dir():
        raise FileProblem(target, "the folder does not exist", f"create {folder} first, or choose another folder")
    try:
        fd, name = tempfile.mkstemp(prefix=f"{PART_PREFIX}{target.name}{PART_MARK}-", suffix=target.suffix, dir=folder)
    except OSError as exc:
        raise FileProblem(target, f"cannot write in this folder ({_reason(exc)})", "choose a folder you can write to") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        os.chmod(tmp, _mode_for(target))  # mkstemp makes 0600; the result is a file like any the user saves
        yield tmp
        if not tmp.is_file() or tmp.stat().st_size == 0:
            raise FileProblem(target, "nothing was written", "check the free disk space and try again")
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _refuse_special_target(target)
        os.replace(tmp, target)
    except FileProblem:
        raise
    except OSError as exc:
        raise FileProblem(target, f"cannot write the file ({_reason(exc)})", "check the free disk space and permissions") from exc
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write `data` to `target` atomically (see `atomic_path`)."""
    with atomic_path(target) as tmp, open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()


def atomic_write_text(target: Path, text: str) -> None:
    """Write `text` as UTF-8 to `target` atomically (see `atomic_path`)."""
    atomic_write_bytes(target, text.encode("utf-8"))


def remove_stale_parts(folder: Path, older_than_s: float = 3600.0) -> list[Path]:
    """Remove temporary `.NAME.part*` files a killed writer left in `folder` more than `older_than_s` ago."""
    removed: list[Path] = []
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if not (entry.name.startswith(PART_PREFIX) and PART_MARK in entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.lstat()
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than_s:
                    entry.unlink()
                    removed.append(entry)
    return removed
