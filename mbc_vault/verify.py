"""Reading and authenticating every file a person can open: the damage report of `mbc-vault verify`."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import age, sync
from .errors import Cancelled, IntegrityError
from .folder import VaultFolder
from .keys import UNNAMED_MAX_WORK_FACTOR
from .layout import DOCUMENTS, INFO, KEYS, RECORDS, TEXTS, Problem, age_files, work_factor_of
from .owner import OwnerKeys
from .progress import CancelFlag, ProgressFn, Stage
from .records import Record
from .sync_fold import SyncFolding

log = logging.getLogger(__name__)


@dataclass
class VerifyReport:
    records_checked: int = 0
    documents_checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: record files this person cannot decrypt (scopes they were not given)
    not_readable: int = 0
    #: document files no record of ours points to (left by an interrupted add, or mid-sync)
    unreferenced: list[str] = field(default_factory=list)
    #: files in the vault's folders that are not part of the vault (not damage; see docs "Sync")
    not_in_vault: list[str] = field(default_factory=list)
    #: sync tools' conflict copies not folded back yet (not damage), with what they are
    sync_copies: list[str] = field(default_factory=list)
    #: ids of records whose two versions (edited on two synced copies) wait for a choice
    conflicts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def slow_key_files(root: Path) -> list[Problem]:
    """Key files that ask for more scrypt work than this program writes: planted to slow every unlock
    (an unlock skips them unless the person is named)."""
    return [
        Problem(
            f"{KEYS}/{file.name}",
            IntegrityError("key-file-slow", path=f"{KEYS}/{file.name}", work_factor=factor),
        )
        for file in age_files(root / KEYS)
        if (factor := work_factor_of(file)) > UNNAMED_MAX_WORK_FACTOR
    ]


class Checker:
    """verify() for one unlocked folder."""

    def __init__(self, folder: VaultFolder, folding: SyncFolding, owner: OwnerKeys) -> None:
        self.folder, self.folding, self.owner = folder, folding, owner

    # ------------------------------------------------------------------- verify
    def verify(self, progress: ProgressFn | None = None, cancel: CancelFlag | None = None) -> VerifyReport:
        """Read and authenticate every record and document file this person can open."""
        report = VerifyReport()
        try:
            report.problems.extend(self.folder.read_people_and_info())
        except IntegrityError as exc:
            report.problems.append(
                Problem(exc.path and os.path.relpath(exc.path, self.folder.path) or INFO, exc)
            )
            return report
        report.problems.extend(self.folding.check_kept_versions())
        report.problems.extend(self.owner.check_people_files())
        report.problems.extend(slow_key_files(self.folder.path))
        files = age_files(self.folder.path / RECORDS)
        records: dict[str, Record] = {}
        total = len(files)
        for index, file in enumerate(files):
            if cancel is not None and cancel.is_set():
                raise Cancelled("verify-cancelled")
            record = self.folder.classify_record_file(file)
            if record is None:
                report.not_readable += 1
                continue
            if isinstance(record, Problem):
                report.problems.append(record)
                continue
            report.records_checked += 1
            records[record.id] = record
            if progress:
                progress(index + 1, total, Stage.VERIFY, "")
        referenced = set()
        for record in records.values():
            if record.document is None:
                continue
            referenced.add(f"{record.document.id}.age")
            rel = f"{DOCUMENTS}/{record.document.id}.age"
            if record.id not in self.folder.by_id:
                self.folder.remember(record)
            try:  # the document of the record as it is on disk now, which may be newer than ours
                with self.folder.open_record_document(record) as stream:
                    for _ in stream.chunks():
                        if cancel is not None and cancel.is_set():
                            raise Cancelled("verify-cancelled")
                report.documents_checked += 1
            except IntegrityError as exc:
                report.problems.append(Problem(rel, exc, record_id=record.id, title=record.title))
            try:
                self.folder.page_texts_of(record)
            except IntegrityError as exc:
                report.problems.append(
                    Problem(f"{TEXTS}/{record.id}.age", exc, record_id=record.id, title=record.title)
                )
        for kept in self.folding.kept_version_records():
            if kept.document is not None:
                referenced.add(f"{kept.document.id}.age")
        for file in age_files(self.folder.path / DOCUMENTS):
            if file.name not in referenced and self._opens_with_my_keys(file):
                report.unreferenced.append(f"{DOCUMENTS}/{file.name}")
        found = sync.scan(self.folder.path)
        report.not_in_vault = found.unknown
        report.sync_copies = [
            f"{c.rel}: a {c.tool} conflict copy of {c.folder + '/' if c.folder else ''}"
            f"{c.original}, not folded back yet (it is folded when someone who may edit "
            "opens the vault)"
            for c in found.conflicts
        ]
        report.conflicts = sorted(self.folding.conflicts())
        return report

    def _opens_with_my_keys(self, file: Path) -> bool:
        try:
            with open(file, "rb") as handle:
                age.Decryptor(handle, self.folder.identities)
            return True
        except (age.AgeError, OSError):
            return False
