"""Reading files for import: real sample PDFs, bad files, hostile files, and the proposals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA
from pdfmaker import text_bomb_pdf, text_pdf

from mbc_vault import extract
from mbc_vault.extract import read_file
from mbc_vault.proposals import propose_category, propose_date, propose_title

SAMPLES = DATA / "pdf-samples"


def _sample_pdfs() -> list[Path]:
    return sorted(SAMPLES.glob("*/*.pdf"))


@pytest.mark.parametrize("pdf", _sample_pdfs(), ids=lambda p: p.name)
def test_sample_pdfs_are_read_or_refused_clearly(pdf: Path) -> None:
    meta = (
        {
            Path(e["path"]).name: e
            for e in json.loads((SAMPLES / "files.json").read_text())["data"]
            if "path" in e
        }
        if (SAMPLES / "files.json").exists()
        else {}
    )
    result = read_file(pdf)
    if "password" in pdf.name:
        assert not result.ok and "password" in result.problem and pdf.name in result.problem
        return
    assert result.ok, result.problem
    assert result.media_type == "application/pdf"
    assert result.pages and result.pages >= 1
    assert len(result.page_texts) == result.pages
    expected = meta.get(pdf.name, {}).get("pages")
    if expected:
        assert result.pages == expected


def test_text_on_each_page_and_metadata(tmp_path: Path) -> None:
    pdf = text_pdf(
        tmp_path / "scan_2025.pdf",
        [["SURGICAL PATHOLOGY REPORT", "Date of service: 03/14/2025"], ["Comment: ZEBRAFINCH margins clear"]],
        title="Liver biopsy",
    )
    result = read_file(pdf)
    assert result.ok and result.pages == 2
    assert "ZEBRAFINCH" in result.page_texts[1] and "ZEBRAFINCH" not in result.page_texts[0]
    assert result.title == "Liver biopsy"
    assert result.date == "2025-03-14"
    assert result.category == "pathology-report"


def test_markup_characters_in_text_and_title(tmp_path: Path) -> None:
    """pdftotext -htmlmeta escapes the title but writes the page text as it is: both come back verbatim."""
    pdf = text_pdf(
        tmp_path / "esc.pdf",
        [["Ratio A & B <tag> &amp; x"], [], ["</pre> third"]],
        title='Biopsy & <CT> "left"',
    )
    result = read_file(pdf)
    assert result.ok and result.pages == 3 and len(result.page_texts) == 3
    assert "Ratio A & B <tag> &amp; x" in result.page_texts[0]
    assert result.page_texts[1].strip() == "" and "</pre> third" in result.page_texts[2]
    assert result.pdf_title == 'Biopsy & <CT> "left"' and result.pdf_date == "2025-03-14"


def test_two_reader_fallback_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = text_pdf(
        tmp_path / "scan_2025.pdf",
        [["SURGICAL PATHOLOGY REPORT", "Date of service: 03/14/2025"], ["Comment: ZEBRAFINCH margins clear"]],
        title="Liver biopsy",
    )
    one = read_file(pdf)
    monkeypatch.setattr(extract, "_parse_htmlmeta", lambda output: None)  # as if poppler wrote another layout
    two = read_file(pdf)
    assert (one.pages, one.page_texts, one.pdf_title, one.pdf_date) == (
        two.pages,
        two.page_texts,
        two.pdf_title,
        two.pdf_date,
    )


def test_bad_files_get_one_clear_sentence(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes((SAMPLES / "004-pdflatex-4-pages/pdflatex-4-pages.pdf").read_bytes()[:1500])
    unsupported = tmp_path / "letter.docx"
    unsupported.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    cases = {
        empty: "empty",
        damaged: "damaged",
        unsupported: "not a PDF, JPEG, PNG, TIFF or text file",
        tmp_path / "gone.pdf": "does not exist",
    }
    for path, phrase in cases.items():
        result = read_file(path)
        assert not result.ok
        assert phrase in result.problem and path.name in result.problem
        assert "\n" not in result.problem and "Traceback" not in result.problem


def test_decompression_bomb_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "TIME_LIMIT_S", 8.0)
    monkeypatch.setattr(extract, "MAX_TEXT_BYTES", 4 << 20)
    bomb = text_bomb_pdf(tmp_path / "bomb.pdf", megabytes=300)
    assert bomb.stat().st_size < 5 << 20
    result = read_file(bomb)
    assert not result.ok
    assert "bomb.pdf" in result.problem
    assert any(w in result.problem for w in ("too long", "far more text", "damaged"))


def test_images_and_text_files(tmp_path: Path) -> None:
    photo = read_file(DATA / "images/lab-report-photo.jpg")
    assert photo.ok and photo.media_type == "image/jpeg" and photo.pages_without_text == [1]
    note = tmp_path / "questions for dr fictional.txt"
    note.write_text("Questions for 2026-05-02 visit: ask about CA 15-3")
    result = read_file(note)
    assert result.ok and result.media_type == "text/plain" and "CA 15-3" in result.page_texts[0]
    assert result.title == "questions for dr fictional"


@pytest.mark.parametrize(
    "text, slug",
    [
        ("SURGICAL PATHOLOGY REPORT\nFinal diagnosis", "pathology-report"),
        ("DISCHARGE SUMMARY\nAdmitted for pain control", "discharge-summary"),
        ("OPERATIVE REPORT\nProcedure: port placement", "operative-report"),
        ("LAST WILL AND TESTAMENT of Jane Example", "will"),
        ("LIVING WILL\nI direct that", "living-will"),
        ("Durable Health Care Power of Attorney", "health-care-proxy"),
        ("CT CHEST WITH CONTRAST\nImpression: stable", "imaging-report"),
        ("Lab results: CA 15-3 42 U/mL", "lab-result"),
        ("Grocery list: apples", "medical-other"),
    ],
)
def test_category_proposals(text: str, slug: str) -> None:
    assert propose_category(text) == slug


def test_date_proposals_skip_birth_dates() -> None:
    assert propose_date("Patient DOB: 04/02/1971\nReport date: March 14, 2026") == "2026-03-14"
    assert propose_date("DOB 1971-04-02 seen 2026-01-05") == "2026-01-05"
    assert propose_date("Signed this 3 February 2022") == "2022-02-03"
    assert propose_date("no dates at all, 13/45/2020") is None


def test_title_proposals() -> None:
    assert propose_title("Microsoft Word - CT report.docx", "x.pdf", "") == "CT report"
    assert propose_title("", "2024_05_ct_report.pdf", "") == "2024 05 ct report"
