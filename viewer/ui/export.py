"""Exports for lectures: pictures (PNG, SVG), a printed handout (PDF) and video (MP4, GIF); slides are in
export_slides.py. Every picture is the map alone (`MapFrame`: no buttons, no panels, a caption band).

Every export checks its arguments first (`core.export_limits`), is the only writer of its output, and writes a
temporary file beside the target that is renamed only when complete, so a cancelled, failed or killed export
leaves nothing behind. Progress goes to a callback that returns False to cancel (the terminal bar and the app's
export job both use it).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta
from html import escape
from itertools import groupby
from pathlib import Path
from typing import Any

from pyqtgraph.Qt import QtCore, QtGui

from ..core.dates import format_date
from ..core.export_limits import check_frames, check_instant, check_size, exclusive_output
from ..core.language import tr
from ..core.model import Chapter, Event, Scenario
from ..core.pacing import paced_instants
from ..core.view_state import ViewState
from . import video_halves
from .frame_pipe import FramePipe
from .i18n import translate
from .map import labels
from .map_frame import MapFrame, frame_instant_range
from .notes import caveat_label

Progress = Callable[[float], bool]  # fraction done -> keep going?
PAPERS = {"A4": QtGui.QPageSize.PageSizeId.A4, "Letter": QtGui.QPageSize.PageSizeId.Letter}
BODY_PT, HEADING_PT = 10.0, 15.0  # handout type (the issue asks 9-11 pt body text)
HANDOUT_MAP_PX = (2400, 1350)  # the handout's map: 300 dpi across an A4 text column
VIDEO_QP = 18  # x264's quantiser: measured 35.5-36.7 dB against the drawn frames, as CRF 20 gave, in a quarter less space


def frame_view(state: ViewState) -> dict[str, Any]:
    """What an export takes from the view it was asked from: language, naming, layers and timeline span
    (the frame itself is laid out afresh at the export's size and fits the battlefield)."""
    return {"language": state.language, "naming": state.naming, "layers": state.layers, "span": state.span}


class Cancelled(Exception):
    """The user cancelled an export; nothing was written."""


def _check_at(scenario: Scenario, at: datetime) -> None:
    check_instant(at, *frame_instant_range(scenario))


@contextmanager
def _still(
    scenario: Scenario, at: datetime, size: tuple[int, int], out: Path, view: dict[str, Any] | None, precision: str
) -> Iterator[tuple[MapFrame, Path]]:
    """A frame at `at` (checked against the content and the size limits) and the temporary file it is written to,
    which replaces `out` only if the export finishes."""
    _check_at(scenario, at)
    check_size(size)
    with MapFrame(scenario, size, at, view) as frame, exclusive_output(out) as tmp:
        frame.show(at, precision)
        yield frame, tmp


def export_png(
    scenario: Scenario, at: datetime, size: tuple[int, int], out: Path, view: dict[str, Any] | None = None, precision: str = "day"
) -> None:
    with _still(scenario, at, size, out, view, precision) as (frame, tmp):
        if not frame.image().save(str(tmp), "PNG"):
            raise OSError(f"could not write {out}")


def export_svg(
    scenario: Scenario, at: datetime, size: tuple[int, int], out: Path, view: dict[str, Any] | None = None, precision: str = "day"
) -> None:
    from PySide6.QtSvg import QSvgGenerator

    with _still(scenario, at, size, out, view, precision) as (frame, tmp):
        generator = QSvgGenerator()
        generator.setFileName(str(tmp))
        generator.setSize(QtCore.QSize(*size))
        generator.setViewBox(QtCore.QRect(0, 0, *size))
        generator.setResolution(96)  # the recorded pictures' resolution: at the default 72 they would shrink
        date, title = frame.caption()
        generator.setTitle(f"{scenario.display_title(frame.state.language, frame.state.naming)} — {date}: {title}")
        frame.paint_vectors(generator)


# --- the handout ------------------------------------------------------------------------------
def decisive_event(scenario: Scenario, chapter: Chapter) -> Event | None:
    """The chapter's decisive moment, as the content names it (`decisive_event`: for August the ring closing, not
    the opening barrage nor the instant with most units); without it, the chapter's key event in the campaign."""
    if chapter.decisive_event is not None:
        return scenario.event(chapter.decisive_event)
    start, end = scenario.campaign_start, scenario.campaign_end
    return next((e for e in scenario.events if e.chapter == chapter.id and e.key and start <= e.at <= end), None)


def export_handout(
    scenario: Scenario, out: Path, paper: str = "A4", progress: Progress | None = None, view: dict[str, Any] | None = None
) -> int:
    """Chapters in order, each from a new page: its map at its decisive moment (the map alone, with its caption),
    its events' notes with their caveats, and its sources. Body text 10 pt, real text (no ligatures, so a copied
    "officers" stays whole). Returns the number of chapters."""
    chapters = list(scenario.chapters)
    with MapFrame(scenario, HANDOUT_MAP_PX, scenario.campaign_start, view) as frame, exclusive_output(out) as tmp:
        lang = frame.state.language
        doc = QtGui.QTextDocument()
        doc.setDefaultFont(print_font(BODY_PT))
        doc.setDefaultStyleSheet(
            f"h2 {{ font-size: {HEADING_PT}pt; }} p {{ margin-bottom: 4pt; }} .map {{ font-size: {BODY_PT - 1}pt; }}"
        )
        parts = []
        for i, chapter in enumerate(chapters):
            event = decisive_event(scenario, chapter)
            map_name = None
            if event is not None:
                frame.show(event.at, event.precision)
                map_name = f"kg-map-{i}.png"
                doc.addResource(QtGui.QTextDocument.ResourceType.ImageResource, QtCore.QUrl(map_name), frame.image())
            parts.append(_chapter_html(scenario, chapter, event, map_name, lang, first=i == 0))
            if progress and not progress(0.9 * (i + 1) / len(chapters)):
                raise Cancelled()
        writer = QtGui.QPdfWriter(str(tmp))
        writer.setPageSize(QtGui.QPageSize(PAPERS[paper]))
        writer.setPageMargins(QtCore.QMarginsF(15, 15, 15, 15), QtGui.QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(scenario.display_title(lang, frame.state.naming))
        writer.setCreator("Khalkhin Gol 1939 viewer")
        doc.documentLayout().setPaintDevice(writer)  # points are the PDF's points, pixels the writer's
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        doc.setPageSize(QtCore.QSizeF(page.width(), page.height()))
        css_px = page.width() * 96 / writer.resolution()  # Qt sizes a document's images in 96-dpi pixels
        doc.setHtml("".join(parts).replace('width="MAP"', f'width="{css_px:.0f}"'))
        painter = QtGui.QPainter(writer)
        for n in range(doc.pageCount()):
            if n:
                writer.newPage()
            painter.save()
            painter.translate(0, -n * page.height())
            doc.drawContents(painter, QtCore.QRectF(0, n * page.height(), page.width(), page.height()))
            painter.restore()
        if not painter.end():
            raise OSError(f"could not write {out}")
        if progress:
            progress(1.0)
    return len(chapters)


def print_font(points: float) -> QtGui.QFont:
    """The bundled font at `points`, without ligatures: a PDF reader copies "ﬁ" as one odd glyph (or drops it),
    so "officers" must be set as separate letters to be copied and found."""
    from .style import CJK_FAMILY, FONT_FAMILY

    f = QtGui.QFont()
    f.setFamilies([FONT_FAMILY, CJK_FAMILY])
    f.setPointSizeF(points)
    for feature in ("liga", "clig", "dlig"):
        f.setFeature(QtGui.QFont.Tag(feature), 0)
    return f


def _chapter_html(scenario: Scenario, chapter: Chapter, event: Event | None, map_name: str | None, lang: str, first: bool) -> str:
    events = [e for e in scenario.events if e.chapter == chapter.id]
    style = "" if first else ' style="page-break-before: always"'
    parts = [f"<h2{style}>{escape(tr(chapter.title, lang))}</h2>"]
    if map_name and event is not None:
        parts.append(f'<p><img src="{map_name}" width="MAP"></p>')
        line = translate("Export", "Map: %1 — %2. Positions marked ≈ are approximate.")
        line = line.replace("%1", format_date(event.at, event.precision, lang)).replace("%2", tr(event.title, lang))
        parts.append(f'<p class="map"><i>{escape(line)}</i></p>')
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


# --- video ------------------------------------------------------------------------------------
def video_instants(scenario: Scenario, start: datetime, end: datetime, fps: int, seconds: float | None = None) -> list[datetime]:
    """Frame instants: by default one day of history per second of video, holding at each event."""
    seconds = seconds if seconds is not None else max(1.0, (end - start) / timedelta(days=1))
    return paced_instants(start, end, [e.at for e in scenario.events], fps, check_frames(seconds, fps))


def check_video(
    scenario: Scenario, start: datetime, end: datetime, fps: int, size: tuple[int, int], out: Path, seconds: float | None
) -> list[datetime]:
    """The frame instants of a video, after every argument is checked (ExportLimit says what is wrong)."""
    first, last = frame_instant_range(scenario)
    check_instant(start, first, last, "--from")
    check_instant(end, first, last, "--to")
    if end <= start:
        raise ValueError("--to must be after --from")
    instants = video_instants(scenario, start, end, fps, seconds)
    check_size(size, pictures=len(instants) if out.suffix.lower() == ".gif" else 3)  # a GIF's palette needs every frame
    return instants


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
    """H.264 MP4 or animated GIF, by the file's suffix, through the ffmpeg imageio-ffmpeg ships. The map's static
    layers are drawn once; each instant is drawn, sent and encoded once, and shown for as many frames as the video
    holds there (a hold at an event costs neither drawing, nor piping, nor colour conversion, nor encoding per
    frame: see `_ffmpeg`); ffmpeg encodes in its own process while the next frame is drawn. Where a process can be
    forked safely, an MP4's second half is drawn and encoded at the same time by a copy of this process
    (`video_halves`)."""
    instants = check_video(scenario, start, end, fps, size, out, seconds)
    runs = [(at, len(list(same))) for at, same in groupby(instants)]
    gif = out.suffix.lower() == ".gif"
    cut = None if gif else video_halves.split_at([n for _, n in runs])
    keeps = names_kept(runs, fps, cut)
    # The frame is set up before the fork (it has not painted, so Qt has started no thread): the copy inherits
    # it ready, instead of importing the interface and building the map again.
    with MapFrame(scenario, size, runs[0][0], view) as frame, exclusive_output(out) as tmp:
        if cut is None or not video_halves.fork_is_safe():
            _encode(frame, fps, runs, keeps, tmp, gif, progress, len(instants))
            return len(instants)
        second, kept = runs[cut:], keeps[cut:]
        with video_halves.in_two(lambda path: _encode(frame, fps, second, kept, path, False, part=True), out) as halves:
            first = sum(n for _, n in runs[:cut])  # the halves go on side by side: this one's share stands for both
            _encode(frame, fps, runs[:cut], keeps[:cut], halves.first, False, progress, first / 0.95, part=True)
            halves.join(tmp)
    if progress:
        progress(1.0)
    return len(instants)


def _encode(
    frame: MapFrame,
    fps: int,
    runs: list[tuple[datetime, int]],
    keeps: list[bool],
    path: Path,
    gif: bool,
    progress: Progress | None = None,
    total: float = 1.0,
    part: bool = False,
) -> None:
    """Draw each run's instant once (its names kept or placed afresh as `keeps` says: see names_kept) and write the
    runs, each as long as it lasts, to `path` (`part`: a half of the video, to be joined)."""
    lengths = [n for _, n in runs]
    again = gif or lengths[-1] > 1  # the last picture sent once more, so that a final hold lasts its length
    if again and not gif:
        lengths[-1:] = [lengths[-1] - 1, 1]  # ... as the MP4's last sample, a frame long (see _ffmpeg)
    writer = _ffmpeg(path, frame.size, fps, lengths, gif, part)
    writer.send(None)
    try:
        done = 0
        for k, (at, n) in enumerate(runs):
            frame.show(at, "day", keep_names=keeps[k])
            image = frame.image()
            writer.send(image)
            if k == len(runs) - 1 and again:
                writer.send(image)
            done += n
            if progress and not progress(done / total):
                raise Cancelled()
    finally:
        writer.close()


def names_kept(runs: list[tuple[datetime, int]], fps: int, cut: int | None = None) -> list[bool]:
    """For each run of equal frames (its instant and length), whether its names keep their last spots beside their
    marks: a moving frame between placements, as often apart as the live map places them (labels.SETTLE_S). Placed
    afresh, as any still: a held frame (an event read), one after a jump of more than a day (a quiet gap crossed
    fast: the last spots were another moment's), and the first of the second half (`cut`), whether or not the
    halves are drawn apart, so a video is the same on any machine. Placing the names of every frame was two fifths
    of a video's drawing."""
    every, out, since = max(1, round(labels.SETTLE_S * fps)), [], 0
    for k, (at, n) in enumerate(runs):
        jump = k > 0 and abs(at - runs[k - 1][0]) > timedelta(days=1)
        keep = k > 0 and k != cut and n == 1 and not jump and since < every
        since = since + 1 if keep else 1
        out.append(keep)
    return out


def _ffmpeg(
    path: Path, size: tuple[int, int], fps: int, lengths: list[int], gif: bool, part: bool = False
) -> Generator[None, Any, None]:
    """A generator taking frames (QImages in RGB32: B G R and an unused byte), each to be shown for its number of
    `lengths` frames of the video: ffmpeg times frame k at the sum of the lengths before it.
    An MP4 keeps each picture once, as one sample lasting its length: players show it for as many frames (every
    sample starts on a frame of the 30 fps clock, which the file gives as its rate), and a hold at an event costs
    no encoding per frame (encoding each repeat was a quarter of ffmpeg's CPU in the 20-31 August clip). The last
    sample lasts one frame (the MP4's default), so a final hold comes as its picture twice. A GIF repeats each
    picture itself (the `fps` filter).
    The chroma is averaged over each 2x2 block of pixels (swscale's `area`): a tenth of a dB nearer the drawn frames
    than its default bicubic filter, and a little cheaper.
    H.264 (fastest preset, one x264 thread: frame threads cost more CPU per frame, and the other core draws; a
    constant quantiser rather than CRF, which would make x264 estimate every frame's cost on a half-size copy
    first — a third of its CPU on these mostly unchanged frames, for 0.1–0.4 dB), or a GIF with a palette made
    from the whole clip. A `part` (a half, joined later) is left without `faststart`: the join writes it."""
    import subprocess

    import imageio_ffmpeg

    w, h = size
    shift = "".join(f"+{n - 1}*gte(N\\,{k + 1})" for k, n in enumerate(lengths) if n > 1)
    timing = f"setpts=(N{shift})/({fps}*TB)"
    if gif:
        chain, encode = f"{timing},fps={fps},split[a][b];[a]palettegen[p];[b][p]paletteuse", ["-f", "gif"]
        frames = sum(lengths)
    else:
        w8, h8 = -(-w // 8) * 8, -(-h // 8) * 8  # sizes players take: whole macroblocks of 8
        chain = f"scale={w8}:{h8}:flags=area,format=yuv420p,{timing}"
        encode = ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "ultrafast", "-qp", str(VIDEO_QP), "-threads", "1"]
        encode += ["-fps_mode", "passthrough"]  # one sample per picture, at its time
        encode += [] if part else ["-movflags", "+faststart"]
        frames = len(lengths)
    args = [imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr0"]
    args += ["-s", f"{w}x{h}", "-r", str(fps), "-i", "-", "-vf", chain, *encode, "-frames:v", str(frames), str(path)]

    def gen() -> Generator[None, Any, None]:
        proc = subprocess.Popen(args, stdin=subprocess.PIPE)
        assert proc.stdin is not None  # asked for with stdin=PIPE
        pipe = FramePipe(proc.stdin, w * h * 4)
        failed = OSError(f"ffmpeg could not write {path.suffix[1:].upper()}")
        try:
            while True:
                image = yield
                if image is not None:
                    pipe.send(image)
        except GeneratorExit:
            pipe.close()
            if proc.wait() != 0:
                raise failed from None
        except OSError as e:  # ffmpeg stopped reading (a broken pipe): end it, and say which file failed
            with suppress(OSError):
                pipe.close()
            proc.kill()
            proc.wait()
            raise failed from e

    return gen()
