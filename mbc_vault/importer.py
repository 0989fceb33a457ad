"""Importing a batch of files: read each under limits, store it with its text, go on past bad ones."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Cancelled, DuplicateDocument, VaultError
from .extract import Extracted, Reader, read_files
from .fsutil import safe_name
from .progress import CancelFlag, ProgressFn, Stage
from .reader_pool import EitherFlag, ReaderPool
from .records import Record
from .vault import Vault


@dataclass
class ImportReport:
    added: list[Record] = field(default_factory=list)
    #: (file, plain sentence) for each file that was not imported
    problems: list[tuple[Path, str]] = field(default_factory=list)
    duplicates: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False

    def messages(self) -> list[str]:
        return [message for _, message in self.problems + self.duplicates]


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders (recursively, skipping hidden entries) into the files inside them."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
        else:
            out.append(path)
    return out


def read_for_import(
    vault: Vault,
    paths: Iterable[str | os.PathLike[str]],
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
    pool: ReaderPool | None = None,
) -> list[Extracted]:
    """Read *paths* for import (extract.read_files) and mark each readable file whose content is
    already in the vault (`already_in_vault`: that record's title), so the import dialog can say so
    before anything is imported ("Ready to import: 5 (15 already in the vault)").

    *pool*: the session's readers (started early, kept after the batch); when it is closed (the
    vault locks) the batch ends as if cancelled. Without it, or while it is in use, new readers."""
    if pool is None:
        results = read_files(paths, progress, cancel)
    else:
        with pool.borrow() as readers:
            results = read_files(paths, progress, EitherFlag(cancel, pool.closing), readers)
    for facts in results:
        if cancel is not None and cancel.is_set():
            break
        if not facts.ok:
            continue
        try:
            with open(facts.path, "rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:  # gone or changed since it was read: the import itself will say so
            continue
        existing = vault.find_by_sha256(digest)
        if existing is not None:
            facts.already_in_vault = existing.title
    return results


def import_files(
    vault: Vault,
    paths: Iterable[str | os.PathLike[str]],
    *,
    overrides: Mapping[Path, Mapping[str, Any]] | None = None,
    defaults: Mapping[str, Any] | None = None,
    extracted: Mapping[Path, Extracted] | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> ImportReport:
    """Import *paths* (files or folders). Each file's metadata is: its proposals, then *defaults*,
    then its own *overrides*. Files already read (*extracted*) are not read again."""
    files = collect_files(paths)
    report = ImportReport()
    total = len(files)
    with Reader(cancel) as reader:  # one PDF worker for the files not read yet
        for index, path in enumerate(files):
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            if progress:
                progress(index, total, Stage.IMPORT, safe_name(path.name))  # shown on one line
            try:
                facts = (extracted or {}).get(path) or reader.read(path)
            except Cancelled:
                report.cancelled = True
                break
            if not _add(vault, path, facts, report, overrides, defaults, cancel):
                break
    if progress:
        progress(total if not report.cancelled else index, total, Stage.IMPORT, "")
    return report


def _add(
    vault: Vault,
    path: Path,
    facts: Extracted,
    report: ImportReport,
    overrides: Mapping[Path, Mapping[str, Any]] | None,
    defaults: Mapping[str, Any] | None,
    cancel: CancelFlag | None,
) -> bool:
    """Store one file that was read (or note why not) in *report*; False when cancelled."""
    if not facts.ok:
        report.problems.append((path, facts.problem))
        return True
    fields: dict[str, Any] = {
        "title": facts.title,
        "date": facts.date,
        "category": facts.category,
        "provider": "",
        "tags": [],
        "notes": "",
    }
    fields.update({k: v for k, v in (defaults or {}).items() if v not in (None, "", [])})
    fields.update((overrides or {}).get(path, {}))
    try:
        record = vault.add_document(
            path,
            category=fields["category"],
            title=fields["title"],
            date=fields["date"] or None,
            provider=fields["provider"] or "",
            tags=fields["tags"] or [],
            notes=fields["notes"] or "",
            media_type=facts.media_type,
            pages=facts.pages,
            page_texts=facts.page_texts,
            cancel=cancel,
        )
    except Cancelled:
        report.cancelled = True
        return False
    except DuplicateDocument as exc:
        report.duplicates.append((path, str(exc)))
        return True
    except (VaultError, ValueError) as exc:
        report.problems.append((path, f"{safe_name(path.name)}: {exc}"))
        return True
    report.added.append(record)
    return True
