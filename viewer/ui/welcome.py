"""The first screen: who fought whom, where, why it mattered and how to use the app, over the map, with
*Take the tour* (the kiosk's tour, `tour.Tour`) and *Explore on my own*. Shown when a desktop user starts the
app for the first time (nothing remembered yet) and from the menu. Facts from the history brief
(the research brief, shared/history: common-errors A3, A4, A8, B2, B3, B7, B8; claims.md), in plain words."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from pyqtgraph.Qt import QtCore, QtWidgets

from .i18n import translate
from .style import NOTE_PX, font

if TYPE_CHECKING:
    from .main_window import MainWindow


def welcome_paragraphs() -> list[tuple[str, str]]:
    """(heading, text) of the first screen, in the interface language."""
    return [
        (
            translate("Welcome", "Who fought"),
            translate(
                "Welcome",
                "From May to September 1939 the Soviet Red Army and the army of the Mongolian People's Republic "
                "fought Japan's Kwantung Army and troops of Manchukuo, the state Japan had set up in Manchuria.",
            ),
        ),
        (
            translate("Welcome", "Where"),
            translate(
                "Welcome",
                "On the steppe along the Khalkhin Gol river, in what is eastern Mongolia today. Mongolia put the "
                "border about 16 km east of the river, through Nomonhan; Manchukuo and Japan put it on the river. "
                "The map shows that disputed ground in yellow.",
            ),
        ),
        (
            translate("Welcome", "Why it mattered"),
            translate(
                "Welcome",
                "In late August a Soviet–Mongolian offensive under Komkor Georgy Zhukov encircled the Japanese 23rd "
                "Division and wrecked it. A ceasefire agreed in Moscow took effect on 16 September 1939, two weeks "
                "after the Second World War began in Europe, and left the line where the Soviet and Mongolian "
                "troops stood.",
            ),
        ),
        (
            translate("Welcome", "How to use this map"),
            translate(
                "Welcome",
                "Press Space to play, or → and ← to step from event to event; drag the timeline to go anywhere. "
                "Click a unit or a place to read about it. The map follows each event: drag or zoom to look "
                "around, and press F (Follow the story) to let it lead again. The legend explains every mark.",
            ),
        ),
    ]


class Welcome(QtWidgets.QFrame):
    """The first screen, centred over the map; either button closes it."""

    def __init__(self, window: MainWindow):
        super().__init__(window.map)
        self.window = window
        self.setObjectName("welcome")
        self.setStyleSheet(
            "QFrame#welcome { background: rgba(247, 243, 230, 242); border: 1px solid #6B6355; border-radius: 10px; }"
        )
        self.text = QtWidgets.QTextBrowser()  # our own words, escaped; scrolls on a small screen
        self.text.setOpenLinks(False)
        self.text.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.text.setStyleSheet("background: transparent;")
        self.text.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tour_button = QtWidgets.QPushButton()
        self.explore_button = QtWidgets.QPushButton()
        self.tour_button.setDefault(True)
        self.tour_button.clicked.connect(self.take_tour)
        self.explore_button.clicked.connect(self.close)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.explore_button)
        buttons.addWidget(self.tour_button)
        column = QtWidgets.QVBoxLayout(self)
        column.setContentsMargins(28, 22, 28, 22)
        column.addWidget(self.text)
        column.addLayout(buttons)
        window.map.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        scale = self.window.ui_scale()
        title = escape(self.window.scenario.display_title(self.window.state.language, self.window.state.naming))
        body = "".join(f"<p><b>{escape(h)}.</b> {escape(t)}</p>" for h, t in welcome_paragraphs())
        self.text.setHtml(f"<h2>{title}</h2>{body}")
        self.text.setFont(font(NOTE_PX * 0.85 * scale))
        self.tour_button.setText(translate("Welcome", "Take the tour"))
        self.explore_button.setText(translate("Welcome", "Explore on my own"))
        for b in (self.tour_button, self.explore_button):
            b.setFont(font(18 * scale, bold=b is self.tour_button))
            b.setMinimumHeight(round(48 * scale))
        self._place()

    def _place(self) -> None:
        parent, scale = self.parentWidget(), self.window.ui_scale()
        width = max(200, min(round(parent.width() * 0.9), round(820 * scale)))
        self.setFixedWidth(width)
        doc = self.text.document()
        doc.setTextWidth(width - 56 - 8)
        room = parent.height() - 2 * round(12 * scale) - 44 - round(48 * scale) - 20  # margins, buttons, spacing
        self.text.setFixedHeight(max(80, min(round(doc.size().height()) + 8, room)))
        self.adjustSize()
        self.move((parent.width() - self.width()) // 2, max(0, (parent.height() - self.height()) // 2))

    def eventFilter(self, obj: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if obj is self.parentWidget() and ev.type() == QtCore.QEvent.Type.Resize:
            self.retranslate()  # the type follows the window's scale, then the frame is placed
        return False

    def take_tour(self) -> None:
        self.close()
        self.window.tour.start()


def show_welcome(window: MainWindow) -> Welcome:
    """Open the first screen over the window's map (one at a time)."""
    existing = window.map.findChild(Welcome)
    if existing is not None:
        existing.show()
        existing.raise_()
        return existing
    welcome = Welcome(window)
    welcome.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    welcome.show()
    welcome.raise_()
    return welcome
