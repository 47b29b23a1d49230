"""Start-menu entry: a freedesktop .desktop file and an SVG icon in the user's share folders."""

from __future__ import annotations

import shlex
import shutil
import sys
from importlib import resources
from pathlib import Path

from . import __version__
from .paths import data_home

APP_ID = "khalkhin-gol"


def _launcher() -> str:
    """The command the menu runs: the installed script if there is one, else this Python with -m viewer."""
    sibling = Path(sys.executable).parent / ("khalkhin-gol.exe" if sys.platform == "win32" else "khalkhin-gol")
    script = str(sibling) if sibling.exists() else shutil.which("khalkhin-gol")
    if script:
        return shlex.quote(str(Path(script).resolve()))
    return f"{shlex.quote(sys.executable)} -m viewer"


def desktop_file_text(exec_command: str) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            "Name=Khalkhin Gol 1939",
            "Name[ru]=Халхин-Гол 1939",
            "Name[mn]=Халхын гол 1939",
            "Name[ja]=ノモンハン事件 1939",
            "GenericName=Historical battle map",
            "GenericName[ru]=Карта исторического сражения",
            "GenericName[mn]=Түүхэн байлдааны газрын зураг",
            "GenericName[ja]=歴史的な戦いの地図",
            "Comment=Map and timeline of the 1939 battles of Khalkhin Gol (the Nomonhan Incident)",
            "Comment[ru]=Карта и хронология боёв на Халхин-Голе 1939 года («Номонханский инцидент»)",
            "Comment[mn]=1939 оны Халхын голын байлдааны газрын зураг ба он дараалал",
            "Comment[ja]=1939年のノモンハン事件(ハルハ河の戦い)の地図と年表",
            f"Exec={exec_command}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "Categories=Education;History;",
            "Keywords=history;map;battle;Nomonhan;Khalkhin Gol;1939;",
            "Keywords[ru]=история;карта;сражение;Халхин-Гол;Номонхан;1939;",
            "Keywords[mn]=түүх;газрын зураг;байлдаан;Халхын гол;Номонхан;1939;",
            "Keywords[ja]=歴史;地図;戦い;ノモンハン;ハルハ河;1939;",
            f"X-Khalkhin-Gol-Version={__version__}",
            "",
        ]
    )


def entry_paths(share: Path | None = None) -> tuple[Path, Path]:
    share = share or data_home()
    return (share / "applications" / f"{APP_ID}.desktop", share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")


def install(share: Path | None = None) -> list[Path]:
    desktop, icon = entry_paths(share)
    desktop.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    icon.write_bytes((resources.files("viewer") / "resources" / f"{APP_ID}.svg").read_bytes())
    desktop.write_text(desktop_file_text(_launcher()), encoding="utf-8")
    return [desktop, icon]


def uninstall(share: Path | None = None) -> list[Path]:
    removed = []
    for path in entry_paths(share):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
