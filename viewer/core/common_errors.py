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
    # corrections of 2026-11-29 (history brief README, "Corrections"; issue 13), in every language
    (
        r"(Lt\.? Col\.?|Lieutenant Colonel|подполковник\w*|дэд хурандаа) (Yoshimaru|Ёсимару|Ёшимару)|ヨシマル[^。]{0,12}中佐",
        "Yoshimaru Kiyotake was a colonel from March 1939 (Coox 1985 p. 351)",
    ),
    (
        r"(?<!\d)(2nd Air Brigade|2-я авиабригада|2-й авиабригад\w*|2-р нисэхийн бригад)|第2航空旅団",
        "the 27 June raid was flown by the 2nd Air Group (第2飛行集団, Giga Tetsuji) with its 7th, 9th and 12th Air Brigades",
    ),
    (
        r"Soviet (accounts|claims?)[^.]{0,40}\b(99|100) Japanese|советские источники[^.]{0,40}100 сбитых японских",
        "the inflated claim for 27 June is the Japanese one: 99 shot down and 25 destroyed on the ground",
    ),
    (r"Ogisu Ry[uū]hei|Огису Рюхэ\w*|Огису Рюхэй\w*", "Ogisu Rippei (荻洲立兵), Огису Риппэй"),
    (r"Синъань", "по-русски Хинган (Hsingan)"),
    (
        r"NKVD general|general of the Soviet secret police|генерал\w* (советской тайной полиции|НКВД)|НКВД-ын генерал"
        r"|NKVDの[^。]{0,10}将軍|\(NKVD\)の将軍|НКВД\)\s+генерал",
        "the NKVD had no generals' ranks in 1938: call Lyushkov a senior NKVD officer",
    ),
    (r"продвинулись примерно на 2 км к мосту", "Азума остановился примерно в 2 км от моста, не дойдя до него"),
    (r"州フルンボイル|フルンボイル州", "満洲国の行政区画は「省」"),
    (
        r"Komatsubara[^.]{0,120}\b(moved|transferred|put|placed) (in|on|to|into) the reserve"
        r"|Комацубар\w*[^.]{0,120}\bпереведён в резерв|Комацүбара[^.]{0,120}нөөцөд шилж|小松原[^。]{0,60}予備役",
        "in November 1939 Komatsubara was posted to Kwantung Army headquarters",
    ),
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
