"""Snippets cut from the original text, with the matched words marked where they are printed."""

from __future__ import annotations

import re
from bisect import bisect_left

from .hits import HIGHLIGHT_END, HIGHLIGHT_START
from .normalize import word_spans
from .query import Matcher

#: words shown around the match
WINDOW = 20
_SPACE = re.compile(r"\s+")


def _marked(words: list[str], matcher: Matcher) -> list[bool]:
    marked = [matcher.single(word) for word in words]
    for phrase in matcher.phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n - 1]) == phrase[:-1] and words[i + n - 1].startswith(phrase[-1]):
                marked[i : i + n] = [True] * n
    return marked


#: characters around a match that the slow path (every word folded) looks at
_REACH = 400
#: matches the fast path weighs when it chooses where to cut
_MAX_MATCHES = 200


def _starts(text: str, matcher: Matcher) -> list[int]:
    """Where the matches of *matcher* start in *text*, in order, the first _MAX_MATCHES + 1."""
    if (
        text.isascii()
        and not matcher.phrases
        and all(w.isascii() for w in (*matcher.prefixes, *matcher.words))
    ):
        # the same starts as the regular expression's, found by str.find on the text in lower case
        # (as long as the original for ASCII text): a start of a word (not after a letter or a
        # digit), and for a whole word, not followed by one
        lowered = text.lower()
        starts: set[int] = set()
        for word, whole in [(p, False) for p in matcher.prefixes] + [(w, True) for w in matcher.words]:
            at = lowered.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not lowered[at - 1].isalnum()) and (
                    not whole or end == len(lowered) or not lowered[end].isalnum()
                ):
                    starts.add(at)
                at = lowered.find(word, end)
        return sorted(starts)[: _MAX_MATCHES + 1]
    pattern = matcher.pattern
    if pattern is None:
        return []
    found = []
    for number, match in enumerate(pattern.finditer(text)):
        found.append(match.start())
        if number >= _MAX_MATCHES:
            break
    return found


def _region(text: str, matcher: Matcher) -> tuple[int, int] | None:
    """Where in *text* the best match is, found by a regular expression (ignoring case): a stretch
    of *text* around it, or None (no match there: ligatures, accents; see snippet)."""
    found = _starts(text, matcher)
    if not found:
        return None
    # the match with the most others close after it (of the next WINDOW matches, those less than
    # _REACH // 2 characters after it: found is in order, so they are the ones before the first
    # that is that far); the first such match
    best, most = 0, 0
    for i, position in enumerate(found):
        close = min(bisect_left(found, position + _REACH // 2, i), i + WINDOW) - i
        if close > most:
            best, most = i, close
    at = found[best]
    start = max(0, at - _REACH // 4)
    end = min(len(text), at + _REACH)
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def snippet(text: str, matcher: Matcher) -> str | None:
    """The part of *text* around its best match, marked; None when no word of it matches."""
    region = _region(text, matcher)
    if region is not None:
        start, end = region
        cut = _cut(text[start:end], matcher, start > 0, end < len(text))
        if cut is not None:
            return cut
    return _cut(text, matcher, False, False)


def _cut(text: str, matcher: Matcher, before: bool, after: bool) -> str | None:
    """The snippet of *text* (*before*, *after*: the text went on there)."""
    spans = word_spans(text)
    if not spans:
        return None
    marked = _marked([word for _, _, word in spans], matcher)
    if not any(marked):
        return None
    positions = [i for i, hit in enumerate(marked) if hit]
    # the start whose window holds the most different matched words (the first such start)
    best, most = positions[0], 0
    for at, i in enumerate(positions):
        different = len({spans[j][2] for j in positions[at : bisect_left(positions, i + WINDOW, at)]})
        if different > most:
            best, most = i, different
    first = max(0, min(best - 4, len(spans) - WINDOW))
    last = min(len(spans), first + WINDOW)
    pieces = ["…"] if first > 0 or before else []
    cursor = spans[first][0] if first > 0 else 0
    done_end = -1
    for i in range(first, last):
        start, end, _ = spans[i]
        if not marked[i] or start < done_end:
            continue
        pieces.append(_SPACE.sub(" ", text[cursor:start]))
        pieces.append(HIGHLIGHT_START + _SPACE.sub(" ", text[start:end]) + HIGHLIGHT_END)
        cursor = done_end = end
    if last < len(spans):
        pieces.append(_SPACE.sub(" ", text[cursor : spans[last - 1][1]]) + "…")
    else:
        pieces.append(_SPACE.sub(" ", text[cursor:]) + ("…" if after else ""))
    return "".join(pieces).strip()
