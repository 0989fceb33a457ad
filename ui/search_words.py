"""The app's words for a search hit: what kind of record it is and where it belongs ("Question ·
Appointment on 2026-12-06", "Medication", "Document · Pathology report · page 3"), translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mbc_vault.search import HitContext, SearchHit

from .category_names import category_label
from .i18n import QT_TRANSLATE_NOOP

#: a hit's kind (an entry kind of mbc_vault/categories.py, "question" or "document") in a few words
KIND_WORDS = {
    "document": QT_TRANSLATE_NOOP("SearchHits", "Document"),
    "diagnosis": QT_TRANSLATE_NOOP("SearchHits", "Diagnosis"),
    "metastasis": QT_TRANSLATE_NOOP("SearchHits", "Site of metastasis"),
    "biopsy": QT_TRANSLATE_NOOP("SearchHits", "Biopsy and biomarkers"),
    "treatment-line": QT_TRANSLATE_NOOP("SearchHits", "Line of treatment"),
    "medication": QT_TRANSLATE_NOOP("SearchHits", "Medication"),
    "symptom": QT_TRANSLATE_NOOP("SearchHits", "Symptom"),
    "lab-value": QT_TRANSLATE_NOOP("SearchHits", "Lab value"),
    "clinical-trial": QT_TRANSLATE_NOOP("SearchHits", "Clinical trial"),
    "packet": QT_TRANSLATE_NOOP("SearchHits", "Second-opinion packet"),
    "appointment": QT_TRANSLATE_NOOP("SearchHits", "Appointment"),
    "question-list": QT_TRANSLATE_NOOP("SearchHits", "Question list"),
    "question": QT_TRANSLATE_NOOP("SearchHits", "Question"),
    "contact": QT_TRANSLATE_NOOP("SearchHits", "Care team member"),
    "person-to-tell": QT_TRANSLATE_NOOP("SearchHits", "Person to tell"),
    "care-priorities": QT_TRANSLATE_NOOP("SearchHits", "My care priorities"),
    "legal-item": QT_TRANSLATE_NOOP("SearchHits", "Legal or planning paper"),
    "patient-details": QT_TRANSLATE_NOOP("SearchHits", "About me"),
    "allergy": QT_TRANSLATE_NOOP("SearchHits", "Allergy or intolerance"),
    "condition": QT_TRANSLATE_NOOP("SearchHits", "Other condition"),
    "procedure": QT_TRANSLATE_NOOP("SearchHits", "Surgery or procedure"),
    "radiation": QT_TRANSLATE_NOOP("SearchHits", "Radiation"),
    "immunization": QT_TRANSLATE_NOOP("SearchHits", "Immunization"),
    "visit": QT_TRANSLATE_NOOP("SearchHits", "Past visit"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchHits", text)


def kind_word(kind: str) -> str:
    """The translated name of a hit's kind ("Medication"); an unknown kind as "Record"."""
    return _tr(KIND_WORDS.get(kind, QT_TRANSLATE_NOOP("SearchHits", "Record")))


def context_words(context: HitContext) -> str:
    """Where an entry belongs: "Appointment on 2026-12-06", or "Question list: Port check"."""
    if context.date:
        return QCoreApplication.translate("SearchHits", "{0} on {1}").format(
            kind_word(context.kind), context.date
        )
    if context.title:
        return QCoreApplication.translate("SearchHits", "{0}: {1}").format(
            kind_word(context.kind), context.title
        )
    return kind_word(context.kind)


def where_words(hit: SearchHit) -> str:
    """A hit's kind and place, in one line: "Question · Appointment on 2026-12-06", "Medication",
    "Document · Pathology report · page 3"."""
    parts = [kind_word(hit.kind)]
    if hit.kind == "document":
        parts.append(category_label(hit.category))
        parts.append(
            QCoreApplication.translate("SearchHits", "page {0}").format(hit.page)
            if hit.page
            else QCoreApplication.translate("SearchHits", "title, tags or notes")
        )
    elif hit.kind == "question" and hit.context is not None:
        parts.append(context_words(hit.context))
    return " · ".join(parts)
