"""The problem line under each field of a small form (the lab value and symptom dialogs).

A field's row holds its widget (or a layout of widgets) with a hidden error label below; `show()` hides
every line, shows the one of the field a FieldError named (or the footer's general line), resizes the
dialog so a wrapped message has room, and puts the focus on the field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

from ..dialog_fit import refit_dialog
from ..widgets import note


class FieldErrors:
    """Error lines by field name (`lines`), the widgets to focus (`widgets`) and the general line."""

    def __init__(self, dialog: QDialog) -> None:
        self.dialog = dialog
        self.general: QLabel | None = None  # the footer's line, for a problem of no one field
        self.lines: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add_row(
        self,
        form: QFormLayout,
        name: str,
        label: str | QLabel,
        content: QWidget | QLayout,
        focus: QWidget | None = None,
    ) -> None:
        """A row of *form*: *content* over the field's (hidden) error line; a problem with the field
        focuses *content* (or *focus*, for a layout)."""
        title = label if isinstance(label, str) else label.text()
        error = note("", self.dialog, "error")
        error.setVisible(False)
        error.setAccessibleName(
            QCoreApplication.translate("FieldErrors", "Problem with {0}").format(title.rstrip(":"))
        )
        cell = QVBoxLayout()
        cell.setSpacing(2)
        if isinstance(content, QWidget):
            content.setAccessibleName(title.rstrip(":"))
            self.widgets[name] = content
            cell.addWidget(content)
        else:
            cell.addLayout(content)
        if focus is not None:
            self.widgets[name] = focus
        cell.addWidget(error)
        self.lines[name] = error
        form.addRow(label, cell)

    def show(self, field: str, message: str) -> None:
        lines = [*self.lines.values(), *([self.general] if self.general is not None else [])]
        for each in lines:
            each.setVisible(False)
        shown = self.lines.get(field) or self.general
        if shown is None:
            return
        shown.setText(message)
        shown.setVisible(True)
        refit_dialog(self.dialog)  # room for the message (a wrapped label needs the height for its width)
        widget = self.widgets.get(field)
        if widget is not None:
            widget.setFocus()
