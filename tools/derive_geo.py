"""Derive assets/geo/*.geojson from ../shared/geo-reference (run by hand when the reference changes).

Battlefield layers come from GSHHG/WDBII (LGPL-3+), the inset from Natural Earth (public domain).
The two 1939 claim lines are cut here: the Manchukuo claim is the Khalkhin Gol between the two points
where the modern border leaves and rejoins the river; the Mongolian claim is the modern border between
them (claims.md: the modern line broadly follows the 1939 Mongolian claim; exact coincidence unverified).
Usage: python tools/derive_geo.py [REFERENCE_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import LineString, Point, box, mapping, shape
from shapely.ops import substring

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "geo"
BATTLEFIELD_BOX = box(117.55, 47.25, 119.75, 48.35)
REGION_BOX = box(104.0, 43.0, 126.0, 54.0)
GSHHG = "GSHHG 2.3.7 (Wessel & Smith 1996), from World Data Bank II; LGPL-3.0-or-later"
NE = "Natural Earth 4.0.0 (public domain)"
TOUCH_KM = 1.2  # border vertices closer than this to the river are taken as 'on the river'


def load(path: Path) -> list[dict]:
    return json.loads(path.read_text())["features"]


def write(name: str, features: list[dict]) -> None:
    fc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    text = text.replace('{"type":"Feature"', '\n{"type":"Feature"')  # one feature per line: errors name a line
    (OUT / name).write_text(text + "\n", encoding="utf-8")
    print(f"{name}: {len(features)} features")


def feature(geom, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": _rounded(mapping(geom))}


def _rounded(obj):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], float):
            return [round(v, 5) for v in obj]
        return [_rounded(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    return obj


def km(a: Point, b: Point) -> float:
    from viewer.core.geometry import EqualAreaProjection

    p = EqualAreaProjection(118.6, 47.75)
    ax, ay = p.point(a.x, a.y)
    bx, by = p.point(b.x, b.y)
    return ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5


def main(ref: Path) -> None:
    sys.path.insert(0, str(ROOT))
    rivers = [shape(f["geometry"]) for f in load(ref / "gshhg/khalkhin-rivers.geojson")]
    khalkhin = max(rivers, key=lambda g: g.length if g.bounds[0] > 117.5 and g.bounds[1] < 47.2 else 0)
    if not isinstance(khalkhin, LineString):  # substring() below needs one line
        sys.exit(f"derive_geo: the Khalkhin Gol in {ref} is a {khalkhin.geom_type}, not a single LineString")
    border = max((shape(f["geometry"]) for f in load(ref / "gshhg/khalkhin-borders.geojson")), key=lambda g: len(g.coords))

    # Where does the modern border leave the river? Walk its vertices near the battlefield.
    coords = list(border.coords)
    gap = {
        i: km(Point(c), khalkhin.interpolate(khalkhin.project(Point(c))))
        for i, c in enumerate(coords)
        if BATTLEFIELD_BOX.contains(Point(c))
    }
    near = [i for i, d in gap.items() if d < TOUCH_KM]
    obo = Point(118.7567, 47.7733)  # Nomonhan Burd Obo (gazetteer-updates.csv); the claim ran through it
    widest = min(gap, key=lambda i: Point(coords[i]).distance(obo))
    start = max(i for i in near if i < widest)
    end = min(i for i in near if i > widest)
    mongol = LineString(coords[start : end + 1])
    d0, d1 = sorted((khalkhin.project(Point(coords[start])), khalkhin.project(Point(coords[end]))))
    manchu = substring(khalkhin, d0, d1)
    # Join the claim lines exactly: the Mongolian line starts and ends on the river.
    ends = [manchu.interpolate(0), manchu.interpolate(manchu.length)]
    mc = list(mongol.coords)
    if Point(mc[0]).distance(ends[0]) > Point(mc[0]).distance(ends[1]):
        ends.reverse()
    mongol = LineString([ends[0].coords[0], *mc[1:-1], ends[1].coords[0]])

    write(
        "rivers.geojson",
        [
            feature(khalkhin.intersection(BATTLEFIELD_BOX), name="Khalkhin Gol", kind="river", source=GSHHG),
            # Holsten: no line in any dataset. Two cited points only (its course passes the obo hill; its
            # mouth is taken at the river point nearest the battle reference point) -> approximate.
            feature(
                LineString([(118.7567, 47.7733), (118.5705, 47.72)]),
                name="Holsten (Khailastyn Gol)",
                kind="river",
                approximate_km=4,
                source="drawn between two cited points: Nomonhan Burd Obo (IMTFE record quoted in "
                "Wikipedia 'Nomonhan Burd Obo': the obo stands near the Khailastyn Gol) and its mouth near the "
                "Kawatama bridge (Drea 1981); course between them unknown",
            ),
        ],
    )
    lakes = [shape(f["geometry"]) for f in load(ref / "gshhg/khalkhin-shorelines.geojson")]
    write(
        "lakes.geojson",
        [
            feature(g, name="Buir Nuur" if g.area > 0.05 and g.bounds[1] < 48 else None, kind="lake", source=GSHHG)
            for g in lakes
            if g.intersects(BATTLEFIELD_BOX)
        ],
    )
    write(
        "border-modern.geojson",
        [
            feature(
                border.intersection(BATTLEFIELD_BOX),
                name="Modern China–Mongolia border (1962 treaty)",
                kind="border",
                source=GSHHG,
            )
        ],
    )
    write(
        "claims.geojson",
        [
            feature(
                manchu,
                name="Border claimed by Manchukuo and Japan: the Khalkhin Gol",
                kind="claim",
                claimant="manchukuo",
                sources=["wp_ja_nomonhan", "wulantuya2017"],
                source=GSHHG,
            ),
            feature(
                mongol,
                name="Border claimed by Mongolia and the USSR: east of the river through Nomonhan Burd Obo",
                kind="claim",
                claimant="mongolia",
                approximate_km=2,
                sources=["wp_kg", "wp_burd_obo", "wp_ja_nomonhan"],
                source=GSHHG + "; drawn along the modern border, which broadly follows the 1939 claim (exact match unverified)",
            ),
        ],
    )
    ne = ref

    def region(name: str, out: str, keep=lambda p: True, inset: frozenset[str] = frozenset()) -> None:
        feats = []
        for f in load(ne / name):
            g = shape(f["geometry"]).intersection(REGION_BOX)
            if not g.is_empty and keep(f["properties"]):
                props = {k: v for k, v in f["properties"].items() if k in ("name", "NAME", "name_en", "featurecla")}
                props["name"] = props.pop("NAME", props.get("name"))
                if props["name"] in inset:  # the towns the regional inset marks (data, not code: issue 17)
                    props["inset"] = True
                feats.append(feature(g, **props, source=NE))
        write(out, feats)

    region("region-countries.geojson", "region-countries.geojson")
    region("region-boundaries.geojson", "region-boundaries.geojson")
    region("region-rivers.geojson", "region-rivers.geojson")
    region("region-lakes.geojson", "region-lakes.geojson")
    region(
        "region-places.geojson",
        "region-places.geojson",
        keep=lambda p: (
            p.get("name") in {"Hailar", "Chita", "Ulaanbaatar", "Choybalsan", "Manzhouli", "Borzya", "Harbin", "Qiqihar", "Arxan"}
        ),
        inset=frozenset({"Hailar", "Chita", "Ulaanbaatar"}),
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "geo-reference")
