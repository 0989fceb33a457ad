"""The text preview's core (issue 11): only the beginning of a text document is read and decoded, in
lines short enough for a text view to lay out at once, with a flag that says it was cut."""

from __future__ import annotations

from pathlib import Path

from mbc_vault.age import wipe
from mbc_vault.preview import (
    PREVIEW_TEXT_BYTES,
    PREVIEW_TEXT_CHARS,
    PREVIEW_TEXT_LINE,
    read_text_head,
    text_preview,
)
from mbc_vault.vault import Vault


def test_a_short_text_is_shown_whole() -> None:
    shown = text_preview(b"CA 15-3: 28 U/mL\nNext visit in May.\n")
    assert shown.text == "CA 15-3: 28 U/mL\nNext visit in May.\n" and not shown.cut


def test_only_the_beginning_of_a_long_text_is_shown() -> None:
    data = ("Blood count normal. " * 4 + "\n").encode() * 20_000  # 1.6 MB
    shown = text_preview(data)
    assert shown.cut and len(shown.text) <= PREVIEW_TEXT_CHARS
    assert shown.text.startswith("Blood count normal. ")


def test_a_text_cut_by_reading_says_so() -> None:
    shown = text_preview(b"Scan booked.\n", size=5_000_000)  # the first bytes of a larger document
    assert shown.text == "Scan booked.\n" and shown.cut


def test_long_lines_are_broken_at_a_space_or_at_the_limit() -> None:
    words = ("tamoxifen " * 300).encode()  # 3,000 characters on one line
    solid = b"x" * 5_000  # no space at all
    shown = text_preview(words + b"\n" + solid)
    lines = shown.text.split("\n")
    assert max(len(line) for line in lines) <= PREVIEW_TEXT_LINE
    assert all(line.endswith("tamoxifen") for line in lines[:2])  # broken between words
    assert "".join(lines).replace("tamoxifen", "").replace(" ", "") == "x" * 5_000  # nothing lost


def test_a_character_cut_in_half_by_the_limit_is_left_out_not_replaced() -> None:
    data = b"a" + "é".encode() * PREVIEW_TEXT_BYTES  # the limit falls between an é's two bytes
    shown = text_preview(data)
    assert shown.cut and "\ufffd" not in shown.text and shown.text.startswith("aé")


def test_only_the_beginning_of_a_document_is_read(vault: Vault, tmp_path: Path) -> None:
    """The head of a real document stream: the first PREVIEW_TEXT_BYTES, however large it is."""
    big = tmp_path / "diary.txt"
    big.write_bytes(b"Day 1: tired.\n" * 150_000)  # 2.1 MB
    record = vault.add_document(big, category="lab-result", title="Diary", pages=1, page_texts=["x"])
    with vault.open_document(record.id) as stream:
        head = read_text_head(stream)
    try:
        assert len(head) == PREVIEW_TEXT_BYTES and bytes(head) == big.read_bytes()[:PREVIEW_TEXT_BYTES]
    finally:
        wipe(head)
    small = tmp_path / "note.txt"
    small.write_bytes(b"Short note.\n")
    record = vault.add_document(small, category="lab-result", title="Note", pages=1, page_texts=["x"])
    with vault.open_document(record.id) as stream:
        assert read_text_head(stream) == bytearray(b"Short note.\n")
