"""The shipped content: coverage the issue asks for, and facts a museum must get right."""

from datetime import datetime

from viewer.core.common_errors import COMMON_ERRORS
from viewer.core.dates import format_date

REQUIRED_CHAPTERS = {"background", "may-june", "bain-tsagan", "positional", "august", "ceasefire", "aftermath"}


def test_coverage(scenario):
    assert len(scenario.events) >= 60
    assert len(scenario.units) >= 25
    assert {c.id for c in scenario.chapters} == REQUIRED_CHAPTERS
    campaign = [e for e in scenario.events if scenario.campaign_start <= e.at <= scenario.campaign_end]
    assert len(campaign) >= 45
    for chapter in REQUIRED_CHAPTERS:
        assert any(e.chapter == chapter for e in scenario.events), chapter
    assert {u.side for u in scenario.units} == {"japanese", "manchukuo", "soviet", "mongolian"}


def test_every_event_and_position_is_sourced(scenario):
    assert all(e.sources for e in scenario.events)
    assert all(f.sources for u in scenario.units for f in u.track)
    cited = {s for e in scenario.events for s in e.sources} | {s for u in scenario.units for f in u.track for s in f.sources}
    assert cited <= set(scenario.sources)


def test_key_dates(scenario):
    ev = {e.id: e for e in scenario.events}
    assert ev["first-clash"].at.date() == datetime(1939, 5, 11).date()
    assert ev["offensive-opens"].at == datetime(1939, 8, 20, 5, 45)
    assert ev["ceasefire-agreed"].at.date() == datetime(1939, 9, 15).date()
    assert ev["ceasefire"].at == datetime(1939, 9, 16, 2, 0)
    # A7: the Soviet declaration of war came before the Nagasaki bomb
    assert ev["soviet-declaration"].at.date() == datetime(1945, 8, 8).date()
    assert "1904–1905" in ev["mukden-1931"].note["en"]


def test_disputed_facts_say_so(scenario):
    ev = {e.id: e for e in scenario.events}
    for eid in ("first-clash", "azuma-destroyed", "feklenko-replaced", "tanks-withdrawn", "ring-forms", "ceasefire"):
        assert ev[eid].caveat is not None, eid


def test_zhukov_is_never_a_marshal_in_1939(scenario):
    hq = scenario.unit("S-HQ")
    assert "Marshal" not in hq.commander.rank["en"] and "Komkor" in hq.commander.rank["en"]


def test_no_common_error_in_any_text(scenario):
    import re

    texts = [e.title["en"] + " " + e.note["en"] for e in scenario.events] + [u.name["en"] for u in scenario.units]
    for pattern, _ in COMMON_ERRORS:
        assert not any(re.search(pattern, t, re.I) for t in texts), pattern


def test_inferred_positions_are_marked(scenario):
    hills = {"bain_tsagan", "fui_heights", "remizov_heights", "noro_heights", "peschanaya", "great_sands"}
    for pid in hills:
        assert scenario.places[pid].approximate_km, pid
    for u in scenario.units:
        for f in u.track:
            if f.place in hills:
                assert f.approximate


def test_dates_render_for_labels(scenario):
    ev = {e.id: e for e in scenario.events}
    assert format_date(ev["ceasefire"].at, ev["ceasefire"].precision) == "16 September 1939, 02:00"
    assert format_date(ev["feklenko-replaced"].at, ev["feklenko-replaced"].precision) == "June 1939"
