"""Log a symptom in a few seconds: date, symptom, severity 0-10 as large buttons, notes; Enter saves."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.cancer.models import FieldError, Symptom
from mbc_vault.cancer.vocab import SYMPTOMS
from mbc_vault.entries import Entry
from mbc_vault.errors import VaultError

from ..dialog_fit import fit_dialog, refit_dialog, scrolling_dialog
from ..errors import describe
from ..reflow import FlowLayout
from ..session import VaultSession
from ..vocab_labels import symptom_code, symptom_label
from ..widgets import DialogFooter, heading, note
from .fields import FieldErrors

#: the 0-10 scale: big square buttons (the app's button padding would clip "10"); the chosen one filled
SCALE_STYLE = """
QPushButton#severity { padding: 0.2em 0.1em; min-width: 2.2em; min-height: 2.2em; }
QPushButton#severity:checked { background: #1565c0; color: white; border: 2px solid #0b2e63; }
QPushButton#severity:checked:focus { border: 3px solid #0b2e63; }
"""


def has_location(symptom: str) -> bool:
    """Pain (and joint pain...) is logged with where it hurts (*symptom*: what is stored, a code or the
    person's words)."""
    return "pain" in symptom.strip().lower()


class QuickSymptomDialog(QDialog):
    """Log (or change) one symptom entry; saves through the cancer record and tells the session."""

    FIELDS = ("date", "symptom", "location", "severity", "notes")

    def __init__(
        self,
        session: VaultSession,
        parent: QWidget | None = None,
        *,
        entry: Entry[Symptom] | None = None,
        symptom: str = "",
        known: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.session, self.original = session, entry
        self.entry: Entry[Symptom] | None = None
        title = self.tr("Change a symptom entry") if entry else self.tr("Log a symptom")
        self.setWindowTitle(title)
        self.setStyleSheet(SCALE_STYLE)
        model = entry.model if entry else Symptom(symptom=symptom)
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(title, self, 1.4))
        form = QFormLayout()

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setDate(
            QDate.fromString(model.date, "yyyy-MM-dd") if model.date else QDate.currentDate()
        )
        self.symptom_combo = QComboBox(self)
        self.symptom_combo.setEditable(True)
        self.symptom_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # the labels in the app's language; saving stores the code of the one chosen (symptom_code)
        self.symptom_combo.addItems(list(dict.fromkeys(symptom_label(name) for name in [*SYMPTOMS, *known])))
        self.symptom_combo.setEditText(symptom_label(model.symptom))
        symptom_line = self.symptom_combo.lineEdit()
        assert symptom_line is not None  # an editable combo box has one
        symptom_line.setPlaceholderText(self.tr("Choose or type, e.g. fatigue"))
        self.location_edit = QLineEdit(model.location, self)
        self.location_edit.setPlaceholderText(self.tr("Where, e.g. lower back"))

        self.severity_group = QButtonGroup(self)
        self.severity_group.setExclusive(True)
        severity_row = FlowLayout(spacing=4)  # at large text the scale wraps onto a second line
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.severity_buttons: list[QPushButton] = []
        for number in range(11):
            button = QPushButton(str(number), self)
            button.setObjectName("severity")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFont(big)
            button.setAccessibleName(self.tr("Severity {0} of 10").format(number))
            button.installEventFilter(self)
            self.severity_group.addButton(button, number)
            self.severity_buttons.append(button)
            severity_row.addWidget(button)
        self.severity_group.idToggled.connect(self._severity_toggled)
        self.severity_label = QLabel(self)
        self.severity_label.setFont(big)
        self.severity_label.setAccessibleName(self.tr("Chosen severity"))
        scale = note(
            self.tr("0 means none, 10 the worst you can imagine. Arrow keys or a digit choose."), self
        )
        severity_box = QVBoxLayout()
        severity_box.addLayout(severity_row)
        severity_box.addWidget(self.severity_label)
        severity_box.addWidget(scale)
        self.notes_edit = QLineEdit(model.notes, self)
        self.notes_edit.setPlaceholderText(self.tr("Optional: what helped, what made it worse"))

        widgets: dict[str, QWidget] = {
            "date": self.date_edit,
            "symptom": self.symptom_combo,
            "location": self.location_edit,
            "notes": self.notes_edit,
        }
        labels = {
            "date": self.tr("Date:"),
            "symptom": self.tr("Symptom:"),
            "location": self.tr("Where:"),
            "severity": self.tr("Severity:"),
            "notes": self.tr("Notes:"),
        }
        self.location_label = QLabel(labels["location"], self)
        self.fields = FieldErrors(self)
        for name in self.FIELDS:
            if name == "severity":
                self.fields.add_row(form, name, labels[name], severity_box, focus=self.severity_buttons[0])
            else:
                label = self.location_label if name == "location" else labels[name]
                self.fields.add_row(form, name, label, widgets[name])
        self.errors = self.fields.lines
        self.form = form
        layout.addLayout(form)
        footer = DialogFooter(self, self.save)
        self.general_error, self.save_btn, self.cancel_btn = footer.error, footer.save_btn, footer.cancel_btn
        self.fields.general = footer.error
        self.save_btn.setDefault(True)
        self.save_btn.setAccessibleName(self.tr("Save"))
        foot.addWidget(footer)
        self.symptom_combo.currentTextChanged.connect(lambda _: self._location_shown())
        if model.severity is not None and 0 <= int(model.severity) <= 10:
            self.set_severity(int(model.severity))
        self._severity_shown()
        self._location_shown()
        fit_dialog(self, 90)
        (self.symptom_combo if not model.symptom else self.severity_buttons[0]).setFocus()

    @classmethod
    def ask(
        cls,
        session: VaultSession,
        parent: QWidget | None = None,
        *,
        entry: Entry[Symptom] | None = None,
        symptom: str = "",
        known: Sequence[str] = (),
    ) -> Entry[Symptom] | None:
        """The saved entry, or None if cancelled (tests patch this)."""
        dialog = cls(session, parent, entry=entry, symptom=symptom, known=known)
        return dialog.entry if dialog.exec() == QDialog.DialogCode.Accepted else None

    # severity -------------------------------------------------------------------------------
    def severity(self) -> int | None:
        number = self.severity_group.checkedId()
        return number if number >= 0 else None

    def set_severity(self, number: int) -> None:
        button = self.severity_buttons[max(0, min(10, number))]
        button.setChecked(True)
        button.setFocus()

    def _severity_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._severity_shown()

    def _severity_shown(self) -> None:
        number = self.severity()
        tab_stop = self.severity_buttons[number if number is not None else 0]
        for button in self.severity_buttons:  # the scale is one Tab stop, like a group of radio buttons
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is tab_stop else Qt.FocusPolicy.ClickFocus
            )
        if number is None:
            self.severity_label.setText(self.tr("Not chosen yet"))
            return
        words = (
            self.tr("none")
            if number == 0
            else self.tr("mild")
            if number <= 3
            else self.tr("moderate")
            if number <= 6
            else self.tr("severe")
        )
        self.severity_label.setText(self.tr("{0} of 10: {1}").format(number, words))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the scale, a digit chooses that severity (10: the arrow keys) and arrows move the choice."""
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and watched in self.severity_buttons
        ):
            key = event.key()
            if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
                self.set_severity(key - Qt.Key.Key_0)
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
                current = self.severity()
                if current is None:
                    self.set_severity(self.severity_buttons.index(watched))
                else:
                    self.set_severity(current + (1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Up) else -1))
                return True
            if key == Qt.Key.Key_Space:  # Space on an unchosen scale chooses the focused number
                watched.click()
                return True
        return super().eventFilter(watched, event)

    def _location_shown(self) -> None:
        shown = has_location(symptom_code(self.symptom_combo.currentText()))
        if shown != self.form.isRowVisible(self.FIELDS.index("location")):
            self.form.setRowVisible(self.FIELDS.index("location"), shown)
            refit_dialog(self)

    # saving ----------------------------------------------------------------------------------
    def show_error(self, field: str, message: str) -> None:
        self.fields.show(field, message)

    def save(self) -> None:
        cancer = self.session.cancer if self.session is not None else None
        if cancer is None:
            self.reject()
            return
        model = Symptom.from_data(self.original.record.data) if self.original else Symptom()
        model.date = self.date_edit.date().toString("yyyy-MM-dd")
        model.symptom = symptom_code(self.symptom_combo.currentText())
        model.location = self.location_edit.text().strip() if has_location(model.symptom) else ""
        model.severity = self.severity()
        model.notes = self.notes_edit.text().strip()
        try:
            self.entry = cancer.save(model, record_id=self.original.id if self.original else None)
        except FieldError as exc:
            self.show_error(exc.field, describe(exc))
            return
        except (VaultError, ValueError, OSError) as exc:
            self.show_error("", describe(exc))
            return
        self.session.entry_saved(Symptom.KIND)
        self.accept()
