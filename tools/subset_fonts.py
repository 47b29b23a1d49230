"""Make the bundled fonts (viewer/resources/fonts) from Debian's Noto packages with fontTools.

    python tools/subset_fonts.py     # needs fonts-noto-core and fonts-noto-cjk (apt-get install ...)

Noto Sans keeps whole Unicode blocks (Latin, Cyrillic, punctuation: see LATIN_RANGES); Noto Sans CJK JP keeps
only the characters of the content and the interface catalogues that Noto Sans lacks. Re-run when the text
gains new CJK characters: tests/test_i18n.py fails, naming them, until then.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
NOTO = Path("/usr/share/fonts/truetype/noto")
CJK_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "viewer" / "resources" / "fonts"
sys.path.insert(0, str(ROOT))

from viewer.ui.fonts import CJK_FAMILY, CJK_FILE, FAMILY, LATIN_FILES, LATIN_RANGES, STYLES, text_shown  # noqa: E402


def _rename(font: TTFont, family: str) -> None:
    """Give the subset a family name of its own, so Qt never mixes in a system font of the original name
    (a system's real bold CJK face, say): the app then draws the same letters on every machine."""
    name = font["name"]
    style = name.getDebugName(17) or name.getDebugName(2) or "Regular"
    for record in list(name.names):
        if record.nameID in (1, 16):
            name.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (4, 18):
            name.setName(
                f"{family} {style}".replace(" Regular", ""), record.nameID, record.platformID, record.platEncID, record.langID
            )
        elif record.nameID == 6:
            name.setName(f"{family}-{style}".replace(" ", ""), record.nameID, record.platformID, record.platEncID, record.langID)


def _subset(font: TTFont, codepoints: set[int]) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)


def _ofl(notice: str, name: str) -> str:
    """The OFL 1.1 text (Debian ships it in full only in fonts-noto-cjk's copyright file) under the font's notice."""
    text = Path("/usr/share/doc/fonts-noto-cjk/copyright").read_text(encoding="utf-8")
    ofl = text[text.index("SIL OPEN FONT LICENSE Version 1.1") :]
    ofl = re.split(r"\nLicense: ", ofl)[0]
    body = "\n".join(line[1:] if line.startswith(" ") else line for line in ofl.splitlines()).replace("\n.\n", "\n\n")
    return f"{name} (subset). {notice}\nLicensed under the SIL Open Font License, Version 1.1:\n\n{body}"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = {cp for lo, hi in LATIN_RANGES for cp in range(lo, hi + 1)}
    latin_cmap: set[int] = set()
    for style, out in zip(STYLES, LATIN_FILES, strict=True):
        font = TTFont(str(NOTO / f"NotoSans-{style}.ttf"), recalcTimestamp=False)  # same bytes on every run
        _subset(font, wanted)
        _rename(font, FAMILY)
        font.save(OUT / out)
        latin_cmap |= set(font.getBestCmap())
        notice = font["name"].getDebugName(0)
    (OUT / "OFL-NotoSans.txt").write_text(_ofl(notice, "Noto Sans"), encoding="utf-8")
    chars = {ord(c) for c in text_shown(ROOT) if ord(c) > 0x7F and ord(c) not in latin_cmap}
    cjk = TTCollection(str(CJK_SOURCE), recalcTimestamp=False).fonts[0]  # Noto Sans CJK JP
    _subset(cjk, chars)
    _rename(cjk, CJK_FAMILY)
    cjk.save(OUT / CJK_FILE)
    (OUT / "OFL-NotoSansCJK.txt").write_text(_ofl(cjk["name"].getDebugName(0), "Noto Sans CJK JP"), encoding="utf-8")
    for name in LATIN_FILES + (CJK_FILE,):
        print(f"{name}: {(OUT / name).stat().st_size / 1024:.0f} KB")
    print(f"CJK subset: {len(chars)} characters")


if __name__ == "__main__":
    main()
