"""Places on the battlefield: a mark by kind (height, bridge, command post, village) and a name; a click on
one highlights it.

A place the war made (a crossing, a command post, a line, ground named after a fight) appears from the first
event that names it: "Japanese crossing of 3 July" is not on the map of 11 May. Nomonhan, the Khalkhin Gol and
the Khailastyn Gol (whose dashed line is on every map), the current event's first place and the highlighted place
are always named, whatever crowds them."""

from __future__ import annotations

import bisect
import dataclasses
import math
from datetime import datetime
from functools import lru_cache

import numpy as np
from pyqtgraph.Qt import QtCore, QtGui
from shapely.geometry import Point

from ...core.model import Place, Scenario
from ...core.placement import Rect
from ..i18n import translate
from ..style import HEIGHT, INK, MODERN, RIVER, colour, font
from .layer import KEY, PLACE, LegendEntry, MapContext, MapLabel, MapLayer, device_ratio, transform_key, two_lines
from .pixmaps import without_engine
from .swatches import Swatch

ALWAYS_NAMED = ("nomonhan_burd_obo", "khalkhin_gol_river", "holsten_river")
MADE_BY_THE_WAR = ("bridge", "terrain", "area", "command post")  # kinds on the map only while the story uses them
NOT_ON_THE_MAP = ("reference",)  # a gazetteer's reference coordinate (used to place other things), not a place
RIVER_REACH_KM, RIVER_STEP_KM = 6.0, 0.75  # a river's name may move this far along its line, in these steps


def river_anchors(scenario: Scenario, place: Place) -> list[tuple[float, float]]:
    """Where a river's name may go (km): points along its drawn line near its named point, nearest first; just
    the named point if no line passes within a km of it."""
    here = Point(place.x, place.y)
    line = min((f.geometry_km for f in scenario.layers["rivers"]), key=here.distance, default=None)
    if line is None or line.distance(here) > 1.0:
        return [(place.x, place.y)]
    at = line.project(here)
    offsets = sorted(np.arange(-RIVER_REACH_KM, RIVER_REACH_KM + 1e-9, RIVER_STEP_KM), key=abs)
    points = [line.interpolate(at + d) for d in offsets if 0 <= at + d <= line.length]
    return [(pt.x, pt.y) for pt in points]


def place_spans(places: list[Place], scenario: Scenario) -> dict[str, tuple[datetime, datetime]]:
    """When each place the war made is on the map: from the first event naming it to the end of the chapter of
    the last one (a pontoon bridge of 3 July or a screen line of late May is not a landmark in August)."""
    chapter_end = {c.id: c.end for c in scenario.chapters}
    spans: dict[str, tuple[datetime, datetime]] = {}
    for event in sorted(scenario.events, key=lambda e: e.at):
        for pid in event.places:
            first = spans.get(pid, (event.at, event.at))[0]
            spans[pid] = first, max(chapter_end.get(event.chapter, event.at), event.end or event.at)
    return {p.id: spans[p.id] for p in places if p.kind in MADE_BY_THE_WAR and p.id in spans}


class PlacesLayer(MapLayer):
    name = "places"
    z = 5.0
    watches = frozenset({"instant", "step", "highlighted_place", "language", "naming"})

    def __init__(self, ctx: MapContext) -> None:
        super().__init__(ctx)
        sc = ctx.scenario
        self.all_places = [
            p
            for p in sc.places.values()
            if (sc.battlefield.contains(p.lon, p.lat) or p.kind == "command post") and p.kind not in NOT_ON_THE_MAP
        ]
        self.spans = place_spans(self.all_places, sc)
        self._changes = sorted({at for span in self.spans.values() for at in span})  # when the places shown change
        self.rivers = {p.id: river_anchors(sc, p) for p in self.all_places if p.kind == "river"}

    def _period(self) -> tuple[int, int]:
        """Which stretch between the instants the set of places changes the state's instant lies in (or on)."""
        at = self.state.instant
        return bisect.bisect_left(self._changes, at), bisect.bisect_right(self._changes, at)

    @property
    def places(self) -> list[Place]:
        """The places on the map at the state's instant."""
        at = self.state.instant
        return self.memo(
            "places",
            self._period(),
            lambda: [p for p in self.all_places if p.id not in self.spans or self.spans[p.id][0] <= at <= self.spans[p.id][1]],
        )

    def _view_key(self, scene_to_device: QtGui.QTransform) -> tuple:
        """What the places' device points depend on: the view and which places are shown."""
        return transform_key(self.to_device(scene_to_device)), self._period()

    def points(self, scene_to_device: QtGui.QTransform) -> list[QtCore.QPointF]:
        """Where the places shown now are on the device, in the order of `places`."""
        t = self.to_device(scene_to_device)
        return self.memo(
            "points", self._view_key(scene_to_device), lambda: [t.map(QtCore.QPointF(place.x, place.y)) for place in self.places]
        )

    def paint(self, p: QtGui.QPainter, *args) -> None:
        pts = self.points(self.scene_to_device(p))
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        s, dpr = 7 * self.scale, device_ratio(p)
        vector = p.paintEngine().type() != QtGui.QPaintEngine.Type.Raster  # an SVG or PDF gets the shapes themselves
        for place, pt in zip(self.places, pts, strict=True):
            kind = _mark_kind(place)
            if not kind:
                continue
            if vector:
                _mark(p, kind, pt, s)
                continue
            pm, (cx, cy) = _mark_pixmap(kind, round(s, 2), dpr)
            p.drawPixmap(QtCore.QPointF(pt.x() - cx, pt.y() - cy), pm)

    def obstacles(self, scene_to_device: QtGui.QTransform) -> list[Rect]:
        s, pts = 7 * self.scale, self.points(scene_to_device)
        return self.memo(
            "obstacles",
            (self._view_key(scene_to_device), s),
            lambda: [
                (pt.x(), pt.y(), 0, 0) if place.kind in ("river", "area") else (pt.x() - s, pt.y() - s, 2 * s, 2 * s)
                for place, pt in zip(self.places, pts, strict=True)
            ],
        )

    def labels(self, scene_to_device: QtGui.QTransform) -> list[MapLabel]:
        pts, must, s = self.points(scene_to_device), self.must_name(), self.state
        # Each place's labels (a river's at points along it), as a name that must show or not, kept for the view:
        # a scrub across the story changes which places must be named at nearly every step, not their labels.
        view = (transform_key(self.to_device(scene_to_device)), s.language, s.naming, self.scale)
        named: dict[tuple[str, bool], list[MapLabel]] = self.memo("named", view, dict)

        def make() -> list[MapLabel]:
            out = []
            for place, pt in zip(self.places, pts, strict=True):
                key = place.id, place.id in must
                if key not in named:
                    named[key] = self._along_river(self._label(place, pt, must), scene_to_device)
                out.extend(named[key])
            return out

        return self.memo("labels", (self._view_key(scene_to_device), frozenset(must), s.language, s.naming, self.scale), make)

    def _along_river(self, label: MapLabel, scene_to_device: QtGui.QTransform) -> list[MapLabel]:
        """A river's name at its named point, then at points along its line (alternatives of one key: the labels
        layer places the first that fits beside the units' names, and forces it only where none does, where it
        hides least); any other place's name as it is."""
        if label.key[1] not in self.rivers:
            return [label]
        t = self.to_device(scene_to_device)
        points = [t.map(QtCore.QPointF(x, y)) for x, y in self.rivers[label.key[1]]]
        return [label] + [dataclasses.replace(label, anchor=(pt.x(), pt.y())) for pt in points]

    def must_name(self) -> set[str]:
        """Places named whatever crowds them: Nomonhan, the rivers, the story's place now, the highlighted one."""
        event = self.state.current_event
        ids = {pid for pid in ALWAYS_NAMED if pid in self.ctx.scenario.places}
        if event is not None and event.places:
            ids.add(event.places[0])
        if self.state.highlighted_place:
            ids.add(self.state.highlighted_place)
        return ids

    def _label(self, place: Place, pt: QtCore.QPointF, must_name: set[str]) -> MapLabel:
        hill, river, area = place.kind == "hill", place.kind == "river", place.kind == "area"
        name = place.label(self.state.language, self.state.naming)
        if place.modern:  # "Sümber (district centre), modern": never a second parenthesis
            name = translate("Map", "%1, modern").replace("%1", name)
        pen = colour(RIVER).darker(135) if river else colour(MODERN if place.modern else HEIGHT if hill else INK)
        must = place.id in must_name
        return MapLabel(
            ("place", place.id),
            two_lines(name) if area else name,  # on its ground, the narrower
            (pt.x(), pt.y()),
            0 if river or area else 8 * self.scale,
            font((17 if river else 15) * self.scale, italic=hill or river, bold=river or must),
            pen,
            KEY if must else PLACE,
            reach=0 if river or area or not must else 40 * self.scale,  # one that must show may go out on a leader line
            # A river's name lies on its line: no mark is beside it. An area's (the bridgehead, the Sands) is set on
            # the ground it names, with no dot: a dot there read as one more unnamed place, or a leader line to nothing.
            mark="" if river else "area" if area else "place",
        )

    def legend(self) -> list[LegendEntry]:
        """The kinds of place marks in view and not under a unit's symbol (kept for the instant, the view, language
        and scale)."""
        s = self.state
        key = (s.instant, s.language, self.scale, self.ctx.view_box.viewRect().getRect())
        return self.memo("legend", key, self._legend)

    def _legend(self) -> list[LegendEntry]:
        view, covered = self.ctx.view_box.viewRect(), self._under_units()
        kinds = dict.fromkeys(
            _mark_kind(p) for p in self.places if view.contains(QtCore.QPointF(p.x, p.y)) and p.id not in covered
        )
        texts = {
            "hill": translate("Map", "height"),
            "bridge": translate("Map", "bridge or crossing"),
            "command post": translate("Map", "command post or base"),
            "place": translate("Map", "place"),
            "modern": translate("Map", "modern village (grey)"),
        }
        return [LegendEntry(f"place:{kind}", texts[kind], _mark_swatch(kind, self.scale)) for kind in kinds if kind]

    def _under_units(self) -> set[str]:
        """The places a unit stands on now (its fix names the place): its symbol hides the place's mark, so the
        legend does not explain that mark (25 Jul-31 Aug: 'command post or base' for Hamar-Daba, under the 1st Army
        Group's HQ, a mark no reader could find)."""
        pos = self.ctx.positions()
        x, y = pos.x[pos.present], pos.y[pos.present]
        return {p.id for p in self.places if np.any((np.abs(x - p.x) < ON_PLACE_KM) & (np.abs(y - p.y) < ON_PLACE_KM))}

    def hit(self, pt: QtCore.QPointF, scene_to_device: QtGui.QTransform) -> tuple[str, str] | None:
        places = self.places
        near = min(
            zip(places, self.points(scene_to_device), strict=True),
            key=lambda pp: math.hypot(pp[1].x() - pt.x(), pp[1].y() - pt.y()),
            default=None,
        )
        if near and math.hypot(near[1].x() - pt.x(), near[1].y() - pt.y()) <= 20 * self.scale:
            return "highlighted_place", near[0].id
        return None


ON_PLACE_KM = 0.05  # a unit this near a place stands on it (its fix names the place)


def _mark_kind(place: Place) -> str:
    """Which mark a place gets ("" for a river: its name is its mark, the label sits on the water)."""
    if place.kind in ("river", "area"):  # a river's or an area's name is its mark
        return ""
    if place.kind in ("hill", "bridge", "command post"):
        return place.kind
    return "modern" if place.modern else "place"


@lru_cache(maxsize=32)
def _mark_pixmap(kind: str, s: float, dpr: float) -> tuple[QtGui.QPixmap, tuple[float, float]]:
    """A place's mark drawn once, and where its point lies in the pixmap: blitting it is several times cheaper
    than drawing its antialiased shape every frame."""
    half = math.ceil(2.4 * s + 2)  # a command post's flagstaff is the tallest part
    pm = QtGui.QPixmap(round(2 * half * dpr), round(2 * half * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(QtCore.Qt.GlobalColor.transparent)
    q = QtGui.QPainter(pm)
    q.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    _mark(q, kind, QtCore.QPointF(half, half), s)
    q.end()
    return without_engine(pm), (half, half)


def _mark(p: QtGui.QPainter, kind: str, pt: QtCore.QPointF, s: float) -> None:
    """A place's mark `s` pixels in radius (7 at UI scale 1), its outline in proportion."""
    p.setPen(QtGui.QPen(colour(INK), 1.2 * s / 7))
    if kind == "hill":
        p.setBrush(colour(HEIGHT))
        p.drawPolygon(
            QtGui.QPolygonF([pt + QtCore.QPointF(0, -s), pt + QtCore.QPointF(s, s * 0.7), pt + QtCore.QPointF(-s, s * 0.7)])
        )
    elif kind == "bridge":
        p.setBrush(colour("#FFFFFF"))
        p.drawRect(QtCore.QRectF(pt.x() - s, pt.y() - s / 2, 2 * s, s))
    elif kind == "command post":
        p.setBrush(colour("#FFFFFF"))
        p.drawEllipse(pt, s * 0.8, s * 0.8)
        p.drawLine(pt, pt + QtCore.QPointF(0, -2.4 * s))
    elif kind:
        p.setBrush(colour(MODERN if kind == "modern" else INK))
        p.drawEllipse(pt, s * 0.5, s * 0.5)


def _mark_swatch(kind: str, scale: float) -> Swatch:
    def paint(p: QtGui.QPainter, box: QtCore.QRectF) -> None:
        centre = box.center() + QtCore.QPointF(0, 4 * scale if kind == "command post" else 0)
        _mark(p, kind, centre, 7 * scale * 0.8)

    return paint
