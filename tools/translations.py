"""Interface translations: collect the strings, compile the catalogues, and say what is left to do.

    python tools/translations.py update    # pyside6-lupdate: viewer/**/*.py -> translations/viewer_<lang>.ts
    python tools/translations.py release   # pyside6-lrelease: .ts -> viewer/resources/i18n/viewer_<lang>.qm
    python tools/translations.py status    # unfinished or obsolete messages per language (exit 1 if any)
    python tools/translations.py stamp ru  # the story: record that assets/i18n/ru.yaml matches today's English

Translators edit the .ts files (Qt Linguist: `pyside6-linguist translations/viewer_ru.ts`); the .qm files
are committed so that an install needs no Qt tools, and a test checks they match their .ts sources.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "viewer" / "resources" / "i18n"
LANGUAGES = ("ru", "mn", "ja")  # English is the source language


def tool(name: str) -> str:
    """A PySide6 tool next to this Python, or on PATH."""
    local = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "viewer").rglob("*.py"))


def update(ts_dir: Path = TS_DIR) -> None:
    ts_dir.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        ts = ts_dir / f"viewer_{lang}.ts"
        subprocess.run(
            [tool("lupdate"), "-locations", "none", "-no-obsolete", "-target-language", lang, *sources(), "-ts", str(ts)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def release(qm_dir: Path = QM_DIR) -> None:
    qm_dir.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        subprocess.run(
            [tool("lrelease"), "-silent", str(TS_DIR / f"viewer_{lang}.ts"), "-qm", str(qm_dir / f"viewer_{lang}.qm")], check=True
        )


def problems(ts: Path) -> list[str]:
    """Messages a user would see in English: unfinished, empty or obsolete entries."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            if (
                translation is None
                or kind in ("unfinished", "missing", "obsolete", "vanished")
                or not (translation.text or "").strip()
            ):
                out.append(f"{name}: {message.findtext('source')!r} ({kind or 'empty'})")
    return out


def stamp(languages: list[str]) -> None:
    """Record, for each text a language file translates, a fingerprint of the English it now matches.
    Run it after translating or re-checking a text; `check` reports texts whose English changed since."""
    sys.path.insert(0, str(ROOT))
    from viewer.core.marked_yaml import load_marked_yaml
    from viewer.core.translations import FOLDER, STAMPS, english, english_stamp, leaves, slots

    folder = ROOT / "assets"
    doc, issues = load_marked_yaml(folder / "events.yaml")
    if doc is None:
        raise SystemExit("\n".join(map(str, issues)))
    path = folder / FOLDER / STAMPS
    stamps = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for lang in languages:
        lang_doc, issues = load_marked_yaml(folder / FOLDER / f"{lang}.yaml")
        if lang_doc is None:
            raise SystemExit("\n".join(map(str, issues)))
        present = {"/".join(key) for key, _ in leaves({k: v for k, v in lang_doc.data.items() if k != "language"})}
        stamps[lang] = {
            "/".join(s.key): english_stamp(english(doc.data, s)) for s in slots(doc.data) if "/".join(s.key) in present
        }
        print(f"{lang}: {len(stamps[lang])} texts stamped")
    path.write_text(json.dumps(stamps, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "stamp":
        stamp(argv[2:] or list(LANGUAGES))
        return 0
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command != "status":
        print(__doc__)
        return 2
    bad = 0
    for lang in LANGUAGES:
        found = problems(TS_DIR / f"viewer_{lang}.ts")
        bad += len(found)
        print(f"{lang}: " + ("complete" if not found else f"{len(found)} to do"))
        for line in found:
            print(f"    {line}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
