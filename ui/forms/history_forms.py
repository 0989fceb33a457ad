"""The fields of the health history's forms (allergies, conditions, procedures, radiation,
immunizations, “About me”), in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mbc_vault.history import vocab

from .entry_form import FieldSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryForms", text)


def allergy_fields() -> list[FieldSpec]:
    return [
        FieldSpec("no_known", _tr("No known allergies:"), "check"),
        FieldSpec("substance", _tr("Substance:"), hint=_tr("e.g. penicillin, peanuts, latex")),
        FieldSpec("reaction", _tr("Reaction:"), hint=_tr("e.g. rash, swelling, nausea")),
        FieldSpec("allergy_kind", _tr("Allergy or intolerance:"), "choice", vocab.ALLERGY_KINDS),
        FieldSpec("category", _tr("Kind of substance:"), "choice", vocab.ALLERGY_CATEGORIES),
        FieldSpec("severity", _tr("Severity:"), "choice", vocab.SEVERITIES),
        FieldSpec("status", _tr("Status:"), "choice", vocab.ALLERGY_STATUS),
        FieldSpec("onset", _tr("Date it started:"), "date"),
        FieldSpec("notes", _tr("Notes:"), "multiline"),
    ]


def condition_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", _tr("Condition:"), hint=_tr("e.g. high blood pressure, diabetes, asthma")),
        FieldSpec("onset", _tr("Date it started:"), "date"),
        FieldSpec("abated", _tr("Date it ended:"), "date"),
        FieldSpec("status", _tr("Status:"), "choice", vocab.CONDITION_STATUS),
        FieldSpec("notes", _tr("Notes:"), "multiline"),
    ]


def procedure_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "name", _tr("Surgery or procedure:"), hint=_tr("e.g. lumpectomy, mastectomy, port placement")
        ),
        FieldSpec("date", _tr("Date:"), "date"),
        FieldSpec("side", _tr("Side:"), "choice", vocab.SIDES),
        FieldSpec("lymph_nodes", _tr("Lymph-node procedure:"), "choice", vocab.LYMPH_NODE_PROCEDURES),
        FieldSpec("lymph_nodes_other", _tr("Lymph-node procedure (if other):")),
        FieldSpec("place", _tr("Where:")),
        FieldSpec("surgeon", _tr("Surgeon:")),
        FieldSpec("notes", _tr("Notes:"), "multiline"),
    ]


def radiation_fields() -> list[FieldSpec]:
    return [
        FieldSpec("site", _tr("Site:"), hint=_tr("where the radiation was aimed, e.g. left breast, spine")),
        FieldSpec("total_dose_gy", _tr("Total dose (Gy):"), "number", hint=_tr("e.g. 40.05")),
        FieldSpec("fractions", _tr("Number of sessions (fractions):"), "int"),
        FieldSpec("start", _tr("Start date:"), "date"),
        FieldSpec("stop", _tr("End date:"), "date"),
        FieldSpec("intent", _tr("Purpose:"), "choice", vocab.RADIATION_INTENTS),
        FieldSpec("technique", _tr("Technique:"), hint=_tr("e.g. IMRT, SBRT, protons")),
        FieldSpec("place", _tr("Where:")),
        FieldSpec("notes", _tr("Notes:"), "multiline"),
    ]


def immunization_fields() -> list[FieldSpec]:
    return [
        FieldSpec("vaccine", _tr("Vaccine:"), hint=_tr("e.g. flu, COVID-19, shingles")),
        FieldSpec("date", _tr("Date:"), "date"),
        FieldSpec("dose_number", _tr("Dose:"), hint=_tr("e.g. 2 of 2, booster")),
        FieldSpec("place", _tr("Where:")),
        FieldSpec("notes", _tr("Notes:"), "multiline"),
    ]


def details_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", _tr("Name printed on the packet:")),
        FieldSpec("date_of_birth", _tr("Date of birth:"), "date"),
    ]
