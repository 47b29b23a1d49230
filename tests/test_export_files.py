"""Exports and bad files or arguments (issue 17): never over a special file, a full disk or a missing or read-only
folder is exit 2 with nothing half written, one writer per output, stale part files removed, arguments bounded,
an instant outside the content named as such. Plus the video's event-aware pacing (pure)."""

from __future__ import annotations

import errno
import itertools
import os
import stat
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core import export_limits as limits
from viewer.core.pacing import paced_instants


def export(*args: str) -> int:
    return main(["export", *args])


def test_out_dev_null_is_refused_and_left_a_device(tmp_path, capsys, qapp):
    assert export("png", "--at", "1939-08-26", "--size", "320x180", "--out", "/dev/null") == 2
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not Path("/dev/.null.lock").exists()


def test_an_export_into_a_pipe_or_file_prints_no_progress_bar(tmp_path, capsys, qapp):
    """A lecturer's script that logs the export got ~100 carriage-return redraws of the bar on one line; into a
    pipe or a file (not a terminal) only the result is printed."""
    assert export("handout", "--out", str(tmp_path / "h.pdf")) == 0
    out = capsys.readouterr()
    assert "\r" not in out.err and "[###" not in out.err
    assert "wrote" in out.out + out.err


def test_a_missing_folder_is_exit_2_and_says_so(tmp_path, capsys, qapp):
    assert export("svg", "--at", "1939-08-26", "--size", "320x180", "--out", str(tmp_path / "nowhere" / "x.svg")) == 2
    assert "the folder does not exist" in capsys.readouterr().err


def test_a_read_only_folder_is_exit_2_with_nothing_written(tmp_path, capsys, qapp, monkeypatch):
    import tempfile

    def refused(*_args, **_kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refused)  # as root a chmod would not stop us: refuse as the disk would
    assert export("png", "--at", "1939-08-26", "--size", "320x180", "--out", str(tmp_path / "x.png")) == 2
    assert "cannot write in this folder (Read-only file system)" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_a_full_disk_is_exit_2_with_nothing_half_written(tmp_path, capsys, qapp, monkeypatch, kind):
    """The encoders write into /dev/full (every write fails with ENOSPC, as on a full disk); the SVG writer does
    not even report it: the empty part file is the error. The target keeps its old content."""
    from PySide6 import QtGui, QtSvg

    out = tmp_path / f"x.{kind}"
    out.write_bytes(b"old")
    if kind == "png":
        save = QtGui.QImage.save
        monkeypatch.setattr(QtGui.QImage, "save", lambda self, _name, fmt=None: save(self, "/dev/full", fmt))
    else:
        set_name = QtSvg.QSvgGenerator.setFileName
        monkeypatch.setattr(QtSvg.QSvgGenerator, "setFileName", lambda self, _name: set_name(self, "/dev/full"))
    assert export(kind, "--at", "1939-08-26", "--size", "320x180", "--out", str(out)) == 2
    assert capsys.readouterr().err.startswith("export: ")
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_two_exports_to_one_file_cannot_run_at_once(tmp_path, capsys, qapp):
    out = tmp_path / "x.png"
    with limits.exclusive_output(out) as tmp:
        assert export("png", "--at", "1939-08-26", "--size", "320x180", "--out", str(out)) == 2
        assert "another export is writing this file now" in capsys.readouterr().err
        tmp.write_bytes(b"first")
    assert out.read_bytes() == b"first"
    assert export("png", "--at", "1939-08-26", "--size", "320x180", "--out", str(out)) == 0  # free again
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.png"]  # no lock file left


def test_part_files_a_killed_export_left_are_removed_at_the_next_export(tmp_path, qapp):
    mine = tmp_path / ".clip.png.part-abcd1234.png"  # this target's: no writer holds its lock, so it is dead
    old = tmp_path / ".other.png.part-x.png"  # another target's, two hours old
    young = tmp_path / ".busy.png.part-y.png"  # another target's, maybe being written now
    for f in (mine, old, young):
        f.write_bytes(b"x")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert export("png", "--at", "1939-08-26", "--size", "320x180", "--out", str(tmp_path / "clip.png")) == 0
    assert not mine.exists() and not old.exists() and young.exists()


@pytest.mark.parametrize("seconds", ["inf", "nan", "1e6", "0", "-1"])
def test_video_seconds_are_bounded(tmp_path, capsys, qapp, seconds):
    out = tmp_path / "x.mp4"
    args = ["video", "--from", "1939-08-20", "--to", "1939-08-31", "--size", "320x180", "--out", str(out)]
    assert export(*args, "--seconds", seconds) == 2
    assert "--seconds" in capsys.readouterr().err and not out.exists()


def test_video_span_outside_the_content_is_refused_naming_the_range(tmp_path, capsys, qapp):
    out = tmp_path / "x.mp4"
    assert export("video", "--from", "0001-01-01", "--to", "9999-12-31", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "--from 0001-01-01" in err and "outside the content (1931-09-01 – 1945-09-02)" in err
    assert export("video", "--from", "1939-08-31", "--to", "1939-08-20", "--out", str(out)) == 2
    assert "--to must be after --from" in capsys.readouterr().err


def test_an_instant_outside_the_content_is_an_error_naming_the_range(tmp_path, capsys, qapp):
    assert main(["render", "--at", "1800-01-01", "--out", str(tmp_path / "x.png")]) == 2
    assert "--at 1800-01-01 12:00 is outside the content (1931-09-01 – 1945-09-02)" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("size", ["319x180", "320x179", "7681x4320", "8192x8192", "0x0", "axb"])
def test_sizes_outside_320x180_to_7680x4320_are_refused(tmp_path, capsys, size):
    with pytest.raises(SystemExit) as exc:
        export("png", "--at", "1939-08-26", "--size", size, "--out", str(tmp_path / "x.png"))
    assert exc.value.code == 2
    assert "size" in capsys.readouterr().err.lower()


def test_memory_estimate_bounds_a_gif(tmp_path):
    with pytest.raises(limits.ExportLimit, match="MB of pictures"):
        limits.check_size((7680, 4320), pictures=300)
    assert limits.check_size((7680, 4320)) == (7680, 4320)


def test_pacing_holds_at_events_and_keeps_time_in_order():
    start, end = datetime(1939, 8, 20), datetime(1939, 8, 31)
    events = [datetime(1939, 8, 24, 18), datetime(1939, 8, 26, 12), datetime(1939, 7, 1)]
    frames = paced_instants(start, end, events, 30, 240)
    assert len(frames) == 240 and frames[0] == start and frames[-1] == end
    assert frames == sorted(frames)
    assert frames.count(events[0]) >= 30 and frames.count(events[1]) >= 30  # 1.2 s each at 30 fps
    assert events[2] not in frames  # outside the clip: no hold
    steps = {b - a for a, b in itertools.pairwise(frames) if b != a and a not in events and b not in events}
    assert max(steps) - min(steps) < timedelta(minutes=5)  # even calendar time between holds
    short = paced_instants(start, end, [start + timedelta(days=d) for d in range(1, 11)], 10, 20)
    assert len(short) == 20 and len(set(short)) >= 10  # holds never take more than half of a short clip
