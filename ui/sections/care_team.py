"""“Care team”: who is who, how to reach them and what to call them about; a printable contact sheet."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from mbc_vault.care import vocab
from mbc_vault.care.models import Contact
from mbc_vault.care.printouts import write_contact_sheet_pdf
from mbc_vault.care.store import CarePlan

from ..forms.care_forms import contact_fields
from ..session import VaultSession
from ..vocab_labels import vocab_label
from ..widgets import ask_save_path, note
from ..workers import ExportRunner
from .base import SectionPage, care_of
from .entry_list import EntryListBox


class CareTeamSection(SectionPage):
    """The care team's contacts; the oncologist first."""

    KINDS = (Contact.KIND,)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.exports = ExportRunner(self._report, self)
        layout = self.page(
            self.tr("Care team"),
            self.tr(
                "The people who look after you, how to reach them and what to call them "
                "about. A printed sheet by the phone helps family and friends too."
            ),
        )
        self.contacts = EntryListBox(
            self.tr("Contacts"),
            Contact.KIND,
            [
                (self.tr("Name"), lambda e: e.model.name),
                (self.tr("Role"), lambda e: vocab_label(vocab.ROLES, e.model.role, e.model.role_other)),
                (self.tr("Hospital or practice"), lambda e: e.model.institution),
                (self.tr("Phone"), lambda e: e.model.phone),
                (self.tr("Call them about"), lambda e: " ".join(e.model.call_for.split())),
            ],
            contact_fields,
            Contact,
            undo_stack,
            self.body,
            with_documents=False,
            store=care_of,
            entries=CarePlan.contacts,
            min_height=260,
            wrap_rows=True,
        )
        layout.addWidget(self.contacts)
        row = QHBoxLayout()
        row.addStretch(1)
        self.pdf_btn = QPushButton(self.tr("Save contact sheet as PDF…"), self.body)
        self.pdf_btn.setAccessibleName(self.tr("Save the care team contact sheet as a PDF to print"))
        self.pdf_btn.clicked.connect(self.save_contact_sheet)
        row.addWidget(self.pdf_btn)
        layout.addLayout(row)
        self.feedback = note("", self.body)
        self.feedback.setVisible(False)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        self.refresh()

    def set_session(self, session: VaultSession | None) -> None:
        self.feedback.setVisible(False)
        super().set_session(session)

    def refresh(self) -> None:
        self.contacts.load()
        self.pdf_btn.setEnabled(self.session is not None and self.session.care is not None)

    def _report(self, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.setVisible(True)
        self.status_message.emit(text)

    def ask_save_path(self, title: str, default_name: str, file_filter: str) -> str:
        """Where to save an unencrypted file ('' if cancelled); patched in tests."""
        return ask_save_path(self, title, default_name, file_filter)

    def save_contact_sheet(self) -> None:
        care = self.session.care if self.session else None
        if care is None or self.session is None:
            return
        path = self.ask_save_path(self.tr("Save contact sheet"), "care-team.pdf", "PDF (*.pdf)")
        if not path:
            return
        self.exports.run(
            write_contact_sheet_pdf,
            care.contacts(),
            self.session.person_name,
            path,
            done=self.tr("Saved {0}. It is not encrypted.").format(path),
        )
