"""Work that follows a fast-changing field at most a few times a second: a change is answered once the event
loop turns (so the several fields a jump sets are answered together), and the changes that come within the
interval after that are answered together at its end.

While the instant runs (a drag on the timeline, playback) the map must be drawn every frame; the side panel's
note and legend need not be: re-laying out a rich-text note or asking every layer for its marks costs as much
as the map's whole frame, and a reader sees no difference between 60 and 5 updates a second of a text.
"""

from __future__ import annotations

from collections.abc import Callable

from pyqtgraph.Qt import QtCore

INTERVAL_MS = 200


class Throttle(QtCore.QObject):
    """Call `action` when the event loop next turns, and then at most once per `interval_ms`."""

    def __init__(self, parent: QtCore.QObject, action: Callable[[], None], interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.action = action
        self.pending = False
        self.soon = QtCore.QTimer(self, singleShot=True, interval=0)
        self.soon.timeout.connect(self._run)
        self.timer = QtCore.QTimer(self, singleShot=True, interval=interval_ms)
        self.timer.timeout.connect(self._interval_over)

    def __call__(self) -> None:
        if self.timer.isActive():
            self.pending = True
        elif not self.soon.isActive():
            self.soon.start()

    def _run(self) -> None:
        self.action()
        self.timer.start()

    def _interval_over(self) -> None:
        if self.pending:
            self.pending = False
            self._run()
