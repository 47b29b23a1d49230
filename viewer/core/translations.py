"""The Russian, Mongolian and Japanese text of the content: one file per language, `i18n/<lang>.yaml`.

A translator works in one file, keyed by the ids of events.yaml, so the English file stays readable and a
language can be added without touching it. Names (of places, units and the battle) carry their form:
`sourced` (the spelling a cited source in that language uses), `translated` (a descriptive name put into
the language) or `transliterated` (a proper name no source gives in that language, spelled by us).
A key that matches nothing in events.yaml, a name without its form, or a sourced form without a source is
an error at its line; a missing text is not (the app shows English there) but `check` reports it.

`i18n/stamps.json` records, per language and text, a fingerprint of the English it was translated from
(`python tools/translations.py stamp <lang>` writes it). When a curator corrects the English, the old
translation no longer matches: it is reported as outdated and the app shows the corrected English instead,
so a fact fixed in one language is never left wrong in another.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .common_errors import find_common_errors
from .errors import ContentIssue
from .language import LANGUAGES
from .marked_yaml import MarkedDocument, load_marked_yaml, read_text

FOLDER = "i18n"
STAMPS = "stamps.json"
STAMPS_MAX_BYTES = 1_000_000  # ~60 kB today for three languages
FORMS = ("sourced", "translated", "transliterated")
Key = tuple[str, ...]
DataPath = tuple[Any, ...]


@dataclass(frozen=True)
class Slot:
    """One translatable text: where it is in a language file, where its English is in events.yaml."""

    key: Key
    path: DataPath
    is_name: bool


@dataclass(frozen=True)
class Translations:
    """Text per data path and language, how each language's names were formed, and what is missing."""

    texts: dict[DataPath, dict[str, str]]
    forms: dict[str, dict[str, int]]  # language -> form -> how many names
    missing: dict[str, list[str]]  # language -> slot keys without text, as 'events/mukden-1931/note'
    outdated: dict[str, list[str]]  # language -> slot keys whose English changed after they were translated
    total: int


def slots(data: dict) -> list[Slot]:
    """Every text of the content a visitor can see, in file order."""
    out = [Slot(("title",), ("title",), True)]
    if "japanese_title" in data:
        out.append(Slot(("japanese_title",), ("japanese_title", "text"), True))
    for i, c in enumerate(data["chapters"]):
        out += [Slot(("chapters", c["id"], "title"), ("chapters", i, "title"), False)]
        if "summary" in c:
            out.append(Slot(("chapters", c["id"], "summary"), ("chapters", i, "summary"), False))
    for i, p in enumerate(data["places"]):
        out.append(Slot(("places", p["id"], "name"), ("places", i, "name"), True))
        if "japanese_name" in p:
            out.append(Slot(("places", p["id"], "japanese_name"), ("places", i, "japanese_name", "text"), True))
        if "note" in p:
            out.append(Slot(("places", p["id"], "note"), ("places", i, "note"), False))
    for i, u in enumerate(data["units"]):
        base = ("units", u["id"])
        out += [Slot(base + ("name",), ("units", i, "name"), True), Slot(base + ("short",), ("units", i, "short"), False)]
        if u.get("commander"):
            out += [
                Slot(base + ("commander", f), ("units", i, "commander", f), f == "name")
                for f in ("name", "rank", "note")
                if f in u["commander"]
            ]
        if u.get("strength"):
            out.append(Slot(base + ("strength",), ("units", i, "strength", "text"), False))
        if "note" in u:
            out.append(Slot(base + ("note",), ("units", i, "note"), False))
        out += [
            Slot(base + ("track", str(f["at"])), ("units", i, "track", j, "how"), False)
            for j, f in enumerate(u["track"])
            if "how" in f
        ]
    for i, e in enumerate(data["events"]):
        base = ("events", e["id"])
        out += [Slot(base + ("title",), ("events", i, "title"), False), Slot(base + ("note",), ("events", i, "note"), False)]
        if e.get("caveat"):
            out.append(Slot(base + ("caveat",), ("events", i, "caveat", "text"), False))
    return out


def load_translations(folder: Path, data: dict, source_ids: set[str]) -> tuple[Translations, list[ContentIssue]]:
    """Read every language file beside events.yaml; a missing file means that language is not started."""
    table = {s.key: s for s in slots(data)}
    stamps, issues = read_stamps(folder / FOLDER / STAMPS)
    texts: dict[DataPath, dict[str, str]] = {}
    forms: dict[str, dict[str, int]] = {}
    missing: dict[str, list[str]] = {}
    outdated: dict[str, list[str]] = {}
    for lang in LANGUAGES[1:]:
        found: dict[Key, str] = {}
        forms[lang] = dict.fromkeys(FORMS, 0)
        path = folder / FOLDER / f"{lang}.yaml"
        if os.path.lexists(path):  # a broken link is reported, not taken for a language not yet started
            doc, load_issues = load_marked_yaml(path)
            issues += load_issues
            if doc is not None:
                found = _read_language(doc, lang, table, source_ids, forms[lang], issues)
        stale = {key for key in found if stamps.get(lang, {}).get("/".join(key)) != english_stamp(english(data, table[key]))}
        outdated[lang] = ["/".join(key) for key in table if key in stale]
        for key, text in found.items():
            if key not in stale:  # a translation of English since corrected would show the old fact
                texts.setdefault(table[key].path, {})[lang] = text
        missing[lang] = ["/".join(k) for k in table if k not in found]
    return Translations(texts, forms, missing, outdated, len(table)), issues


def english(data: dict, slot: Slot) -> str:
    node: Any = data
    for step in slot.path:
        node = node[step]
    return node


def english_stamp(text: str) -> str:
    """A short fingerprint of the English a translation was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def read_stamps(path: Path) -> tuple[dict[str, dict[str, str]], list[ContentIssue]]:
    """{language: {text key: stamp}}; a missing file means nothing was stamped yet."""
    if not os.path.lexists(path):
        return {}, []
    fix = "restore it from version control, or run: python tools/translations.py stamp <lang>"
    text, issues = read_text(path, STAMPS_MAX_BYTES)
    if text is None:
        return {}, issues
    try:
        stamps = json.loads(text)
    except json.JSONDecodeError as exc:
        return {}, [ContentIssue(str(path), exc.lineno, f"not valid JSON ({exc.msg})", fix)]
    except (ValueError, RecursionError) as exc:  # a number of more than 4300 digits, nesting past the stack
        return {}, [ContentIssue(str(path), 1, f"cannot read the JSON ({exc})", fix)]
    if not isinstance(stamps, dict) or not all(
        isinstance(v, dict) and all(isinstance(s, str) for s in v.values()) for v in stamps.values()
    ):
        return {}, [ContentIssue(str(path), 1, "expected {language: {text key: stamp}}", fix)]
    return stamps, []


def _read_language(
    doc: MarkedDocument,
    lang: str,
    table: dict[Key, Slot],
    source_ids: set[str],
    forms: dict[str, int],
    issues: list[ContentIssue],
) -> dict[Key, str]:
    data = doc.data
    if not isinstance(data, dict) or data.get("language") != lang:
        issues.append(doc.issue((), f"the file must start with 'language: {lang}'", f"add the line 'language: {lang}'"))
        return {}
    found: dict[Key, str] = {}
    prefixes = {key[:i] for key in table for i in range(1, len(key) + 1)}
    reported: set[Key] = set()
    for key, value in leaves({k: v for k, v in data.items() if k != "language"}):
        slot = table.get(key)
        where = "/".join(key)
        if slot is None:
            stray = next(key[:i] for i in range(1, len(key) + 1) if key[:i] not in prefixes or i == len(key))
            if stray not in reported:  # one message at the unknown id, not one per field under it
                reported.add(stray)
                issues.append(
                    doc.issue(
                        stray,
                        f"'{'/'.join(stray)}' matches nothing in events.yaml",
                        "correct the id or field name (see docs/translating.md), or remove it",
                    )
                )
        elif slot.is_name or (isinstance(value, str) and value.strip()):
            text = _read_name(doc, key, value, source_ids, forms, issues) if slot.is_name else value
            if text:
                found[key] = text
            for _, phrase, correction in find_common_errors(text or ""):
                issues.append(doc.issue(key, f"'{where}': '{phrase}' is a known error", correction))
        else:
            issues.append(doc.issue(key, f"'{where}' must be text", "write the text, or remove the entry"))
    return found


def _read_name(
    doc: MarkedDocument, key: Key, value: Any, source_ids: set[str], forms: dict[str, int], issues: list[ContentIssue]
) -> str | None:
    where = "/".join(key)
    fix = "write {text: ..., form: sourced, sources: [id]} or form: translated / transliterated"
    if not isinstance(value, dict) or not isinstance(value.get("text"), str) or value.get("form") not in FORMS:
        issues.append(doc.issue(key, f"the name '{where}' needs its text and its form", fix))
        return None
    if set(value) - {"text", "form", "sources"}:
        issues.append(
            doc.issue(key, f"the name '{where}' has unknown fields {sorted(set(value) - {'text', 'form', 'sources'})}", fix)
        )
        return None
    sources = value.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        issues.append(doc.issue(key + ("sources",), f"the sources of the name '{where}' must be a list of ids", fix))
        return None
    if value["form"] == "sourced":
        unknown = [s for s in sources if s not in source_ids]
        if not sources or unknown:
            issues.append(
                doc.issue(
                    key + ("sources",),
                    f"the sourced name '{where}' cites {unknown or 'no source'}",
                    "name the source (an id under 'sources' in events.yaml) that uses this spelling",
                )
            )
            return None
    elif sources:
        issues.append(
            doc.issue(
                key + ("sources",),
                f"the name '{where}' is {value['form']} but cites sources",
                "mark it form: sourced, or remove the sources",
            )
        )
        return None
    forms[value["form"]] += 1
    return value["text"]


def leaves(node: Any, key: Key = ()) -> Iterator[tuple[Key, Any]]:
    """Walk a language file's nested mappings down to texts and names (a mapping with 'text' is a name)."""
    if isinstance(node, dict) and "text" not in node:
        for k, v in node.items():
            yield from leaves(v, key + (str(k),))
    else:
        yield key, node
