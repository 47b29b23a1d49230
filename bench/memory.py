"""Resident memory as the benchmarks measure it."""

from __future__ import annotations

import os

from viewer.heap import trim_heap


def rss_mb() -> float:
    """Resident memory after handing freed heap back to the system (glibc), so only what is still held counts."""
    trim_heap()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def rss_parts_mb() -> dict[str, float]:
    """Resident memory split as Linux counts it (/proc/self/status): RssAnon is the heap and other private
    memory a leak would grow; RssFile is pages of the program's files (Qt's libraries, the fonts) faulted in
    as code paths are first used, which the system can drop again. Empty where /proc is not Linux's."""
    try:
        with open("/proc/self/status") as f:
            rows = dict(line.split(":", 1) for line in f if line.startswith("Rss"))
    except OSError:
        return {}
    return {key: int(value.split()[0]) / 1000 for key, value in rows.items()}
