"""Operational graphics as content (`operations.yaml`): the ground each side held over time and the manoeuvres
drawn as axes of advance; their validation (every problem as `file:line: what; fix`), and what the map draws at
an instant (pure maths, no Qt).

A ground is a list of dated stages, each a ring of [lon, lat] points. Between two stages with the same number of
points the ring moves linearly, as a unit does between fixes (a pocket shrinks day by day); otherwise a stage
holds until the next one begins. A manoeuvre is a path: its arrow grows along the path from its start to its end
time (at half the interval it reaches half the path's length) and then fades out over FADE.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LinearRing, LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from .dates import parse_date, period_end, period_start
from .errors import ContentIssue
from .geometry import EqualAreaProjection
from .marked_yaml import MarkedDocument, load_marked_yaml
from .model import SIDES, BBox
from .schema_check import where

OPERATIONS_FILE = "operations.yaml"
KINDS = ("attack", "counter-attack", "crossing", "withdrawal", "breakout")
GROUND_KINDS = ("held", "pocket")
FADE = timedelta(hours=48)  # how long a finished arrow takes to fade out
MIN_AREA_KM2 = 0.05  # a "ground" smaller than this is points on a line, not an outline
_GROUND_KEYS = {"id", "side", "kind", "sources", "stages", "end"}
_STAGE_KEYS = {"at", "ring", "approximate", "how"}
_MANOEUVRE_KEYS = {"id", "side", "kind", "start", "end", "units", "sources", "path", "approximate", "how"}

XY = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class GroundStage:
    """The ground's outline from `at` on; `radius_km` is how far its edge may be off, `how` how it was drawn."""

    at: datetime
    lonlat: XY
    xy: XY  # km, in the scenario's projection
    radius_km: float
    how: str


@dataclass(frozen=True)
class Ground:
    id: str
    side: str
    kind: str  # "held", or "pocket": ground the side held while encircled
    sources: tuple[str, ...]
    stages: tuple[GroundStage, ...]
    end: datetime  # the last instant it is drawn


@dataclass(frozen=True)
class Manoeuvre:
    id: str
    side: str
    kind: str
    start: datetime
    end: datetime
    units: tuple[str, ...]
    sources: tuple[str, ...]
    lonlat: XY
    xy: XY  # km, in the scenario's projection
    radius_km: float
    how: str


@dataclass(frozen=True)
class Operations:
    grounds: tuple[Ground, ...] = ()
    manoeuvres: tuple[Manoeuvre, ...] = ()


# --- what is drawn at an instant ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Arrow:
    """A manoeuvre at an instant: the part of its path drawn so far (km), how far it has grown, its opacity."""

    manoeuvre: Manoeuvre
    path: np.ndarray  # (n, 2)
    fraction: float
    opacity: float


@dataclass(frozen=True)
class OperationsFrame:
    grounds: tuple[tuple[Ground, np.ndarray], ...]  # each ground shown now, with its ring (n, 2) in km
    arrows: tuple[Arrow, ...]


def arrow_progress(m: Manoeuvre, at: datetime) -> tuple[float, float] | None:
    """(fraction of the path grown, opacity) at `at`, or None before its start and once it has faded."""
    if at < m.start or at >= m.end + FADE:  # faded out: gone, not drawn (or listed) at opacity 0
        return None
    span = (m.end - m.start).total_seconds()
    fraction = 1.0 if span <= 0 else min(1.0, (at - m.start).total_seconds() / span)
    opacity = 1.0 if at <= m.end else 1.0 - (at - m.end) / FADE
    return fraction, opacity


def partial_path(xy: np.ndarray, fraction: float) -> np.ndarray:
    """The start of a polyline that is `fraction` of its length long (at least its first point, twice)."""
    xy = np.asarray(xy, dtype=float)
    seg = np.hypot(*np.diff(xy, axis=0).T)
    cum = np.concatenate(([0.0], np.cumsum(seg)))
    target = min(max(fraction, 0.0), 1.0) * cum[-1]
    i = int(np.searchsorted(cum, target, side="right")) - 1
    if i >= len(seg):
        return xy.copy()
    w = (target - cum[i]) / seg[i] if seg[i] else 0.0
    return np.vstack((xy[: i + 1], xy[i] + w * (xy[i + 1] - xy[i])))


def path_length(xy: np.ndarray) -> float:
    return float(np.hypot(*np.diff(np.asarray(xy, dtype=float), axis=0).T).sum())


def axis_outline(xy: np.ndarray, half_width: float, head_length: float, head_half_width: float) -> np.ndarray | None:
    """The outline of an axis of advance along a polyline (device units): a body of even width with mitred bends,
    ending in a head whose tip is the last point; a short path gets a proportionally smaller head. None when the
    path is too short to draw. One polygon, computed with numpy, so a frame of arrows costs no path operations."""
    xy = np.asarray(xy, dtype=float)
    total = path_length(xy)
    if len(xy) < 2 or total < 2:
        return None
    head = min(head_length, 0.6 * total)
    head_half = head_half_width * head / head_length
    half = min(half_width, 0.7 * head_half)
    body = partial_path(xy, (total - head) / total)
    body = body[np.concatenate(([True], np.hypot(*np.diff(body, axis=0).T) > 1e-9))]
    tip = xy[-1]
    ahead = tip - body[-1]
    ahead = ahead / (np.hypot(*ahead) or 1.0)
    if len(body) < 2:  # all head: the body is the head's base
        body = np.vstack((body[-1] - ahead * 1e-3, body[-1]))
    d = np.diff(body, axis=0)
    seg_n = np.column_stack((-d[:, 1], d[:, 0])) / np.hypot(*d.T)[:, None]  # left normal of each segment
    normals = np.vstack((seg_n[:1], seg_n[:-1] + seg_n[1:], seg_n[-1:]))
    normals /= np.hypot(*normals.T)[:, None]
    if len(seg_n) > 1:  # a mitre keeps the body's width through a bend (capped at a sharp one)
        cos = np.einsum("ij,ij->i", normals[1:-1], seg_n[1:])
        normals[1:-1] /= np.maximum(cos, 0.35)[:, None]
    left, right = body + normals * half, body - normals * half
    side = np.array([-ahead[1], ahead[0]])
    head_pts = np.array([body[-1] + side * head_half, tip, body[-1] - side * head_half])
    return np.vstack((left, head_pts, right[::-1]))


def ground_ring(g: Ground, at: datetime) -> np.ndarray | None:
    """The ground's ring at `at` (km), moving linearly between stages of equal size; None outside its time."""
    if at < g.stages[0].at or at > g.end:
        return None
    i = max(k for k, s in enumerate(g.stages) if s.at <= at)
    here = np.asarray(g.stages[i].xy)
    if i + 1 < len(g.stages) and len(g.stages[i + 1].xy) == len(here):
        nxt = g.stages[i + 1]
        w = (at - g.stages[i].at) / (nxt.at - g.stages[i].at)
        return here + w * (np.asarray(nxt.xy) - here)
    return here


def frame_at(ops: Operations, at: datetime) -> OperationsFrame:
    grounds = tuple((g, ring) for g in ops.grounds for ring in [ground_ring(g, at)] if ring is not None)
    arrows = []
    for m in ops.manoeuvres:
        progress = arrow_progress(m, at)
        if progress is not None:
            arrows.append(Arrow(m, partial_path(np.asarray(m.xy), progress[0]), *progress))
    return OperationsFrame(grounds, tuple(arrows))


def first_crossing(xy: np.ndarray, water: BaseGeometry) -> float | None:
    """How far along a path (km) it first crosses `water` (a river line), or None if it does not."""
    line = LineString(xy)
    hit = line.intersection(water)
    if hit.is_empty:
        return None
    return float(min(line.project(Point(*p)) for p in shapely.get_coordinates(hit)))


# --- loading and validation ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Refs:
    """What operations.yaml may refer to, from the scenario's events.yaml."""

    sources: Mapping[str, str]  # id -> grade
    units: frozenset[str]
    campaign: tuple[datetime, datetime] | None
    region: BBox
    projection: EqualAreaProjection


def load_operations(path: Path, refs: Refs) -> tuple[Operations, list[ContentIssue]]:
    """The operations in `path` (none if the file does not exist) and every problem found in it."""
    if not path.exists():
        return Operations(), []
    doc, issues = load_marked_yaml(path)
    if doc is None:
        return Operations(), issues
    checker = _Checker(doc, refs)
    ops = checker.operations()
    return ops, checker.issues


class _Checker:
    def __init__(self, doc: MarkedDocument, refs: Refs) -> None:
        self.doc, self.refs = doc, refs
        self.issues: list[ContentIssue] = []

    def fail(self, path: tuple, problem: str, fix: str) -> None:
        self.issues.append(self.doc.issue(path, f"{where(self.doc.data, path)}: {problem}", fix))

    def operations(self) -> Operations:
        data = self.doc.data
        if not isinstance(data, dict):
            self.fail((), "the file must be a mapping with 'grounds' and 'manoeuvres'", "see docs/content-format.md")
            return Operations()
        self._keys((), data, {"schema_version", "grounds", "manoeuvres"})
        if data.get("schema_version") != 1:
            self.fail(("schema_version",), "schema_version must be 1", "write schema_version: 1")
        grounds = [g for i, item in enumerate(self._list((), data, "grounds")) if (g := self._ground(i, item))]
        manoeuvres = [m for i, item in enumerate(self._list((), data, "manoeuvres")) if (m := self._manoeuvre(i, item))]
        self._unique(
            [("grounds", i, g) for i, g in enumerate(data.get("grounds") or [])]
            + [("manoeuvres", i, m) for i, m in enumerate(data.get("manoeuvres") or [])]
        )
        return Operations(tuple(grounds), tuple(manoeuvres)) if not self.issues else Operations()

    # --- entries --------------------------------------------------------------------------------------
    def _ground(self, i: int, g: Any) -> Ground | None:
        base = ("grounds", i)
        if not self._mapping(base, g) or not self._keys(base, g, _GROUND_KEYS, {"id", "side", "sources", "stages"}):
            return None
        ok = self._id(base, g) & self._one_of(base + ("side",), g["side"], SIDES, "side")
        ok &= self._one_of(base + ("kind",), g.get("kind", "held"), GROUND_KINDS, "kind")
        sources = self._sources(base + ("sources",), g["sources"])
        stages = [s for j, item in enumerate(self._list(base, g, "stages")) if (s := self._stage(base + ("stages", j), item))]
        if not stages or len(stages) != len(g["stages"]) or sources is None or not ok:
            return None
        for j in range(1, len(stages)):
            if stages[j].at <= stages[j - 1].at:
                self.fail(base + ("stages", j, "at"), "the stages go back in time", "list stages in time order, each later")
                return None
        end = self._date(base + ("end",), g["end"], period_end) if "end" in g else None
        if "end" in g and end is None:
            return None
        last = end or (self.refs.campaign[1] if self.refs.campaign else stages[-1].at)
        if end is not None:
            if end < stages[-1].at:
                self.fail(base + ("end",), "the ground ends before its last stage begins", "give a later 'end' or drop it")
                return None
            if not self._in_campaign(base + ("end",), end):
                return None
        return Ground(g["id"], g["side"], g.get("kind", "held"), sources, tuple(stages), last)

    def _stage(self, path: tuple, s: Any) -> GroundStage | None:
        if not self._mapping(path, s) or not self._keys(path, s, _STAGE_KEYS, _STAGE_KEYS):
            return None
        at = self._date(path + ("at",), s["at"], period_start)
        ring = self._points(path + ("ring",), s["ring"], 3)
        radius = self._radius(path, s)
        if at is None or ring is None or radius is None or not self._in_campaign(path + ("at",), at):
            return None
        if ring[0] == ring[-1]:
            ring = ring[:-1]  # a closed ring may repeat its first point; we close it ourselves
        if len(ring) < 3:
            self.fail(path + ("ring",), "a ring needs at least three distinct points", "add the missing corners")
            return None
        xy = self._project(ring)
        shape = LinearRing(xy)
        if not shape.is_simple:
            self.fail(path + ("ring",), "the ring crosses itself", "reorder the points so the outline does not cross")
            return None
        if Polygon(shape).area < MIN_AREA_KM2:
            self.fail(path + ("ring",), "the ring encloses no area", "give the corners of the ground, not points on a line")
            return None
        return GroundStage(at, tuple(ring), xy, radius, s["how"])

    def _manoeuvre(self, i: int, m: Any) -> Manoeuvre | None:
        base = ("manoeuvres", i)
        if not self._mapping(base, m) or not self._keys(base, m, _MANOEUVRE_KEYS, _MANOEUVRE_KEYS):
            return None
        ok = self._id(base, m) & self._one_of(base + ("side",), m["side"], SIDES, "side")
        ok &= self._one_of(base + ("kind",), m["kind"], KINDS, "kind")
        sources = self._sources(base + ("sources",), m["sources"])
        units = self._units(base + ("units",), m["units"])
        start = self._date(base + ("start",), m["start"], period_start)
        end = self._date(base + ("end",), m["end"], period_end)
        points = self._points(base + ("path",), m["path"], 2)
        radius = self._radius(base, m)
        if not ok or None in (sources, units, start, end, points, radius):
            return None
        assert start is not None and end is not None and points is not None and radius is not None
        assert sources is not None and units is not None
        if end <= start:
            self.fail(
                base + ("end",), f"the manoeuvre ends ({m['end']}) before it starts ({m['start']})", "correct 'start' or 'end'"
            )
            return None
        if not (self._in_campaign(base + ("start",), start) and self._in_campaign(base + ("end",), end)):
            return None
        xy = self._project(points)
        if any(a == b for a, b in itertools.pairwise(xy)):
            self.fail(base + ("path",), "the path repeats a point", "remove the repeated point")
            return None
        if not LineString(xy).is_simple:
            self.fail(base + ("path",), "the path crosses itself", "reorder the points so the path does not cross")
            return None
        return Manoeuvre(m["id"], m["side"], m["kind"], start, end, units, sources, tuple(points), xy, radius, m["how"])

    # --- fields ---------------------------------------------------------------------------------------
    def _mapping(self, path: tuple, value: Any) -> bool:
        if isinstance(value, dict):
            return True
        self.fail(path, "expected a mapping (key: value lines)", "write the entry's fields under '- '")
        return False

    def _keys(self, path: tuple, value: dict, allowed: Collection[str], required: Collection[str] = ()) -> bool:
        ok = True
        for key in sorted(set(value) - set(allowed), key=str):
            self.fail(
                path + (key,),
                f"unknown key '{key}'",
                f"remove it or correct its spelling (allowed: {', '.join(sorted(allowed))})",
            )
            ok = False
        for key in sorted(set(required) - set(value)):
            self.fail(path, f"'{key}' is missing", f"add '{key}'")
            ok = False
        return ok

    def _list(self, path: tuple, value: dict, key: str) -> list:
        items = value.get(key, [])
        if items is None or not isinstance(items, list):
            self.fail(path + (key,), "expected a list", f"write '{key}:' followed by '- ' entries")
            return []
        return items

    def _id(self, path: tuple, value: dict) -> bool:
        if isinstance(value["id"], str) and value["id"]:
            return True
        self.fail(path + ("id",), "the id must be text", "give it an id such as soviet-bridgehead")
        return False

    def _one_of(self, path: tuple, value: Any, allowed: tuple[str, ...], what: str) -> bool:
        if value in allowed:
            return True
        self.fail(path, f"unknown {what} '{value}'", f"use one of: {', '.join(allowed)}")
        return False

    def _sources(self, path: tuple, ids: Any) -> tuple[str, ...] | None:
        if not isinstance(ids, list) or not ids:
            self.fail(path, "expected a list of source ids", "cite at least one source from events.yaml")
            return None
        ok = True
        for j, sid in enumerate(ids):
            if not isinstance(sid, str) or sid not in self.refs.sources:
                self.fail(path + (j,), f"unknown source '{sid}'", "add it under 'sources' in events.yaml or correct the id")
                ok = False
        if ok and all(self.refs.sources[s] == "D" for s in ids):
            self.fail(path, "only forum or blog sources (grade D) support this", "add a source of grade A, B or C")
            ok = False
        return tuple(ids) if ok else None

    def _units(self, path: tuple, ids: Any) -> tuple[str, ...] | None:
        if not isinstance(ids, list) or not ids:
            self.fail(path, "expected a list of unit ids", "name the units that made the move (ids from events.yaml)")
            return None
        unknown = [(j, u) for j, u in enumerate(ids) if not isinstance(u, str) or u not in self.refs.units]
        for j, uid in unknown:
            self.fail(path + (j,), f"unknown unit '{uid}'", "add it under 'units' in events.yaml or correct the id")
        return None if unknown else tuple(ids)

    def _date(self, path: tuple, text: Any, edge) -> datetime | None:
        try:
            return edge(*parse_date(str(text)))
        except ValueError as exc:
            self.fail(path, f"'{text}' is not a date ({exc})", "write YYYY-MM-DD or YYYY-MM-DDTHH:MM")
            return None

    def _in_campaign(self, path: tuple, at: datetime) -> bool:
        if self.refs.campaign is None or self.refs.campaign[0] <= at <= self.refs.campaign[1]:
            return True
        start, end = self.refs.campaign
        self.fail(
            path, f"{at:%Y-%m-%d %H:%M} is outside the campaign", f"give a time between {start:%Y-%m-%d} and {end:%Y-%m-%d}"
        )
        return False

    def _points(self, path: tuple, value: Any, least: int) -> list[tuple[float, float]] | None:
        if not isinstance(value, list) or len(value) < least:
            self.fail(
                path, f"expected a list of at least {least} [lon, lat] points", "write e.g. [[118.56, 47.80], [118.60, 47.78]]"
            )
            return None
        out = []
        for j, pt in enumerate(value):
            if not (
                isinstance(pt, list)
                and len(pt) == 2
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in pt)
            ):
                self.fail(path + (j,), f"'{pt}' is not a [lon, lat] pair of numbers", "write [lon, lat], e.g. [118.56, 47.80]")
                return None
            lon, lat = float(pt[0]), float(pt[1])
            if not self.refs.region.contains(lon, lat):
                swapped = self.refs.region.contains(lat, lon)
                self.fail(
                    path + (j,),
                    f"the point lon {lon}, lat {lat} is outside the map",
                    "the numbers look swapped: write longitude first" if swapped else "move it inside the map region",
                )
                return None
            out.append((lon, lat))
        return out

    def _radius(self, path: tuple, value: dict) -> float | None:
        r, how = value["approximate"], value["how"]
        if isinstance(r, bool) or not isinstance(r, (int, float)) or not 0 <= r <= 50:
            self.fail(path + ("approximate",), f"'{r}' is not a radius in km", "give the uncertainty in km, 0–50")
            return None
        if not isinstance(how, str) or len(how.split()) < 3:
            self.fail(path + ("how",), "say how the geometry was derived", "name the positions and sources it was drawn from")
            return None
        return float(r)

    def _project(self, points: list[tuple[float, float]]) -> XY:
        x, y = self.refs.projection.forward(np.array([p[0] for p in points]), np.array([p[1] for p in points]))
        return tuple((float(a), float(b)) for a, b in zip(x, y, strict=True))

    def _unique(self, entries: list[tuple[str, int, Any]]) -> None:
        first: dict[str, int] = {}
        for section, i, item in entries:
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in first:
                self.fail(
                    (section, i, "id"),
                    f"the id '{ident}' is used twice (first on line {first[ident]})",
                    "give each entry its own id",
                )
            else:
                first[ident] = self.doc.line((section, i, "id"))
