"""Is a packet very large? Its documents' pages and bytes, and the biggest of them, before building.

A packet of thousands of pages or hundreds of MB is slow to build, hard to email and rarely what a
center asked for (issue 11: a 20,002-page and a 402 MB packet were built without a word). The wizard
and `mbc-vault packet` warn with `packet_size` before building; the person may go on anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: a packet is very large past either of these (its documents alone; the cover and summary are small)
LARGE_PACKET_PAGES = 200
LARGE_PACKET_BYTES = 100_000_000  # 100 MB, as a file manager shows it
#: how many of the biggest documents a warning names, and the share of a limit (pages or bytes) a
#: document must fill to be named (the biggest is always named): a 2-page letter is not the cause
BIGGEST_NAMED = 3
NAMED_SHARE = 0.1


@dataclass(frozen=True)
class DocumentSize:
    record_id: str
    title: str
    pages: int
    size: int  # bytes


@dataclass(frozen=True)
class PacketSize:
    """The documents' total pages and bytes, and the biggest documents, biggest first."""

    pages: int = 0
    size: int = 0
    biggest: list[DocumentSize] = field(default_factory=list)

    @property
    def very_large(self) -> bool:
        return self.pages > LARGE_PACKET_PAGES or self.size > LARGE_PACKET_BYTES

    def describe(self) -> str:
        """The warning in English (the CLI's): totals, then the biggest documents by name."""
        named = "; ".join(f'"{d.title}" ({pages(d.pages)}, {megabytes(d.size)})' for d in self.biggest)
        return (
            f"this packet is very large ({pages(self.pages)}, {megabytes(self.size)}): it may be slow "
            f"to build and too big to email. The biggest documents: {named}. Leave out what the "
            "center does not need."
        )


def pages(count: int) -> str:
    """A page count in words: "1 page", "20,000 pages"."""
    return "1 page" if count == 1 else f"{count:,} pages"


def megabytes(size: int) -> str:
    """*size* bytes as MB with one decimal ("0.1 MB" at least), as the warning shows it."""
    return f"{max(size, 100_000) / 1_000_000:,.1f} MB"


def _weight(document: DocumentSize) -> float:
    """How much a document counts toward "very large": its share of whichever limit it fills more."""
    return max(document.pages / LARGE_PACKET_PAGES, document.size / LARGE_PACKET_BYTES)


def packet_size(records: Iterable[Any]) -> PacketSize:
    """The size of a packet of *records* (vault Records: title, pages, size). A record without a page
    count (a photo, a note) counts as one page."""
    documents = [DocumentSize(r.id, r.title, max(1, int(r.pages or 1)), int(r.size or 0)) for r in records]
    ordered = sorted(documents, key=_weight, reverse=True)
    biggest = [d for d in ordered[:BIGGEST_NAMED] if _weight(d) >= NAMED_SHARE] or ordered[:1]
    return PacketSize(
        pages=sum(d.pages for d in documents), size=sum(d.size for d in documents), biggest=biggest
    )
