"""The story panel: the current event's note with its sources, and unit cards.

All content is escaped before it becomes rich text, and the browser loads no resources at all, so
a note can never pull in a remote or local file.
"""
from __future__ import annotations

from datetime import datetime
from html import escape

from pyqtgraph.Qt import QtCore, QtWidgets

from ..core.dates import format_date
from ..core.model import Event, Scenario, Unit, tr
from ..core.motion import Positions
from .style import NOTE_PX, SIDE_COLOURS, SIDE_NAMES, font

CAVEAT_LABELS = {"disputed": "Disputed", "uncertain": "Uncertain", "one-sided claim": "One side's claim"}


def event_html(scenario: Scenario, event: Event, lang: str = "en") -> str:
    chapter = scenario.chapter(event.chapter)
    when = format_date(event.at, event.precision)
    if event.end:
        when += f" – {format_date(event.end, 'day')}"
    places = ", ".join(f'<a href="place:{escape(pid)}">{escape(tr(scenario.places[pid].name, lang))}</a>' for pid in event.places)
    parts = [f'<p class="chapter">{escape(tr(chapter.title, lang))}</p>',
             f"<h1>{escape(tr(event.title, lang))}</h1>",
             f'<p class="date">{escape(when)}' + (f" · {places}" if places else "") + "</p>"]
    if event.caveat:
        parts.append(f'<p class="caveat"><b>{CAVEAT_LABELS[event.caveat.kind]}:</b> {escape(tr(event.caveat.text, lang))}</p>')
    parts.append(f'<p class="note">{escape(tr(event.note, lang))}</p>')
    if event.units:
        parts.append('<p class="units">Units: ' + ", ".join(
            f'<a href="unit:{escape(uid)}">{escape(tr(scenario.unit(uid).name, lang))}</a>' for uid in event.units) + "</p>")
    parts.append(_sources_html(scenario, event.sources))
    return "".join(parts)


def unit_html(scenario: Scenario, unit: Unit, positions: Positions | None, index: int, at: datetime, lang: str = "en") -> str:
    side = f'<span style="color:{SIDE_COLOURS[unit.side]}">■</span> {SIDE_NAMES[unit.side]}'
    parts = [f'<p class="chapter">{side} · {escape(unit.branch)} · {escape(unit.echelon)}</p>',
             f"<h1>{escape(tr(unit.name, lang))}</h1>"]
    if unit.commander:
        cmd = f"{escape(unit.commander.rank)} {escape(unit.commander.name)}"
        note = f" — {escape(tr(unit.commander.note, lang))}" if unit.commander.note else ""
        parts.append(f"<p><b>Commander (rank in 1939):</b> {cmd}{note}</p>")
    else:
        parts.append("<p><b>Commander:</b> not confirmed in our sources</p>")
    if unit.strength:
        parts.append(f"<p><b>Strength:</b> {escape(tr(unit.strength, lang))}</p>")
    if unit.note:
        parts.append(f"<p>{escape(tr(unit.note, lang))}</p>")
    fix_sources = unit.sources
    if positions is not None and positions.present[index]:
        fix = unit.track[int(positions.fix_index[index])]
        state = ["moving", "holding", "attacking", "retreating", "destroyed", "withdrawn"][int(positions.state[index])]
        r = float(positions.radius_km[index])
        where = (f"≈ approximate: within about {r:g} km (inferred from a narrative)" if r > 0 else "as published")
        if positions.at_fix[index] and at > fix.at:
            timing = f"shown at its last dated position ({format_date(fix.at, fix.precision)})"
        elif positions.at_fix[index]:
            timing = "at a dated position"
        else:
            timing = f"between dated positions (last: {format_date(fix.at, fix.precision)}); shown interpolated"
        parts.append(f"<p><b>Now:</b> {state}, {timing}.</p>")  # the date is shown large already
        parts.append(f'<p class="caveat"><b>Position:</b> {escape(where)}.' + (f" {escape(fix.how)}." if fix.how else "") + "</p>")
        fix_sources = fix.sources
    else:
        parts.append("<p><b>Now:</b> not on the map at this instant (no dated position).</p>")
    parts.append(_sources_html(scenario, fix_sources, "Sources of this position" if positions is not None else "Sources"))
    return "".join(parts)


def _sources_html(scenario: Scenario, ids, heading: str = "Sources") -> str:
    items = "".join(f"<li>{escape(scenario.sources[s].citation)}</li>" for s in ids)
    return f'<p class="sources"><b>{heading}</b></p><ol class="sources">{items}</ol>'


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
            "a { color: #1F4E8C; }")
        self.document().setDocumentMargin(round(14 * scale))

    def show_html(self, html: str) -> None:
        """Replace the text, unless it is the same: a unit card is re-checked on every frame of playback."""
        if html != getattr(self, "_html", None):
            self._html = html
            self.setHtml(html)

    def loadResource(self, kind: int, url: QtCore.QUrl):  # noqa: N802 - Qt override
        return None  # no images, stylesheets or files: content may not load anything

    def _on_anchor(self, url: QtCore.QUrl) -> None:
        kind, _, ident = url.toString().partition(":")
        if kind in ("place", "unit", "event") and ident:
            self.sigLink.emit(kind, ident)
