"""Command line: `check [PATH]` validates content; `render` writes a frame; no command starts the app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_INVALID = 0, 2
SIZE_HELP = "WIDTHxHEIGHT from 320x180 to 7680x4320 (default 1920x1080)"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="khalkhin-gol", description="Map-and-timeline viewer of the 1939 battles of Khalkhin Gol (Nomonhan)."
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--at",
        type=_when,
        help="open at this date, e.g. 1939-08-20 or 1939-08-20T05:45 (with --present: the first step on or after it)",
    )
    p.add_argument(
        "--log-level",
        default="WARNING",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        type=str.upper,
        help="what to print on the console (the log file always keeps INFO and above)",
    )
    p.add_argument("--present", action="store_true", help="lecture mode: fullscreen, clicker keys step through the story")
    p.add_argument(
        "--screen",
        type=int,
        help="the audience's screen for --present (0 = primary; default: with two screens, the one that is not primary)",
    )
    p.add_argument("--talk", type=Path, help="for --present: a talk file (one event id per line; default: the saved talk)")
    p.add_argument("--kiosk", action="store_true", help="museum kiosk: fullscreen, locked, attract tour when idle")
    p.add_argument("--kiosk-config", type=Path, help="kiosk settings file (default: kiosk.ini in the config folder)")
    p.add_argument("--content", type=Path, metavar="DIR", help="use this content folder instead of the shipped one")
    p.add_argument("--reset-settings", action="store_true", help="forget remembered settings, then start")
    _language_options(p, argparse.SUPPRESS)
    p.add_argument("--install-desktop", action="store_true", help="add a start-menu entry and icon for this user, then exit")
    p.add_argument("--uninstall-desktop", action="store_true", help="remove the start-menu entry and icon, then exit")
    sub = p.add_subparsers(dest="command")
    from .kiosk_cli import add_parser

    add_parser(sub, _language_options)
    check = sub.add_parser("check", help="validate the content and print a summary")
    check.add_argument("path", nargs="?", type=Path, help="a scenario folder (default: the shipped content)")
    render = sub.add_parser(
        "render", help="write the map alone at an instant, with its date and event caption, to a PNG (no display needed)"
    )
    render.add_argument("--at", dest="render_at", type=_when, required=True, help="date, e.g. 1939-08-26")
    render.add_argument("--size", type=_size, default=(1920, 1080), help=SIZE_HELP)
    render.add_argument("--out", type=Path, required=True, help="PNG file to write")
    _language_options(render, argparse.SUPPRESS)
    export = sub.add_parser("export", help="pictures, a handout, slides or a video of the map, for lectures")
    export.add_argument("--progress-lines", action="store_true", help=argparse.SUPPRESS)  # for the app's export job
    kinds = export.add_subparsers(dest="kind", required=True)
    for kind, help_text in (("png", "a picture at an instant"), ("svg", "a vector picture at an instant")):
        e = kinds.add_parser(kind, help=help_text)
        e.add_argument("--at", dest="export_at", type=_when, required=True)
        e.add_argument("--size", type=_size, default=(1920, 1080), help=SIZE_HELP)
        e.add_argument("--out", type=Path, required=True)
    e = kinds.add_parser("handout", help="a PDF: each chapter with the map of its decisive moment, notes, caveats, sources")
    e.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    e.add_argument("--out", type=Path, required=True)
    e = kinds.add_parser("slides", help="a PowerPoint deck (.pptx) or PDF deck (.pdf): a slide per story step")
    e.add_argument("--size", type=_size, default=(1920, 1080), help="size of each slide's map picture (" + SIZE_HELP + ")")
    e.add_argument("--out", type=Path, required=True, help="a .pptx or .pdf file")
    e = kinds.add_parser("video", help="an H.264 MP4 (or animated GIF, by the suffix) of a stretch of the campaign")
    e.add_argument("--from", dest="start", type=_instant, required=True)
    e.add_argument("--to", dest="end", type=_instant, required=True)
    e.add_argument("--fps", type=int, default=30, choices=range(1, 121), metavar="FPS")
    e.add_argument("--seconds", type=float, help="length of the video, at most 600 (default: one second per day of history)")
    e.add_argument("--size", type=_size, default=(1920, 1080), help=SIZE_HELP)
    e.add_argument("--out", type=Path, required=True)
    for kind_parser in kinds.choices.values():
        _language_options(kind_parser, argparse.SUPPRESS)
        kind_parser.add_argument("--layers", type=_layers, help=argparse.SUPPRESS)  # the asking window's layers
    return p


def _language_options(parser: argparse.ArgumentParser, default) -> None:
    """--lang and --naming, accepted before or after a command (`render --lang ja`)."""
    from .core.language import LANGUAGES, NAMINGS

    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default,
        help="language of the interface and the story (default: the remembered one, else en)",
    )
    parser.add_argument(
        "--naming",
        choices=NAMINGS,
        default=default,
        help="place names as the Soviet/Mongolian or the Japanese side used them (default: soviet)",
    )


def _terminal_progress(label: str, lines: bool = False):
    """A progress bar on stderr where it is a terminal (or, for the app's export job, one `progress 0.42` line per
    percent); returns the callback exports call. Into a file or a pipe (a lecturer's script, a log) the bar's
    hundred carriage-return redraws would be one long line of noise: nothing then but the result."""
    shown = [-1]
    bar = sys.stderr is not None and sys.stderr.isatty()  # None under pythonw or a service without a console

    def update(fraction: float) -> bool:
        if round(100 * fraction) == shown[0]:
            return True
        shown[0] = round(100 * fraction)
        if lines:
            print(f"progress {fraction:.2f}", file=sys.stderr, flush=True)
            return True
        if not bar:
            return True
        filled = round(30 * fraction)
        print(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%}", end="", file=sys.stderr, flush=True)
        if fraction >= 1:
            print(file=sys.stderr)
        return True

    return update


def export(scenario, args) -> int:
    """Run one export; exit 2 with a message for a bad argument or a file problem, nothing half written."""
    import signal

    from .ui import export as ex

    signal.signal(signal.SIGTERM, _interrupt)  # a cancelled app job or `kill`: clean up like Ctrl+C
    view = {"layers": getattr(args, "layers", None)}  # language and naming: the process's (`use_language`)
    progress = _terminal_progress(args.kind, args.progress_lines)
    try:
        if args.kind in ("png", "svg"):
            at, precision = args.export_at
            (ex.export_png if args.kind == "png" else ex.export_svg)(scenario, at, args.size, args.out, view, precision)
        elif args.kind == "handout":
            ex.export_handout(scenario, args.out, args.paper, progress, view)
        elif args.kind == "slides":
            from .ui.export_slides import export_slides

            export_slides(scenario, args.out, args.size, progress, view)
        else:
            ex.export_video(scenario, args.start, args.end, args.fps, args.size, args.out, progress, args.seconds, view)
    except KeyboardInterrupt:
        print(f"\nexport cancelled; {args.out} was not written", file=sys.stderr)
        return 130
    except (ValueError, OSError) as exc:
        print(f"export: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {args.out}")
    return EXIT_OK


def _interrupt(*_args: object) -> None:
    raise KeyboardInterrupt


def _when(text: str):
    """(instant, precision) of a date on the command line (a caption shows no "12:00" for `1939-08-26`)."""
    from .core.dates import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc}; write e.g. 1939-08-20 or 1939-08-20T05:45") from None


def _instant(text: str):
    return _when(text)[0]


def _size(text: str) -> tuple[int, int]:
    from .core.export_limits import ExportLimit, check_size

    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("write WIDTHxHEIGHT, e.g. 1920x1080") from None
    try:
        return check_size((w, h))
    except ExportLimit as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _layers(text: str) -> frozenset[str]:
    from .core.view_state import LAYERS

    shown = frozenset(t for t in text.split(",") if t)
    if not shown <= set(LAYERS):
        raise argparse.ArgumentTypeError(f"layers are {', '.join(LAYERS)}")
    return shown


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .logs import enable_crash_traces, setup_logging

    setup_logging(args.log_level)
    enable_crash_traces()
    try:
        return _run(args)
    except Exception:  # a crash at start must reach the log file too, not only the terminal
        import logging

        logging.getLogger("viewer.start").exception("the viewer stopped with an error", extra={"file_only": True})
        raise


def _run(args) -> int:
    if args.install_desktop or args.uninstall_desktop:
        from . import desktop_entry

        paths = desktop_entry.install() if args.install_desktop else desktop_entry.uninstall()
        for path in paths:
            print(("wrote " if args.install_desktop else "removed ") + str(path))
        return EXIT_OK
    if args.reset_settings:
        from .ui.settings import reset_settings

        print("settings reset" if reset_settings() else "no settings to reset")
    if args.command == "check":
        return check(args.path)
    if args.kiosk or args.command == "kiosk":
        from . import kiosk_cli

        return kiosk_cli.main(args, args.content)
    scenario = _load_or_report(args.content)
    if scenario is None:
        return EXIT_INVALID
    lang, naming = getattr(args, "lang", None), getattr(args, "naming", None)
    if args.command in ("render", "export"):
        from .ui.app import headless_platform, use_language

        if args.command == "export":  # never needs a screen; a display's event thread would keep a video to one process
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        headless_platform()
        use_language(lang or "en", naming or "soviet")
    if args.command == "render":
        from .ui.app import render_frame

        try:
            at, precision = args.render_at
            render_frame(scenario, at, args.size, args.out, precision)
        except (ValueError, OSError) as exc:
            print(f"render: {exc}", file=sys.stderr)
            return EXIT_INVALID
        print(f"wrote {args.out}")
        return EXIT_OK
    if args.command == "export":
        return export(scenario, args)
    if not args.command:
        from .kiosk_service import display_ready
        from .logs import startup_error

        if not display_ready():  # Qt would abort with a message about a missing library
            where = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY", "")
            startup_error(f"no display to open a window on ({where} does not answer); start it from a desktop session")
            return EXIT_INVALID
    if args.present:
        from .core.errors import ContentError
        from .ui.app import run_presenter

        try:
            from .core.dates import period_start

            start = period_start(*args.at) if args.at else None  # a day given: the talk's first step that day
            return run_presenter(scenario, args.screen, lang, naming, start, args.talk)
        except ContentError as exc:
            for issue in exc.issues:
                print(issue, file=sys.stderr)
            return EXIT_INVALID
    from .ui.app import run_app

    return run_app(scenario, args.at[0] if args.at else None, lang, naming)


def _load_or_report(folder: Path | None = None):
    """The scenario in `folder` (default: the shipped one), or None after saying why it cannot be used — on
    stderr and in the log file, where a kiosk's technician looks."""
    from .assets import content_dir
    from .core.errors import ContentError
    from .core.scenario import load_scenario
    from .logs import startup_error

    folder = folder or content_dir()
    if not (folder / "events.yaml").is_file():
        startup_error(f"{folder}: no events.yaml here; give the content folder that holds events.yaml and geo/")
        return None
    try:
        return load_scenario(folder)
    except ContentError as exc:
        for issue in exc.issues:
            startup_error(str(issue))
        startup_error(f"{len(exc.issues)} problem(s) in {folder}; nothing was loaded.")
        return None


def check(path: Path | None) -> int:
    """Validate a scenario folder; print a summary (exit 0) or every problem (exit 2)."""
    from .assets import content_dir
    from .core.errors import ContentError
    from .core.scenario import load_scenario_with_translations
    from .core.speaker_notes import load_speaker_notes

    folder = path or content_dir()
    if not os.path.lexists(folder / "events.yaml"):  # a folder or a bad link there is reported by the loader, at its name
        print(f"{folder}: no events.yaml here; give the scenario folder that holds events.yaml and geo/", file=sys.stderr)
        return EXIT_INVALID
    try:
        scenario, translations = load_scenario_with_translations(folder)
        notes = load_speaker_notes(folder, scenario)
    except ContentError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        print(f"{len(exc.issues)} problem(s); nothing was loaded.", file=sys.stderr)
        return EXIT_INVALID
    try:
        print(summary(scenario) + f"\nspeaker notes for {len(notes)} events\n" + translation_report(translations), flush=True)
    except BrokenPipeError:  # e.g. `khalkhin-gol check | head -2`: the reader left, the content is still valid
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def summary(scenario) -> str:
    from .core.dates import format_date

    approx = sum(f.approximate for u in scenario.units for f in u.track)
    fixes = sum(len(u.track) for u in scenario.units)
    first, last = scenario.events[0], scenario.events[-1]
    return "\n".join(
        [
            f"content OK: {scenario.title['en']}",
            f"events    {len(scenario.events)} "
            f"({format_date(first.at, first.precision)} – {format_date(last.at, last.precision)}), "
            f"{len(scenario.chapters)} chapters",
            f"campaign  {scenario.campaign_start:%Y-%m-%d} – {scenario.campaign_end:%Y-%m-%d}",
            f"units     {len(scenario.units)} with {fixes} dated positions ({approx} approximate)",
            f"places    {len(scenario.places)}",
            f"sources   {len(scenario.sources)}",
            f"operations {len(scenario.operations.grounds)} grounds held, {len(scenario.operations.manoeuvres)} manoeuvres",
            f"disputed ground between the claims: {scenario.disputed_area_km2:,.0f} km² (equal-area projection)",
        ]
    )


def translation_report(translations) -> str:
    """Per language: how much of the content is translated, what is missing, and how the names were formed."""
    lines = []
    for lang, missing in translations.missing.items():
        outdated = translations.outdated[lang]
        done = translations.total - len(missing) - len(outdated)
        forms = ", ".join(f"{n} {form}" for form, n in translations.forms[lang].items())
        lines.append(f"{lang}: {done} of {translations.total} texts translated; names {forms}")
        for label, keys in (("missing", missing), ("outdated: the English changed since", outdated)):
            if keys:
                shown = ", ".join(keys[:12]) + (f", … ({len(keys) - 12} more)" if len(keys) > 12 else "")
                lines.append(f"    {label} (English is shown instead): {shown}")
    return "\n".join(lines)
