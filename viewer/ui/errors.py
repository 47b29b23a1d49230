"""Exceptions in Qt slots are logged and shown as a short notice; the window stays alive."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable

from .i18n import translate

log = logging.getLogger("viewer")


def install_excepthook(notify: Callable[[str], None]) -> None:
    """Route uncaught exceptions (PySide6 reports slot exceptions through sys.excepthook) to the log
    and to `notify`, a non-modal message in the window."""

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unhandled exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        try:
            notify(
                translate("Errors", "Something went wrong (%1); it was logged and the viewer carries on.").replace(
                    "%1", exc_type.__name__
                )
            )
        except Exception:  # the notice itself must never take the app down
            log.exception("could not show the error notice")

    sys.excepthook = hook
