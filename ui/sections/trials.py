"""“Clinical trials”: trials I am looking at or taking part in, with their papers."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from mbc_vault.care import vocab
from mbc_vault.care.models import ClinicalTrial
from mbc_vault.care.store import CarePlan

from ..forms.care_forms import trial_fields
from ..vocab_labels import vocab_label
from .base import SectionPage, care_of
from .entry_list import EntryListBox


class TrialsSection(SectionPage):
    """Trials with identifier, site, contact, status, eligibility notes and linked documents."""

    KINDS = (ClinicalTrial.KIND,)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        layout = self.page(
            self.tr("Clinical trials"),
            self.tr(
                "Trials you are considering or taking part in. The identifier is on "
                "the trial's papers and on ClinicalTrials.gov (NCT followed by 8 digits). "
                "You can link the consent form and other papers you have imported."
            ),
        )
        self.trials = EntryListBox(
            self.tr("Clinical trials"),
            ClinicalTrial.KIND,
            [
                (self.tr("Identifier"), lambda e: e.model.identifier),
                (self.tr("Title"), lambda e: e.model.title_text),
                (self.tr("Where"), lambda e: e.model.site),
                (self.tr("Status"), lambda e: vocab_label(vocab.TRIAL_STATUS, e.model.status)),
                (self.tr("Contact"), lambda e: e.model.contact),
                (self.tr("Papers"), lambda e: str(len(e.record.links)) if e.record.links else ""),
            ],
            trial_fields,
            ClinicalTrial,
            undo_stack,
            self.body,
            store=care_of,
            entries=CarePlan.trials,
            min_height=260,
            stretch_column=1,
            wrap_rows=True,
        )
        layout.addWidget(self.trials)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self.trials.load()
