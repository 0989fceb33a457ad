"""What a person typed, as safe FTS5 queries: the exact one (every word, as typed or as the start of
a word) and the forgiving one (word forms, one typo, synonyms), and the words to highlight.

Only folded letters and digits reach FTS5, each inside double quotes, so nothing typed (quotes, `*`,
`NEAR`, `-`, parentheses, very long text) is ever read as FTS5 syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .normalize import folded_words
from .synonyms import synonyms_at
from .vocabulary import Vocabulary

#: words of a query beyond these are ignored (a pasted page is not a search)
MAX_WORDS = 24
#: a word of at least this many letters may have one typo
TYPO_MIN_LENGTH = 5
#: alternatives tried for one word of the query (the most frequent in the index first)
MAX_ALTERNATIVES = 24


def query_words(text: str) -> list[str]:
    """The folded words of a query, at most MAX_WORDS."""
    return folded_words(text[: MAX_WORDS * 64])[:MAX_WORDS]


def _quote(words: tuple[str, ...] | list[str]) -> str:
    return '"' + " ".join(words) + '"'


def _prefix(word: str) -> bool:
    """Whether a word of the query also matches longer words: letters only, 3 or more."""
    return len(word) >= 3 and word.isalpha()


def query_chunks(text: str) -> list[tuple[str, ...]]:
    """The words of a query as typed between spaces, each as its folded words ("HER-2": her, 2)."""
    chunks: list[tuple[str, ...]] = []
    count = 0
    for typed in text[: MAX_WORDS * 64].split():
        words = tuple(folded_words(typed))[: MAX_WORDS - count]
        if words:
            chunks.append(words)
            count += len(words)
    return chunks


def fts_query(text: str) -> str:
    """The exact FTS5 query for *text*: every word typed must match, as a word or (3 letters or
    more) the start of one; a word typed with hyphens or slashes ("HER-2") as a run of words.
    Empty when *text* holds no word."""
    return " ".join(_quote(chunk) + ("*" if _prefix(chunk[-1]) else "") for chunk in query_chunks(text))


@dataclass
class Matcher:
    """The words a snippet highlights: starts of words, whole words and runs of words."""

    prefixes: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()

    def single(self, word: str) -> bool:
        return word in self.words or word.startswith(self.prefixes)

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """A regular expression for these words, ignoring case (to find where to cut a snippet
        quickly; the words of the cut are then folded and matched one by one)."""
        edge, end = r"(?<![^\W_])", r"(?![^\W_])"
        parts = [edge + "(?:" + "|".join(map(re.escape, self.prefixes)) + ")"] if self.prefixes else []
        if self.words:
            parts.append(edge + "(?:" + "|".join(map(re.escape, sorted(self.words))) + ")" + end)
        parts += [edge + r"[\W_]+".join(map(re.escape, phrase)) for phrase in self.phrases]
        return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@dataclass
class Forgiving:
    """The forgiving query: one unit a word (or a synonym's words), each an OR of alternatives."""

    expression: str
    matcher: Matcher
    #: the query with each typo replaced by its most frequent correction, if any word was corrected
    corrected: str | None = None


def exact_matcher(text: str) -> Matcher:
    """What the exact query matches, for snippets."""
    chunks = query_chunks(text)
    return Matcher(
        prefixes=tuple(c[0] for c in chunks if len(c) == 1 and _prefix(c[0])),
        words=frozenset(c[0] for c in chunks if len(c) == 1 and not _prefix(c[0])),
        phrases=tuple(c for c in chunks if len(c) > 1),
    )


def forgiving_query(text: str, vocabulary: Vocabulary, languages: tuple[str, ...]) -> Forgiving | None:
    """The forgiving FTS5 query for *text*, or None when it would be the exact one again."""
    words = query_words(text)
    units: list[list[str]] = []
    singles: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    corrected: list[str] = []
    plain: list[str] = []  # the words not covered by a synonym
    any_correction = False
    widened = False
    start = 0
    while start < len(words):
        synonym = synonyms_at(words, start)
        if synonym is not None:
            length, variants = synonym
            covered = words[start : start + length]
            units.append([_quote(v) for v in variants] + [_quote(covered)])
            phrases.extend(v for v in variants if len(v) > 1)
            singles.update(v[0] for v in variants if len(v) == 1)
            corrected.extend(covered)
            widened = True
            start += length
            continue
        word = words[start]
        plain.append(word)
        alternatives = vocabulary.word_forms(word, languages)
        typos = vocabulary.one_edit(word) if len(word) >= TYPO_MIN_LENGTH and word.isalpha() else []
        if typos and not vocabulary.has_prefix(word):
            corrected.append(typos[0])
            any_correction = True
        else:
            corrected.append(word)
        others = [t for t in dict.fromkeys(alternatives + typos) if t != word][:MAX_ALTERNATIVES]
        widened = widened or bool(others)
        singles.update(others)
        units.append([_quote([word]) + ("*" if _prefix(word) else "")] + [_quote([t]) for t in others])
        start += 1
    if not widened:
        return None
    expression = " AND ".join("(" + " OR ".join(unit) + ")" for unit in units)
    matcher = Matcher(
        prefixes=tuple(w for w in plain if _prefix(w)),
        words=frozenset(singles | {w for w in plain if not _prefix(w)}),
        phrases=tuple(phrases),
    )
    return Forgiving(expression, matcher, " ".join(corrected) if any_correction else None)
