"""Frames lent to ffmpeg's pipe (vmsplice) reach the reader as they were sent, though each image is dropped by
the sender at once and its memory taken by the next: the pipe keeps every image until it has been read."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pyqtgraph.Qt import QtGui

from viewer.ui import frame_pipe

READER = r"""
import sys, time
time.sleep(0.5)  # the sender runs far ahead: everything it can lend is in the pipe, unread
size, seen = int(sys.argv[1]), []
while chunk := sys.stdin.buffer.read(size):
    seen.append(sorted(set(chunk[::4])))  # each frame's blue values: one, if it arrived as it was sent
print(seen)
"""


@pytest.mark.parametrize("size", [(640, 360), (1920, 1080)])  # a frame smaller than the pipe holds, and larger
def test_every_frame_arrives_as_it_was_drawn(qapp, size):
    w, h = size
    reader = subprocess.Popen([sys.executable, "-c", READER, str(w * h * 4)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert reader.stdin is not None
    pipe = frame_pipe.FramePipe(reader.stdin, w * h * 4)
    assert pipe.lending or not sys.platform.startswith("linux")  # on Linux, the frames are lent (vmsplice)
    for k in range(12):
        image = QtGui.QImage(w, h, QtGui.QImage.Format.Format_RGB32)
        image.fill(QtGui.QColor(0, 0, 10 * k))
        pipe.send(image)
        del image  # the sender's only reference: its memory goes to the next frame unless the pipe keeps it
    pipe.close()
    with reader:
        assert reader.stdout is not None
        seen = reader.stdout.read()
    assert reader.returncode == 0
    assert seen.decode().strip() == str([[10 * k] for k in range(12)])
