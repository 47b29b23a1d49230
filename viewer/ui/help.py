"""The keyboard-shortcut sheet (F1 or ?) and the About box with sources, attributions and licences."""
from __future__ import annotations

from html import escape

from pyqtgraph.Qt import QtWidgets

from .. import __version__
from ..core.model import Scenario
from .notes import NotesPanel

SHORTCUTS = (
    ("Space", "play / pause"),
    ("→  or  Page Down", "next event (what a presentation clicker sends)"),
    ("←  or  Page Up", "previous event"),
    ("Home / End", "start / end of the timeline"),
    ("+ / −", "zoom the map in / out (also the mouse wheel or a pinch)"),
    ("0", "fit the battlefield"),
    ("Shift + arrows", "pan the map (also drag it)"),
    ("F1  or  ?", "this sheet"),
)

ATTRIBUTIONS = (
    ("Shorelines, rivers and borders", "GSHHG 2.3.7 (Wessel, P., and W. H. F. Smith, 1996, J. Geophys. Res., 101, 8741–8743), "
     "from World Data Bank II. GNU Lesser General Public License, version 3 or later (the licence text ships with the app "
     "in assets/geo/LICENSE-LGPL-3.txt)."),
    ("Regional inset", "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com. Public domain."),
    ("Software", "Qt for Python (PySide6, LGPL-3.0), pyqtgraph (MIT), Shapely (BSD-3-Clause), PyYAML (MIT), "
     "jsonschema (MIT), NumPy (BSD-3-Clause)."),
    ("Fonts", "Noto Sans CJK JP (a subset for the Japanese and Chinese titles of sources), © Adobe, SIL Open Font "
     "License 1.1 (viewer/resources/fonts/OFL-NotoSansCJK.txt); DejaVu Sans from the system."),
    ("This viewer", "MIT licence; the content (events.yaml) cites its sources below."),
)


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in SHORTCUTS)
    return f"<h1>Keyboard shortcuts</h1><table cellpadding='6'>{rows}</table>"


def about_html(scenario: Scenario) -> str:
    attributions = "".join(f"<p><b>{escape(k)}:</b> {escape(v)}</p>" for k, v in ATTRIBUTIONS)
    sources = "".join(f"<li>{escape(s.citation)} <i>({escape(s.grade)})</i></li>" for s in scenario.sources.values())
    return (f"<h1>Khalkhin Gol 1939</h1><p>Version {escape(__version__)}. A map-and-timeline viewer of the 1939 battles of "
            "Khalkhin Gol, known in Japan as the Nomonhan Incident.</p>"
            "<p>Positions marked ≈ are inferred from narratives and drawn with their uncertainty; disputed dates and "
            "one side's figures are flagged in the notes.</p>"
            f"<h2>Data and licences</h2>{attributions}"
            "<h2>Sources</h2><p>Grades: A scholarly or primary, B encyclopedia, C popular web, D forum or blog (never the "
            f"only support).</p><ol>{sources}</ol>")


class InfoDialog(QtWidgets.QDialog):
    """A non-modal sheet of rich text (no resources loaded)."""

    def __init__(self, title: str, html: str, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = NotesPanel(self)
        self.text.show_html(html)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(900, 700)
