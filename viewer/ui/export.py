"""Exports for lectures: pictures (PNG, SVG), a printed handout (PDF) and video (MP4, GIF).

Every export writes to a temporary file beside the target and renames it only when complete, so a
cancelled or failed export leaves nothing behind. Progress goes to a callback that returns False to
cancel (the terminal bar and the app's progress dialog both use it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

from pyqtgraph.Qt import QtCore, QtGui

from ..core.dates import format_date
from ..core.language import tr
from ..core.model import Scenario
from ..core.safe_files import atomic_path
from ..core.view_state import ViewState
from .i18n import translate
from .notes import caveat_label
from .style import scale_for

Progress = Callable[[float], bool]  # fraction done -> keep going?
PAPERS = {"A4": QtGui.QPageSize.PageSizeId.A4, "Letter": QtGui.QPageSize.PageSizeId.Letter}


def frame_view(state: ViewState) -> dict[str, Any]:
    """What an export takes from the view it was asked from: language, naming, layers and timeline span
    (the frame itself is laid out afresh at the export's size and fits the battlefield)."""
    return {"language": state.language, "naming": state.naming, "layers": state.layers, "span": state.span}


class Cancelled(Exception):
    """The user cancelled an export; nothing was written."""


@contextlib.contextmanager
def _frame_window(scenario: Scenario, size: tuple[int, int], at: datetime, view: dict[str, Any] | None) -> Iterator:
    """A window laid out at `size`, as the renderer shows it (offscreen where there is no display), in the
    language, naming and layers of `view` (else the process's language, all layers)."""
    from .app import _application, headless_platform
    from .main_window import MainWindow

    headless_platform()
    app = _application()
    window = MainWindow(scenario, None, instant=at, **(view or {}))
    window.apply_scale(scale_for(size[1]))
    window.resize(*size)
    window.show()
    app.processEvents()
    window.state.camera = window.state.bounds.home
    app.processEvents()
    try:
        yield window
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def grab(window, at: datetime) -> QtGui.QImage:
    window.state.instant = at
    QtCore.QCoreApplication.processEvents()
    return window.grab().toImage()


def export_png(scenario: Scenario, at: datetime, size: tuple[int, int], out: Path, view: dict[str, Any] | None = None) -> None:
    with _frame_window(scenario, size, at, view) as window, atomic_path(out) as tmp:
        image = grab(window, at)
        if (image.width(), image.height()) != size:
            raise ValueError(f"the window cannot be laid out at {size[0]}x{size[1]}")
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"could not write {out}")


def export_svg(scenario: Scenario, at: datetime, size: tuple[int, int], out: Path, view: dict[str, Any] | None = None) -> None:
    from PySide6.QtSvg import QSvgGenerator

    with _frame_window(scenario, size, at, view) as window, atomic_path(out) as tmp:
        window.state.instant = at
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(QtCore.QSize(*size))
        generator.setViewBox(QtCore.QRect(0, 0, *size))
        lang, naming = window.state.language, window.state.naming
        generator.setTitle(f"{scenario.display_title(lang, naming)} — {format_date(at, 'time', lang)}")
        painter = QtGui.QPainter(generator)
        window.render(painter, QtCore.QPoint(0, 0))
        painter.end()


def export_handout(
    scenario: Scenario, out: Path, paper: str = "A4", progress: Progress | None = None, view: dict[str, Any] | None = None
) -> int:
    """One page per chapter: its map at the chapter's key instant, its events' notes and their sources."""
    chapters = list(scenario.chapters)
    with _frame_window(scenario, (1600, 1000), scenario.campaign_start, view) as window, atomic_path(out) as tmp:
        writer = QtGui.QPdfWriter(str(tmp))
        writer.setPageSize(QtGui.QPageSize(PAPERS[paper]))
        writer.setPageMargins(QtCore.QMarginsF(12, 12, 12, 12), QtGui.QPageLayout.Unit.Millimeter)
        writer.setResolution(200)
        writer.setTitle(scenario.display_title(window.state.language, window.state.naming))
        painter = QtGui.QPainter(writer)
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        for i, chapter in enumerate(chapters):
            if i:
                writer.newPage()
            events = [e for e in scenario.events if e.chapter == chapter.id]
            key = next((e for e in events if e.key), events[0] if events else None)
            at = key.at if key else chapter.start
            image = grab(window, at) if scenario.campaign_start <= at <= scenario.campaign_end else None
            y = 0
            if image is not None:
                map_h = round(page.width() * image.height() / image.width())
                painter.drawImage(QtCore.QRect(0, 0, page.width(), map_h), image)
                y = map_h + 30
            doc = QtGui.QTextDocument()
            doc.setDefaultFont(_print_font())
            doc.setTextWidth(page.width())
            doc.setHtml(_chapter_html(scenario, chapter, events, at if image is not None else None, window.state.language))
            painter.save()
            painter.translate(0, y)
            scale = min(1.0, (page.height() - y) / max(doc.size().height(), 1))  # shrink a long chapter to fit its page
            painter.scale(scale, scale)
            doc.setTextWidth(page.width() / scale)
            doc.drawContents(painter)
            painter.restore()
            if progress and not progress((i + 1) / len(chapters)):
                painter.end()
                raise Cancelled()
        painter.end()
    return len(chapters)


def _print_font() -> QtGui.QFont:
    from .style import CJK_FAMILY, FONT_FAMILY

    f = QtGui.QFont()
    f.setFamilies([FONT_FAMILY, CJK_FAMILY])
    f.setPointSizeF(9)
    return f


def _chapter_html(scenario: Scenario, chapter, events, map_at: datetime | None, lang: str) -> str:
    parts = [f"<h2>{escape(tr(chapter.title, lang))}</h2>"]
    if map_at is not None:
        line = translate("Export", "Map: %1. Positions marked ≈ are approximate.").replace(
            "%1", format_date(map_at, "time", lang)
        )
        parts.append(f"<p><i>{escape(line)}</i></p>")
    cited: list[str] = []
    for e in events:
        when = format_date(e.at, e.precision, lang)
        caveat = f" <i>[{escape(caveat_label(e.caveat.kind))}: {escape(tr(e.caveat.text, lang))}]</i>" if e.caveat else ""
        parts.append(f"<p><b>{escape(when)} — {escape(tr(e.title, lang))}.</b> {escape(tr(e.note, lang))}{caveat}</p>")
        cited += [s for s in e.sources if s not in cited]
    heading = translate("Notes", "Sources")
    parts.append(
        f"<p><b>{escape(heading)}</b></p><ol>"
        + "".join(f"<li>{escape(scenario.sources[s].citation)}</li>" for s in cited)
        + "</ol>"
    )
    return "".join(parts)


def video_instants(start: datetime, end: datetime, fps: int, seconds: float | None = None) -> list[datetime]:
    """Frame instants: by default one day of history per second of video."""
    span = end - start
    seconds = seconds if seconds is not None else max(1.0, span / timedelta(days=1))
    n = max(2, round(seconds * fps))
    return [start + span * (i / (n - 1)) for i in range(n)]


def export_video(
    scenario: Scenario,
    start: datetime,
    end: datetime,
    fps: int,
    size: tuple[int, int],
    out: Path,
    progress: Progress | None = None,
    seconds: float | None = None,
    view: dict[str, Any] | None = None,
) -> int:
    """H.264 MP4 (through imageio-ffmpeg, which ships its own ffmpeg) or animated GIF, by the file's suffix."""
    import imageio_ffmpeg

    instants = video_instants(start, end, fps, seconds)
    gif = out.suffix.lower() == ".gif"
    with _frame_window(scenario, size, start, view) as window, atomic_path(out) as tmp:
        if gif:
            writer = _gif_writer(tmp, size, fps)
        else:
            writer = imageio_ffmpeg.write_frames(
                str(tmp),
                size,
                fps=fps,
                codec="libx264",
                pix_fmt_in="rgb24",
                pix_fmt_out="yuv420p",
                quality=7,
                macro_block_size=8,
                output_params=["-preset", "veryfast"],
                ffmpeg_log_level="error",
            )
        writer.send(None)
        try:
            for i, at in enumerate(instants):
                image = grab(window, at).convertToFormat(QtGui.QImage.Format.Format_RGB888)
                if (image.width(), image.height()) != size:
                    raise ValueError(f"the window cannot be laid out at {size[0]}x{size[1]}")
                writer.send(_rgb_bytes(image))
                if progress and not progress((i + 1) / len(instants)):
                    raise Cancelled()
        finally:
            writer.close()
    return len(instants)


def _rgb_bytes(image: QtGui.QImage) -> bytes:
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    data = bytes(image.constBits())
    return data if stride == 3 * w else b"".join(data[y * stride : y * stride + 3 * w] for y in range(h))


def _gif_writer(path: Path, size: tuple[int, int], fps: int):
    """An animated GIF through the same ffmpeg (palette generated on the fly)."""
    import subprocess

    import imageio_ffmpeg

    def gen():
        proc = subprocess.Popen(
            [
                imageio_ffmpeg.get_ffmpeg_exe(),
                "-loglevel",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-s",
                f"{size[0]}x{size[1]}",
                "-r",
                str(fps),
                "-i",
                "-",
                "-vf",
                "split[a][b];[a]palettegen[p];[b][p]paletteuse",
                "-f",
                "gif",
                str(path),
            ],
            stdin=subprocess.PIPE,
        )
        stdin = proc.stdin
        assert stdin is not None  # asked for with stdin=PIPE
        try:
            while True:
                frame = yield
                if frame is None:
                    continue
                stdin.write(frame)
        except GeneratorExit:
            stdin.close()
            if proc.wait() != 0:
                raise OSError("ffmpeg could not write the GIF") from None

    return gen()
