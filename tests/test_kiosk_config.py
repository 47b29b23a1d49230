"""kiosk.ini as staff write it: the README's example, every kind of typo reported as file:line, chords that
could lock staff out or let visitors out refused, and `kiosk --check-config`."""

from __future__ import annotations

import re
from datetime import datetime, time
from pathlib import Path

import pytest

from viewer import cli
from viewer.kiosk_config import DEFAULT_CHORD, PARSERS, KioskConfig, Opening, read_kiosk_config

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_kiosk_ini() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### kiosk.ini") :]
    return re.search(r"```ini\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_parses_to_what_it_says(tmp_path, scenario):
    path = tmp_path / "kiosk.ini"
    path.write_text(readme_kiosk_ini(), encoding="utf-8")
    result = read_kiosk_config(path, [c.id for c in scenario.chapters])
    assert result.problems == []
    c = result.config
    assert (c.idle_seconds, c.tour_seconds, c.start_chapter, c.language) == (45, 12, "bain-tsagan", "ru")
    assert c.attract_languages == ("ru", "en", "mn") and c.exit_chord == "Ctrl+Alt+Shift+E" and c.statistics_days == 365
    assert c.opening_hours == (
        Opening(frozenset({1, 2, 3, 4, 5, 6}), time(10), time(18)),
        Opening(frozenset({3}), time(18), time(21)),
    )
    assert c.is_open(datetime(2026, 12, 3, 20, 30)) and not c.is_open(datetime(2026, 12, 1, 20, 30))  # Thu / Tue late
    assert not c.is_open(datetime(2026, 11, 30, 12))  # closed on Mondays
    # every line says what it sets: the value before the comment is the value used
    for line in readme_kiosk_ini().splitlines()[1:]:
        key, value = (part.strip() for part in line.split(";")[0].split("="))
        assert getattr(c, key) == PARSERS[key](value), key


@pytest.mark.parametrize(
    "line, what",
    [
        ("idel_seconds = 20", "unknown key 'idel_seconds'; did you mean idle_seconds?"),
        ("idle_seconds = 20s", "idle_seconds: '20s' is not a number; write a number from 1 to 86400"),
        ("idle_seconds = 0", "idle_seconds: 0 is out of range"),
        ("tour_seconds = nan", "tour_seconds: nan is out of range"),
        ("language = de", "language: unknown language 'de'; write one of en, ru, mn, ja"),
        ("statistics = maybe", "statistics: 'maybe' is not yes or no; write true or false"),
        ("start_chapter = augst", "start_chapter: no chapter 'augst'; did you mean august?"),
        ("exit_chord = Ctrl+Alt+Shift+Quit", "exit_chord: unknown key 'Quit' in 'Ctrl+Alt+Shift+Quit'; did you mean Q?"),
        ("opening_hours = 18:00-09:00", "opening_hours: '18:00-09:00' closes before it opens"),
        ("opening_hours = Mon-Fry 09:00-17:00", "opening_hours: 'Mon-Fry' are not weekdays"),
        ("pixel_shift = 100%", "pixel_shift: '100%' is not a whole number"),
        ("content = /nowhere", "content: /nowhere is not a content folder"),
        ("idle_seconds 20", "'idle_seconds 20' is not a setting; write key = value"),
        ("language = en\nlanguage = ru", "3: language is set again (first on line 2); keep one of the two lines"),
        ("[kiosc]\nlanguage = ru", "unknown section [kiosc]; the settings go under [kiosk]"),
    ],
)
def test_each_kind_of_typo_is_reported_with_its_line(tmp_path, scenario, line, what):
    path = tmp_path / "kiosk.ini"
    path.write_text(f"[kiosk]\n{line}\n", encoding="utf-8")
    result = read_kiosk_config(path, [c.id for c in scenario.chapters])
    where = f"{path}:" + ("" if what[0].isdigit() else "2: ")  # on the line after [kiosk] unless the case says
    assert [str(p) for p in result.problems if str(p).startswith(where + what)], [str(p) for p in result.problems]
    assert result.config == KioskConfig()  # the defaults stand for everything that is wrong


def test_before_any_section_bad_bytes_and_a_folder_are_problems_too(tmp_path):
    path = tmp_path / "kiosk.ini"
    path.write_text("idle_seconds = 20\n[kiosk]\n")
    assert str(read_kiosk_config(path).problems[0]).startswith(f"{path}:1: idle_seconds comes before any section")
    path.write_bytes(b"[kiosk]\nlanguage = ru\nidle_seconds = \xff\n")
    assert str(read_kiosk_config(path).problems[0]).startswith(f"{path}:3: this line is not UTF-8 text")
    folder = tmp_path / "dir.ini"
    folder.mkdir()
    assert "this is a folder" in str(read_kiosk_config(folder).problems[0])
    assert read_kiosk_config(tmp_path / "missing.ini").problems == []  # no file: the defaults, silently


def test_comments_percent_and_section_case(tmp_path):
    """The issue's technician: inline comments were part of the values, `%` stopped the start, [Kiosk] was ignored."""
    path = tmp_path / "kiosk.ini"
    path.write_text("[Kiosk]\n# staff notes: 100% of visitors\nIDLE_SECONDS = 20   ; quiet time\nlanguage = ru # Russian\n")
    result = read_kiosk_config(path)
    assert result.problems == [] and (result.config.idle_seconds, result.config.language) == (20, "ru")


@pytest.mark.parametrize(
    "chord", ["+", "Shift+A", "a+b", "++", "Ctrl+A, Ctrl+B", "Ctrl+Alt+F2", "Ctrl+Alt+Backspace", "Ctrl+Ctrl+Q", "Alt+F4"]
)
def test_a_chord_a_visitor_could_press_or_staff_could_not_is_refused(tmp_path, chord):
    path = tmp_path / "kiosk.ini"
    path.write_text(f"[kiosk]\nexit_chord = {chord}\n", encoding="utf-8")
    result = read_kiosk_config(path)
    assert result.config.exit_chord == DEFAULT_CHORD
    assert len(result.problems) == 1 and str(result.problems[0]).startswith(f"{path}:2: exit_chord: ")


def test_a_chord_must_not_be_a_key_of_the_viewer():
    from viewer.kiosk_config import Bad, check_chord

    with pytest.raises(Bad, match="also a key of the viewer"):
        check_chord("alt+ctrl+p", ["Space", "Ctrl+Alt+P"])
    assert check_chord("Ctrl+Alt+P", ["Space", "Ctrl+P"]) == "Ctrl+Alt+P"


def test_a_chord_is_canonical(tmp_path):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nexit_chord = shift+ctrl+alt+e\n")
    assert read_kiosk_config(path).config.exit_chord == "Ctrl+Alt+Shift+E"


def test_a_bad_chord_given_in_code_keeps_the_default_key(qtbot, scenario):
    from viewer.ui.app import build_kiosk

    window, k = build_kiosk(scenario, KioskConfig(idle_seconds=60, exit_chord="Shift+A"))
    qtbot.addWidget(window)
    assert [s.toString() for s in window.commands.actions["kiosk.exit"].shortcuts()] == [DEFAULT_CHORD]
    k.release()


def test_check_config_command(tmp_path, capsys):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nidle_seconds = 30\nidel = 2\nexit_chord = Shift+Q\n")
    assert cli.main(["kiosk", "--check-config", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{path}:3: unknown key 'idel'; did you mean idle_seconds?"
    assert err[1].startswith(f"{path}:4: exit_chord: 'Shift+Q' is too easy to press by chance; use three keys or more")
    assert err[2] == f"2 problem(s) in {path}; the kiosk would use the defaults for them."
    path.write_text("[kiosk]\nidle_seconds = 30\n")
    assert cli.main(["kiosk", "--check-config", str(path)]) == 0
    assert "OK — tour after 30 s idle" in capsys.readouterr().out
    assert cli.main(["kiosk", "--check-config", str(tmp_path / "none.ini")]) == 2
