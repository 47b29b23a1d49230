"""The core must import no Qt: it is tested, and used by the CLI checker, without a display."""

import pkgutil
import subprocess
import sys

import viewer.core


def test_core_and_check_import_no_qt():
    modules = sorted(f"viewer.core.{m.name}" for m in pkgutil.iter_modules(viewer.core.__path__))
    assert "viewer.core.view_state" in modules
    code = (
        f"import sys, {', '.join(modules)}, viewer.cli;"
        "from viewer.cli import main; main(['check']);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'shiboken'))];"
        "assert not bad, bad"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "content OK" in result.stdout
