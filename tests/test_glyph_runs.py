"""Qt's one-glyph-a-text-object lines joined into one text object a line (mbc_vault/pdf/glyph_runs.py):
PDFium, Chrome's and Edge's viewer, then reads a page of short lines as lines, not one letter a line;
every glyph stays exactly where Qt put it."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import DATA
from PIL import ImageChops

from mbc_vault.pdf.glyph_runs import join_glyph_runs, spaces_not_tabs
from mbc_vault.pdf.reading import letters_apart

LETTERS_APART = DATA / "pdf-made" / "letters-apart.pdf"


def _texts(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    return [page.get_textpage().get_text_range() for page in document]


def _largest_pixel_difference(before: bytes, after: bytes) -> int:
    first, second = pdfium.PdfDocument(before), pdfium.PdfDocument(after)
    assert len(first) == len(second)
    worst = 0
    for one, other in zip(first, second, strict=True):
        a = one.render(scale=3).to_pil().convert("L")
        b = other.render(scale=3).to_pil().convert("L")
        worst = max(worst, ImageChops.difference(a, b).getextrema()[1])
    return worst


def _operators(data: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [str(op) for page in pdf.pages for _, op in pikepdf.parse_content_stream(page)]


def test_a_page_pdfium_read_one_letter_a_line_reads_as_lines_and_looks_the_same() -> None:
    before = LETTERS_APART.read_bytes()
    assert letters_apart(_texts(before)[0])  # what PDFium makes of Qt's page
    after = join_glyph_runs(before)
    text = _texts(after)[0]
    assert text.split("\r\n") == [f"Question {k} about the next scan" for k in range(1, 6)]
    assert "\t" not in text  # Qt's map says U+0009 for its space glyph: spaces, not tabs
    assert _largest_pixel_difference(before, after) == 0
    operators = _operators(after)
    assert operators.count("TJ") == 5 and operators.count("Tj") == 0  # one text object a line


def test_a_pdf_that_is_not_qts_is_left_as_it_was() -> None:
    for sample in sorted((DATA / "pdf-samples").glob("00[1-4]*/*.pdf")):
        data = sample.read_bytes()
        assert join_glyph_runs(data) == data, sample


def test_the_tab_in_qts_unicode_map_becomes_a_space_and_nothing_else_changes() -> None:
    cmap = (
        b"2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<0051> <0009> <0075> ]\nendbfrange\n"
        b"2 beginbfchar\n<0009> <0009>\n<0010> <0041>\nendbfchar\n"
    )
    assert spaces_not_tabs(cmap) == (
        b"2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<0051> <0020> <0075> ]\nendbfrange\n"
        b"2 beginbfchar\n<0009> <0020>\n<0010> <0041>\nendbfchar\n"
    )


@pytest.mark.qt  # typesets with QtGui
def test_typeset_pages_with_tables_headings_and_lists_look_the_same_and_keep_their_words(
    qapp, tmp_path: Path
) -> None:
    """A care-summary-like document over several pages: bold, italic, headings, a table with a header
    repeated on each page, a list; after joining, every page renders to the same pixels and PDFium
    reads the same words in the same order."""
    from mbc_vault.render.typeset import html_pdf

    rows = "".join(
        f"<tr><td>2024-{1 + n % 12:02d}-{1 + n % 28:02d}</td><td><b>Line {n}</b></td>"
        f"<td>{'letrozole and palbociclib ' * (1 + n % 3)}</td><td><i>Stopped: neutropenia</i></td></tr>"
        for n in range(70)
    )
    markup = (
        "<h1>Care summary</h1><p>From my own records. Please check against them.</p>"
        "<h2>Care received</h2><table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        "<thead><tr><th>Dates</th><th>Kind</th><th>Treatment</th><th>Details</th></tr></thead>"
        + rows
        + "</table><h2>Allergies</h2><ul><li>Penicillin: hives</li><li>Latex: rash, moderate</li></ul>"
    )
    before, pages = html_pdf(markup, title="Care summary (fictional)")
    assert pages >= 3
    after = join_glyph_runs(before)
    assert after != before and "TJ" in _operators(after)
    # the same pixels but for an antialiasing step of 1/255 here and there (a glyph moved by less than
    # 0.0001 pt: the TJ numbers are rounded to 1/10,000 of a thousandth, the rest carried along)
    assert _largest_pixel_difference(before, after) <= 2
    for old, new in zip(_texts(before), _texts(after), strict=True):
        assert new.split() == old.split()


@pytest.mark.qt  # the packet's generated pages are typeset with QtGui
def test_the_packets_typeset_pages_are_joined_and_its_documents_are_not(qapp, vault, tmp_path: Path) -> None:
    """The assembly joins the pages the app typeset (cover, contents, summary); a document's own
    pages are copied byte for byte as before."""
    from mbc_vault.packet import Cover, PacketChoices, build_packet

    document = (
        DATA / "pdf-samples" / "002-trivial-libre-office-writer" / "002-trivial-libre-office-writer.pdf"
    )
    record = vault.add_document(document, category="pathology-report", title="Biopsy (fictional)")
    out = tmp_path / "packet.pdf"
    cover = Cover(patient_name="Jane Example", date_of_birth="1961-03-14", center="Big Center")
    build_packet(vault, PacketChoices(cover=cover, document_ids=[record.id]), out)
    with pikepdf.open(out) as packet, pikepdf.open(document) as original:
        pages = list(packet.pages)
        last = pages[-1]
        kept = b"".join(part.read_bytes() for part in _parts(original.pages[0]))
        assert kept in b"".join(part.read_bytes() for part in _parts(last))  # as it was, in the footer's q..Q
        first = [str(op) for _, op in pikepdf.parse_content_stream(pages[0])]
        assert first.count("TJ") > first.count("Tj")  # the cover's lines, one text object each
    assert "Records for a second opinion" in _texts(out.read_bytes())[0]


def _parts(page) -> list:
    contents = page.obj.Contents
    return list(contents) if isinstance(contents, pikepdf.Array) else [contents]
