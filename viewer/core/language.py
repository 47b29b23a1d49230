"""The four languages of the viewer, text in a language, and numbers as each language writes them.

Content text is a mapping from language code to text (English always present); the interface strings go
through Qt's own translation system in the Qt layer. The naming convention (which side's place names are
shown) is independent of the language, so a lecture can show how each side named the same ground.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "ru", "mn", "ja")
NATIVE_NAMES = {"en": "English", "ru": "Русский", "mn": "Монгол", "ja": "日本語"}
NAMINGS = ("soviet", "japanese")  # Soviet/Mongolian names (Khalkhin Gol) or Japanese names (Nomonhan, Halha)

Text = Mapping[str, str]  # language code -> text; 'en' always present

_GROUP = {"en": ",", "ru": "\u00a0", "mn": ",", "ja": ","}
_DECIMAL = {"en": ".", "ru": ",", "mn": ".", "ja": "."}


def tr(text: Text | None, lang: str = "en") -> str:
    """Text in a language, falling back to English where a translation is missing."""
    if not text:
        return ""
    return text.get(lang) or text["en"]


def named(default: Text, japanese: Text | None, lang: str, naming: str) -> str:
    """A name under the chosen naming convention; where no Japanese-side name is sourced, the one name."""
    return tr(japanese if naming == "japanese" and japanese else default, lang)


def format_number(value: float, lang: str = "en", decimals: int = 0) -> str:
    """'1,149' in English, '1 149' in Russian (no-break space), '1,149' in Mongolian and Japanese."""
    text = f"{value:,.{decimals}f}"
    table: dict[str, str | int | None] = {",": _GROUP.get(lang, ","), ".": _DECIMAL.get(lang, ".")}
    return text.translate(str.maketrans(table))
