"""“Clinical trials”: trials I am looking at or taking part in, with their papers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHeaderView, QScrollArea, QVBoxLayout, QWidget

from mbc_vault.care import vocab
from mbc_vault.care.models import ClinicalTrial

from ..care_forms import rows_follow_widths, trial_fields
from ..session import VaultSession
from ..vocab_labels import vocab_label
from ..widgets import heading, note
from .entry_list import EntryListBox


class TrialsSection(QWidget):
    """Trials with identifier, site, contact, status, eligibility notes and linked documents."""

    status_message = Signal(str)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(self.tr("Clinical trials"), body))
        layout.addWidget(
            note(
                self.tr(
                    "Trials you are considering or taking part in. The identifier is on "
                    "the trial's papers and on ClinicalTrials.gov (NCT followed by 8 digits). "
                    "You can link the consent form and other papers you have imported."
                ),
                body,
            )
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
            body,
            store=lambda s: s.care,
        )
        self.trials.table.setMinimumHeight(260)
        header = self.trials.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows_follow_widths(self.trials.table)
        layout.addWidget(self.trials)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.refresh()

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        self.trials.session = session
        if session is not None:
            session.entries_changed.connect(self._changed)
        self.refresh()

    def _changed(self, kind: str) -> None:
        if kind == ClinicalTrial.KIND:
            self.refresh()

    def refresh(self) -> None:
        care = self.session.care if self.session else None
        self.trials.set_entries(care.trials() if care is not None else [])
