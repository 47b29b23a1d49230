"""Command line: `check [PATH]` validates content; `render` writes a frame; no command starts the app."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_INVALID = 0, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="khalkhin-gol", description="Map-and-timeline viewer of the 1939 battles of Khalkhin Gol (Nomonhan).")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command")
    check = sub.add_parser("check", help="validate the content and print a summary")
    check.add_argument("path", nargs="?", type=Path, help="a scenario folder (default: the shipped content)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check":
        return check(args.path)
    _parser().print_help()
    return EXIT_OK


def check(path: Path | None) -> int:
    """Validate a scenario folder; print a summary (exit 0) or every problem (exit 2)."""
    from .assets import content_dir
    from .core.errors import ContentError
    from .core.scenario import load_scenario

    folder = path or content_dir()
    if not (folder / "events.yaml").is_file():
        print(f"{folder}: no events.yaml here; give the scenario folder that holds events.yaml and geo/", file=sys.stderr)
        return EXIT_INVALID
    try:
        scenario = load_scenario(folder)
    except ContentError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        print(f"{len(exc.issues)} problem(s); nothing was loaded.", file=sys.stderr)
        return EXIT_INVALID
    print(summary(scenario))
    return EXIT_OK


def summary(scenario) -> str:
    from .core.dates import format_date
    approx = sum(f.approximate for u in scenario.units for f in u.track)
    fixes = sum(len(u.track) for u in scenario.units)
    first, last = scenario.events[0], scenario.events[-1]
    return "\n".join([
        f"content OK: {scenario.title['en']}",
        f"events    {len(scenario.events)} ({format_date(first.at, first.precision)} – {format_date(last.at, last.precision)}), "
        f"{len(scenario.chapters)} chapters",
        f"campaign  {scenario.campaign_start:%Y-%m-%d} – {scenario.campaign_end:%Y-%m-%d}",
        f"units     {len(scenario.units)} with {fixes} dated positions ({approx} approximate)",
        f"places    {len(scenario.places)}",
        f"sources   {len(scenario.sources)}",
        f"disputed ground between the claims: {scenario.disputed_area_km2:,.0f} km² (equal-area projection)",
    ])
