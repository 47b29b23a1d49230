"""The settings file under hostile conditions (issue 17): nothing crashes the start, nothing is lost.

A file we cannot read is moved aside under a timestamped name and the log says where; a special file is
never read or replaced; a folder that cannot be written costs the remembered settings, logged, never the app.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from viewer.ui.app import build_window
from viewer.ui.settings import Settings, settings_file

BROKEN = {
    "random bytes": bytes(range(256)) * 4,
    "prose": b"Dear curator,\nplease keep the kiosk on the August chapter.\n",
    "utf-16": "[view]\ninstant = 1939-08-20T05:45\n".encode("utf-16"),
    "duplicate section": b"[view]\ninstant = 1939-08-20T05:45\n[view]\ninstant = 1939-08-21T05:45\n",
}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_an_unreadable_file_is_moved_aside_and_the_log_says_where(app_home, caplog, content):
    path = settings_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        settings = Settings()
    assert settings.get("playback/speed") == 2  # the default
    aside = [p for p in path.parent.iterdir() if p.name.startswith("settings.ini.broken-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content  # nothing lost
    assert any(str(aside[0]) in r.getMessage() for r in caplog.records), [r.getMessage() for r in caplog.records]
    settings.set("playback/speed", 0)
    settings.sync()
    assert Settings().get("playback/speed") == 0
    assert aside[0].read_bytes() == content


def test_a_byte_order_mark_is_read_as_utf8(app_home):
    path = settings_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xef\xbb\xbf[view]\ninstant = 1939-08-20T05:45\n[playback]\nspeed = 0\n")
    settings = Settings()
    assert settings.get("view/instant") == "1939-08-20T05:45" and settings.get("playback/speed") == 0


def test_percent_signs_and_odd_values_are_text(app_home, caplog):
    path = settings_file()
    path.parent.mkdir(parents=True)
    path.write_text("[view]\ninstant = 100%\npanel_fraction = nan\n[playback]\nspeed = " + "9" * 5000 + "\n")
    with caplog.at_level(logging.WARNING):
        settings = Settings()
        assert settings.get("view/instant") == "" and settings.get("view/panel_fraction") == 0.3
        assert settings.get("playback/speed") == 2
    assert sum("is invalid" in r.getMessage() for r in caplog.records) == 3


def test_writes_are_atomic_and_leave_no_part_files(app_home):
    settings = Settings()
    settings.set("ui/language", "ja")
    settings.sync()
    folder = settings_file().parent
    assert [p.name for p in folder.iterdir()] == ["settings.ini"]
    assert Settings().get("ui/language") == "ja"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_neither_read_nor_replaced(app_home, caplog):
    path = settings_file()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    with caplog.at_level(logging.WARNING):
        settings = Settings()  # opening a pipe to read would wait for a writer for ever
    settings.set("playback/speed", 0)
    settings.sync()
    assert path.is_fifo()
    assert any("not a regular file" in r.getMessage() for r in caplog.records)


def test_a_link_to_a_device_is_not_replaced(app_home):
    path = settings_file()
    path.parent.mkdir(parents=True)
    path.symlink_to(os.devnull)
    settings = Settings()
    settings.set("playback/speed", 0)
    settings.sync()
    assert path.is_symlink() and Path(os.devnull).is_char_device()


def test_the_config_folder_being_a_file_does_not_stop_the_app(qtbot, scenario, app_home, caplog):
    folder = settings_file().parent
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        w = build_window(scenario, None, Settings())
        qtbot.addWidget(w)
        w.show()
        w.state.update(instant=datetime(1939, 8, 20))
        w.close()  # saves: logged, not raised
    assert folder.read_text() == "not a folder"
    assert any("settings not saved" in r.getMessage() or "will not be saved" in r.getMessage() for r in caplog.records)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_a_read_only_folder_is_logged_not_raised(caplog):
    """/proc/self refuses new files even to root (a chmod would not stop root, who runs CI)."""
    settings = Settings(Path("/proc/self/khalkhin-gol-settings.ini"))
    settings.set("playback/speed", 0)
    with caplog.at_level(logging.WARNING):
        settings.sync()
        settings.sync()
    assert [r.getMessage() for r in caplog.records if "settings not saved" in r.getMessage()][:1]
    assert sum("settings not saved" in r.getMessage() for r in caplog.records) == 1  # once, not on every save


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_by_permissions(app_home, caplog):
    folder = settings_file().parent
    folder.mkdir(parents=True)
    folder.chmod(0o555)
    try:
        settings = Settings()
        settings.set("playback/speed", 0)
        with caplog.at_level(logging.WARNING):
            settings.sync()
        assert any("settings not saved" in r.getMessage() for r in caplog.records)
    finally:
        folder.chmod(0o755)
