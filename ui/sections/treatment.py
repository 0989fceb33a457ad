"""“Treatment”: lines of treatment as a timeline and a table; medications and supplements, with a
printable list."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from mbc_vault.cancer import vocab
from mbc_vault.cancer.models import Medication, TreatmentLine
from mbc_vault.cancer.printouts import write_medication_list_pdf

from ..forms.cancer_forms import medication_fields, treatment_line_fields
from ..vocab_labels import vocab_label
from ..widgets import ask_save_path
from ..workers import ExportRunner
from .base import SectionPage
from .entry_list import EntryListBox
from .timeline import TreatmentTimeline


class TreatmentSection(SectionPage):
    """One line of treatment after another, and everything taken today."""

    KINDS = (TreatmentLine.KIND, Medication.KIND)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.exports = ExportRunner(self.status_message.emit, self)
        layout = self.page(self.tr("Treatment"))
        body = self.body
        self.timeline = TreatmentTimeline(body)
        layout.addWidget(self.timeline)
        self.lines = EntryListBox(
            self.tr("Lines of treatment"),
            TreatmentLine.KIND,
            [
                (self.tr("Line"), lambda e: str(e.model.line_number or "")),
                (self.tr("Regimen"), lambda e: e.model.regimen),
                (self.tr("Started"), lambda e: e.model.start or ""),
                (self.tr("Stopped"), lambda e: e.model.stop or self.tr("ongoing")),
                (
                    self.tr("Setting"),
                    lambda e: (
                        vocab_label(vocab.SETTINGS, e.model.setting)
                        + (f" ({e.model.trial_id})" if e.model.trial_id else "")
                    ),
                ),
                (self.tr("Best response"), lambda e: vocab_label(vocab.RESPONSES, e.model.best_response)),
                (self.tr("Why stopped"), lambda e: vocab_label(vocab.STOP_REASONS, e.model.stop_reason)),
            ],
            lambda: treatment_line_fields(self._trial_options()),
            TreatmentLine,
            undo_stack,
            body,
        )
        self.timeline.line_clicked.connect(self._select_line)
        layout.addWidget(self.lines)
        self.medications = EntryListBox(
            self.tr("Medications and supplements"),
            Medication.KIND,
            [
                (self.tr("Name"), lambda e: e.model.name),
                (self.tr("Dose"), lambda e: e.model.dose),
                (self.tr("When"), lambda e: e.model.schedule),
                (self.tr("For"), lambda e: e.model.purpose),
                (self.tr("Kind"), lambda e: vocab_label(vocab.MEDICATION_KINDS, e.model.medication_kind)),
                (self.tr("Since"), lambda e: e.model.start or ""),
                (self.tr("Until"), lambda e: e.model.stop or ""),
            ],
            medication_fields,
            Medication,
            undo_stack,
            body,
            with_documents=False,
        )
        layout.addWidget(self.medications)
        row = QHBoxLayout()
        self.current_only = QCheckBox(self.tr("Show only what I take now"), body)
        self.current_only.setChecked(True)
        self.current_only.toggled.connect(lambda _: self.refresh())
        self.print_btn = QPushButton(self.tr("Save medication list as PDF…"), body)
        self.print_btn.setAccessibleName(self.tr("Save the medication list as a PDF to print"))
        self.print_btn.clicked.connect(self.save_medication_list)
        row.addWidget(self.current_only)
        row.addStretch(1)
        row.addWidget(self.print_btn)
        layout.addLayout(row)
        layout.addStretch(1)

    def refresh(self) -> None:
        cancer = self.session.cancer if self.session else None
        if cancer is None:
            self.timeline.set_entries([])
            self.lines.set_entries([])
            self.medications.set_entries([])
            self.print_btn.setEnabled(False)
            return
        lines = cancer.treatment_lines()
        self.timeline.set_entries(lines)
        self.lines.set_entries(lines)
        self.medications.set_entries(cancer.medications(current_only=self.current_only.isChecked()))
        self.print_btn.setEnabled(True)

    def _trial_options(self) -> dict[str, str]:
        if self.session is None or self.session.vault is None:
            return {}
        from mbc_vault.care.store import CarePlan

        return {e.id: e.model.title() for e in CarePlan(self.session.vault).trials()}

    def _select_line(self, record_id: str) -> None:
        for row, entry in enumerate(self.lines.model.entries()):
            if entry.id == record_id:
                self.lines.table.selectionModel().setCurrentIndex(
                    self.lines.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )

    def ask_pdf_path(self) -> str:
        """Where to save the list ('' if cancelled); the file is not encrypted, so say so."""
        return ask_save_path(
            self,
            self.tr("Save medication list"),
            "medication-list.pdf",
            "PDF (*.pdf)",
            caution=self.tr("The PDF will not be encrypted. Print it, then delete it if you do not need it."),
        )

    def save_medication_list(self) -> None:
        if self.session is None or self.session.cancer is None:
            return
        path = self.ask_pdf_path()
        if path:
            self.exports.run(
                write_medication_list_pdf,
                self.session.cancer,
                path,
                self.session.person_name,
                done=self.tr("Saved {0}.").format(path),
            )
