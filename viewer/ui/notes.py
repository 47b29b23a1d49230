"""The story panel: the current event's note with its sources, and unit cards.

All content is escaped before it becomes rich text, and the browser loads no resources at all, so
a note can never pull in a remote or local file.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from ..core.dates import format_date
from ..core.language import format_number, tr
from ..core.model import STATES, Event, Scenario, Unit
from ..core.motion import Positions
from .i18n import side_name, translate
from .style import NOTE_PX, SIDE_COLOURS, font


def caveat_label(kind: str) -> str:
    return {
        "disputed": translate("Notes", "Disputed"),
        "uncertain": translate("Notes", "Uncertain"),
        "one-sided claim": translate("Notes", "One side's claim"),
    }[kind]


def branch_name(branch: str) -> str:
    return {
        "infantry": translate("Units", "infantry"),
        "armour": translate("Units", "armour"),
        "cavalry": translate("Units", "cavalry"),
        "motorised": translate("Units", "motorised infantry"),
        "artillery": translate("Units", "artillery"),
        "hq": translate("Units", "headquarters"),
        "airborne": translate("Units", "airborne"),
        "air": translate("Units", "air force"),
    }[branch]


def echelon_name(echelon: str) -> str:
    return {
        "army group": translate("Units", "army group"),
        "army": translate("Units", "army"),
        "corps": translate("Units", "corps"),
        "division": translate("Units", "division"),
        "brigade": translate("Units", "brigade"),
        "regiment": translate("Units", "regiment"),
        "battalion": translate("Units", "battalion"),
        "detachment": translate("Units", "detachment"),
    }[echelon]


def state_name(state: str) -> str:
    return {
        "moving": translate("Units", "moving"),
        "holding": translate("Units", "holding"),
        "attacking": translate("Units", "attacking"),
        "retreating": translate("Units", "retreating"),
        "destroyed": translate("Units", "destroyed"),
        "withdrawn": translate("Units", "withdrawn"),
    }[state]


def event_html(scenario: Scenario, event: Event, lang: str = "en", naming: str = "soviet") -> str:
    chapter = scenario.chapter(event.chapter)
    when = format_date(event.at, event.precision, lang)
    if event.end:
        when += f" – {format_date(event.end, 'day', lang)}"
    places = ", ".join(
        f'<a href="place:{escape(pid)}">{escape(scenario.places[pid].label(lang, naming))}</a>' for pid in event.places
    )
    parts = [
        f'<p class="chapter">{escape(tr(chapter.title, lang))}</p>',
        f"<h1>{escape(tr(event.title, lang))}</h1>",
        f'<p class="date">{escape(when)}' + (f" · {places}" if places else "") + "</p>",
    ]
    if event.caveat:
        parts.append(
            f'<p class="caveat"><b>{escape(caveat_label(event.caveat.kind))}:</b> {escape(tr(event.caveat.text, lang))}</p>'
        )
    parts.append(f'<p class="note">{escape(tr(event.note, lang))}</p>')
    if event.units:
        label = translate("Notes", "Units:")
        parts.append(
            f'<p class="units">{escape(label)} '
            + ", ".join(f'<a href="unit:{escape(uid)}">{escape(tr(scenario.unit(uid).name, lang))}</a>' for uid in event.units)
            + "</p>"
        )
    parts.append(_sources_html(scenario, event.sources, translate("Notes", "Sources")))
    return "".join(parts)


def unit_html(scenario: Scenario, unit: Unit, positions: Positions | None, index: int, at: datetime, lang: str = "en") -> str:
    side = f'<span style="color:{SIDE_COLOURS[unit.side]}">■</span> {escape(side_name(unit.side))}'
    parts = [
        f'<p class="chapter">{side} · {escape(branch_name(unit.branch))} · {escape(echelon_name(unit.echelon))}</p>',
        f"<h1>{escape(tr(unit.name, lang))}</h1>",
    ]
    if unit.commander:
        cmd = f"{escape(tr(unit.commander.rank, lang))} {escape(tr(unit.commander.name, lang))}"
        note = f" — {escape(tr(unit.commander.note, lang))}" if unit.commander.note else ""
        parts.append(_field(translate("Notes", "Commander (rank in 1939):"), cmd + note))
    else:
        parts.append(_field(translate("Notes", "Commander:"), escape(translate("Notes", "not confirmed in our sources"))))
    if unit.strength:
        parts.append(_field(translate("Notes", "Strength:"), escape(tr(unit.strength, lang))))
    if unit.note:
        parts.append(f"<p>{escape(tr(unit.note, lang))}</p>")
    fix_sources = unit.sources
    if positions is not None and positions.present[index]:
        fix = unit.track[int(positions.fix_index[index])]
        state = state_name(STATES[int(positions.state[index])])
        r = float(positions.radius_km[index])
        where = (
            translate("Notes", "≈ approximate: within about %1 km (inferred from a narrative)").replace(
                "%1", format_number(r, lang, 0 if r == int(r) else 1)
            )
            if r > 0
            else translate("Notes", "as published")
        )
        last = format_date(fix.at, fix.precision, lang)
        if positions.at_fix[index] and at > fix.at:
            timing = translate("Notes", "shown at its last dated position (%1)").replace("%1", last)
        elif positions.at_fix[index]:
            timing = translate("Notes", "at a dated position")
        else:
            timing = translate("Notes", "between dated positions (last: %1); shown interpolated").replace("%1", last)
        parts.append(_field(translate("Notes", "Now:"), f"{escape(state)}, {escape(timing)}."))  # the date is shown large already
        how = f" {escape(tr(fix.how, lang))}." if fix.how else ""
        parts.append(_field(translate("Notes", "Position:"), f"{escape(where)}.{how}", "caveat"))
        fix_sources = fix.sources
        heading = translate("Notes", "Sources of this position")
    else:
        parts.append(
            _field(translate("Notes", "Now:"), escape(translate("Notes", "not on the map at this instant (no dated position).")))
        )
        heading = translate("Notes", "Sources")
    parts.append(_sources_html(scenario, fix_sources, heading))
    return "".join(parts)


def _field(label: str, html: str, css: str = "") -> str:
    """A labelled line of a card; `html` is already escaped."""
    cls = f' class="{css}"' if css else ""
    return f"<p{cls}><b>{escape(label)}</b> {html}</p>"


def _sources_html(scenario: Scenario, ids, heading: str) -> str:
    """Citations stay as published, in the language of the work: a bibliography is not translated."""
    items = "".join(f"<li>{escape(scenario.sources[s].citation)}</li>" for s in ids)
    return f'<p class="sources"><b>{escape(heading)}</b></p><ol class="sources">{items}</ol>'


class NotesPanel(QtWidgets.QTextBrowser):
    """Shows HTML built above; links are `place:ID`, `unit:ID`, `event:ID` and are handled by the window."""

    sigLink = QtCore.Signal(str, str)  # kind, id

    def __init__(self, parent: QtWidgets.QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        self.setFont(font(NOTE_PX * scale))
        px = round(NOTE_PX * scale)
        self.document().setDefaultStyleSheet(
            f"h1 {{ font-size: {round(px * 1.45)}px; margin: 4px 0 6px 0; }}"
            f"p {{ margin: 0 0 {round(px * 0.6)}px 0; }}"
            f".chapter {{ color: #6B6355; font-size: {round(px * 0.8)}px; }}"
            f".date {{ color: #8A3B12; font-weight: bold; }}"
            f".caveat {{ background-color: #FFF2CC; color: #5A4300; }}"
            f".sources, ol.sources {{ font-size: {max(16, round(px * 0.72))}px; color: #444444; }}"
            "a { color: #1F4E8C; }"
        )
        self.document().setDocumentMargin(round(14 * scale))

    def show_html(self, html: str) -> None:
        """Replace the text, unless it is the same: a unit card is re-checked on every frame of playback."""
        if html != getattr(self, "_html", None):
            self._html = html
            self.setHtml(html)

    def loadResource(self, kind: int, url: QtCore.QUrl):
        """Nothing is loaded: no image, stylesheet or file, local or remote. Never None: for a null answer Qt 6's
        QTextDocument::loadResource reads a local file itself, and for an image that does not decode its image
        handler loads the file by name; a blank 1x1 image and an empty byte array leave them nothing to fetch."""
        if kind == QtGui.QTextDocument.ResourceType.ImageResource:
            blank = QtGui.QImage(1, 1, QtGui.QImage.Format.Format_ARGB32)
            blank.fill(QtCore.Qt.GlobalColor.transparent)
            return blank
        return QtCore.QByteArray()

    def _on_anchor(self, url: QtCore.QUrl) -> None:
        kind, _, ident = url.toString().partition(":")
        if kind in ("place", "unit", "event") and ident:
            self.sigLink.emit(kind, ident)
