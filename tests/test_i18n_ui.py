"""Four languages in the Qt layer: complete and current catalogues, no English left on screen, one-tap switching,
the naming switch, `render --lang`, and the kiosk returning to its house language."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from viewer.cli import main
from viewer.core.language import tr
from viewer.ui import i18n
from viewer.ui.app import build_window

ROOT = Path(__file__).resolve().parent.parent
LEFT = QtCore.Qt.MouseButton.LeftButton
sys.path.insert(0, str(ROOT / "tools"))
import translations as catalogue  # noqa: E402  (tools/translations.py)


def messages(lang: str) -> dict[str, str]:
    tree = ET.parse(ROOT / "translations" / f"viewer_{lang}.ts")
    return {m.findtext("source"): m.findtext("translation") for m in tree.getroot().iter("message")}


@pytest.fixture(autouse=True)
def english_afterwards():
    """The language is app-wide: every test here leaves it as the others expect."""
    yield
    i18n.language().set("en", "soviet")


def visible_strings(window: QtWidgets.QMainWindow) -> list[str]:
    """Every interface text a user can read or hover in the window, its menus and combo boxes."""
    out = [window.windowTitle()]
    for w in window.findChildren(QtWidgets.QWidget):
        for getter in ("text", "toolTip", "title"):
            value = getattr(w, getter, None)
            if callable(value) and isinstance(value(), str):
                out.append(value())
        if isinstance(w, QtWidgets.QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
    menus = [window.menu_button.menu()]
    while menus:
        menu = menus.pop()
        out.append(menu.title())
        for action in menu.actions():
            out.append(action.text())
            if action.menu():
                menus.append(action.menu())
    return [s for s in out if s]


def test_catalogues_are_complete_current_and_compiled(tmp_path):
    for lang in catalogue.LANGUAGES:
        assert catalogue.problems(ROOT / "translations" / f"viewer_{lang}.ts") == [], lang
    catalogue.update(tmp_path)  # what lupdate finds in the code today must be what the .ts files hold
    for lang in catalogue.LANGUAGES:
        fresh = {m.findtext("source") for m in ET.parse(tmp_path / f"viewer_{lang}.ts").getroot().iter("message")}
        assert fresh == set(messages(lang)), f"run: python tools/translations.py update ({lang})"
    catalogue.release(tmp_path)
    for lang in catalogue.LANGUAGES:
        built = (tmp_path / f"viewer_{lang}.qm").read_bytes()
        assert built == (catalogue.QM_DIR / f"viewer_{lang}.qm").read_bytes(), "run: python tools/translations.py release"


@pytest.mark.parametrize("lang", ["ru", "mn", "ja"])
def test_no_english_is_left_on_screen(window, lang):
    english = set(messages(lang))
    translated = set(messages(lang).values())
    window.state.update(instant=datetime(1939, 8, 26, 12))
    window.state.update(language=lang)
    window.menu_button.menu()  # menus are built; their texts are checked below
    left = [s for s in visible_strings(window) if s in english and s not in translated]
    assert not left, left
    scenario = window.scenario
    assert window.chapter_box.itemText(1) == tr(scenario.chapters[0].title, lang) != tr(scenario.chapters[0].title)
    html = window.notes.toPlainText()
    event = window.state.current_event
    assert tr(event.note, lang)[:30] in html and event.note["en"][:30] not in html
    # painted labels go through the same catalogue
    from viewer.ui.map.base import claim_label
    from viewer.ui.map.inset import country_name
    from viewer.ui.notes import caveat_label

    assert claim_label("mongolia") == messages(lang)["Border claimed by Mongolia and the USSR"]
    assert country_name("ussr") == messages(lang)["USSR"]
    assert caveat_label("disputed") == messages(lang)["Disputed"]


def test_one_tap_changes_everything_and_is_remembered(qtbot, scenario, tmp_path):
    from viewer.ui.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    w = build_window(scenario, datetime(1939, 7, 3, 12), settings)
    qtbot.addWidget(w)
    w.show()
    before = w.date_label.text()
    qtbot.mouseClick(w.language_buttons["ru"], LEFT)
    assert w.date_label.text() == "3 июля 1939" != before
    assert w.language_buttons["ru"].isChecked() and not w.language_buttons["en"].isChecked()
    assert "Жуков" in w.notes.toPlainText()
    assert settings.get("ui/language") == "ru"
    w.state.update(selected_unit="S-11TB")
    qtbot.mouseClick(w.language_buttons["ja"], LEFT)
    assert w.notes.toPlainText().startswith("■ ソ連") and "第11戦車旅団" in w.notes.toPlainText()  # the card stays
    qtbot.mouseClick(w.language_buttons["ru"], LEFT)
    qtbot.mouseClick(w.naming_buttons["japanese"], LEFT)
    assert settings.get("ui/naming") == "japanese" and w.state.naming == "japanese"
    assert w.windowTitle() == scenario.display_title("ru", "japanese") == "«Номонханский инцидент», 1939 — Халхин-Гол"
    w.close()


def test_the_naming_switch_renames_places_on_the_map(window, qtbot):
    window.state.update(language="en")
    window.state.highlighted_place = "khalkhin_gol_river"
    place = window.scenario.places["khalkhin_gol_river"]
    labels = {}
    for naming in ("soviet", "japanese"):
        window.state.update(naming=naming)
        labels[naming] = place.label("en", window.state.naming)
        assert window.naming_buttons[naming].isChecked()
    assert labels == {"soviet": "Khalkhin Gol", "japanese": "Halha River"}
    # the label really is painted differently: the two renderings of the map differ
    window.state.update(naming="soviet")
    a = window.map.grab().toImage()
    window.state.update(naming="japanese")
    b = window.map.grab().toImage()
    assert a != b


def test_render_lang_ja_writes_a_japanese_frame(tmp_path, qapp):
    out_ja, out_en = tmp_path / "ja.png", tmp_path / "en.png"
    assert main(["render", "--lang", "ja", "--at", "1939-08-26", "--size", "1280x720", "--out", str(out_ja)]) == 0
    assert i18n.language().lang == "ja"
    assert main(["render", "--lang", "en", "--at", "1939-08-26", "--size", "1280x720", "--out", str(out_en)]) == 0
    ja, en = QtGui.QImage(str(out_ja)), QtGui.QImage(str(out_en))
    assert (ja.width(), ja.height()) == (1280, 720) and ja != en


def test_lang_is_accepted_before_or_after_the_command(tmp_path):
    out = tmp_path / "mn.png"
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--lang", "mn", "render", "--at", "1939-07-03", "--size", "960x540", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000
    bad = subprocess.run(
        [sys.executable, "-m", "viewer", "render", "--lang", "de", "--at", "1939-07-03", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "invalid choice: 'de'" in bad.stderr


def test_kiosk_returns_to_its_house_language_when_idle(qtbot, scenario):
    from viewer.kiosk_config import KioskConfig
    from viewer.ui.app import build_kiosk

    i18n.language().set("mn", "soviet")
    window, kiosk = build_kiosk(scenario, KioskConfig(idle_seconds=0.05, tour_seconds=60, language="mn"))
    qtbot.addWidget(window)
    window.show()
    window.state.update(language="ja")  # a visitor taps Japanese, then walks away
    kiosk.idle.start()
    qtbot.waitUntil(lambda: kiosk.touring, timeout=3000)
    assert i18n.language().lang == "mn" and window.language_buttons["mn"].isChecked()
    assert kiosk.caption.text().startswith("Аялал:")  # "Guided tour: …" in Mongolian; the step is in the panel
    qtbot.waitUntil(lambda: tr(kiosk.story.steps[0].title, "mn") in window.notes.toPlainText(), timeout=2000)  # throttle.py
    window.close()


@pytest.mark.parametrize("locale, expected", [("ja_JP.UTF-8", "ja"), ("mn_MN.UTF-8", "mn"), ("de_DE.UTF-8", "en")])
def test_a_first_run_opens_in_the_desktops_language(tmp_path, locale, expected):
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("LC_")}
    env.update(LANG=locale, KHALKHIN_GOL_HOME=str(tmp_path))
    code = "from viewer.ui.settings import Settings; print(Settings().get('ui/language'))"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == expected, result.stderr
