"""Full-text search over records: an in-memory SQLite FTS5 index, built after unlock and dropped
on lock. It is never written to disk."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .records import Record

if TYPE_CHECKING:
    from .progress import CancelFlag, ProgressFn
from .vault import Vault

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
_WORD = re.compile(r"\w[\w'-]*", re.UNICODE)


@dataclass
class SearchHit:
    record_id: str
    title: str
    category: str
    #: 1-based page of the best match, or None when the match is in the title, tags or notes
    page: int | None
    #: text around the match; matched terms are wrapped in HIGHLIGHT_START / HIGHLIGHT_END
    snippet: str
    score: float

    def snippet_plain(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must match (prefixes allowed)."""
    words = _WORD.findall(text)
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


class SearchIndex:
    """Rows: one per record for title/tags/notes (page 0) and one per page of text."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE pages USING fts5(title, tags, notes, body, record_id UNINDEXED, "
            "page UNINDEXED, tokenize='unicode61 remove_diacritics 2')"
        )
        # scratch table for snippets: the few rows shown, same columns and tokenizer (see search)
        self._db.execute(
            "CREATE VIRTUAL TABLE shown USING fts5(title, tags, notes, body, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        self._meta: dict[str, tuple[str, str]] = {}

    def close(self) -> None:
        self._db.close()
        self._meta.clear()

    def __len__(self) -> int:
        return len(self._meta)

    def add(self, record: Record, page_texts: Iterable[str] = ()) -> None:
        self.remove(record.id)
        rows = [(record.title, " ".join(record.tags), record.notes, "", record.id, 0)]
        rows += [
            ("", "", "", text, record.id, number) for number, text in enumerate(page_texts, 1) if text.strip()
        ]
        self._db.executemany(
            "INSERT INTO pages(title, tags, notes, body, record_id, page) VALUES (?,?,?,?,?,?)", rows
        )
        self._meta[record.id] = (record.title, record.category)

    def update_metadata(self, record: Record) -> None:
        """Refresh title, tags and notes without touching the page text."""
        self._db.execute("DELETE FROM pages WHERE record_id = ? AND page = 0", (record.id,))
        self._db.execute(
            "INSERT INTO pages(title, tags, notes, body, record_id, page) VALUES (?,?,?,?,?,0)",
            (record.title, " ".join(record.tags), record.notes, "", record.id),
        )
        self._meta[record.id] = (record.title, record.category)

    def remove(self, record_id: str) -> None:
        if record_id in self._meta:
            self._db.execute("DELETE FROM pages WHERE record_id = ?", (record_id,))
            del self._meta[record_id]

    def search(self, text: str, limit: int = 50, allowed: set[str] | None = None) -> list[SearchHit]:
        """Best match first; one hit per record (its best page). *allowed* limits the record ids."""
        query = fts_query(text)
        if not query:
            return []
        # rank on rowid and score alone, then read record_id and page for the top rows only: SQLite
        # reads every selected column of every matching row before sorting (10,000 rows for a
        # common word at 10,000 pages)
        rows = self._db.execute(
            "SELECT ranked.rowid, pages.record_id, pages.page, ranked.score FROM (SELECT rowid, bm25(pages, "
            "10.0, 5.0, 3.0, 1.0) AS score FROM pages WHERE pages MATCH ? ORDER BY score LIMIT ?) AS ranked "
            "JOIN pages ON pages.rowid = ranked.rowid ORDER BY ranked.score",
            (query, limit * 8),
        ).fetchall()
        best: dict[str, tuple[int, int, float]] = {}
        for rowid, record_id, page, score in rows:
            if allowed is not None and record_id not in allowed:
                continue
            if record_id not in best:
                best[record_id] = (rowid, page, score)
        chosen = list(best.items())[:limit]
        snippets = self._snippets(query, [rowid for _, (rowid, _, _) in chosen])
        hits = []
        for record_id, (rowid, page, score) in chosen:
            columns = snippets.get(rowid, ("", "", "", ""))
            snippet = columns[3] if page else columns[0]
            if not page and HIGHLIGHT_START not in snippet:
                # the match was in tags or notes
                snippet = next((alt for alt in columns[1:3] if HIGHLIGHT_START in alt), snippet)
            title, category = self._meta.get(record_id, ("", ""))
            hits.append(SearchHit(record_id, title, category, page or None, snippet, -score))
        return hits

    def _snippets(self, query: str, rowids: list[int]) -> dict[int, tuple[str, str, str, str]]:
        """rowid -> snippet of title, tags, notes and body, for the rows of *rowids*.

        FTS5 evaluates MATCH over the whole index even with `rowid = ?`, so one snippet query per
        hit costs as much as the search itself (a common prefix: ~10 ms at 10,000 pages, times 50
        hits). Instead the shown rows are copied into a scratch FTS5 table with the same columns
        and tokenizer and all snippets come from one query over it; snippet() depends only on the
        row and the query, so the text is the same.
        """
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        self._db.execute("DELETE FROM shown")
        self._db.execute(
            f"INSERT INTO shown(rowid, title, tags, notes, body) "
            f"SELECT rowid, title, tags, notes, body FROM pages WHERE rowid IN ({marks})",
            rowids,
        )
        rows = self._db.execute(
            "SELECT rowid, snippet(shown, 0, ?1, ?2, '…', 16), snippet(shown, 1, ?1, ?2, '…', 16), "
            "snippet(shown, 2, ?1, ?2, '…', 16), snippet(shown, 3, ?1, ?2, '…', 16) FROM shown "
            "WHERE shown MATCH ?3",
            (HIGHLIGHT_START, HIGHLIGHT_END, query),
        ).fetchall()
        self._db.execute("DELETE FROM shown")
        return {row[0]: row[1:] for row in rows}


def build_index(
    vault: Vault, progress: ProgressFn | None = None, cancel: CancelFlag | None = None
) -> SearchIndex:
    """Index every record the person can read (not the trash): metadata and stored page text.

    A record whose stored text is damaged is indexed by its metadata only (verify reports it).
    """
    from .errors import Cancelled, IntegrityError
    from .progress import Stage

    index = SearchIndex()
    records = vault.records()
    for number, record in enumerate(records):
        if cancel is not None and cancel.is_set():
            index.close()
            raise Cancelled("index-cancelled")
        try:
            texts = vault.page_texts(record.id) or []
        except IntegrityError:
            texts = []
        index.add(record, texts)
        if progress:
            progress(number + 1, len(records), Stage.INDEX, "")
    return index
