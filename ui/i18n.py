"""The window's language: Qt translators for the chosen language, and ``translate`` for the code.

Convention (docs/translations.md): every user-visible string in ui/ is written as
``translate("Context", "text")`` (pyside6-lupdate extracts that call from Python); text that app/
defines is marked there with ``app.i18n.N_`` and shown through :func:`translate` with the same
context. The language is the system's unless View › Language chose one; a choice applies when
RAMLens next starts.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "resources" / "i18n"
SETTING = "view/language"


class Language(enum.Enum):
    """The choices of View › Language; the value is what the settings file holds."""

    SYSTEM = "system"
    ENGLISH = "en"
    CHINESE_SIMPLIFIED = "zh_CN"


# Shown in each language's own words, as language menus do, so a person can find theirs.
NATIVE_NAMES = {Language.ENGLISH: "English", Language.CHINESE_SIMPLIFIED: "简体中文"}


def translate(context: str, text: str) -> str:
    """``text`` in the window's language (itself when there is no translation)."""
    return QCoreApplication.translate(context, text)


def chosen_language(settings: QSettings) -> Language:
    """What View › Language holds; System for nothing or anything unknown."""
    try:
        return Language(str(settings.value(SETTING, Language.SYSTEM.value)))
    except ValueError:
        return Language.SYSTEM


def effective_locale(choice: Language, system: QLocale | None = None) -> QLocale:
    """The locale the window speaks: the chosen one, or the system's (``system``, else Qt's)."""
    if choice is Language.SYSTEM:
        return system if system is not None else QLocale.system()
    return QLocale(choice.value)


def qm_file(locale: QLocale) -> Path | None:
    """RAMLens's compiled translation for ``locale``, or None when it has none (English)."""
    for name in locale.uiLanguages() or [locale.name()]:
        path = I18N_DIR / f"ramlens_{name.replace('-', '_')}.qm"
        if path.exists():
            return path
    return None


# The translators installed now; Qt does not own them, so they are kept alive here.
_INSTALLED: list[QTranslator] = []


def install(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Install RAMLens's and Qt's own translators for ``locale`` in place of earlier ones; returns them."""
    for old in _INSTALLED:
        QCoreApplication.removeTranslator(old)
    _INSTALLED.clear()
    installed: list[QTranslator] = []
    ours = qm_file(locale)
    if ours is None:
        return installed
    mine = QTranslator(app)
    if mine.load(str(ours)):
        installed.append(mine)
    qt = QTranslator(app)  # Qt's own dialogs and buttons (Cancel, Yes …), from the wheel's translations
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for translator in installed:
        QCoreApplication.installTranslator(translator)
    _INSTALLED.extend(installed)
    return installed
