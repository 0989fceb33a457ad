"""“People to tell”: who should hear about the diagnosis or a change, what I want them to know,
and who else may tell them."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from mbc_vault.care.models import PersonToTell
from mbc_vault.care.store import CarePlan
from mbc_vault.entries import Entry

from ..forms.care_forms import person_fields
from .base import SectionPage, care_of
from .entry_list import EntryListBox


class PeopleToTellSection(SectionPage):
    """People still to tell come first."""

    KINDS = (PersonToTell.KIND,)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        layout = self.page(
            self.tr("People to tell"),
            self.tr(
                "Who you want to tell, and when you are ready. You can ask someone "
                "you trust to tell some people for you."
            ),
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
            self.body,
            with_documents=False,
            store=care_of,
            entries=CarePlan.people_to_tell,
            min_height=320,
            stretch_column=3,
            wrap_rows=True,
        )
        layout.addWidget(self.people)
        layout.addStretch(1)
        self.refresh()

    def _told(self, entry: Entry[Any]) -> str:
        person = entry.model
        if person.told_date:
            return self.tr("Yes, {0}").format(person.told_date)
        return self.tr("Yes") if person.told else self.tr("Not yet")

    def refresh(self) -> None:
        self.people.load()
