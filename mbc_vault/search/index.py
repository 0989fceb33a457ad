"""The in-memory index: SQLite FTS5 over folded text, with the original text beside it for snippets.
Built after unlock, dropped on lock, never written to disk."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter

from ..records import Record
from .entries import entry_rows
from .hits import HitContext, SearchHit, SearchResult
from .normalize import fold_word, index_text
from .query import Matcher, exact_matcher, forgiving_query, fts_query
from .snippets import snippet
from .vocabulary import Vocabulary

#: bm25 weights of the columns title, tags, notes, body, context (a page's copy of its record's
#: title and tags, so that a query may match across title and page text)
_WEIGHTS = "10.0, 5.0, 3.0, 1.0, 1.0"
#: tiers of the score: title or tags hold every word; exact; forgiving
_TIER_TITLE, _TIER_EXACT, _TIER_FORGIVING = 2000.0, 1000.0, 0.0
_COLUMNS = ("title", "tags", "notes", "body", "ctx")
#: rowid ranges, so that a tier or a kind reads only its rows (FTS5 skips a rowid range without
#: reading it, and bm25 is computed only for rows inside it): entries with a title or tags, then
#: documents' rows with a title or tags (page 0), documents' rows without (pages), entries' rows
#: without. The title tier reads the rows below _DOC_BODY; documents only, the rows from _DOC_HEAD
#: to _ENTRY_BODY.
_ENTRY_HEAD, _DOC_HEAD, _DOC_BODY, _ENTRY_BODY = 1, 1 << 40, 2 << 40, 3 << 40
_END = 4 << 40
#: rows held by a batch (SearchIndex.batch) before they are written
_BATCH_ROWS = 2000
#: rows read by the first ranked statement of a tier, as a multiple of the hits it still needs (a
#: document has several matching pages); the statement is run again with more when they fall short
_FETCH_FACTOR = 8


@dataclass
class _Row:
    record_id: str
    page: int
    item: int | None
    kind: str


@dataclass
class _Meta:
    title: str
    category: str
    kind: str
    context: HitContext | None
    rowids: list[int]


class SearchIndex:
    """Rows: for a document, one for title/tags/notes (page 0) and one a page of text; for an entry,
    one for its fields and notes, and for a question list one a question (its answer as body)."""

    def __init__(self) -> None:
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        # what is deleted is overwritten with zeros, and close() deletes everything first: the
        # text does not stay in freed memory after lock
        self._db.execute("PRAGMA secure_delete = ON")
        self._db.execute(
            "CREATE VIRTUAL TABLE idx USING fts5(title, tags, notes, body, ctx, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        self._db.execute("CREATE VIRTUAL TABLE idx_terms USING fts5vocab(idx, 'row')")
        # the original text of a row's columns where it differs from the folded text that the index
        # holds, and only for such rows (plain ASCII goes into the index as it is: no row here; a
        # column that folds to itself is NULL)
        self._db.execute(
            "CREATE TABLE orig(rowid INTEGER PRIMARY KEY, title TEXT, tags TEXT, notes TEXT, body TEXT, "
            "ctx TEXT)"
        )
        self._meta: dict[str, _Meta] = {}
        #: rowid -> (record id, page, item, kind): where each row belongs
        self._rows: dict[int, tuple[str, int, int | None, str]] = {}
        #: the next free rowid of each range
        self._next = {start: start for start in (_ENTRY_HEAD, _DOC_HEAD, _DOC_BODY, _ENTRY_BODY)}
        self._generation = 0
        self.vocabulary = Vocabulary(self._db, "idx_terms")
        #: inside batch(): the rows (rowid and columns) of idx and of orig not written yet
        self._held: tuple[list[tuple[object, ...]], list[tuple[object, ...]]] | None = None

    def close(self) -> None:
        """Drop everything (on lock)."""
        self.vocabulary.clear()
        try:
            self._db.execute("DELETE FROM idx")
            self._db.execute("DELETE FROM orig")
            self._db.execute("DROP TABLE idx_terms")
            self._db.execute("DROP TABLE idx")
            self._db.execute("DROP TABLE orig")
            # committed, not rolled back by close(): a rollback would bring the rows back from the
            # in-memory journal and free them unzeroed (secure_delete zeroes what a commit deletes)
            self._db.commit()
        except sqlite3.ProgrammingError:  # closed already
            pass
        self._db.close()
        self._meta.clear()
        self._rows.clear()
        if self._held is not None:
            for held in self._held:
                held.clear()
        fold_word.cache_clear()  # words of the records, folded for snippets

    def __len__(self) -> int:
        return len(self._meta)

    # ----------------------------------------------------------------- building
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Inside, added rows are written a few thousand at a time, in rowid order (build_index adds
        every record inside one). FTS5 writes out the terms it holds whenever a row comes in with a
        rowid lower than the last one, and a document's rows are in two rowid ranges (its title row,
        its pages): added one record at a time, that happened at every record."""
        self._held = ([], [])
        try:
            yield
            self._write_held()
        finally:
            self._held = None

    def _write_held(self) -> None:
        """Write what a batch holds (before anything reads the index)."""
        if self._held is not None:
            self._write(*self._held)
            for held in self._held:
                held.clear()

    def _write(self, indexed: list[tuple[object, ...]], originals: list[tuple[object, ...]]) -> None:
        if originals:
            originals.sort(key=_ROWID)
            self._db.executemany(
                "INSERT INTO orig(rowid, title, tags, notes, body, ctx) VALUES (?,?,?,?,?,?)", originals
            )
        if indexed:
            indexed.sort(key=_ROWID)
            self._db.executemany(
                "INSERT INTO idx(rowid, title, tags, notes, body, ctx) VALUES (?,?,?,?,?,?)", indexed
            )

    def _insert(self, rows: list[tuple[str, int, int | None, str, tuple[str, ...]]]) -> list[int]:
        """Store rows (record id, page, item, kind, the five columns); returns their rowids."""
        rowids = []
        indexed, originals = self._held if self._held is not None else ([], [])
        # a document's title and tags, the same string in the context column of each of its pages,
        # folded once
        context, context_folded = "", ""
        for record_id, page, item, kind, columns in rows:
            *texts, ctx = columns
            if ctx is not context:
                context, context_folded = ctx, index_text(ctx) if ctx else ctx
            folded = (*(index_text(c) if c else c for c in texts), context_folded)
            if kind == "document":
                start = _DOC_HEAD if folded[0] or folded[1] else _DOC_BODY
            else:
                start = _ENTRY_HEAD if folded[0] or folded[1] else _ENTRY_BODY
            rowid = self._next[start]
            self._next[start] = rowid + 1
            rowids.append(rowid)
            self._rows[rowid] = (record_id, page, item, kind)
            indexed.append((rowid, *folded))
            if folded != columns:
                originals.append(
                    (rowid, *(None if f == c else c for c, f in zip(columns, folded, strict=True)))
                )
        if self._held is None:
            self._write(indexed, originals)
        elif len(indexed) >= _BATCH_ROWS:
            self._write_held()
        return rowids

    def add(self, record: Record, page_texts: Iterable[str] = ()) -> None:
        """Index a document: its title, tags and notes, and the text of each page."""
        self.remove(record.id)
        tags = " ".join(record.tags)
        head = f"{record.title} {tags}" if tags else record.title
        rows: list[tuple[str, int, int | None, str, tuple[str, ...]]] = [
            (record.id, 0, None, "document", (record.title, tags, record.notes, "", ""))
        ]
        rows += [
            (record.id, number, None, "document", ("", "", "", text, head))
            for number, text in enumerate(page_texts, 1)
            if text.strip()
        ]
        rowids = self._insert(rows)
        self._meta[record.id] = _Meta(record.title, record.category, "document", None, rowids)
        self._generation += 1

    def add_entry(self, record: Record, appointments: Mapping[str, Record] | None = None) -> None:
        """Index a structured entry by its fields and notes (*appointments*: id -> record, for the
        context of a question list)."""
        self.remove(record.id)
        rows = entry_rows(record, appointments or {})
        rowids = self._insert(
            [(record.id, 0, row.item, row.kind, (row.head, "", row.notes, row.body, "")) for row in rows]
        )
        self._meta[record.id] = _Meta(record.title, record.category, record.kind, rows[0].context, rowids)
        self._generation += 1

    def update_metadata(self, record: Record) -> None:
        """Refresh title, tags and notes without touching the page text."""
        meta = self._meta.get(record.id)
        if meta is None or meta.kind != "document":
            return
        self._write_held()
        numbers = {rowid: self._rows[rowid][1] for rowid in meta.rowids if self._rows[rowid][1] > 0}
        texts = self._texts(list(numbers))
        # blank pages have no row: they stay blank, so that the pages keep their numbers
        bodies = [""] * max(numbers.values(), default=0)
        for rowid, number in numbers.items():
            bodies[number - 1] = texts.get(rowid, {}).get("body", "")
        self.add(record, bodies)

    def remove(self, record_id: str) -> None:
        """Take a record out of the index."""
        meta = self._meta.pop(record_id, None)
        if meta is None:
            return
        self._write_held()
        for rowid in meta.rowids:
            self._db.execute("DELETE FROM idx WHERE rowid = ?", (rowid,))
            self._db.execute("DELETE FROM orig WHERE rowid = ?", (rowid,))
            self._rows.pop(rowid, None)
        self._generation += 1

    def prepare(self) -> None:
        """Build the vocabulary of the forgiving tier now (build_index does, off the GUI thread),
        rather than at the first search that needs it."""
        self._write_held()
        # FTS5 holds a batch's terms in its own hash table until a commit writes them into pages,
        # which secure_delete zeroes when close() deletes them: the table's memory is freed unzeroed
        self._db.commit()
        self.vocabulary.refresh(self._generation)

    # ---------------------------------------------------------------- searching
    def search(self, text: str, limit: int = 50, allowed: set[str] | None = None) -> list[SearchHit]:
        """Documents that match, best first (one hit a document, its best page); *allowed* limits
        the record ids. See query() for every kind of record and the forgiving tier."""
        return self.query(text, limit=limit, allowed=allowed, kinds={"document"}).hits

    def query(
        self,
        text: str,
        limit: int = 50,
        allowed: set[str] | None = None,
        kinds: set[str] | None = None,
        languages: tuple[str, ...] = ("en", "es"),
    ) -> SearchResult:
        """Search documents and entries: exact hits first (title or tags holding every word, then
        BM25), then forgiving ones (word forms in *languages*, one typo, synonyms). *allowed* limits
        the record ids, *kinds* the hit kinds ("document", an entry kind, "question")."""
        self._write_held()
        result = SearchResult(text)
        exact = fts_query(text)
        if not exact:
            result.searchable = False
            return result
        seen: set[tuple[str, int | None]] = set()
        matcher = exact_matcher(text)
        title_rows = self._ranked("{title tags} : (" + exact + ")", limit, allowed, kinds, seen, heads=True)
        self._collect(result, title_rows, matcher, _TIER_TITLE, True, limit)
        # the exact tier ranks every matching row of the kinds asked for (most of a common word's
        # time): only when the title tier left room
        if len(result.hits) < limit:
            exact_rows = self._ranked(exact, limit - len(result.hits), allowed, kinds, seen)
            self._collect(result, exact_rows, matcher, _TIER_EXACT, True, limit)
        if len(result.hits) < limit:
            self.vocabulary.refresh(self._generation)
            forgiving = forgiving_query(text, self.vocabulary, languages)
            if forgiving is not None:
                before = len(result.hits)
                rows = self._ranked(forgiving.expression, limit - len(result.hits), allowed, kinds, seen)
                self._collect(result, rows, forgiving.matcher, _TIER_FORGIVING, False, limit)
                if not result.exact_count and len(result.hits) > before:
                    result.suggestion = forgiving.corrected
        return result

    def _ranked(
        self,
        expression: str,
        limit: int,
        allowed: set[str] | None,
        kinds: set[str] | None,
        seen: set[tuple[str, int | None]],
        heads: bool = False,
    ) -> list[tuple[int, _Row, float]]:
        """The best row of each record (or question) matching *expression*, best first, at most
        *limit*, skipping *seen* (and adding what it gives to it); only rows with a title or tags if
        *heads*. The rowid ranges of *kinds* are read inside SQL; the rows are read again, more of
        them, when those that were read hold fewer than *limit* records allowed."""
        ranges = _ranges(kinds, heads)
        if not ranges:
            return []
        bounds = " OR ".join("(rowid >= ? AND rowid < ?)" for _ in ranges)
        where = f"idx MATCH ? AND ({bounds})"
        values: list[object] = [expression]
        for low, high in ranges:
            values += [low, high]
        fetch = _FETCH_FACTOR * limit + len(seen)
        while True:
            # rank on rowid and score alone (SQLite reads every selected column of every matching
            # row before sorting); where a row belongs is in self._rows
            rows = self._db.execute(
                f"SELECT rowid, bm25(idx, {_WEIGHTS}) AS score FROM idx WHERE {where} ORDER BY score LIMIT ?",
                (*values, fetch),
            ).fetchall()
            best: list[tuple[int, _Row, float]] = []
            taken: set[tuple[str, int | None]] = set()
            for rowid, score in rows:
                where_from = self._rows.get(rowid)
                if where_from is None:
                    continue
                record_id, page, item, kind = where_from
                key = (record_id, item)
                if key in seen or key in taken or (allowed is not None and record_id not in allowed):
                    continue
                if kinds is not None and kind not in kinds:
                    continue
                taken.add(key)
                best.append((rowid, _Row(record_id, page, item, kind), score))
                if len(best) >= limit:
                    break
            if len(best) >= limit or len(rows) < fetch:
                seen |= taken
                return best
            fetch *= 4

    def _texts(self, rowids: list[int]) -> dict[int, dict[str, str]]:
        """The original text of the columns of these rows, by rowid, in one statement."""
        if not rowids:
            return {}
        picked = ", ".join(f"coalesce(orig.{column}, idx.{column})" for column in _COLUMNS)
        found = self._db.execute(
            f"SELECT idx.rowid, {picked} FROM idx LEFT JOIN orig ON orig.rowid = idx.rowid "
            f"WHERE idx.rowid IN ({', '.join('?' * len(rowids))})",
            rowids,
        ).fetchall()
        return {
            rowid: {column: str(value or "") for column, value in zip(_COLUMNS, values, strict=True)}
            for rowid, *values in found
        }

    def _collect(
        self,
        result: SearchResult,
        rows: list[tuple[int, _Row, float]],
        matcher: Matcher,
        tier: float,
        exact: bool,
        limit: int,
    ) -> None:
        # the text of the shown rows only, read at once
        shown_rows = [r for r in rows if r[1].record_id in self._meta][: max(0, limit - len(result.hits))]
        texts = self._texts([rowid for rowid, _, _ in shown_rows])
        for rowid, row, score in shown_rows:
            meta = self._meta[row.record_id]
            text = texts.get(rowid, {})
            shown = ""
            page = row.page or None
            for column in (
                ("body", "title", "tags", "notes", "ctx") if page else ("title", "tags", "notes", "body")
            ):
                value = text.get(column, "")
                cut = snippet(value, matcher) if value else None
                if cut is not None:
                    shown = cut
                    if page and column != "body":
                        page = None  # the page matched only through its record's title
                    break
            else:
                shown = meta.title
            title = text.get("title", "") if row.kind == "question" else meta.title
            result.hits.append(
                SearchHit(
                    kind=row.kind,
                    id=row.record_id,
                    title=title,
                    category=meta.category,
                    page=page,
                    snippet=shown,
                    score=tier - score,
                    context=meta.context,
                    item=row.item,
                    exact=exact,
                )
            )


_ROWID = itemgetter(0)


def _ranges(kinds: set[str] | None, heads: bool) -> list[tuple[int, int]]:
    """The rowid ranges [low, high) that hold the rows of *kinds* (every kind if None), of rows with
    a title or tags only if *heads*; adjacent ranges joined."""
    documents = kinds is None or "document" in kinds
    entries = kinds is None or any(kind != "document" for kind in kinds)
    parts = [
        (_ENTRY_HEAD, _DOC_HEAD, entries),
        (_DOC_HEAD, _DOC_BODY, documents),
        (_DOC_BODY, _ENTRY_BODY, documents and not heads),
        (_ENTRY_BODY, _END, entries and not heads),
    ]
    ranges: list[tuple[int, int]] = []
    for low, high, wanted in parts:
        if not wanted:
            continue
        if ranges and ranges[-1][1] == low:
            ranges[-1] = (ranges[-1][0], high)
        else:
            ranges.append((low, high))
    return ranges
