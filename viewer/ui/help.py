"""The keyboard-shortcut sheet (F1 or ?) and the About box with sources, attributions and licences."""

from __future__ import annotations

from html import escape

from pyqtgraph.Qt import QtWidgets

from .. import __version__
from ..core.model import Scenario
from .i18n import translate
from .notes import NotesPanel

# Names of data sets, software and licences stay as their authors publish them.
ATTRIBUTIONS = (
    (
        "GSHHG",
        "GSHHG 2.3.7 (Wessel, P., and W. H. F. Smith, 1996, J. Geophys. Res., 101, 8741–8743), from World Data "
        "Bank II. GNU Lesser General Public License, version 3 or later (assets/geo/LICENSE-LGPL-3.txt).",
    ),
    ("Natural Earth", "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com. Public domain."),
    (
        "Software",
        "Qt for Python (PySide6, LGPL-3.0), pyqtgraph (MIT), Shapely (BSD-3-Clause), PyYAML (MIT), "
        "jsonschema (MIT), NumPy (BSD-3-Clause).",
    ),
    (
        "Fonts",
        "Noto Sans (Latin, Cyrillic) and Noto Sans CJK JP, subsets made with fontTools; © Google and © Adobe, "
        "SIL Open Font License 1.1 (viewer/resources/fonts/OFL-*.txt).",
    ),
)


def attribution_heading(key: str) -> str:
    return {
        "GSHHG": translate("Help", "Shorelines, rivers and borders"),
        "Natural Earth": translate("Help", "Regional inset"),
        "Software": translate("Help", "Software"),
        "Fonts": translate("Help", "Fonts"),
    }[key]


def shortcuts_html(rows_of_keys: list[tuple[str, str]]) -> str:
    """The sheet of (keys, what they do) rows, as the window's commands declare them."""
    rows = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows_of_keys)
    title = translate("Help", "Keyboard shortcuts")
    return f"<h1>{escape(title)}</h1><table cellpadding='6'>{rows}</table>"


def about_html(scenario: Scenario, lang: str = "en", naming: str = "soviet") -> str:
    attributions = "".join(f"<p><b>{escape(attribution_heading(k))}:</b> {escape(v)}</p>" for k, v in ATTRIBUTIONS)
    sources = "".join(f"<li>{escape(s.citation)} <i>({escape(s.grade)})</i></li>" for s in scenario.sources.values())
    paragraphs = [
        translate("Help", "Version %1.").replace("%1", __version__)
        + " "
        + translate(
            "Help", "A map-and-timeline viewer of the 1939 battles of Khalkhin Gol, known in Japan as the Nomonhan Incident."
        ),
        translate(
            "Help",
            "Positions marked ≈ are inferred from narratives and drawn with their uncertainty; disputed "
            "dates and one side's figures are flagged in the notes.",
        ),
        translate(
            "Help",
            "The Russian, Mongolian and Japanese texts are translations of the English notes awaiting "
            "review by native-speaking historians; where they differ, the English text is the reference.",
        ),
    ]
    data, viewer, cited = translate("Help", "Data and licences"), translate("Help", "This viewer"), translate("Help", "Sources")
    licence = translate("Help", "MIT licence; the content (events.yaml) cites its sources below.")
    grades = translate(
        "Help", "Grades: A scholarly or primary, B encyclopedia, C popular web, D forum or blog (never the only support)."
    )
    return (
        f"<h1>{escape(scenario.display_title(lang, naming))}</h1>"
        + "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
        + f"<h2>{escape(data)}</h2>{attributions}<p><b>{escape(viewer)}:</b> {escape(licence)}</p>"
        + f"<h2>{escape(cited)}</h2><p>{escape(grades)}</p><ol>{sources}</ol>"
    )


class InfoDialog(QtWidgets.QDialog):
    """A non-modal sheet of rich text (no resources loaded)."""

    def __init__(self, title: str, html: str, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = NotesPanel(self)
        self.text.show_html(html)
        buttons = QtWidgets.QDialogButtonBox()
        buttons.addButton(translate("Help", "Close"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(900, 700)
