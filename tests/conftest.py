"""Shared fixtures: the shipped scenario (loaded once) and disposable copies of it to break."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from viewer.assets import content_dir  # noqa: E402
from viewer.core.scenario import load_scenario  # noqa: E402


@pytest.fixture(scope="session")
def scenario():
    return load_scenario(content_dir())


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content folder (events.yaml + geo/)."""
    dest = tmp_path / "scenario"
    shutil.copytree(content_dir(), dest)
    return dest
