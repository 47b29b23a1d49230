"""Make the bundled CJK font: Noto Sans CJK JP cut down to the characters the content uses.

Japanese and Chinese appear in titles of sources (e.g. Kusunoki's 考証 ノモンハン事件); without a font for
them a machine shows empty boxes. Shipping the full font would add ~16 MB, so we keep only the glyphs
needed, and re-run this when the content gains new characters (a test fails until then).
Needs Debian's fonts-noto-cjk and fontTools. Usage: python tools/subset_fonts.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "viewer" / "resources" / "fonts"
sys.path.insert(0, str(ROOT))

from viewer.ui.fonts import CJK_FILE, needs_cjk  # noqa: E402


def content_characters() -> set[str]:
    text = (ROOT / "assets" / "events.yaml").read_text(encoding="utf-8")
    return {c for c in text if needs_cjk(c)}


def main() -> None:
    chars = content_characters() | set("ノモンハン事件")
    font = TTCollection(str(SOURCE)).fonts[0]  # Noto Sans CJK JP
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(text="".join(sorted(chars)))
    sub.subset(font)
    OUT.mkdir(parents=True, exist_ok=True)
    font.save(OUT / CJK_FILE)
    copyright_text = Path("/usr/share/doc/fonts-noto-cjk/copyright").read_text(encoding="utf-8")
    ofl = copyright_text[copyright_text.index("SIL OPEN FONT LICENSE Version 1.1"):]
    ofl = re.split(r"\nLicense: ", ofl)[0]
    notice = font["name"].getDebugName(0)  # the font's own copyright line
    (OUT / "OFL-NotoSansCJK.txt").write_text(
        f"Noto Sans CJK JP (subset). {notice}\nLicensed under the SIL Open Font License, Version 1.1:\n\n"
        + "\n".join(line[1:] if line.startswith(" ") else line for line in ofl.splitlines()).replace("\n.\n", "\n\n"),
        encoding="utf-8")
    print(f"{OUT / CJK_FILE}: {len(chars)} characters, {(OUT / CJK_FILE).stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
