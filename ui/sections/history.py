"""“Health history”: about me (date of birth, the name on the packet), allergies and intolerances,
other conditions, surgeries and procedures, radiation courses, immunizations and past visits (the
visits a portal file listed, or that the person adds: medical, unlike the care part's appointments)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mbc_vault.history import vocab
from mbc_vault.history.models import (
    Allergy,
    Condition,
    Immunization,
    PatientDetails,
    Procedure,
    RadiationCourse,
    Visit,
)
from mbc_vault.history.store import HealthHistory

from ..entry_commands import SaveEntryCommand
from ..forms.entry_form import EntryFormDialog
from ..forms.history_forms import (
    allergy_fields,
    condition_fields,
    details_fields,
    immunization_fields,
    procedure_fields,
    radiation_fields,
    visit_fields,
)
from ..session import VaultSession
from ..vocab_labels import entry_title, vocab_label
from .base import SectionPage
from .entry_list import EntryListBox


def history_of(session: VaultSession) -> HealthHistory | None:
    """The health history of *session* (the store of this section's entry lists)."""
    return session.history


def _dose(model: RadiationCourse) -> str:
    return f"{model.total_dose_gy:g}" if model.total_dose_gy is not None else ""


class AboutMeBox(QGroupBox):
    """The patient's details, stored once: shown as two lines, changed with one button."""

    form_class: type[EntryFormDialog] = EntryFormDialog

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("About me"), parent)
        self.undo_stack = undo_stack
        self.session: VaultSession | None = None
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.edit_btn = QPushButton(self.tr("Change…"), self)
        self.edit_btn.setAccessibleName(self.tr("Change my date of birth and name"))
        self.edit_btn.clicked.connect(self.edit)
        row.addWidget(self.edit_btn)
        row.addStretch(1)
        layout.addLayout(row)

    def load(self) -> None:
        """Show the stored details (or say none are stored)."""
        history = history_of(self.session) if self.session is not None else None
        details = history.details() if history is not None else None
        if details is None:
            text = self.tr("Date of birth: not recorded")
        else:
            text = self.tr("Date of birth: {0}").format(
                details.model.date_of_birth or self.tr("not recorded")
            )
            if details.model.name:
                text += "\n" + self.tr("Name on the packet: {0}").format(details.model.name)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        vault = self.session.vault if self.session is not None else None
        self.setEnabled(vault is not None)
        self.edit_btn.setVisible(vault is not None and vault.person.can_edit)

    def edit(self) -> None:
        session = self.session
        history = history_of(session) if session is not None else None
        if session is None or history is None or session.vault is None or not session.vault.person.can_edit:
            return
        details = history.details()
        model = details.model if details is not None else PatientDetails()
        before = model.to_data()
        entry = self.form_class.ask(
            self.tr("About me"),
            model,
            details_fields(),
            history,
            record_id=details.id if details is not None else None,
            parent=self,
        )
        if entry is None:
            return
        if details is not None:
            self.undo_stack.push(
                SaveEntryCommand(
                    session,
                    PatientDetails.KIND,
                    details.id,
                    before,
                    entry.model.to_data(),
                    entry_title(entry.model),
                )
            )
        session.entry_saved(PatientDetails.KIND)


class HistorySection(SectionPage):
    """The health history, each kind in its own table."""

    KINDS = (
        PatientDetails.KIND,
        Allergy.KIND,
        Condition.KIND,
        Procedure.KIND,
        RadiationCourse.KIND,
        Immunization.KIND,
        Visit.KIND,
    )

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        layout = self.page(
            self.tr("Health history"),
            self.tr(
                "Allergies, other illnesses, surgeries, radiation, vaccines and past visits. A second "
                "opinion asks for all the care you have already had."
            ),
        )
        body = self.body
        self.about = AboutMeBox(undo_stack, body)
        layout.addWidget(self.about)

        def box(title: str, kind: str, columns, fields, model, entries, **options) -> EntryListBox:  # type: ignore[no-untyped-def]
            made = EntryListBox(
                title,
                kind,
                columns,
                fields,
                model,
                undo_stack,
                body,
                store=history_of,
                entries=entries,
                **options,
            )
            layout.addWidget(made)
            return made

        # short words: the form's long label ("Intolerance (side effect...)") made the table scroll at 200 %
        kinds = {"allergy": self.tr("Allergy"), "intolerance": self.tr("Intolerance")}
        self.allergies = box(
            self.tr("Allergies and intolerances"),
            Allergy.KIND,
            [
                (
                    self.tr("Substance"),
                    lambda e: entry_title(e.model) if e.model.no_known else e.model.substance,
                ),
                (self.tr("Reaction"), lambda e: e.model.reaction),
                (self.tr("Kind"), lambda e: kinds.get(e.model.allergy_kind, "")),
                (self.tr("Severity"), lambda e: vocab_label(vocab.SEVERITIES, e.model.severity)),
                (self.tr("Status"), lambda e: vocab_label(vocab.ALLERGY_STATUS, e.model.status)),
            ],
            allergy_fields,
            Allergy,
            HealthHistory.allergies,
        )
        self.conditions = box(
            self.tr("Other conditions"),
            Condition.KIND,
            [
                (self.tr("Condition"), lambda e: e.model.name),
                (self.tr("Since"), lambda e: e.model.onset or ""),
                (self.tr("Until"), lambda e: e.model.abated or ""),
                (self.tr("Status"), lambda e: vocab_label(vocab.CONDITION_STATUS, e.model.status)),
            ],
            condition_fields,
            Condition,
            HealthHistory.conditions,
        )
        self.procedures = box(
            self.tr("Surgeries and procedures"),
            Procedure.KIND,
            [
                (self.tr("Date"), lambda e: e.model.date or ""),
                (self.tr("Surgery or procedure"), lambda e: e.model.name),
                (self.tr("Side"), lambda e: vocab_label(vocab.SIDES, e.model.side)),
                (
                    self.tr("Lymph nodes"),
                    lambda e: vocab_label(
                        vocab.LYMPH_NODE_PROCEDURES, e.model.lymph_nodes, e.model.lymph_nodes_other
                    ),
                ),
                (self.tr("Where"), lambda e: e.model.place),
            ],
            procedure_fields,
            Procedure,
            HealthHistory.procedures,
        )
        self.radiation = box(
            self.tr("Radiation"),
            RadiationCourse.KIND,
            [
                (self.tr("Site"), lambda e: e.model.site),
                (self.tr("Dose (Gy)"), lambda e: _dose(e.model)),
                (self.tr("Fractions"), lambda e: str(e.model.fractions or "")),
                (self.tr("Started"), lambda e: e.model.start or ""),
                (self.tr("Ended"), lambda e: e.model.stop or ""),
                (self.tr("Purpose"), lambda e: vocab_label(vocab.RADIATION_INTENTS, e.model.intent)),
            ],
            radiation_fields,
            RadiationCourse,
            HealthHistory.radiation,
        )
        self.immunizations = box(
            self.tr("Immunizations"),
            Immunization.KIND,
            [
                (self.tr("Vaccine"), lambda e: e.model.vaccine),
                (self.tr("Date"), lambda e: e.model.date or ""),
                (self.tr("Dose"), lambda e: e.model.dose_number),
                (self.tr("Where"), lambda e: e.model.place),
            ],
            immunization_fields,
            Immunization,
            HealthHistory.immunizations,
        )
        self.visits = box(
            self.tr("Past visits"),
            Visit.KIND,
            [
                (self.tr("Date"), lambda e: e.model.date or ""),
                (self.tr("Visit"), lambda e: entry_title(e.model)),
                (self.tr("Where"), lambda e: e.model.place),
                (self.tr("With whom"), lambda e: e.model.clinician),
            ],
            visit_fields,
            Visit,
            HealthHistory.visits,
            # a portal's visit type can be a long sentence ("Office or other outpatient visit for the
            # evaluation and management of..."): it wraps in the column that takes the room left
            stretch_column=1,
            wrap_rows=True,
        )
        layout.addStretch(1)
        self.refresh()

    def set_session(self, session: VaultSession | None) -> None:
        self.about.session = session
        super().set_session(session)

    def refresh(self) -> None:
        self.about.load()
        for each in (
            self.allergies,
            self.conditions,
            self.procedures,
            self.radiation,
            self.immunizations,
            self.visits,
        ):
            each.load()
