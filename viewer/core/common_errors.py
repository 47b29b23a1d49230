"""Errors in circulation about this battle (history brief, common-errors.md) that content must not repeat."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# (pattern, what to write instead). Patterns are case-insensitive and matched on whole words.
COMMON_ERRORS: tuple[tuple[str, str], ...] = (
    (r"Normenheim", "call it the Battles of Khalkhin Gol or the Nomonhan Incident (A1)"),
    (r"Nomen(kh?an|ham|han)", "the standard romanisation is Nomonhan (A2)"),
    (
        r"puppet states?\b[^.]{0,40}\bMongolia|Mongolia\w*[^.]{0,40}\bpuppet",
        "Mongolia was a Soviet satellite, never a Japanese puppet (A3)",
    ),
    (r"Marshal (Georgy |G\. ?K\. )?Zhukov", "in 1939 Zhukov was Komdiv, then Komkor; Marshal only from 1943 (A4)"),
    (r"100,000 (mechani[sz]ed|Soviet)", "the Soviet–Mongolian force was about 57,000 (A5)"),
    (r"Russo-Japanese War (of|in) 1905", "the war was fought 1904–1905 (A6)"),
    (r"T-34", "Soviet armour here was mainly BT-5 and BT-7 light tanks (B12)"),
    (r"30 miles", "the claim line lay about 16 km (10–20 km) east of the river (B7)"),
    # the same errors as they would be written in the translations (assets/i18n); the Russian case endings
    # leave out "о маршале Жукове", the title of a book about his later years
    (r"маршал(а|ом|у)?\s+(Г\.\s?К\.\s?)?Жуков", "в 1939 году Жуков был комдивом, затем комкором; маршал — с 1943 года (A4)"),
    (r"ジューコフ元帥", "1939年のジューコフはコムディフ、のちコムコール。元帥は1943年から (A4)"),
    (r"марионет\w*[^.]{0,40}\bМонгол|\bМонгол\w*[^.]{0,40}марионет", "Монголия не была марионеткой Японии (A3)"),
    (r"傀儡[^。]{0,20}モンゴル|モンゴル[^。]{0,20}傀儡", "モンゴルは日本の傀儡国家ではない (A3)"),
    (r"Т-34", "Soviet armour here was mainly BT-5 and BT-7 light tanks (B12)"),
)
_COMPILED = tuple((re.compile(p, re.IGNORECASE), fix) for p, fix in COMMON_ERRORS)


def find_common_errors(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Yield (path, matched text, correction) for every known error found in any string."""
    if isinstance(data, str):
        for rx, fix in _COMPILED:
            m = rx.search(data)
            if m:
                yield path, m.group(0), fix
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from find_common_errors(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from find_common_errors(v, path + (i,))
