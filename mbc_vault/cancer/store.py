"""Reading and writing cancer-record entries in the vault."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..records import Record
from ..vault import Vault
from .models import MODELS, Biopsy, Diagnosis, LabValue, Medication, Metastasis, Model, Symptom, TreatmentLine

M = TypeVar("M", bound=Model)


@dataclass
class Entry(Generic[M]):
    record: Record
    model: M

    @property
    def id(self) -> str:
        return self.record.id


def entry_of(record: Record) -> Entry[Model]:
    return Entry(record, MODELS[record.kind].from_data(record.data))


class EntryStore:
    """Structured entries of one vault: every save is one committed, encrypted vault record."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def load(self, model_type: type[M]) -> list[Entry[M]]:
        """Entries of one kind, oldest first (by their own date)."""
        entries = [Entry(r, model_type.from_data(r.data)) for r in self.vault.entries(model_type.KIND)]
        return sorted(entries, key=lambda e: (e.model.sort_date() or "", e.record.created))

    def save(
        self,
        model: M,
        *,
        record_id: str | None = None,
        links: Iterable[str] | None = None,
        notes: str | None = None,
    ) -> Entry[M]:
        """Validate and store *model* (a new entry, or a change to *record_id*)."""
        model.validate()
        if record_id is None:
            record = self.vault.add_entry(
                model.KIND,
                model.to_data(),
                title=model.title(),
                date=model.sort_date(),
                links=links or (),
                notes=notes or "",
            )
        else:
            record = self.vault.update_entry(
                record_id,
                data=model.to_data(),
                title=model.title(),
                date=model.sort_date(),
                links=links,
                notes=notes,
            )
        return Entry(record, model)

    def remove(self, record_id: str) -> Record:
        return self.vault.remove(record_id)

    def restore(self, record_id: str) -> Record:
        return self.vault.restore(record_id)


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

    def lab_tests(self) -> list[str]:
        """Tests with values, the common tumor markers first."""
        from .vocab import MARKERS

        seen = {v.model.test for v in self.lab_values()}
        return [t for t in MARKERS if t in seen] + sorted(seen - set(MARKERS))
