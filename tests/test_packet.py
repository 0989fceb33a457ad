"""The second-opinion packet, checked with other readers than the builder's: pypdfium2 (PDFium) for text,
pages, bookmarks and pictures, pikepdf for the file's structure (tests/pdfcheck.py); no outside programs."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import DATA
from pdfcheck import all_text, bookmarks, check, find_on_page, page_count, page_text, render_png, uncompressed
from pdfmaker import hostile_pdf, text_pdf

from mbc_vault.errors import Cancelled
from mbc_vault.packet import (
    Cover,
    MaterialRow,
    PacketChoices,
    PacketProblems,
    build_packet,
    default_document_ids,
)
from mbc_vault.progress import Stage
from mbc_vault.render.pdf import html_to_pdf
from mbc_vault.vault import Vault

SAMPLES = DATA / "pdf-samples"
SHOTS = Path("/tmp/shots")
DOB = "1971-04-02"


def pdftotext(pdf: Path, page: int) -> str:
    return page_text(pdf, page)


def npages(pdf: Path, password: str | None = None) -> int:
    return page_count(pdf, password)


def words(text: str) -> list[str]:
    return [w for w in text.split() if len(w) > 3 and w.isalnum()]


@pytest.fixture
def sources(qapp, tmp_path: Path) -> dict[str, Path]:
    """Real PDFs of mixed sizes and rotations, generated A4 and Letter pages, images and a text note."""
    made = tmp_path / "made"
    made.mkdir()
    out = {
        "rotated": SAMPLES / "015-arabic" / "habibi-rotated.pdf",
        "four": SAMPLES / "004-pdflatex-4-pages" / "pdflatex-4-pages.pdf",
        "letter": text_pdf(
            made / "letter.pdf", [["Letter page one zebra", "alpha"], ["Letter page two quokka"]]
        ),
        "jpeg": DATA / "images" / "lab-report-photo.jpg",
        "png": DATA / "images" / "lab-report-scan.png",
    }
    html_to_pdf(
        "<h1>Discharge summary walrus</h1><p>Admitted for pain control.</p>", made / "a4.pdf", page_size="A4"
    )
    out["a4"] = made / "a4.pdf"
    (made / "note.txt").write_text(
        "Phone call with Dr. Example\n\nThe nurse said the pelican scan is booked.\n"
    )
    out["note"] = made / "note.txt"
    return out


def add_all(vault: Vault, sources: dict[str, Path]) -> dict[str, str]:
    categories = {
        "rotated": "imaging-report",
        "four": "pathology-report",
        "letter": "lab-result",
        "jpeg": "lab-result",
        "png": "lab-result",
        "a4": "discharge-summary",
        "note": "clinical-note",
    }
    return {
        key: vault.add_document(
            path, category=categories[key], title=f"Doc {key}", date="2025-01-0" + str(i + 1)
        ).id
        for i, (key, path) in enumerate(sources.items())
    }


def choices_for(ids: list[str], **extra: object) -> PacketChoices:
    cover = Cover(
        patient_name="Jane Example",
        date_of_birth=DOB,
        center="Big Center",
        doctor="Dr. Second",
        reason="Options after progression",
        questions=["Is there a trial for me?"],
    )
    return PacketChoices(cover=cover, document_ids=ids, **extra)  # type: ignore[arg-type]


def test_packet_pages_text_outline_links_footers(
    vault: Vault, sources: dict[str, Path], tmp_path: Path
) -> None:
    ids = add_all(vault, sources)
    order = ["rotated", "four", "letter", "jpeg", "png", "a4", "note"]
    out = tmp_path / "packet.pdf"
    seen: list[tuple[int, int, str, str]] = []
    result = build_packet(
        vault,
        choices_for(
            [ids[k] for k in order],
            materials=[
                MaterialRow("Slides from the 2024 liver biopsy", "Example Pathology", "2025-02-01", "1Z999")
            ],
        ),
        out,
        progress=lambda d, t, stage, item: seen.append((d, t, stage, item)),
    )
    assert seen and seen[-1][0] == seen[-1][1]
    # progress is stage codes and the documents' titles, never English sentences
    assert [stage for _, _, stage, _ in seen][:2] == [Stage.PACKET_PAGES, Stage.PACKET_DOCUMENT]
    assert seen[-1][2] == Stage.DONE and all(isinstance(stage, Stage) for _, _, stage, _ in seen)
    titles = {item for _, _, stage, item in seen if stage == Stage.PACKET_DOCUMENT}
    assert titles == {vault.get(ids[k]).title for k in order}
    assert check(out) == []

    # page count: cover + contents + materials + the sum of the parts
    sections = {s.record_id or s.kind: s for s in result.sections}
    expected_doc_pages = {"rotated": 4, "four": 4, "letter": 2, "jpeg": 1, "png": 1, "a4": 1}
    for key, count in expected_doc_pages.items():
        assert sections[ids[key]].pages == count
    assert npages(out) == result.pages == sum(s.pages for s in result.sections)
    assert [s.record_id for s in result.sections if s.kind == "document"] == [ids[k] for k in order]

    # every source page's text is on its page
    for key in ("rotated", "four", "letter", "a4"):
        start = sections[ids[key]].first_page
        for n in range(expected_doc_pages[key]):
            source_words = words(page_text(sources[key], n + 1))
            got = pdftotext(out, start + n)
            missing = [w for w in source_words if w not in got]
            assert not missing, (key, n, missing[:5])
    assert "pelican" in pdftotext(out, sections[ids["note"]].first_page)

    # the cover's enclosed list is exactly what is inside, in order
    cover_text = " ".join(pdftotext(out, 1).split())
    enclosed = cover_text.split("Enclosed", 1)[1]
    titles = [s.title for s in result.sections if s.kind not in ("cover", "contents")]
    positions = [enclosed.find(t) for t in titles]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert enclosed.count(". ") >= len(titles)

    # bookmarks: one per section, each on its first page
    assert bookmarks(out) == [(s.title, s.first_page - 1) for s in result.sections]

    # contents: every entry links to its section's page, and prints that page number
    contents = sections["contents"]
    contents_text = pdftotext(out, contents.first_page)
    targets = []
    with pikepdf.open(out) as structure:
        numbers = {page.obj.objgen: n for n, page in enumerate(structure.pages, start=1)}
        for annot in structure.pages[contents.first_page - 1].obj.get("/Annots") or []:
            assert "/A" not in annot or "/URI" not in annot.A
            targets.append(numbers[annot.Dest[0].objgen])
    body = [s for s in result.sections if s.kind not in ("cover", "contents")]
    assert sorted(set(targets)) == sorted(s.first_page for s in body)
    for section in body:
        assert str(section.first_page) in contents_text

    # a footer on every page, inside the visible page, along its bottom edge (as the page is displayed)
    for page in range(1, result.pages + 1):
        footer = f"page {page} of {result.pages}"
        assert footer in " ".join(pdftotext(out, page).split()), page
        marks = find_on_page(out, page, footer)
        assert marks, page
        x0, y0, x1, y1, width, height = marks[-1]
        assert 0 <= x0 < x1 <= width and height * 0.9 < y0 < y1 <= height, (page, marks)
    assert f"Jane Example · DOB {DOB} · page 1 of {result.pages}" in " ".join(pdftotext(out, 1).split())

    # the packet is recorded in the vault, with what is needed to build it again
    entry = vault.get(result.record_id)
    assert entry.kind == "packet"
    assert entry.data["output"]["sha256"] == result.sha256
    assert [d["id"] for d in entry.data["documents"]] == [ids[k] for k in order]
    assert all(d["sha256"] and d["revision"] for d in entry.data["documents"])
    assert (
        entry.data["choices"]["cover"]["center"] == "Big Center" and "password" not in entry.data["choices"]
    )

    # look at it: cover, contents, materials, a rotated page with its footer
    SHOTS.mkdir(exist_ok=True)
    for name, page in (
        ("cover", 1),
        ("contents", 2),
        ("rotated", sections[ids["rotated"]].first_page),
        ("photo", sections[ids["jpeg"]].first_page),
    ):
        render_png(out, page, SHOTS / f"packet-{name}.png")


def test_password_protected_packet(vault: Vault, sources: dict[str, Path], tmp_path: Path) -> None:
    ids = add_all(vault, sources)
    out = tmp_path / "locked.pdf"
    result = build_packet(vault, choices_for([ids["letter"], ids["a4"]], password="open sesame 42"), out)
    assert result.encrypted
    for wrong in (None, "wrong"):
        with pytest.raises(pdfium.PdfiumError):
            npages(out, wrong)
    assert npages(out, "open sesame 42") == result.pages
    with pikepdf.open(out, password="open sesame 42") as locked:
        assert locked.encryption.stream_method == pikepdf.models.EncryptionMethod.aesv3  # AES-256
        assert locked.encryption.R == 6 and locked.encryption.bits == 256
    assert check(out, "open sesame 42") == []
    assert "Letter page one zebra" in all_text(out, "open sesame 42")
    assert b"open sesame" not in out.read_bytes()


def test_active_content_is_removed(qapp, vault: Vault, tmp_path: Path) -> None:
    evil = vault.add_document(hostile_pdf(tmp_path / "evil.pdf"), category="medical-other", title="Evil").id
    attach = vault.add_document(
        SAMPLES / "025-attachment" / "with-attachment.pdf", category="medical-other", title="Attachment"
    ).id
    out = tmp_path / "safe.pdf"
    result = build_packet(vault, choices_for([evil, attach], include_summary=False), out)
    data = uncompressed(out)
    for bad in (
        b"/JavaScript",
        b"/JS",
        b"/OpenAction",
        b"/Launch",
        b"/EmbeddedFile",
        b"/FileAttachment",
        b"EVILSCRIPT",
        b"SECRETPAYLOAD",
        b"/AA",
        b"calc.exe",
    ):
        assert bad not in data, bad
    assert "Hostile sample page text" in pdftotext(out, result.sections[2].first_page)
    with pikepdf.open(out) as packet:
        assert len(packet.attachments) == 0


def test_problem_documents_are_named_and_nothing_is_written(
    vault: Vault, sources: dict[str, Path], tmp_path: Path
) -> None:
    good = vault.add_document(sources["letter"], category="lab-result", title="Good").id
    locked = vault.add_document(
        SAMPLES / "005-libreoffice-writer-password" / "libreoffice-writer-password.pdf",
        category="lab-result",
        title="Locked",
    ).id
    damaged_path = tmp_path / "damaged.pdf"
    damaged_path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n")
    damaged = vault.add_document(damaged_path, category="lab-result", title="Damaged").id
    out = tmp_path / "p.pdf"
    with pytest.raises(PacketProblems) as caught:
        build_packet(vault, choices_for([good, locked, damaged]), out)
    reasons = {p.title: p.reason for p in caught.value.problems}
    assert "password" in reasons["Locked"] and "damaged" in reasons["Damaged"].lower()
    assert not out.exists() and not list(tmp_path.glob(".tmp-*"))
    # the caller chose to leave them out: the enclosed list names only what is inside
    result = build_packet(vault, choices_for([good, locked, damaged], skip_problem_documents=True), out)
    assert {p.title for p in result.left_out} == {"Locked", "Damaged"}
    cover = pdftotext(out, 1)
    assert "Good" in cover and "Locked" not in cover and "Damaged" not in cover


def test_cancel_leaves_nothing(vault: Vault, sources: dict[str, Path], tmp_path: Path) -> None:
    ids = add_all(vault, sources)
    cancel = threading.Event()
    out = tmp_path / "c.pdf"

    def progress(done: int, total: int, stage: str, item: str) -> None:
        if done >= 2:
            cancel.set()

    with pytest.raises(Cancelled):
        build_packet(vault, choices_for(list(ids.values())), out, progress=progress, cancel=cancel)
    assert not out.exists() and not list(tmp_path.glob(".tmp-*"))
    assert not vault.entries("packet")


def test_a4_and_no_footer_and_default_set(qapp, tmp_path: Path) -> None:
    from mbc_vault.demo import create_demo_vault

    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=12)
    with vault:
        ids = default_document_ids(vault)
        cats = [vault.get(i).category for i in ids]
        assert cats[0] == "pathology-report" and "will" not in cats and "advance-directive" not in cats
        assert cats.index("treatment-plan") < cats.index("imaging-report")
        out = tmp_path / "a4.pdf"
        result = build_packet(vault, choices_for(ids, page_size="A4", footer=False), out)
        a4 = pdfium.PdfDocument(str(out))
        assert [tuple(round(v) for v in a4[n].get_size()) for n in (0, 1)] == [(595, 842)] * 2
        a4.close()
        assert "page 1 of" not in pdftotext(out, 1)
        summary = next(s for s in result.sections if s.kind == "summary")
        text = " ".join(pdftotext(out, summary.first_page).split())
        for expected in (
            "Diagnosis",
            "Biomarkers per biopsy",
            "HER2-low",
            "Sites of metastasis",
            "Care received",  # the lines of treatment, with surgery and radiation
            "letrozole + palbociclib",
            "PR changed from positive to negative",
        ):
            assert expected in text, expected
        SHOTS.mkdir(exist_ok=True)
        for n in range(summary.pages):
            render_png(out, summary.first_page + n, SHOTS / f"packet-summary-{n + 1}.png")


def test_cli_packet_end_to_end(qapp, tmp_path: Path) -> None:
    from mbc_vault.demo import create_demo_vault

    vault, passphrase = create_demo_vault(tmp_path / "demo", work_factor=12)
    questions = next(r.id for r in vault.entries("question-list"))
    pathology = vault.records(category="pathology-report")[0].id
    vault.close()
    (tmp_path / "pp").write_text(passphrase + "\n")
    (tmp_path / "pw").write_text("packet pw\n")
    exe = str(Path(sys.executable).parent / "mbc-vault")
    base = [exe, "packet", str(tmp_path / "demo"), "--passphrase-file", str(tmp_path / "pp")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = lambda *a: subprocess.run([*base, *a], capture_output=True, text=True, env=env, timeout=120)  # noqa: E731
    done = run(
        "--out",
        str(tmp_path / "p.pdf"),
        "--include",
        pathology,
        "--questions",
        questions,
        "--no-summary",
        "--json",
        "--dob",
        DOB,
    )
    assert done.returncode == 0, done.stderr
    import json

    report = json.loads(done.stdout)
    assert [s["kind"] for s in report["sections"]] == ["cover", "contents", "questions", "document"]
    assert npages(tmp_path / "p.pdf") == report["pages"]
    again = run("--out", str(tmp_path / "p.pdf"))
    assert again.returncode == 2 and "exists" in again.stderr and "Traceback" not in again.stderr
    locked = run("--out", str(tmp_path / "locked.pdf"), "--password-file", str(tmp_path / "pw"))
    assert locked.returncode == 0, locked.stderr
    assert check(tmp_path / "locked.pdf", "packet pw") == []
    wrong = subprocess.run(
        [exe, "packet", str(tmp_path / "demo"), "--out", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        env={**env, "MBC_VAULT_PASSPHRASE": "wrong wrong"},
    )
    assert wrong.returncode == 3 and not (tmp_path / "x.pdf").exists()


def test_cli_packet_page_size_follows_the_locale(tmp_path: Path) -> None:
    """Without --page-size the cover is Letter in Mexico and A4 in Spain (the app's wizard proposes
    the same: test_ui_packet); --page-size still decides."""
    vault = Vault.create(tmp_path / "v", "correct horse battery staple", name="Jane", work_factor=10)
    vault.add_document(
        text_pdf(tmp_path / "p.pdf", [["SURGICAL PATHOLOGY REPORT (fictional)"]]), category="pathology-report"
    )
    vault.close()
    exe = str(Path(sys.executable).parent / "mbc-vault")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_PAPER", "LANG")}
    env.update(QT_QPA_PLATFORM="offscreen", MBC_VAULT_PASSPHRASE="correct horse battery staple")
    sizes = {}
    for name, extra, args in (
        ("mx", {"LANG": "es_MX.UTF-8"}, []),
        ("es", {"LANG": "es_ES.UTF-8"}, []),
        ("chosen", {"LANG": "es_ES.UTF-8"}, ["--page-size", "Letter"]),
    ):
        out = tmp_path / f"{name}.pdf"
        done = subprocess.run(
            [exe, "packet", str(tmp_path / "v"), "--out", str(out), *args],
            capture_output=True,
            text=True,
            env={**env, **extra},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        pdf = pdfium.PdfDocument(str(out))
        sizes[name] = tuple(round(x) for x in pdf[0].get_size())
        pdf.close()
    assert sizes == {"mx": (612, 792), "es": (595, 842), "chosen": (612, 792)}


def test_a_recorded_packet_can_be_rebuilt_with_current_documents(
    vault: Vault, sources: dict[str, Path], tmp_path: Path
) -> None:
    from mbc_vault.packet.build import rebuild_choices

    ids = add_all(vault, sources)
    chosen = [ids[name] for name in list(ids)[:2]]
    first = build_packet(vault, choices_for(chosen), tmp_path / "first.pdf")
    entry = vault.entries("packet")[0]
    assert entry.data["choices"] and first.sha256 in str(entry.data)
    vault.update_metadata(chosen[0], title="Renamed since the first packet")
    again = rebuild_choices(vault, entry.id)
    assert list(again.document_ids) == chosen and again.cover.doctor == "Dr. Second"
    assert again.password is None or again.password == ""  # never stored
    second = build_packet(vault, again, tmp_path / "second.pdf")
    assert second.pages == first.pages
    text = all_text(tmp_path / "second.pdf")  # NFKC: the ﬁ ligature as two letters
    assert "Renamed since the first packet" in " ".join(text.split())
    assert len(vault.entries("packet")) == 2


@pytest.mark.parametrize("page_size", ["Letter", "A4"])
@pytest.mark.parametrize("parts", [3, 34, 35, 60, 110])
def test_the_contents_are_typeset_once_when_their_length_is_guessed_right(
    page_size: str, parts: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first guess of the contents' length is never more than it turns out to be; the pages and
    their numbers are those of typesetting from one page up (as before the guess)."""
    from mbc_vault.packet import generated
    from mbc_vault.packet.sources import Part
    from mbc_vault.render import typeset

    body = [Part(f"CT {n} (2025-0{n % 9 + 1}-01)", "document", 2, f"r{n}") for n in range(parts)]
    calls: list[int] = []
    real = typeset.html_pdf

    def counted(*args: Any, **kwargs: Any) -> tuple[bytes, int]:
        data, pages = real(*args, **kwargs)
        calls.append(pages)
        return data, pages

    monkeypatch.setattr(typeset, "html_pdf", counted)
    contents = generated.contents_part(body, 1, page_size)
    assert generated.contents_pages_guess(parts) <= contents.pages
    if generated.contents_pages_guess(parts) == contents.pages:
        assert calls == [contents.pages]
    monkeypatch.setattr(generated, "contents_pages_guess", lambda entries: 1)
    again = generated.contents_part(body, 1, page_size)
    assert again.pages == contents.pages
    assert _pdf_text(again.data) == _pdf_text(contents.data)


def _pdf_text(data: bytes | None) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.mark.parametrize("stored_pages", [(2, 1, 3), (2, 5, 3)])
def test_the_contents_are_typeset_ahead_with_the_page_counts_of_the_import(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stored_pages: tuple[int, ...]
) -> None:
    """While the documents are checked, the contents are typeset with the page counts the import
    stored; when a document turns out to have other pages (a stored count that is wrong), they are
    typeset again, and every entry prints its section's real first page."""
    from mbc_vault.packet import build

    made = tmp_path / "made"
    made.mkdir()
    ids = []
    for n, pages in enumerate((2, 1, 3)):
        pdf = text_pdf(made / f"d{n}.pdf", [[f"Document {n} page {p} heron"] for p in range(pages)])
        ids.append(
            vault.add_document(
                pdf, category="lab-result", title=f"Doc {n}", pages=stored_pages[n], date="2025-03-01"
            ).id
        )
    calls: list[list[int]] = []
    real = build.contents_part

    def counted(body: Any, cover_pages: int, page_size: str) -> Any:
        calls.append([part.pages for part in body])
        return real(body, cover_pages, page_size)

    monkeypatch.setattr(build, "contents_part", counted)
    out = tmp_path / "packet.pdf"
    result = build_packet(vault, choices_for(ids), out)
    assert calls[0] == list(stored_pages)  # ahead, with the stored counts
    assert len(calls) == (1 if stored_pages == (2, 1, 3) else 2)
    sections = {s.record_id or s.kind: s for s in result.sections}
    contents_text = " ".join(pdftotext(out, sections["contents"].first_page).split())
    for n, record_id in enumerate(ids):
        section = sections[record_id]
        assert f"Doc {n} (2025-03-01) {section.first_page}" in contents_text, contents_text
    assert [sections[i].pages for i in ids] == [2, 1, 3]
