"""A form dialog for one cancer-record entry, built from a list of fields.

Every field has its message line beside it: when the model's validation names a field
(FieldError), the message appears there and that field gets the focus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.cancer.models import FieldError, Model
from mbc_vault.entries import Entry, EntryStore
from mbc_vault.errors import VaultError

from ..dialog_fit import fit_dialog, scrolling_dialog
from ..errors import describe
from ..vocab_labels import vocab_label
from ..widgets import DialogFooter, heading, note


@dataclass
class FieldSpec:
    name: str
    label: str
    kind: str = "text"  # text, date, choice, number, int, check, multiline, list
    options: dict[str, str] | None = None
    hint: str = ""
    suggestions: list[str] | None = None


class ListEditor(QWidget):
    """A list of short texts (e.g. the drugs of a regimen): type or pick, Add, Remove."""

    def __init__(self, suggestions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type or pick a name, then Add"))
        completer = QCompleter(suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.add_btn = QPushButton(self.tr("Add"), self)
        self.remove_btn = QPushButton(self.tr("Remove"), self)
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_btn)
        row.addWidget(self.remove_btn)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(110)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.add_btn.clicked.connect(self.add_current)
        self.edit.returnPressed.connect(self.add_current)
        self.remove_btn.clicked.connect(lambda: self.list.takeItem(self.list.currentRow()))

    def name_parts(self, label: str) -> None:
        """Accessible names for the field, the list and the buttons, from the field's *label*."""
        self.setAccessibleName(label)
        self.edit.setAccessibleName(self.tr("{0}: a name to add").format(label))
        self.list.setAccessibleName(self.tr("{0}: added").format(label))
        self.add_btn.setAccessibleName(self.tr("Add to {0}").format(label))
        self.remove_btn.setAccessibleName(self.tr("Remove the chosen one from {0}").format(label))

    def _items(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def add_current(self) -> None:
        text = self.edit.text().strip()
        if text and text not in self._items():
            self.list.addItem(text)
        self.edit.clear()

    def values(self) -> list[str]:
        """The list, plus what is typed but not yet added (people often forget to press Add)."""
        pending = self.edit.text().strip()
        items = self._items()
        return items + ([pending] if pending and pending not in items else [])

    def set_values(self, values: list[str]) -> None:
        self.list.clear()
        for value in values:
            self.list.addItem(value)


def source_text(model: Model) -> str:
    """“From: <document>, <date>” for an entry that came from a file (its data's `source`, set by a
    portal import); "" for one typed in."""
    source = model.extra.get("source")
    if not isinstance(source, dict):
        return ""
    label, date = str(source.get("label") or "").strip(), str(source.get("date") or "").strip()
    if not label:
        return ""
    if date:
        return QCoreApplication.translate("EntryForm", "From: {0}, {1}").format(label, date)
    return QCoreApplication.translate("EntryForm", "From: {0}").format(label)


class EntryFormDialog(QDialog):
    """Edit one model; Save validates, stores through its EntryStore (CancerRecord, CarePlan) and closes."""

    def __init__(
        self,
        title: str,
        model: Model,
        specs: list[FieldSpec],
        cancer: EntryStore,
        record_id: str | None = None,
        links: list[str] | None = None,
        documents: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.model, self.specs, self.cancer, self.record_id = model, specs, cancer, record_id
        self.entry: Entry[Any] | None = None
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(title, self, 1.4))
        self.source_line: QLabel | None = None
        source = source_text(model)
        if source:
            self.source_line = note(source, self)  # read only: where a portal import found the entry
            self.source_line.setAccessibleName(source)
            layout.addWidget(self.source_line)
        body = QWidget(self)
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            widget = self._make(spec, getattr(model, spec.name))
            widget.setAccessibleName(spec.label.rstrip(":"))
            if isinstance(widget, ListEditor):
                widget.name_parts(spec.label.rstrip(":"))
            error = note("", body, "error")
            error.setVisible(False)
            box = QWidget(body)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            if spec.hint:
                column.addWidget(note(spec.hint, box))
            column.addWidget(error)
            form.addRow(spec.label, box)
            self.widgets[spec.name], self.errors[spec.name] = widget, error
        self.documents = QListWidget(body)
        self.documents.setAccessibleName(self.tr("Supporting documents"))
        for record_id_, title_ in documents or []:
            item = QListWidgetItem(title_, self.documents)
            item.setData(Qt.ItemDataRole.UserRole, record_id_)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if record_id_ in (links or []) else Qt.CheckState.Unchecked
            )
        if documents:
            self.documents.setMaximumHeight(140)
            form.addRow(self.tr("Supporting documents:"), self.documents)
        else:
            self.documents.hide()  # outside the layout it would sit over the first label
        layout.addWidget(body)
        footer = DialogFooter(self, self.save, error_hidden=False)
        self.general_error, self.buttons, self.save_btn = footer.error, footer.buttons, footer.save_btn
        foot.addWidget(footer)
        fit_dialog(self, 90)

    @classmethod
    def ask(cls, *args: Any, **kwargs: Any) -> Entry[Any] | None:
        dialog = cls(*args, **kwargs)
        return dialog.entry if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _make(self, spec: FieldSpec, value: Any) -> QWidget:
        if spec.kind == "choice":
            combo = QComboBox(self)
            combo.addItem(self.tr("(not set)"), "")
            options = spec.options or {}
            for key in options:
                combo.addItem(vocab_label(options, key), key)
            combo.setCurrentIndex(max(0, combo.findData(value or "")))
            return combo
        if spec.kind == "check":
            check = QCheckBox(self)
            check.setChecked(bool(value))
            return check
        if spec.kind == "multiline":
            if isinstance(value, list):  # e.g. other biomarker results: one "name: result" per line
                value = "\n".join(f"{item.get('name', '')}: {item.get('result', '')}" for item in value)
            edit = QPlainTextEdit(str(value or ""), self)
            edit.setMaximumHeight(90)
            edit.setTabChangesFocus(True)  # keyboard users: Tab moves on instead of typing a tab
            return edit
        if spec.kind == "list":
            editor = ListEditor(spec.suggestions or [], self)
            editor.set_values(list(value or []))
            return editor
        line = QLineEdit(
            "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)), self
        )
        if spec.kind == "date":
            line.setPlaceholderText("YYYY-MM-DD")
        if spec.suggestions:
            completer = QCompleter(spec.suggestions, line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            line.setCompleter(completer)
        return line

    def _value(self, spec: FieldSpec) -> Any:
        widget = self.widgets[spec.name]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, ListEditor):
            return widget.values()
        assert isinstance(widget, QLineEdit), spec.name  # what _make gives every other kind of field
        text = widget.text().strip()
        if spec.kind in ("date", "number", "int"):
            return text or None
        return text

    def set_value(self, name: str, text: str) -> None:
        """Test seam: type into a text field or choose an option by its key."""
        widget = self.widgets[name]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(text))
        elif isinstance(widget, QLineEdit):
            widget.setText(text)

    def links(self) -> list[str]:
        return [
            self.documents.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.documents.count())
            if self.documents.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> None:
        for label in self.errors.values():
            label.setVisible(False)
        self.general_error.setText("")
        candidate = type(self.model).from_form(
            {**self.model.to_data(), **{s.name: self._value(s) for s in self.specs}}
        )
        try:
            self.entry = self.cancer.save(
                candidate, record_id=self.record_id, links=self.links() if self.documents.count() else None
            )
        except FieldError as exc:
            error_label = self.errors.get(exc.field)
            if error_label is None:
                self.general_error.setText(describe(exc))
            else:
                error_label.setText(describe(exc))
                error_label.setVisible(True)
                self.widgets[exc.field].setFocus()
            return
        except (VaultError, ValueError) as exc:
            self.general_error.setText(describe(exc))
            return
        self.accept()
