"""Step 1 of the packet wizard: what second-opinion centers usually ask for, ticked from the vault, with
plain warnings for gaps (build_checklist) and the page that shows it (ChecklistPage)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QWidget,
    QWizardPage,
)

from mbc_vault.cancer import vocab
from mbc_vault.cancer.store import CancerRecord
from mbc_vault.categories import scope_of
from mbc_vault.history.store import HealthHistory
from mbc_vault.visibility import can_see

from ..reflow import fit_list_height, scroll_body, show_all_rows
from ..vocab_labels import vocab_label
from ..widgets import heading, note
from . import STEPS

IMAGING_DAYS = 92  # "the last 3 months"
LABS_DAYS = 31  # "the last month"
BREAST_SITES = ("primary-breast", "breast-recurrence")
translate = QCoreApplication.translate


@dataclass
class ChecklistItem:
    key: str
    label: str
    found: bool  # the vault holds it
    detail: str  # what was found, or what to do
    warning: str = ""  # a gap worth fixing before sending, in plain words
    optional: bool = False  # only some people have it (operative reports, discharge summaries)
    recent: bool = True  # False: held, but older than centers ask for (imaging, labs)


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _count(n: int) -> str:
    if n == 1:
        return translate("PacketChecklist", "1 in the vault")
    return translate("PacketChecklist", "{0} in the vault").format(n)


def _newest(records: list[Any]) -> str:
    if records and records[0].date:
        return translate("PacketChecklist", "newest from {0}").format(records[0].date)
    return _count(len(records))


def _care_counts(lines: int, surgeries: int, radiation: int) -> str:
    """What the care received holds, e.g. "3 lines of treatment, 1 surgery, 1 radiation course"."""
    parts = []
    if lines:
        parts.append(
            translate("PacketChecklist", "1 line of treatment")
            if lines == 1
            else translate("PacketChecklist", "{0} lines of treatment").format(lines)
        )
    if surgeries:
        parts.append(
            translate("PacketChecklist", "1 surgery")
            if surgeries == 1
            else translate("PacketChecklist", "{0} surgeries").format(surgeries)
        )
    if radiation:
        parts.append(
            translate("PacketChecklist", "1 radiation course")
            if radiation == 1
            else translate("PacketChecklist", "{0} radiation courses").format(radiation)
        )
    return ", ".join(parts)


def _history_items(vault: Any, lines: int) -> list[ChecklistItem]:
    """Care received (lines, surgeries, radiation) and allergies, for someone who holds the medical
    part where they are kept (to anyone else the vault shows none, and asking them to add some would
    be wrong)."""
    if not can_see(vault.person, scope_of("allergy")):
        return []
    history = HealthHistory(vault)
    surgeries, radiation = len(history.procedures()), len(history.radiation())
    care = bool(lines or surgeries or radiation)
    items = [
        ChecklistItem(
            "care",
            translate("PacketChecklist", "Care received so far"),
            care,
            _care_counts(lines, surgeries, radiation)
            if care
            else translate(
                "PacketChecklist",
                "add treatments under “Treatment”, surgery and radiation under “Health history”",
            ),
            optional=True,  # nobody has had care before their first treatment
        )
    ]
    allergies = [e.model for e in history.allergies()]
    known = [a for a in allergies if not a.no_known]
    if known:
        detail, warning = _count(len(known)), ""
    elif allergies:
        detail, warning = translate("PacketChecklist", "no known allergies"), ""
    else:
        detail = translate("PacketChecklist", "add them under “Health history”")
        warning = translate(
            "PacketChecklist",
            "No allergies recorded: add them, or say there are none, under “Health history”.",
        )
    items.append(
        ChecklistItem(
            "allergies", translate("PacketChecklist", "Allergies"), bool(allergies), detail, warning
        )
    )
    return items


def build_checklist(vault: Any, today: dt.date | None = None) -> list[ChecklistItem]:
    """The checklist for *vault* (documents and the structured record) as of *today*."""
    today = today or dt.date.today()
    docs = {
        category: vault.records(category=category)
        for category in (
            "pathology-report",
            "treatment-plan",
            "operative-report",
            "discharge-summary",
            "imaging-report",
            "lab-result",
            "genomic-test",
        )
    }
    record = CancerRecord(vault)
    diagnosis = record.diagnosis()
    lines = record.treatment_lines()
    medications = record.medications(current_only=True)
    items: list[ChecklistItem] = []

    # pathology: every biopsy outside the breast needs its report; something on/after the metastatic diagnosis
    pathology = docs["pathology-report"]
    pathology_ids = {r.id for r in pathology}
    warning = ""
    for entry in record.biopsies():
        model = entry.model
        if model.site and model.site not in BREAST_SITES and not (set(entry.record.links) & pathology_ids):
            site = vocab_label(vocab.BIOPSY_SITES, model.site, model.site_other)
            warning = translate(
                "PacketChecklist", "No pathology report from the metastatic biopsy ({0}, {1})."
            ).format(site.lower(), model.date or translate("PacketChecklist", "date not recorded"))
            break
    metastatic = _date(diagnosis.model.metastatic_diagnosis) if diagnosis else None
    if (
        not warning
        and metastatic is not None
        and not any((_date(r.date) or dt.date.min) >= metastatic for r in pathology)
    ):
        warning = translate(
            "PacketChecklist",
            "No pathology report from the metastatic biopsy (nothing dated on or after {0}).",
        ).format(metastatic.isoformat())
    if not pathology:
        warning = translate(
            "PacketChecklist", "No pathology reports yet. Ask the hospital where your biopsies were done."
        )
    items.append(
        ChecklistItem(
            "pathology",
            translate("PacketChecklist", "Pathology reports"),
            bool(pathology),
            _count(len(pathology)),
            warning,
        )
    )

    plans = docs["treatment-plan"]
    warning = (
        ""
        if plans
        else translate(
            "PacketChecklist", "No treatment plan. Ask your oncologist for your current treatment plan."
        )
    )
    current = [e for e in lines if not e.model.stop and e.model.start]
    if plans and current:
        newest, started = _date(plans[0].date), _date(current[0].model.start)
        if newest and started and newest < started:
            warning = translate(
                "PacketChecklist",
                "The newest treatment plan ({0}) is older than your current treatment (started {1}).",
            ).format(newest.isoformat(), started.isoformat())
    items.append(
        ChecklistItem(
            "plan",
            translate("PacketChecklist", "Current treatment plan"),
            bool(plans),
            _newest(plans),
            warning,
        )
    )

    has_summary = diagnosis is not None or bool(lines)
    if has_summary:
        detail, warning = translate("PacketChecklist", "made from “My cancer” and “Treatment”"), ""
    else:
        detail = translate("PacketChecklist", "fill in “My cancer” and “Treatment” to add one")
        warning = translate(
            "PacketChecklist", "No care summary: “My cancer” has no diagnosis or treatment yet."
        )
    items.append(
        ChecklistItem("summary", translate("PacketChecklist", "Care summary"), has_summary, detail, warning)
    )

    for key, category, label, hint in (
        (
            "operative",
            "operative-report",
            translate("PacketChecklist", "Operative reports"),
            translate("PacketChecklist", "only if you had surgery"),
        ),
        (
            "discharge",
            "discharge-summary",
            translate("PacketChecklist", "Discharge summaries"),
            translate("PacketChecklist", "only if you stayed in hospital"),
        ),
    ):
        found = docs[category]
        items.append(
            ChecklistItem(key, label, bool(found), _count(len(found)) if found else hint, optional=True)
        )

    for key, category, label, days, gap, none in (
        (
            "imaging",
            "imaging-report",
            translate("PacketChecklist", "Imaging reports"),
            IMAGING_DAYS,
            translate(
                "PacketChecklist", "No imaging report from the last 3 months (the newest is from {0})."
            ),
            translate("PacketChecklist", "No imaging reports yet."),
        ),
        (
            "labs",
            "lab-result",
            translate("PacketChecklist", "Recent lab results"),
            LABS_DAYS,
            translate("PacketChecklist", "No lab results from the last month (the newest are from {0})."),
            translate("PacketChecklist", "No lab results yet."),
        ),
    ):
        found = docs[category]
        newest = _date(found[0].date) if found else None
        if not found:
            warning = none
        elif newest is None:
            warning = gap.format(translate("PacketChecklist", "an unknown date"))
        else:
            warning = gap.format(newest.isoformat()) if (today - newest).days > days else ""
        recent = bool(found) and not warning
        items.append(ChecklistItem(key, label, bool(found), _newest(found), warning, recent=recent))

    genomic = docs["genomic-test"]
    items.append(
        ChecklistItem(
            "genomic",
            translate("PacketChecklist", "Genomic tests"),
            bool(genomic),
            _count(len(genomic)),
            ""
            if genomic
            else translate(
                "PacketChecklist",
                "No genomic test report (tumor or "
                "liquid biopsy sequencing). If you had one, ask for the "
                "full report.",
            ),
        )
    )

    history = _history_items(vault, len(lines))
    items.extend(item for item in history if item.key == "care")
    if medications:
        detail = translate("PacketChecklist", "{0} taken now, in the care summary").format(len(medications))
        warning = ""
    else:
        detail = translate("PacketChecklist", "add them under “Treatment”")
        warning = translate("PacketChecklist", "No current medications recorded.")
    items.append(
        ChecklistItem(
            "medications", translate("PacketChecklist", "Medication list"), bool(medications), detail, warning
        )
    )
    items.extend(item for item in history if item.key == "allergies")
    return items


class ChecklistPage(QWizardPage):
    """What second-opinion centers usually ask for, ticked from the vault, with what is missing."""

    def __init__(self, vault: Any, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        layout = scroll_body(self)  # at 200 % text the page scrolls and the checklist shows every row
        layout.addWidget(
            heading(self.tr("Step {0} of {1}: what centers usually ask for").format(1, STEPS), self, 1.5)
        )
        layout.addWidget(
            note(
                self.tr(
                    "A second-opinion center usually asks for these records. Here is what your "
                    "vault already holds."
                ),
                self,
            )
        )
        self.checklist = QListWidget(self)
        self.checklist.setAccessibleName(self.tr("Checklist of records centers usually ask for"))
        self.checklist.setWordWrap(True)
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checklist.setSpacing(3)
        show_all_rows(self.checklist)
        layout.addWidget(self.checklist, 1)
        self.warnings = note("", self, "warning")
        self.warnings.setAccessibleName(self.tr("What is missing"))
        layout.addWidget(self.warnings)
        self.reminder = note(
            self.tr(
                "Good to know: centers usually need records in English (ask for translations early), and "
                "they need the scans themselves on a disc (CD or DVD) from the imaging department, not only "
                "the reports. Pathology slides or blocks are sent by the hospital that keeps them."
            ),
            self,
        )
        layout.addWidget(self.reminder)
        self.items: list[ChecklistItem] = []
        self.refresh(today)

    def refresh(self, today: dt.date | None = None) -> None:
        self.items = build_checklist(self.vault, today)
        self.checklist.clear()
        for item in self.items:
            # words, not checkboxes: the vault decides what is there, nobody ticks it by hand
            if item.found and item.recent:
                state = self.tr("in the vault")
            elif item.found:
                state = self.tr("in the vault, but not recent")
            elif item.optional:
                state = self.tr("not in the vault")
            else:
                state = self.tr("missing")
            row = QListWidgetItem(f"{item.label} ({state}): {item.detail}", self.checklist)
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            row.setData(Qt.ItemDataRole.UserRole, item.key)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.label}, {state}: {item.detail}")
            if not item.optional and not (item.found and item.recent):
                row.setForeground(QColor("#8a1c00"))
            elif item.optional and not item.found:
                row.setForeground(QColor("#4a5560"))
        fit_list_height(self.checklist)
        warnings = [item.warning for item in self.items if item.warning]
        self.warnings.setText(
            self.tr("Worth asking for before you send:") + "\n" + "\n".join(f"•  {w}" for w in warnings)
            if warnings
            else ""
        )
        self.warnings.setVisible(bool(warnings))

    def warning_texts(self) -> list[str]:
        return [item.warning for item in self.items if item.warning]
