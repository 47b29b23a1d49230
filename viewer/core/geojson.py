"""Reading GeoJSON layers strictly (RFC 7946): WGS84 lon/lat, no `crs`, valid geometries.

Problems are located by line: JSON syntax errors carry one; for the rest the file is read again
with the line-keeping YAML loader (JSON is YAML), only when there is something to report.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shapely.geometry import shape

from .errors import ContentIssue, display_name
from .marked_yaml import MAX_NUMBER_CHARS, load_marked_yaml, read_text
from .safe_text import bad_character

GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
Position = list[float]


def read_feature_collection(
    path: Path, inside: Callable[[float, float], bool], area: str
) -> tuple[list[dict], list[ContentIssue]]:
    """Return the features of a FeatureCollection, or the issues that stop it from loading.

    `inside(lon, lat)` is the map's extent; `area` names it in messages.
    """
    name = display_name(path)
    text, issues = read_text(path)
    if text is None:
        return [], issues
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        return [], [
            ContentIssue(
                name,
                exc.lineno,
                f"not valid JSON: {exc.msg} (column {exc.colno})",
                "fix the JSON syntax; a GeoJSON file must be plain JSON",
            )
        ]
    except _BadNumber as exc:
        return [], [ContentIssue(name, _line_of(text, exc.pattern), exc.problem, "write ordinary finite numbers")]
    except RecursionError:
        return [], [
            ContentIssue(name, 1, "the JSON is nested too deep to read", "flatten it; GeoJSON needs at most 4 levels of lists")
        ]
    problems: list[tuple[tuple, str, str]] = []
    _check_collection(data, inside, area, problems)
    if not problems:
        return data["features"], []
    lines = _line_finder(path)
    return [], [ContentIssue(name, lines(p), what, fix) for p, what, fix in problems]


class _BadNumber(ValueError):
    """A number JSON allows but a map cannot use; `pattern` finds its line."""

    def __init__(self, problem: str, pattern: str):
        super().__init__(problem)
        self.problem = problem
        self.pattern = pattern


def _refuse_constant(word: str) -> float:
    raise _BadNumber(f"'{word}' is not a number RFC 7946 allows", rf"\b-?{word}\b")


def _bounded_int(digits: str) -> int:
    if len(digits) > MAX_NUMBER_CHARS:
        raise _BadNumber(f"a number has {len(digits)} digits", rf"\d{{{MAX_NUMBER_CHARS + 1}}}")
    return int(digits)


def _line_of(text: str, pattern: str) -> int:
    found = re.search(pattern, text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _line_finder(path: Path) -> Callable[[tuple], int]:
    doc, _ = load_marked_yaml(path)
    return doc.line if doc else (lambda _path: 1)


def _check_collection(data: Any, inside: Callable[[float, float], bool], area: str, problems: list) -> None:
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        problems.append(
            ((), "the top level is not a GeoJSON FeatureCollection", 'write {"type": "FeatureCollection", "features": [...]}')
        )
        return
    if "crs" in data:
        problems.append(
            (("crs",), "a 'crs' member is not allowed by RFC 7946", "remove it and give coordinates in WGS84 longitude, latitude")
        )
    features = data.get("features")
    if not isinstance(features, list):
        problems.append(((), "'features' is missing or not a list", "add a 'features' list"))
        return
    if not features:
        problems.append((("features",), "the layer has no features", "restore the layer from version control"))
    for i, feat in enumerate(features):
        _check_feature(feat, ("features", i), inside, area, problems)
        if len(problems) > 20:
            return


def _check_feature(feat: Any, path: tuple, inside: Callable[[float, float], bool], area: str, problems: list) -> None:
    if not isinstance(feat, dict) or feat.get("type") != "Feature":
        problems.append((path, "this item is not a GeoJSON Feature", 'give it "type": "Feature", "properties" and "geometry"'))
        return
    properties = feat.get("properties", {})
    if not isinstance(properties, (dict, type(None))):
        problems.append(
            (path + ("properties",), "'properties' must be an object or null", "write the properties as a JSON object")
        )
    for key, value in (properties if isinstance(properties, dict) else {}).items():
        bad = next((b for b in map(bad_character, (key, value if isinstance(value, str) else "")) if b), None)
        if bad:
            problems.append((path + ("properties", key), f"the property '{key}' holds {bad}", "delete it, or retype the text"))
    geom = feat.get("geometry")
    gpath = path + ("geometry",)
    if not isinstance(geom, dict) or not isinstance(geom.get("type"), str) or geom["type"] not in GEOMETRY_TYPES:
        problems.append(
            (gpath, "the geometry is missing or of an unknown type", f"use one of {', '.join(sorted(GEOMETRY_TYPES))}")
        )
        return
    if "crs" in geom:
        problems.append((gpath + ("crs",), "a 'crs' member is not allowed by RFC 7946", "remove it"))
    depth = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}[geom["type"]]
    before = len(problems)
    _check_positions(geom.get("coordinates"), depth, gpath + ("coordinates",), inside, area, problems)
    if len(problems) > before:
        return
    rings = {"Polygon": [geom["coordinates"]], "MultiPolygon": geom["coordinates"]}.get(geom["type"], [])
    for p, polygon in enumerate(rings):
        for r, ring in enumerate(polygon):
            if len(ring) < 4 or ring[0] != ring[-1]:
                problems.append(
                    (
                        gpath + ("coordinates", p, r),
                        "a polygon ring is not closed (RFC 7946 needs 4+ positions, last = first)",
                        "repeat the first position at the end of the ring",
                    )
                )
                return
    try:
        g = shape(geom)
    except Exception as exc:  # shapely raises several types for malformed coordinates
        problems.append(
            (gpath, f"the {geom['type']} cannot be built: {exc}", "check that lines have 2+ positions and rings are closed")
        )
        return
    if not g.is_valid:
        from shapely.validation import explain_validity

        problems.append(
            (gpath, f"the {geom['type']} is not valid ({explain_validity(g)})", "remove the self-intersection or duplicate ring")
        )


def _check_positions(
    coords: Any, depth: int, path: tuple, inside: Callable[[float, float], bool], area: str, problems: list
) -> None:
    if depth == 0:
        if not (
            isinstance(coords, list)
            and len(coords) in (2, 3)
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in coords)
        ):
            problems.append(
                (
                    path,
                    f"a position must be [longitude, latitude] finite numbers, found {json.dumps(coords)[:40]}",
                    "write each position as [lon, lat]",
                )
            )
            return
        lon, lat = coords[0], coords[1]
        if not inside(lon, lat):
            hint = (
                "the numbers look swapped: GeoJSON is [longitude, latitude]"
                if inside(lat, lon)
                else f"move it inside the {area} or clip the layer"
            )
            problems.append((path, f"position [{lon}, {lat}] lies outside the {area}", hint))
        return
    if not isinstance(coords, list) or not coords:
        problems.append((path, "the coordinates are missing or empty", "give the geometry its coordinates"))
        return
    for i, c in enumerate(coords):
        _check_positions(c, depth - 1, path + (i,), inside, area, problems)
        if len(problems) > 20:
            return
