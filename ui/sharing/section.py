"""“People and sharing”: who else may open this vault, which parts and whether they may change them.

The owner adds people (with a passphrase of their own or a one-time setup code), changes what they
may see, and removes them, offering to change the keys of the sections they held (re-encrypting
those files in the background, with progress; safe to interrupt: it resumes at the next unlock).
Everyone else sees who they are and what they were given, read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mbc_vault.errors import VaultError

from ..errors import describe
from ..keyboard import tab_leaves
from ..sections.base import SectionPage
from ..session import VaultSession
from ..widgets import note
from .dialogs import AddPersonDialog, ChangeAccessDialog, RemovePersonDialog, SetupCodeDialog
from .key_change import KeyChangeDialog
from .scopes import scopes_text


class SharingSection(SectionPage):
    """Who may open this vault and what they may see."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.key_change: KeyChangeDialog | None = None
        self.last_key_change: KeyChangeDialog | None = None
        layout = self.page(self.tr("People and sharing"))
        body = self.body
        self.intro = note("", body)  # what the owner, or someone else, may do here: set on refresh
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 5, body)
        tab_leaves(self.table)  # Tab moves on; the arrow keys move inside
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Relationship"),
                self.tr("May see"),
                self.tr("May change records"),
                self.tr("Setup"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setAccessibleName(self.tr("People who may open this vault"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _: self.change_selected())
        layout.addWidget(self.table)
        self.buttons_row = QWidget(body)
        row = QHBoxLayout(self.buttons_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.add_btn = QPushButton(self.tr("Add a person…"), self.buttons_row)
        self.add_btn.setAccessibleName(self.tr("Add a person"))
        self.add_btn.clicked.connect(self.add_person)
        self.change_btn = QPushButton(self.tr("Change what they may see…"), self.buttons_row)
        self.change_btn.setAccessibleName(self.tr("Change what the chosen person may see"))
        self.change_btn.clicked.connect(self.change_selected)
        self.remove_btn = QPushButton(self.tr("Remove…"), self.buttons_row)
        self.remove_btn.setAccessibleName(self.tr("Remove the chosen person"))
        self.remove_btn.clicked.connect(self.remove_selected)
        row.addWidget(self.add_btn)
        row.addWidget(self.change_btn)
        row.addWidget(self.remove_btn)
        row.addStretch(1)
        layout.addWidget(self.buttons_row)
        layout.addWidget(
            note(
                self.tr(
                    "What is protected: each part has its own key, so someone who was not given a part "
                    "cannot open "
                    "its files, not even with other tools.\n"
                    "View only is enforced by this program; someone with the files and other tools could "
                    "still "
                    "change them. Give “May add and edit” only to people you trust with your papers."
                ),
                body,
                "warning",
            )
        )
        self.feedback = note("", body)
        self.feedback.setVisible(False)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        self.refresh()

    # session -------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        """Locking (None) stops a key change running (it resumes at the next unlock)."""
        if self.key_change is not None and session is None:
            self.key_change.stop()
        self.feedback.setVisible(False)
        super().set_session(session)

    @property
    def vault(self) -> Any:
        return self.session.vault if self.session is not None else None

    def refresh(self) -> None:
        vault = self.vault
        owner = bool(vault is not None and vault.is_owner)
        self.buttons_row.setVisible(owner)
        self.table.setRowCount(0)
        if vault is None:
            self.intro.setText("")
            self._update_buttons()
            return
        me = vault.person
        if owner:
            self.intro.setText(
                self.tr(
                    "You can share parts of this vault with people you trust. They open a copy of the vault "
                    "folder "
                    "(on a USB drive, a shared drive or a synced folder) on their own computer, with their "
                    "own "
                    "passphrase, and see only the parts you chose."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "You are signed in as {0}. The owner of this vault shared these parts with you: {1}. {2}"
                ).format(
                    me.name,
                    scopes_text(me.scopes),
                    self.tr("You may add and edit records.")
                    if me.can_edit
                    else self.tr("You may view them, not change them."),
                )
            )
        people = sorted(vault.people.values(), key=lambda p: (p.role != "owner", p.name.lower()))
        for person in people:
            r = self.table.rowCount()
            self.table.insertRow(r)
            is_owner = person.role == "owner"
            name = person.name + (self.tr(" (you)") if person.id == me.id else "")
            cells = [
                name,
                person.relationship or (self.tr("Owner") if is_owner else ""),
                self.tr("Everything") if is_owner else scopes_text(person.scopes),
                self.tr("May add and edit") if (is_owner or person.can_edit) else self.tr("View only"),
                self.tr("Setup code not used yet") if person.setup_pending else "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                self.table.setItem(r, column, item)
        self.table.resizeRowsToContents()
        self._update_buttons()

    def _person_id(self, row: int) -> str | None:
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def selected_person(self) -> Any:
        vault = self.vault
        rows = self.table.selectionModel().selectedRows()
        if vault is None or not rows:
            return None
        return vault.people.get(self._person_id(rows[0].row()))

    def select_person(self, person_id: str) -> None:
        for r in range(self.table.rowCount()):
            if self._person_id(r) == person_id:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        person = self.selected_person()
        member = (
            person is not None
            and person.role != "owner"
            and self.vault is not None
            and person.id != self.vault.person.id
        )
        busy = self.key_change is not None
        self.add_btn.setEnabled(self.vault is not None and not busy)
        self.change_btn.setEnabled(member and not busy)
        self.remove_btn.setEnabled(member and not busy)

    def _report(self, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.setVisible(True)
        self.status_message.emit(text)

    # actions -------------------------------------------------------------------
    def add_person(self) -> None:
        if self.session is None or self.vault is None or not self.vault.is_owner:
            return
        added = AddPersonDialog.ask(self.session, self)
        if added is None:
            return
        person, setup_code = added
        self.refresh()
        self.select_person(person.id)
        self._report(self.tr("{0} was added.").format(person.name))
        if setup_code:
            SetupCodeDialog.ask(person.name, setup_code, self)

    def change_selected(self) -> None:
        person = self.selected_person()
        vault = self.vault
        if person is None or vault is None or not vault.is_owner or person.role == "owner":
            return
        choice = ChangeAccessDialog.ask(person.name, list(person.scopes), person.can_edit, self)
        if choice is None:
            return
        try:
            if sorted(choice.scopes) != sorted(person.scopes):
                vault.set_scopes(person.id, choice.scopes)
            if choice.can_edit != person.can_edit:
                vault.set_can_edit(person.id, choice.can_edit)
        except (VaultError, ValueError, OSError) as exc:
            self._report(describe(exc))
            return
        self.refresh()
        self.select_person(person.id)
        self._report(self.tr("What {0} may see was changed.").format(person.name))
        if choice.rotate:
            self._change_keys(vault.rotate_scopes, choice.rotate)

    def remove_selected(self) -> None:
        person = self.selected_person()
        vault = self.vault
        if person is None or vault is None or not vault.is_owner or person.role == "owner":
            return
        rotate = RemovePersonDialog.ask(person.name, self)
        if rotate is None:
            return
        if rotate:
            self._change_keys(vault.remove_person, person.id, rotate=True)
        else:
            try:
                vault.remove_person(person.id, rotate=False)
            except (VaultError, ValueError, OSError) as exc:
                self._report(describe(exc))
                return
            self.refresh()
        self._report(self.tr("{0} was removed and can no longer unlock this vault.").format(person.name))

    def _change_keys(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        self.key_change = self.last_key_change = KeyChangeDialog(fn, *args, parent=self, **kwargs)
        self.key_change.finished_work.connect(self._keys_changed)
        self._update_buttons()
        self.key_change.run()

    def _keys_changed(self, ok: bool) -> None:
        self.key_change_ok = ok
        self.key_change = None
        self.refresh()
        if self.session is not None:
            self.session.records_changed.emit()
