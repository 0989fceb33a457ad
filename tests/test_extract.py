"""Reading files for import: real sample PDFs, bad files, hostile files, and the proposals."""

from __future__ import annotations

import io
import json
import subprocess
import threading
from pathlib import Path

import psutil
import pypdfium2 as pdfium
import pytest
from conftest import DATA
from pdfmaker import text_bomb_pdf, text_pdf

from mbc_vault import extract
from mbc_vault.extract import read_file
from mbc_vault.pdf import reading
from mbc_vault.pdf.protocol import JobError, Request
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
    """Markup characters in the page text and the title come back verbatim (nothing is escaped)."""
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


def test_the_worker_reads_what_the_job_reads_in_process_on_both_limit_branches(tmp_path: Path) -> None:
    """The "read" job called in-process, and through the worker with rlimits (Linux, macOS) and with
    the memory watchdog only (the Windows branch), give the same pages, texts and metadata."""
    pdf = text_pdf(
        tmp_path / "scan_2025.pdf",
        [["SURGICAL PATHOLOGY REPORT", "Date of service: 03/14/2025"], [], ["Comment: ZEBRAFINCH"]],
        title="Liver biopsy",
    )
    out = io.BytesIO()
    reply = reading.read(Request({}, [pdf.read_bytes()], out, {}))
    assert reply["pages"] == 3 and reply["title"] == "Liver biopsy" and reply["created"] == "2025-03-14"
    assert len(reply["sizes"]) == 3 and sum(reply["sizes"]) == len(out.getvalue())
    for branch in ({"rlimits": True, "memory_watchdog": False}, {"rlimits": False, "memory_watchdog": True}):
        with extract.Reader(**branch) as reader:
            result = reader.read(pdf)
        assert result.ok and result.pages == 3
        assert result.page_texts == [
            "SURGICAL PATHOLOGY REPORT\nDate of service: 03/14/2025\n",
            "",
            "Comment: ZEBRAFINCH\n",
        ]
        assert (result.pdf_title, result.pdf_date, result.category) == (
            "Liver biopsy",
            "2025-03-14",
            "pathology-report",
        )


def test_a_password_and_damage_get_their_own_codes_from_the_job() -> None:
    locked = (SAMPLES / "005-libreoffice-writer-password/libreoffice-writer-password.pdf").read_bytes()
    damaged = (SAMPLES / "004-pdflatex-4-pages/pdflatex-4-pages.pdf").read_bytes()[:1500]
    codes = []
    for data in (locked, damaged, b"%PDF-1.4\n" + bytes(range(256)) * 8):
        with pytest.raises(JobError) as failed:
            reading.read(Request({}, [data], io.BytesIO(), {}))
        codes.append(failed.value.code)
    assert codes == ["pdf-password-protected", "pdf-damaged", "pdf-damaged"]


def test_a_damaged_page_tree_with_a_declared_page_count_reads_as_pages_without_text() -> None:
    """tests/data/pdf-samples/017: PDFium cannot load its page tree; its linearization dictionary
    says 4 pages, which poppler also fell back on. The file's pages are kept, with no text."""
    result = read_file(SAMPLES / "017-unreadable-meta-data/unreadablemetadata.pdf")
    assert result.ok and result.pages == 4 and result.page_texts == ["", "", "", ""]
    assert reading.declared_page_count(b"%PDF-1.4\n1 0 obj\n<< /Linearized 1 /N 99999999 >>") is None
    assert reading.declared_page_count(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>") is None


def test_a_page_pdfium_reads_as_letters_apart_is_read_by_where_its_letters_are() -> None:
    """Five lines with their spaces at the same places, typeset by Qt (one text object a letter):
    PDFium takes the page for vertical writing and reads one letter a line, so a search for "scan"
    would not find it. The reader puts the letters back into their lines."""
    pdf = DATA / "pdf-made" / "letters-apart.pdf"
    raw = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert "Question 1" not in raw and reading.letters_apart(raw)  # what PDFium itself gives
    result = read_file(pdf)
    assert result.ok and result.pages == 1
    assert result.page_texts[0] == "".join(f"Question {k} about the next scan\n" for k in range(1, 6))


def test_ordinary_pages_are_not_taken_for_letters_apart(tmp_path: Path) -> None:
    """The sample PDFs and a page of short lines, a table and a list keep PDFium's own reading."""
    page = ["CA 15-3", "38 U/mL", "A", "B", "letrozole 2.5 mg once a day", "12", "x"]
    assert not reading.letters_apart("\n".join(page))
    assert reading.letters_apart("\n".join("Lin e 1 o f t h e l o n g p a r a g r a p h".split()))
    for sample in sorted((DATA / "pdf-samples").glob("*/*.pdf")):
        try:
            document = pdfium.PdfDocument(sample)
        except pdfium.PdfiumError:
            continue  # the password-protected one
        for page in document:
            assert not reading.letters_apart(page.get_textpage().get_text_range()), sample


def test_pdf_dates_and_page_text_shape() -> None:
    assert reading.pdf_date("D:20250314101500Z") == "2025-03-14"
    assert reading.pdf_date("D:19900428000000+02'00'") == "1990-04-28"
    assert reading.pdf_date("2022") == "2022-01-01" and reading.pdf_date("D:20221399") == ""
    assert reading.pdf_date("not a date") == "" and reading.pdf_date("") == ""
    assert reading.clean_page_text("a well\ufffeknown\r\nfact") == "a wellknown\nfact\n"
    assert reading.clean_page_text("") == ""


def test_far_too_much_text_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = text_pdf(tmp_path / "long.pdf", [["A line of text that repeats " * 4] * 40] * 3)
    monkeypatch.setattr(extract, "MAX_TEXT_BYTES", 8000)
    result = read_file(pdf)
    assert not result.ok and result.problem == (
        "long.pdf holds far more text than a medical record could; it was not imported."
    )
    monkeypatch.setattr(extract, "MAX_TEXT_BYTES", 1 << 20)
    assert read_file(pdf).ok


def test_a_batch_is_read_by_its_workers_with_progress(tmp_path: Path) -> None:
    """Each worker of the batch (two side by side where there are two cores) is started once, and
    the results and the progress come in the order of the files."""
    files = [text_pdf(tmp_path / f"report-{n}.pdf", [[f"Report number {n}"]]) for n in range(5)]
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(files[0].read_bytes()[:200])
    note = tmp_path / "note.txt"
    note.write_text("Ask about CA 15-3")
    steps: list[tuple[int, int, str, str]] = []
    starts: list[int] = []
    real_close = extract.Reader.close

    def close(reader: extract.Reader) -> None:
        starts.append(reader.worker.starts)
        real_close(reader)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract.Reader, "close", close)
        results = extract.read_files(
            [*files[:3], damaged, note, *files[3:]], progress=lambda *a: steps.append(a)
        )
    assert [r.path.name for r in results] == [p.name for p in [*files[:3], damaged, note, *files[3:]]]
    assert [r.ok for r in results] == [True, True, True, False, True, True, True]
    assert "Report number 4" in results[-1].page_texts[0] and "damaged" in results[3].problem
    assert starts == [1] * extract.batch_workers(7)  # each worker process once for the whole batch
    assert steps[0] == (0, 7, "read", "report-0.pdf") and steps[-1] == (6, 7, "read", "report-4.pdf")


def test_readers_started_early_are_kept_for_several_batches(tmp_path: Path) -> None:
    """A caller's own readers (started early) read batch after batch in the same worker processes,
    with the same results as new readers; they are left running for the caller to close."""
    files = [text_pdf(tmp_path / f"report-{n}.pdf", [[f"Report number {n}"]]) for n in range(4)]
    fresh = extract.read_files(files)
    readers = [extract.Reader().start() for _ in range(2)]
    try:
        assert [r.worker.starts for r in readers] == [1, 1] and all(r.worker.pid for r in readers)
        pids = [r.worker.pid for r in readers]
        used: set[int] = set()
        real_read = extract.Reader.read

        def read(reader: extract.Reader, path: Path) -> extract.Extracted:
            used.add(id(reader))
            return real_read(reader, path)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(extract.Reader, "read", read)
            first = extract.read_files(files, readers=readers)
            second = extract.read_files(files[::-1], readers=readers)
        assert used <= {id(r) for r in readers} and used  # only the caller's readers read
        cancel = threading.Event()
        cancel.set()
        assert extract.read_files(files, cancel=cancel, readers=readers) == []
        assert [r.worker.starts for r in readers] == [1, 1] and [r.worker.pid for r in readers] == pids
        assert all(r.worker.cancel is None for r in readers)  # the batch's flag was theirs only then
    finally:
        for reader in readers:
            reader.close()
    assert [(r.path, r.pages, r.page_texts, r.title, r.date) for r in first] == [
        (r.path, r.pages, r.page_texts, r.title, r.date) for r in fresh
    ]
    assert [r.path for r in second] == files[::-1] and second[0].page_texts == fresh[-1].page_texts
    assert all(r.worker.pid is None for r in readers)


def test_cancel_ends_the_batch_and_its_worker_at_once(tmp_path: Path) -> None:
    """Cancel while a worker is busy on a bomb: that worker is ended mid-file, that file gets no
    result and nothing after it comes back (another worker may have read ahead); no worker is left."""
    first = text_pdf(tmp_path / "first.pdf", [["Report number 1"]])
    bomb = text_bomb_pdf(tmp_path / "bomb.pdf", megabytes=300)
    last = text_pdf(tmp_path / "last.pdf", [["Report number 3"]])
    cancel = threading.Event()
    pids: list[int] = []
    read_by: dict[str, extract.Reader] = {}
    reading = threading.local()  # the file this thread reads
    real_start, real_read = extract.PdfWorker._start, extract.Reader.read
    seen: set[str] = set()
    lock = threading.Lock()

    def arm(event: str) -> None:
        """Once the first file is read and the bomb's call has its worker (it takes seconds to parse),
        cancel: the bomb is then in the worker's hands, sent or being sent."""
        with lock:
            seen.add(event)
            if seen == {"first read", "bomb started"}:
                cancel.set()

    def start(worker: extract.PdfWorker) -> subprocess.Popen[bytes]:
        process = real_start(worker)
        pids.append(process.pid)
        if getattr(reading, "path", None) == bomb:
            arm("bomb started")
        return process

    def read(reader: extract.Reader, path: Path) -> extract.Extracted:
        read_by[path.name] = reader
        reading.path = path
        result = real_read(reader, path)
        if path == first:
            arm("first read")
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract.PdfWorker, "_start", start)
        patch.setattr(extract.Reader, "read", read)
        results = extract.read_files([first, bomb, last], cancel=cancel)
    assert seen == {"first read", "bomb started"}
    assert [r.path for r in results] == [first]
    assert read_by["bomb.pdf"].worker.starts == 1 and read_by["bomb.pdf"].worker.pid is None  # ended
    assert pids and not [pid for pid in set(pids) if psutil.pid_exists(pid)]


def test_reading_needs_no_program_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No poppler: with an empty PATH a PDF is still read (the worker is this Python, PDFium a wheel)."""
    pdf = text_pdf(tmp_path / "ct.pdf", [["CT CHEST WITH CONTRAST", "Impression: stable"]])
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = read_file(pdf)
    assert result.ok and "Impression: stable" in result.page_texts[0]
    assert result.category == "imaging-report"


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


@pytest.mark.parametrize("branch", ["rlimits", "watchdog"])
def test_decompression_bomb_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, branch: str) -> None:
    """The same bomb on both limit branches: rlimits (Linux, macOS) and the memory watchdog alone
    (Windows), each within the time limit and with a sentence naming the file."""
    monkeypatch.setattr(extract, "TIME_LIMIT_S", 8.0)
    monkeypatch.setattr(extract, "MAX_TEXT_BYTES", 4 << 20)
    bomb = text_bomb_pdf(tmp_path / "bomb.pdf", megabytes=300)
    assert bomb.stat().st_size < 5 << 20
    with extract.Reader(rlimits=branch == "rlimits", memory_watchdog=branch == "watchdog") as reader:
        result = reader.read(bomb)
    assert not result.ok
    assert "bomb.pdf" in result.problem
    assert any(w in result.problem for w in ("too long", "far more text", "damaged"))


def test_archives_are_named_as_archives_not_damaged(tmp_path: Path) -> None:
    """A zip of PDFs (stored, so "%PDF-" is in its first kilobyte) and other archives: "open it and
    import what is inside", never "damaged"; a .docx (a zip inside) stays "not a PDF"."""
    import tarfile
    import zipfile

    stored = tmp_path / "records from the portal.zip"
    with zipfile.ZipFile(stored, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.write(text_pdf(tmp_path / "a.pdf", [["Clinic note (fictional)"]]), "a.pdf")
    packed = tmp_path / "scans.tar"
    with tarfile.open(packed, "w") as archive:
        archive.add(tmp_path / "a.pdf", "a.pdf")
    gzipped = tmp_path / "note.gz"
    gzipped.write_bytes(b"\x1f\x8b\x08\x00" + bytes(64))
    for path, kind in (
        (stored, "a zip file"),
        (packed, "a tar archive"),
        (gzipped, "a compressed (gzip) file"),
    ):
        result = read_file(path)
        assert result.problem == f"{path.name} is {kind}, not a document; open it and import what is inside."
    letter = tmp_path / "letter.docx"
    with zipfile.ZipFile(letter, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.write(tmp_path / "a.pdf", "word/embedded.pdf")
    assert "not a PDF, JPEG, PNG, TIFF or text file" in read_file(letter).problem


def test_a_pdf_without_a_date_in_its_text_gets_no_date(tmp_path: Path) -> None:
    """The PDF's creation date is the day it was saved or downloaded, not the document's date."""
    pdf = text_pdf(
        tmp_path / "labs.pdf", [["Lab results", "Patient: Jane Q. Example DOB 1971-04-02"]], title="Labs"
    )
    result = read_file(pdf)
    assert result.ok and result.pdf_date == "2025-03-14" and result.date is None


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


#: the shape of the fictional records bench/make_corpus.py makes: a heading, the patient line, then
#: paragraphs of clinical words, where "radiology" and "impression" come in any report
CORPUS_BODY = (
    "Ca 27.29 oncologist radiology impression findings stable disease letrozole follow-up. "
    "Progression response RECIST CA 15-3 CEA lymph node biopsy history plan."
)


@pytest.mark.parametrize(
    "heading, slug",
    [
        ("Lab results", "lab-result"),
        ("Laboratory report: complete blood count", "lab-result"),
        ("Brain MRI report", "imaging-report"),
        ("Bone scan report", "imaging-report"),
        ("Surgical pathology report", "pathology-report"),
        ("Treatment plan", "treatment-plan"),
    ],
)
def test_a_report_is_proposed_by_its_heading_not_by_words_of_its_body(
    tmp_path: Path, heading: str, slug: str
) -> None:
    """A PDF without a title (a portal's download) named 007-lab.pdf: its heading decides."""
    pdf = text_pdf(
        tmp_path / "007-lab.pdf",
        [[heading, "Patient: Jane Q. Example   DOB 1971-04-02   MRN 00123456", CORPUS_BODY, CORPUS_BODY]],
    )
    result = read_file(pdf)
    assert result.ok and result.pdf_title == ""
    assert result.category == slug


def test_date_proposals_skip_birth_dates() -> None:
    assert propose_date("Patient DOB: 04/02/1971\nReport date: March 14, 2026") == "2026-03-14"
    assert propose_date("DOB 1971-04-02 seen 2026-01-05") == "2026-01-05"
    assert propose_date("Signed this 3 February 2022") == "2022-02-03"
    assert propose_date("no dates at all, 13/45/2020") is None


def test_title_proposals() -> None:
    assert propose_title("Microsoft Word - CT report.docx", "x.pdf", "") == "CT report"
    assert propose_title("", "2024_05_ct_report.pdf", "") == "2024 05 ct report"


def test_a_demo_whose_pdfs_cannot_be_read_is_not_made_silently(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken PDF reader (an incomplete install) made a demo of "0 records" that said nothing."""
    from mbc_vault.demo import create_demo_vault
    from mbc_vault.errors import VaultError
    from mbc_vault.pdf.client import PdfError

    def broken(self: extract.Reader, blob: object) -> object:
        raise PdfError("pdf-worker-crashed")

    monkeypatch.setattr(extract.Reader, "_read_pdf", broken)
    with pytest.raises(VaultError) as failed:
        create_demo_vault(tmp_path / "demo", work_factor=10)
    assert failed.value.code == "demo-documents-unreadable"
    assert "could not be read" in str(failed.value) and "self-check" in str(failed.value)
    assert not (tmp_path / "demo").exists()  # nothing half-made is left to be opened next time
