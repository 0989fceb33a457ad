"""Rebuilding the stored search text of documents from the documents themselves."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import Cancelled, IntegrityError
from .extract import Reader
from .progress import CancelFlag, ProgressFn, Stage
from .vault import Vault


@dataclass
class ReindexReport:
    rebuilt: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def rebuild_texts(
    vault: Vault,
    *,
    only_missing: bool = True,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> ReindexReport:
    """Extract the text of documents again (in memory, the PDFs in one PDF worker) and store it;
    with *only_missing*, only for documents whose text is missing or damaged."""
    report = ReindexReport()
    records = [r for r in vault.records(include_trashed=True) if r.document is not None]
    with Reader(cancel) as reader:
        for number, record in enumerate(records):
            if cancel is not None and cancel.is_set():
                raise Cancelled("reindex-cancelled")
            if progress:
                progress(number, len(records), Stage.REINDEX, "")
            if only_missing:
                try:
                    if vault.page_texts(record.id) is not None:
                        continue
                except IntegrityError:
                    pass
            try:
                with vault.open_document(record.id) as stream:
                    data = stream.read_all()
            except IntegrityError as exc:
                report.problems.append(str(exc))
                continue
            if record.media_type == "application/pdf":
                try:
                    texts = reader.page_texts(data, record.pages)
                except Cancelled:
                    raise Cancelled("reindex-cancelled") from None
                if texts is None:
                    report.problems.append(f'The text of "{record.title}" could not be read.')
                    continue
            elif record.media_type == "text/plain":
                texts = [data.decode("utf-8", "replace")]
            else:
                texts = [""] * (record.pages or 1)
            vault.set_page_texts(record.id, texts)
            report.rebuilt.append(record.id)
    return report
