"""The form to add or change one lab value (the labs section's Add and Edit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from mbc_vault.cancer.models import FieldError, LabValue
from mbc_vault.cancer.vocab import MARKERS
from mbc_vault.entries import Entry
from mbc_vault.errors import VaultError

from ..dialog_fit import fit_dialog, scrolling_dialog
from ..errors import describe
from ..session import VaultSession
from ..widgets import DialogFooter, heading
from .fields import FieldErrors


class LabValueDialog(QDialog):
    """Add or change one lab value; each field's problem is shown under it. Saves on Save."""

    FIELDS = ("date", "test", "value", "unit", "lab")

    def __init__(
        self,
        session: VaultSession,
        parent: QWidget | None = None,
        *,
        entry: Entry[LabValue] | None = None,
        test: str = "",
        tests: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.session, self.original = session, entry
        self.entry: Entry[LabValue] | None = None
        title = self.tr("Change a lab value") if entry else self.tr("Add a lab value")
        self.setWindowTitle(title)
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(title, self, 1.4))
        form = QFormLayout()
        model = entry.model if entry else LabValue(date=dt.date.today().isoformat(), test=test)
        self.date_edit = QLineEdit(model.date or "", self)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.test_combo = QComboBox(self)
        self.test_combo.setEditable(True)
        self.test_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.test_combo.addItems(list(dict.fromkeys([*MARKERS, *tests])))
        self.test_combo.setEditText(model.test)
        self.value_edit = QLineEdit("" if model.value is None else f"{model.value:g}", self)
        self.unit_edit = QLineEdit(model.unit or MARKERS.get(model.test, ""), self)
        self.lab_edit = QLineEdit(model.lab, self)
        self.lab_edit.setPlaceholderText(self.tr("Optional, e.g. City Hospital lab"))
        self.test_combo.currentTextChanged.connect(self._test_changed)
        widgets = {
            "date": self.date_edit,
            "test": self.test_combo,
            "value": self.value_edit,
            "unit": self.unit_edit,
            "lab": self.lab_edit,
        }
        labels = {
            "date": self.tr("Date:"),
            "test": self.tr("Test:"),
            "value": self.tr("Value:"),
            "unit": self.tr("Unit:"),
            "lab": self.tr("Lab:"),
        }
        self.fields = FieldErrors(self)
        for name in self.FIELDS:
            self.fields.add_row(form, name, labels[name], widgets[name])
        self.errors = self.fields.lines
        layout.addLayout(form)
        footer = DialogFooter(self, self.save)
        self.general_error, self.save_btn = footer.error, footer.save_btn
        self.fields.general = footer.error
        self.save_btn.setDefault(True)
        self.save_btn.setAccessibleName(self.tr("Save"))
        foot.addWidget(footer)
        fit_dialog(self, 75)
        (self.value_edit if entry is None and model.test else self.date_edit).setFocus()

    @classmethod
    def ask(
        cls, session: VaultSession, parent: QWidget | None = None, **kwargs: Any
    ) -> Entry[LabValue] | None:
        """The saved entry, or None if cancelled."""
        dialog = cls(session, parent, **kwargs)
        return dialog.entry if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _test_changed(self, text: str) -> None:
        expected = MARKERS.get(text.strip())
        if expected and (
            not self.unit_edit.text().strip() or self.unit_edit.text().strip() in MARKERS.values()
        ):
            self.unit_edit.setText(expected)

    def show_error(self, field: str, message: str) -> None:
        self.fields.show(field, message)

    def save(self) -> None:
        cancer = self.session.cancer if self.session is not None else None
        if cancer is None:
            self.reject()
            return
        base = LabValue.from_data(self.original.record.data) if self.original else LabValue()
        base.date = self.date_edit.text().strip()
        base.test = self.test_combo.currentText()
        base.value = self.value_edit.text()  # validate() reads the number
        base.unit = self.unit_edit.text()
        base.lab = self.lab_edit.text().strip()
        try:
            self.entry = cancer.save(base, record_id=self.original.id if self.original else None)
        except FieldError as exc:
            self.show_error(exc.field, describe(exc))
            return
        except (VaultError, ValueError, OSError) as exc:
            self.show_error("", describe(exc))
            return
        self.session.entry_saved(LabValue.KIND)
        self.accept()
