"""Editing a record's title, category, date, provider, tags and notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from mbc_vault.categories import CATEGORIES
from mbc_vault.records import Record, check_date

from .category_names import category_label
from .dialog_fit import fit_dialog, scrolling_dialog
from .errors import describe
from .widgets import DialogFooter, heading


class EditRecordDialog(QDialog):
    """Returns the changed fields with `changes()` after exec()."""

    def __init__(self, record: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit details"))
        self.record = record
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("Edit details"), self, 1.4))
        form = QFormLayout()
        self.title_edit = QLineEdit(record.title, self)
        self.category_combo = QComboBox(self)
        for slug in CATEGORIES:
            self.category_combo.addItem(category_label(slug), slug)
        self.category_combo.setCurrentIndex(self.category_combo.findData(record.category))
        self.date_edit = QLineEdit(record.date or "", self)
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        self.provider_edit = QLineEdit(record.provider, self)
        self.tags_edit = QLineEdit(", ".join(record.tags), self)
        self.notes_edit = QPlainTextEdit(record.notes, self)
        for label, widget in (
            (self.tr("Title:"), self.title_edit),
            (self.tr("Category:"), self.category_combo),
            (self.tr("Date:"), self.date_edit),
            (self.tr("Provider:"), self.provider_edit),
            (self.tr("Tags (comma separated):"), self.tags_edit),
            (self.tr("Notes:"), self.notes_edit),
        ):
            widget.setAccessibleName(label.rstrip(":"))
            form.addRow(label, widget)
        layout.addLayout(form)
        footer = DialogFooter(self, self._check_and_accept, error_hidden=False)
        self.error, self.buttons, self.save_btn = footer.error, footer.buttons, footer.save_btn
        foot.addWidget(footer)
        fit_dialog(self, 80)

    @classmethod
    def ask(cls, record: Record, parent: QWidget | None = None) -> dict[str, Any] | None:
        """The changed fields, or None if cancelled."""
        dialog = cls(record, parent)
        return dialog.changes() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def changes(self) -> dict[str, Any]:
        new = {
            "title": self.title_edit.text().strip(),
            "category": self.category_combo.currentData(),
            "date": self.date_edit.text().strip() or None,
            "provider": self.provider_edit.text().strip(),
            "tags": [t.strip() for t in self.tags_edit.text().split(",") if t.strip()],
            "notes": self.notes_edit.toPlainText(),
        }
        return {k: v for k, v in new.items() if getattr(self.record, k) != v}

    def _check_and_accept(self) -> None:
        if not self.title_edit.text().strip():
            self.error.setText(self.tr("The title cannot be empty."))
            return
        try:
            check_date(self.date_edit.text().strip() or None)
        except ValueError as exc:
            self.error.setText(describe(exc))
            return
        self.accept()
