"""Fonts shipped with the app, so every machine shows the content's scripts without empty boxes."""
from __future__ import annotations

import logging
from importlib import resources

log = logging.getLogger("viewer.fonts")
CJK_FILE = "NotoSansCJKjp-Subset.otf"
CJK_FAMILY = "Noto Sans CJK JP"
_loaded: list[str] = []


def needs_cjk(ch: str) -> bool:
    """Characters of the CJK, kana and full-width blocks (the ones Latin/Cyrillic fonts lack)."""
    return 0x2E80 <= ord(ch) <= 0x9FFF or 0xF900 <= ord(ch) <= 0xFAFF or 0xFF00 <= ord(ch) <= 0xFFEF


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database (once); returns the families they provide."""
    if _loaded:
        return _loaded
    from pyqtgraph.Qt import QtGui
    path = resources.files("viewer").joinpath("resources", "fonts", CJK_FILE)
    font_id = QtGui.QFontDatabase.addApplicationFontFromData(path.read_bytes())
    if font_id < 0:
        log.warning("could not load the bundled font %s", CJK_FILE)
        return _loaded
    _loaded.extend(QtGui.QFontDatabase.applicationFontFamilies(font_id))
    return _loaded
