"""Building the index of an unlocked vault: every document and entry the person can read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .index import SearchIndex

if TYPE_CHECKING:
    from ..progress import CancelFlag, ProgressFn
    from ..vault import Vault


def build_index(
    vault: Vault, progress: ProgressFn | None = None, cancel: CancelFlag | None = None
) -> SearchIndex:
    """Index every record the person can read (not the trash): documents by their metadata and stored
    page text, structured entries of every kind by their fields and notes. Records of a part the
    person was not given are not in the vault they opened, so nothing of them reaches the index.

    A record whose stored text is damaged is indexed by its metadata only (verify reports it).
    """
    from ..errors import Cancelled, IntegrityError
    from ..progress import Stage

    index = SearchIndex()
    records = vault.records(kind=None)
    appointments = {r.id: r for r in records if r.kind == "appointment"}
    with index.batch():  # rows written a few thousand at a time, in rowid order
        for number, record in enumerate(records):
            if cancel is not None and cancel.is_set():
                index.close()
                raise Cancelled("index-cancelled")
            if record.kind == "document":
                try:
                    texts = vault.page_texts(record.id) or []
                except IntegrityError:
                    texts = []
                index.add(record, texts)
            else:
                index.add_entry(record, appointments)
            if progress:
                progress(number + 1, len(records), Stage.INDEX, "")
    index.prepare()
    return index
