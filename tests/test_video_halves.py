"""A video drawn in two halves at once (a forked copy draws the second): the joined MP4 is one constant 30 fps
stream with every frame where one process would have put it; a cancelled or failed export leaves no file, no
temporary folder and no process behind. The fork happens only in a process Qt has not started threads in, so these
exports run in a fresh interpreter (as the command line's export does), not in the test process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from video_probe import frames_played, stream

from viewer.ui import video_halves

ROOT = Path(__file__).resolve().parents[1]
SIZE = (640, 360)

SCRIPT = r"""
import json, os, sys
from datetime import datetime
from itertools import groupby
from pathlib import Path
from viewer.assets import content_dir
from viewer.core.scenario import load_scenario
from viewer.ui import export as ex, video_halves as vh
from viewer.ui.map_frame import MapFrame

mode, out, report = sys.argv[1], Path(sys.argv[2]), {}
scenario = load_scenario(content_dir())
clip = (scenario, datetime(1939, 8, 20), datetime(1939, 8, 31), 30, (640, 360))
report["fork_is_safe"] = vh.fork_is_safe()
joined = []
join = vh.Halves.join
vh.Halves.join = lambda self, path: (joined.append(str(path)), join(self, path))[1]
if mode == "halves":
    ex.export_video(*clip, out / "halves.mp4", seconds=4)
    instants = ex.video_instants(*clip[:4], 4)
    runs = [(at, len(list(same))) for at, same in groupby(instants)]
    cut = vh.split_at([n for _, n in runs])
    report["seam"] = [sum(n for _, n in runs[:cut]), runs[cut][1]]  # its first frame, and how long it holds
    with MapFrame(scenario, (640, 360), runs[cut][0]) as frame:  # the seam's instant, drawn on its own
        frame.show(runs[cut][0], "day")
        frame.image().save(str(out / "seam.png"))
    vh.fork_is_safe = lambda: False  # the same clip from one process, to compare with
    ex.export_video(*clip, out / "one.mp4", seconds=4)
elif mode == "cancel":  # cancelled while both halves are drawn
    try:
        ex.export_video(*clip, out / "cancelled.mp4", progress=lambda f: f < 0.3, seconds=4)
    except ex.Cancelled:
        report["cancelled"] = True
else:
    encode = ex._encode
    def failing(*args, **kwargs):
        if args[4].name == "2.mp4":  # frame, fps, runs, keeps, path
            raise RuntimeError("the copy fails")
        return encode(*args, **kwargs)
    ex._encode = failing
    try:
        ex.export_video(*clip, out / "failed.mp4", seconds=4)
    except OSError as exc:
        report["failed"] = str(exc)
report["joined"] = len(joined)
try:
    os.waitpid(-1, os.WNOHANG)
    report["children_left"] = True
except ChildProcessError:
    report["children_left"] = False
print(json.dumps(report))
"""


def export(mode: str, out: Path) -> dict:
    """Run the script in a fresh interpreter (where a fork is safe)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["fork_is_safe"]
    return {**report, "stderr": run.stderr}


def test_the_halves_meet_at_an_event_near_the_middle():
    assert video_halves.split_at([1] * (video_halves.MIN_RUNS - 1)) is None  # too short to share
    runs = [1] * 60
    runs[24], runs[33], runs[50] = 30, 10, 36  # event holds
    assert video_halves.split_at(runs) == 33
    assert video_halves.split_at([1] * 60) == 30  # no event in the middle third: the middle


def test_an_mp4_drawn_in_two_halves_is_one_30_fps_stream_with_every_frame_in_place(tmp_path):
    from pyqtgraph.Qt import QtGui

    report = export("halves", tmp_path)
    assert report["joined"] == 1  # it was drawn in two halves
    assert sorted(p.name for p in tmp_path.iterdir()) == ["halves.mp4", "one.mp4", "seam.png"]  # and they are gone
    halves = tmp_path / "halves.mp4"
    head = halves.read_bytes()
    assert head.index(b"moov") < head.index(b"mdat")  # the index first, so a player starts before the whole file is read
    info, one = stream(halves), stream(tmp_path / "one.mp4")
    assert info["rate"] == 30 and info["secs"] == pytest.approx(4.0, abs=0.05)
    assert len(info["lines"]) == 1 and "h264" in info["lines"][0] and "640x360" in info["lines"][0]
    assert info["samples"] == one["samples"]  # each picture stored once, as one process stores it
    a, b = frames_played(halves, SIZE), frames_played(tmp_path / "one.mp4", SIZE)
    assert len(a) == len(b) == 120
    seam, hold = report["seam"]
    assert 30 <= seam <= 90 and hold > 1  # near the middle, at an event
    assert (a[:seam] == b[:seam]).all()  # the first half is the frames one process writes
    image = QtGui.QImage(str(tmp_path / "seam.png")).convertToFormat(QtGui.QImage.Format.Format_RGB888)
    width = image.bytesPerLine()
    want = np.frombuffer(bytes(image.constBits()), np.uint8).reshape(SIZE[1], width)[:, : SIZE[0] * 3]
    want = want.reshape(SIZE[1], SIZE[0], 3).astype(int)
    for i in range(seam - 1, seam + hold):  # the second half starts with the event, laid out as a still of it
        assert (np.abs(a[i] - want).mean() < 4.0) == (i >= seam), i  # measured 2.6 / 5 or more
    # ... and holds it for as long as one process does: the frame after the hold moves on (a still's distance from
    # that frame depends on how far the map moves after the event, 3.5 after 20 Aug's, so it is not asked).
    assert np.abs(a[seam + hold] - a[seam + hold - 1]).mean() > 0.1

    def steps(frames: np.ndarray) -> list[str | None]:
        """Between each frame and the next: "hold" (the same picture, give or take the encoder), "change" (the map
        moved), or None where the difference is too small to tell the two apart (a unit moving a pixel)."""
        out = []
        for i in range(len(frames) - 1):
            d = float(np.abs(frames[i + 1] - frames[i]).mean())
            out.append("hold" if d < 0.03 else "change" if d > 0.1 else None)
        return out

    # Every frame changes (or holds) where one process's does. After the seam the halves' names may sit elsewhere
    # (laid out afresh), so a frame whose map barely moves is not compared.
    assert all(x == y or None in (x, y) for x, y in zip(steps(a), steps(b), strict=True))


def test_a_cancelled_or_failed_export_in_two_halves_leaves_nothing_behind(tmp_path):
    cancelled, failed = tmp_path / "cancelled", tmp_path / "failed"
    for out in (cancelled, failed):
        out.mkdir()
    report = export("cancel", cancelled)
    assert report["cancelled"] and not report["children_left"]  # the copy was killed and waited for
    report = export("fail", failed)
    assert "second half" in report["failed"] and "the copy fails" in report["stderr"]
    assert not report["children_left"]
    for out in (cancelled, failed):
        assert list(out.iterdir()) == []  # no video, no part file, no folder of halves


def test_an_export_never_asks_for_a_screen(tmp_path):
    """The command line export draws off-screen even where a display is set (one that cannot be opened here):
    a display's event thread would also keep a video to one process (see fork_is_safe)."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = "nowhere.invalid:0"
    out = tmp_path / "still.png"
    args = [sys.executable, "-m", "viewer", "export", "png", "--at", "1939-08-20", "--size", "320x180", "--out", str(out)]
    run = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert out.stat().st_size > 0


def test_a_videos_names_are_placed_afresh_every_quarter_second_on_every_hold_jump_and_half(monkeypatch):
    from datetime import datetime, timedelta

    from viewer.ui.export import names_kept
    from viewer.ui.map import labels

    monkeypatch.setattr(labels, "SETTLE_S", 0.25)  # as shipped (tests place every frame's names: conftest)

    at = [datetime(1939, 8, 20) + timedelta(hours=k) for k in range(30)]
    runs = [(t, 1) for t in at[:20]] + [(at[20], 45)] + [(t, 1) for t in at[21:24]]  # moving, a hold, moving
    fresh = [k for k, kept in enumerate(names_kept(runs, 30)) if not kept]
    assert fresh == [0, 8, 16, 20]  # every 8th frame at 30 fps (0.27 s, as the live map's 0.25 s), and the hold
    assert [k for k, kept in enumerate(names_kept(runs, 30, cut=5)) if not kept] == [0, 5, 13, 20]  # the half's first
    runs[10] = (at[10] + timedelta(days=3), 1)  # a quiet gap crossed fast: another moment's spots
    assert [k for k, kept in enumerate(names_kept(runs, 30)) if not kept] == [0, 8, 10, 11, 19, 20]


def test_an_encoder_that_stops_reading_is_a_named_error_and_leaves_nothing(qapp, tmp_path, monkeypatch, scenario):
    """ffmpeg dying mid-video (a broken pipe under the frames lent to it) is said as the file that could not be
    written, the encoder is waited for, and no file is left."""
    from datetime import datetime

    import imageio_ffmpeg

    from viewer.ui import export

    quits = tmp_path / "quits"
    quits.write_text("#!/bin/sh\nexit 1\n")
    quits.chmod(0o755)
    monkeypatch.setattr(imageio_ffmpeg, "get_ffmpeg_exe", lambda: str(quits))
    monkeypatch.setattr(video_halves, "fork_is_safe", lambda: False)
    out = tmp_path / "clip.mp4"
    with pytest.raises(OSError, match=r"clip\.mp4: cannot write the file") as raised:
        export.export_video(scenario, datetime(1939, 8, 20), datetime(1939, 8, 22), 30, (640, 360), out, seconds=4)
    assert "ffmpeg could not write MP4" in repr(raised.value.__cause__) + repr(raised.value.__context__)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # the encoder was waited for: no child is left, not even a dead one
    assert list(tmp_path.iterdir()) == [quits]
