"""Raw frames into ffmpeg's pipe, at as little cost to the drawing process as the system allows.

A 1080p frame is 8 MB. Written, every byte is copied into the pipe and out again; on Linux, `vmsplice` lends the
pipe the image's own pages instead, and ffmpeg copies them out once (measured for 132 1080p frames: sending took
0.11 s of CPU instead of 0.30 s). A lent page must not change until ffmpeg has read it, so the pipe keeps each
image it sends until enough frames have followed it to have pushed all of it through (a pipe holds `capacity`
bytes; see `FramePipe`). Where vmsplice is missing or refused, frames are written as before.
"""

from __future__ import annotations

import ctypes
import errno
import math
import os
from collections import deque
from contextlib import suppress
from typing import IO, Any

import numpy as np
from pyqtgraph.Qt import QtGui

PIPE_BYTES = 1 << 20  # an 8 MB frame passes in 8 steps rather than 128 (see widen)


class FramePipe:
    """Sends QImages' bytes (of `frame_bytes` each) into `stream`, a pipe to ffmpeg; `close` ends the input."""

    def __init__(self, stream: IO[bytes], frame_bytes: int) -> None:
        self.stream = stream
        self.fd = stream.fileno()
        capacity = widen(self.fd)
        self._splice = _vmsplice() if capacity is not None else None
        # Once a frame is wholly in the pipe, only the last `capacity` bytes sent can still be unread there: the
        # frames those bytes belong to, and the one being sent, are kept.
        self._lent: deque[QtGui.QImage] = deque(maxlen=1 + math.ceil((capacity or 0) / frame_bytes))

    @property
    def lending(self) -> bool:
        """Whether frames go by vmsplice (else they are written)."""
        return self._splice is not None

    def send(self, image: QtGui.QImage) -> None:
        bits = image.constBits()
        if self._splice is not None:
            self._lent.append(image)  # before lending: the oldest one kept goes only once it has been read
            if self._lend(np.frombuffer(bits, np.uint8).ctypes.data, len(bits)):
                return
            self._splice = None  # refused (not a pipe, a system without it): written from now on
        self.stream.write(bits)

    def _lend(self, address: int, size: int) -> bool:
        """Lend `size` bytes at `address` to the pipe; False if the system refuses before any byte went."""
        assert self._splice is not None
        first = True
        while size:
            chunk = _IoVec(address, size)
            sent = self._splice(self.fd, ctypes.byref(chunk), 1, 0)
            if sent < 0:
                err = ctypes.get_errno()
                if err == errno.EINTR:
                    continue
                if first and err in (errno.EINVAL, errno.ENOSYS, errno.EPERM):  # EPERM: a sandbox's seccomp profile
                    return False
                raise OSError(err, os.strerror(err))  # EPIPE: ffmpeg has stopped reading, as a write would say
            address, size, first = address + sent, size - sent, False
        return True

    def close(self) -> None:
        """End the input. The last images lent stay kept with this object: wait for the reader before dropping it."""
        self.stream.close()


class _IoVec(ctypes.Structure):
    _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]


def _vmsplice() -> Any:
    try:
        splice = ctypes.CDLL(None, use_errno=True).vmsplice
    except (AttributeError, OSError):
        return None
    splice.argtypes = [ctypes.c_int, ctypes.POINTER(_IoVec), ctypes.c_ulong, ctypes.c_uint]
    splice.restype = ctypes.c_ssize_t
    return splice


def widen(fd: int) -> int | None:
    """Let the pipe hold PIPE_BYTES (Linux), so that each frame wakes ffmpeg and this process a few times, not a
    hundred (measured: a third less CPU in this process's writes); its capacity in bytes, or None where the
    system cannot say (not Linux). Where the system refuses, as it may once a user's pipes hold too much, the pipe
    keeps its size."""
    try:
        import fcntl

        with suppress(OSError):
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        return fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)
    except (ImportError, AttributeError, OSError):
        return None
