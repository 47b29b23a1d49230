"""Command line: `check [PATH]` validates content; `render` writes a frame; no command starts the app."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_INVALID = 0, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="khalkhin-gol", description="Map-and-timeline viewer of the 1939 battles of Khalkhin Gol (Nomonhan)."
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--at", type=_instant, help="open at this date, e.g. 1939-08-20 or 1939-08-20T05:45")
    p.add_argument(
        "--log-level",
        default="WARNING",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        type=str.upper,
        help="what to print on the console (the log file always keeps INFO and above)",
    )
    p.add_argument("--present", action="store_true", help="lecture mode: fullscreen, clicker keys step through the story")
    p.add_argument("--screen", type=int, default=0, help="screen for --present (0 = primary)")
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
    render = sub.add_parser("render", help="write the picture the window shows at an instant to a PNG (no display needed)")
    render.add_argument("--at", dest="render_at", type=_instant, required=True, help="date, e.g. 1939-08-26")
    render.add_argument("--size", type=_size, default=(1920, 1080), help="WIDTHxHEIGHT (default 1920x1080)")
    render.add_argument("--out", type=Path, required=True, help="PNG file to write")
    _language_options(render, argparse.SUPPRESS)
    export = sub.add_parser("export", help="pictures, a handout or a video, for slides")
    kinds = export.add_subparsers(dest="kind", required=True)
    for kind, help_text in (("png", "a picture at an instant"), ("svg", "a vector picture at an instant")):
        e = kinds.add_parser(kind, help=help_text)
        e.add_argument("--at", dest="export_at", type=_instant, required=True)
        e.add_argument("--size", type=_size, default=(1920, 1080))
        e.add_argument("--out", type=Path, required=True)
    e = kinds.add_parser("handout", help="a PDF: one page per chapter with its map, notes and sources")
    e.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    e.add_argument("--out", type=Path, required=True)
    e = kinds.add_parser("video", help="an H.264 MP4 (or animated GIF, by the suffix) of a stretch of the campaign")
    e.add_argument("--from", dest="start", type=_instant, required=True)
    e.add_argument("--to", dest="end", type=_instant, required=True)
    e.add_argument("--fps", type=int, default=30, choices=range(1, 121), metavar="FPS")
    e.add_argument("--seconds", type=float, help="length of the video (default: one second per day of history)")
    e.add_argument("--size", type=_size, default=(1920, 1080))
    e.add_argument("--out", type=Path, required=True)
    for kind_parser in kinds.choices.values():
        _language_options(kind_parser, argparse.SUPPRESS)
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


def _terminal_progress(label: str):
    """A progress bar on stderr; returns the callback exports call."""
    shown = [-1]

    def update(fraction: float) -> bool:
        if round(100 * fraction) == shown[0]:
            return True
        shown[0] = round(100 * fraction)
        filled = round(30 * fraction)
        print(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%}", end="", file=sys.stderr, flush=True)
        if fraction >= 1:
            print(file=sys.stderr)
        return True

    return update


def export(scenario, args) -> int:
    from .ui import export as ex

    try:
        if args.kind == "png":
            ex.export_png(scenario, args.export_at, args.size, args.out)
        elif args.kind == "svg":
            ex.export_svg(scenario, args.export_at, args.size, args.out)
        elif args.kind == "handout":
            ex.export_handout(scenario, args.out, args.paper, _terminal_progress("handout"))
        else:
            if args.end <= args.start:
                print("export: --to must be after --from", file=sys.stderr)
                return EXIT_INVALID
            ex.export_video(
                scenario, args.start, args.end, args.fps, args.size, args.out, _terminal_progress("video"), args.seconds
            )
    except KeyboardInterrupt:
        print(f"\nexport cancelled; {args.out} was not written", file=sys.stderr)
        return 130
    except (ValueError, OSError) as exc:
        print(f"export: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {args.out}")
    return EXIT_OK


def _instant(text: str):
    from .core.dates import parse_date

    try:
        return parse_date(text)[0]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc}; write e.g. 1939-08-20 or 1939-08-20T05:45") from None


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("write WIDTHxHEIGHT, e.g. 1920x1080") from None
    if not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise argparse.ArgumentTypeError("size must be between 320x240 and 8192x8192")
    return w, h


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .logs import setup_logging

    setup_logging(args.log_level)
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

        headless_platform()
        use_language(lang or "en", naming or "soviet")
    if args.command == "render":
        from .ui.app import render_frame

        try:
            render_frame(scenario, args.render_at, args.size, args.out)
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
        from .ui.app import run_presenter

        return run_presenter(scenario, args.screen, lang, naming)
    from .ui.app import run_app

    return run_app(scenario, args.at, lang, naming)


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

    folder = path or content_dir()
    if not (folder / "events.yaml").is_file():
        print(f"{folder}: no events.yaml here; give the scenario folder that holds events.yaml and geo/", file=sys.stderr)
        return EXIT_INVALID
    try:
        scenario, translations = load_scenario_with_translations(folder)
    except ContentError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        print(f"{len(exc.issues)} problem(s); nothing was loaded.", file=sys.stderr)
        return EXIT_INVALID
    try:
        print(summary(scenario) + "\n" + translation_report(translations), flush=True)
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
