"""What the search index stores: the original text only where folding changed it, pages that keep
their numbers when the metadata changes, and typo candidates that are every word one edit away."""

from __future__ import annotations

import random

from mbc_vault.records import Record
from mbc_vault.search import HIGHLIGHT_START, SearchIndex
from mbc_vault.search.vocabulary import within_one_edit


def _record(title: str) -> Record:
    return Record(id="d" + "0" * 19, category="medical-other", title=title)


def test_original_text_is_kept_only_where_folding_changes_it_and_pages_keep_their_numbers() -> None:
    index = SearchIndex()
    try:
        index.add(_record("Liver biopsy"), ["plain ascii wombatine", "", "quokka\ufb01brosis on page three"])
        # one row holds an original (the ligature page); the plain ASCII rows store none
        assert index._db.execute("SELECT count(*) FROM orig").fetchone() == (1,)
        index.update_metadata(_record("Liver biopsy, second look"))
        (hit,) = index.search("quokkafibrosis")
        assert hit.page == 3 and hit.title == "Liver biopsy, second look"
        assert "quokka\ufb01brosis" in hit.snippet and HIGHLIGHT_START in hit.snippet
        assert index.search("wombatine")[0].page == 1
    finally:
        index.close()


def test_one_edit_finds_every_indexed_word_one_edit_away() -> None:
    rng = random.Random(4)
    letters = "abcdeilmnorstu"
    words = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(4, 9))) for _ in range(600)})
    index = SearchIndex()
    try:
        for number in range(0, len(words), 50):
            record = Record(id=f"d{number:019x}", category="medical-other", title="")
            index.add(record, [" ".join(words[number : number + 50])])
        index.prepare()
        for _ in range(300):
            word = rng.choice(words)
            at = rng.randrange(len(word))
            letter = rng.choice(letters)
            typed = rng.choice(
                [
                    word[:at] + letter + word[at + 1 :],
                    word[:at] + word[at + 1 :],
                    word[:at] + letter + word[at:],
                    word[:at] + word[at + 1 : at + 2] + word[at : at + 1] + word[at + 2 :],
                ]
            )
            expected = {w for w in words if w != typed and within_one_edit(typed, w)}
            assert set(index.vocabulary.one_edit(typed)) == expected, typed
    finally:
        index.close()


def test_rows_held_by_a_batch_are_found_removed_and_updated_like_the_others() -> None:
    index = SearchIndex()
    try:
        with index.batch():
            for number in range(3):
                record = Record(id=f"d{number:019x}", category="medical-other", title=f"Report {number}")
                index.add(record, [f"wombatine page of report {number}", "quokka\ufb01brosis"])
            index.remove(f"d{1:019x}")
            index.update_metadata(
                Record(id=f"d{2:019x}", category="medical-other", title="Report two, renamed")
            )
            index.add_entry(Record(id="e" + "0" * 19, category="symptom", kind="symptom", title="Wombatine"))
            assert [hit.id for hit in index.query("wombatine").hits][0] == "e" + "0" * 19  # the title tier
        hits = index.search("wombatine")
        assert sorted(hit.id for hit in hits) == [f"d{0:019x}", f"d{2:019x}"]
        assert {hit.title for hit in hits} == {"Report 0", "Report two, renamed"}
        assert all(hit.page == 2 for hit in index.search("quokkafibrosis"))
        assert len(index) == 3
    finally:
        index.close()
