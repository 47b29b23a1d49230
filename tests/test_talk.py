"""A lecturer's talk, speaker notes and where the caption goes: the pure core, tested without a display."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from viewer.core.camera import Camera
from viewer.core.caption_layout import band, covers, place_box
from viewer.core.errors import ContentError
from viewer.core.map_extent import battlefield_camera
from viewer.core.speaker_notes import NOTES_FILE, load_speaker_notes
from viewer.core.talk import Talk, load_talk, parse_talk, save_talk
from viewer.core.view_state import ViewState
from viewer.ui.presenter import start_index


def test_the_default_talk_is_the_campaign_and_the_background_is_optional(scenario):
    talk = Talk.default(scenario)
    events = [scenario.event(i) for i in talk.event_ids]
    assert events == sorted(events, key=lambda e: e.at)
    assert {e.chapter for e in events} == {"may-june", "bain-tsagan", "positional", "august", "ceasefire"}
    with_background = Talk.default(scenario, background=True)
    chapters = [scenario.event(i).chapter for i in with_background.event_ids]
    assert chapters[0] == "background" and "aftermath" not in chapters
    assert with_background.event_ids[chapters.count("background") :] == talk.event_ids


def test_a_talk_file_round_trips_and_is_written_atomically(scenario, tmp_path: Path):
    talk = Talk(("pincers-meet", "first-clash", "ceasefire"))  # reordered, most events skipped
    path = tmp_path / "talks" / "my talk.txt"
    save_talk(talk, path)
    assert load_talk(path, scenario) == talk
    assert path.read_text().startswith("#") and [p.name for p in path.parent.iterdir()] == ["my talk.txt"]  # no part file left
    assert talk.story(scenario).steps == tuple(scenario.event(i) for i in talk.event_ids)


def test_a_bad_talk_file_says_where_and_what_to_do(scenario, tmp_path: Path):
    text = "# my talk\nfirst-clash\n\nno-such-event\nfirst-clash\n"
    with pytest.raises(ContentError) as err:
        parse_talk(text, scenario, "talk.txt")
    messages = [str(i) for i in err.value.issues]
    assert messages[0].startswith("talk.txt:4: no event has the id 'no-such-event'; ")
    assert messages[1].startswith("talk.txt:5: 'first-clash' is already step 1 (line 2); ")
    with pytest.raises(ContentError, match="the talk has no events"):
        parse_talk("# nothing\n", scenario, "talk.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ContentError, match="not a regular file"):
        load_talk(fifo, scenario)  # refused at once, never a hang


def test_a_talk_opens_at_the_date_asked_else_where_it_stopped(scenario):
    talk = Talk.default(scenario)
    steps = talk.story(scenario).steps
    assert steps[start_index(talk, scenario, datetime(1939, 8, 20), "")].id == "offensive-opens"
    assert steps[start_index(talk, scenario, datetime(1939, 8, 20), "first-clash")].id == "offensive-opens"  # --at wins
    assert steps[start_index(talk, scenario, datetime(1950, 1, 1), "")].id == steps[-1].id
    assert steps[start_index(talk, scenario, None, "pincers-meet")].id == "pincers-meet"  # resume where I stopped
    assert start_index(talk, scenario, None, "mukden-1931") == 0  # not in this talk: from the start


def test_a_reordered_talk_is_stepped_in_its_own_order(scenario):
    state = ViewState(scenario, battlefield_camera(scenario), instant=scenario.campaign_start)
    state.story = Talk(("pincers-meet", "first-clash", "ceasefire")).story(scenario)
    assert not state.story.in_time_order
    assert state.neighbour_step(True) == 0
    state.instant = state.show_step(0)
    assert state.neighbour_step(True) == 1 and state.neighbour_step(False) is None
    state.instant = state.show_step(1)  # back in time to 11 May: still step 2 of the talk
    assert state.step == 1 and state.neighbour_step(True) == 2 and state.neighbour_step(False) == 0


def test_the_shipped_speaker_notes_load_and_cite_known_sources(scenario):
    from viewer.assets import content_dir

    notes = load_speaker_notes(content_dir(), scenario)
    campaign = {e.id for e in scenario.events if scenario.campaign_start <= e.at <= scenario.campaign_end}
    assert campaign <= set(notes), f"campaign steps without speaker notes: {sorted(campaign - set(notes))}"
    for event_id, note in notes.items():
        assert note.text["en"] and note.sources and all(s in scenario.sources for s in note.sources)
        assert note.text["en"] != scenario.event(event_id).note["en"]  # the lecturer's, not the audience's text


def test_bad_speaker_notes_are_reported_with_file_and_line(scenario, tmp_path: Path):
    (tmp_path / NOTES_FILE).write_text(
        "schema_version: 1\n"
        "notes:\n"
        "  first-clash:\n"
        "    ru: 'текст'\n"
        "    sources: [goldman2012]\n"
        "  no-such-event:\n"
        "    en: 'text'\n"
        "    sources: [goldman2012]\n"
        "  ceasefire:\n"
        "    en: 'text'\n"
        "    fr: 'texte'\n"
        "    sources: [no_such_source]\n"
        "  pincers-meet:\n"
        "    en: 'text'\n"
        "    sources: [[goldman2012]]\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as err:
        load_speaker_notes(tmp_path, scenario)
    messages = [str(i) for i in err.value.issues]
    assert any(m.startswith(f"{tmp_path / NOTES_FILE}:3: the English text (en) is missing; ") for m in messages), messages
    assert any(":6: no event has the id 'no-such-event'; " in m for m in messages)
    assert any(":11: unknown key 'fr'; " in m for m in messages)
    assert any(":12: unknown source 'no_such_source'; " in m for m in messages)
    assert any(":15: unknown source" in m for m in messages)  # a list where an id goes: reported, not a crash
    assert load_speaker_notes(tmp_path / "elsewhere", scenario) == {}  # no file: no notes


def test_a_source_that_is_not_an_id_is_reported_not_raised(scenario, tmp_path: Path):
    """Found by bench/fuzz.py: a mapping in a note's sources escaped as a TypeError (unhashable)."""
    (tmp_path / NOTES_FILE).write_text(
        "schema_version: 1\nnotes:\n  first-clash:\n    en: 'text'\n    sources: [{id: goldman2012}]\n", encoding="utf-8"
    )
    with pytest.raises(ContentError) as err:
        load_speaker_notes(tmp_path, scenario)
    assert any(":5: unknown source " in str(i) for i in err.value.issues), err.value.issues


def test_the_caption_box_avoids_the_events_units_and_prefers_empty_map():
    area, size = (1000.0, 600.0), (400.0, 200.0)
    units = [(50.0, 380.0, 60.0, 60.0)]  # bottom-left corner is taken
    box = place_box(area, size, units, [], 10)
    assert box is not None and not covers(box, units)
    legend = [(590.0, 10.0, 400.0, 200.0)]  # top-right holds the legend
    box = place_box(area, size, units, legend, 10)
    assert box is not None and not covers(box, units) and not covers(box, legend)
    everywhere = [(x, y, 20.0, 20.0) for x in range(0, 1000, 150) for y in range(0, 600, 120)]
    assert place_box(area, size, everywhere, [], 10) is None


def test_the_band_asks_the_camera_to_move_the_units_out_from_under_it():
    area = (1000.0, 600.0)
    camera = Camera(0.0, 100.0, 0.0, 60.0)  # 10 px per km
    units = [(100.0, 20.0, 40.0, 40.0), (700.0, 500.0, 40.0, 60.0)]  # under either band, and too far apart to fit
    strip = band(area, 150.0, units, camera, 10)
    assert strip.box in ((0.0, 450.0, 1000.0, 150.0), (0.0, 0.0, 1000.0, 150.0))
    assert strip.camera is not None and strip.camera.size[1] > camera.size[1]  # zoomed out to make room

    def to_px(x: float, y: float, c: Camera) -> tuple[float, float]:
        return (x - c.x0) / (c.x1 - c.x0) * area[0], (c.y1 - y) / (c.y1 - c.y0) * area[1]

    for left, top, w, h in units:
        km = (camera.x0 + (left + w / 2) / 10, camera.y1 - (top + h / 2) / 10)
        x, y = to_px(*km, strip.camera)
        assert not covers((x - w / 2, y - h / 2, w, h), [strip.box])
    clear = band(area, 150.0, [(100.0, 250.0, 40.0, 40.0)], camera, 10)
    assert clear.camera is None  # nothing under the band: the camera stays
