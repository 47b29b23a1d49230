"""Speaker notes: what the lecturer reads on the presenter view, kept apart from the audience's text.

They live in their own content file (assets/speaker-notes.yaml), keyed by event id, one text per language
(English required) and the sources they rest on. The file is validated whole against the scenario: an unknown
event or source, a missing English text or a stray key is reported as `file:line: what; fix`, and nothing is
half-loaded. A missing file means no notes (content without them is still valid).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError
from .language import LANGUAGES, Text
from .marked_yaml import load_marked_yaml
from .model import Scenario

NOTES_FILE = "speaker-notes.yaml"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class SpeakerNote:
    text: Text
    sources: tuple[str, ...]


def load_speaker_notes(folder: Path, scenario: Scenario) -> Mapping[str, SpeakerNote]:
    """The notes in `folder`'s speaker-notes.yaml by event id ({} without the file); ContentError otherwise."""
    path = folder / NOTES_FILE
    if not path.exists():
        return {}
    doc, issues = load_marked_yaml(path)
    if doc is None:
        raise ContentError(issues)
    data = doc.data
    if not isinstance(data, dict) or set(data) != {"schema_version", "notes"}:
        raise ContentError(
            [doc.issue((), "the file must have exactly two keys, schema_version and notes", "see the comment at its top")]
        )
    if data["schema_version"] != SCHEMA_VERSION:
        raise ContentError(
            [
                doc.issue(
                    ("schema_version",), f"schema_version must be {SCHEMA_VERSION}", f"write schema_version: {SCHEMA_VERSION}"
                )
            ]
        )
    notes = data["notes"]
    if not isinstance(notes, dict):
        raise ContentError(
            [doc.issue(("notes",), "notes must be a mapping of event id to note", "write `event-id:` then the texts under it")]
        )
    events = {e.id for e in scenario.events}
    result: dict[str, SpeakerNote] = {}
    for event_id, entry in notes.items():
        where = ("notes", event_id)
        if event_id not in events:
            issues.append(doc.issue(where, f"no event has the id '{event_id}'", "use an id from events.yaml"))
            continue
        if not isinstance(entry, dict):
            issues.append(
                doc.issue(
                    where,
                    "a note must be a mapping of language to text, with sources",
                    "write `en: ...` and `sources: [...]` under it",
                )
            )
            continue
        for key in sorted(set(entry) - {*LANGUAGES, "sources"}, key=str):
            issues.append(
                doc.issue(where + (key,), f"unknown key '{key}'", f"use a language ({', '.join(LANGUAGES)}) or sources")
            )
        text = {lang: entry[lang] for lang in LANGUAGES if lang in entry}
        for lang, value in text.items():
            if not isinstance(value, str) or not value.strip():
                issues.append(doc.issue(where + (lang,), f"the {lang} text is empty or not text", "write the note as text"))
        if "en" not in text:
            issues.append(
                doc.issue(where, "the English text (en) is missing", "write `en: ...`; other languages fall back to it")
            )
        sources = entry.get("sources")
        if not isinstance(sources, list) or not sources:
            issues.append(
                doc.issue(
                    where + ("sources",), "a note needs its sources", "write `sources: [id, ...]` with ids from events.yaml"
                )
            )
            continue
        for i, source in enumerate(sources):
            if not isinstance(source, str) or source not in scenario.sources:  # a nested list is no id either
                issues.append(
                    doc.issue(where + ("sources", i), f"unknown source '{source}'", "use an id from the sources in events.yaml")
                )
        result[event_id] = SpeakerNote({k: v.strip() for k, v in text.items() if isinstance(v, str)}, tuple(sources))
    if issues:
        raise ContentError(issues)
    return result
