"""The fields of each care-planning form (labels in plain words) and the appointment form with its
care-team choice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from mbc_vault.care import vocab
from mbc_vault.care.store import CarePlan

from ..models.entries import copy_model
from .entry_form import EntryFormDialog, FieldSpec


def appointment_fields() -> list[FieldSpec]:
    return [
        FieldSpec("date", QCoreApplication.translate("CareForms", "Date:"), "date"),
        FieldSpec(
            "time",
            QCoreApplication.translate("CareForms", "Time:"),
            hint=QCoreApplication.translate(
                "CareForms", "24-hour clock, e.g. 09:30 or 14:15; leave empty if you do not know"
            ),
        ),
        FieldSpec("duration_minutes", QCoreApplication.translate("CareForms", "Length in minutes:"), "int"),
        FieldSpec(
            "with_whom",
            QCoreApplication.translate("CareForms", "With whom:"),
            hint=QCoreApplication.translate("CareForms", "Pick someone from your care team, or type a name"),
        ),
        FieldSpec(
            "purpose",
            QCoreApplication.translate("CareForms", "What it is for:"),
            hint=QCoreApplication.translate("CareForms", "e.g. scan results, infusion, second opinion"),
        ),
        FieldSpec("place", QCoreApplication.translate("CareForms", "Where:")),
        FieldSpec(
            "notes",
            QCoreApplication.translate("CareForms", "Notes:"),
            "multiline",
            hint=QCoreApplication.translate(
                "CareForms", "e.g. bring the medication list, fast from midnight"
            ),
        ),
    ]


def contact_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "name",
            QCoreApplication.translate("CareForms", "Name:"),
            hint=QCoreApplication.translate("CareForms", "a person, or an office such as “Infusion center”"),
        ),
        FieldSpec("role", QCoreApplication.translate("CareForms", "Role:"), "choice", vocab.ROLES),
        FieldSpec("role_other", QCoreApplication.translate("CareForms", "Role (if other):")),
        FieldSpec("institution", QCoreApplication.translate("CareForms", "Hospital or practice:")),
        FieldSpec("phone", QCoreApplication.translate("CareForms", "Phone:")),
        FieldSpec("after_hours", QCoreApplication.translate("CareForms", "After-hours phone:")),
        FieldSpec("fax", QCoreApplication.translate("CareForms", "Fax:")),
        FieldSpec("email", QCoreApplication.translate("CareForms", "Email:")),
        FieldSpec(
            "portal",
            QCoreApplication.translate("CareForms", "Patient portal:"),
            hint=QCoreApplication.translate("CareForms", "its web address or name"),
        ),
        FieldSpec("address", QCoreApplication.translate("CareForms", "Address:"), "multiline"),
        FieldSpec(
            "call_for",
            QCoreApplication.translate("CareForms", "Call them about:"),
            "multiline",
            hint=QCoreApplication.translate(
                "CareForms", "e.g. fever over 38 °C, new pain, questions about treatment"
            ),
        ),
    ]


def legal_fields() -> list[FieldSpec]:
    return [
        FieldSpec("status", QCoreApplication.translate("CareForms", "Status:"), "choice", vocab.LEGAL_STATUS),
        FieldSpec("date_signed", QCoreApplication.translate("CareForms", "Date signed:"), "date"),
        FieldSpec(
            "review_by",
            QCoreApplication.translate("CareForms", "Review by:"),
            "date",
            hint=QCoreApplication.translate("CareForms", "a date to check that it still says what you want"),
        ),
        FieldSpec(
            "original_location", QCoreApplication.translate("CareForms", "Where the original is kept:")
        ),
        FieldSpec("copies_held_by", QCoreApplication.translate("CareForms", "Who has copies:")),
        FieldSpec("notes", QCoreApplication.translate("CareForms", "Notes:"), "multiline"),
    ]


def person_fields() -> list[FieldSpec]:
    return [
        FieldSpec("name", QCoreApplication.translate("CareForms", "Name:")),
        FieldSpec(
            "relationship",
            QCoreApplication.translate("CareForms", "Who they are to me:"),
            hint=QCoreApplication.translate("CareForms", "e.g. brother, friend, manager at work"),
        ),
        FieldSpec("told", QCoreApplication.translate("CareForms", "I have told them:"), "check"),
        FieldSpec("told_date", QCoreApplication.translate("CareForms", "When I told them:"), "date"),
        FieldSpec(
            "what_to_know", QCoreApplication.translate("CareForms", "What I want them to know:"), "multiline"
        ),
        FieldSpec(
            "who_else_may_tell",
            QCoreApplication.translate("CareForms", "Who else may tell them:"),
            hint=QCoreApplication.translate("CareForms", "if you would rather someone else did"),
        ),
    ]


def trial_fields() -> list[FieldSpec]:
    return [
        FieldSpec(
            "identifier",
            QCoreApplication.translate("CareForms", "Trial identifier:"),
            hint=QCoreApplication.translate("CareForms", "e.g. NCT01234567"),
        ),
        FieldSpec("title_text", QCoreApplication.translate("CareForms", "Title of the trial:")),
        FieldSpec("site", QCoreApplication.translate("CareForms", "Where it runs:")),
        FieldSpec(
            "contact",
            QCoreApplication.translate("CareForms", "Trial contact:"),
            hint=QCoreApplication.translate(
                "CareForms", "the research nurse or coordinator, with a phone or email"
            ),
        ),
        FieldSpec(
            "status",
            QCoreApplication.translate("CareForms", "Where I am with it:"),
            "choice",
            vocab.TRIAL_STATUS,
        ),
        FieldSpec(
            "eligibility_notes",
            QCoreApplication.translate("CareForms", "Eligibility notes:"),
            "multiline",
            hint=QCoreApplication.translate("CareForms", "what the trial asks for, and what you were told"),
        ),
    ]


class AppointmentFormDialog(EntryFormDialog):
    """The entry form, with “With whom” as a list of the care team that also takes any name typed in."""

    def _make(self, spec: FieldSpec, value: Any) -> QWidget:
        if spec.name != "with_whom" or not isinstance(self.cancer, CarePlan):
            return super()._make(spec, value)
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = combo.completer()
        assert completer is not None  # an editable combo box has one
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.addItem("", "")
        self._contact_names: dict[str, str] = {}
        for entry in self.cancer.contacts():
            combo.addItem(entry.model.title(), entry.id)
            self._contact_names[entry.id] = entry.model.name
        current = getattr(self.model, "contact_id", "")
        index = combo.findData(current) if current else -1
        if index > 0:
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(str(value or ""))
        return combo

    def _chosen_contact(self) -> tuple[str, str] | None:
        """(contact id, name) when the text is one of the care team's entries."""
        combo = self.widgets.get("with_whom")
        if not isinstance(combo, QComboBox) or not combo.isEditable():
            return None
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        if index > 0:
            record_id = combo.itemData(index)
            return record_id, self._contact_names.get(record_id, combo.itemText(index))
        for record_id, name in self._contact_names.items():  # the name typed without the role
            if text and name.casefold() == text.casefold():
                return record_id, name
        return None

    def _value(self, spec: FieldSpec) -> Any:
        widget = self.widgets[spec.name]
        if spec.name == "with_whom" and isinstance(widget, QComboBox) and widget.isEditable():
            chosen = self._chosen_contact()
            return chosen[1] if chosen else widget.currentText().strip()
        return super()._value(spec)

    def set_value(self, name: str, text: str) -> None:
        widget = self.widgets[name]
        if isinstance(widget, QComboBox) and widget.isEditable():
            widget.setEditText(text)
        else:
            super().set_value(name, text)

    def save(self) -> None:
        chosen = self._chosen_contact()
        # a copy: the entry shown in the table stays as it was if the form is cancelled
        self.model = copy_model(self.model, contact_id=chosen[0] if chosen else "")
        super().save()
