"""The questions for one appointment: its question lists, each question's answer (typed during or
after the visit), carrying unanswered questions over to the next appointment, and a printable PDF.

Used by the appointments section (`AppointmentsSection.question_editor`), below its table. Long on
purpose: one editor whose answer box, list and table must stay in step through every undoable change."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.cancer.models import FieldError
from mbc_vault.care.models import PINNED_QUESTION, Appointment, QuestionList
from mbc_vault.care.printouts import write_question_list_pdf
from mbc_vault.care.store import Template, list_from_template, question_templates
from mbc_vault.entries import Entry
from mbc_vault.errors import VaultError

from ..entry_commands import SaveEntryCommand
from ..errors import describe
from ..keyboard import tab_leaves
from ..models.entries import copy_model
from ..session import VaultSession
from ..vocab_labels import entry_title
from ..widgets import ask_save_path, note, rows_follow_widths
from ..workers import ExportRunner
from .entry_list import EntryListBox


def when(a: Appointment) -> str:
    return f"{a.date or ''} {a.time}".strip()


class TemplateDialog(QInputDialog):
    """Which ready-made list of questions to start from."""

    def __init__(self, templates: list[Template], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.setWindowTitle(self.tr("New question list"))
        self.setLabelText(self.tr("Start from these questions (you can add your own after):"))
        self.setComboBoxItems([t.title for t in templates])
        self.setComboBoxEditable(False)

    @classmethod
    def ask(cls, templates: list[Template], parent: QWidget | None = None) -> Template | None:
        """The template chosen, or None if cancelled."""
        dialog = cls(templates, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def answer(self) -> Template | None:
        return next((t for t in self.templates if t.title == self.textValue()), None)


class QuestionListEditor(QGroupBox):
    """The question lists of the appointment chosen in *appointments*, their questions and answers."""

    status_message = Signal(str)

    def __init__(
        self, appointments: EntryListBox, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Questions for this appointment"), parent)
        self.appointments = appointments
        self.undo_stack = undo_stack
        self.session: VaultSession | None = None
        self._lists: list[Entry[QuestionList]] = []
        self._loading = False
        #: (list id, row) whose answer the answer box shows; an unsaved answer is saved on moving away
        self._answer_at: tuple[str, int] | None = None
        #: (list id, row) to show after our own change
        self._target: tuple[str | None, int | None] | None = None
        self._shown_appointment = ""
        self.exports = ExportRunner(self.say, self)
        q_layout = QVBoxLayout(self)
        self.questions_for = note(self.tr("Choose an appointment above to see its questions."), self)
        q_layout.addWidget(self.questions_for)
        row = QHBoxLayout()
        list_label = QLabel(self.tr("List:"), self)
        self.list_combo = QComboBox(self)
        self.list_combo.setAccessibleName(self.tr("Question list"))
        self.list_combo.setMinimumContentsLength(30)
        list_label.setBuddy(self.list_combo)
        self.list_combo.currentIndexChanged.connect(lambda _: self._list_chosen())
        self.new_list_btn = QPushButton(self.tr("New list from template…"), self)
        self.new_list_btn.setAccessibleName(self.tr("Start a new question list from a ready-made template"))
        self.new_list_btn.clicked.connect(self.new_list_from_template)
        row.addWidget(list_label)
        row.addWidget(self.list_combo, 1)
        row.addWidget(self.new_list_btn)
        q_layout.addLayout(row)

        self.questions = QTableWidget(0, 2, self)
        tab_leaves(self.questions)  # Tab moves on; the arrow keys move inside
        self.questions.setHorizontalHeaderLabels([self.tr("Question"), self.tr("Answer or note")])
        self.questions.setAccessibleName(self.tr("Questions"))
        self.questions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.questions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.questions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.questions.setWordWrap(True)
        header = self.questions.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows_follow_widths(self.questions)
        self.questions.setMinimumHeight(240)
        self.questions.currentCellChanged.connect(lambda *_: self._question_chosen())
        middle = QHBoxLayout()
        middle.addWidget(self.questions, 2)
        answer_column = QVBoxLayout()
        middle.addLayout(answer_column, 1)
        q_layout.addLayout(middle)

        row = QHBoxLayout()
        self.question_edit = QLineEdit(self)
        self.question_edit.setPlaceholderText(self.tr("Type a question of your own"))
        self.question_edit.setAccessibleName(self.tr("New question"))
        self.question_edit.returnPressed.connect(self.add_question)
        self.add_question_btn = QPushButton(self.tr("Add question"), self)
        self.add_question_btn.setAccessibleName(self.tr("Add the question to the list"))
        self.add_question_btn.clicked.connect(self.add_question)
        row.addWidget(self.question_edit, 1)
        row.addWidget(self.add_question_btn)
        q_layout.addLayout(row)
        self.question_error = note("", self, "error")
        self.question_error.setVisible(False)
        q_layout.addWidget(self.question_error)

        self.answer_label = QLabel(self.tr("Answer or note for the chosen question:"), self)
        self.answer_label.setWordWrap(True)
        self.answer_edit = QPlainTextEdit(self)
        self.answer_edit.setTabChangesFocus(True)
        self.answer_edit.setAccessibleName(self.tr("Answer or note"))
        self.answer_label.setBuddy(self.answer_edit)
        answer_column.addWidget(self.answer_label)
        answer_column.addWidget(self.answer_edit, 1)
        row = QHBoxLayout()
        self.save_answer_btn = QPushButton(self.tr("Save answer"), self)
        self.save_answer_btn.setAccessibleName(self.tr("Save the answer to the chosen question"))
        self.save_answer_btn.clicked.connect(self.save_answer)
        self.remove_question_btn = QPushButton(self.tr("Remove question"), self)
        self.remove_question_btn.setAccessibleName(self.tr("Remove the chosen question from the list"))
        self.remove_question_btn.clicked.connect(self.remove_question)
        row.addWidget(self.save_answer_btn)
        row.addWidget(self.remove_question_btn)
        row.addStretch(1)
        answer_column.addLayout(row)

        row = QHBoxLayout()
        self.carry_btn = QPushButton(self.tr("Carry over unanswered questions to the next appointment"), self)
        self.carry_btn.setAccessibleName(
            self.tr("Copy the questions without an answer to the next appointment")
        )
        self.carry_btn.clicked.connect(self.carry_over)
        self.pdf_btn = QPushButton(self.tr("Save list as PDF…"), self)
        self.pdf_btn.setAccessibleName(self.tr("Save the question list as a PDF to print"))
        self.pdf_btn.clicked.connect(self.save_pdf)
        row.addWidget(self.carry_btn)
        row.addStretch(1)
        row.addWidget(self.pdf_btn)
        q_layout.addLayout(row)
        self.feedback = note("", self)
        self.feedback.setVisible(False)
        q_layout.addWidget(self.feedback)
        chain = (
            self.list_combo,
            self.new_list_btn,
            self.questions,
            self.answer_edit,
            self.save_answer_btn,
            self.remove_question_btn,
            self.question_edit,
            self.add_question_btn,
            self.carry_btn,
            self.pdf_btn,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        appointments.table.selectionModel().currentRowChanged.connect(lambda *_: self.refresh_questions())

    # session ------------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        """Before locking (None), save an answer typed but not saved; forget what was shown."""
        if session is None and self.session is not None:
            self._flush_answer(notify=False)
        self._answer_at = None
        self.session = session
        self.feedback.setVisible(False)
        self.question_edit.clear()

    def lists_changed(self) -> None:
        """Question lists were saved: reload, showing the list and row our own change chose."""
        list_id, row = self._target or (None, None)
        self._target = None
        self.refresh_questions(list_id, row)

    def _care(self) -> Any:
        return self.session.care if self.session is not None else None

    # the question lists ------------------------------------------------------------------------
    def current_list(self) -> Entry[QuestionList] | None:
        index = self.list_combo.currentIndex()
        return self._lists[index] if 0 <= index < len(self._lists) else None

    def refresh_questions(self, list_id: str | None = None, row: int | None = None) -> None:
        """Reload the lists of the chosen appointment; keep (or choose) the list and the question row."""
        self._flush_answer()
        care = self._care()
        appointment = self.appointments.selected()
        current = self.current_list()
        keep = list_id or (current.id if current else "")
        appointment_id = appointment.id if appointment else ""
        if row is None:
            row = self.questions.currentRow() if appointment_id == self._shown_appointment else 0
        self._shown_appointment = appointment_id
        self._loading = True
        try:
            self._lists = care.question_lists(appointment.id) if care is not None and appointment else []
            self.list_combo.clear()
            for entry in self._lists:
                self.list_combo.addItem(entry.model.title(), entry.id)
            index = self.list_combo.findData(keep) if keep else -1
            self.list_combo.setCurrentIndex(index if index >= 0 else (0 if self._lists else -1))
        finally:
            self._loading = False
        if care is None:
            self.questions_for.setText("")
        elif appointment is None:
            self.questions_for.setText(
                self.tr("Choose an appointment above to see its questions.")
                if self.appointments.model.rowCount()
                else self.tr("Add an appointment first; then you can list your questions for it.")
            )
        else:
            text = self.tr("For: {0}, {1}").format(appointment.model.title(), when(appointment.model))
            if not self._lists:
                text += "\n" + self.tr(
                    "No questions yet. Start a list from a template, or type a question of your own below."
                )
            self.questions_for.setText(text)
        has_appointment = appointment is not None
        for widget in (self.new_list_btn, self.question_edit, self.add_question_btn):
            widget.setEnabled(has_appointment)
        self.list_combo.setEnabled(bool(self._lists))
        self._show_list(row)

    def _list_chosen(self) -> None:
        if not self._loading:
            self._flush_answer()
            self._show_list()

    def _show_list(self, row: int | None = None) -> None:
        if self._loading:
            return
        current = self.current_list()
        questions = current.model.questions if current else []
        self._loading = True
        try:
            self.questions.setRowCount(len(questions))
            bold = QFont(self.questions.font())
            bold.setBold(True)
            for number, q in enumerate(questions):
                text_item = QTableWidgetItem(q["text"])
                answer_item = QTableWidgetItem(q.get("answer", ""))
                if q["text"] == PINNED_QUESTION:
                    text_item.setToolTip(self.tr("This question always stays last on the list."))
                    text_item.setFont(bold)
                elif q.get("carried_from"):
                    text_item.setToolTip(self.tr("Carried over from an earlier appointment."))
                    text_item.setText(self.tr("{0}  (carried over)").format(q["text"]))
                self.questions.setItem(number, 0, text_item)
                self.questions.setItem(number, 1, answer_item)
            self.questions.resizeRowsToContents()
            self.questions.property("rowsTimer").start()
        finally:
            self._loading = False
        if questions:
            target = row if row is not None and 0 <= row < len(questions) else 0
            self.questions.setCurrentCell(target, 0)
        self._question_chosen()
        self.carry_btn.setEnabled(current is not None)
        self.pdf_btn.setEnabled(current is not None)
        self._follow_access()

    def _follow_access(self) -> None:
        """A view-only person reads the lists and answers; the controls that change them are hidden."""
        vault = self.session.vault if self.session is not None else None
        may_edit = vault is None or vault.person.can_edit
        for widget in (
            self.new_list_btn,
            self.question_edit,
            self.add_question_btn,
            self.save_answer_btn,
            self.remove_question_btn,
            self.carry_btn,
        ):
            widget.setVisible(may_edit)
        self.answer_edit.setReadOnly(not may_edit)

    def _question_chosen(self) -> None:
        if self._loading:
            return
        self._flush_answer()
        current = self.current_list()
        row = self.questions.currentRow()
        valid = current is not None and 0 <= row < len(current.model.questions)
        question = current.model.questions[row] if valid and current else None
        self.answer_edit.setPlainText(question.get("answer", "") if question else "")
        self._answer_at = (current.id, row) if valid and current else None
        self.answer_edit.setEnabled(valid)
        self.save_answer_btn.setEnabled(valid)
        self.remove_question_btn.setEnabled(
            valid and question is not None and question["text"] != PINNED_QUESTION
        )

    def _flush_answer(self, notify: bool = True) -> None:
        """Save the answer box if it was changed and not saved (moving to another question keeps it)."""
        if self._answer_at is None:
            return
        list_id, row = self._answer_at
        self._answer_at = None
        care = self._care()
        index = next((i for i, e in enumerate(self._lists) if e.id == list_id), -1)
        if care is None or index < 0 or not 0 <= row < len(self._lists[index].model.questions):
            return
        entry = self._lists[index]
        text = self.answer_edit.toPlainText().strip()
        if text == entry.model.questions[row].get("answer", ""):
            return
        model = copy_model(entry.model)
        model.questions = [dict(q) for q in model.questions]
        model.questions[row]["answer"] = text
        saved = self._store(care, model, entry)
        if saved is None:
            return
        self._lists[index] = saved
        self.say(self.tr("Answer saved."))
        if notify:  # after the current signal: the lists are reloaded then, on the row now chosen
            QTimer.singleShot(0, self._notify_lists)

    def _notify_lists(self) -> None:
        if self.session is not None and self.session.vault is not None:
            self.session.entry_saved(QuestionList.KIND)

    def new_list_from_template(self) -> None:
        care = self._care()
        appointment = self.appointments.selected()
        if care is None or appointment is None:
            return
        template = TemplateDialog.ask(question_templates(), self)
        if template is None:
            return
        entry = self._store(care, list_from_template(template, appointment.id))
        if entry is not None:
            self.say(self.tr("Started the list “{0}”.").format(entry.model.title()))
            self._saved(entry.id, 0)

    def add_question(self) -> None:
        care = self._care()
        appointment = self.appointments.selected()
        if care is None or appointment is None:
            return
        self.question_error.setVisible(False)
        current = self.current_list()
        model = (
            copy_model(current.model)
            if current
            else QuestionList(appointment_id=appointment.id, name=self.tr("My questions"))
        )
        try:
            model.add(self.question_edit.text())
        except FieldError as exc:
            self.question_error.setText(describe(exc))
            self.question_error.setVisible(True)
            self.question_edit.setFocus()
            return
        entry = self._store(care, model, current)
        if entry is not None:
            self.question_edit.clear()
            self.question_edit.setFocus()
            self._saved(entry.id, len(entry.model.questions) - 2)

    def save_answer(self) -> None:
        care = self._care()
        current = self.current_list()
        row = self.questions.currentRow()
        if care is None or current is None or not 0 <= row < len(current.model.questions):
            return
        self._answer_at = None
        model = copy_model(current.model)
        model.questions = [dict(q) for q in model.questions]
        model.questions[row]["answer"] = self.answer_edit.toPlainText().strip()
        entry = self._store(care, model, current)
        if entry is not None:
            self.say(self.tr("Answer saved."))
            self._saved(entry.id, row)

    def remove_question(self) -> None:
        care = self._care()
        current = self.current_list()
        row = self.questions.currentRow()
        if care is None or current is None or not 0 <= row < len(current.model.questions) - 1:
            return
        model = copy_model(current.model)
        model.questions = [dict(q) for i, q in enumerate(model.questions) if i != row]
        entry = self._store(care, model, current)
        if entry is not None:
            self.say(self.tr("Question removed. Edit ▸ Undo brings it back."))
            self._saved(entry.id, min(row, len(entry.model.questions) - 1))

    def next_appointment(self, after: Entry[Appointment]) -> Entry[Appointment] | None:
        """The first appointment still to come that starts after *after*."""
        care = self._care()
        if care is None:
            return None
        return next(
            (e for e in care.upcoming() if e.id != after.id and e.model.starts() > after.model.starts()), None
        )

    def carry_over(self) -> None:
        care = self._care()
        current = self.current_list()
        appointment = self.appointments.selected()
        if care is None or current is None or appointment is None:
            return
        following = self.next_appointment(appointment)
        if following is None:
            self.say(
                self.tr(
                    "There is no later appointment yet. Add the next appointment first, "
                    "then carry the questions over."
                )
            )
            return
        targets = care.question_lists(following.id)
        target = targets[0] if targets else None
        model = (
            copy_model(target.model)
            if target
            else QuestionList(appointment_id=following.id, name=self.tr("My questions"))
        )
        if not current.model.unanswered():
            self.say(self.tr("Every question on this list has an answer: nothing to carry over."))
            return
        moved = current.model.carry_over_to(model, source_id=current.id)
        if moved == 0:
            self.say(
                self.tr("These questions are already on the list for {0}, {1}.").format(
                    following.model.title(), when(following.model)
                )
            )
            return
        if self._store(care, model, target) is not None:
            self.say(
                self.tr("{0} question(s) carried over to {1}, {2}.").format(
                    moved, following.model.title(), when(following.model)
                )
            )
            self._saved(current.id, self.questions.currentRow())

    def _store(
        self, care: Any, model: QuestionList, current: Entry[QuestionList] | None = None
    ) -> Entry[QuestionList] | None:
        """Save one list (an undoable change when it existed before)."""
        try:
            entry = care.save(model, record_id=current.id if current else None)
        except (VaultError, ValueError) as exc:
            self.say(describe(exc), error=True)
            return None
        if current is not None and self.session is not None:
            self.undo_stack.push(
                SaveEntryCommand(
                    self.session,
                    QuestionList.KIND,
                    current.id,
                    current.model.to_data(),
                    entry.model.to_data(),
                    entry_title(entry.model),
                )
            )
        return entry

    def _saved(self, list_id: str, row: int) -> None:
        """Tell everyone (the overview counts open questions); show *row* of the list *list_id*."""
        if self.session is None:
            return
        self._target = (list_id, row)
        self.session.entry_saved(QuestionList.KIND)

    def say(self, text: str, error: bool = False) -> None:
        """Show *text* below the questions (and in the status bar)."""
        self.feedback.setObjectName("error" if error else "hint")
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
        self.feedback.setText(text)
        self.feedback.setVisible(True)
        self.status_message.emit(text)

    # the printable list ----------------------------------------------------------------------
    def ask_save_path(self, title: str, default_name: str, file_filter: str) -> str:
        """Where to save an unencrypted file ('' if cancelled); patched in tests."""
        return ask_save_path(self, title, default_name, file_filter)

    def save_pdf(self) -> None:
        current = self.current_list()
        appointment = self.appointments.selected()
        if self.session is None or current is None:
            return
        day = appointment.model.date if appointment else dt.date.today().isoformat()
        path = self.ask_save_path(self.tr("Save question list"), f"questions-{day}.pdf", "PDF (*.pdf)")
        if not path:
            return
        self.exports.run(
            write_question_list_pdf,
            copy_model(current.model),
            copy_model(appointment.model) if appointment else None,
            self.session.person_name,
            path,
            done=self.tr("Saved {0}. It is not encrypted.").format(path),
        )
