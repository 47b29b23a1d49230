"""The app-wide language and naming, and the interface strings in each language.

Interface strings are marked with `translate("Context", "English")` (Qt's own call, so `pyside6-lupdate`
finds them) and translated from `viewer/resources/i18n/viewer_<lang>.qm`, built from the `.ts` sources by
`python tools/translations.py release`. Content text (notes, names) comes from the scenario instead.
Widgets re-read both when `language().sigChanged` fires, so a visitor's tap changes everything at once.
"""

from __future__ import annotations

from importlib import resources

from pyqtgraph.Qt import QtCore

from ..core.language import LANGUAGES, NAMINGS

translate = QtCore.QCoreApplication.translate
QM_FOLDER = "resources/i18n"


class Language(QtCore.QObject):
    """Which language the interface and the content are in, and which side's place names are shown."""

    sigChanged = QtCore.Signal()

    def __init__(self) -> None:
        super().__init__()
        self.lang = "en"
        self.naming = "soviet"
        self._translators: list[QtCore.QTranslator] = []

    def set(self, lang: str | None = None, naming: str | None = None) -> None:
        lang = lang or self.lang
        naming = naming or self.naming
        if lang not in LANGUAGES or naming not in NAMINGS:
            raise ValueError(f"unknown language {lang!r} or naming {naming!r}")
        changed = (lang, naming) != (self.lang, self.naming)
        if lang != self.lang or (not self._translators and lang != "en"):
            self._install(lang)
        self.lang, self.naming = lang, naming
        if changed:
            self.sigChanged.emit()

    def _install(self, lang: str) -> None:
        app = QtCore.QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        QtCore.QLocale.setDefault(QtCore.QLocale(lang))
        if lang == "en":
            return
        ours = QtCore.QTranslator(self)
        path = resources.files("viewer") / QM_FOLDER / f"viewer_{lang}.qm"
        if not ours.load(str(path)):
            raise FileNotFoundError(f"interface translation missing: {path}")
        self._translators.append(ours)
        qt = QtCore.QTranslator(self)  # Qt's own dialogs (the file dialog of an export); Qt ships ru and ja, not mn
        if qt.load(f"qtbase_{lang}", QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)):
            self._translators.append(qt)
        for translator in self._translators:
            app.installTranslator(translator)


_LANGUAGE: Language | None = None


def language() -> Language:
    """The one language state of this process (created on first use, after the QApplication)."""
    global _LANGUAGE
    if _LANGUAGE is None:
        _LANGUAGE = Language()
    return _LANGUAGE


def side_name(side: str) -> str:
    return {
        "soviet": translate("Sides", "Soviet"),
        "mongolian": translate("Sides", "Mongolian"),
        "japanese": translate("Sides", "Japanese"),
        "manchukuo": translate("Sides", "Manchukuo"),
    }[side]


def naming_name(naming: str) -> str:
    return {"soviet": translate("Naming", "Soviet/Mongolian names"), "japanese": translate("Naming", "Japanese names")}[naming]


def naming_label(naming: str) -> str:
    """The switch's face: the battle's name on each side, which says what the switch does."""
    return {"soviet": translate("Naming", "Khalkhin Gol"), "japanese": translate("Naming", "Nomonhan")}[naming]
