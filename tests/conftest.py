"""Shared fixtures: the shipped scenario (loaded once) and disposable copies of it to break."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep every test away from the real user's config, logs and start menu.
os.environ["KHALKHIN_GOL_HOME"] = str(Path(__import__("tempfile").mkdtemp(prefix="khalkhin-gol-test-")))

from viewer.assets import content_dir  # noqa: E402
from viewer.core.scenario import load_scenario  # noqa: E402


@pytest.fixture(scope="session")
def scenario():
    return load_scenario(content_dir())


@pytest.fixture
def app_home(tmp_path: Path, monkeypatch) -> Path:
    """A fresh, empty home for this app's config, state and data folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("KHALKHIN_GOL_HOME", str(home))
    return home


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content folder (events.yaml + geo/)."""
    dest = tmp_path / "scenario"
    shutil.copytree(content_dir(), dest)
    return dest


@pytest.fixture
def window(qtbot, scenario):
    """The main window on the shipped content, 1600x900, shown offscreen."""
    from viewer.ui.app import build_window
    w = build_window(scenario, None)
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
