"""The document library's search (documents only) when many entries match too: it still gives up to
the limit of documents, ranked by BM25, and no forgiving tier while exact documents fill the list."""

from __future__ import annotations

from mbc_vault.records import Record
from mbc_vault.search import SearchIndex


def _index(documents: int, entries: int) -> SearchIndex:
    """Documents with "wombatine" once on a long second page; many short entries with it in their
    notes (which BM25 ranks above every document page)."""
    index = SearchIndex()
    filler = " ".join(f"filler{n % 97}" for n in range(400))
    for number in range(documents):
        record = Record(id=f"d{number:019x}", category="medical-other", title=f"Report {number}")
        index.add(record, ["cover page", f"{filler} wombatine {filler}"])
    for number in range(entries):
        index.add_entry(
            Record(
                id=f"e{number:019x}",
                category="symptom",
                kind="symptom",
                title=f"Symptom {number}",
                data={"notes": "wombatine again"},
            )
        )
    return index


def test_library_search_gives_50_documents_when_more_match_than_entries_crowd_out() -> None:
    index = _index(documents=70, entries=600)
    try:
        hits = index.search("wombatine")
        assert len(hits) == 50
        assert all(hit.kind == "document" and hit.page == 2 and hit.exact for hit in hits)
        assert len({hit.id for hit in hits}) == 50  # one hit a document
        every = index.query("wombatine", limit=1000)
        assert sum(1 for hit in every.hits if hit.kind == "document") == 70
        assert sum(1 for hit in every.hits if hit.kind == "symptom") == 600
        # the same documents, in the same order, as the documents of a search of every kind
        order = [hit.id for hit in every.hits if hit.kind == "document"][:50]
        assert [hit.id for hit in hits] == order
    finally:
        index.close()


def test_library_search_of_a_title_word_skips_entries_with_it_in_their_title() -> None:
    index = _index(documents=3, entries=600)
    try:
        hits = index.search("report")  # every document's title; no entry has it
        assert [hit.kind for hit in hits] == ["document"] * 3
        symptoms = index.query("symptom", kinds={"document"})  # every entry's title, no document
        assert symptoms.hits == []
        assert len(index.query("symptom", kinds={"symptom"}).hits) == 50
    finally:
        index.close()


def test_allowed_records_still_fill_the_list() -> None:
    """Records not allowed (in the trash, say) that BM25 ranks first do not crowd out the others."""
    index = _index(documents=60, entries=0)
    try:
        for number in range(450):  # short pages: ranked above the 60 long ones
            record = Record(id=f"t{number:019x}", category="medical-other", title=f"Trashed {number}")
            index.add(record, ["wombatine here"])
        allowed = {f"d{number:019x}" for number in range(60)}
        hits = index.search("wombatine", allowed=allowed)
        assert len(hits) == 50 and {hit.id for hit in hits} <= allowed
    finally:
        index.close()
