"""What a search gives back: hits, with their kind, place and snippet, and a suggestion."""

from __future__ import annotations

from dataclasses import dataclass, field

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@dataclass(frozen=True)
class HitContext:
    """Where an entry belongs, as data for the caller to word: ("appointment", "2026-12-06",
    "Port check with Dr. Rivera") is "Appointment on 2026-12-06" in English."""

    kind: str  # an entry kind of mbc_vault/categories.py (the app words it with its label)
    date: str | None = None
    title: str = ""

    def english(self) -> str:
        """The context in English, for the command line ("Appointment on 2026-12-06")."""
        from ..categories import ENTRY_KINDS

        label = ENTRY_KINDS.get(self.kind, ("", self.kind))[1]
        if self.date:
            return f"{label} on {self.date}"
        return f"{label}: {self.title}" if self.title else label


@dataclass
class SearchHit:
    """One record (or one question of a question list) that matched."""

    #: "document", an entry kind of mbc_vault/categories.ENTRY_KINDS, or "question" (one question
    #: of the "question-list" entry *id*, at position *item*)
    kind: str
    #: the record id: the document, the entry, or the question list
    id: str
    title: str
    #: a document's category slug; an entry's kind ("question-list" for a question)
    category: str
    #: 1-based page of the best match in a document, or None (title, tags, notes, an entry's fields)
    page: int | None
    #: original text around the match; matched words are wrapped in HIGHLIGHT_START / HIGHLIGHT_END
    snippet: str
    #: higher is better; hits come best first
    score: float
    #: where an entry belongs (a question's appointment), or None
    context: HitContext | None = None
    #: 0-based position of the question in its list (kind "question"), else None
    item: int | None = None
    #: False when the hit comes from forgiving matching (word forms, typos, synonyms)
    exact: bool = True

    @property
    def record_id(self) -> str:
        """The record id (the old name of *id*)."""
        return self.id

    def snippet_plain(self, start: str = "[", end: str = "]") -> str:
        """The snippet with the highlight marks replaced by *start* and *end*."""
        return self.snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


@dataclass
class SearchResult:
    """The answer to one search: the hits, best first, exact ones before forgiving ones."""

    query: str
    hits: list[SearchHit] = field(default_factory=list)
    #: when nothing matched exactly: the query as corrected ("pathology" for "pathalogy"), or None
    suggestion: str | None = None
    #: False when the query holds no word to search for (only punctuation, or nothing)
    searchable: bool = True

    @property
    def exact_count(self) -> int:
        """How many hits matched the words exactly (as typed, or as the start of a word)."""
        return sum(1 for hit in self.hits if hit.exact)
