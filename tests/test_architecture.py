"""The core must import no Qt: it is tested, and used by the CLI checker, without a display."""
import subprocess
import sys


def test_core_and_check_import_no_qt():
    code = ("import sys, viewer.core.scenario, viewer.core.motion, viewer.core.timeline, viewer.cli;"
            "from viewer.cli import main; main(['check']);"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))];"
            "assert not bad, bad")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "content OK" in result.stdout
