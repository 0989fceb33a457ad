"""The packet's care summary with the health history (care received, allergies, conditions,
immunizations), and the date of birth recorded once reaching the cover and every page's footer."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from pdfcheck import page_count, page_text, render_png

from mbc_vault.cancer.models import TreatmentLine
from mbc_vault.cancer.store import CancerRecord
from mbc_vault.care.models import Contact
from mbc_vault.care.store import CarePlan
from mbc_vault.history.models import (
    Allergy,
    Condition,
    Immunization,
    PatientDetails,
    Procedure,
    RadiationCourse,
)
from mbc_vault.history.store import HealthHistory
from mbc_vault.packet.frontmatter import summary_html
from mbc_vault.vault import Vault

SHOTS = Path("/tmp/shots")
DOB = "1961-03-14"
MEMBER_PASSPHRASE = "a member's long fictional passphrase"


def _text(markup: str) -> str:
    """The summary's HTML as the words a reader sees, in order."""
    inline = re.sub(r"</?[bi]>", "", markup)  # bold and italic run on; cells and paragraphs part
    return " ".join(re.sub(r"<[^>]+>", " ", inline).replace("&amp;", "&").split())


def add_history(vault: Vault) -> None:
    """A fictional health history: surgery, radiation, an undated procedure, allergies, more."""
    history = HealthHistory(vault)
    history.save(
        Procedure(
            date="2019-03-12",
            name="Lumpectomy",
            side="left",
            lymph_nodes="sentinel-node-biopsy",
            place="Riverside General Hospital",
            surgeon="Dr. Ana Ortiz",
        )
    )
    history.save(Procedure(name="Port placement", side="right"))  # no date
    history.save(
        RadiationCourse(
            site="Left breast",
            total_dose_gy=42.56,
            fractions=16,
            start="2019-04-22",
            stop="2019-05-13",
            intent="adjuvant",
            place="Riverside Cancer Center",
        )
    )
    history.save(Allergy(substance="Penicillin", reaction="Hives", severity="moderate"))
    history.save(Allergy(substance="Codeine", reaction="Nausea", allergy_kind="intolerance"))
    history.save(Condition(name="Hypothyroidism", onset="2012-05-01"))
    history.save(Immunization(vaccine="Influenza", date="2025-10-02"))
    history.save(Immunization(vaccine="Influenza", date="2024-10-07"))
    history.save(Immunization(vaccine="Shingles (recombinant)", date="2023-02-01"))


def test_care_received_lists_lines_surgery_and_radiation_in_date_order(vault: Vault) -> None:
    add_history(vault)
    cancer = CancerRecord(vault)
    cancer.save(
        TreatmentLine(
            line_number=1,
            drugs=["letrozole", "palbociclib"],
            start="2020-01-06",
            setting="first-line",
            best_response="partial",
        )
    )
    cancer.save(
        TreatmentLine(
            line_number=0,
            drugs=["anastrozole"],
            start="2019-06-01",
            stop="2019-12-20",
            setting="adjuvant",
            stop_reason="progression",
        )
    )
    markup, images = summary_html(vault, "Jane Example", "2026-01-05")
    text = _text(markup)
    assert "Care received" in text and images == {}
    order = [
        text.index(x)
        for x in (
            "Lumpectomy (left)",
            "Left breast",
            "anastrozole",
            "letrozole + palbociclib",
            "Port placement",
        )
    ]
    assert order == sorted(order), text
    assert "Sentinel lymph node biopsy" in text and "At Riverside General Hospital" in text
    assert "42.56 Gy in 16 fractions" in text and "Adjuvant (after surgery)" in text
    assert "2019-04-22 to 2019-05-13" in text and "2020-01-06 to ongoing" in text
    assert "Line 1 letrozole + palbociclib" in text and "Best response: Partial response" in text
    assert "Stopped: Progression" in text
    assert "One entry has no date in my records and is listed last." in text
    # allergies, conditions, immunizations
    assert "Allergies Substance Reaction Severity" in text
    assert "Penicillin Hives Moderate" in text
    assert "Codeine (intolerance, not an allergy) Nausea" in text
    assert "not recorded" not in text
    assert "Hypothyroidism 2012-05-01 Active" in text
    assert "Influenza: 2024-10-07, 2025-10-02" in text and "Shingles (recombinant): 2023-02-01" in text


def test_allergies_not_recorded_is_said_but_makes_no_summary(vault: Vault) -> None:
    assert summary_html(vault, "Jane Example", "2026-01-05")[0] == ""  # an empty vault: no summary page
    HealthHistory(vault).save(PatientDetails(date_of_birth=DOB))  # no summary row either
    assert summary_html(vault, "Jane Example", "2026-01-05")[0] == ""
    CarePlan(vault).save(Contact(name="Dr. Lee Park", role="medical-oncologist", phone="555-0100"))
    text = _text(summary_html(vault, "Jane Example", "2026-01-05")[0])
    assert "Allergies: not recorded" in text and "Dr. Lee Park" in text
    HealthHistory(vault).save(Allergy(no_known=True))
    text = _text(summary_html(vault, "Jane Example", "2026-01-05")[0])
    assert "Allergies: No known allergies" in text and "not recorded" not in text
    HealthHistory(vault).save(Allergy(substance="Latex", reaction="Rash", status="resolved"))
    text = _text(summary_html(vault, "Jane Example", "2026-01-05")[0])  # a real allergy beats the statement
    assert "Latex (resolved) Rash" in text and "No known allergies" not in text


def test_a_member_without_the_medical_part_gets_no_history_rows(vault: Vault, vault_path: Path) -> None:
    add_history(vault)
    CarePlan(vault).save(Contact(name="Dr. Lee Park", role="medical-oncologist", phone="555-0100"))
    owner_text = _text(summary_html(vault, "Jane Example", "2026-01-05")[0])
    assert "Penicillin" in owner_text and "Lumpectomy" in owner_text
    member, _ = vault.add_person(
        "Sam", "son", ["care"], passphrase=MEMBER_PASSPHRASE, work_factor=TEST_WORK_FACTOR
    )
    vault.close()
    with Vault.open(vault_path, MEMBER_PASSPHRASE, person_id=member.id) as sam:
        text = _text(summary_html(sam, "Jane Example", "2026-01-05")[0])
    assert "Dr. Lee Park" in text
    for hidden in (
        "Penicillin",
        "Lumpectomy",
        "Left breast",
        "Hypothyroidism",
        "Influenza",
        "Allergies",
        "Care received",
        "Immunizations",
    ):
        assert hidden not in text, hidden


def test_the_summary_in_the_packet_pdf(qapp, tmp_path: Path) -> None:
    """The demo vault with a health history: the summary's pages as a reader sees them (PNGs to look at)."""
    from mbc_vault.demo import create_demo_vault
    from mbc_vault.packet import Cover, PacketChoices, build_packet, default_document_ids

    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=12)
    with vault:
        add_history(vault)
        out = tmp_path / "packet.pdf"
        ids = default_document_ids(vault)[:1]
        result = build_packet(vault, PacketChoices(cover=Cover(), document_ids=ids), out)
    summary = next(s for s in result.sections if s.kind == "summary")
    text = " ".join(" ".join(page_text(out, summary.first_page + n) for n in range(summary.pages)).split())
    for expected in (
        "Care received",
        "letrozole + palbociclib",
        "Lumpectomy (left)",
        "42.56 Gy in 16 fractions",
        "Penicillin",
        "Hypothyroidism",
        "Shingles (recombinant)",
    ):
        assert expected in text, expected
    assert (
        text.index("Lumpectomy (left)") < text.index("letrozole + palbociclib") < text.index("Port placement")
    )
    SHOTS.mkdir(exist_ok=True)
    for n in range(summary.pages):
        render_png(out, summary.first_page + n, SHOTS / f"packet-summary-history-{n + 1}.png", scale=1.4)


# ------------------------------------------------------------------ headings kept with what follows
def _images_on(path: Path, page: int) -> int:
    """How many pictures *page* (1-based) draws (the tumor-marker charts)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        return sum(1 for o in pdf[page - 1].get_objects() if o.type == pdfium_raw.FPDF_PAGEOBJ_IMAGE)
    finally:
        pdf.close()


@pytest.mark.qt  # paints the pages with QtGui
def test_the_tumor_markers_heading_goes_to_the_next_page_with_its_chart(
    qapp, vault: Vault, tmp_path: Path
) -> None:
    """Conditions added one by one until the chart no longer fits on the first page: its heading goes to
    the next page with it (Qt alone left the heading at the foot of the first page), and nothing after
    them is lost."""
    from mbc_vault.cancer.models import LabValue
    from mbc_vault.render.typeset import html_pdf

    cancer = CancerRecord(vault)
    for date, value in (("2025-01-06", 31), ("2025-02-03", 44), ("2025-03-03", 58)):
        cancer.save(LabValue(date=date, test="CA 15-3", value=value, unit="U/mL"))
    CarePlan(vault).save(Contact(name="Dr. Lee Park", role="medical-oncologist", phone="555-0100"))
    history, out = HealthHistory(vault), tmp_path / "summary.pdf"
    for n in range(1, 61):
        history.save(Condition(name=f"Condition {n}, a fictional one of long standing", onset="2010-01-01"))
        markup, images = summary_html(vault, "Jane Example", "2026-01-05")
        out.write_bytes(html_pdf(markup, page_size="Letter", base_point_size=9.5, images=images)[0])
        if _images_on(out, 1) == 0:
            break
    first, second = page_text(out, 1), " ".join(page_text(out, 2).split())
    assert f"Condition {n}, a fictional" in first and "Tumor markers" not in first
    assert second.startswith("Tumor markers") and _images_on(out, 2) == 1
    assert "Care team Who Where How to reach Dr. Lee Park" in second
    SHOTS.mkdir(exist_ok=True)
    for page in (1, 2):
        render_png(out, page, SHOTS / f"packet-summary-markers-heading-{page}.png")


TABLE_PART = (
    "<h2>Care received</h2><p>Systemic treatment, surgery and radiation, oldest first.</p>"
    "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
    "<thead><tr><th>Dates</th><th>Kind</th></tr></thead>"
    + "".join(f"<tr><td>Row {n} date</td><td>Radiation</td></tr>" for n in range(1, 4))
    + "</table>"
)
CHART_PART = "<h2>Tumor markers</h2><p><img src='chart0.png' width='610'></p>"


@pytest.mark.qt  # paints the pages with QtGui
@pytest.mark.parametrize(
    "part, heading, befores",
    [
        (TABLE_PART, "Care received", range(20, 40)),
        # more before: the heading is past what Qt lays out at first (it loses blocks moved there early)
        (CHART_PART, "Tumor markers", range(45, 65)),
    ],
    ids=["table", "chart"],
)
def test_a_heading_shares_its_page_with_what_it_heads(
    qapp, tmp_path: Path, part: str, heading: str, befores: range
) -> None:
    """Wherever the page's foot falls (more and more paragraphs before), the heading is on the page of
    the table's first row under its header (through the one-line lead-in) or of the chart, on that page
    only, and nothing after them is lost."""
    from PySide6.QtGui import QColor, QImage

    from mbc_vault.render.typeset import html_pdf

    chart = QImage(1500, 750, QImage.Format.Format_RGB32)
    chart.fill(QColor("white"))
    moved, out = 0, tmp_path / "part.pdf"
    for before in befores:
        lead = "".join(f"<p>Paragraph {n}, one line of words before the part.</p>" for n in range(before))
        data, pages = html_pdf(
            lead + part + "<h2>Care team</h2><p>Dr. Lee Park</p>", images={"chart0.png": chart}
        )
        out.write_bytes(data)
        texts = [" ".join(page_text(out, page).split()) for page in range(1, pages + 1)]
        holding = [page for page, text in enumerate(texts) if heading in text]
        assert len(holding) == 1, (before, holding)
        if part is TABLE_PART:
            assert "Row 1 date" in texts[holding[0]], before
        else:
            assert _images_on(out, holding[0] + 1) == 1, before
        # spaces left out: PDFium reads some lines of Qt's with their letters apart
        assert "".join("".join(texts).split()).endswith("CareteamDr.LeePark"), before
        moved += texts[holding[0]].startswith(heading) and holding[0] > 0
    assert moved  # some of them went to the top of the next page


@pytest.mark.qt  # paints the pages with QtGui
def test_a_table_that_runs_onto_the_next_page_repeats_its_header(qapp, vault: Vault, tmp_path: Path) -> None:
    """Sixty current medications: the table goes on over the next pages, each of them starting with its
    header row (Qt repeats the rows of a table's <thead> on every page it reaches)."""
    from mbc_vault.cancer.models import Medication
    from mbc_vault.render.typeset import html_pdf

    cancer = CancerRecord(vault)
    for n in range(1, 61):
        cancer.save(
            Medication(
                name=f"Fictional drug {n:02d}", dose="10 mg", schedule="once a day", start="2025-01-06"
            )
        )
    markup, images = summary_html(vault, "Jane Example", "2026-01-05")
    data, pages = html_pdf(markup, page_size="Letter", images=images)
    out = tmp_path / "summary.pdf"
    out.write_bytes(data)
    # spaces left out: PDFium reads some lines of Qt's with their letters apart
    texts = ["".join(page_text(out, page).split()) for page in range(1, pages + 1)]
    assert pages >= 2 and "Fictionaldrug60" not in texts[0]
    header = "NameDoseWhenForSince"
    assert texts[0].count(header) == 1
    for text in texts[1:]:
        if "Fictionaldrug" in text:
            assert text.startswith(header + "Fictionaldrug"), text[:80]
    assert sum(text.count("Fictionaldrug") for text in texts) == 60  # no row lost or drawn twice
    SHOTS.mkdir(exist_ok=True)
    for page in range(1, pages + 1):
        render_png(out, page, SHOTS / f"packet-summary-long-table-{page}.png")


def _rows(sizes: list[int]) -> str:
    """Table rows of *sizes* lines each: its date in the first cell, its end in the last words."""
    return "".join(
        f"<tr><td>Row {n} date</td><td>Surgery</td><td>"
        + "<br>".join(f"Line {k} of the notes of row {n}" for k in range(1, lines))
        + f" Row {n} end</td></tr>"
        for n, lines in enumerate(sizes, start=1)
    )


def _table(rows: str) -> str:
    return (
        "<h2>Care received</h2><p>Systemic treatment, surgery and radiation, oldest first.</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        "<thead><tr><th>Dates</th><th>Kind</th><th>Notes</th></tr></thead>" + rows + "</table>"
        "<h2>Care team</h2><p>Dr. Lee Park</p>"
    )


def _pages_of(tmp_path: Path, markup: str) -> list[str]:
    from mbc_vault.render.typeset import html_pdf

    data, pages = html_pdf(markup)
    out = tmp_path / "rows.pdf"
    out.write_bytes(data)
    return [" ".join(page_text(out, page).split()) for page in range(1, pages + 1)]


def _page_with(texts: list[str], words: str) -> int:
    holding = [page for page, text in enumerate(texts) if words in text]
    assert len(holding) == 1, (words, holding)
    return holding[0]


@pytest.mark.qt  # paints the pages with QtGui
def test_a_table_row_is_not_split_by_a_page_break(qapp, tmp_path: Path) -> None:
    """Rows of one to seven lines, with more and more paragraphs before them so the page's foot falls
    everywhere in a row: each row's date and its last words are on one page (a split row left its
    date on one page and the rest of its notes on the next, under the repeated header), and nothing
    is lost."""
    sizes = [1 + (n * 3) % 7 for n in range(28)]
    moved_to_top = 0
    for before in range(0, 14):
        lead = "".join(f"<p>Paragraph {n}, one line of words before the table.</p>" for n in range(before))
        texts = _pages_of(tmp_path, lead + _table(_rows(sizes)))
        for n in range(1, len(sizes) + 1):
            assert _page_with(texts, f"Row {n} date") == _page_with(texts, f"Row {n} end"), (before, n)
        moved_to_top += sum(text.startswith("Dates Kind Notes Row") for text in texts[1:])
        assert "".join(texts).endswith("Care team Dr. Lee Park"), before
    assert moved_to_top  # rows went on after the repeated header


@pytest.mark.qt  # paints the pages with QtGui
def test_a_tables_first_row_takes_its_heading_along_and_a_row_taller_than_half_a_page_still_splits(
    qapp, tmp_path: Path
) -> None:
    """The first row under the header would split: the table goes to the next page with its heading
    and lead-in (or alone, without them). A row of 70 lines cannot be kept whole: it goes on over the
    page, every line of it printed once, in order."""
    moved = 0
    for before in range(18, 30):
        lead = "".join(f"<p>Paragraph {n}, one line of words before the table.</p>" for n in range(before))
        texts = _pages_of(tmp_path, lead + _table(_rows([9, 2])))
        heading = _page_with(texts, "Care received")
        assert heading == _page_with(texts, "Row 1 date") == _page_with(texts, "Row 1 end"), before
        assert _page_with(texts, "Paragraph 0,") == 0
        moved += heading > 0
        headless = _table(_rows([9, 2])).split("</p>", 1)[1]  # no heading, no lead-in: the table alone
        texts = _pages_of(tmp_path, lead + headless)
        assert _page_with(texts, "Row 1 date") == _page_with(texts, "Row 1 end"), before
    assert moved
    texts = _pages_of(tmp_path, _table(_rows([2, 70, 2])))
    assert _page_with(texts, "Row 2 date") < _page_with(texts, "Row 2 end")
    notes = " ".join(texts)
    places = [notes.index(f"Line {k} of the notes of row 2 ") for k in range(1, 70)]
    assert places == sorted(places)
    assert all(notes.count(f"Line {k} of the notes of row 2 ") == 1 for k in range(1, 70))
    assert notes.endswith("Care team Dr. Lee Park")


VARIED = ["a long paragraph", "the notes, written small", "words", "what the doctor said at the visit", "it"]


@pytest.mark.qt  # paints the pages with QtGui
@pytest.mark.parametrize(
    "markup",
    [
        # the words vary from line to line: lines with their spaces at the same places are what PDFium
        # reads as letters apart (mbc_vault.pdf.reading.letters_apart; not this test's subject)
        "<p>" + "<br>".join(f"Line {k} of {VARIED[k % 5]}" for k in range(1, 121)) + "</p>",
        "<p>" + " ".join(f"Sentence {k} of a paragraph that wraps." for k in range(1, 400)) + "</p>",
        "<ul><li>"
        + "<br>".join(f"Line {k} of {VARIED[k % 5]}" for k in range(1, 121))
        + "</li><li>After</li></ul>",
    ],
    ids=["lines", "wrapped", "list-item"],
)
def test_a_paragraph_over_a_page_break_is_printed_once_in_order(qapp, tmp_path: Path, markup: str) -> None:
    """Qt drew the line at the foot of a page again on the next page, out of sight but in its text
    (QTextLayout::draw starts one line above the area it is asked for). Each paragraph that goes on
    over a page break is parted there, so every line is in the text once, on its page, in order; a
    list item's rest gets no bullet of its own (the item after it is still the list's second)."""
    from PySide6.QtGui import QTextDocument

    from mbc_vault.render.paginate import split_blocks_at_page_breaks

    texts = _pages_of(tmp_path, markup)
    assert len(texts) >= 2
    words = re.findall(r"(?:Line|Sentence) \d+ of", " ".join(texts))
    numbers = [int(word.split()[1]) for word in words]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) in (120, 399)
    document = QTextDocument()
    document.setHtml(markup)
    document.setPageSize(document.pageSize().__class__(600, 800))
    before = [block.textList() is not None for block in _blocks(document)].count(True)
    parted = split_blocks_at_page_breaks(document)
    assert parted >= 1
    items = [block for block in _blocks(document) if block.textList() is not None]
    assert len(items) == before  # the parts after a page break are not items of their own


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


@pytest.fixture
def dob_vault(vault: Vault, vault_path: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """A vault with the date of birth recorded and one document; the CLI's packet command for it."""
    from pdfmaker import text_pdf

    HealthHistory(vault).save(PatientDetails(date_of_birth=DOB))
    source = text_pdf(tmp_path / "path.pdf", [["Pathology report walrus"]])
    doc = vault.add_document(source, category="pathology-report", title="Pathology").id
    vault.close()
    (tmp_path / "pp").write_text(PASSPHRASE + "\n")
    exe = str(Path(sys.executable).parent / "mbc-vault")
    base = [exe, "packet", str(vault_path), "--passphrase-file", str(tmp_path / "pp"), "--include", doc]
    return tmp_path, base


def _packet(base: list[str], out: Path, *extra: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [*base, "--out", str(out), *extra], capture_output=True, text=True, env=env, timeout=180
    )
    assert done.returncode == 0, done.stderr
    return [" ".join(page_text(out, n).split()) for n in range(1, page_count(out) + 1)]


@pytest.mark.qt  # the CLI paints the packet's pages with QtGui
def test_the_recorded_date_of_birth_is_on_the_cover_and_every_footer(
    dob_vault: tuple[Path, list[str]],
) -> None:
    folder, base = dob_vault
    pages = _packet(base, folder / "p.pdf")
    assert len(pages) >= 3
    assert f"Date of birth {DOB}" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"DOB {DOB}" in text and f"page {number} of {len(pages)}" in text, (number, text)


@pytest.mark.qt  # the CLI paints the packet's pages with QtGui
def test_dob_given_on_the_command_line_wins(dob_vault: tuple[Path, list[str]]) -> None:
    folder, base = dob_vault
    pages = _packet(base, folder / "given.pdf", "--dob", "1961-07-01")
    assert "Date of birth 1961-07-01" in pages[0]
    assert all("DOB 1961-07-01" in text and DOB not in text for text in pages)


@pytest.mark.qt  # the CLI paints the packet's pages with QtGui
def test_no_footer_still_means_no_footer(dob_vault: tuple[Path, list[str]]) -> None:
    folder, base = dob_vault
    pages = _packet(base, folder / "bare.pdf", "--no-footer")
    assert f"Date of birth {DOB}" in pages[0]  # the cover still has it
    assert all("DOB" not in text and "page 1 of" not in text for text in pages)
