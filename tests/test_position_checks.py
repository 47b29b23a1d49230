"""`check` refuses positions a printed battle map would never show (viewer/core/position_checks.py): a unit in a
river, on a bridge after it was blown, on top of an enemy unit; each only unless the fix says a source puts it
there (`sited_on`). Every case breaks the shipped content once and reads the message `check` prints."""

from __future__ import annotations

import re
from pathlib import Path

from test_bad_content import edit, line_of

from viewer.cli import main


def check(folder: Path, capsys) -> tuple[int, str]:
    code = main(["check", str(folder)])
    return code, capsys.readouterr().err


def test_the_shipped_content_has_no_unit_in_a_river_on_a_blown_bridge_or_on_an_enemy(content_copy, capsys):
    assert check(content_copy, capsys) == (0, "")


def test_a_unit_in_the_river_is_refused_with_file_line_and_fix(content_copy, capsys):
    # the Bykov detachment on the west bank by the Kawatama bridge, moved onto the bridge itself (mid-river)
    edit(content_copy, "lonlat: [118.5437, 47.72], approximate: 6, state: holding", "place: kawatama_bridge, state: holding")
    code, err = check(content_copy, capsys)
    line = line_of(content_copy, "place: kawatama_bridge, state: holding")
    assert code == 2
    assert f"events.yaml:{line}: unit 'S-BYKOV' › fix at 1939-05-15: S-BYKOV stands in a river on 15 May 1939" in err
    assert "move it onto the bank the sources name, or add 'sited_on: [river]'" in err


def test_a_crossing_a_source_dates_may_stand_on_the_water(content_copy, capsys):
    text = (content_copy / "events.yaml").read_text(encoding="utf-8")
    assert "sited_on: [river]" in text  # the crossing of 3 July
    edit(
        content_copy,
        "state: moving, sources: [gorbunov, wp_kg], sited_on: [river],",
        "state: moving, sources: [gorbunov, wp_kg],",
    )
    code, err = check(content_copy, capsys)
    assert code == 2 and "J-71IR stands in a river on 03 July 1939 02:00" in err


def test_two_fixes_on_the_water_days_apart_keep_a_unit_standing_in_the_river(content_copy, capsys):
    # without its fixes on the heights, the 26th would be drawn on the crossing from 3 to 5 July
    text = (content_copy / "events.yaml").read_text(encoding="utf-8")
    on_the_hill = re.findall(r'      - \{at: "1939-07-0[35]T[0-9:]+", lonlat: \[118\.5103, 47\.7924\].*\n.*\n', text)
    assert len(on_the_hill) == 2
    for fix in on_the_hill:
        edit(content_copy, fix, "")
    code, err = check(content_copy, capsys)
    assert code == 2
    assert "J-26IR stands in a river from 03 July 1939 02:00 to 05 July 1939 05:00" in err
    assert "add a fix on the bank where the sources put it in between" in err


def test_standing_on_a_bridge_after_it_was_blown_is_refused(content_copy, capsys):
    edit(content_copy, 'blown: "1939-07-05T08:00"', 'blown: "1939-07-05T04:00"')
    code, err = check(content_copy, capsys)
    assert code == 2
    assert "J-71IR stands on the Japanese crossing of 3 July, blown on 05 July 1939 04:00" in err
    assert "give it a fix on the bank it went to before the bridge was blown" in err


def test_a_unit_left_on_a_bridge_for_days_is_on_it_when_it_is_blown(content_copy, capsys):
    # the 71st's fix on the east bank removed: it would stand on the pontoon bridge until its next fix
    edit(
        content_copy,
        '      - {at: "1939-07-05T09:00", lonlat: [118.595, 47.8166], approximate: 5, state: holding, sources: [history_east],\n'
        '         how: "on the east bank again; placed 2.5 km east-north-east of the crossing"}\n'
        '      - {at: "1939-07-26", place: noro_heights',
        '      - {at: "1939-07-26", place: noro_heights',
    )
    code, err = check(content_copy, capsys)
    assert code == 2 and "J-71IR stands on the Japanese crossing of 3 July, blown on 05 July 1939 08:00" in err


def test_a_unit_on_the_enemy_garrison_is_refused_unless_a_source_puts_it_there(content_copy, capsys):
    # the 11th Tank Brigade's battalions moved onto the Fui garrison they were attacking
    old = "lonlat: [118.6386, 47.8852], approximate: 8.5, state: attacking, sources: [gorbunov],"
    edit(content_copy, old, "place: fui_heights, approximate: 8.5, state: attacking, sources: [gorbunov],")
    code, err = check(content_copy, capsys)
    assert code == 2
    assert "J-IOKI sits on the enemy's S-11TB on 20 August 1939 05:45" in err  # reported once, at the first unit
    assert "or add 'sited_on: [enemy]'" in err
    edit(
        content_copy,
        "place: fui_heights, approximate: 8.5, state: attacking, sources: [gorbunov],",
        "place: fui_heights, approximate: 8.5, state: attacking, sources: [gorbunov], sited_on: [enemy],",
    )
    assert check(content_copy, capsys) == (0, "")


def test_sited_on_takes_only_the_known_exceptions(content_copy, capsys):
    edit(content_copy, "sited_on: [river]", "sited_on: [lake]")
    code, err = check(content_copy, capsys)
    assert code == 2 and "sited_on" in err
