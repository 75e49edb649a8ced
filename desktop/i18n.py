"""Languages: Dutch by default (the source strings), English from a shipped translation.

Qt's own strings (standard buttons, file dialogs) come from Qt's translations.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"


def translation_dir() -> Path:
    return Path(str(resources.files("desktop").joinpath("i18n")))


# Translators belong to the application, not to one Translations object: whichever object switches
# the language removes what any other installed before (a second window, a test after another).
_installed: list[QTranslator] = []


class Translations:
    """Installs and swaps the translators of the running application."""

    def __init__(self) -> None:
        self.language = DEFAULT_LANGUAGE

    def apply(self, language: str) -> str:
        """Switch to a language ('nl' or 'en'); widgets get a LanguageChange event. Returns it."""
        language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        for translator in _installed:
            QCoreApplication.removeTranslator(translator)
        _installed.clear()
        qt = QTranslator()
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        if language != DEFAULT_LANGUAGE:
            ours = QTranslator()
            if ours.load(f"horizonscan_{language}", str(translation_dir())):
                _installed.append(ours)
        for translator in _installed:
            QCoreApplication.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English,
                                   QLocale.Country.Netherlands if language == "nl" else QLocale.Country.UnitedKingdom))
        self.language = language
        return language
