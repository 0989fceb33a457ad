"""“People and sharing”: who else may open this vault, which parts and whether they may change them.

The owner adds people (with a passphrase of their own or a one-time setup code), changes what they
may see, and removes them, offering to change the keys of the sections they held (re-encrypting
those files in the background, with progress; safe to interrupt: it resumes at the next unlock).
Everyone else sees who they are and what they were given, read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.age import DEFAULT_SCRYPT_WORK_FACTOR
from mbc_vault.categories import SCOPES
from mbc_vault.errors import VaultError

from ..errors import describe
from ..session import VaultSession
from ..widgets import PassphrasePair, fit_to_width, heading, note
from ..workers import TaskWorker, start

#: scrypt work factor for passphrases typed here (tests lower it)
WORK_FACTOR = DEFAULT_SCRYPT_WORK_FACTOR


def scope_name(scope: str) -> str:
    names = {
        "legal": QCoreApplication.translate("Sharing", "Legal and money papers"),
        "care": QCoreApplication.translate("Sharing", "Care and appointments"),
        "medical": QCoreApplication.translate("Sharing", "Medical records"),
    }
    return names.get(scope, scope)


def scope_explanation(scope: str) -> str:
    texts = {
        "legal": QCoreApplication.translate(
            "Sharing",
            "Will, living will, advance directives, powers of attorney, insurance and money papers.",
        ),
        "care": QCoreApplication.translate(
            "Sharing", "Appointments, questions for the doctors, care team, people to tell, care priorities."
        ),
        "medical": QCoreApplication.translate(
            "Sharing", "Everything clinical: diagnosis, treatment, symptoms, labs, reports and scans, trials."
        ),
    }
    return texts.get(scope, "")


def scopes_text(scopes: list[str]) -> str:
    shown = [scope_name(s) for s in SCOPES if s in scopes]
    return ", ".join(shown) if shown else QCoreApplication.translate("Sharing", "Nothing yet")


def _scope_boxes(parent: QWidget, layout: QVBoxLayout, chosen: list[str]) -> dict[str, QCheckBox]:
    boxes: dict[str, QCheckBox] = {}
    for scope in ("legal", "care", "medical"):
        box = QCheckBox(scope_name(scope), parent)
        box.setChecked(scope in chosen)
        box.setAccessibleDescription(scope_explanation(scope))
        hint = note(scope_explanation(scope), parent)
        hint.setContentsMargins(28, 0, 0, 6)
        layout.addWidget(box)
        layout.addWidget(hint)
        boxes[scope] = box
    return boxes


def _edit_choice(parent: QWidget, layout: QVBoxLayout, can_edit: bool) -> tuple[QRadioButton, QRadioButton]:
    edit = QRadioButton(QCoreApplication.translate("Sharing", "May add and edit records"), parent)
    view = QRadioButton(QCoreApplication.translate("Sharing", "View only"), parent)
    group = QButtonGroup(parent)
    group.addButton(edit)
    group.addButton(view)
    (edit if can_edit else view).setChecked(True)
    row = QHBoxLayout()
    row.addWidget(edit)
    row.addWidget(view)
    row.addStretch(1)
    layout.addLayout(row)
    return edit, view


class AddPersonDialog(QDialog):
    """Name, relationship, what they may see, may they edit, and how they will unlock."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.person: Any = None
        self.setup_code: str | None = None
        self._worker: TaskWorker | None = None
        self.setWindowTitle(self.tr("Add a person"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Add a person"), self))
        layout.addWidget(
            note(
                self.tr(
                    "Someone you trust, such as your partner or an adult child, can open this vault on their own "
                    "computer with a copy of the folder. They see only the parts you choose."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Their name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Sam Example"))
        self.relationship_edit = QLineEdit(self)
        self.relationship_edit.setAccessibleName(self.tr("Relationship"))
        self.relationship_edit.setPlaceholderText(self.tr("e.g. husband, daughter, friend"))
        form.addRow(self.tr("Their name:"), self.name_edit)
        form.addRow(self.tr("Relationship:"), self.relationship_edit)
        layout.addLayout(form)
        layout.addWidget(heading(self.tr("What they may see"), self, 1.2))
        self.scope_boxes = _scope_boxes(self, layout, [])
        self.edit_radio, self.view_radio = _edit_choice(self, layout, False)
        layout.addWidget(heading(self.tr("How they will unlock"), self, 1.2))
        self.code_radio = QRadioButton(
            self.tr("Give them a one-time setup code (they choose their own passphrase the first time)"), self
        )
        self.pass_radio = QRadioButton(self.tr("They type their passphrase here now"), self)
        group = QButtonGroup(self)
        group.addButton(self.code_radio)
        group.addButton(self.pass_radio)
        self.code_radio.setChecked(True)
        layout.addWidget(self.code_radio)
        layout.addWidget(self.pass_radio)
        self.pass_box = QWidget(self)
        pass_form = QFormLayout(self.pass_box)
        pass_form.setContentsMargins(28, 0, 0, 0)
        self.passphrase = PassphrasePair(
            pass_form,
            self.pass_box,
            label=self.tr("Passphrase:"),
            again_label=self.tr("Passphrase again:"),
            name=self.tr("Their passphrase"),
            again_name=self.tr("Their passphrase again"),
        )
        self.pass_edit, self.again_edit = self.passphrase.pass_edit, self.passphrase.again_edit
        self.strength, self.match = self.passphrase.strength, self.passphrase.match
        layout.addWidget(self.pass_box)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Adding the person"))
        self.error = note("", self, "error")
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.add_btn = self.buttons.addButton(self.tr("Add person"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_btn.setDefault(True)
        self.add_btn.setAccessibleName(self.tr("Add person"))
        self.buttons.accepted.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.name_edit, self.pass_edit, self.again_edit):
            edit.textChanged.connect(self._validate)
        for button in (self.code_radio, self.pass_radio, *self.scope_boxes.values()):
            button.toggled.connect(self._validate)
        self._validate()
        fit_to_width(self, 680)

    def scopes(self) -> list[str]:
        return [s for s, box in self.scope_boxes.items() if box.isChecked()]

    def _validate(self) -> bool:
        typed = self.pass_radio.isChecked()
        if self.pass_box.isHidden() == typed:
            self.pass_box.setVisible(typed)
            if self.isVisible():
                fit_to_width(self, max(self.width(), 680))
        pair_ok = self.passphrase.check()
        ok = bool(self.name_edit.text().strip()) and bool(self.scopes())
        if typed:
            ok = ok and pair_ok
        self.add_btn.setEnabled(ok and self._worker is None)
        if not self.scopes() and self.name_edit.text().strip():
            self.error.setText(self.tr("Choose at least one part they may see."))
        elif self.error.text() == self.tr("Choose at least one part they may see."):
            self.error.setText("")
        return ok

    def _add(self) -> None:
        if not self._validate() or self.session.vault is None:
            return
        self.error.setText("")
        self.busy.setVisible(True)
        self.add_btn.setEnabled(False)
        passphrase = self.pass_edit.text() if self.pass_radio.isChecked() else None
        worker = TaskWorker(
            self.session.vault.add_person,
            self.name_edit.text().strip(),
            self.relationship_edit.text().strip(),
            self.scopes(),
            self.edit_radio.isChecked(),
            passphrase,
            work_factor=WORK_FACTOR,
        )
        worker.signals.finished.connect(self._added)
        worker.signals.failed.connect(self._failed)
        self._worker = start(worker)

    def _added(self, result: tuple[Any, str | None]) -> None:
        self._worker = None
        self.busy.setVisible(False)
        self.person, self.setup_code = result
        self.pass_edit.clear()
        self.again_edit.clear()
        self.accept()

    def _failed(self, message: str) -> None:
        self._worker = None
        self.busy.setVisible(False)
        self.error.setText(message)
        self._validate()


class SetupCodeDialog(QDialog):
    """Shows a new person's one-time setup code, large, once, with how to pass it on safely."""

    def __init__(self, name: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Setup code for {0}").format(name))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Setup code for {0}").format(name), self))
        layout.addWidget(
            note(
                self.tr(
                    "{0} types this code the first time they unlock the vault, then chooses a passphrase of their own. "
                    "The code works only once, and this is the only time it is shown."
                ).format(name),
                self,
            )
        )
        self.code_label = QLabel(code, self)
        self.code_label.setObjectName("setupCode")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(max(20.0, self.font().pointSizeF() * 2.2))
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Setup code"))
        self.code_label.setAccessibleDescription(" ".join(code.replace("-", " ")))
        self.code_label.setContentsMargins(12, 18, 12, 18)
        layout.addWidget(self.code_label)
        layout.addWidget(
            note(
                self.tr(
                    "How to pass it on safely: write it on paper and hand it over in person, or read it out on the "
                    "phone. Do not send it in the same email or message as the vault folder: anyone holding both "
                    "could open what you shared with {0}.\n"
                    "If the code gets lost before it is used, remove {0} and add them again."
                ).format(name),
                self,
                "warning",
            )
        )
        buttons = QDialogButtonBox(self)
        self.done_btn = buttons.addButton(
            self.tr("I have written it down"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.done_btn.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit_to_width(self, 780)


class ChangeAccessDialog(QDialog):
    """What a person may see and whether they may change records."""

    def __init__(self, name: str, scopes: list[str], can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = list(scopes)
        self.setWindowTitle(self.tr("What {0} may see").format(name))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("What {0} may see").format(name), self))
        self.scope_boxes = _scope_boxes(self, layout, scopes)
        self.edit_radio, self.view_radio = _edit_choice(self, layout, can_edit)
        self.rotate_box = QCheckBox(
            self.tr(
                "Change the keys of the parts taken away (recommended: a copy they "
                "made earlier would otherwise still open the old files)"
            ),
            self,
        )
        self.rotate_box.setChecked(True)
        layout.addWidget(self.rotate_box)
        self.error = note("", self, "error")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_btn = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_btn.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for box in self.scope_boxes.values():
            box.toggled.connect(self._validate)
        self._validate()
        fit_to_width(self, 620)

    def scopes(self) -> list[str]:
        return [s for s, box in self.scope_boxes.items() if box.isChecked()]

    def removed(self) -> list[str]:
        return [s for s in self.original if s not in self.scopes()]

    def _validate(self) -> None:
        self.rotate_box.setVisible(bool(self.removed()))
        self.save_btn.setEnabled(bool(self.scopes()))
        self.error.setText(
            "" if self.scopes() else self.tr("Choose at least one part, or remove the person instead.")
        )


class RemovePersonDialog(QDialog):
    """Says plainly what removing does; offers to change the keys (checked by default)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove {0}").format(name))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Remove {0}?").format(name), self))
        layout.addWidget(
            note(
                self.tr(
                    "{0} will no longer be able to unlock this vault: their key is deleted. The records they added "
                    "stay, and still say who added them."
                ).format(name),
                self,
            )
        )
        self.rotate_box = QCheckBox(
            self.tr(
                "Change the keys of the sections they had (recommended: a copy they made earlier would otherwise "
                "still open the old files)"
            ),
            self,
        )
        self.rotate_box.setChecked(True)
        layout.addWidget(self.rotate_box)
        layout.addWidget(
            note(
                self.tr(
                    "Changing the keys re-encrypts those files and can take a few minutes. You can stop it at any "
                    "time: it carries on the next time you open the vault."
                ),
                self,
            )
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.remove_btn = self.buttons.addButton(self.tr("Remove"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout.addWidget(self.buttons)
        fit_to_width(self, 600)


class KeyChangeDialog(QDialog):
    """Runs a key change (rotation) in the thread pool, with progress and a Stop button."""

    finished_work = Signal(bool)  # True when everything was re-encrypted

    def __init__(self, fn: Any, *args: Any, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changing the keys"))
        self.ok: bool | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Changing the keys"), self, 1.4))
        self.status = note(self.tr("Re-encrypting the files of the sections concerned…"), self)
        layout.addWidget(self.status)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setAccessibleName(self.tr("Progress of the key change"))
        layout.addWidget(self.bar)
        self.current = note("", self)
        layout.addWidget(self.current)
        row = QHBoxLayout()
        row.addStretch(1)
        self.stop_btn = QPushButton(self.tr("Stop"), self)
        self.stop_btn.setAccessibleName(self.tr("Stop changing the keys"))
        self.stop_btn.clicked.connect(self.stop)
        self.close_btn = QPushButton(self.tr("Close"), self)
        self.close_btn.clicked.connect(self.accept)
        self.close_btn.setVisible(False)
        row.addWidget(self.stop_btn)
        row.addWidget(self.close_btn)
        layout.addLayout(row)
        fit_to_width(self, 560)
        self.worker = TaskWorker(fn, *args, **kwargs)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)

    def run(self) -> None:
        self.open()
        start(self.worker)

    def _progress(self, done: int, total: int, _stage: str, _item: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.current.setText(self.tr("{0} of {1} files").format(done, total))

    def stop(self) -> None:
        self.worker.cancel.set()
        self.stop_btn.setEnabled(False)
        self.status.setText(self.tr("Stopping after the current file…"))

    def _end(self, ok: bool, text: str) -> None:
        self.ok = ok
        self.status.setText(text)
        self.stop_btn.setVisible(False)
        self.close_btn.setVisible(True)
        self.close_btn.setDefault(True)
        self.close_btn.setFocus()
        self.finished_work.emit(ok)

    def _finished(self, report: Any) -> None:
        problems = list(getattr(report, "problems", []) or [])
        if self.bar.maximum() == 0:
            self.bar.setRange(0, 1)
        self.bar.setValue(self.bar.maximum())
        if problems:
            self._end(
                False,
                self.tr(
                    "The keys were changed, but some files could not be re-encrypted; "
                    "use Help › Check vault for damage:\n"
                )
                + "\n".join(p.describe() for p in problems[:5]),
            )
        else:
            self._end(True, self.tr("Done. Files copied before today no longer open with the old keys."))

    def _failed(self, message: str) -> None:
        if self.worker.cancel.is_set():
            message = self.tr(
                "Stopped. Nothing is lost: the key change carries on the next time you open the vault."
            )
        self._end(False, message)

    def reject(self) -> None:  # Escape: stop, never leave the work running unseen
        if self.ok is None:
            self.stop()
            return
        super().reject()


class PeopleAccessSection(QWidget):
    """Who may open this vault and what they may see."""

    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.key_change: KeyChangeDialog | None = None
        self.last_key_change: KeyChangeDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading(self.tr("People and sharing"), body))
        self.intro = note("", body)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 5, body)
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
                    "What is protected: each part has its own key, so someone who was not given a part cannot open "
                    "its files, not even with other tools.\n"
                    "View only is enforced by this program; someone with the files and other tools could still "
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
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.refresh()

    # session -------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        if self.key_change is not None and session is None:
            self.key_change.stop()
        self.session = session
        self.feedback.setVisible(False)
        self.refresh()

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
                    "You can share parts of this vault with people you trust. They open a copy of the vault folder "
                    "(on a USB drive, a shared drive or a synced folder) on their own computer, with their own "
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

    def selected_person(self) -> Any:
        vault = self.vault
        rows = self.table.selectionModel().selectedRows()
        if vault is None or not rows:
            return None
        pid = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return vault.people.get(pid)

    def select_person(self, person_id: str) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == person_id:
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
        dialog = AddPersonDialog(self.session, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.person is None:
            return
        person = dialog.person
        self.refresh()
        self.select_person(person.id)
        self._report(self.tr("{0} was added.").format(person.name))
        if dialog.setup_code:
            self.code_dialog = SetupCodeDialog(person.name, dialog.setup_code, self)
            self.code_dialog.exec()
            self.code_dialog = None

    def change_selected(self) -> None:
        person = self.selected_person()
        vault = self.vault
        if person is None or vault is None or not vault.is_owner or person.role == "owner":
            return
        dialog = ChangeAccessDialog(person.name, list(person.scopes), person.can_edit, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            if sorted(dialog.scopes()) != sorted(person.scopes):
                vault.set_scopes(person.id, dialog.scopes())
            if dialog.edit_radio.isChecked() != person.can_edit:
                vault.set_can_edit(person.id, dialog.edit_radio.isChecked())
        except (VaultError, ValueError, OSError) as exc:
            self._report(describe(exc))
            return
        self.refresh()
        self.select_person(person.id)
        self._report(self.tr("What {0} may see was changed.").format(person.name))
        removed = dialog.removed()
        if removed and dialog.rotate_box.isChecked():
            self._change_keys(vault.rotate_scopes, removed)

    def remove_selected(self) -> None:
        person = self.selected_person()
        vault = self.vault
        if person is None or vault is None or not vault.is_owner or person.role == "owner":
            return
        dialog = RemovePersonDialog(person.name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.rotate_box.isChecked():
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
