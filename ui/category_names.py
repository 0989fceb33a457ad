"""Category names shown in the app, marked for translation (the core keeps English labels)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mbc_vault.categories import label_of

from .i18n import QT_TRANSLATE_NOOP

_NAMES = [
    QT_TRANSLATE_NOOP("Categories", "Pathology report"),
    QT_TRANSLATE_NOOP("Categories", "Imaging report"),
    QT_TRANSLATE_NOOP("Categories", "Lab result"),
    QT_TRANSLATE_NOOP("Categories", "Genomic test"),
    QT_TRANSLATE_NOOP("Categories", "Treatment plan"),
    QT_TRANSLATE_NOOP("Categories", "Operative report"),
    QT_TRANSLATE_NOOP("Categories", "Discharge summary"),
    QT_TRANSLATE_NOOP("Categories", "Clinical note"),
    QT_TRANSLATE_NOOP("Categories", "Other medical record"),
    QT_TRANSLATE_NOOP("Categories", "Will"),
    QT_TRANSLATE_NOOP("Categories", "Living will"),
    QT_TRANSLATE_NOOP("Categories", "Power of attorney"),
    QT_TRANSLATE_NOOP("Categories", "Advance directive"),
    QT_TRANSLATE_NOOP("Categories", "Health care proxy"),
    QT_TRANSLATE_NOOP("Categories", "POLST / DNR order"),
    QT_TRANSLATE_NOOP("Categories", "Insurance policy"),
    QT_TRANSLATE_NOOP("Categories", "Financial document"),
    QT_TRANSLATE_NOOP("Categories", "Employment document"),
    QT_TRANSLATE_NOOP("Categories", "Appointment"),
    QT_TRANSLATE_NOOP("Categories", "Questions"),
    QT_TRANSLATE_NOOP("Categories", "Care team contact"),
    QT_TRANSLATE_NOOP("Categories", "People to tell"),
    QT_TRANSLATE_NOOP("Categories", "Care priorities"),
    QT_TRANSLATE_NOOP("Categories", "Other care note"),
]


def category_label(slug: str) -> str:
    """The translated name of a category."""
    return QCoreApplication.translate("Categories", label_of(slug))
