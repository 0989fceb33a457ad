"""The owner's sharing dialogs: add a person, show their one-time setup code, change what they may
see, remove them. Each is asked through its `ask()` classmethod (the one place that runs it modally),
which returns the person's answer or None if they cancelled."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from mbc_vault.age import DEFAULT_SCRYPT_WORK_FACTOR
from mbc_vault.people import Person

from ..dialog_fit import fit_dialog, refit_dialog, scrolling_dialog
from ..session import VaultSession
from ..widgets import DialogFooter, PassphrasePair, heading, note
from ..workers import TaskWorker, start
from ..wrapping import WrappingCheckBox, WrappingRadioButton
from .scopes import edit_choice, scope_boxes, ticked

#: scrypt work factor for passphrases typed here (tests lower it)
WORK_FACTOR = DEFAULT_SCRYPT_WORK_FACTOR


class AddPersonDialog(QDialog):
    """Name, relationship, what they may see, may they edit, and how they will unlock."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.person: Person | None = None
        self.setup_code: str | None = None
        self._worker: TaskWorker | None = None
        self._asked_for_scope = False  # the error line shows our "choose a part" hint
        self.setWindowTitle(self.tr("Add a person"))
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("Add a person"), self))
        layout.addWidget(
            note(
                self.tr(
                    "Someone you trust, such as your partner or an adult child, can open this vault on their "
                    "own "
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
        self.scope_boxes = scope_boxes(self, layout, [])
        self.edit_radio, self.view_radio = edit_choice(self, layout, False)
        layout.addWidget(heading(self.tr("How they will unlock"), self, 1.2))
        self.code_radio = WrappingRadioButton(
            self.tr("Give them a one-time setup code (they choose their own passphrase the first time)"), self
        )
        self.pass_radio = WrappingRadioButton(self.tr("They type their passphrase here now"), self)
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
        self.footer = DialogFooter(
            self,
            self._add,
            accept_text=self.tr("Add person"),
            busy=self.tr("Adding the person"),
            error_hidden=False,
        )
        self.busy, self.error, self.add_btn = self.footer.busy, self.footer.error, self.footer.save_btn
        foot.addWidget(self.footer)
        for edit in (self.name_edit, self.pass_edit, self.again_edit):
            edit.textChanged.connect(self._validate)
        for button in (self.code_radio, self.pass_radio, *self.scope_boxes.values()):
            button.toggled.connect(self._validate)
        self._validate()
        fit_dialog(self, 90)

    @classmethod
    def ask(cls, session: VaultSession, parent: QWidget | None = None) -> tuple[Person, str | None] | None:
        """The person added and their setup code (None if they type a passphrase), or None if cancelled."""
        dialog = cls(session, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def answer(self) -> tuple[Person, str | None] | None:
        return (self.person, self.setup_code) if self.person is not None else None

    def scopes(self) -> list[str]:
        return ticked(self.scope_boxes)

    def _validate(self) -> bool:
        typed = self.pass_radio.isChecked()
        if self.pass_box.isHidden() == typed:
            self.pass_box.setVisible(typed)
            if self.isVisible():
                refit_dialog(self)
        pair_ok = self.passphrase.check()
        ok = bool(self.name_edit.text().strip()) and bool(self.scopes())
        if typed:
            ok = ok and pair_ok
        self.add_btn.setEnabled(ok and self._worker is None)
        asks_for_scope = not self.scopes() and bool(self.name_edit.text().strip())
        if asks_for_scope:
            self.error.setText(self.tr("Choose at least one part they may see."))
        elif self._asked_for_scope:  # clear only our own hint, never an error shown after a failed add
            self.error.setText("")
        self._asked_for_scope = asks_for_scope
        return ok

    def _add(self) -> None:
        if not self._validate() or self.session.vault is None:
            return
        self.footer.working()
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

    def _added(self, result: tuple[Person, str | None]) -> None:
        self._worker = None
        self.footer.done()
        self.person, self.setup_code = result
        self.pass_edit.clear()
        self.again_edit.clear()
        self.accept()

    def _failed(self, message: str) -> None:
        self._worker = None
        self.footer.done(message)
        self._validate()


class SetupCodeDialog(QDialog):
    """Shows a new person's one-time setup code, large, once, with how to pass it on safely."""

    def __init__(self, name: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Setup code for {0}").format(name))
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("Setup code for {0}").format(name), self))
        layout.addWidget(
            note(
                self.tr(
                    "{0} types this code the first time they unlock the vault, then chooses a passphrase of "
                    "their own. "
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
                    "How to pass it on safely: write it on paper and hand it over in person, or read it out "
                    "on the "
                    "phone. Do not send it in the same email or message as the vault folder: anyone holding "
                    "both "
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
        foot.addWidget(buttons)
        fit_dialog(self, 90)

    @classmethod
    def ask(cls, name: str, code: str, parent: QWidget | None = None) -> None:
        """Show the code until the person says they have written it down."""
        cls(name, code, parent).exec()

    def answer(self) -> None:
        return None


@dataclass
class AccessChoice:
    """What the owner chose in ChangeAccessDialog."""

    scopes: list[str]
    can_edit: bool
    rotate: list[str]  # parts taken away whose keys are to change (empty: none)


class ChangeAccessDialog(QDialog):
    """What a person may see and whether they may change records."""

    def __init__(self, name: str, scopes: list[str], can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = list(scopes)
        self.setWindowTitle(self.tr("What {0} may see").format(name))
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("What {0} may see").format(name), self))
        self.scope_boxes = scope_boxes(self, layout, scopes)
        self.edit_radio, self.view_radio = edit_choice(self, layout, can_edit)
        self.rotate_box = WrappingCheckBox(
            self.tr(
                "Change the keys of the parts taken away (recommended: a copy they "
                "made earlier would otherwise still open the old files)"
            ),
            self,
        )
        self.rotate_box.setChecked(True)
        layout.addWidget(self.rotate_box)
        footer = DialogFooter(self, self.accept, accept_text=self.tr("Save"), error_hidden=False)
        self.error, self.buttons, self.save_btn = footer.error, footer.buttons, footer.save_btn
        foot.addWidget(footer)
        for box in self.scope_boxes.values():
            box.toggled.connect(self._validate)
        self._validate()
        fit_dialog(self, 80)

    @classmethod
    def ask(
        cls, name: str, scopes: list[str], can_edit: bool, parent: QWidget | None = None
    ) -> AccessChoice | None:
        """What the person may now see and do, or None if cancelled."""
        dialog = cls(name, scopes, can_edit, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def answer(self) -> AccessChoice:
        rotate = self.removed() if self.rotate_box.isChecked() else []
        return AccessChoice(self.scopes(), self.edit_radio.isChecked(), rotate)

    def scopes(self) -> list[str]:
        return ticked(self.scope_boxes)

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
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("Remove {0}?").format(name), self))
        layout.addWidget(
            note(
                self.tr(
                    "{0} will no longer be able to unlock this vault: their key is deleted. The records they "
                    "added "
                    "stay, and still say who added them."
                ).format(name),
                self,
            )
        )
        self.rotate_box = WrappingCheckBox(
            self.tr(
                "Change the keys of the sections they had (recommended: a copy they made earlier would "
                "otherwise "
                "still open the old files)"
            ),
            self,
        )
        self.rotate_box.setChecked(True)
        layout.addWidget(self.rotate_box)
        layout.addWidget(
            note(
                self.tr(
                    "Changing the keys re-encrypts those files and can take a few minutes. You can stop it "
                    "at any "
                    "time: it carries on the next time you open the vault."
                ),
                self,
            )
        )
        footer = DialogFooter(self, self.accept, accept_text=self.tr("Remove"))
        self.buttons, self.remove_btn = footer.buttons, footer.save_btn
        self.remove_btn.setDefault(False)
        footer.cancel_btn.setDefault(True)  # removing someone is never what Enter does
        foot.addWidget(footer)
        fit_dialog(self, 80)

    @classmethod
    def ask(cls, name: str, parent: QWidget | None = None) -> bool | None:
        """None if cancelled; otherwise whether to change the keys of what they had."""
        dialog = cls(name, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def answer(self) -> bool:
        return self.rotate_box.isChecked()
