"""The oncology synonyms and spellings search treats as one word (the forgiving tier).

Each group lists ways the same thing is written in reports and typed by people. A query that holds
any of them (written with or without spaces, hyphens, dots or slashes: "CA15-3", "ca 15.3") also
finds the others. Keep the list small and certain: a wrong synonym makes every search noisier.
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import folded_words

GROUPS: tuple[tuple[str, ...], ...] = (
    ("HER2", "HER-2", "HER2/neu", "HER-2/neu", "ERBB2", "c-erbB-2"),
    ("ER", "estrogen receptor", "oestrogen receptor"),
    ("PR", "PgR", "progesterone receptor"),
    ("CA 15-3", "CA15-3", "CA 15.3"),
    ("CA 27.29", "CA27.29", "CA 27-29", "CA27-29"),
    ("Ki-67", "Ki67", "MIB-1", "MIB1"),
    ("T-DM1", "TDM1", "ado-trastuzumab emtansine", "trastuzumab emtansine", "Kadcyla"),
    ("T-DXd", "TDXd", "trastuzumab deruxtecan", "Enhertu"),
    ("chemo", "chemotherapy"),
    ("quimio", "quimioterapia"),
    ("mets", "metastases", "metastasis"),
)

#: the longest variant, in words (a query is matched against runs of up to this many words)
MAX_WORDS = 6


@lru_cache(maxsize=1)
def _by_joined() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each variant with its separators removed ("ca153") -> the group's variants as folded words."""
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    for group in GROUPS:
        variants = tuple(dict.fromkeys(tuple(folded_words(v)) for v in group))
        for variant in variants:
            table["".join(variant)] = variants
    return table


def synonyms_at(words: list[str], start: int) -> tuple[int, tuple[tuple[str, ...], ...]] | None:
    """The longest synonym that starts at *words[start]*: (how many words it covers, its group's
    variants as folded words), or None."""
    table = _by_joined()
    for length in range(min(MAX_WORDS, len(words) - start), 0, -1):
        group = table.get("".join(words[start : start + length]))
        if group is not None:
            return length, group
    return None
