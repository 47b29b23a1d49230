"""Safe reading and atomic writing: no hang on a pipe, no endless read of a device, no torn or empty file."""

from __future__ import annotations

import os
import time

import pytest

from viewer.core.safe_files import FileProblem, atomic_path, atomic_write_text, read_regular_bytes, remove_stale_parts


def test_a_regular_file_is_read_up_to_its_cap(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 10)
    assert read_regular_bytes(path, 10) == b"x" * 10
    with pytest.raises(FileProblem, match="larger than the 9 byte limit"):
        read_regular_bytes(path, 9)


def test_a_pipe_a_device_and_a_folder_are_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for path in (fifo, tmp_path, fifo.with_name("zero")):
        if path.name == "zero":
            path.symlink_to("/dev/zero")
        with pytest.raises(FileProblem, match=r"folder|not a regular file"):
            read_regular_bytes(path, 100)


def test_a_write_replaces_the_file_in_one_step_and_leaves_no_part(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]
    umask = os.umask(0o022)
    os.umask(umask)
    assert (target.stat().st_mode & 0o777) == 0o644  # the old file's mode is kept
    fresh = tmp_path / "fresh.txt"
    atomic_write_text(fresh, "x")
    assert (fresh.stat().st_mode & 0o777) == 0o666 & ~umask  # a new file gets the umask's mode, not mkstemp's 0600


def test_a_failed_or_empty_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.png"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("encoder died")
    with pytest.raises(FileProblem, match="nothing was written"), atomic_path(target):
        pass  # a writer that failed silently (as Qt's image writers do on a full disk)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.png"]


def test_a_device_a_missing_folder_and_a_read_only_folder_are_errors(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(FileProblem, match="not a regular file"), atomic_path(tmp_path / "folder"):
        pass
    (tmp_path / "null").symlink_to("/dev/null")
    with pytest.raises(FileProblem, match="not a regular file"):
        atomic_write_text(tmp_path / "null", "x")
    with pytest.raises(FileProblem, match="does not exist"):
        atomic_write_text(tmp_path / "missing" / "out.txt", "x")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: permissions do not apply")
        with pytest.raises(FileProblem, match="cannot write in this folder"):
            atomic_write_text(locked / "out.txt", "x")
    finally:
        locked.chmod(0o700)


def test_stale_parts_of_a_killed_writer_are_removed(tmp_path):
    stale = tmp_path / ".talk.mp4.part-abc.mp4"
    fresh = tmp_path / ".talk.gif.part-def.gif"
    keep = tmp_path / "talk.mp4"
    for path in (stale, fresh, keep):
        path.write_bytes(b"x")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    os.utime(keep, (old, old))
    assert remove_stale_parts(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, keep.name])
