"""Text normalisation, the same at indexing and at query time.

The index holds folded text: Unicode NFKC (ligatures such as "ﬁ", full-width forms, compatibility
characters), case folding, accents removed, soft hyphens dropped, and a word split by a hyphen at the
end of a line joined again ("bi-\\nopsy" is "biopsy"). The page text stored in the vault is never
changed; snippets are cut from it, and `word_spans` says where each folded word is in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"
#: a hyphen at the end of a line between two letters: the word goes on on the next line
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011]\s*\n\s*(?=[^\W\d_])")
#: a word of the original text, as printed: letters and digits with their marks, soft hyphens and
#: line-end hyphens inside
_ORIGINAL_WORD = re.compile(
    r"[\w\u00ad\u0300-\u036f]+(?:[-\u2010\u2011][ \t]*\r?\n[ \t]*[\w\u00ad\u0300-\u036f]+)*"
)
#: a word of folded text, as the FTS5 unicode61 tokenizer splits it (letters and digits only)
_FOLDED_WORD = re.compile(r"[^\W_]+")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    if decomposed.isascii():
        return decomposed
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def fold(text: str) -> str:
    """The folded form of *text*, as it goes into the index (a whole page at a time)."""
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    if "\n" in text:
        text = _LINE_END_HYPHEN.sub("", text)
    if text.isascii():
        return text.lower()
    return _strip_marks(unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=65536)
def fold_word(word: str) -> tuple[str, ...]:
    """The folded words one original word stands for (usually one; NFKC may split "½" in three)."""
    return tuple(_FOLDED_WORD.findall(fold(word)))


def folded_words(text: str) -> list[str]:
    """The folded words of *text* in order, as the index sees them."""
    return _FOLDED_WORD.findall(fold(text))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each word of the original *text*; start and end index *text*."""
    spans: list[tuple[int, int, str]] = []
    for match in _ORIGINAL_WORD.finditer(text):
        parts = fold_word(match.group())
        if len(parts) == 1:
            spans.append((match.start(), match.end(), parts[0]))
        else:  # "HER2/neu" is one match only if joined; several parts share the span of the match
            spans.extend((match.start(), match.end(), part) for part in parts)
    return spans
