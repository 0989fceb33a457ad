"""The words of the index, for forgiving matching: word forms (Snowball stemmers, English and
Spanish) and one-edit typos (the words sorted, and sorted again spelled backwards: a word one edit
away from another shares its first half or the end after its middle letter, so two ranges of these
lists hold every candidate).

Read from the index itself (FTS5's fts5vocab table), so it holds only words of records in the index,
and rebuilt only for the words that came or went since the last forgiving search.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable

import Stemmer  # PyStemmer: Snowball stemmers in C

_LANGUAGES = {"en": "english", "es": "spanish"}
#: the shortest and longest words the typo table holds
_TYPO_WORDS = (4, 24)


#: past every character of a casefolded word: the end of a range of words with one prefix
_LAST = "\U0010ffff"
#: more words than this came or went: the sorted lists are made again rather than changed in place
_REBUILD = 2000


def _typo_word(word: str) -> bool:
    return _TYPO_WORDS[0] <= len(word) <= _TYPO_WORDS[1] and word.isalpha()


def _starting(words: list[str], prefix: str) -> list[str]:
    """The words of the sorted list *words* that start with *prefix*."""
    return words[bisect_left(words, prefix) : bisect_left(words, prefix + _LAST)]


def _ending(backward: list[tuple[str, str]], suffix: str) -> list[str]:
    """The words of *backward* (each spelled backwards, with itself, sorted) that end with *suffix*."""
    key = suffix[::-1]
    return [
        word for _, word in backward[bisect_left(backward, (key,)) : bisect_left(backward, (key + _LAST,))]
    ]


def _remove(words: list[str] | list[tuple[str, str]], entry: str | tuple[str, str]) -> None:
    at = bisect_left(words, entry)
    if at < len(words) and words[at] == entry:
        del words[at]


def within_one_edit(a: str, b: str) -> bool:
    """Whether *b* is *a* with one letter changed, added, removed, or two neighbours swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class Vocabulary:
    """Words of one index with their document counts; stems and the typo lists built on first use
    (or by SearchIndex.prepare)."""

    def __init__(self, db: sqlite3.Connection, table: str) -> None:
        self._db = db
        self._table = table
        self._generation = -1
        self.counts: dict[str, int] = {}
        # stem (by its hash: the stems are not kept as more copies of the words) -> words
        self._stems: dict[str, dict[int, set[str]]] = {code: defaultdict(set) for code in _LANGUAGES}
        # the words of the typo table, sorted; and (the word spelled backwards, the word), sorted
        # (the word itself is given back: no copy of it is made)
        self._forward: list[str] = []
        self._backward: list[tuple[str, str]] = []
        # no cache of stems: the index's words stay in this vocabulary only, dropped on lock
        self._stemmers = {code: Stemmer.Stemmer(name, 0) for code, name in _LANGUAGES.items()}

    def refresh(self, generation: int) -> None:
        """Catch up with the index (whose content changes bump *generation*)."""
        if generation == self._generation:
            return
        counts = dict(self._db.execute(f"SELECT term, doc FROM {self._table}"))
        gone = self.counts.keys() - counts.keys()
        new = counts.keys() - self.counts.keys()
        for words, add in ((gone, False), (new, True)):
            if not words:
                continue
            listed = sorted(words)
            for code, stemmer in self._stemmers.items():
                table = self._stems[code]
                for word, stem in zip(listed, stemmer.stemWords(listed), strict=True):
                    stem_key = hash(stem)
                    (table[stem_key].add if add else table[stem_key].discard)(word)
        if len(gone) + len(new) > _REBUILD:
            typo_words = [word for word in counts if _typo_word(word)]
            self._forward = sorted(typo_words)
            self._backward = sorted((word[::-1], word) for word in typo_words)
        else:
            self._change(gone, add=False)
            self._change(new, add=True)
        self.counts = counts
        self._generation = generation

    def _change(self, words: Iterable[str], add: bool) -> None:
        for word in words:
            if _typo_word(word):
                if add:
                    insort(self._forward, word)
                    insort(self._backward, (word[::-1], word))
                else:
                    _remove(self._forward, word)
                    _remove(self._backward, (word[::-1], word))

    def clear(self) -> None:
        self.counts.clear()
        for table in self._stems.values():
            table.clear()
        self._forward.clear()
        self._backward.clear()
        self._stemmers.clear()

    def _by_count(self, words: set[str]) -> list[str]:
        return sorted(words, key=lambda w: (-self.counts.get(w, 0), w))

    def has_prefix(self, word: str) -> bool:
        """Whether some indexed word is *word* or starts with it."""
        row = self._db.execute(
            f"SELECT term FROM {self._table} WHERE term >= ? AND term < ? LIMIT 1",
            (word, word + "\U0010ffff"),
        ).fetchone()
        return row is not None

    def word_forms(self, word: str, languages: tuple[str, ...]) -> list[str]:
        """Indexed words with the stem of *word* in one of *languages* ("biopsy" for "biopsies")."""
        found: set[str] = set()
        for code in languages:
            stemmer = self._stemmers.get(code)
            if stemmer is not None:
                found |= self._stems[code].get(hash(stemmer.stemWord(word)), set())
        found.discard(word)
        return self._by_count(found)

    def one_edit(self, word: str) -> list[str]:
        """Indexed words one edit away from *word* (most frequent first), not *word* itself."""
        # an edit at or after the middle keeps the first half; one before it keeps the end after
        # the middle letter (a swap of the two letters around it too)
        half = len(word) // 2
        candidates = set(_starting(self._forward, word[:half]))
        candidates.update(_ending(self._backward, word[half + 1 :]))
        candidates.discard(word)
        size = len(word)
        return self._by_count({c for c in candidates if abs(len(c) - size) <= 1 and within_one_edit(word, c)})
