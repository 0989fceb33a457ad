"""Search over the whole care record: documents (title, tags, notes, page text) and every kind of
structured entry (its fields, its notes; a question list question by question), in an in-memory
SQLite FTS5 index built after unlock, dropped on lock, never written to disk.

The API
-------
``build_index(vault, progress=None, cancel=None) -> SearchIndex``
    Everything the person can read (not the trash). A part not given to them is not in their vault,
    so it gives no hit, no count and no suggestion.

``SearchIndex.query(text, limit=50, allowed=None, kinds=None, languages=("en", "es")) -> SearchResult``
    ``result.hits``: ``SearchHit`` best first. First the records whose title or tags hold every
    word, then the other exact matches by BM25 (a word as typed or the start of a word; the title
    and the text of one record may hold different words), then the forgiving ones
    (``hit.exact`` False): word forms (Snowball stemmers for *languages*), one typo in a word of 5
    letters or more, and the synonyms of ``synonyms.GROUPS`` (HER2 / HER-2 / ERBB2, CA 15-3 /
    CA15-3...). ``result.suggestion``: when nothing matched exactly but a corrected query did, the
    corrected query ("pathology" for "pathalogy"), to offer as "Did you mean ...?".
    ``result.searchable`` is False when the text holds no word at all. Whatever is typed (quotes,
    ``*``, ``NEAR``, ``-``, parentheses, 10,000 characters), no FTS5 error is raised.
    *allowed* limits the record ids; *kinds* the hit kinds.

``SearchHit``
    ``kind`` ("document", an entry kind of ``categories.ENTRY_KINDS``, or "question": one question
    of the "question-list" entry ``id`` at position ``item``), ``id``, ``title`` (a question's text
    for a question), ``category`` (a document's category; an entry's kind), ``page`` (1-based, for
    a match in a document's page text), ``snippet`` (the original text, the matched words between
    ``HIGHLIGHT_START`` and ``HIGHLIGHT_END``), ``score`` (higher is better), ``context``
    (``HitContext(kind, date, title)`` of a question list's appointment: data for the caller to
    word, ``context.english()`` is "Appointment on 2026-12-06"), ``exact``.

``SearchIndex.search(text, limit=50, allowed=None) -> list[SearchHit]``
    Documents only (the app's document library, as before).

``SearchIndex.add(record, page_texts)``, ``add_entry(record, appointments)``, ``update_metadata``,
``remove(record_id)``, ``close()``: keeping the index up to date, and dropping it.

Text is folded the same way at indexing and at query time (``normalize.fold``: NFKC, case folding,
accents removed, soft hyphens dropped, line-end hyphens joined); the stored page text is unchanged
and snippets are cut from it.
"""

from __future__ import annotations

from .build import build_index
from .hits import HIGHLIGHT_END, HIGHLIGHT_START, HitContext, SearchHit, SearchResult
from .index import SearchIndex
from .normalize import fold
from .query import fts_query

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "HitContext",
    "SearchHit",
    "SearchIndex",
    "SearchResult",
    "build_index",
    "fold",
    "fts_query",
]
