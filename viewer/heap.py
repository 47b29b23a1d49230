"""Handing the heap's freed memory back to the system, for a process that runs for months (the kiosk)."""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (musl, macOS, Windows)."""
    try:
        return ctypes.CDLL(None).malloc_trim  # the symbols already loaded into this process: its C library's
    except (OSError, AttributeError, TypeError):
        return None


def trim_heap() -> bool:
    """Return the heap's free pages to the system (glibc keeps them for reuse: after a visitor's big pictures are
    freed, the process would otherwise stay as large as its busiest moment). True if the C library could."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
