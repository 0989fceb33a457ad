"""The in-memory index: SQLite FTS5 over folded text, with the original text beside it for snippets.
Built after unlock, dropped on lock, never written to disk."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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
#: rows with neither title nor tags (a document's pages, mostly) take rowids from here up, so that
#: the title tier reads only the rows below (FTS5 skips a rowid range without reading it)
_HEADLESS_ROWIDS = 1 << 40


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
        # where each row belongs, and its original text where it differs from the folded text that
        # the index holds (plain ASCII goes into the index as it is: then the column here is NULL)
        self._db.execute(
            "CREATE TABLE src(rowid INTEGER PRIMARY KEY, record_id TEXT, page INTEGER, item INTEGER, "
            "kind TEXT, title TEXT, tags TEXT, notes TEXT, body TEXT, ctx TEXT)"
        )
        self._meta: dict[str, _Meta] = {}
        self._next_rowid = 1
        self._next_headless = _HEADLESS_ROWIDS
        self._generation = 0
        self.vocabulary = Vocabulary(self._db, "idx_terms")

    def close(self) -> None:
        """Drop everything (on lock)."""
        self.vocabulary.clear()
        try:
            self._db.execute("DELETE FROM idx")
            self._db.execute("DELETE FROM src")
            self._db.execute("DROP TABLE idx_terms")
            self._db.execute("DROP TABLE idx")
            self._db.execute("DROP TABLE src")
        except sqlite3.ProgrammingError:  # closed already
            pass
        self._db.close()
        self._meta.clear()
        fold_word.cache_clear()  # words of the records, folded for snippets

    def __len__(self) -> int:
        return len(self._meta)

    # ----------------------------------------------------------------- building
    def _insert(self, rows: list[tuple[str, int, int | None, str, tuple[str, ...]]]) -> list[int]:
        """Store rows (record id, page, item, kind, the five columns); returns their rowids."""
        indexed = [tuple(index_text(c) for c in row[4]) for row in rows]
        rowids = []
        for folded in indexed:
            if folded[0] or folded[1]:
                rowids.append(self._next_rowid)
                self._next_rowid += 1
            else:
                rowids.append(self._next_headless)
                self._next_headless += 1
        self._db.executemany(
            "INSERT INTO src(rowid, record_id, page, item, kind, title, tags, notes, body, ctx) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    rowid,
                    rid,
                    page,
                    item,
                    kind,
                    *(None if f is c else c for c, f in zip(cols, folded, strict=True)),
                )
                for rowid, (rid, page, item, kind, cols), folded in zip(rowids, rows, indexed, strict=True)
            ],
        )
        self._db.executemany(
            "INSERT INTO idx(rowid, title, tags, notes, body, ctx) VALUES (?,?,?,?,?,?)",
            [(rowid, *folded) for rowid, folded in zip(rowids, indexed, strict=True)],
        )
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
        bodies = self._db.execute(
            "SELECT coalesce(src.body, idx.body) FROM src JOIN idx ON idx.rowid = src.rowid "
            "WHERE src.record_id = ? AND src.page > 0 ORDER BY src.page",
            (record.id,),
        ).fetchall()
        self.add(record, [body for (body,) in bodies])

    def remove(self, record_id: str) -> None:
        """Take a record out of the index."""
        meta = self._meta.pop(record_id, None)
        if meta is None:
            return
        for rowid in meta.rowids:
            self._db.execute("DELETE FROM idx WHERE rowid = ?", (rowid,))
            self._db.execute("DELETE FROM src WHERE rowid = ?", (rowid,))
        self._generation += 1

    def prepare(self) -> None:
        """Build the vocabulary of the forgiving tier now (build_index does, off the GUI thread),
        rather than at the first search that needs it."""
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
        result = SearchResult(text)
        exact = fts_query(text)
        if not exact:
            result.searchable = False
            return result
        seen: set[tuple[str, int | None]] = set()
        matcher = exact_matcher(text)
        title_rows = self._ranked(
            "{title tags} : (" + exact + ")", limit, allowed, kinds, seen, below=_HEADLESS_ROWIDS
        )
        self._collect(result, title_rows, matcher, _TIER_TITLE, True, limit)
        # the exact tier ranks every matching row (most of a common word's time): only when the
        # title tier left room
        if len(result.hits) < limit:
            exact_rows = self._ranked(exact, limit, allowed, kinds, seen)
            self._collect(result, exact_rows, matcher, _TIER_EXACT, True, limit)
        if len(result.hits) < limit:
            self.vocabulary.refresh(self._generation)
            forgiving = forgiving_query(text, self.vocabulary, languages)
            if forgiving is not None:
                before = len(result.hits)
                rows = self._ranked(forgiving.expression, limit, allowed, kinds, seen)
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
        below: int | None = None,
    ) -> list[tuple[int, _Row, float]]:
        """The best row of each record (or question) matching *expression*, best first, skipping
        *seen*; only rows of a rowid under *below*, if given."""
        # rank on rowid and score alone, then read where the top rows belong: SQLite reads every
        # selected column of every matching row before sorting
        bound, values = ("", (expression,)) if below is None else (" AND rowid < ?", (expression, below))
        rows = self._db.execute(
            f"SELECT ranked.rowid, src.record_id, src.page, src.item, src.kind, "
            f"ranked.score "
            f"FROM (SELECT rowid, bm25(idx, {_WEIGHTS}) AS score FROM idx WHERE idx MATCH ?{bound} "
            f"ORDER BY score LIMIT ?) AS ranked JOIN src ON src.rowid = ranked.rowid ORDER BY ranked.score",
            (*values, limit * 8),
        ).fetchall()
        best: list[tuple[int, _Row, float]] = []
        for rowid, record_id, page, item, kind, score in rows:
            key = (record_id, item)
            if key in seen or (allowed is not None and record_id not in allowed):
                continue
            if kinds is not None and kind not in kinds:
                continue
            seen.add(key)
            best.append((rowid, _Row(record_id, page, item, kind), score))
            if len(best) >= limit:
                break
        return best

    def _texts(self, rowids: list[int]) -> dict[int, dict[str, str]]:
        """The original text of the columns of these rows, by rowid, in one statement."""
        if not rowids:
            return {}
        picked = ", ".join(f"coalesce(src.{column}, idx.{column})" for column in _COLUMNS)
        found = self._db.execute(
            f"SELECT src.rowid, {picked} FROM src JOIN idx ON idx.rowid = src.rowid "
            f"WHERE src.rowid IN ({', '.join('?' * len(rowids))})",
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
