"""The health history's entries in the vault."""

from __future__ import annotations

from ..entries import Entry, EntryStore
from .models import Allergy, Condition, Immunization, PatientDetails, Procedure, RadiationCourse, Visit


class HealthHistory(EntryStore):
    """Allergies, other conditions, surgeries and procedures, radiation, immunizations, past visits,
    date of birth."""

    def allergies(self) -> list[Entry[Allergy]]:
        return self.load(Allergy)

    def conditions(self) -> list[Entry[Condition]]:
        return self.load(Condition)

    def procedures(self) -> list[Entry[Procedure]]:
        return self.load(Procedure)

    def radiation(self) -> list[Entry[RadiationCourse]]:
        return self.load(RadiationCourse)

    def immunizations(self) -> list[Entry[Immunization]]:
        return self.load(Immunization)

    def visits(self) -> list[Entry[Visit]]:
        """Past visits, newest first (by date, then time)."""
        found = self.load(Visit)
        return sorted(found, key=lambda e: (e.model.date or "", e.model.time, e.record.created), reverse=True)

    def details(self) -> Entry[PatientDetails] | None:
        """The patient's details (the latest saved, if an older copy came back from a sync)."""
        found = self.load(PatientDetails)
        return max(found, key=lambda e: e.record.modified) if found else None

    def date_of_birth(self) -> str:
        details = self.details()
        return (details.model.date_of_birth or "") if details else ""
