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
#: a hyphen at the end of a line: between two letters, the word goes on on the next line
_LINE_END_HYPHEN = re.compile(r"[-\u2010\u2011][ \t]*\r?\n[ \t]*")
_HYPHENS = ("-\n", "-\r", "- ", "-\t", "\u2010", "\u2011")
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


def _join_line_end_hyphens(text: str) -> str:
    def join(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        letters = before.isalpha() and after.isalpha()
        return "" if letters else match.group()

    return _LINE_END_HYPHEN.sub(join, text)


def fold(text: str) -> str:
    """The folded form of *text*, as it goes into the index (a whole page at a time)."""
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    if any(h in text for h in _HYPHENS):
        text = _join_line_end_hyphens(text)
    if text.isascii():
        return text.lower()
    return _strip_marks(unicodedata.normalize("NFKC", text).casefold())


def index_text(text: str) -> str:
    """*text* as it goes into the FTS5 index: folded, except that plain ASCII goes as it is (the
    index's tokenizer folds its case itself), with no copy made."""
    if text.isascii() and not any(h in text for h in _HYPHENS):
        return text
    return fold(text)


@lru_cache(maxsize=65536)
def fold_word(word: str) -> tuple[str, ...]:
    """The folded words one original word stands for (usually one; NFKC may split "½" in three)."""
    if word.isascii() and word.isalnum():
        return (word.lower(),)  # the common case, without more copies of the word
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
