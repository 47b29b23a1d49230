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
