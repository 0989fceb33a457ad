"""Every file type the importer accepts is decoded at import, in the PDF worker, and the packet can
include every accepted type (issue 11).

Broken images (made in the test from good ones: tests/imagemaker.py) are refused at import with one
sentence naming the file, through `read_files` and the real `mbc-vault add`, nothing stored and the
batch going on past them. A packet holds one document of each type. An image that was stored before
images were checked, and cannot be decoded, is named at packet time: the build stops with nothing
written, or leaves it out when asked to.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from conftest import DATA, PASSPHRASE
from imagemaker import broken_images, encoded, picture, png_claiming, tiff_claiming, tiff_pages, write_all
from pdfcheck import render_png
from pdfmaker import text_pdf

from mbc_vault import extract
from mbc_vault.extract import read_files
from mbc_vault.importer import import_files
from mbc_vault.packet import Cover, PacketChoices, PacketProblems, build_packet, check_documents
from mbc_vault.pdf import images, jobs
from mbc_vault.pdf.protocol import JobError
from mbc_vault.vault import Vault

CLI = str(Path(sys.executable).parent / "mbc-vault")
SHOTS = Path("/tmp/shots")
DAMAGED = "cannot be read as an image (it may be damaged); open it in an image viewer and save it again"
HUGE = "claims to be 100,000 by 100,000 pixels, far larger than a photo or scan could be"


def _expected(name: str) -> str:
    return f"{name} {HUGE if 'claims' in name else DAMAGED}"


@pytest.fixture
def batch(tmp_path: Path) -> list[Path]:
    """A good photo, the broken images, and a good scan after them."""
    first = write_all(tmp_path / "in", {"first-photo.jpg": encoded(picture(), "JPEG")})
    broken = write_all(tmp_path / "in", broken_images())
    last = write_all(tmp_path / "in", {"last-scan.png": encoded(picture(), "PNG")})
    return first + broken + last


def test_broken_images_are_refused_by_read_files_and_the_batch_goes_on(batch: list[Path]) -> None:
    results = {r.path.name: r for r in read_files(batch)}
    assert list(results) == [p.name for p in batch]
    assert results.pop("first-photo.jpg").ok and results.pop("last-scan.png").ok
    assert len(results) == 7
    for name, result in results.items():
        assert not result.ok and result.pages is None, name
        assert result.problem.startswith(_expected(name)), result.problem
        assert result.problem.count(". ") <= 1 and "\n" not in result.problem  # plain words, no trace


def test_broken_images_are_refused_by_mbc_vault_add_with_nothing_stored(
    vault: Vault, vault_path: Path, passphrase_file: Path, batch: list[Path]
) -> None:
    vault.close()
    done = subprocess.run(
        [CLI, "add", str(vault_path), *map(str, batch), "--passphrase-file", str(passphrase_file)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "MBC_VAULT_PASSPHRASE"},
    )
    assert done.returncode == 1  # some files were not imported
    assert "Traceback" not in done.stderr and "unexpected error" not in done.stderr
    lines = [line.removeprefix("mbc-vault: ") for line in done.stderr.strip().splitlines()]
    assert [line.split(" ", 1)[0] for line in lines] == [p.name for p in batch[1:-1]]
    for line in lines:
        assert line.startswith(_expected(line.split(" ", 1)[0])), line
    assert done.stdout.count("Added ") == 2
    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        stored = sorted(r.original_name for r in reopened.records())
    finally:
        reopened.close()
    assert stored == ["first-photo.jpg", "last-scan.png"]


def test_the_size_is_checked_from_the_header_before_anything_is_decoded(tmp_path: Path) -> None:
    """Just past the ceiling is refused with its size; just under it is decoded. The file that claims
    it holds only a few bytes of pixels, so it is refused by the check, not by running out of data."""
    side = int(images.MAX_PIXELS**0.5) + 1
    (over,) = write_all(tmp_path, {"just-over.png": png_claiming(side, side)})
    result = extract.read_file(over)
    assert result.problem.startswith(f"just-over.png claims to be {side:,} by {side:,} pixels"), (
        result.problem
    )
    (small,) = write_all(tmp_path, {"claims-small.png": png_claiming(64, 64)})
    assert extract.read_file(small).problem.startswith(f"claims-small.png {DAMAGED}")  # decoded: too short


def test_every_page_of_a_tiff_is_size_checked_and_their_number_is_bounded(tmp_path: Path) -> None:
    files = {
        "second-page-huge.tiff": tiff_claiming([(64, 64), (100_000, 100_000)]),
        "too-many-pages.tiff": tiff_claiming([(8, 8)] * (images.MAX_FRAMES + 1)),
        "as-many-as-allowed.tiff": tiff_claiming([(8, 8)] * images.MAX_FRAMES),
    }
    huge, many, allowed = read_files(write_all(tmp_path, files))
    assert huge.problem.startswith(f"second-page-huge.tiff {HUGE}"), huge.problem
    assert many.problem.startswith(
        f"too-many-pages.tiff has more than {images.MAX_FRAMES:,} pages; split it into smaller files"
    ), many.problem
    assert allowed.ok and allowed.pages == images.MAX_FRAMES


def test_a_multi_page_tiff_is_imported_with_its_page_count(tmp_path: Path) -> None:
    (path,) = write_all(tmp_path, {"three-pages.tiff": tiff_pages(3)})
    result = extract.read_file(path)
    assert result.ok and result.pages == 3 and result.pages_without_text == [1, 2, 3]


# ------------------------------------------------------------------------------------------ packet


def _choices(ids: list[str], **extra: object) -> PacketChoices:
    cover = Cover(patient_name="Jane Example", date_of_birth="1971-04-02", doctor="Dr. Second")
    return PacketChoices(cover=cover, document_ids=ids, **extra)  # type: ignore[arg-type]


def _image_count(page: pdfium.PdfPage) -> int:
    return len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])))


def test_a_packet_holds_one_document_of_every_accepted_type(qapp, vault: Vault, tmp_path: Path) -> None:
    made = tmp_path / "made"
    made.mkdir()
    files = {
        "report.pdf": text_pdf(made / "report.pdf", [["Pathology report heron"], ["Page two heron"]]),
        "photo.jpg": DATA / "images" / "lab-report-photo.jpg",
        "scan.png": DATA / "images" / "lab-report-scan.png",
        "scan.tiff": DATA / "images" / "lab-report-scan.tiff",
        "pages.tiff": write_all(made, {"pages.tiff": tiff_pages(3)})[0],
        "note.txt": made / "note.txt",
    }
    files["note.txt"].write_text("Call with the nurse about the kingfisher scan.\n")
    report = import_files(vault, list(files.values()))
    assert report.problems == [] and len(report.added) == 6
    assert [r.original_name for r in report.added] == [p.name for p in files.values()]
    ids = {name: r.id for name, r in zip(files, report.added, strict=True)}
    expected = {
        "report.pdf": 2,
        "photo.jpg": 1,
        "scan.png": 1,
        "scan.tiff": 1,
        "pages.tiff": 3,
        "note.txt": 1,
    }
    assert {name: vault.get(ids[name]).pages for name in expected} == expected  # as imported

    out = tmp_path / "packet.pdf"
    result = build_packet(vault, _choices([ids[name] for name in expected]), out)
    sections = {s.record_id: s for s in result.sections if s.record_id}
    assert {name: sections[ids[name]].pages for name in expected} == expected  # as the packet has them
    document = pdfium.PdfDocument(out)
    assert len(document) == result.pages == sum(s.pages for s in result.sections)
    for name in ("photo.jpg", "scan.png", "scan.tiff", "pages.tiff"):
        section = sections[ids[name]]
        for number in range(section.first_page, section.first_page + section.pages):
            assert _image_count(document[number - 1]) == 1, (name, number)
    for name in ("report.pdf", "note.txt"):
        assert _image_count(document[sections[ids[name]].first_page - 1]) == 0
    assert "heron" in document[sections[ids["report.pdf"]].first_page - 1].get_textpage().get_text_range()
    document.close()
    SHOTS.mkdir(exist_ok=True)
    render_png(out, sections[ids["scan.tiff"]].first_page, SHOTS / "packet-tiff-page.png")
    render_png(out, sections[ids["pages.tiff"]].first_page + 2, SHOTS / "packet-tiff-third-page.png")


def test_an_image_stored_before_the_checks_is_named_at_packet_time(
    qapp, vault: Vault, tmp_path: Path
) -> None:
    """vault.add_document stores a file as it is (the importer's checks came first, and did not look
    at images before): such a broken image stops the build with nothing written, in one sentence naming
    it, or is left out when the person chooses to leave out problem documents."""
    made = write_all(tmp_path / "old", {**broken_images(), "good.png": encoded(picture(), "PNG")})
    stored = {p.name: vault.add_document(p, category="lab-result", title=f"Old {p.stem}").id for p in made}
    good, broken = stored.pop("good.png"), list(stored.values())
    out = tmp_path / "packet.pdf"
    with pytest.raises(PacketProblems) as caught:
        build_packet(vault, _choices([good, *broken]), out)
    assert not out.exists()
    problems = {p.record_id: p for p in caught.value.problems}
    assert set(problems) == set(broken)
    for name, record_id in stored.items():
        sentence = problems[record_id].describe()
        title = f"Old {Path(name).stem}"
        assert sentence.startswith(f'"{title}" ({record_id[:8]}) cannot be included: the image '), sentence
        assert ("100000 by 100000 pixels" in sentence) == ("claims" in name), sentence
    assert {p.record_id for p in check_documents(vault, [good, *broken])} == set(broken)

    result = build_packet(vault, _choices([good, *broken], skip_problem_documents=True), out)
    assert {p.record_id for p in result.left_out} == set(broken)
    assert [s.record_id for s in result.sections if s.record_id] == [good]
    assert len(pdfium.PdfDocument(out)) == result.pages


def test_a_copy_without_the_image_library_says_it_is_incomplete(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not "damaged": a bundle that left Pillow out (as it once did) must not blame the person's file."""
    monkeypatch.setitem(jobs.JOBS, "image-check", "mbc_vault.pdf.images_left_out:check")
    with pytest.raises(JobError) as caught:
        jobs.find("image-check")
    assert (caught.value.code, caught.value.params) == ("pdf-job-unknown", {"job": "image-check"})
    sentence = extract._image_problem("photo.jpg", "pdf-job-unknown", {"job": "image-check"})
    assert sentence == "photo.jpg could not be read: this copy of MBC Vault is incomplete; install it again."
