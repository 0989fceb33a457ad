"""The packet's jobs in the PDF worker: sanitize (checks, active content, the store) and assemble
(pages in order, footers, bookmarks, links, AES-256, streams copied as they are, the output streamed).
In-process as plain functions, and through the worker process."""

from __future__ import annotations

import binascii
import io
import os
import zlib
from pathlib import Path

import pikepdf
import pytest
from conftest import DATA
from pdfcheck import bookmarks, check, find_on_page, page_count, page_text, uncompressed
from pdfmaker import _pdf, hostile_pdf, text_bomb_pdf, text_pdf

from mbc_vault.pdf import assemble as assembly
from mbc_vault.pdf.assemble import assemble
from mbc_vault.pdf.client import PdfError, PdfWorker
from mbc_vault.pdf.protocol import JobError, Request
from mbc_vault.pdf.sanitize import sanitize

SAMPLES = DATA / "pdf-samples"
LOOP = _pdf(
    [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
)
NO_PAGES = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
DAMAGED = b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n"


def _sanitized(store: dict, key: str, data: bytes, **args: object) -> dict:
    reply = sanitize(Request({"keys": [key], **args}, [data], io.BytesIO(), store))
    (answer,) = reply["documents"]
    return answer


def _assembled(store: dict, args: dict, blobs: list[bytes] | None = None) -> tuple[dict, bytes]:
    out = io.BytesIO()
    reply = assemble(Request({"footer": None, "outline": [], "title": "", **args}, blobs or [], out, store))
    return reply, out.getvalue()


def test_sanitize_reports_and_removes_every_kind_of_active_content(tmp_path: Path) -> None:
    store: dict = {}
    reply = _sanitized(store, "evil", hostile_pdf(tmp_path / "evil.pdf").read_bytes())
    assert reply["pages"] == 1
    assert set(reply["stripped"]) == {
        "open action",
        "JavaScript",
        "EmbeddedFiles",
        "page actions (/AA)",
        "Launch action",
        "JavaScript action",
        "FileAttachment annotation",
        "annotation actions (/AA)",
    }
    _, data = _assembled(store, {"parts": [{"key": "evil"}]})
    (tmp_path / "out.pdf").write_bytes(data)
    decoded = uncompressed(tmp_path / "out.pdf")
    for bad in (b"/JavaScript", b"/JS", b"/OpenAction", b"/Launch", b"/EmbeddedFile", b"/AA", b"calc.exe"):
        assert bad not in decoded, bad
    assert "Hostile sample page text" in page_text(tmp_path / "out.pdf", 1)


def test_form_field_scripts_and_chained_actions_are_cut() -> None:
    field = b"<< /FT /Tx /T (f) /AA << /K 7 0 R >> /Kids [5 0 R] >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [5 0 R 6 0 R] /AF [7 0 R] >>",
        field,
        b"<< /Type /Annot /Subtype /Widget /Parent 4 0 R /Rect [0 0 10 10] >>",
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (https://example.org) "
        b"/Next 7 0 R >> >>",
        b"<< /S /JavaScript /JS (app.alert\\('CHAINED'\\)) >>",
    ]
    store: dict = {}
    reply = _sanitized(store, "form", _pdf(objects))
    assert {"form field script (/AA)", "chained action", "associated files (/AF)"} <= set(reply["stripped"])
    page = store["packet-document:form"].pages[0].obj
    link = page.Annots[1]
    assert "/Next" not in link.A and str(link.A.URI) == "https://example.org"  # the web link stays
    assert "/AA" not in page.Annots[0].Parent and "/AF" not in page


@pytest.mark.parametrize(
    ("data", "code", "detail"),
    [
        (LOOP, "pdf-damaged", "its page tree loops back on itself"),
        (NO_PAGES, "pdf-no-pages", None),
        (DAMAGED, "pdf-damaged", "root of pages tree has no /Kids array"),
        (b"this is not a PDF", "pdf-damaged", None),
        (
            (SAMPLES / "005-libreoffice-writer-password" / "libreoffice-writer-password.pdf").read_bytes(),
            "pdf-password-protected",
            None,
        ),
    ],
    ids=["loop", "no-pages", "damaged", "not-a-pdf", "password"],
)
def test_sanitize_refuses_with_a_reason_code(data: bytes, code: str, detail: str | None) -> None:
    store: dict = {}
    refused = _sanitized(store, "bad", data)
    assert refused["code"] == code
    if detail is not None:
        assert refused["params"]["detail"] == detail
    if code == "pdf-damaged":
        assert "BytesIO" not in refused["params"]["detail"]  # the library's own name for the stream
    assert not store


def test_one_call_checks_many_documents_each_with_its_own_answer(tmp_path: Path) -> None:
    store: dict = {}
    good = text_pdf(tmp_path / "good.pdf", [["Good"]] * 2).read_bytes()
    reply = sanitize(Request({"keys": ["a", "b", "c"]}, [good, LOOP, good], io.BytesIO(), store))
    assert [d.get("pages", d.get("code")) for d in reply["documents"]] == [2, "pdf-damaged", 2]
    assert sorted(store) == ["packet-document:a", "packet-document:c"]
    with pytest.raises(JobError):
        sanitize(Request({"keys": ["a", "b"]}, [good], io.BytesIO(), store))


def test_assembly_pages_footers_bookmarks_links_and_encryption(qapp, tmp_path: Path) -> None:
    from mbc_vault.packet.frontmatter import LINK_SCHEME
    from mbc_vault.render import typeset

    store: dict = {}
    four = (SAMPLES / "004-pdflatex-4-pages" / "pdflatex-4-pages.pdf").read_bytes()
    rotated = (SAMPLES / "015-arabic" / "habibi-rotated.pdf").read_bytes()
    assert _sanitized(store, "four", four)["pages"] == 4
    assert _sanitized(store, "rotated", rotated)["pages"] == 4
    contents, pages = typeset.html_pdf(
        f"<p><a href='{LINK_SCHEME}1'>Four</a></p><p><a href='{LINK_SCHEME}2'>Rotated</a></p>"
    )
    assert pages == 1
    args = {
        "parts": [{"blob": 0}, {"key": "four"}, {"key": "rotated"}, {"key": "four"}],
        "footer": {"lead": "Jane Example · ", "form": None},
        "links": {"scheme": LINK_SCHEME, "first": 0, "count": 1, "targets": [0, 1, 5, 9]},
        "outline": [
            {"title": "Contents", "page": 0},
            {"title": "Four", "page": 1},
            {"title": "Ротация", "page": 5},
        ],
        "title": "Records of Jane Example",
        "password": "s3cret pass",
    }
    reply, data = _assembled(store, args, [contents])
    out = tmp_path / "packet.pdf"
    out.write_bytes(data)
    assert reply == {"pages": 13}
    assert page_count(out, "s3cret pass") == 13
    with pikepdf.open(out, password="s3cret pass") as packet:
        assert packet.encryption.R == 6 and packet.encryption.bits == 256
        assert str(packet.docinfo.Title) == "Records of Jane Example"
        numbers = {page.obj.objgen: n for n, page in enumerate(packet.pages)}
        annots = packet.pages[0].obj.Annots
        assert {numbers[a.Dest[0].objgen] for a in annots} == {1, 5} and all("/A" not in a for a in annots)
    _, plain = _assembled(store, {**args, "password": None}, [contents])
    out.write_bytes(plain)
    assert check(out) == []
    assert bookmarks(out) == [("Contents", 0), ("Four", 1), ("Ротация", 5)]
    for page in range(1, 14):
        assert f"Jane Example · page {page} of 13" in " ".join(page_text(out, page).split())
        x0, y0, x1, y1, width, height = find_on_page(out, page, f"page {page} of 13")[-1]
        assert 0 <= x0 < x1 <= width and height * 0.9 < y0 < y1 <= height, page


def test_streams_are_copied_as_they_are_with_or_without_a_password() -> None:
    """No stream is decoded or recompressed (so a decompression bomb stays as small as it came)."""
    raw = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n" * 50
    hexed = binascii.hexlify(zlib.compress(raw)) + b">"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 5 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(raw) + raw + b"\nendstream",
        b"<< /Length %d /Filter [/ASCIIHexDecode /FlateDecode] >>\nstream\n" % len(hexed)
        + hexed
        + b"\nendstream",
    ]
    store: dict = {}
    _sanitized(store, "doc", _pdf(objects))
    for password in (None, "pw"):
        _, data = _assembled(store, {"parts": [{"key": "doc"}], "password": password})
        with pikepdf.open(io.BytesIO(data), password=password or "") as packet:
            streams = list(packet.pages[0].obj.Contents)
            filters = [[str(f) for f in s.get("/Filter", pikepdf.Array())] for s in streams]
            assert filters == [[], ["/ASCIIHexDecode", "/FlateDecode"]]
            assert [s.read_raw_bytes() for s in streams] == [raw, hexed]


def test_through_the_worker_the_store_and_the_streamed_output(tmp_path: Path) -> None:
    """Each document is sent and parsed once; the packet comes back in pieces; a restarted worker
    has lost what it held and says so."""
    docs = [text_pdf(tmp_path / f"{n}.pdf", [[f"Document {n} walrus"]] * 3).read_bytes() for n in range(3)]
    content = b"%" + os.urandom(3 << 20).hex().encode() + b"\nBT /F1 12 Tf 72 720 Td (Large 3 walrus) Tj ET"
    docs.append(
        _pdf(  # one page whose content is one 6 MB stream: qpdf writes it in one piece
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
                b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            ]
        )
    )
    chunks: list[int] = []

    class Sink(io.BytesIO):
        def write(self, data) -> int:  # type: ignore[no-untyped-def, override]
            chunks.append(len(data))
            return super().write(data)

    sink = Sink()
    with PdfWorker() as worker:
        reply = worker.call("packet-sanitize", {"keys": ["0", "1", "2", "3"]}, docs)
        assert reply["documents"] == [{"pages": 3, "stripped": []}] * 3 + [{"pages": 1, "stripped": []}]
        reply = worker.call(
            "packet-assemble",
            {
                "parts": [{"key": "2"}, {"key": "0"}, {"key": "3"}],
                "footer": None,
                "outline": [],
                "title": "",
                "password": None,
            },
            out=sink,
        )
        assert reply == {"pages": 7}
        with pytest.raises(PdfError):
            worker.call("crash")
        with pytest.raises(PdfError) as lost:
            worker.call(
                "packet-assemble", {"parts": [{"key": "0"}], "footer": None, "outline": [], "title": ""}
            )
        assert lost.value.code == "packet-document-lost" and lost.value.params == {"key": "0"}
    out = tmp_path / "p.pdf"
    out.write_bytes(sink.getvalue())
    assert "Document 2 walrus" in page_text(out, 1) and "Document 0 walrus" in page_text(out, 4)
    assert "Large 3 walrus" in page_text(out, 7)
    assert len(chunks) >= 6 and max(chunks) <= assembly.OUTPUT_CHUNK


def test_a_decompression_bomb_goes_in_as_it_came_within_a_small_memory_limit(tmp_path: Path) -> None:
    bomb = text_bomb_pdf(tmp_path / "bomb.pdf", megabytes=300).read_bytes()
    sink = io.BytesIO()
    with PdfWorker(memory_limit=300 << 20) as worker:
        reply = worker.call("packet-sanitize", {"keys": ["bomb"], "check": True}, [bomb])
        assert reply["documents"] == [{"pages": 1, "stripped": []}]
        worker.call(
            "packet-assemble",
            {"parts": [{"key": "bomb"}], "footer": {"lead": "", "form": None}, "outline": [], "title": ""},
            out=sink,
        )
    assert len(sink.getvalue()) < len(bomb) + 10_000


def test_pages_keep_what_they_inherit_and_a_page_listed_twice_is_two_pages(tmp_path: Path) -> None:
    """Pages are copied one by one into a flat page tree (pikepdf's pages.extend was quadratic): a
    page's size, resources and rotation set on the page-tree nodes above it stay with it, and one
    page object listed twice in the tree gives two pages."""
    stream = b"BT /F1 12 Tf 20 20 Td (Inherited quokka) Tj ET"
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 3 /MediaBox [0 0 300 400] /Rotate 90 "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 4 0 R 7 0 R] /Count 3 /CropBox [0 0 200 300] >>",
            b"<< /Type /Page /Parent 3 0 R /Contents 6 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 500 500] /Rotate 0 /Contents 6 0 R >>",
        ]
    )
    store: dict = {}
    assert _sanitized(store, "k", data)["pages"] == 3
    reply, out = _assembled(store, {"parts": [{"key": "k"}]})
    assert reply["pages"] == 3
    with pikepdf.open(io.BytesIO(out)) as packet:
        boxes = [(list(p.mediabox), list(p.cropbox), int(p.obj.get("/Rotate", 0))) for p in packet.pages]
        assert packet.pages[0].obj.objgen != packet.pages[1].obj.objgen
    assert boxes == [
        ([0, 0, 300, 400], [0, 0, 200, 300], 90),
        ([0, 0, 300, 400], [0, 0, 200, 300], 90),
        ([0, 0, 500, 500], [0, 0, 200, 300], 0),
    ]
    (tmp_path / "p.pdf").write_bytes(out)
    assert all("Inherited quokka" in page_text(tmp_path / "p.pdf", n) for n in (1, 2, 3))


def _page_contents(data: bytes) -> list[tuple[bytes, list[float], int]]:
    """Every page's content (its streams' decoded bytes joined), media box and rotation."""
    with pikepdf.open(io.BytesIO(data)) as packet:
        pages = []
        for page in packet.pages:
            contents = page.obj.Contents
            streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
            pages.append(
                (
                    b"".join(s.read_bytes() for s in streams),
                    [float(v) for v in page.mediabox],
                    int(page.obj.get("/Rotate", 0)),
                )
            )
        return pages


@pytest.mark.parametrize("trial", [False, True])
def test_released_documents_are_assembled_in_the_largest_the_same_pages(
    trial: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With "release", the largest document used once holds the packet (its pages are not copied
    again): the same pages, in the same order, with the same footers, as a packet made anew; also
    after a trial write read its page list (qpdf's cached list is then stale: made anew instead)."""
    four = (SAMPLES / "004-pdflatex-4-pages" / "pdflatex-4-pages.pdf").read_bytes()
    rotated = (SAMPLES / "015-arabic" / "habibi-rotated.pdf").read_bytes()
    one = text_pdf(tmp_path / "one.pdf", [["A one-page quokka report"]]).read_bytes()
    cover = text_pdf(tmp_path / "cover.pdf", [["Contents"]]).read_bytes()
    args = {
        "parts": [{"blob": 0}, {"key": "one"}, {"key": "four"}, {"key": "rotated"}, {"key": "one"}],
        "footer": {"lead": "Jane Example · ", "form": None},
        "outline": [{"title": "Four", "page": 2}],
    }
    copied: list[int] = []
    real = assembly.append_pages

    def counting(target: object, pages: object, seen: set | None = None) -> None:  # the real copy, counted
        pages = list(pages)  # type: ignore[call-overload]
        copied.append(len(pages))
        real(target, pages, seen)

    monkeypatch.setattr(assembly, "append_pages", counting)
    outputs = []
    for release in (False, True):
        store: dict = {}
        for key, data in (("four", four), ("rotated", rotated), ("one", one)):
            _sanitized(store, key, data, check=trial)
        copied.clear()
        reply, out = _assembled(store, {**args, "release": release}, [cover])
        assert reply == {"pages": 11}
        outputs.append(_page_contents(out))
        if release:
            assert store == {}
            # the four pages of "four" stay where they are (after a trial write: all copied anew)
            assert sum(copied) == (7 + 11 if trial else 7)
        else:
            assert sum(copied) == 11
    assert outputs[0] == outputs[1]
    footers = [b"page %d of 11" % n in content for n, (content, _, _) in enumerate(outputs[1], start=1)]
    assert footers == [True] * 11
