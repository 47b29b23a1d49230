"""The shipped content: coverage the issue asks for, and facts a museum must get right."""

import itertools
from datetime import datetime

import pytest

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


# --- corrections of 2026-11-29 (history brief README "Corrections"; issue 13), in every language --------------
LANGS = ("en", "ru", "mn", "ja")


def _texts(event) -> dict[str, str]:
    """Title, note and caveat of an event, per language."""
    parts = [event.title, event.note] + ([event.caveat.text] if event.caveat else [])
    return {lang: " ".join(p[lang] for p in parts) for lang in LANGS}


def test_no_abe_government_before_it_took_office_on_30_august(scenario):
    abe = ("Abe", "Абэ", "阿部")
    for e in scenario.events:
        if e.at < datetime(1939, 8, 30):
            for lang, text in _texts(e).items():
                if any(name in text for name in abe):
                    # only as the cabinet that took office later, with its date
                    assert e.id == "talks-open" and ("30" in text), (e.id, lang)
    talks = _texts(scenario.event("talks-open"))
    assert "Hiranuma" in talks["en"] and "30 August" in talks["en"]
    assert "Хиранум" in talks["ru"] and "30 августа" in talks["ru"]
    assert "Хиранума" in talks["mn"] and "8-р сарын 30" in talks["mn"]
    assert "平沼" in talks["ja"] and "8月30日" in talks["ja"]


def test_yoshimaru_is_a_colonel_in_every_language(scenario):
    texts = _texts(scenario.event("yoshimaru-killed"))
    assert "Colonel Yoshimaru" in texts["en"]
    assert "Lt Col" not in texts["en"] and "Полковник Ёсимару" in texts["ru"]
    assert "хурандаа Ёшимару" in texts["mn"] and "дэд хурандаа" not in texts["mn"]
    assert "大佐" in texts["ja"] and "中佐" not in texts["ja"]


def test_the_holsten_mouth_bridge_is_named_kawatama_and_kawamata(scenario):
    bridge = scenario.places["kawatama_bridge"]
    assert "Kawatama" in bridge.name["en"] and "Kawamata" in bridge.name["en"]
    assert "Kawamata" in bridge.japanese_name["en"] and "川又" in bridge.japanese_name["en"]
    assert "Каватама" in bridge.name["ru"] and "Кавамата" in bridge.name["ru"]
    assert "Каватама" in bridge.name["mn"] and "Кавамата" in bridge.name["mn"]
    assert "カワタマ" in bridge.name["ja"] and "川又" in bridge.japanese_name["ja"]


def test_the_27_june_raid_was_the_2nd_air_group_and_the_inflated_claim_japanese(scenario):
    raid = scenario.event("tamsag-raid")
    texts = _texts(raid)
    assert "2nd Air Group" in texts["en"] and "Brigade" not in texts["en"].split("2nd Air Group")[0]
    assert "99" in texts["en"] and "25" in texts["en"] and "Japanese airmen claimed" in texts["en"]
    assert raid.caveat.kind == "one-sided claim" and "Japanese airmen's own claim" in raid.caveat.text["en"]
    assert "Goldman" not in texts["en"]  # his disbelief is of the Soviet claim of 100 (brief, chronology row 32)
    assert "2-я авиагруппа" in texts["ru"] and "Японские лётчики заявили о 99" in texts["ru"]
    assert "2-р агаарын бүлэг" in texts["mn"] and "99" in texts["mn"]
    assert "第2飛行集団" in texts["ja"] and "第2航空旅団" not in texts["ja"] and "99機" in texts["ja"]


def test_the_tank_group_was_dissolved_on_9_july_per_drea(scenario):
    tanks = scenario.event("tanks-withdrawn")
    assert tanks.at.date() == datetime(1939, 7, 9).date() and "drea1981" in tanks.sources
    assert "5 July" in tanks.caveat.text["en"] and "9 July" in tanks.caveat.text["en"]
    last = scenario.unit("J-YASUOKA").track[-1]
    assert last.at.date() == datetime(1939, 7, 9).date() and last.state == "withdrawn"


def test_komatsubara_went_to_kwantung_army_headquarters_not_the_reserve(scenario):
    texts = _texts(scenario.event("komatsubara-relieved"))
    assert "Kwantung Army headquarters" in texts["en"] and "reserve" not in texts["en"]
    assert "штаб Квантунской армии" in texts["ru"] and "резерв" not in texts["ru"]
    assert "Квантуны армийн штабт" in texts["mn"] and "нөөц" not in texts["mn"]
    assert "関東軍司令部付" in texts["ja"] and "予備役" not in texts["ja"]


def test_the_translations_say_what_the_corrected_english_says(scenario):
    ogisu = _texts(scenario.event("sixth-army"))
    assert "Ogisu Rippei" in ogisu["en"] and "Огису Риппэем" in ogisu["ru"] and "Огису Риппэй" in ogisu["mn"]
    assert "荻洲立兵" in ogisu["ja"]
    assert "Хинган" in scenario.unit("J-MANCHU-CAV").name["ru"]
    azuma = _texts(scenario.event("azuma-destroyed"))
    assert "не дошли примерно 2 км до моста" in azuma["ru"]
    lyushkov = _texts(scenario.event("lyushkov-defects"))
    assert "general" not in lyushkov["en"] and "генерал" not in lyushkov["ru"] and "将軍" not in lyushkov["ja"]
    assert "省フルンボイル" in _texts(scenario.event("manchukuo-founded"))["ja"]
    assert "潰走" not in scenario.event("603rd-panic").title["ja"]


# --- the map shows the battle: every formation named in a phase's events is on it, where the sources put it ---
BATTLE_CHAPTERS = ("may-june", "bain-tsagan", "positional", "august", "ceasefire")


def test_every_formation_an_event_names_is_on_the_map_at_that_moment(scenario):
    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units)
    index = {u.id: k for k, u in enumerate(motion.units)}
    absent = []
    for e in scenario.events:
        if e.chapter in BATTLE_CHAPTERS:
            shown = motion.positions(e.at)
            absent += [(e.id, uid) for uid in e.units if not shown.present[index[uid]]]
    assert absent == []


def test_the_offensive_opens_with_its_whole_order_of_battle_attacking(scenario):
    from viewer.core.model import STATES
    from viewer.core.motion import MotionModel

    opens = scenario.event("offensive-opens")
    motion = MotionModel(scenario.units)
    shown = motion.positions(opens.at)
    state = {u.id: STATES[shown.state[k]] for k, u in enumerate(motion.units) if shown.present[k]}
    soviet = [u for u in opens.units if scenario.unit(u).side in ("soviet", "mongolian")]
    assert len(opens.units) >= 18 and len(soviet) >= 13
    for uid in ("S-36MRD", "S-24MRR", "S-57RD", "S-7MBB", "S-601RR", "S-11TB", "M-6CAV", "M-8CAV"):
        assert state[uid] == "attacking", uid
    # noon on 20 August: the Central group is attacking, not holding
    noon = motion.positions(datetime(1939, 8, 20, 12))
    assert STATES[noon.state[motion.index("S-36MRD")]] == "attacking"


def test_the_azuma_detachment_is_crossed_out_at_the_event_that_says_it_was_destroyed(scenario):
    """The event is dated 28 May (a day: the map shows its noon); the map must show the destruction it names."""
    from viewer.core.model import STATES
    from viewer.core.motion import MotionModel

    event = scenario.event("azuma-destroyed")
    motion = MotionModel(scenario.units)
    shown = motion.positions(event.at)
    k = motion.index("J-AZUMA")
    assert shown.present[k] and STATES[shown.state[k]] == "destroyed"
    assert event.caveat is not None and event.caveat.kind == "disputed"  # 28 or 29 May: the note says so


def test_the_64th_regiment_is_not_attacking_for_seven_weeks(scenario):
    track = scenario.unit("J-64IR").track
    attacking = [(a.at, b.at) for a, b in itertools.pairwise(track) if a.state == "attacking"]
    assert all((end - start).days <= 14 for start, end in attacking), attacking


def test_the_august_ring_closes_at_nomonhan_burd_obo(scenario):
    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units)
    end = motion.positions(datetime(1939, 8, 27))
    north, south = motion.index("S-9MBB"), motion.index("S-8MBB")
    obo = scenario.places["nomonhan_burd_obo"]
    gap = ((end.x[north] - end.x[south]) ** 2 + (end.y[north] - end.y[south]) ** 2) ** 0.5
    assert end.present[north] and end.present[south] and gap <= 4
    for k in (north, south):
        assert ((end.x[k] - obo.x) ** 2 + (end.y[k] - obo.y) ** 2) ** 0.5 <= 3


def test_the_hills_by_number_and_kajikawa_s_battalion_follow_drea(scenario):
    for pid in ("hill_731", "hill_754", "moko_heights", "hinomaru_heights"):
        place = scenario.places[pid]
        assert place.approximate_km and "drea1981" in place.sources, pid
    assert "Hill 733" in scenario.places["remizov_heights"].name["en"]
    assert "Hill 742" in scenario.places["noro_heights"].name["en"]
    kajikawa = scenario.unit("J-KAJIKAWA").track
    assert len(kajikawa) >= 10 and {f.place for f in kajikawa} >= {"hinomaru_heights", "hill_731", "hill_754"}
    # the two sides of the Holsten: the 64th north of it in August, Kajikawa's battalion south of it
    holsten = next(f.geometry_km for f in scenario.layers["rivers"] if "Holsten" in f.properties["name"])
    (x0, y0), (x1, y1) = holsten.coords[-1], holsten.coords[0]  # mouth, obo

    def north_of_holsten(fix) -> bool:
        return (x1 - x0) * (fix.y - y0) - (y1 - y0) * (fix.x - x0) > 0

    august_64 = next(f for f in scenario.unit("J-64IR").track if f.at.month == 8)
    assert north_of_holsten(august_64)
    assert not north_of_holsten(next(f for f in kajikawa if f.place == "hill_754"))
    assert north_of_holsten(scenario.unit("J-64IR").track[-1])  # the last pocket, under Peschanaya


def test_a_known_error_in_a_translated_name_is_refused(content_copy, capsys):
    from viewer.cli import main

    path = content_copy / "i18n" / "ru.yaml"
    text = path.read_text(encoding="utf-8")
    assert "(баргуты, Хинган)" in text
    path.write_text(text.replace("(баргуты, Хинган)", "(баргуты, Синъань)"), encoding="utf-8")
    assert main(["check", str(content_copy)]) == 2
    err = capsys.readouterr().err
    assert "'units/J-MANCHU-CAV/name': 'Синъань' is a known error; по-русски Хинган" in err


def test_the_key_frames_put_every_named_unit_on_the_bank_the_sources_give(scenario):
    """3 July 19:00, 20 August 05:45, 26 August: the east bank is the disputed ground between the river and the
    Mongolian claim; Bain-Tsagan, Hamar-Daba and the reserves waiting to cross are on the west bank."""
    from shapely.geometry import Point

    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units)
    west = {
        "three-sides": {"S-11TB", "S-24MRR", "S-7MBB", "J-71IR", "J-72IR"},
        "offensive-opens": {"S-HQ", "S-6TB", "S-9MBB", "S-212AB"},
        "pocket-south": set(),
    }
    for event_id, on_west_bank in west.items():
        event = scenario.event(event_id)
        shown = motion.positions(event.at)
        for uid in event.units:
            k = motion.index(uid)
            assert shown.present[k], (event_id, uid)
            east = scenario.disputed_ground_km.contains(Point(shown.x[k], shown.y[k]))
            assert east == (uid not in on_west_bank), (event_id, uid)


def test_the_soviet_bridgehead_is_named_inside_the_ground_it_names(scenario):
    """The name's point stood on the front line 5.5 km out, so the name was written in the Japanese-hatched
    ground beside it: it lies well inside the Soviet ground wherever that ground is drawn, clear of the front."""
    from shapely.geometry import Point, Polygon

    from viewer.core.operations import frame_at

    place = scenario.places["bridgehead_centre"]
    ground = next(g for g in scenario.operations.grounds if g.id == "soviet-bridgehead")
    for stage in ground.stages:
        frame = frame_at(scenario.operations, stage.at)
        soviet = Polygon(next(ring for g, ring in frame.grounds if g is ground))
        assert soviet.contains(Point(place.x, place.y)), stage.at
        assert soviet.exterior.distance(Point(place.x, place.y)) >= 1.5, stage.at
        for g, ring in frame.grounds:
            if g.side == "japanese":
                assert Polygon(ring).distance(Point(place.x, place.y)) >= 1.5, (g.id, stage.at)


def test_the_72nd_attacks_on_24_august_before_it_is_shattered_and_its_move_south_is_shown(scenario):
    """It was drawn crossed out at the very frame whose caption is its own counter-attack, and it jumped from north
    of Hill 733 (20 August, Drea) to the south wing (24 August) unseen: now it moves there and is attacking."""
    from viewer.core.model import STATES
    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units)
    k = motion.index("J-72IR")
    attack = scenario.event("counter-attack")
    now = motion.positions(attack.at)
    assert now.present[k] and STATES[now.state[k]] == "attacking"
    assert STATES[motion.positions(datetime(1939, 8, 25, 12)).state[k]] == "destroyed"
    north = motion.positions(datetime(1939, 8, 20, 12))
    south_y = now.y[k]
    for day in (21, 22, 23):  # on the map every day, sliding south, not hidden until it reappears
        pos = motion.positions(datetime(1939, 8, day, 18))
        assert pos.present[k], day
        assert south_y <= pos.y[k] <= north.y[k]
    middle = motion.positions(datetime(1939, 8, 23, 12))
    assert north.y[k] - middle.y[k] > 4  # under way by the 23rd
    assert all(f.approximate for f in scenario.unit("J-72IR").track if f.at.month == 8)


def test_kajikawa_s_battalion_stays_to_the_last_day_drea_dates_and_its_fate_is_said_undated(scenario):
    """Drea dates the battalion's shelling from behind the Moko heights on 23 August; its overrun and breakout
    follow with no date in the excerpts, so the map keeps it to the 23rd and says why it stops there."""
    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units)
    k = motion.index("J-KAJIKAWA")
    assert motion.positions(datetime(1939, 8, 23, 12)).present[k]
    last = scenario.unit("J-KAJIKAWA").track[-1]
    assert last.at == datetime(1939, 8, 23, 12) and "drea1981" in last.sources
    assert last.how is not None and "no date" in last.how["en"]


def test_no_unit_vanishes_without_a_fate_and_none_reads_as_lost(scenario):
    """Issue 14: a reader saw units drop off the map with no fate drawn; a later reader took 'last reported' marks
    for lost units where the unit came back (a gap between fixes) or where the mark stood for a week. After its last
    fix a unit with no fate stays on the map (drawn, then as a 'last reported' mark) for two days (or to its `until`) within its
    chapter; between two fixes it is never a 'last reported' mark."""
    from datetime import timedelta

    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units, scenario.chapters)
    vanished = []
    for k, unit in enumerate(motion.units):
        last = unit.track[-1]
        chapter = next((c for c in scenario.chapters if c.start <= last.at <= c.end), None)
        if last.state in ("destroyed", "withdrawn") or chapter is None or chapter.id not in BATTLE_CHAPTERS:
            continue
        stop, at = min(chapter.end, max(unit.until, last.at + timedelta(days=2))), last.at
        while at < stop:
            if not motion.positions(at).present[k]:
                vanished.append((unit.id, at.isoformat()))
                break
            at += timedelta(hours=6)
    assert vanished == []
    for day, gone in (
        (datetime(1939, 7, 5, 12), ("M-8CAV", "S-7MBB", "S-9MBB")),  # between 3 July and 20 August: not lost
        (datetime(1939, 7, 25, 12), ("J-26IR",)),
        (datetime(1939, 8, 26, 12), ("S-7MBB", "S-11TB")),  # silent for more than two days
        (datetime(1939, 8, 31, 12), ("J-MANCHU-CAV", "S-7MBB", "S-11TB")),
    ):
        p = motion.positions(day)
        assert not any(p.reported[motion.index(uid)] for uid in gone), day
    assert motion.positions(datetime(1939, 8, 24, 12)).reported[motion.index("J-KAJIKAWA")]  # a day after its last fix


@pytest.mark.parametrize(
    "at, drawn, reported",
    [
        # the bridgehead's defenders and Bain-Tsagan's attackers from the south, to the end of the battle (5 July)
        (datetime(1939, 7, 5, 12), ("S-149RR", "S-9MBB", "S-7MBB"), ()),
        # the regiments of the southern pocket and the 2/28th fought on there after their last fix, undated: their
        # 'last reported' marks stay to the day the area was reported cleared
        (datetime(1939, 8, 26, 12), (), ("J-KAJIKAWA",)),
        (datetime(1939, 8, 31, 12), (), ("J-KAJIKAWA", "J-26IR", "J-28IR")),
    ],
)
def test_units_in_the_fight_stay_on_the_map_to_the_end_of_the_action(scenario, at, drawn, reported):
    """Issue 14: a fresh reader saw the 149th Regiment and the 7th/9th Motor-Armoured Brigades leave the map after
    3 July, Kajikawa's battalion after 24 August and the 28th Regiment before 31 August, each with no fate."""
    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units, scenario.chapters)
    p = motion.positions(at)
    for uid in drawn:
        assert p.present[motion.index(uid)] and not p.reported[motion.index(uid)], uid
    for uid in reported:
        assert p.present[motion.index(uid)] and p.reported[motion.index(uid)], uid


def test_a_units_short_name_says_the_kind_its_symbol_shows(scenario):
    """Issue 14, the fifth fresh reader: '149 R Rgt' was drawn with the motorised-infantry symbol while the other
    'R' (rifle) regiments are plain infantry: two glyphs for one abbreviation. The 149th was a motor rifle regiment
    of the 36th Motorised Rifle Division (the brief's order of battle), so '149 MR Rgt'."""
    kinds = {"R": "infantry", "Inf": "infantry", "MR": "motorised", "MA": "motorised", "Tk": "armour", "Cav": "cavalry"}
    wrong = [
        (u.id, u.short["en"], u.branch)
        for u in scenario.units
        for word in u.short["en"].split()
        if word in kinds and kinds[word] != u.branch
    ]
    assert not wrong


def test_the_broken_manchukuo_cavalry_does_not_vanish_and_the_committed_212th_is_not_placed(scenario):
    """Issue 14, a fresh reader on 24 August: Manchukuo Cav was on the map on 20 August and gone on the 24th with
    nothing to say why. The Bargut regiments broke on 20 August (Fedyuninsky; Japanese Wikipedia): shown out of
    the fighting until Fui was given up (24 August), not to the 31st, when its last place lies in the ground the
    Soviets then held. The 212th was committed on 23 August to a sector no source states: the brief says not to
    place it, so it is not drawn after that day (its note says why), rather than shown idle in reserve."""
    from viewer.core.model import STATES
    from viewer.core.motion import MotionModel

    motion = MotionModel(scenario.units, scenario.chapters)
    cavalry, brigade = motion.index("J-MANCHU-CAV"), motion.index("S-212AB")
    for day in (21, 24):
        pos = motion.positions(datetime(1939, 8, day, 12))
        assert pos.present[cavalry] and STATES[int(pos.state[cavalry])] == "withdrawn", day
    for day in (25, 31):
        assert not motion.positions(datetime(1939, 8, day, 12)).present[cavalry], day
    assert motion.positions(datetime(1939, 8, 22, 12)).present[brigade]
    assert not motion.positions(datetime(1939, 8, 24, 12)).present[brigade]
