"""Which characters content text may hold: none that a screen cannot show or a parser would choke on.

Control characters (other than tab and line break) print as boxes or cut a label short, a lone surrogate
half cannot be encoded at all (a UTF-8 writer, a font shaper or Qt raises on it), and a non-character or a
byte-order mark inside a text is a sign of a broken copy and paste.
"""

from __future__ import annotations

import re

_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufeff\ufffe\uffff]")


def bad_character(text: str) -> str | None:
    """A description of the first character content may not hold, or None when the text is clean."""
    found = _BAD.search(text)
    if found is None:
        return None
    code = ord(found.group())
    kind = "a lone surrogate half" if 0xD800 <= code <= 0xDFFF else "a control or invisible character"
    return f"{kind} (U+{code:04X}) at character {found.start() + 1}"
