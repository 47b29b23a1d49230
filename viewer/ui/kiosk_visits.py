"""What visitors do at a kiosk, counted anonymously into the kiosk's statistics (viewer/kiosk_stats.py).

A session starts with the first touch after the tour and ends when the kiosk falls idle again; its dwell is
first touch to last. While a session runs, the languages chosen and the chapters and events shown are counted;
the tour's own steps are not (the tour counts once per start).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from pyqtgraph.Qt import QtCore

from ..kiosk_stats import Session, Stats
from .kiosk import Kiosk


class VisitRecorder(QtCore.QObject):
    def __init__(self, kiosk: Kiosk, stats: Stats, clock: Callable[[], datetime] = datetime.now):
        super().__init__(kiosk)
        self.kiosk, self.stats, self.clock = kiosk, stats, clock
        self.session: Session | None = None
        self.shown: tuple[str | None, str | None] = (None, None)  # (chapter, event) last counted
        state = kiosk.window.state
        kiosk.sigActivity.connect(self._activity)
        kiosk.sigTourStarted.connect(self._tour)
        state.events.language.connect(self._language)
        state.events.instant.connect(lambda _at: self._shown())

    def _activity(self, tap: bool) -> None:
        now = self.clock()
        if self.session is None:
            self.session = Session(now, now, languages=[self.kiosk.window.state.language])
            self.shown = (None, None)
            self._shown()
        self.session.last = now
        self.session.taps += tap

    def _tour(self) -> None:
        self.end_session()
        self.stats.count("tour", self.kiosk.config.start_chapter)

    def end_session(self) -> None:
        if self.session is None:
            return
        for lang in self.session.languages:
            self.stats.count("language", lang)
        self.stats.end_session(self.session)
        self.session = None

    def _language(self, lang: str) -> None:
        if self.session is not None and lang not in self.session.languages:
            self.session.languages.append(lang)

    def _shown(self) -> None:
        if self.session is None:
            return
        event = self.kiosk.window.state.current_event
        if event is None or event.id == self.shown[1]:
            return
        if event.chapter != self.shown[0]:
            self.stats.count("chapter", event.chapter)
        self.stats.count("event", event.id)
        self.shown = (event.chapter, event.id)
