"""The cancer record's entries in the vault (the shared Entry and EntryStore are in mbc_vault/entries.py)."""

from __future__ import annotations

from ..entries import Entry, EntryStore
from .models import Biopsy, Diagnosis, LabValue, Medication, Metastasis, Symptom, TreatmentLine


class CancerRecord(EntryStore):
    """The structured cancer record: diagnosis, biopsies, lines of treatment, medications, symptoms, labs."""

    # convenience views ----------------------------------------------------------------
    def diagnosis(self) -> Entry[Diagnosis] | None:
        found = self.load(Diagnosis)
        return found[-1] if found else None

    def metastases(self) -> list[Entry[Metastasis]]:
        return self.load(Metastasis)

    def biopsies(self) -> list[Entry[Biopsy]]:
        return self.load(Biopsy)

    def treatment_lines(self) -> list[Entry[TreatmentLine]]:
        return self.load(TreatmentLine)

    def medications(self, current_only: bool = False) -> list[Entry[Medication]]:
        meds = self.load(Medication)
        return [m for m in meds if m.model.current()] if current_only else meds

    def symptoms(self) -> list[Entry[Symptom]]:
        return self.load(Symptom)

    def lab_values(self, test: str | None = None) -> list[Entry[LabValue]]:
        values = self.load(LabValue)
        return [v for v in values if v.model.test == test] if test else values

    def lab_tests(self, values: list[Entry[LabValue]] | None = None) -> list[str]:
        """Tests with values (of *values*, loaded if not given), the common tumor markers first."""
        from .vocab import MARKERS

        seen = {v.model.test for v in (self.lab_values() if values is None else values)}
        return [t for t in MARKERS if t in seen] + sorted(seen - set(MARKERS))
