"""Snippets cut from the original text, with the matched words marked where they are printed."""

from __future__ import annotations

import re

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


def _region(text: str, matcher: Matcher) -> tuple[int, int] | None:
    """Where in *text* the best match is, found by a regular expression (ignoring case): a stretch
    of *text* around it, or None (no match there: ligatures, accents; see snippet)."""
    pattern = matcher.pattern
    if pattern is None:
        return None
    found = []
    for number, match in enumerate(pattern.finditer(text)):
        found.append(match.start())
        if number >= _MAX_MATCHES:
            break
    if not found:
        return None
    # the match with the most others close after it
    best = max(
        range(len(found)),
        key=lambda i: (sum(1 for p in found[i : i + WINDOW] if p - found[i] < _REACH // 2), -i),
    )
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
    # the start whose window holds the most different matched words
    best = max(positions, key=lambda i: (len({spans[j][2] for j in positions if i <= j < i + WINDOW}), -i))
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
