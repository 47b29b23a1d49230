"""Fonts shipped with the app, so every machine shows all four languages alike and without empty boxes.

Noto Sans (Latin, Cyrillic with Mongolian Ө and Ү) is cut to whole Unicode blocks, so text a curator adds
in those scripts is covered; Noto Sans CJK JP is cut to the characters the content and the interface use
(the full font is ~16 MB). Both are made by tools/subset_fonts.py; a test checks the coverage.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

log = logging.getLogger("viewer.fonts")
# Family names of our own (set by tools/subset_fonts.py) so that a system's Noto never stands in for them.
FAMILY = "KG Noto Sans"
CJK_FAMILY = "KG Noto Sans CJK JP"
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
LATIN_FILES = tuple(f"NotoSans-{style}-Subset.ttf" for style in STYLES)
CJK_FILE = "NotoSansCJKjp-Subset.otf"
# Blocks kept whole from Noto Sans: Latin (with the macrons of Japanese romanisation), Cyrillic, punctuation,
# arrows and the few symbols the interface draws (≈ − ² № ■).
LATIN_RANGES = (
    (0x0020, 0x024F),
    (0x0300, 0x036F),
    (0x0400, 0x052F),
    (0x1E00, 0x1EFF),
    (0x2000, 0x206F),
    (0x20A0, 0x20CF),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
    (0x25A0, 0x25FF),
)
_loaded: list[str] = []


def font_dir() -> Path:
    return Path(str(resources.files("viewer") / "resources" / "fonts"))


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database (once); returns the families they provide."""
    if _loaded:
        return _loaded
    from pyqtgraph.Qt import QtGui

    for name in LATIN_FILES + (CJK_FILE,):
        font_id = QtGui.QFontDatabase.addApplicationFontFromData((font_dir() / name).read_bytes())
        if font_id < 0:
            log.warning("could not load the bundled font %s", name)
            continue
        _loaded.extend(f for f in QtGui.QFontDatabase.applicationFontFamilies(font_id) if f not in _loaded)
    app = QtGui.QGuiApplication.instance()
    base = app.font()
    base.setFamilies([FAMILY, CJK_FAMILY])  # menus, dialogs and tooltips too, not only the widgets we style
    base.setPixelSize(15)  # not the platform's default size, which differs between machines
    app.setFont(base)
    return _loaded


def text_shown(root: Path) -> str:
    """Every text the app can show: the content in all languages, the interface catalogues, and the symbols
    and key names written straight into the Qt layer (■, ≈, ←)."""
    files: Iterable[Path] = [
        root / "assets" / "events.yaml",
        *sorted((root / "assets" / "i18n").glob("*.yaml")),
        *sorted((root / "translations").glob("*.ts")),
        *sorted((root / "viewer" / "ui").glob("*.py")),
    ]
    return "".join(p.read_text(encoding="utf-8") for p in files if p.exists())
