"""“People to tell”: who should hear about the diagnosis or a change, what I want them to know,
and who else may tell them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHeaderView, QScrollArea, QVBoxLayout, QWidget

from mbc_vault.care.models import PersonToTell

from ..care_forms import person_fields, rows_follow_widths
from ..session import VaultSession
from ..widgets import heading, note
from .entry_list import EntryListBox


class PeopleSection(QWidget):
    """People still to tell come first."""

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
        layout.addWidget(heading(self.tr("People to tell"), body))
        layout.addWidget(
            note(
                self.tr(
                    "Who you want to tell, and when you are ready. You can ask someone "
                    "you trust to tell some people for you."
                ),
                body,
            )
        )
        self.people = EntryListBox(
            self.tr("People to tell"),
            PersonToTell.KIND,
            [
                (self.tr("Name"), lambda e: e.model.name),
                (self.tr("Who they are"), lambda e: e.model.relationship),
                (self.tr("Told"), self._told),
                (self.tr("What I want them to know"), lambda e: " ".join(e.model.what_to_know.split())),
                (self.tr("Who else may tell them"), lambda e: e.model.who_else_may_tell),
            ],
            person_fields,
            PersonToTell,
            undo_stack,
            body,
            with_documents=False,
            store=lambda s: s.care,
        )
        self.people.table.setMinimumHeight(320)
        header = self.people.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        rows_follow_widths(self.people.table)
        layout.addWidget(self.people)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.refresh()

    def _told(self, entry) -> str:  # type: ignore[no-untyped-def]
        person = entry.model
        if person.told_date:
            return self.tr("Yes, {0}").format(person.told_date)
        return self.tr("Yes") if person.told else self.tr("Not yet")

    def set_session(self, session: VaultSession | None) -> None:
        self.session = session
        self.people.session = session
        if session is not None:
            session.entries_changed.connect(self._changed)
        self.refresh()

    def _changed(self, kind: str) -> None:
        if kind == PersonToTell.KIND:
            self.refresh()

    def refresh(self) -> None:
        care = self.session.care if self.session else None
        self.people.set_entries(care.people_to_tell() if care is not None else [])
