"""The fields of each cancer-record form (labels in plain words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mbc_vault.cancer import vocab

from .entry_form import FieldSpec


def diagnosis_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "first_diagnosis",
            QCoreApplication.translate("CancerForms", "First breast cancer diagnosis:"),
            "date",
        ),
        FieldSpec(
            "metastatic_diagnosis",
            QCoreApplication.translate("CancerForms", "Metastatic disease found:"),
            "date",
        ),
        FieldSpec(
            "presentation",
            QCoreApplication.translate("CancerForms", "De novo or recurrence:"),
            "choice",
            vocab.PRESENTATIONS,
        ),
        FieldSpec(
            "histology", QCoreApplication.translate("CancerForms", "Histology:"), "choice", vocab.HISTOLOGIES
        ),
        FieldSpec("histology_other", QCoreApplication.translate("CancerForms", "Histology (if other):")),
        FieldSpec("sex", QCoreApplication.translate("CancerForms", "Sex:"), "choice", vocab.SEXES),
    ]


def metastasis_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "site", QCoreApplication.translate("CancerForms", "Site:"), "choice", vocab.METASTASIS_SITES
        ),
        FieldSpec("site_other", QCoreApplication.translate("CancerForms", "Site (if other):")),
        FieldSpec("date_found", QCoreApplication.translate("CancerForms", "Date found:"), "date"),
        FieldSpec(
            "found_by",
            QCoreApplication.translate("CancerForms", "Shown by (scan or biopsy):"),
            hint=QCoreApplication.translate("CancerForms", "e.g. CT chest/abdomen/pelvis, liver biopsy"),
        ),
    ]


def biopsy_fields() -> list[FieldSpec]:
    pct = QCoreApplication.translate("CancerForms", "0 to 100")
    return [
        FieldSpec("date", QCoreApplication.translate("CancerForms", "Biopsy date:"), "date"),
        FieldSpec(
            "site",
            QCoreApplication.translate("CancerForms", "Where the biopsy was taken:"),
            "choice",
            vocab.BIOPSY_SITES,
        ),
        FieldSpec("site_other", QCoreApplication.translate("CancerForms", "Site (if other):")),
        FieldSpec(
            "er_status",
            QCoreApplication.translate("CancerForms", "ER (estrogen receptor):"),
            "choice",
            vocab.RECEPTOR_STATUS,
        ),
        FieldSpec("er_percent", QCoreApplication.translate("CancerForms", "ER percent:"), "number", hint=pct),
        FieldSpec(
            "pr_status",
            QCoreApplication.translate("CancerForms", "PR (progesterone receptor):"),
            "choice",
            vocab.RECEPTOR_STATUS,
        ),
        FieldSpec("pr_percent", QCoreApplication.translate("CancerForms", "PR percent:"), "number", hint=pct),
        FieldSpec(
            "her2_ihc", QCoreApplication.translate("CancerForms", "HER2 by IHC:"), "choice", vocab.HER2_IHC
        ),
        FieldSpec(
            "her2_ish",
            QCoreApplication.translate("CancerForms", "HER2 by ISH (FISH):"),
            "choice",
            vocab.HER2_ISH,
        ),
        FieldSpec(
            "ki67_percent", QCoreApplication.translate("CancerForms", "Ki-67 percent:"), "number", hint=pct
        ),
        FieldSpec(
            "pdl1",
            QCoreApplication.translate("CancerForms", "PD-L1:"),
            hint=QCoreApplication.translate("CancerForms", "as on the report, e.g. CPS 12"),
        ),
        FieldSpec("pik3ca", "PIK3CA:", "choice", vocab.MUTATION),
        FieldSpec("esr1", "ESR1:", "choice", vocab.MUTATION),
        FieldSpec(
            "germline_brca",
            QCoreApplication.translate("CancerForms", "Germline BRCA1/2:"),
            "choice",
            vocab.BRCA,
        ),
        FieldSpec("msi", "MSI-H / dMMR:", "choice", vocab.MSI),
        FieldSpec(
            "ntrk", QCoreApplication.translate("CancerForms", "NTRK fusion:"), "choice", vocab.MUTATION
        ),
        FieldSpec(
            "others",
            QCoreApplication.translate("CancerForms", "Other results:"),
            "multiline",
            hint=QCoreApplication.translate("CancerForms", "one per line, e.g. AKT1: not detected"),
        ),
    ]


def treatment_line_fields(trials: dict[str, str] | None = None) -> list[FieldSpec]:
    """*trials*: record id -> title of the clinical trials recorded, offered for the line to point to."""
    trial_field = (
        [
            FieldSpec(
                "trial_record",
                QCoreApplication.translate("CancerForms", "Part of the trial:"),
                "choice",
                trials,
            )
        ]
        if trials
        else []
    )
    return [
        FieldSpec("line_number", QCoreApplication.translate("CancerForms", "Line number:"), "int"),
        FieldSpec(
            "drugs",
            QCoreApplication.translate("CancerForms", "Drugs of the regimen:"),
            "list",
            suggestions=vocab.ALL_DRUGS,
        ),
        FieldSpec("start", QCoreApplication.translate("CancerForms", "Started:"), "date"),
        FieldSpec(
            "stop",
            QCoreApplication.translate("CancerForms", "Stopped:"),
            "date",
            hint=QCoreApplication.translate("CancerForms", "leave empty while you are still on it"),
        ),
        FieldSpec("setting", QCoreApplication.translate("CancerForms", "Setting:"), "choice", vocab.SETTINGS),
        FieldSpec(
            "trial_id",
            QCoreApplication.translate("CancerForms", "Clinical trial identifier:"),
            hint=QCoreApplication.translate("CancerForms", "e.g. NCT01234567"),
        ),
        *trial_field,
        FieldSpec(
            "best_response",
            QCoreApplication.translate("CancerForms", "Best response:"),
            "choice",
            vocab.RESPONSES,
        ),
        FieldSpec(
            "stop_reason",
            QCoreApplication.translate("CancerForms", "Reason stopped:"),
            "choice",
            vocab.STOP_REASONS,
        ),
        FieldSpec("stop_reason_other", QCoreApplication.translate("CancerForms", "Reason (if other):")),
    ]


def medication_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", QCoreApplication.translate("CancerForms", "Name:"), suggestions=vocab.ALL_DRUGS),
        FieldSpec(
            "dose",
            QCoreApplication.translate("CancerForms", "Dose:"),
            hint=QCoreApplication.translate("CancerForms", "e.g. 2.5 mg"),
        ),
        FieldSpec(
            "schedule",
            QCoreApplication.translate("CancerForms", "When and how often:"),
            hint=QCoreApplication.translate("CancerForms", "e.g. once a day with food"),
        ),
        FieldSpec(
            "route",
            QCoreApplication.translate("CancerForms", "How it is taken:"),
            hint=QCoreApplication.translate("CancerForms", "e.g. by mouth, injection, infusion"),
        ),
        FieldSpec(
            "medication_kind",
            QCoreApplication.translate("CancerForms", "Kind:"),
            "choice",
            vocab.MEDICATION_KINDS,
        ),
        FieldSpec("purpose", QCoreApplication.translate("CancerForms", "What it is for:")),
        FieldSpec("prescriber", QCoreApplication.translate("CancerForms", "Prescribed by:")),
        FieldSpec("start", QCoreApplication.translate("CancerForms", "Started:"), "date"),
        FieldSpec("stop", QCoreApplication.translate("CancerForms", "Stopped:"), "date"),
        FieldSpec(
            "cancer_related",
            QCoreApplication.translate("CancerForms", "Part of my cancer treatment:"),
            "check",
        ),
    ]
