"""Text from content is shown as text, and nothing it names is ever loaded (issue 17).

The notes browser is given raw HTML pointing at a local image (by path and by file: URL), a stylesheet and
an image on a local HTTP server: nothing may be read or requested. Then content with HTML in every text
field, in every language, is shown in the window, the kiosk's caption and the presenter's view: the markup
must appear as text. Set KG_HOSTILE_SHOTS=<folder> to keep the pictures for a look.
"""

from __future__ import annotations

import os
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pyqtgraph.Qt import QtCore, QtGui, QtWidgets

from viewer.core.language import LANGUAGES
from viewer.core.scenario import load_scenario
from viewer.ui.app import build_window
from viewer.ui.notes import NotesPanel

RED = QtGui.QColor(255, 0, 0)


def red_png(folder: Path) -> Path:
    image = QtGui.QImage(120, 120, QtGui.QImage.Format.Format_RGB32)
    image.fill(RED)
    path = folder / "red.png"
    image.save(str(path))
    return path


def red_pixels(image: QtGui.QImage) -> int:
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    step = 3
    return sum(1 for y in range(0, image.height(), step) for x in range(0, image.width(), step) if image.pixelColor(x, y) == RED)


@pytest.fixture
def http_server():
    """A local HTTP server in a thread that records every request it gets."""
    requests: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()
    thread.join()


def shot(widget: QtWidgets.QWidget, name: str) -> QtGui.QImage:
    image = widget.grab().toImage()
    folder = os.environ.get("KG_HOSTILE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(folder) / f"{name}.png"))
    return image


def test_the_notes_browser_loads_nothing(qtbot, tmp_path, http_server):
    url, requests = http_server
    png = red_png(tmp_path)
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 700)
    panel.show_html(
        f'<html><head><link rel="stylesheet" href="{url}/style.css"></head><body><p>before</p>'
        f'<img src="{png}"><img src="file://{png}"><img src="{url}/remote.png">'
        f'<p style="background-image: url({url}/bg.png)">after</p></body></html>'
    )
    panel.show()
    qtbot.waitExposed(panel)
    image = shot(panel, "notes-browser")
    assert "before" in panel.toPlainText() and "after" in panel.toPlainText()  # the page itself is shown
    assert red_pixels(image) == 0, "a local image was read and shown"
    for src in (str(png), f"file://{png}"):
        loaded = panel.document().resource(QtGui.QTextDocument.ResourceType.ImageResource, QtCore.QUrl(src))
        assert not loaded or (isinstance(loaded, QtGui.QImage) and loaded.size() == QtCore.QSize(1, 1)), f"{src} was loaded"
    assert requests == []


def test_the_notes_browser_check_sees_a_loaded_image(qtbot, tmp_path):
    """The check above can fail: a plain QTextBrowser given the same HTML does read and show the file."""
    png = red_png(tmp_path)
    browser = QtWidgets.QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(600, 700)
    browser.setHtml(f'<img src="{png}">')
    browser.show()
    qtbot.waitExposed(browser)
    assert red_pixels(browser.grab().toImage()) > 100


def hostile_content(folder: Path, png: Path) -> None:
    """HTML in the title, every chapter and event title, every note, place and unit name, in every language."""
    img = f"<img src='{png}'>"

    def inject(text: str, fields: str) -> str:
        pattern = rf'^(\s*(?:{fields}): )"(.*)"$'
        return re.sub(pattern, lambda m: f'{m.group(1)}"{img}<b>{m.group(2)}</b>"', text, flags=re.M)

    events = folder / "events.yaml"
    events.write_text(inject(events.read_text(encoding="utf-8"), "title|name"), encoding="utf-8")
    for lang in LANGUAGES[1:]:
        path = folder / "i18n" / f"{lang}.yaml"
        text = inject(path.read_text(encoding="utf-8"), "title|note|summary")
        text = re.sub(r"^(\s*note: >-\n)(\s+)", lambda m: f"{m.group(1)}{m.group(2)}{img} <i>", text, flags=re.M)
        path.write_text(text, encoding="utf-8")


def test_html_in_every_text_field_and_language_is_shown_as_text(qtbot, tmp_path, content_copy, http_server):
    from viewer.ui.caption import Caption
    from viewer.ui.presenter_view import PresenterView, TalkTimer

    png = red_png(tmp_path)
    hostile_content(content_copy, png)
    scenario = load_scenario(content_copy)  # it passes `check`: markup in a text is the curator's business
    assert "<img" in scenario.chapters[1].title["en"]
    for lang in LANGUAGES[1:]:  # translated notes keep their stamps (their English is unchanged), so they are shown
        assert any("<img" in e.note.get(lang, "") for e in scenario.events), lang
    window = build_window(scenario, None)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    caption = Caption(window.state, window.map)
    caption.set_active(True)
    timer = TalkTimer()
    presenter = PresenterView(window.state, window.motion, {}, window.commands.actions, timer)
    qtbot.addWidget(presenter)
    presenter.resize(900, 600)
    presenter.show()
    key_event = next(i for i, e in enumerate(scenario.events) if e.chapter == "august")
    for lang in LANGUAGES:
        window.state.update(language=lang)
        window.state.show_step(key_event)
        window.state.instant = scenario.events[key_event].at
        labels = window.findChildren(QtWidgets.QLabel) + presenter.findChildren(QtWidgets.QLabel)
        for label in labels:  # every label that can show content says so explicitly
            assert label.textFormat() == QtCore.Qt.TextFormat.PlainText, label.objectName() or label.text()[:40]
        assert "<img" in window.chapter_label.text() and caption.isVisible() and "<b>" in caption.text()
        assert red_pixels(shot(window, f"window-{lang}")) == 0, lang
        assert red_pixels(shot(presenter, f"presenter-{lang}")) == 0, lang
        assert "<img" in window.notes.toPlainText()
    caption.set_active(False)
    window.state.update(language="en")  # Qt's translator is process-wide: leave English for the next test
    assert http_server[1] == []
