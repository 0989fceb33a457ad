"""“Appointments”: what is coming up and what is past, and for each visit its lists of questions
(the question-list editor, `questions.py`), with the answers written in during or after the visit."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QRadioButton, QWidget

from mbc_vault.care.ics import write_ics
from mbc_vault.care.models import Appointment, QuestionList
from mbc_vault.entries import Entry

from ..forms.care_forms import AppointmentFormDialog, appointment_fields
from ..session import VaultSession
from ..widgets import ask_save_path
from ..workers import ExportRunner
from .base import SectionPage, care_of
from .entry_list import EntryListBox
from .questions import QuestionListEditor


class AppointmentsSection(SectionPage):
    """Appointments (coming up or past) and the questions for the chosen one."""

    KINDS = (Appointment.KIND, QuestionList.KIND)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self._open_counts: dict[str, int] = {}
        layout = self.page(self.tr("Appointments"))
        body = self.body

        row = QHBoxLayout()
        self.show_upcoming = QRadioButton(self.tr("Coming up"), body)
        self.show_past = QRadioButton(self.tr("Past"), body)
        self.show_upcoming.setChecked(True)
        self.view_group = QButtonGroup(self)
        for button in (self.show_upcoming, self.show_past):
            self.view_group.addButton(button)
            row.addWidget(button)
        self.show_upcoming.setAccessibleName(self.tr("Show the appointments coming up"))
        self.show_past.setAccessibleName(self.tr("Show past appointments"))
        self.show_upcoming.toggled.connect(lambda _: self.refresh())
        row.addStretch(1)
        self.export_btn = QPushButton(self.tr("Export appointments (.ics)…"), body)
        self.export_btn.setAccessibleName(self.tr("Export all appointments as a calendar file"))
        self.export_btn.clicked.connect(self.export_ics)
        row.addWidget(self.export_btn)
        layout.addLayout(row)

        self.appointments = EntryListBox(
            self.tr("Appointments"),
            Appointment.KIND,
            [
                (self.tr("Date"), lambda e: e.model.date or ""),
                (self.tr("Time"), lambda e: e.model.time),
                (self.tr("With whom"), lambda e: e.model.with_whom),
                (self.tr("What for"), lambda e: e.model.purpose),
                (self.tr("Where"), lambda e: e.model.place),
                (self.tr("Open questions"), lambda e: str(self._open_counts.get(e.id) or "")),
            ],
            appointment_fields,
            Appointment,
            undo_stack,
            body,
            with_documents=False,
            store=care_of,
        )
        self.appointments.form_class = AppointmentFormDialog
        self.appointments.table.setMinimumHeight(150)
        layout.addWidget(self.appointments)
        self.question_editor = QuestionListEditor(self.appointments, self.undo_stack, body)
        self.question_editor.status_message.connect(self.status_message)
        self.exports = ExportRunner(self.question_editor.say, self)
        layout.addWidget(self.question_editor)
        layout.addStretch(1)
        self.refresh()

    # session ------------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        self.question_editor.set_session(session)  # locking must not lose an answer typed but not saved
        super().set_session(session)

    def entries_changed(self, kind: str) -> None:
        if kind == Appointment.KIND:
            self.refresh()
        else:
            self._count_open()
            self._counts_changed()
            self.question_editor.lists_changed()

    def _counts_changed(self) -> None:
        model = self.appointments.model
        if model.rowCount():
            column = model.columnCount() - 1
            model.dataChanged.emit(model.index(0, column), model.index(model.rowCount() - 1, column))

    def _count_open(self) -> None:
        care = self.session.care if self.session is not None else None
        self._open_counts = {}
        if care is None:
            return
        for entry in care.question_lists():
            key = entry.model.appointment_id
            self._open_counts[key] = self._open_counts.get(key, 0) + len(entry.model.unanswered())

    def refresh(self) -> None:
        care = self.session.care if self.session is not None else None
        chosen = self.selected_appointment()
        self.export_btn.setEnabled(care is not None)
        if care is None:
            self._open_counts = {}
            self.appointments.set_entries([])
            self.question_editor.refresh_questions()
            return
        self._count_open()
        entries = care.upcoming() if self.show_upcoming.isChecked() else care.past()
        self.appointments.set_entries(entries)
        self.select_appointment(chosen.id if chosen else "", fallback_first=True)
        self.question_editor.refresh_questions()

    def selected_appointment(self) -> Entry[Appointment] | None:
        return self.appointments.selected()

    def select_appointment(self, record_id: str, fallback_first: bool = False) -> bool:
        entries = self.appointments.model.entries()
        row = next((r for r, e in enumerate(entries) if e.id == record_id), -1)
        if row < 0 and fallback_first and entries:
            row = 0
        if row < 0:
            return False
        self.appointments.table.selectionModel().setCurrentIndex(
            self.appointments.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def show_entry(self, kind: str, entry_id: str, item: int | None = None) -> bool:
        """A search hit: choose the appointment (coming up or past); for a question list or one of
        its questions, its appointment, the list and the question."""
        care = self.session.care if self.session is not None else None
        if care is None:
            return False
        list_id = None
        if kind in (QuestionList.KIND, "question"):
            found = next((e for e in care.question_lists() if e.id == entry_id), None)
            if found is None:
                return False
            list_id, entry_id = entry_id, found.model.appointment_id
        elif kind != Appointment.KIND:
            return False
        if not self.select_appointment(entry_id):
            other = self.show_past if self.show_upcoming.isChecked() else self.show_upcoming
            other.setChecked(True)  # refreshes the list
            if not self.select_appointment(entry_id):
                return False
        if list_id is None:
            self.appointments.table.setFocus()
            return True
        self.question_editor.refresh_questions(list_id, item or 0)
        self.question_editor.questions.setFocus()
        return True

    # the calendar file --------------------------------------------------------------------------
    def ask_save_path(self, title: str, default_name: str, file_filter: str) -> str:
        """Where to save an unencrypted file ('' if cancelled); patched in tests."""
        return ask_save_path(self, title, default_name, file_filter)

    def export_ics(self) -> None:
        care = self.session.care if self.session is not None else None
        if care is None:
            return
        entries = care.appointments()
        if not entries:
            self.question_editor.say(self.tr("There are no appointments to export yet."))
            return
        path = self.ask_save_path(
            self.tr("Export appointments"), "appointments.ics", self.tr("Calendar (*.ics)")
        )
        if not path:
            return
        self.exports.run(
            write_ics,
            entries,
            path,
            done=self.tr(
                "Saved {0} appointment(s) to {1}. It is not encrypted; your calendar program can import it."
            ).format(len(entries), path),
        )
