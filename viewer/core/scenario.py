"""Load a scenario folder (events.yaml + geo/*.geojson), validate all of it, and build the model.

Nothing is half-loaded: `load_scenario` either returns a complete Scenario or raises ContentError
with every issue found in the run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date as Day
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from shapely.geometry import LineString, shape

from .common_errors import find_common_errors
from .dates import parse_date, period_end, period_start
from .errors import ContentError, ContentIssue, display_name
from .geojson import read_feature_collection
from .geometry import EqualAreaProjection, closed_ground
from .marked_yaml import MarkedDocument, load_marked_yaml
from .model import BBox, Caveat, Chapter, Claim, Commander, Event, Fix, GeoFeature, Place, Scenario, Source, Text, Unit
from .operations import OPERATIONS_FILE, Refs, load_operations
from .position_checks import position_issues
from .schema_check import check_structure, where
from .translations import Translations, load_translations

CONTENT_FILE = "events.yaml"
BATTLEFIELD_LAYERS = ("rivers", "lakes", "border-modern", "claims")
REGION_LAYERS = ("region-countries", "region-boundaries", "region-rivers", "region-lakes", "region-places")
NOTE_WORDS = (40, 150)
DESTROYED_LINGER = timedelta(days=2)  # a unit whose track ends destroyed or withdrawn stays, so marked, at least this
FATE_LINGER_MAX = timedelta(days=7)  # and to the end of its chapter, but no longer than this
YEARS = (1900, 1999)  # every date lies in these years: the timeline draws a tick per month, and 1939 needs no more
MIN_DISPUTED_KM2 = 1.0  # two claim lines enclosing less than this are the same line (or a typing slip)


def load_scenario(folder: Path) -> Scenario:
    """Validate and build the scenario in `folder`; raise ContentError listing every problem."""
    return load_scenario_with_translations(folder)[0]


def load_scenario_with_translations(folder: Path) -> tuple[Scenario, Translations]:
    """The scenario and the report on its translations (what `check` prints per language)."""
    doc, issues = load_marked_yaml(folder / CONTENT_FILE)
    if doc is None:
        raise ContentError(issues)
    issues = check_structure(doc)
    if issues:
        raise ContentError(issues)
    translations, issues = load_translations(folder, doc.data, {s["id"] for s in doc.data["sources"]})
    builder = _Builder(doc, folder, translations)
    scenario = builder.build()
    if scenario is not None:  # positions the map must not draw (a unit in a river, on a blown bridge, on the enemy)
        builder.issues += [
            doc.issue(p, f"{where(doc.data, p)}: {what}", fix) for p, what, fix in position_issues(scenario, doc.data)
        ]
    operations, op_issues = load_operations(folder / OPERATIONS_FILE, builder.refs())
    if issues or builder.issues or op_issues or scenario is None:
        raise ContentError(issues + builder.issues + op_issues)
    return replace(scenario, operations=operations), translations


def fate_until(at: datetime, chapters: list[Chapter]) -> datetime:
    """How long a unit that ends destroyed or withdrawn stays on the map at its last fix, so marked: a unit that
    simply vanished would leave the reader to guess its fate. To the end of its chapter, within the bounds above."""
    end = next((c.end for c in chapters if c.start <= at <= c.end), at)
    return at + max(DESTROYED_LINGER, min(end - at, FATE_LINGER_MAX))


class _Builder:
    """Semantic checks (references, order, ranges) and construction, collecting issues as it goes."""

    def __init__(self, doc: MarkedDocument, folder: Path, translations: Translations):
        self.doc = doc
        self.data = doc.data
        self.folder = folder
        self.translations = translations.texts
        self.issues: list[ContentIssue] = []
        self.unreadable_layers: set[str] = set()  # GeoJSON files that failed to load (their issues are reported)

    def text(self, path: tuple) -> Text | None:
        """The English at `path` with its translations, or None where the field is absent."""
        try:
            english = self._get(path)
        except (KeyError, IndexError, TypeError):
            return None
        if english is None:
            return None
        return {"en": english, **self.translations.get(path, {})}

    def required_text(self, path: tuple) -> Text:
        """The text at a field the schema requires; check_structure has already rejected a file without it, so a
        missing one is recorded as an issue (and the build returns None) rather than passed on as None."""
        text = self.text(path)
        if text is None:
            self.fail(path, "is missing", "fill it in")
            return {"en": ""}
        return text

    def fail(self, path: tuple, problem: str, fix: str) -> None:
        self.issues.append(self.doc.issue(path, f"{where(self.data, path)}: {problem}", fix))

    def date(self, path: tuple) -> tuple[datetime, str] | None:
        text = self._get(path)
        try:
            at, precision = parse_date(text)
        except ValueError as exc:
            self.fail(path, f"'{text}' is not a real date ({exc})", "write an existing calendar date")
            return None
        if not YEARS[0] <= at.year <= YEARS[1]:
            self.fail(path, f"the year of '{text}' is outside {YEARS[0]}–{YEARS[1]}", "correct the year")
            return None
        return at, precision

    def _get(self, path: tuple) -> Any:
        node = self.data
        for key in path:
            node = node[key]
        return node

    # --- the whole build ---------------------------------------------------------------------
    def build(self) -> Scenario | None:
        d = self.data
        for kind in ("sources", "chapters", "places", "units", "events"):
            self._unique_ids(kind)
        self.source_grades = {s["id"]: s["grade"] for s in d["sources"]}
        camp_start, camp_end = self.date(("campaign", "start")), self.date(("campaign", "end"))
        if camp_start and camp_end and period_end(*camp_end) <= period_start(*camp_start):
            self.fail(("campaign", "end"), "the campaign ends before it starts", "correct 'start' or 'end'")
        if "japanese_title" in d:
            self._sources(("japanese_title", "sources"), d["japanese_title"]["sources"])
        battlefield, region = BBox(**d["map"]["battlefield"]), BBox(**d["map"]["region"])
        for name, box in (("battlefield", battlefield), ("region", region)):
            if not (box.west < box.east and box.south < box.north):
                self.fail(("map", name), "west must be less than east and south less than north", "correct the box")
        self.region = region
        centre = ((battlefield.west + battlefield.east) / 2, (battlefield.south + battlefield.north) / 2)
        self.projection = EqualAreaProjection(*centre)
        chapters = self._chapters()
        places = self._places()
        self.place_ids = set(places)
        units = self._units(places, chapters)
        self.unit_ids = {u.id for u in units}
        events = self._events(chapters)
        self._decisive_events(events)
        layers = self._layers(battlefield, region)
        claims = self._claims(layers.get("claims", ()))
        self._common_errors()
        if self.issues or camp_start is None or camp_end is None:
            return None
        # _claims admits exactly one LineString per claimant, or records an issue (and we returned above).
        line_a, line_b = (c.feature.geometry_km for c in claims)
        if not (isinstance(line_a, LineString) and isinstance(line_b, LineString)):
            raise TypeError(f"claim lines must be LineStrings, not {line_a.geom_type} and {line_b.geom_type}")
        ground = closed_ground(line_a, line_b)
        if not ground.area >= MIN_DISPUTED_KM2:
            self.issues.append(
                ContentIssue(
                    display_name(self.folder / "geo" / "claims.geojson"),
                    1,
                    f"the two claim lines enclose {ground.area:.2f} km², no disputed ground",
                    "restore the two claim lines: they must differ and meet only at their ends",
                )
            )
            return None
        return Scenario(
            title=self.required_text(("title",)),
            japanese_title=self.text(("japanese_title", "text")),
            campaign_start=period_start(*camp_start),
            campaign_end=period_end(*camp_end),
            battlefield=battlefield,
            region=region,
            projection=self.projection,
            sources={s["id"]: Source(s["id"], s["citation"], s["supports"], s["grade"]) for s in d["sources"]},
            chapters=tuple(chapters),
            places=places,
            units=tuple(units),
            events=tuple(events),
            layers=layers,
            claims=tuple(claims),
            disputed_ground_km=ground,
        )

    def _unique_ids(self, kind: str) -> None:
        counts = Counter(item["id"] for item in self.data[kind])
        first: dict[str, int] = {}
        for i, item in enumerate(self.data[kind]):
            if counts[item["id"]] > 1:
                if item["id"] in first:
                    self.fail(
                        (kind, i, "id"),
                        f"the id '{item['id']}' is used twice (first on line {first[item['id']]})",
                        "give each entry its own id",
                    )
                first.setdefault(item["id"], self.doc.line((kind, i, "id")))

    def _sources(self, path: tuple, ids: Iterable[str]) -> tuple[str, ...]:
        ids = tuple(ids)
        for j, sid in enumerate(ids):
            if sid not in self.source_grades:
                self.fail(path + (j,), f"unknown source '{sid}'", "add it under 'sources' or correct the id")
        if ids and all(self.source_grades.get(s) == "D" for s in ids):
            self.fail(path, "only forum or blog sources (grade D) support this", "add a source of grade A, B or C")
        return ids

    # --- sections --------------------------------------------------------------------------
    def _chapters(self) -> list[Chapter]:
        out: list[Chapter] = []
        for i, c in enumerate(self.data["chapters"]):
            s, e = self.date(("chapters", i, "start")), self.date(("chapters", i, "end"))
            if not (s and e):
                continue
            start, end = period_start(*s), period_end(*e)
            if end < start:
                self.fail(("chapters", i, "end"), "the chapter ends before it starts", "swap or correct start and end")
            elif out and start <= out[-1].end:
                self.fail(
                    ("chapters", i, "start"),
                    f"the chapter starts before the previous one ('{out[-1].id}') ends",
                    "list chapters in time order without overlap",
                )
            out.append(
                Chapter(
                    c["id"],
                    self.required_text(("chapters", i, "title")),
                    start,
                    end,
                    c["colour"],
                    self.text(("chapters", i, "summary")),
                    c.get("decisive_event"),
                )
            )
        return out

    def _in_region(self, path: tuple, lon: float, lat: float) -> bool:
        if self.region.contains(lon, lat):
            return True
        hint = (
            "the numbers look swapped: write longitude first"
            if self.region.contains(lat, lon)
            else (
                "move it inside the map region "
                f"(lon {self.region.west}–{self.region.east}, lat {self.region.south}–{self.region.north})"
            )
        )
        self.fail(path, f"the point lon {lon}, lat {lat} is outside the map", hint)
        return False

    def _places(self) -> dict[str, Place]:
        out: dict[str, Place] = {}
        for i, p in enumerate(self.data["places"]):
            self._sources(("places", i, "sources"), p["sources"])
            if not self._in_region(("places", i, "lon"), p["lon"], p["lat"]):
                continue
            x, y = self.projection.point(p["lon"], p["lat"])
            if "japanese_name" in p:
                self._sources(("places", i, "japanese_name", "sources"), p["japanese_name"]["sources"])
            out[p["id"]] = Place(
                p["id"],
                self.required_text(("places", i, "name")),
                p["kind"],
                p["lon"],
                p["lat"],
                x,
                y,
                p.get("approximate"),
                p.get("modern", False),
                tuple(p["sources"]),
                self.text(("places", i, "note")),
                self.text(("places", i, "japanese_name", "text")),
                p.get("inset", False),
            )
        return out

    def _units(self, places: dict[str, Place], chapters: list[Chapter]) -> list[Unit]:
        out = []
        for i, u in enumerate(self.data["units"]):
            base = ("units", i)
            self._sources(base + ("sources",), u["sources"])
            strength = u.get("strength")
            if strength:
                self._sources(base + ("strength", "sources"), strength["sources"])
            track = self._track(base, u["track"], places)
            if track is None:
                continue
            until = fate_until(track[-1].at, chapters) if track[-1].state in ("destroyed", "withdrawn") else track[-1].at
            if "until" in u:
                parsed = self.date(base + ("until",))
                if parsed:
                    until = period_end(*parsed)
                    if until < track[-1].at:
                        self.fail(
                            base + ("until",), "'until' is before the last fix of the track", "remove it or give a later date"
                        )
            reported_until = self._reported_until(base, u, track[-1], chapters)
            cmd = base + ("commander",)
            commander = (
                Commander(
                    self.required_text(cmd + ("name",)),
                    self.required_text(cmd + ("rank",)),
                    self.text(cmd + ("note",)),
                    self._day(cmd + ("killed",)) if "killed" in u["commander"] else None,
                )
                if u["commander"]
                else None
            )
            out.append(
                Unit(
                    u["id"],
                    self.required_text(base + ("name",)),
                    self.required_text(base + ("short",)),
                    u["side"],
                    u["branch"],
                    u["echelon"],
                    commander,
                    self.text(base + ("strength", "text")),
                    tuple(strength["sources"]) if strength else (),
                    self.text(base + ("note",)),
                    tuple(u["sources"]),
                    until,
                    tuple(track),
                    reported_until,
                )
            )
        return out

    def _day(self, where: tuple) -> Day | None:
        """A date given to the day (a commander's death), or None with the problem recorded."""
        parsed = self.date(where)
        if parsed is None:
            return None
        if parsed[1] != "day":
            self.fail(where, "a date that is not a single day", "give the day only, e.g. 1939-08-26")
            return None
        return parsed[0].date()

    def _reported_until(self, base: tuple, u: dict, last: Fix, chapters: list[Chapter]) -> datetime | None:
        """`last_reported_until`: only for a unit whose track ends with no fate, not drawn on by `until`, later than
        its last fix and within that fix's chapter (a 'last reported' mark says the sources fell silent in that
        fight, not what became of it: the default mark ends with the chapter too)."""
        if "last_reported_until" not in u:
            return None
        where = base + ("last_reported_until",)
        if "until" in u or last.state in ("destroyed", "withdrawn"):
            self.fail(where, "'last_reported_until' with 'until' or a track that ends with a fate", "keep only one of them")
            return None
        parsed = self.date(where)
        if parsed is None:
            return None
        end = period_end(*parsed)
        if end <= last.at:
            self.fail(where, "'last_reported_until' is not after the last fix of the track", "give a later date")
            return None
        chapter = next((c for c in chapters if c.start <= last.at <= c.end), None)
        if chapter is not None and end > chapter.end:
            self.fail(
                where,
                f"'last_reported_until' is after the end of the chapter of the last fix ('{chapter.id}', ends "
                f"{chapter.end:%Y-%m-%d})",
                "give a date within that chapter, or a fix or fate in the next",
            )
            return None
        return end

    def _track(self, base: tuple, raw: list[dict], places: dict[str, Place]) -> list[Fix] | None:
        fixes: list[Fix] = []
        ok = True
        for j, f in enumerate(raw):
            path = base + ("track", j)
            sources = self._sources(path + ("sources",), f["sources"])
            parsed = self.date(path + ("at",))
            if "place" in f:
                place = places.get(f["place"])
                if place is None:
                    if f["place"] not in self.data_place_ids():
                        self.fail(path + ("place",), f"unknown place '{f['place']}'", "add it under 'places' or correct the id")
                    ok = False
                    continue
                lon, lat, radius = place.lon, place.lat, max(f.get("approximate", 0), place.approximate_km or 0)
            else:
                lon, lat = f["lonlat"]
                radius = f.get("approximate", 0)
                if not self._in_region(path + ("lonlat",), lon, lat):
                    ok = False
                    continue
            if parsed is None:
                ok = False
                continue
            at, precision = parsed
            if fixes and at <= fixes[-1].at:
                self.fail(
                    path + ("at",),
                    f"the track goes back in time ({f['at']} is not after the previous fix)",
                    "list fixes in time order, each later than the one before",
                )
                ok = False
            x, y = self.projection.point(lon, lat)
            fixes.append(
                Fix(at, precision, lon, lat, x, y, f["state"], float(radius), f.get("place"), sources, self.text(path + ("how",)))
            )
        return fixes if ok else None

    def refs(self) -> Refs:
        """What operations.yaml may refer to (known even when this file has problems, so all are listed)."""
        d = self.data
        dates = [self.date(("campaign", k)) for k in ("start", "end")]
        campaign = (period_start(*dates[0]), period_end(*dates[1])) if dates[0] and dates[1] else None
        return Refs(
            {s["id"]: s["grade"] for s in d["sources"]},
            frozenset(u["id"] for u in d["units"]),
            campaign,
            BBox(**d["map"]["region"]),
            self.projection,
        )

    def data_place_ids(self) -> set[str]:
        return {p["id"] for p in self.data["places"]}

    def _events(self, chapters: list[Chapter]) -> list[Event]:
        out: list[Event] = []
        for i, e in enumerate(self.data["events"]):
            base = ("events", i)
            sources = self._sources(base + ("sources",), e["sources"])
            for j, pid in enumerate(e.get("places", [])):
                if pid not in self.place_ids:
                    self.fail(base + ("places", j), f"unknown place '{pid}'", "add it under 'places' or correct the id")
            for j, uid in enumerate(e.get("units", [])):
                if uid not in self.unit_ids:
                    self.fail(base + ("units", j), f"unknown unit '{uid}'", "add it under 'units' or correct the id")
            words = len(e["note"].split())
            if not NOTE_WORDS[0] <= words <= NOTE_WORDS[1]:
                self.fail(base + ("note",), f"the note has {words} words", f"write {NOTE_WORDS[0]}–{NOTE_WORDS[1]} words")
            parsed = self.date(base + ("date",))
            if parsed is None:
                continue
            at, form = parsed
            precision = e.get("precision", form)
            if ("year", "month", "day", "time").index(precision) > ("year", "month", "day", "time").index(form):
                self.fail(
                    base + ("precision",),
                    f"precision '{precision}' is finer than the date '{e['date']}' gives",
                    f"give the date to the {precision}, or lower the precision",
                )
            end = None
            if "end" in e:
                parsed_end = self.date(base + ("end",))
                if parsed_end:
                    end = period_end(*parsed_end)
                    if end < at:
                        self.fail(base + ("end",), "the event ends before it starts", "correct 'date' or 'end'")
            chapter = next((c for c in chapters if c.start <= at <= c.end), None)
            if chapter is None:
                self.fail(
                    base + ("date",),
                    f"the date {e['date']} falls in no chapter",
                    "correct the date, or widen a chapter to cover it",
                )
                continue
            if out and at < out[-1].at:
                self.fail(
                    base + ("date",),
                    f"events are out of order: {e['date']} comes after '{out[-1].id}' in the file but is earlier",
                    "move the event to its place in time order",
                )
            caveat = e.get("caveat")
            out.append(
                Event(
                    e["id"],
                    at,
                    end,
                    precision,
                    self.required_text(base + ("title",)),
                    self.required_text(base + ("note",)),
                    Caveat(caveat["kind"], self.required_text(base + ("caveat", "text"))) if caveat else None,
                    tuple(e.get("places", [])),
                    tuple(e.get("units", [])),
                    sources,
                    chapter.id,
                    e.get("key", False),
                )
            )
        return out

    def _decisive_events(self, events: list[Event]) -> None:
        """A chapter's decisive moment must be one of its own events (the handout shows its map)."""
        chapter_of = {e.id: e.chapter for e in events}
        for i, c in enumerate(self.data["chapters"]):
            event_id = c.get("decisive_event")
            if event_id is None:
                continue
            if event_id not in chapter_of:
                fix = "use the id of an event in this chapter"
                self.fail(("chapters", i, "decisive_event"), f"unknown event '{event_id}'", fix)
            elif chapter_of[event_id] != c["id"]:
                self.fail(
                    ("chapters", i, "decisive_event"),
                    f"the event '{event_id}' belongs to the chapter '{chapter_of[event_id]}'",
                    "name an event dated inside this chapter",
                )

    def _layers(self, battlefield: BBox, region: BBox) -> dict[str, tuple[GeoFeature, ...]]:
        layers: dict[str, tuple[GeoFeature, ...]] = {}
        for name in BATTLEFIELD_LAYERS + REGION_LAYERS:
            path = self.folder / "geo" / f"{name}.geojson"
            box, area = (region, "map region")
            features, issues = read_feature_collection(path, box.contains, area)
            self.issues.extend(issues)
            if issues:
                self.unreadable_layers.add(name)
            layers[name] = tuple(
                GeoFeature(g, self.projection.geometry(g), f.get("properties") or {})
                for f in features
                for g in [shape(f["geometry"])]
            )
        return layers

    def _claims(self, features: tuple[GeoFeature, ...]) -> list[Claim]:
        path = self.folder / "geo" / "claims.geojson"
        claims = []
        for claimant in ("manchukuo", "mongolia"):
            found = [f for f in features if f.properties.get("claimant") == claimant]
            if len(found) != 1 or found[0].geometry.geom_type != "LineString":
                if "claims" not in self.unreadable_layers:  # an unreadable file is reported already
                    self.issues.append(
                        ContentIssue(
                            display_name(path),
                            1,
                            f"there must be exactly one LineString claimed by '{claimant}'",
                            "give each claim line a 'claimant' property: manchukuo or mongolia",
                        )
                    )
                continue
            f = found[0]
            listed = f.properties.get("sources") or []
            sources = tuple(listed) if isinstance(listed, list) else ()
            unknown = [s for s in sources if not isinstance(s, str) or s not in self.source_grades]
            if not sources or unknown:
                self.issues.append(
                    ContentIssue(
                        display_name(path),
                        1,
                        f"the '{claimant}' claim cites {unknown or 'no source'}",
                        "give it a 'sources' list of ids from events.yaml",
                    )
                )
            claims.append(Claim(claimant, str(f.properties.get("name", claimant)), f, sources))
        return claims

    def _common_errors(self) -> None:
        for path, phrase, correction in find_common_errors(self.data):
            self.fail(path, f"'{phrase}' is a known error", correction)
