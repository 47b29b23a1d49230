"""A crash below Python (a segmentation fault in Qt) leaves the Python stacks in crash.log beside the log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CRASH = """
import faulthandler
from viewer.logs import enable_crash_traces
print(enable_crash_traces(), flush=True)
faulthandler._sigsegv()  # what a fault in Qt's code does
"""


def test_a_crash_leaves_its_python_stack_in_the_crash_log(tmp_path):
    env = {**os.environ, "KHALKHIN_GOL_HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "xdg")}
    done = subprocess.run([sys.executable, "-c", CRASH], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    log = Path(done.stdout.strip())
    assert log.is_file() and str(tmp_path) in str(log)
    text = log.read_text()
    assert "Segmentation fault" in text and "File" in text  # the fault and where Python was


PAINT_RAISES = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import pyqtgraph as pg
from pyqtgraph.Qt import QtCore, QtWidgets
from viewer.ui.map import MapLayer

class Broken(MapLayer):
    name = "broken"

    def paint(self, p, *args):
        [][1]  # an IndexError raised by C code: a bare message until Python catches it

app = QtWidgets.QApplication([])
view, box = pg.GraphicsView(), pg.ViewBox()
view.setCentralItem(box)
box.addItem(Broken(None))
view.resize(200, 200)
view.show()
try:
    for _ in range(3):
        app.processEvents()  # as the kiosk's event loop paints the map
        view.viewport().repaint()
except IndexError as e:
    print("reported:", e, flush=True)
"""


def test_an_exception_in_a_map_layers_paint_is_reported_not_a_crash():
    """PySide 6.11 read a C-raised exception leaving a paint that Qt called inside processEvents (a list's
    IndexError, still a bare message) as an exception object and crashed with SIGSEGV: the kiosk soak's crash
    (labels.py kept a candidate its request no longer had). A map layer's paint hands on a real exception, which
    the kiosk's excepthook turns into a return to its tour."""
    done = subprocess.run([sys.executable, "-c", PAINT_RAISES], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    assert "reported:" in done.stdout and "list index out of range" in done.stdout
