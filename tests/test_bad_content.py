"""Malformed content: each case must fail `check` with exit 2 and a message naming file, line and fix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from viewer.cli import main

EVENTS = "events.yaml"


def edit(folder: Path, old: str, new: str, count: int = 1, file: str = EVENTS) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(folder: Path, needle: str, file: str = EVENTS) -> int:
    for n, line in enumerate((folder / file).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def replace_note(folder: Path, event_id: str, note: str) -> None:
    path = folder / EVENTS
    text = path.read_text(encoding="utf-8")
    pattern = rf"(  - id: {event_id}\n(?:    .*\n)*?    note: )>-\n(?:      .*\n)+"
    new, n = re.subn(pattern, lambda m: m.group(1) + f'"{note}"\n', text, count=1)
    assert n == 1
    path.write_text(new, encoding="utf-8")


def geo_edit(folder: Path, layer: str, change) -> None:
    path = folder / "geo" / f"{layer}.geojson"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=1))


# (name, mutation, expected message regex, marker text whose line the message must name or None)
CASES = [
    ("broken yaml", lambda d: edit(d, 'title: "Khalkhin Gol 1939', 'title: ["Khalkhin Gol 1939'), r"YAML syntax error", None),
    (
        "tab indentation",
        lambda d: edit(d, "    citation: 'Wikipedia (English), \"Battles", "\tcitation: 'Wikipedia (English), \"Battles"),
        r"tab character.*indent with spaces",
        None,
    ),
    (
        "unquoted colon",
        lambda d: edit(d, '    title: "Ceasefire agreed in Moscow"', "    title: Ceasefire: agreed in Moscow"),
        r"YAML syntax error",
        "Ceasefire: agreed",
    ),
    (
        "duplicate key",
        lambda d: edit(
            d, '    title: "Ceasefire agreed in Moscow"', '    title: "Ceasefire agreed in Moscow"\n    title: "again"'
        ),
        r"key 'title' appears twice",
        'title: "again"',
    ),
    ("alias", lambda d: edit(d, "  - id: wp_kg\n", "  - id: wp_kg\n    extra: &a [1]\n    more: *a\n"), r"alias", None),
    (
        "duplicate event id",
        lambda d: edit(d, "  - id: ceasefire-agreed", "  - id: tamsag-raid"),
        r"id 'tamsag-raid' is used twice",
        None,
    ),
    ("duplicate unit id", lambda d: edit(d, "  - id: S-80RR", "  - id: S-6TB"), r"id 'S-6TB' is used twice", None),
    (
        "unknown key",
        lambda d: edit(d, '    title: "Ceasefire agreed in Moscow"', '    title: "Ceasefire agreed in Moscow"\n    titel: "x"'),
        r"unknown key 'titel'.*allowed",
        'titel: "x"',
    ),
    ("missing field", lambda d: edit(d, '    date: "1939-09-15"\n', "", 1), r"'date' is missing", None),
    ("unknown unit in event", lambda d: edit(d, "units: [J-64IR]", "units: [J-99IR]"), r"unknown unit 'J-99IR'", "J-99IR"),
    (
        "unknown place in event",
        lambda d: edit(d, "places: [lake_buir]", "places: [lake_baikal]"),
        r"unknown place 'lake_baikal'",
        "lake_baikal",
    ),
    (
        "unknown source",
        lambda d: edit(d, "sources: [papers_past, frus1939]", "sources: [papers_past, frus1993]"),
        r"unknown source 'frus1993'",
        "frus1993",
    ),
    (
        "unknown place in track",
        lambda d: edit(
            d,
            "place: reserve_lakes, state: moving, sources: [mikheenkov]}",
            "place: reserv_lakes, state: moving, sources: [mikheenkov]}",
        ),
        r"unknown place 'reserv_lakes'",
        "reserv_lakes",
    ),
    ("unknown chapter-less date", lambda d: edit(d, 'date: "1931-09"', 'date: "1920-01"'), r"falls in no chapter", '"1920-01"'),
    ("bad date form", lambda d: edit(d, 'date: "1939-05-13"', 'date: "13 May 1939"'), r"not an ISO 8601 date", "13 May 1939"),
    ("impossible date", lambda d: edit(d, 'date: "1939-05-13"', 'date: "1939-02-30"'), r"not a real date", "1939-02-30"),
    ("event out of order", lambda d: edit(d, 'date: "1939-05-13"', 'date: "1939-05-10"'), r"out of order", None),
    ("end before start", lambda d: edit(d, 'end: "1938-08-11"', 'end: "1938-07-01"'), r"ends before it starts", '"1938-07-01"'),
    (
        "precision too fine",
        lambda d: edit(d, '    date: "1940-06"\n    precision: month', '    date: "1940-06"\n    precision: day'),
        r"precision 'day' is finer",
        None,
    ),
    (
        "track goes back in time",
        lambda d: edit(d, '{at: "1939-05-31", place: kanchuerhmiao', '{at: "1939-05-21", place: kanchuerhmiao'),
        r"track goes back in time",
        '"1939-05-21"',
    ),
    (
        "coordinates swapped",
        lambda d: edit(
            d,
            "lonlat: [118.597, 47.72], approximate: 6, state: attacking",
            "lonlat: [47.72, 118.597], approximate: 6, state: attacking",
        ),
        r"outside the map.*swapped",
        "[47.72, 118.597]",
    ),
    ("place outside map", lambda d: edit(d, "    lon: 119.8245\n", "    lon: 139.8245\n"), r"outside the map", None),
    (
        "bad enum",
        lambda d: edit(d, "side: soviet", "side: russian"),
        r"'russian' is not an allowed value.*soviet",
        "side: russian",
    ),
    ("wrong type", lambda d: edit(d, "    lat: 49.2347", "    lat: north"), r"expected a number", "lat: north"),
    ("note too short", lambda d: replace_note(d, "poland-invaded", "Germany attacked Poland."), r"note has 3 words", None),
    (
        "grade D as sole support",
        lambda d: edit(d, "sources: [goldman2012, blog_yamaneko]}", "sources: [blog_yamaneko]}"),
        r"only forum or blog sources",
        None,
    ),
    (
        "common error in title",
        lambda d: edit(d, 'title: "Komdiv Zhukov is sent to Mongolia"', 'title: "Marshal Zhukov is sent to Mongolia"'),
        r"'Marshal Zhukov' is a known error",
        "Marshal Zhukov",
    ),
    (
        "puppet Mongolia",
        lambda d: edit(d, "It was a Japanese puppet state", "Mongolia was a Soviet puppet state"),
        r"known error",
        None,
    ),
    (
        "fix with both place and lonlat",
        lambda d: edit(d, '{at: "1939-08-17", place: hill_754,', '{at: "1939-08-17", lonlat: [118.6, 47.7], place: hill_754,'),
        r"exactly one of 'place' or 'lonlat'",
        None,
    ),
    (
        "chapters overlap",
        lambda d: edit(d, '    start: "1939-07-02"', '    start: "1939-06-20"'),
        r"starts before the previous one",
        None,
    ),
    ("empty file", lambda d: (d / EVENTS).write_text(""), r"the file is empty", None),
    ("huge file", lambda d: (d / EVENTS).write_text("# " + "x" * 2_100_000), r"more than the 2 MB limit", None),
    ("not UTF-8", lambda d: (d / EVENTS).write_bytes(b"title: " + "Халхин-Гол".encode("cp1251")), r"not UTF-8", None),
    (
        "geojson syntax",
        lambda d: (d / "geo" / "lakes.geojson").write_text('{"type": "FeatureCollection",\n "features": [\n}'),
        r"lakes.geojson:3: not valid JSON",
        None,
    ),
    (
        "geojson crs member",
        lambda d: geo_edit(d, "rivers", lambda g: g.update(crs={"type": "name"})),
        r"'crs' member is not allowed",
        None,
    ),
    (
        "geojson wrong axis order",
        lambda d: geo_edit(
            d, "rivers", lambda g: g["features"][1]["geometry"].update(coordinates=[[47.77, 118.75], [47.72, 118.57]])
        ),
        r"rivers.geojson:\d+: position \[47.77, 118.75\].*swapped",
        None,
    ),
    (
        "geojson bad geometry type",
        lambda d: geo_edit(d, "lakes", lambda g: g["features"][0]["geometry"].update(type="Circle")),
        r"unknown type",
        None,
    ),
    (
        "geojson unclosed ring",
        lambda d: geo_edit(d, "lakes", lambda g: g["features"][0]["geometry"]["coordinates"][0].pop()),
        r"ring is not closed",
        None,
    ),
    ("geojson missing layer", lambda d: (d / "geo" / "claims.geojson").unlink(), r"claims.geojson:0: the file is missing", None),
    (
        "claim without claimant",
        lambda d: geo_edit(d, "claims", lambda g: g["features"][0]["properties"].pop("claimant")),
        r"exactly one LineString claimed by 'manchukuo'",
        None,
    ),
]


@pytest.mark.parametrize("name,mutate,expected,marker", CASES, ids=[c[0] for c in CASES])
def test_bad_content_is_reported(content_copy: Path, capsys, name, mutate, expected, marker):
    mutate(content_copy)
    rc = main(["check", str(content_copy)])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert re.search(expected, err), err
    first = err.splitlines()[0]
    assert re.match(r"^\S+\.(yaml|geojson):\d+: .+; .+", first), f"not 'file:line: what; fix': {first}"
    assert "nothing was loaded" in err
    if marker:
        want = line_of(content_copy, marker)
        assert f"{EVENTS}:{want}:" in err, f"expected line {want}: {err}"


def test_all_errors_are_reported_in_one_run(content_copy: Path, capsys):
    edit(content_copy, "units: [J-64IR]", "units: [J-99IR]")
    edit(content_copy, "sources: [papers_past, frus1939]", "sources: [papers_past, frus1993]")
    edit(content_copy, 'date: "1939-05-13"', 'date: "1939-02-30"')
    assert main(["check", str(content_copy)]) == 2
    err = capsys.readouterr().err
    assert "J-99IR" in err and "frus1993" in err and "1939-02-30" in err


def test_check_of_a_folder_without_content(tmp_path: Path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "no events.yaml" in capsys.readouterr().err
