"""The abbreviations in the units' short names, spelled out for the legend, per language. Japanese short names
are words, not abbreviations; Mongolian ones spell most words out (those it shortens are listed)."""

from __future__ import annotations

import re

ABBREVIATIONS: dict[str, dict[str, str]] = {
    "en": {
        "MPR": "Mongolian People's Republic",
        "Cav": "cavalry",
        "Div": "division",
        "Det": "detachment",
        "Inf": "infantry",
        "Rgt": "regiment",
        "Bn": "battalion",
        "AG": "army group",
        "HQ": "headquarters",
        "IAP": "fighter aviation regiment",
        "MR": "motor rifle",
        "R": "rifle",
        "MA": "motor-armoured",
        "Bde": "brigade",
        "Tk": "tank",
        "Abn": "airborne",
    },
    "ru": {
        "МНР": "Монгольская Народная Республика",
        "кд": "кавалерийская дивизия",
        "пд": "пехотная дивизия",
        "пп": "пехотный полк",
        "Маньчж.": "маньчжурская",
        "Отр.": "отряд",
        "Бат.": "батальон",
        "АГ": "армейская группа",
        "иап": "истребительный авиационный полк",
        "мсд": "мотострелковая дивизия",
        "сп": "стрелковый полк",
        "мбр": "мотоброневая бригада",
        "тбр": "танковая бригада",
        "мсп": "мотострелковый полк",
        "вдбр": "воздушно-десантная бригада",
        "сд": "стрелковая дивизия",
    },
    "mn": {
        "БНМАУ": "Бүгд Найрамдах Монгол Ард Улс",
        "АБ": "армийн бүлэг",
        "бр.": "бригад",
        "бат.": "батальон",
    },
}


def abbreviations_in(names: list[str], lang: str) -> list[tuple[str, str]]:
    """(abbreviation, meaning) for every listed abbreviation that occurs in `names`, in the order of the list."""
    known = ABBREVIATIONS.get(lang, {})
    words = {w for name in names for w in re.split(r"[\s\-]+", name)}
    return [(a, meaning) for a, meaning in known.items() if a in words]
