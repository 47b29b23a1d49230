"""Export benchmark. Prints `video_export_realtime_ratio <seconds of video per second of wall time>` for an H.264
1080p30 clip of 20–31 August (target >= 2 on 2 cores), the CPU that took (this process, which sets up the map and
draws the first half; the other processes: the forked copy drawing the second half, the two halves' ffmpeg encoders
and the join), the ratio two free cores would give, the load the machine was under, and the CPU it takes to draw the
clip's frames in one process, names placed as the video places them (afresh on every 8th moving frame and at each
hold, kept in between), so that drawing and encoding can be told apart.
The ratio counts from the export's call (the map's set-up, both halves, the join); the interpreter's start, the
imports and the content's loading before it (printed as start-up) are not counted: an app or a command exporting
several clips pays them once.
Run: QT_QPA_PLATFORM=offscreen python bench/export.py [SECONDS]
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from datetime import datetime
from itertools import groupby
from pathlib import Path

sys.path[:1] = [str(Path(__file__).resolve().parent.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    from viewer.assets import content_dir
    from viewer.core.scenario import load_scenario
    from viewer.ui import export as ex
    from viewer.ui import video_halves
    from viewer.ui.map_frame import MapFrame

    scenario = load_scenario(content_dir())
    startup = cpu(resource.RUSAGE_SELF)
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 8.0
    start, end = datetime(1939, 8, 20), datetime(1939, 8, 31)
    instants = ex.video_instants(scenario, start, end, 30, seconds)
    runs = [(at, len(list(same))) for at, same in groupby(instants)]  # each drawn picture and how long it holds
    drawn, halves = len(runs), video_halves.split_at([n for _, n in runs])
    processes = 2 if halves is not None and video_halves.fork_is_safe() else 1  # before Qt starts threads
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.mp4"
        t0, own0, others0 = time.perf_counter(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
        frames = ex.export_video(scenario, start, end, 30, (1920, 1080), out, seconds=seconds)
        elapsed = time.perf_counter() - t0
        own, others = cpu(resource.RUSAGE_SELF) - own0, cpu(resource.RUSAGE_CHILDREN) - others0
    keeps = ex.names_kept(runs, 30, halves)
    with MapFrame(scenario, (1920, 1080), start) as frame:
        frame.image()
        t1 = cpu(resource.RUSAGE_SELF)
        for (at, _n), keep in zip(runs, keeps, strict=True):
            frame.show(at, "day", keep_names=keep)
            frame.image()
        draw_ms = (cpu(resource.RUSAGE_SELF) - t1) / drawn * 1000
    print(f"video_export_realtime_ratio {seconds / elapsed:.2f}")
    print(f"video_export_ms_per_frame {elapsed / frames * 1000:.1f}")
    print(f"video_frames {frames} drawn {drawn}")
    print(f"video_draw_processes {processes}")
    print(f"video_cpu_s this_process {own:.1f} other_processes {others:.1f} total {own + others:.1f}")
    # on two free cores the wall time is at least half the CPU, and at least this process's own share
    print(f"video_export_cpu_bound_ratio {seconds / max(own, (own + others) / 2):.2f}")
    print(f"video_draw_cpu_ms_per_drawn_frame {draw_ms:.1f} (one process, warm; x {drawn} = {draw_ms * drawn / 1000:.1f} s)")
    print(f"startup_cpu_s {startup:.1f} (imports and content, not counted in the ratio)")
    print(f"load_average_1min before {load:.1f} after {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
