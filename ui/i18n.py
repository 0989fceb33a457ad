"""QT_TRANSLATE_NOOP with a type: marks an English string for translation and returns it unchanged.

PySide6 types its own QT_TRANSLATE_NOOP as taking and returning `object`; the app's tables of marked
strings are `str`. lupdate finds the calls by this name, so the strings still reach the .ts file;
`self.tr(text)` or `QCoreApplication.translate(context, text)` looks the translation up when shown.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """*text* itself, marked for lupdate under *context*."""
    return text
