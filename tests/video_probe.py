"""What a player makes of an exported MP4: its frames at the file's frame rate (each held picture shown for as many
frames as it lasts), and how the file stores them (one sample per picture drawn, at a 30 fps clock)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np


def _ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def _played(path: Path, fps: int) -> list[str]:
    return [_ffmpeg(), "-loglevel", "error", "-i", str(path), "-fps_mode", "cfr", "-r", str(fps)]


def frames_played(path: Path, size: tuple[int, int], fps: int = 30) -> np.ndarray:
    """Every frame a player shows at `fps`, as RGB arrays (ints, for differences: keep the clip small)."""
    raw = subprocess.run([*_played(path, fps), "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True, check=True)
    return np.frombuffer(raw.stdout, np.uint8).reshape(-1, size[1], size[0], 3).astype(int)


def count_played(path: Path, fps: int = 30) -> int:
    """How many frames a player shows at `fps` (decoded, not kept)."""
    args = [*_played(path, fps), "-f", "null", "-progress", "pipe:1", "-nostats", "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return int(re.findall(r"^frame=(\d+)", out, re.MULTILINE)[-1])


def stream(path: Path) -> dict:
    """The video stream as ffmpeg reads the file: its line ("h264", the size, "30 tbr": the frame rate a player
    takes), its duration in seconds and its number of samples (pictures stored)."""
    import imageio_ffmpeg

    info = subprocess.run([_ffmpeg(), "-hide_banner", "-i", str(path)], capture_output=True, text=True).stderr
    lines = [line for line in info.splitlines() if "Stream #" in line]
    samples, secs = imageio_ffmpeg.count_frames_and_secs(str(path))  # packets, copied without decoding
    rate = re.search(r"([\d.]+) tbr", lines[0]) if lines else None
    return {"lines": lines, "rate": float(rate.group(1)) if rate else None, "secs": secs, "samples": samples}
