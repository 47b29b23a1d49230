"""Export benchmark. Prints `video_export_realtime_ratio <seconds of video per second of encoding>` for an
H.264 1080p30 clip (target >= 2 on 2 cores), plus the time per frame split into drawing and encoding.
Run: QT_QPA_PLATFORM=offscreen python bench/export.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path[:1] = [str(Path(__file__).resolve().parent.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from viewer.assets import content_dir
    from viewer.core.scenario import load_scenario
    from viewer.ui import export as ex

    scenario = load_scenario(content_dir())
    seconds = 8.0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.mp4"
        t0 = time.perf_counter()
        frames = ex.export_video(scenario, datetime(1939, 8, 20), datetime(1939, 8, 31), 30, (1920, 1080), out, seconds=seconds)
        elapsed = time.perf_counter() - t0
        with ex._frame_window(scenario, (1920, 1080), datetime(1939, 8, 20), None) as window:
            t1 = time.perf_counter()
            for i in range(60):
                ex._rgb_bytes(
                    ex.grab(window, datetime(1939, 8, 20 + i % 10)).convertToFormat(ex.QtGui.QImage.Format.Format_RGB888)
                )
            draw_ms = (time.perf_counter() - t1) / 60 * 1000
    print(f"video_export_realtime_ratio {seconds / elapsed:.2f}")
    print(f"video_export_ms_per_frame {elapsed / frames * 1000:.1f}")
    print(f"video_draw_ms_per_frame {draw_ms:.1f}")


if __name__ == "__main__":
    main()
