"""`khalkhin-gol kiosk …`: run the kiosk, check its config, install it as a service, print its statistics."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

EXIT_OK, EXIT_INVALID = 0, 2
DISPLAY_WAIT_S = 120  # then exit EX_TEMPFAIL: the service manager starts it again
log = logging.getLogger("viewer.kiosk")


def add_parser(sub, language_options) -> None:
    k = sub.add_parser("kiosk", help="the museum kiosk, its config, service and statistics")
    k.add_argument("--config", type=Path, help="kiosk settings file (default: kiosk.ini in the config folder)")
    k.add_argument("--content", dest="kiosk_content", type=Path, metavar="DIR", help="a content folder (watched for changes)")
    k.add_argument(
        "--check-config",
        nargs="?",
        const=True,
        metavar="FILE",
        help="check the settings file (default: the one the kiosk reads): each problem as file:line; exit 2 if any",
    )
    k.add_argument("--install-service", action="store_true", help="a systemd user service and an autostart entry")
    k.add_argument("--uninstall-service", action="store_true", help="remove them")
    k.add_argument("--stats", action="store_true", help="print the daily usage summary and write it as CSV")
    k.add_argument("--csv", type=Path, default=Path("kiosk-stats.csv"), help="where --stats writes (default: kiosk-stats.csv)")
    language_options(k, argparse.SUPPRESS)


def main(args, content: Path | None) -> int:
    config_path = getattr(args, "config", None) or args.kiosk_config
    content = getattr(args, "kiosk_content", None) or content
    if getattr(args, "check_config", None):
        return check_config(config_path if args.check_config is True else Path(args.check_config), content)
    if getattr(args, "install_service", False) or getattr(args, "uninstall_service", False):
        from . import kiosk_service

        extra = [*(["--config", str(config_path.resolve())] if config_path else [])]
        extra += ["--content", str(content.resolve())] if content else []
        lines = kiosk_service.install(extra) if args.install_service else kiosk_service.uninstall()
        print("\n".join(lines) or "nothing to remove")
        return EXIT_OK
    if getattr(args, "stats", False):
        return stats(args.csv)
    return run(config_path, content, getattr(args, "lang", None), getattr(args, "naming", None))


def _scenario(content: Path | None):
    from .cli import _load_or_report

    return _load_or_report(content)


def check_config(path: Path | None, content: Path | None) -> int:
    """Every problem of the file as `file:line: what; fix` (exit 2), or a summary of what the kiosk will do."""
    from .kiosk_config import kiosk_config_file, read_kiosk_config

    path = path or kiosk_config_file()
    scenario = _scenario(content)
    chapters = [c.id for c in scenario.chapters] if scenario is not None else None
    result = read_kiosk_config(path, chapters, required=True)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.problems or scenario is None:
        print(f"{len(result.problems)} problem(s) in {path}; the kiosk would use the defaults for them.", file=sys.stderr)
        return EXIT_INVALID
    c = result.config
    hours = "always" if not c.opening_hours else f"{len(c.opening_hours)} span(s)"
    print(
        f"{path}: OK — tour after {c.idle_seconds:g} s idle, {c.tour_seconds:g} s a step, from {c.start_chapter}, "
        f"in {c.language}; exit chord {c.exit_chord if c.exit_chord_enabled else 'disabled'}; open {hours}"
    )
    return EXIT_OK


def stats(csv_path: Path) -> int:
    from .kiosk_stats import Stats, stats_file, summary_lines, write_csv

    if not stats_file().is_file():
        print(f"no statistics yet ({stats_file()} does not exist)")
        return EXIT_OK
    store = Stats()
    days = store.days()
    store.close()
    print("\n".join(summary_lines(days)))
    try:
        write_csv(days, csv_path)
    except OSError as exc:
        print(f"stats: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {csv_path}")
    return EXIT_OK


def run(config_path: Path | None, content: Path | None, lang: str | None, naming: str | None) -> int:
    """Start the kiosk: one per user; config problems logged, printed and shown; the display waited for."""
    import dataclasses

    from .kiosk_config import read_kiosk_config
    from .kiosk_service import EXIT_NO_DISPLAY, single_instance, wait_for_display
    from .logs import startup_error
    from .ui.kiosk_splash import close_splash, show_splash

    lock = single_instance()
    if lock is None:
        log.warning("kiosk: another kiosk of this user is running; this one exits")
        return EXIT_OK
    try:
        first = read_kiosk_config(config_path)
        content = content or first.config.content
        if not wait_for_display(DISPLAY_WAIT_S):
            startup_error(f"kiosk: no display after {DISPLAY_WAIT_S} s; exiting so the service manager starts it again")
            return EXIT_NO_DISPLAY
        show_splash()  # the screen is not black while the content loads and the map is built (the display is there)
        scenario = _scenario(content)
        if scenario is None:
            return EXIT_INVALID
        result = read_kiosk_config(config_path, [c.id for c in scenario.chapters])
        for problem in result.problems:
            startup_error(f"kiosk config: {problem}", logging.WARNING)
        config = dataclasses.replace(result.config, language=lang) if lang else result.config
        from .ui.app import run_kiosk

        return run_kiosk(scenario, config, content, result.problems, naming)
    finally:
        close_splash()  # content that cannot be used: not left on the screen (no Qt is imported for this)
        lock.close()
