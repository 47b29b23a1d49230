"""A minimal signal for the pure core: the view state tells its subscribers what changed, without Qt.

Qt's signals would tie the core to a QObject and an event loop; the core must run in tests and in the
`render` command without either. Slots are called synchronously, in the order they connected.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Slot = Callable[..., Any]


class Signal:
    """An ordered list of callbacks; `emit` calls each with the new value."""

    def __init__(self) -> None:
        self._slots: list[Slot] = []

    def connect(self, slot: Slot) -> Slot:
        self._slots.append(slot)
        return slot

    def disconnect(self, slot: Slot) -> None:
        self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        for slot in list(self._slots):  # a slot may disconnect itself
            slot(*args)

    def __len__(self) -> int:
        return len(self._slots)
