"""Saving a reviewed portal import: each file's original stored as a document in the medical part, then
the chosen entries, each linked to that document and keeping where it came from (data["source"]).
Everything lands in the medical part, whatever the file's sections are called: the encounters a person
ticked too, as past visits (a medical kind, never the care part's appointments)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from ..errors import DuplicateDocument, VaultError
from ..progress import CancelFlag, ProgressFn, Stage
from ..vault import Vault
from .review import MODELS, ImportPlan

#: the category of a stored portal file: a medical record, even with "Advance directives" inside
PORTAL_CATEGORY = "clinical-note"


@dataclass
class ImportReport:
    """What a saved import did: entries created by kind, documents stored (or already there)."""

    created: dict[str, int] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    failed: list[tuple[str, VaultError]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.created.values())


def save_import(
    vault: Vault, plan: ImportPlan, progress: ProgressFn | None = None, cancel: CancelFlag | None = None
) -> ImportReport:
    """Write the chosen entries of *plan*. A file whose entries fail to save is reported; the rest go on."""
    report = ImportReport()
    chosen = [item for item in plan.items if item.chosen and not item.duplicate]
    total = len(chosen) + len(plan.reads)
    done = 0
    notes_of: dict[int, list[str]] = {}
    for index, title, text in plan.notes:
        notes_of.setdefault(index, []).append(f"{title}\n{text}".strip())
    for index, read in enumerate(plan.reads):
        items = [item for item in chosen if item.read == index]
        if not items and not notes_of.get(index):
            done += 1
            continue
        if cancel is not None and cancel.is_set():
            break
        try:
            document = vault.add_document(
                io.BytesIO(read.original),
                category=PORTAL_CATEGORY,
                title=read.title or read.name,
                date=read.date,
                original_name=read.name.rsplit("/", 1)[-1],
                media_type=read.media_type or None,
                notes="\n\n".join(notes_of.get(index, [])),
                tags=["patient portal"],
            )
            document_id = document.id
            report.documents.append(document_id)
        except DuplicateDocument as error:
            document_id = error.existing_id
            report.already_stored.append(read.name)
        except VaultError as error:
            report.failed.append((read.name, error))
            done += 1 + len(items)
            continue
        done += 1
        source = {"document": document_id, "label": read.title or read.name, "date": read.date or ""}
        for item in items:
            if cancel is not None and cancel.is_set():
                break
            data = {**item.data, "source": {**source, "key": item.key}}
            model = MODELS[item.kind].from_data(data)
            vault.add_entry(
                item.kind,
                model.to_data(),
                title=model.title(),
                date=model.sort_date(),
                links=[document_id],
                notes=item.notes,
            )
            report.created[item.kind] = report.created.get(item.kind, 0) + 1
            done += 1
            if progress is not None:
                progress(done, total, Stage.IMPORT, "")
    return report
