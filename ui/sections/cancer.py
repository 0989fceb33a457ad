"""“My cancer”: the diagnosis, the sites of metastasis, and biomarkers per biopsy with the subtype."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from mbc_vault.cancer import derive, vocab
from mbc_vault.cancer.models import Biopsy, Diagnosis, Metastasis

from ..entry_commands import SaveEntryCommand
from ..forms.cancer_forms import biopsy_fields, diagnosis_fields, metastasis_fields
from ..forms.entry_form import EntryFormDialog
from ..vocab_labels import entry_title, vocab_label
from ..widgets import note
from .base import SectionPage
from .entry_list import EntryListBox


def _site(sites: dict[str, str], model: Metastasis | Biopsy) -> str:
    return model.site_other if model.site == "other" else vocab_label(sites, model.site)


def _receptor(status: str, percent: float | None) -> str:
    text = vocab_label(vocab.RECEPTOR_STATUS, status)
    if percent is not None:
        text = f"{text} {percent:g}%".strip()
    return text


def _her2(b: Biopsy) -> str:
    parts = [vocab_label(vocab.HER2_IHC, b.her2_ihc)] if b.her2_ihc else []
    if b.her2_ish and b.her2_ish != "not-done":
        parts.append(vocab_label(vocab.HER2_ISH, b.her2_ish))
    return ", ".join(parts)


class CancerSection(SectionPage):
    """Diagnosis, metastases and biopsies; points out when a metastasis differs from the primary."""

    KINDS = (Diagnosis.KIND, Metastasis.KIND, Biopsy.KIND)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        layout = self.page(self.tr("My cancer"))
        body = self.body
        row = QHBoxLayout()
        self.diagnosis_text = note(self.tr("No diagnosis recorded yet."), body)
        self.diagnosis_btn = QPushButton(self.tr("Edit diagnosis…"), body)
        self.diagnosis_btn.setAccessibleName(self.tr("Edit the diagnosis"))
        self.diagnosis_btn.clicked.connect(self.edit_diagnosis)
        row.addWidget(self.diagnosis_text, 1)
        row.addWidget(self.diagnosis_btn)
        layout.addLayout(row)
        self.metastases = EntryListBox(
            self.tr("Sites of metastasis"),
            Metastasis.KIND,
            [
                (self.tr("Site"), lambda e: _site(vocab.METASTASIS_SITES, e.model)),
                (self.tr("Found"), lambda e: e.model.date_found or ""),
                (self.tr("Shown by"), lambda e: e.model.found_by),
            ],
            metastasis_fields,
            Metastasis,
            undo_stack,
            body,
        )
        self.biopsies = EntryListBox(
            self.tr("Biopsies and biomarkers"),
            Biopsy.KIND,
            [
                (self.tr("Date"), lambda e: e.model.date or ""),
                (self.tr("Site"), lambda e: _site(vocab.BIOPSY_SITES, e.model)),
                ("ER", lambda e: _receptor(e.model.er_status, e.model.er_percent)),
                ("PR", lambda e: _receptor(e.model.pr_status, e.model.pr_percent)),
                ("HER2", lambda e: _her2(e.model)),
                ("Ki-67", lambda e: "" if e.model.ki67_percent is None else f"{e.model.ki67_percent:g}%"),
                (self.tr("Subtype"), lambda e: self.subtype_text(e.model)),
            ],
            biopsy_fields,
            lambda: Biopsy(site="primary-breast"),
            undo_stack,
            body,
        )
        self.discordance = note("", body, "warning")
        self.discordance.setVisible(False)
        layout.addWidget(self.metastases)
        layout.addWidget(self.biopsies)
        layout.addWidget(self.discordance)
        layout.addStretch(1)

    def refresh(self) -> None:
        cancer = self.session.cancer if self.session else None
        if cancer is None:
            self.metastases.set_entries([])
            self.biopsies.set_entries([])
            self.diagnosis_text.setText("")
            self.discordance.setVisible(False)
            self.diagnosis_btn.setEnabled(False)
            return
        self.diagnosis_btn.setEnabled(True)
        vault = self.session.vault if self.session else None
        self.diagnosis_btn.setVisible(vault is not None and vault.person.can_edit)  # not for view only
        self.metastases.set_entries(cancer.metastases())
        biopsies = cancer.biopsies()
        self.biopsies.set_entries(biopsies)
        dx = cancer.diagnosis()
        self.diagnosis_text.setText(
            self.describe_diagnosis(dx.model) if dx else self.tr("No diagnosis recorded yet.")
        )
        found = derive.discordance([e.model for e in biopsies])
        lines = [
            self.tr("The {0} biopsy of {1} differs from the primary tumor: {2}").format(
                _site(vocab.BIOPSY_SITES, b).lower(), b.date, " ".join(map(self.change_text, changes))
            )
            for b, changes in found
        ]
        self.discordance.setText("\n".join(lines))
        self.discordance.setVisible(bool(lines))

    def subtype_text(self, b: Biopsy) -> str:
        """The subtype, e.g. 'HR+/HER2- (HER2-low)', in the app's language."""
        subtype = derive.subtype(b)
        text = self.subtype_name(subtype)
        if derive.her2_low(b) and subtype != derive.HER2_POSITIVE:
            text = self.tr("{0} (HER2-low)").format(text)
        return text

    def subtype_name(self, subtype: str) -> str:
        names = {
            derive.HR_POSITIVE_HER2_NEGATIVE: self.tr("HR+/HER2-"),
            derive.HER2_POSITIVE: self.tr("HER2+"),
            derive.TRIPLE_NEGATIVE: self.tr("Triple-negative"),
            derive.UNKNOWN: self.tr("Not known yet"),
        }
        return names.get(subtype, subtype)

    def change_text(self, change: derive.Change) -> str:
        """One difference from the primary tumor, in the app's language."""
        status = {"positive": self.tr("positive"), "negative": self.tr("negative")}
        if change.code == "marker-changed":
            return self.tr("{0} changed from {1} to {2}.").format(
                change.marker,
                status.get(change.before, change.before),
                status.get(change.after, change.after),
            )
        if change.code == "now-her2-low":
            return self.tr("HER2-low changed: now HER2-low.")
        if change.code == "no-longer-her2-low":
            return self.tr("HER2-low changed: no longer HER2-low.")
        if change.code == "subtype-changed":
            return self.tr("The subtype changed from {0} to {1}.").format(
                self.subtype_name(change.before), self.subtype_name(change.after)
            )
        return str(change)

    def describe_diagnosis(self, d: Diagnosis) -> str:
        parts = []
        if d.histology:
            parts.append(vocab_label(vocab.HISTOLOGIES, d.histology, d.histology_other))
        if d.first_diagnosis:
            parts.append(self.tr("first diagnosed {0}").format(d.first_diagnosis))
        if d.metastatic_diagnosis:
            parts.append(self.tr("metastatic since {0}").format(d.metastatic_diagnosis))
        if d.presentation:
            parts.append(vocab_label(vocab.PRESENTATIONS, d.presentation).lower())
        return "; ".join(parts) or self.tr("Diagnosis recorded without details.")

    def edit_diagnosis(self) -> None:
        if self.session is None or self.session.cancer is None:
            return
        current = self.session.cancer.diagnosis()
        model = current.model if current else Diagnosis()
        before = model.to_data()
        entry = EntryFormDialog.ask(
            self.tr("Diagnosis"),
            model,
            diagnosis_fields(),
            self.session.cancer,
            record_id=current.id if current else None,
            parent=self,
        )
        if entry is None:
            return
        if current is not None:
            self.undo_stack.push(
                SaveEntryCommand(
                    self.session,
                    Diagnosis.KIND,
                    current.id,
                    before,
                    entry.model.to_data(),
                    entry_title(entry.model),
                )
            )
        self.session.entry_saved(Diagnosis.KIND)
