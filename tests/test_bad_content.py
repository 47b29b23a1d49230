"""Malformed content: each case must fail `check` with exit 2 and a message naming file, line and fix."""

from __future__ import annotations

import json
import os
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
    (
        "last reported before the last fix",
        lambda d: edit(d, 'last_reported_until: "1939-08-31"', 'last_reported_until: "1939-08-01"'),
        r"'last_reported_until' is not after the last fix",
        'last_reported_until: "1939-08-01"',
    ),
    (
        "last reported beyond its chapter",
        lambda d: edit(d, 'last_reported_until: "1939-08-31"', 'last_reported_until: "1939-09-10"'),
        r"'last_reported_until' is after the end of the chapter of the last fix \('august', ends 1939-08-31\)",
        'last_reported_until: "1939-09-10"',
    ),
    (
        "last reported with until",
        lambda d: edit(d, 'last_reported_until: "1939-08-31"', 'last_reported_until: "1939-08-31"\n    until: "1939-08-31"'),
        r"'last_reported_until' with 'until'",
        'last_reported_until: "1939-08-31"',
    ),
    (
        "a commander killed on a month, not a day",
        lambda d: edit(d, 'killed: "1939-08-26"', 'killed: "1939-08"'),
        r"commander › killed: a date that is not a single day; give the day",
        'killed: "1939-08"',
    ),
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
    ("huge file", lambda d: (d / EVENTS).write_text("# " + "x" * 2_100_000), r"larger than the 2,000,000 byte limit", None),
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
    (
        "decisive event unknown",
        lambda d: edit(d, "decisive_event: pincers-meet", "decisive_event: pincers-met"),
        r"unknown event 'pincers-met'.*use the id of an event in this chapter",
        "decisive_event: pincers-met",
    ),
    (
        "decisive event of another chapter",
        lambda d: edit(d, "decisive_event: pincers-meet", "decisive_event: ceasefire"),
        r"the event 'ceasefire' belongs to the chapter 'ceasefire'",
        "decisive_event: ceasefire",
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
    assert re.match(r"^\S+\.(yaml|geojson|json):\d+: .+; .+", first), f"not 'file:line: what; fix': {first}"
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


# --- hostile or careless input (issue 17): each once crashed, hung, grew without bound or was accepted -------------


def write_bytes(folder: Path, file: str, data: bytes) -> None:
    (folder / file).unlink()
    (folder / file).write_bytes(data)


def replace_with(folder: Path, file: str, make) -> None:
    """Put a special file (folder, link, pipe) where a content file should be."""
    (folder / file).unlink()
    make(folder / file)


def nested_geometry(folder: Path, depth: int) -> None:
    deep = "[" * depth + "118.7, 47.7" + "]" * depth
    text = '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},\n'
    text += f'"geometry": {{"type": "Polygon", "coordinates": {deep}}}}}]}}'
    (folder / "geo" / "lakes.geojson").write_text(text)


HOSTILE = [
    ("control byte", lambda d: edit(d, "Ceasefire agreed", "Ceasefire\x01agreed"), r"events.yaml:\d+: YAML cannot read", None),
    (
        "escaped control character in a title",
        lambda d: edit(d, '"Ceasefire agreed in Moscow"', '"Ceasefire\\x00agreed in Moscow"'),
        r"control or invisible character \(U\+0000\)",
        "Ceasefire\\x00",
    ),
    (
        "escape character in a title",
        lambda d: edit(d, '"Ceasefire agreed in Moscow"', '"Ceasefire \\e[31m agreed"'),
        r"U\+001B",
        "Ceasefire \\e",
    ),
    (
        "lone surrogate",
        lambda d: edit(d, '"Ceasefire agreed in Moscow"', '"Ceasefire \\uD800 agreed"'),
        r"events.yaml:\d+: YAML syntax error: found invalid Unicode character escape",
        "uD800",
    ),
    ("python tag", lambda d: edit(d, "schema_version: 1", "schema_version: !!python/object:os.system 1"), r"tag '!!python", None),
    ("set tag", lambda d: edit(d, "schema_version: 1", "schema_version: !!set {a}"), r"tag '!!set' is not allowed", None),
    ("custom tag", lambda d: edit(d, "schema_version: 1", "schema_version: !custom 1"), r"tag '!custom' is not allowed", None),
    ("list as a key", lambda d: edit(d, "schema_version: 1", "schema_version: 1\n? [a, b]\n: 1"), r"a key is a list", "? [a, b]"),
    (
        "integer of 5000 digits",
        lambda d: edit(d, "schema_version: 1", "schema_version: " + "9" * 5000),
        r"the number 9+… has 5000 characters",
        None,
    ),
    ("date 9999-12", lambda d: edit(d, '    end: "1939-07-01"', '    end: "9999-12"'), r"outside 1900–1999", '"9999-12"'),
    (
        "last chapter ends in 9999",
        lambda d: edit(d, '    end: "1945-09-02"', '    end: "9999"'),
        r"the year of '9999' is outside",
        '"9999"',
    ),
    ("nan in the map box", lambda d: edit(d, "west: 118.30", "west: .nan"), r"'.nan' is not a finite number", "west: .nan"),
    ("huge exponent", lambda d: edit(d, "west: 118.30", "west: 1.0e+999"), r"'1.0e\+999' is not a finite number", "1.0e+999"),
    (
        "nan radius",
        lambda d: edit(d, "    approximate: 15\n", "    approximate: .NaN\n"),
        r"not a finite number",
        "approximate: .NaN",
    ),
    (
        "campaign ends before it starts",
        lambda d: edit(d, '  end: "1939-09-16"', '  end: "1939-05-10"'),
        r"campaign ends before it starts",
        None,
    ),
    ("sources is a number", lambda d: edit(d, "sources: [wp_kg]\n", "sources: 5\n"), r"expected a list, found int", None),
    (
        "unknown source in japanese_title",
        lambda d: edit(d, "sources: [wp_ja_nomonhan]}", "sources: [nowhere]}"),
        r"unknown source 'nowhere'",
        "[nowhere]",
    ),
    (
        "deep nesting in YAML",
        lambda d: edit(d, "schema_version: 1", "schema_version: " + "[" * 2000 + "]" * 2000),
        r"events.yaml:\d+: YAML syntax error.*nest",
        None,
    ),
    (
        "geojson without features",
        lambda d: (d / "geo" / "claims.geojson").write_text('{"type": "FeatureCollection", "features": []}'),
        r"claims.geojson:\d+: the layer has no features",
        None,
    ),
    (
        "geojson nested too deep",
        lambda d: nested_geometry(d, 5000),
        r"lakes.geojson:1: the JSON is nested too deep",
        None,
    ),
    (
        "geojson nested deeper than its type",
        lambda d: nested_geometry(d, 500),
        r"lakes.geojson:\d+: a position must be",
        None,
    ),
    (
        "geojson lone surrogate in a name",
        lambda d: (d / "geo" / "region-places.geojson").write_text(
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "\\ud800"},\n'
            '"geometry": {"type": "Point", "coordinates": [110, 48]}}]}'
        ),
        r"region-places.geojson:\d+: the property 'name' holds a lone surrogate half",
        None,
    ),
    (
        "geojson NaN",
        lambda d: (d / "geo" / "lakes.geojson").write_text('{"type": "FeatureCollection",\n "features": [NaN]}'),
        r"lakes.geojson:2: 'NaN' is not a number",
        None,
    ),
    (
        "geojson huge integer",
        lambda d: (d / "geo" / "lakes.geojson").write_text('{"type": "FeatureCollection",\n\n "features": [' + "7" * 5000 + "]}"),
        r"lakes.geojson:3: a number has 5000 digits",
        None,
    ),
    (
        "geojson 1e999",
        lambda d: geo_edit(
            d, "rivers", lambda g: g["features"][1]["geometry"].update(coordinates=[[1e999, 47.7], [118.5, 47.72]])
        ),
        r"rivers.geojson:\d+: 'Infinity' is not a number RFC 7946 allows",
        None,
    ),
    (
        "geojson geometry type is a list",
        lambda d: geo_edit(d, "lakes", lambda g: g["features"][0]["geometry"].update(type=["Polygon"])),
        r"lakes.geojson:\d+: the geometry is missing or of an unknown type",
        None,
    ),
    (
        "geojson control character in a name",
        lambda d: geo_edit(d, "claims", lambda g: g["features"][0]["properties"].update(name="a\u0007b")),
        r"claims.geojson:\d+: the property 'name' holds a control",
        None,
    ),
    (
        "claim sources is a number",
        lambda d: geo_edit(d, "claims", lambda g: g["features"][0]["properties"].update(sources=5)),
        r"claims.geojson:1: the 'manchukuo' claim cites no source",
        None,
    ),
    (
        "claim sources holds a mapping",
        lambda d: geo_edit(d, "claims", lambda g: g["features"][0]["properties"].update(sources=[{"a": 1}])),
        r"claims.geojson:1: the 'manchukuo' claim cites",
        None,
    ),
    (
        "identical claim lines",
        lambda d: geo_edit(
            d, "claims", lambda g: g["features"][1].update(geometry=json.loads(json.dumps(g["features"][0]["geometry"])))
        ),
        r"claims.geojson:1: the two claim lines enclose 0.00 km²",
        None,
    ),
    (
        "non-UTF-8 byte in stamps.json",
        lambda d: write_bytes(d, "i18n/stamps.json", b'{"ru": {"title": "\xff"}}'),
        r"stamps.json:1: the file is not UTF-8 text \(byte 0xFF",
        None,
    ),
    (
        "50 MB stamps.json",
        lambda d: write_bytes(d, "i18n/stamps.json", b'{"ru": {"x": "' + b"a" * 50_000_000 + b'"}}'),
        r"stamps.json:0: the file is larger than the 1,000,000 byte limit",
        None,
    ),
    (
        "stamps.json of the wrong shape",
        lambda d: write_bytes(d, "i18n/stamps.json", b'{"ru": {"title": 5}}'),
        r"stamps.json:1: expected \{language",
        None,
    ),
    ("folder for events.yaml", lambda d: replace_with(d, EVENTS, Path.mkdir), r"events.yaml:0: this is a folder", None),
    (
        "folder for a layer",
        lambda d: replace_with(d, "geo/rivers.geojson", Path.mkdir),
        r"rivers.geojson:0: this is a folder",
        None,
    ),
    (
        "symlink loop",
        lambda d: replace_with(d, "geo/rivers.geojson", lambda p: p.symlink_to(p)),
        r"rivers.geojson:0: cannot open the file \(Too many levels of symbolic links\)",
        None,
    ),
    (
        "named pipe",
        lambda d: replace_with(d, "geo/lakes.geojson", lambda p: os.mkfifo(p)),
        r"lakes.geojson:0: this is not a regular file",
        None,
    ),
    (
        "link to /dev/zero",
        lambda d: replace_with(d, EVENTS, lambda p: p.symlink_to("/dev/zero")),
        r"events.yaml:0: this is not a regular file",
        None,
    ),
    (
        "link to /dev/urandom",
        lambda d: replace_with(d, "i18n/ja.yaml", lambda p: p.symlink_to("/dev/urandom")),
        r"ja.yaml:0: this is not a regular file",
        None,
    ),
    (
        "broken ru.yaml link",
        lambda d: replace_with(d, "i18n/ru.yaml", lambda p: p.symlink_to(p.parent / "gone.yaml")),
        r"ru.yaml:0: cannot open the file \(No such file or directory\)",
        None,
    ),
    (
        "name sources is a number in a translation",
        lambda d: edit(d, "form: sourced, sources: [wp_ja_nomonhan]}", "form: sourced, sources: 1.5}", file="i18n/ja.yaml"),
        r"ja.yaml:9: the sources of the name 'japanese_title' must be a list of ids",
        None,
    ),
    (
        "name sources holds a list in a translation",
        lambda d: edit(d, "form: sourced, sources: [wp_ja_nomonhan]}", "form: sourced, sources: [[a]]}", file="i18n/ja.yaml"),
        r"ja.yaml:9: the sources of the name 'japanese_title' must be a list of ids",
        None,
    ),
    (
        "control character in a translation",
        lambda d: edit(d, "language: ru\n", 'language: ru\nzzz: "\\x07"\n', file="i18n/ru.yaml"),
        r"ru.yaml:\d+: the text holds a control",
        None,
    ),
]


@pytest.mark.parametrize("name,mutate,expected,marker", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_content_is_reported(content_copy: Path, capsys, name, mutate, expected, marker):
    test_bad_content_is_reported(content_copy, capsys, name, mutate, expected, marker)
