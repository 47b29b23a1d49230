"""Four languages in the pure core: complete content, marked name forms, dates and numbers, bad language files,
and bundled fonts that cover every character the app can show (no Qt, no display)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from viewer.assets import content_dir
from viewer.cli import main
from viewer.core.dates import format_date, format_month
from viewer.core.language import LANGUAGES, format_number, tr
from viewer.core.scenario import load_scenario, load_scenario_with_translations
from viewer.core.translations import slots
from viewer.ui.fonts import CJK_FILE, LATIN_FILES, font_dir, text_shown

ROOT = Path(__file__).resolve().parent.parent
AUG20 = datetime(1939, 8, 20, 5, 45)


@pytest.mark.parametrize(
    "lang, day, timed, month",
    [
        ("en", "20 August 1939", "20 August 1939, 05:45", "August 1939"),
        ("ru", "20 августа 1939", "20 августа 1939, 05:45", "август 1939"),
        ("mn", "1939 оны 8-р сарын 20", "1939 оны 8-р сарын 20, 05:45", "1939 оны 8-р сар"),
        ("ja", "1939年8月20日", "1939年8月20日 05:45", "1939年8月"),
    ],
)
def test_dates_follow_the_language(lang, day, timed, month):
    assert format_date(AUG20, "day", lang) == day
    assert format_date(AUG20, "time", lang) == timed
    assert format_date(AUG20, "month", lang) == month


def test_month_marks_and_numbers_follow_the_language():
    assert [format_month(1939, 9, lang) for lang in LANGUAGES] == ["Sep 1939", "сент. 1939", "1939.09", "1939年9月"]
    assert [format_number(1149.4, lang) for lang in LANGUAGES] == ["1,149", "1\u00a0149", "1,149", "1,149"]
    assert format_number(2.5, "ru", 1) == "2,5"


def test_every_content_text_exists_in_all_four_languages():
    scenario, report = load_scenario_with_translations(content_dir())
    assert report.total > 400
    assert report.missing == {"ru": [], "mn": [], "ja": []}
    texts = [scenario.title, scenario.japanese_title]
    texts += [t for c in scenario.chapters for t in (c.title, c.summary)]
    texts += [t for p in scenario.places.values() for t in (p.name, p.note, p.japanese_name) if t]
    for u in scenario.units:
        texts += [u.name, u.short] + [t for t in (u.strength, u.note) if t] + [f.how for f in u.track if f.how]
        if u.commander:
            texts += [t for t in (u.commander.name, u.commander.rank, u.commander.note) if t]
    texts += [t for e in scenario.events for t in (e.title, e.note, e.caveat.text if e.caveat else None) if t]
    incomplete = [t["en"][:40] for t in texts if set(t) != set(LANGUAGES) or not all(t.values())]
    assert not incomplete


def test_every_name_is_sourced_translated_or_transliterated():
    scenario, report = load_scenario_with_translations(content_dir())
    from viewer.core.marked_yaml import load_marked_yaml

    doc, _ = load_marked_yaml(content_dir() / "events.yaml")
    names = sum(s.is_name for s in slots(doc.data))
    for lang in ("ru", "mn", "ja"):
        assert sum(report.forms[lang].values()) == names, lang
        assert report.forms[lang]["sourced"] > 0
    # the two sides' names for the same river, in two languages
    river = scenario.places["khalkhin_gol_river"]
    assert [river.label("en", n) for n in ("soviet", "japanese")] == ["Khalkhin Gol", "Halha River"]
    assert [river.label("ja", n) for n in ("soviet", "japanese")] == ["ハルヒン・ゴル", "ハルハ川"]
    assert [river.label("ru", n) for n in ("soviet", "japanese")] == ["Халхин-Гол", "Халха"]
    bain_tsagan = scenario.places["bain_tsagan"]  # no sourced Japanese-side name: the one name under both
    assert bain_tsagan.label("en", "japanese") == bain_tsagan.label("en", "soviet") == "Bain-Tsagan (Bayantsagaan)"
    assert scenario.display_title("ja", "japanese").startswith("ノモンハン事件")


def test_a_missing_translation_falls_back_to_english_and_check_names_it(content_copy, capsys):
    from viewer.core.marked_yaml import load_marked_yaml

    path = content_copy / "i18n" / "mn.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  surrender:\n")
    path.write_text(text[:start], encoding="utf-8")  # drop the last event's Mongolian
    scenario = load_scenario(content_copy)
    surrender = scenario.event("surrender")
    assert tr(surrender.title, "mn") == surrender.title["en"] == "Japan signs the surrender"
    assert main(["check", str(content_copy)]) == 0
    out = capsys.readouterr().out
    total = len(slots(load_marked_yaml(content_copy / "events.yaml")[0].data))  # every text a visitor can see
    assert f"mn: {total - 2} of {total} texts translated" in out
    assert "events/surrender/title, events/surrender/note" in out
    assert f"ru: {total} of {total} texts translated" in out


def _expect_error(folder: Path, capsys, *fragments: str) -> None:
    assert main(["check", str(folder)]) == 2
    err = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in err, err
    assert "nothing was loaded" in err


def _line(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_translation_for_an_unknown_event_is_an_error_at_its_line(content_copy, capsys):
    path = content_copy / "i18n" / "ru.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  mukden-1931:\n", "  mukden-1932:\n"), encoding="utf-8")
    _expect_error(
        content_copy,
        capsys,
        f"ru.yaml:{_line(path, 'mukden-1932')}:",
        "'events/mukden-1932' matches nothing in events.yaml",
        "correct the id",
    )


def test_a_name_without_its_form_is_an_error(content_copy, capsys):
    path = content_copy / "i18n" / "ja.yaml"
    old = 'name: {text: "ノロ高地(742高地)", form: sourced, sources: [shishkin_iwanami]}'
    new = 'name: "ノロ高地(742高地)"'
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _expect_error(
        content_copy, capsys, f"ja.yaml:{_line(path, new)}:", "the name 'places/noro_heights/name' needs its text and its form"
    )


def test_a_sourced_name_must_cite_a_known_source(content_copy, capsys):
    path = content_copy / "i18n" / "ru.yaml"
    text = path.read_text(encoding="utf-8").replace("form: sourced, sources: [novikov]}", "form: sourced, sources: [nobody]}", 1)
    path.write_text(text, encoding="utf-8")
    _expect_error(content_copy, capsys, "ru.yaml:", "cites ['nobody']", "name the source")


def test_a_broken_language_file_stops_the_load_with_its_line(content_copy, capsys):
    path = content_copy / "i18n" / "mn.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("language: mn\n", "language: mn\n\tbroken: x\n"), encoding="utf-8")
    _expect_error(content_copy, capsys, "mn.yaml:", "tab character", "indent with spaces")


def test_a_language_file_must_say_its_language(content_copy, capsys):
    path = content_copy / "i18n" / "ja.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("language: ja\n", "language: jp\n"), encoding="utf-8")
    _expect_error(content_copy, capsys, "ja.yaml:", "must start with 'language: ja'")


def test_known_errors_are_refused_in_translations_too(content_copy, capsys):
    path = content_copy / "i18n" / "ru.yaml"
    old = "Георгий Жуков, тогда в звании комдива (командира дивизии)"
    path.write_text(path.read_text(encoding="utf-8").replace(old, "Маршал Жуков"), encoding="utf-8")
    _expect_error(
        content_copy,
        capsys,
        f"ru.yaml:{_line(path, 'Маршал Жуков') - 1}:",
        "'Маршал Жуков' is a known error",
        "маршал — с 1943 года",
    )


def test_bundled_fonts_cover_every_character_the_app_can_show():
    """fontTools cmap check over the content in all languages and the interface catalogues."""
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for name in LATIN_FILES + (CJK_FILE,):
        covered |= set(TTFont(str(font_dir() / name)).getBestCmap())
    regular = set(TTFont(str(font_dir() / LATIN_FILES[0])).getBestCmap())
    assert all(ord(c) in regular for c in "АаӨөҮүЁё ĀāŌōŪū²№")  # Cyrillic incl. Mongolian, romanisation macrons
    assert all(ord(c) in covered for c in "≈−■→")  # symbols Noto Sans lacks come from the CJK subset
    text = text_shown(ROOT)
    assert "ノモンハン" in text and "Халх" in text
    missing = sorted({c for c in text if ord(c) >= 0x20 and ord(c) not in covered})
    assert not missing, f"run tools/subset_fonts.py: {''.join(missing)}"
    assert (font_dir() / "OFL-NotoSans.txt").is_file() and (font_dir() / "OFL-NotoSansCJK.txt").is_file()


def test_a_corrected_english_text_marks_its_translations_outdated(content_copy, capsys):
    """A fact fixed in English must not stay wrong in another language: the old translation gives way to English."""
    path = content_copy / "events.yaml"
    old = 'title: "Ceasefire agreed in Moscow"'
    path.write_text(
        path.read_text(encoding="utf-8").replace(old, 'title: "Ceasefire agreed in Moscow on 15 September"'), encoding="utf-8"
    )
    scenario, report = load_scenario_with_translations(content_copy)
    assert all(report.outdated[lang] == ["events/ceasefire-agreed/title"] for lang in ("ru", "mn", "ja"))
    assert tr(scenario.event("ceasefire-agreed").title, "ru") == "Ceasefire agreed in Moscow on 15 September"
    assert tr(scenario.event("ceasefire").title, "ru") == "Перемирие вступает в силу"  # the others are untouched
    assert main(["check", str(content_copy)]) == 0
    assert (
        "outdated: the English changed since (English is shown instead): events/ceasefire-agreed/title" in capsys.readouterr().out
    )


def test_the_shipped_translations_match_todays_english():
    _, report = load_scenario_with_translations(content_dir())
    assert report.outdated == {"ru": [], "mn": [], "ja": []}, "re-check the texts, then: python tools/translations.py stamp"


def test_a_broken_stamps_file_is_an_error_with_its_line(content_copy, capsys):
    path = content_copy / "i18n" / "stamps.json"
    text = path.read_text(encoding="utf-8").splitlines()
    text[3] = text[3].replace('": "', '" "')
    path.write_text("\n".join(text), encoding="utf-8")
    _expect_error(content_copy, capsys, "stamps.json:4:", "not valid JSON", "translations.py stamp")
