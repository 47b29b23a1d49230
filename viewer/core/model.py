"""The scenario: immutable records built only from content that validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from .geometry import EqualAreaProjection
from .language import Text, named

if TYPE_CHECKING:
    from .operations import Operations

SIDES = ("japanese", "manchukuo", "soviet", "mongolian")
STATES = ("moving", "holding", "attacking", "retreating", "destroyed", "withdrawn")


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


@dataclass(frozen=True)
class Source:
    id: str
    citation: str
    supports: str
    grade: str


@dataclass(frozen=True)
class Chapter:
    id: str
    title: Text
    start: datetime
    end: datetime
    colour: str
    summary: Text | None = None
    decisive_event: str | None = None  # the event whose map stands for the chapter (the handout's map)


@dataclass(frozen=True)
class Place:
    id: str
    name: Text
    kind: str
    lon: float
    lat: float
    x: float
    y: float
    approximate_km: float | None
    modern: bool
    sources: tuple[str, ...]
    note: Text | None = None
    japanese_name: Text | None = None
    inset: bool = False  # also marked on the regional inset (a rear base far from the battlefield)

    def label(self, lang: str, naming: str) -> str:
        return named(self.name, self.japanese_name, lang, naming)


@dataclass(frozen=True)
class Fix:
    """A dated position of a unit. `radius_km` 0 means the position is as published."""

    at: datetime
    precision: str
    lon: float
    lat: float
    x: float
    y: float
    state: str
    radius_km: float
    place: str | None
    sources: tuple[str, ...]
    how: Text | None = None

    @property
    def approximate(self) -> bool:
        return self.radius_km > 0


@dataclass(frozen=True)
class Commander:
    name: Text
    rank: Text
    note: Text | None = None
    killed: date | None = None  # the day the sources say he was killed (the map marks his name with † that day)


@dataclass(frozen=True)
class Unit:
    id: str
    name: Text
    short: Text
    side: str
    branch: str
    echelon: str
    commander: Commander | None
    strength: Text | None
    strength_sources: tuple[str, ...]
    note: Text | None
    sources: tuple[str, ...]
    until: datetime
    track: tuple[Fix, ...]
    # the sources put it in the fight after its last fix with no place or date: its 'last reported' mark stays to here
    reported_until: datetime | None = None


@dataclass(frozen=True)
class Caveat:
    kind: str
    text: Text


@dataclass(frozen=True)
class Event:
    id: str
    at: datetime
    end: datetime | None
    precision: str
    title: Text
    note: Text
    caveat: Caveat | None
    places: tuple[str, ...]
    units: tuple[str, ...]
    sources: tuple[str, ...]
    chapter: str
    key: bool = False


@dataclass(frozen=True)
class GeoFeature:
    """A map feature in lon/lat and in the map's km projection."""

    geometry: BaseGeometry
    geometry_km: BaseGeometry
    properties: Mapping[str, object]


@dataclass(frozen=True)
class Claim:
    claimant: str  # 'manchukuo' or 'mongolia'
    name: str
    feature: GeoFeature
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    title: Text
    japanese_title: Text | None
    campaign_start: datetime
    campaign_end: datetime
    battlefield: BBox
    region: BBox
    projection: EqualAreaProjection
    sources: Mapping[str, Source]
    chapters: tuple[Chapter, ...]
    places: Mapping[str, Place]
    units: tuple[Unit, ...]
    events: tuple[Event, ...]
    layers: Mapping[str, tuple[GeoFeature, ...]]
    claims: tuple[Claim, ...]
    disputed_ground_km: Polygon = field(repr=False)
    operations: Operations = field(default_factory=lambda: _no_operations(), repr=False)  # operations.yaml

    def display_title(self, lang: str, naming: str) -> str:
        return named(self.title, self.japanese_title, lang, naming)

    @property
    def disputed_area_km2(self) -> float:
        return float(self.disputed_ground_km.area)

    def unit(self, unit_id: str) -> Unit:
        return next(u for u in self.units if u.id == unit_id)

    def event(self, event_id: str) -> Event:
        return next(e for e in self.events if e.id == event_id)

    def chapter(self, chapter_id: str) -> Chapter:
        return next(c for c in self.chapters if c.id == chapter_id)


def _no_operations() -> Operations:
    from .operations import Operations  # it builds on these records

    return Operations()
