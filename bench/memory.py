"""Resident memory as the benchmarks measure it."""

from __future__ import annotations

import os


def rss_mb() -> float:
    """Resident memory after handing freed heap back to the system (glibc), so only what is still held counts."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
