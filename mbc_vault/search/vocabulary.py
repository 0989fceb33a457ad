"""The words of the index, for forgiving matching: word forms (Snowball stemmers, English and
Spanish) and one-edit typos (a deletion neighbourhood: a word and its one-letter deletions).

Read from the index itself (FTS5's fts5vocab table), so it holds only words of records in the index,
and rebuilt only for the words that came or went since the last forgiving search.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import Stemmer  # PyStemmer: Snowball stemmers in C

_LANGUAGES = {"en": "english", "es": "spanish"}
#: the shortest and longest words the typo table holds
_TYPO_WORDS = (4, 24)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


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
    """Words of one index with their document counts; stems and deletions built on first use."""

    def __init__(self, db: sqlite3.Connection, table: str) -> None:
        self._db = db
        self._table = table
        self._generation = -1
        self.counts: dict[str, int] = {}
        # stem (by its hash: the stems are not kept as more copies of the words) -> words
        self._stems: dict[str, dict[int, set[str]]] = {code: defaultdict(set) for code in _LANGUAGES}
        self._deleted: dict[str, set[str]] = defaultdict(set)
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
            for word in listed:
                if _TYPO_WORDS[0] <= len(word) <= _TYPO_WORDS[1] and word.isalpha():
                    for key in _deletions(word) | {word}:
                        (self._deleted[key].add if add else self._deleted[key].discard)(word)
        self.counts = counts
        self._generation = generation

    def clear(self) -> None:
        self.counts.clear()
        for table in self._stems.values():
            table.clear()
        self._deleted.clear()
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
        candidates: set[str] = set()
        for key in _deletions(word) | {word}:
            candidates |= self._deleted.get(key, set())
        candidates.discard(word)
        return self._by_count({c for c in candidates if within_one_edit(word, c)})
