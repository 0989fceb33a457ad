"""QT_TRANSLATE_NOOP with a type: marks an English string for translation and returns it unchanged.

PySide6 types its own QT_TRANSLATE_NOOP as taking and returning `object`; the app's tables of marked
strings are `str`. lupdate finds the calls by this name, so the strings still reach the .ts file;
`self.tr(text)` or `QCoreApplication.translate(context, text)` looks the translation up when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """*text* itself, marked for lupdate under *context*."""
    return text


def app_language() -> str:
    """The language the app speaks ("en", "es"): the code the loaded translation gives for itself,
    so words, the guide and dates always agree, whatever the computer's own language is."""
    # TRANSLATORS: the language code of this translation (ISO 639-1), e.g. "es"
    return QCoreApplication.translate("Language", "en")


def app_locale() -> QLocale:
    """The locale for dates and month names in the app's language: the computer's own locale when it is
    in that language (its territory's date order), else that language's usual one."""
    system = QLocale.system()
    language = app_language()
    return system if system.name().split("_")[0] == language else QLocale(language)
