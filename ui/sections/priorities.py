"""“My care priorities”: the questions guides ask a person to think through, answered in my own words.
Each answer keeps the date it was last changed; answers can change whenever I want."""

from __future__ import annotations

import html

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.care import vocab
from mbc_vault.care.models import CarePriorities
from mbc_vault.care.printouts import write_priorities_pdf
from mbc_vault.errors import VaultError

from ..entry_commands import SaveEntryCommand
from ..errors import describe
from ..models.entries import copy_model
from ..reflow import FlowLayout
from ..session import VaultSession
from ..vocab_labels import entry_title, vocab_label
from ..widgets import ask_save_path, note
from ..workers import ExportRunner
from .base import SectionPage


class PrioritiesSection(SectionPage):
    """Seven questions, a text box each, one Save for all of them (one vault entry)."""

    KINDS = (CarePriorities.KIND,)

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.exports = ExportRunner(self._report, self)
        self.boxes: dict[str, QPlainTextEdit] = {}
        self.dates: dict[str, QLabel] = {}
        self._saved_answers: dict[str, str] = {}
        layout = self.page(
            self.tr("My care priorities"),
            self.tr(
                "Questions many people find worth thinking about, and sharing with their care team and "
                "family. Answer any of them, in your own words, when you are ready. You can change an answer "
                "at any time; each one shows when you last changed it."
            ),
        )
        body = self.body
        for key in vocab.PRIORITY_QUESTIONS:
            question = vocab_label(vocab.PRIORITY_QUESTIONS, key)
            group = QGroupBox(body)
            column = QVBoxLayout(group)
            label = QLabel(f"<b>{html.escape(question)}</b>", group)
            label.setWordWrap(True)
            box = QPlainTextEdit(group)
            box.setTabChangesFocus(True)
            box.setAccessibleName(question)
            box.setMinimumHeight(70)
            box.setMaximumHeight(110)
            label.setBuddy(box)
            box.textChanged.connect(self._edited)
            date = note("", group)
            column.addWidget(label)
            column.addWidget(box)
            column.addWidget(date)
            layout.addWidget(group)
            self.boxes[key], self.dates[key] = box, date
        layout.addStretch(1)
        # the buttons stay in view below the questions, however far down the page is scrolled
        bar = QWidget(self)
        row = FlowLayout(bar)  # wraps at large text
        row.setContentsMargins(24, 8, 24, 12)
        self.save_btn = QPushButton(self.tr("Save my answers"), bar)
        self.save_btn.setAccessibleName(self.tr("Save my answers"))
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(lambda: self.save())
        self.pdf_btn = QPushButton(self.tr("Save as PDF…"), bar)
        self.pdf_btn.setAccessibleName(self.tr("Save my care priorities as a PDF to print or share"))
        self.pdf_btn.clicked.connect(self.save_pdf)
        self.feedback = note("", bar)
        row.addWidget(self.save_btn)
        self.feedback.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.feedback)
        row.addWidget(self.pdf_btn)
        self.outer.addWidget(bar)
        self.refresh()

    def set_session(self, session: VaultSession | None) -> None:
        if session is None and self.session is not None and self.is_dirty():
            self.save(notify=False)  # locking (also when idle) must not lose what was typed
        self.feedback.setText("")
        super().set_session(session)

    def _current(self) -> tuple[str | None, CarePriorities]:
        care = self.session.care if self.session else None
        entry = care.priorities() if care is not None else None
        return (entry.id, entry.model) if entry else (None, CarePriorities())

    def refresh(self) -> None:
        unlocked = self.session is not None and self.session.vault is not None
        _, model = self._current() if unlocked else (None, CarePriorities())
        self._saved_answers = {key: value.get("answer", "") for key, value in model.answers.items()}
        for key, box in self.boxes.items():
            answer = model.answers.get(key)
            box.blockSignals(True)
            box.setPlainText(answer["answer"] if answer else "")
            box.blockSignals(False)
            self.dates[key].setText(
                self.tr("Last changed {0}").format(answer["date"])
                if answer
                else (self.tr("Not answered yet.") if unlocked else "")
            )
            box.setEnabled(unlocked)
            box.setReadOnly(not self.may_edit())
        self.pdf_btn.setEnabled(unlocked)
        self.save_btn.setVisible(self.may_edit() or not unlocked)  # view only: nothing to save
        self._edited()

    def may_edit(self) -> bool:
        """The person using the vault may change the answers (not view only)."""
        vault = self.session.vault if self.session is not None else None
        return vault is not None and vault.person.can_edit

    def answers(self) -> dict[str, str]:
        return {key: box.toPlainText().strip() for key, box in self.boxes.items()}

    def is_dirty(self) -> bool:
        return any(text != self._saved_answers.get(key, "") for key, text in self.answers().items())

    def _edited(self) -> None:
        dirty = self.session is not None and self.is_dirty()
        self.save_btn.setEnabled(dirty)
        if dirty:
            self.feedback.setText(self.tr("Not saved yet."))

    def save(self, notify: bool = True) -> None:
        care = self.session.care if self.session else None
        if care is None or self.session is None:
            return
        record_id, current = self._current()
        model = copy_model(current)
        model.answers = {k: dict(v) for k, v in current.answers.items()}
        for key, text in self.answers().items():
            model.set_answer(key, text)
        try:
            entry = care.save(model, record_id=record_id)
        except (VaultError, ValueError) as exc:
            self.feedback.setText(describe(exc))
            return
        if record_id is not None and self.undo_stack is not None:
            self.undo_stack.push(
                SaveEntryCommand(
                    self.session,
                    CarePriorities.KIND,
                    record_id,
                    current.to_data(),
                    entry.model.to_data(),
                    entry_title(entry.model),
                )
            )
        if notify:
            self.session.entry_saved(CarePriorities.KIND)
            self._report(self.tr("Your answers are saved."))

    def _report(self, text: str) -> None:
        self.feedback.setText(text)
        self.status_message.emit(text)

    def ask_save_path(self, title: str, default_name: str, file_filter: str) -> str:
        """Where to save an unencrypted file ('' if cancelled); patched in tests."""
        return ask_save_path(self, title, default_name, file_filter)

    def save_pdf(self) -> None:
        if self.session is None or self.session.care is None:
            return
        if self.is_dirty():
            self.save()
        _, model = self._current()
        path = self.ask_save_path(self.tr("Save my care priorities"), "my-care-priorities.pdf", "PDF (*.pdf)")
        if not path:
            return
        self.exports.run(
            write_priorities_pdf,
            model,
            self.session.person_name,
            path,
            done=self.tr("Saved {0}. It is not encrypted.").format(path),
        )
