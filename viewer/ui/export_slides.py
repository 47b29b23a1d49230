"""Slides a lecturer drops into their own talk: one per story step, the map alone at that step (with its caption
band) under the step's title; the step's note, caveat and sources in the speaker notes.

A `.pptx` deck is written with python-pptx, the field's standard for PowerPoint files (LibreOffice, Keynote and
Google Slides open it too); a `.pdf` deck has the same slides, one page each, for any projector.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyqtgraph.Qt import QtCore, QtGui

from ..core.dates import format_date
from ..core.export_limits import check_size, exclusive_output
from ..core.language import tr
from ..core.model import Event, Scenario
from ..core.story import Story
from .export import Cancelled, Progress, print_font
from .i18n import translate
from .map_frame import MapFrame
from .notes import caveat_label

SLIDE_MM = (338.667, 190.5)  # PowerPoint's 16:9 slide (13.333 x 7.5 in)
TITLE_SHARE = 0.13  # of the slide's height, above the map


def speaker_notes(scenario: Scenario, event: Event, lang: str) -> str:
    """What the lecturer reads: the date, the note, the caveat and the sources, as plain text."""
    lines = [f"{format_date(event.at, event.precision, lang)} — {tr(event.title, lang)}", "", tr(event.note, lang)]
    if event.caveat:
        lines += ["", f"{caveat_label(event.caveat.kind)}: {tr(event.caveat.text, lang)}"]
    if event.sources:
        lines += ["", translate("Notes", "Sources") + ":"]
        lines += [f"{i}. {scenario.sources[s].citation}" for i, s in enumerate(event.sources, start=1)]
    return "\n".join(lines)


def export_slides(
    scenario: Scenario,
    out: Path,
    size: tuple[int, int] = (1920, 1080),
    progress: Progress | None = None,
    view: dict[str, Any] | None = None,
) -> int:
    """A deck by the suffix of `out` (.pptx or .pdf); returns the number of slides."""
    check_size(size)
    suffix = out.suffix.lower()
    if suffix not in (".pptx", ".pdf"):
        raise ValueError(f"{out}: slides are written as .pptx or .pdf; give a file name ending in one of them")
    steps = Story.chronological(scenario.events).steps
    with MapFrame(scenario, size, steps[0].at, view) as frame, exclusive_output(out) as tmp:
        lang = frame.state.language
        deck = _PptxDeck(tmp) if suffix == ".pptx" else _PdfDeck(tmp, scenario.display_title(lang, frame.state.naming))
        for i, event in enumerate(steps):
            frame.show(event.at, event.precision)
            deck.add(tr(event.title, lang), frame.image(), speaker_notes(scenario, event, lang))
            if progress and not progress((i + 1) / len(steps)):
                deck.abandon()
                raise Cancelled()
        deck.save()
    return len(steps)


class _PptxDeck:
    def __init__(self, path: Path) -> None:
        from pptx import Presentation
        from pptx.util import Emu

        self.path = path
        self.prs = Presentation()
        self.size = 12192000, 6858000  # EMU of a 16:9 slide
        self.prs.slide_width, self.prs.slide_height = Emu(self.size[0]), Emu(self.size[1])
        self.layout = self.prs.slide_layouts[5]  # "Title Only"

    def add(self, title: str, image: QtGui.QImage, notes: str) -> None:
        import io

        from pptx.util import Emu, Pt

        slide = self.prs.slides.add_slide(self.layout)
        w, h = self.size
        head = slide.shapes.title
        head.left, head.top, head.width, head.height = (
            Emu(round(w * 0.04)),
            Emu(0),
            Emu(round(w * 0.92)),
            Emu(round(h * TITLE_SHARE)),
        )
        head.text = title
        for paragraph in head.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(28)
        room_h = h * (1 - TITLE_SHARE)
        pic_w = min(w, room_h * image.width() / image.height())
        pic_h = pic_w * image.height() / image.width()
        slide.shapes.add_picture(
            io.BytesIO(_png_bytes(image)),
            Emu(round((w - pic_w) / 2)),
            Emu(round(h * TITLE_SHARE)),
            Emu(round(pic_w)),
            Emu(round(pic_h)),
        )
        slide.notes_slide.notes_text_frame.text = notes

    def abandon(self) -> None:
        """Nothing to release: the deck lives in memory until saved."""

    def save(self) -> None:
        self.prs.save(str(self.path))


class _PdfDeck:
    """The same slides on 16:9 pages: the title, then the map."""

    def __init__(self, path: Path, title: str) -> None:
        self.writer = QtGui.QPdfWriter(str(path))
        self.writer.setPageSize(QtGui.QPageSize(QtCore.QSizeF(*SLIDE_MM), QtGui.QPageSize.Unit.Millimeter))
        self.writer.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0))
        self.writer.setResolution(144)
        self.writer.setTitle(title)
        self.writer.setCreator("Khalkhin Gol 1939 viewer")
        self.painter: QtGui.QPainter | None = None

    def add(self, title: str, image: QtGui.QImage, _notes: str) -> None:
        if self.painter is None:
            self.painter = QtGui.QPainter(self.writer)
        else:
            self.writer.newPage()
        p, page = self.painter, QtCore.QRectF(self.writer.pageLayout().fullRectPixels(self.writer.resolution()))
        p.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
        head_h = page.height() * TITLE_SHARE
        p.setFont(_pixel_font(print_font(28), self.writer.resolution()))
        p.setPen(QtGui.QColor("#2B2B2B"))
        flags = QtCore.Qt.AlignmentFlag.AlignVCenter | QtCore.Qt.AlignmentFlag.AlignLeft
        p.drawText(QtCore.QRectF(page.width() * 0.04, 0, page.width() * 0.92, head_h), flags, title)
        room = QtCore.QRectF(0, head_h, page.width(), page.height() - head_h)
        w = min(room.width(), room.height() * image.width() / image.height())
        h = w * image.height() / image.width()
        p.drawImage(QtCore.QRectF(room.left() + (room.width() - w) / 2, room.top(), w, h), image)

    def abandon(self) -> None:
        if self.painter is not None:
            self.painter.end()

    def save(self) -> None:
        if self.painter is None or not self.painter.end():
            raise OSError("could not write the PDF deck")


def _pixel_font(f: QtGui.QFont, dpi: int) -> QtGui.QFont:
    f = QtGui.QFont(f)
    f.setPixelSize(round(f.pointSizeF() * dpi / 72))
    return f


def _png_bytes(image: QtGui.QImage) -> bytes:
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())
