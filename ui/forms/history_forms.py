"""The fields of the health history's forms (allergies, conditions, procedures, radiation,
immunizations, past visits, “About me”), in plain words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mbc_vault.history import vocab

from .entry_form import FieldSpec


def allergy_fields() -> list[FieldSpec]:
    return [
        FieldSpec("no_known", QCoreApplication.translate("HistoryForms", "No known allergies:"), "check"),
        FieldSpec(
            "substance",
            QCoreApplication.translate("HistoryForms", "Substance:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. penicillin, peanuts, latex"),
        ),
        FieldSpec(
            "reaction",
            QCoreApplication.translate("HistoryForms", "Reaction:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. rash, swelling, nausea"),
        ),
        FieldSpec(
            "allergy_kind",
            QCoreApplication.translate("HistoryForms", "Allergy or intolerance:"),
            "choice",
            vocab.ALLERGY_KINDS,
        ),
        FieldSpec(
            "category",
            QCoreApplication.translate("HistoryForms", "Kind of substance:"),
            "choice",
            vocab.ALLERGY_CATEGORIES,
        ),
        FieldSpec(
            "severity", QCoreApplication.translate("HistoryForms", "Severity:"), "choice", vocab.SEVERITIES
        ),
        FieldSpec(
            "status", QCoreApplication.translate("HistoryForms", "Status:"), "choice", vocab.ALLERGY_STATUS
        ),
        FieldSpec("onset", QCoreApplication.translate("HistoryForms", "Date it started:"), "date"),
        FieldSpec("notes", QCoreApplication.translate("HistoryForms", "Notes:"), "multiline"),
    ]


def condition_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "name",
            QCoreApplication.translate("HistoryForms", "Condition:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. high blood pressure, diabetes, asthma"),
        ),
        FieldSpec("onset", QCoreApplication.translate("HistoryForms", "Date it started:"), "date"),
        FieldSpec("abated", QCoreApplication.translate("HistoryForms", "Date it ended:"), "date"),
        FieldSpec(
            "status", QCoreApplication.translate("HistoryForms", "Status:"), "choice", vocab.CONDITION_STATUS
        ),
        FieldSpec("notes", QCoreApplication.translate("HistoryForms", "Notes:"), "multiline"),
    ]


def procedure_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "name",
            QCoreApplication.translate("HistoryForms", "Surgery or procedure:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. lumpectomy, mastectomy, port placement"),
        ),
        FieldSpec("date", QCoreApplication.translate("HistoryForms", "Date:"), "date"),
        FieldSpec("side", QCoreApplication.translate("HistoryForms", "Side:"), "choice", vocab.SIDES),
        FieldSpec(
            "lymph_nodes",
            QCoreApplication.translate("HistoryForms", "Lymph-node procedure:"),
            "choice",
            vocab.LYMPH_NODE_PROCEDURES,
        ),
        FieldSpec(
            "lymph_nodes_other",
            QCoreApplication.translate("HistoryForms", "Lymph-node procedure (if other):"),
        ),
        FieldSpec("place", QCoreApplication.translate("HistoryForms", "Where:")),
        FieldSpec("surgeon", QCoreApplication.translate("HistoryForms", "Surgeon:")),
        FieldSpec("notes", QCoreApplication.translate("HistoryForms", "Notes:"), "multiline"),
    ]


def radiation_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "site",
            QCoreApplication.translate("HistoryForms", "Site:"),
            hint=QCoreApplication.translate(
                "HistoryForms", "where the radiation was aimed, e.g. left breast, spine"
            ),
        ),
        FieldSpec(
            "total_dose_gy",
            QCoreApplication.translate("HistoryForms", "Total dose (Gy):"),
            "number",
            hint=QCoreApplication.translate("HistoryForms", "e.g. 40.05"),
        ),
        FieldSpec(
            "fractions", QCoreApplication.translate("HistoryForms", "Number of sessions (fractions):"), "int"
        ),
        FieldSpec("start", QCoreApplication.translate("HistoryForms", "Start date:"), "date"),
        FieldSpec("stop", QCoreApplication.translate("HistoryForms", "End date:"), "date"),
        FieldSpec(
            "intent",
            QCoreApplication.translate("HistoryForms", "Purpose:"),
            "choice",
            vocab.RADIATION_INTENTS,
        ),
        FieldSpec(
            "technique",
            QCoreApplication.translate("HistoryForms", "Technique:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. IMRT, SBRT, protons"),
        ),
        FieldSpec("place", QCoreApplication.translate("HistoryForms", "Where:")),
        FieldSpec("notes", QCoreApplication.translate("HistoryForms", "Notes:"), "multiline"),
    ]


def immunization_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "vaccine",
            QCoreApplication.translate("HistoryForms", "Vaccine:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. flu, COVID-19, shingles"),
        ),
        FieldSpec("date", QCoreApplication.translate("HistoryForms", "Date:"), "date"),
        FieldSpec(
            "dose_number",
            QCoreApplication.translate("HistoryForms", "Dose:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. 2 of 2, booster"),
        ),
        FieldSpec("place", QCoreApplication.translate("HistoryForms", "Where:")),
        FieldSpec("notes", QCoreApplication.translate("HistoryForms", "Notes:"), "multiline"),
    ]


def visit_fields() -> list[FieldSpec]:
    return [
        FieldSpec("date", QCoreApplication.translate("HistoryForms", "Date:"), "date"),
        FieldSpec(
            "time",
            QCoreApplication.translate("HistoryForms", "Time:"),
            hint=QCoreApplication.translate(
                "HistoryForms", "24-hour clock, e.g. 09:30 or 14:15; leave empty if you do not know"
            ),
        ),
        FieldSpec(
            "visit_type",
            QCoreApplication.translate("HistoryForms", "Kind of visit:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. oncology follow-up, chemotherapy infusion"),
        ),
        FieldSpec(
            "reason",
            QCoreApplication.translate("HistoryForms", "Reason:"),
            hint=QCoreApplication.translate("HistoryForms", "e.g. scan results, new pain"),
        ),
        FieldSpec("place", QCoreApplication.translate("HistoryForms", "Where:")),
        FieldSpec("clinician", QCoreApplication.translate("HistoryForms", "With whom:")),
        FieldSpec("notes", QCoreApplication.translate("HistoryForms", "Notes:"), "multiline"),
    ]


def details_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", QCoreApplication.translate("HistoryForms", "Name printed on the packet:")),
        FieldSpec("date_of_birth", QCoreApplication.translate("HistoryForms", "Date of birth:"), "date"),
    ]
