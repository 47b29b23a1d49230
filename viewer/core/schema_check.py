"""Structural validation against the JSON Schema, turned into curator-friendly messages."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from .errors import ContentIssue
from .marked_yaml import MarkedDocument

_KIND_NAMES = {"sources": "source", "chapters": "chapter", "places": "place", "units": "unit", "events": "event", "track": "fix"}
_KIND_NAMES |= {"grounds": "ground", "stages": "stage", "manoeuvres": "manoeuvre"}  # operations.yaml
_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "a mapping (key: value lines)",
    "boolean": "true or false",
    "null": "nothing",
}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The published JSON Schema of events.yaml (shipped beside this module)."""
    return json.loads(resources.files(__package__).joinpath("events.schema.json").read_text(encoding="utf-8"))


def check_structure(doc: MarkedDocument) -> list[ContentIssue]:
    """Every schema violation as one issue, located at the offending value."""
    validator = jsonschema.Draft202012Validator(schema())
    issues = []
    for error in validator.iter_errors(doc.data):
        if error.context:
            error = best_match(error.context)
        issues.append(_to_issue(doc, error))
    return issues


def where(data: Any, path: tuple) -> str:
    """A readable location: "event 'azuma-destroyed' › date" rather than a JSON pointer."""
    parts: list[str] = []
    node = data
    for i, key in enumerate(path):
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(key, int):
            kind = _KIND_NAMES.get(str(path[i - 1]) if i else "", "item")
            ident = node.get("id") if isinstance(node, dict) else None
            at = node.get("at") if isinstance(node, dict) and kind == "fix" else None
            label = f"{kind} '{ident}'" if ident else (f"fix at {at}" if at else f"{kind} {key + 1}")
            if parts and parts[-1] == str(path[i - 1]):
                parts[-1] = label
            else:
                parts.append(label)
        else:
            parts.append(str(key))
    return " › ".join(parts) or "the top level"


def _to_issue(doc: MarkedDocument, error: ValidationError) -> ContentIssue:
    path = tuple(error.absolute_path)
    loc = where(doc.data, path)
    v = error.validator
    if v == "additionalProperties":
        schema = error.schema if isinstance(error.schema, Mapping) else {}  # a bool schema has no properties
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        key = extra[0] if extra else "?"
        return doc.issue(
            path + (key,), f"{loc}: unknown key '{key}'", f"remove it or correct its spelling (allowed: {', '.join(allowed)})"
        )
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return doc.issue(path, f"{loc}: '{missing}' is missing", f"add '{missing}'")
    if v == "enum" and isinstance(error.validator_value, list):
        return doc.issue(
            path,
            f"{loc}: '{error.instance}' is not an allowed value",
            f"use one of: {', '.join(map(str, error.validator_value))}",
        )
    if v == "pattern" and "T[0-9]{2}" in str(error.validator_value):
        return doc.issue(
            path,
            f"{loc}: '{error.instance}' is not an ISO 8601 date",
            "write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM (quote nothing else in)",
        )
    if v == "pattern":
        return doc.issue(path, f"{loc}: '{error.instance}' is not a valid id or code", f"it must match {error.validator_value}")
    if v == "type" and isinstance(error.validator_value, (str, list)):
        wanted = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        return doc.issue(
            path,
            f"{loc}: expected {_TYPE_WORDS.get(wanted, wanted)}, found {type(error.instance).__name__}",
            f"write {_TYPE_WORDS.get(wanted, wanted)} here",
        )
    if (v == "oneOf" and path and path[-2:-1] == ("track",)) or (
        v == "oneOf" and isinstance(error.instance, dict) and "at" in error.instance
    ):
        return doc.issue(
            path, f"{loc}: a fix needs exactly one of 'place' or 'lonlat'", "give a gazetteer id or [lon, lat], not both"
        )
    if v in ("minItems", "minLength"):
        return doc.issue(path, f"{loc}: is empty", "fill it in")
    if v == "const":
        return doc.issue(path, f"{loc}: must be {error.validator_value}", f"write {error.validator_value}")
    return doc.issue(path, f"{loc}: {error.message}", "correct the value")
