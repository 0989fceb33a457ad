"""Steps 3 and 4 of the packet wizard: the cover sheet and the options."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mbc_vault.care.store import CarePlan
from mbc_vault.history.store import HealthHistory
from mbc_vault.packet import Cover, MaterialRow
from mbc_vault.paper import page_size_for

from ..keyboard import tab_leaves
from ..reflow import fit_header_titles
from ..widgets import heading, note
from ..wrapping import WrappingCheckBox
from . import STEPS


def system_territory() -> str:
    """The territory of the computer's locale as Qt reads it from the system ("US", "MX", "ES")."""
    return QLocale.territoryToCode(QLocale.system().territory())


def _valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


class CoverPage(QWizardPage):
    """The cover sheet: who the packet is about, who it is for, and why."""

    def __init__(self, vault: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Step {0} of {1}: the cover sheet").format(3, STEPS), self, 1.5))
        outer.addWidget(
            note(
                self.tr(
                    "The first page the doctor reads. Only your name is required; "
                    "the rest helps them help you."
                ),
                self,
            )
        )
        body = QWidget(self)
        form = QFormLayout(body)
        self.name_edit = QLineEdit(vault.person.name, body)
        self.dob_edit = QLineEdit(body)
        self.dob_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.contact_edit = QLineEdit(body)
        self.contact_edit.setPlaceholderText(self.tr("Phone, email or address"))
        self.oncologist_combo = QComboBox(body)
        self.oncologist_combo.setEditable(True)
        self.oncologist_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.center_edit = QLineEdit(body)
        self.doctor_edit = QLineEdit(body)
        self.date_edit = QLineEdit(dt.date.today().isoformat(), body)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.reason_edit = QPlainTextEdit(body)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(90)
        self.reason_edit.setPlaceholderText(self.tr("For example: to review my options after progression"))
        self.question1_edit = QLineEdit(body)
        self.question2_edit = QLineEdit(body)
        self.question1_edit.setPlaceholderText(self.tr("The question that matters most"))
        self.question2_edit.setPlaceholderText(self.tr("A second question (optional)"))
        for label, widget in (
            (self.tr("Your name:"), self.name_edit),
            (self.tr("Date of birth:"), self.dob_edit),
            (self.tr("How to reach you:"), self.contact_edit),
            (self.tr("Referring oncologist:"), self.oncologist_combo),
            (self.tr("Center it is for:"), self.center_edit),
            (self.tr("Doctor it is for:"), self.doctor_edit),
            (self.tr("Date:"), self.date_edit),
            (self.tr("Reason for the second opinion:"), self.reason_edit),
            (self.tr("Most important question:"), self.question1_edit),
            (self.tr("Second question:"), self.question2_edit),
        ):
            widget.setAccessibleName(label.rstrip(":"))
            form.addRow(label, widget)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        self.error = note("", self, "error")
        self.error.setVisible(False)
        outer.addWidget(self.error)
        self._fill_defaults()

    def _fill_defaults(self) -> None:
        contacts = CarePlan(self.vault).contacts()
        contacts.sort(key=lambda e: e.model.role != "medical-oncologist")
        self.oncologist_combo.addItem("")
        for entry in contacts:
            contact = entry.model
            if contact.role in (
                "medical-oncologist",
                "radiation-oncologist",
                "surgeon",
                "surgical-oncologist",
            ):
                self.oncologist_combo.addItem(", ".join(x for x in (contact.name, contact.institution) if x))
        if self.oncologist_combo.count() > 1:
            self.oncologist_combo.setCurrentIndex(1)
        last = self.vault.entries("packet")  # what was typed for the last packet is likely still right
        if last:
            cover = last[0].data.get("choices", {}).get("cover", {})
            self.dob_edit.setText(cover.get("date_of_birth", ""))
            self.contact_edit.setText(cover.get("contact", ""))
            if cover.get("referring_oncologist"):
                self.oncologist_combo.setCurrentText(cover["referring_oncologist"])
        recorded = HealthHistory(self.vault).date_of_birth()  # stored once, in the health history
        if recorded:
            self.dob_edit.setText(recorded)

    def cover(self) -> Cover:
        questions = [q for q in (self.question1_edit.text().strip(), self.question2_edit.text().strip()) if q]
        return Cover(
            patient_name=self.name_edit.text().strip(),
            date_of_birth=self.dob_edit.text().strip(),
            contact=self.contact_edit.text().strip(),
            referring_oncologist=self.oncologist_combo.currentText().strip(),
            center=self.center_edit.text().strip(),
            doctor=self.doctor_edit.text().strip(),
            date=self.date_edit.text().strip(),
            reason=self.reason_edit.toPlainText().strip(),
            questions=questions,
        )

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        problem, widget = "", None
        if not self.name_edit.text().strip():
            problem, widget = (
                self.tr("Please write your name: it goes on the cover and every page."),
                self.name_edit,
            )
        for edit, what in ((self.dob_edit, self.tr("date of birth")), (self.date_edit, self.tr("date"))):
            if not problem and edit.text().strip() and not _valid_date(edit.text().strip()):
                problem, widget = (
                    self.tr("Please write the {0} as year-month-day, for example 1971-04-02.").format(what),
                    edit,
                )
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if widget is not None:
            widget.setFocus()
        return not problem


class OptionsPage(QWizardPage):
    """What else goes in, the materials sheet, a password and the page size."""

    def __init__(self, vault: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Step {0} of {1}: options").format(4, STEPS), self, 1.5))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.footer_check = WrappingCheckBox(
            self.tr("Page numbers, my name and date of birth at the foot of every page"), body
        )
        self.footer_check.setChecked(True)
        self.summary_check = WrappingCheckBox(
            self.tr("A care summary from “My cancer” and “Treatment”"), body
        )
        self.summary_check.setChecked(True)
        plan = CarePlan(vault)
        self.priorities_check = WrappingCheckBox(self.tr("My care priorities"), body)
        has_priorities = plan.priorities() is not None
        self.priorities_check.setEnabled(has_priorities)
        if not has_priorities:
            self.priorities_check.setText(self.tr("My care priorities (none written yet)"))
        self.questions_combo = QComboBox(body)
        self.questions_combo.setAccessibleName(self.tr("Question list to include"))
        self.questions_combo.addItem(self.tr("No question list"), None)
        for entry in plan.question_lists():
            self.questions_combo.addItem(entry.model.name or entry.record.title, entry.id)
        questions_row = QHBoxLayout()
        questions_label = QLabel(self.tr("Questions for the consultation:"), body)
        questions_label.setBuddy(self.questions_combo)
        questions_row.addWidget(questions_label)
        questions_row.addWidget(self.questions_combo, 1)
        for widget in (self.footer_check, self.summary_check, self.priorities_check):
            layout.addWidget(widget)
        layout.addLayout(questions_row)

        layout.addWidget(heading(self.tr("Materials sent separately"), body, 1.15))
        layout.addWidget(
            note(
                self.tr(
                    "Slides, blocks and imaging discs travel on their own. List them here and "
                    "the packet gets a page the center can check them against."
                ),
                body,
            )
        )
        self.materials_table = QTableWidget(0, 4, body)
        tab_leaves(self.materials_table)  # Tab moves on; the arrow keys move inside
        self.materials_table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Requested from"), self.tr("Sent on"), self.tr("Tracking number")]
        )
        self.materials_table.setAccessibleName(self.tr("Materials sent separately"))
        self.materials_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # at large text the four titles share the width: each elides, whole in its tooltip
        fit_header_titles(self.materials_table.horizontalHeader())
        self.materials_table.verticalHeader().setVisible(False)
        self.materials_table.setMinimumHeight(120)
        self.materials_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        layout.addWidget(self.materials_table)
        material_row = QHBoxLayout()
        self.material_combo = QComboBox(body)
        self.material_combo.setEditable(True)
        self.material_combo.addItems(
            [self.tr("Pathology slides"), self.tr("Pathology blocks"), self.tr("Imaging disc (CD or DVD)")]
        )
        self.material_combo.setAccessibleName(self.tr("Kind of material"))
        self.add_material_btn = QPushButton(self.tr("Add a row"), body)
        self.remove_material_btn = QPushButton(self.tr("Remove the row"), body)
        self.add_material_btn.clicked.connect(lambda: self.add_material(self.material_combo.currentText()))
        self.remove_material_btn.clicked.connect(
            lambda: (
                self.materials_table.removeRow(self.materials_table.currentRow())
                if self.materials_table.currentRow() >= 0
                else None
            )
        )
        material_row.addWidget(self.material_combo, 1)
        material_row.addWidget(self.add_material_btn)
        material_row.addWidget(self.remove_material_btn)
        layout.addLayout(material_row)

        layout.addWidget(heading(self.tr("Password (recommended for email)"), body, 1.15))
        form = QFormLayout()
        self.password_edit = QLineEdit(body)
        self.password_again_edit = QLineEdit(body)
        for edit, label in (
            (self.password_edit, self.tr("Password:")),
            (self.password_again_edit, self.tr("The password again:")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(label.rstrip(":"))
            form.addRow(label, edit)
        layout.addLayout(form)
        layout.addWidget(
            note(
                self.tr(
                    "With a password the PDF is locked with AES-256 and opens only with it. "
                    "Send the password separately, by phone or text message, never in the same "
                    "email as the packet. Leave it empty for a packet you hand over in person."
                ),
                body,
            )
        )
        size_row = QHBoxLayout()
        self.page_size_combo = QComboBox(body)
        self.page_size_combo.addItem(self.tr("Letter (US)"), "Letter")
        self.page_size_combo.addItem(self.tr("A4"), "A4")
        # the computer's territory, not the app's language: Letter in Mexico, A4 in Spain
        self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(page_size_for(system_territory())))
        self.page_size_combo.setAccessibleName(self.tr("Page size"))
        size_label = QLabel(self.tr("Page size of the cover and summary:"), body)
        size_label.setBuddy(self.page_size_combo)
        size_row.addWidget(size_label)
        size_row.addWidget(self.page_size_combo)
        size_row.addStretch(1)
        layout.addLayout(size_row)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it wraps instead
        outer.addWidget(scroll, 1)
        self.error = note("", self, "error")
        self.error.setVisible(False)
        outer.addWidget(self.error)

    def add_material(
        self, what: str = "", requested_from: str = "", sent: str = "", tracking: str = ""
    ) -> None:
        row = self.materials_table.rowCount()
        self.materials_table.insertRow(row)
        for column, text in enumerate((what, requested_from, sent, tracking)):
            self.materials_table.setItem(row, column, QTableWidgetItem(text))
        self.materials_table.setCurrentCell(row, 1)

    def materials(self) -> list[MaterialRow]:
        rows = []
        for row in range(self.materials_table.rowCount()):
            items = [self.materials_table.item(row, c) for c in range(4)]
            cells = [item.text().strip() if item else "" for item in items]
            if any(cells):
                rows.append(MaterialRow(*cells))
        return rows

    def password(self) -> str | None:
        return self.password_edit.text() or None

    def validatePage(self) -> bool:  # noqa: N802 (Qt)
        problem = ""
        if self.password_edit.text() != self.password_again_edit.text():
            problem = self.tr("The two passwords are not the same. Please type them again.")
        elif any(c in self.password_edit.text() for c in "\r\n"):
            problem = self.tr("The password cannot contain a line break.")
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if problem:
            self.password_again_edit.clear()
            self.password_edit.setFocus()
            self.password_edit.selectAll()
        return not problem
