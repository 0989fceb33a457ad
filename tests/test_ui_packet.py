"""The second-opinion packet wizard, driven on the demo vault (pytest-qt, offscreen)."""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import TEST_WORK_FACTOR
from pdfcheck import all_text, page_count
from pdfmaker import text_pdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mbc_vault.cancer.models import Biopsy, TreatmentLine
from mbc_vault.cancer.store import CancerRecord
from mbc_vault.demo import create_demo_vault
from mbc_vault.history.models import Allergy, Procedure, RadiationCourse
from mbc_vault.history.store import HealthHistory
from mbc_vault.vault import Vault
from ui.main_window import MainWindow
from ui.packet.build import BuildPage
from ui.packet.checklist import ChecklistItem, build_checklist
from ui.packet.wizard import PacketWizard

MEMBER_PASSPHRASE = "a member's long fictional passphrase"


@pytest.fixture
def window(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The main window (conftest) with the demo vault open."""
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=10)
    window.enter_vault(vault)
    return window


def open_wizard(window: MainWindow) -> PacketWizard:
    assert window.packet_action.isEnabled()
    assert window.packet_action.shortcut().toString() == "Ctrl+Shift+P"
    window.packet_action.trigger()
    wizard = window.packet_wizard
    assert isinstance(wizard, PacketWizard) and wizard.isVisible()
    return wizard


def go_to_build(wizard: PacketWizard) -> BuildPage:
    while wizard.currentPage() is not wizard.build_page:
        before = wizard.currentPage()
        wizard.next()
        assert wizard.currentPage() is not before, "a page refused to go on"
    return wizard.build_page


def build(qtbot, page: BuildPage, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Build (into memory), look it over, then save where the person chooses."""
    monkeypatch.setattr(page, "ask_save_path", lambda: str(out))
    assert page.build_btn.isEnabled() and not page.save_btn.isEnabled()
    qtbot.mouseClick(page.build_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.worker is None, timeout=60_000)
    if page.result is not None:
        assert not out.exists(), "nothing is saved before the person says so"
        pages = page.result.pages
        qtbot.waitUntil(lambda: page.preview_page_count() == pages, timeout=60_000)  # looked over first
        qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
        assert out.exists() and page.saved_path == str(out)


def pdf_pages(path: Path, password: str | None = None) -> int:
    return page_count(path, password)


def test_menu_action_only_when_unlocked(window: MainWindow) -> None:
    assert window.packet_action.isEnabled()
    window.lock()
    assert not window.packet_action.isEnabled()


def test_checklist_ticks_and_warnings(qtbot, window: MainWindow) -> None:
    page = open_wizard(window).checklist_page
    found = {item.key: item.found for item in page.items}
    recent = {item.key: item.recent for item in page.items}
    assert found["pathology"] and found["plan"] and found["summary"] and found["medications"]
    # the demo's scans and labs are in the vault (and in the packet), but old; it has no genomic test
    assert found["imaging"] and found["labs"] and not found["genomic"]
    assert not recent["imaging"] and not recent["labs"]
    rows = {page.checklist.item(i).data(Qt.ItemDataRole.UserRole): page.checklist.item(i) for i in range(11)}
    assert all(row.data(Qt.ItemDataRole.CheckStateRole) is None for row in rows.values())  # no checkboxes
    assert rows["imaging"].text().startswith("Imaging reports (in the vault, but not recent): newest from")
    assert rows["genomic"].text().startswith("Genomic tests (missing): ")
    assert rows["pathology"].text().startswith("Pathology reports (in the vault): ")
    # the demo's three lines of treatment are its care so far; it records no allergies
    assert rows["care"].text() == "Care received so far (in the vault): 3 lines of treatment"
    assert rows["allergies"].text().startswith("Allergies (missing): ")
    warnings = page.warning_texts()
    assert any("No imaging report from the last 3 months" in w for w in warnings)
    assert any("No lab results from the last month" in w for w in warnings)
    assert not any("metastatic biopsy" in w for w in warnings)  # the liver biopsy has its report
    assert "No allergies recorded: add them, or say there are none, under “Health history”." in warnings
    assert page.checklist.count() == 11 and page.warnings.isVisible()
    assert "English" in page.reminder.text() and "disc" in page.reminder.text()
    # a bone biopsy with no linked pathology report
    CancerRecord(window.session.vault).save(
        Biopsy(date="2026-01-10", site="bone", er_status="positive", er_percent=50)
    )
    page.refresh()
    assert any(
        "No pathology report from the metastatic biopsy (bone, 2026-01-10)" in w for w in page.warning_texts()
    )


def test_the_checklist_reads_the_health_history(vault: Vault, vault_path: Path) -> None:
    """Care received counts lines, surgeries and radiation; allergies are found when recorded or stated as
    none; someone without the medical part gets neither row."""

    def items() -> dict[str, ChecklistItem]:
        return {item.key: item for item in build_checklist(vault)}

    found = items()
    assert not found["care"].found and found["care"].optional and not found["care"].warning
    assert not found["allergies"].found and found["allergies"].warning.startswith("No allergies recorded")
    history = HealthHistory(vault)
    history.save(Allergy(no_known=True))
    found = items()
    assert found["allergies"].found and found["allergies"].detail == "no known allergies"
    assert not found["allergies"].warning
    history.save(Allergy(substance="Penicillin", reaction="Hives"))
    assert items()["allergies"].detail == "1 in the vault"
    history.save(RadiationCourse(site="Left breast", total_dose_gy=40, fractions=15, start="2019-04-22"))
    assert items()["care"].found and items()["care"].detail == "1 radiation course"
    for number in (1, 2, 3):
        CancerRecord(vault).save(
            TreatmentLine(line_number=number, drugs=[f"drug {number}"], start=f"202{number}-01-01")
        )
    history.save(Procedure(date="2019-03-12", name="Lumpectomy", side="left"))
    assert items()["care"].detail == "3 lines of treatment, 1 surgery, 1 radiation course"
    member, _ = vault.add_person(
        "Sam", "son", ["care"], passphrase=MEMBER_PASSPHRASE, work_factor=TEST_WORK_FACTOR
    )
    vault.close()
    with Vault.open(vault_path, MEMBER_PASSPHRASE, person_id=member.id) as sam:
        keys = [item.key for item in build_checklist(sam)]
    assert "care" not in keys and "allergies" not in keys and "medications" in keys


@pytest.mark.parametrize("territory, size", [("MX", "Letter"), ("US", "Letter"), ("ES", "A4")])
def test_the_page_size_follows_the_computers_territory(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, territory: str, size: str
) -> None:
    """As the command line does (test_packet): Letter in Mexico even in Spanish, A4 in Spain."""
    monkeypatch.setattr("ui.packet.pages.system_territory", lambda: territory)
    wizard = open_wizard(window)
    assert wizard.options_page.page_size_combo.currentData() == size
    wizard.reject()


def test_documents_reorder_remove_add(qtbot, window: MainWindow) -> None:
    wizard = open_wizard(window)
    wizard.next()
    page = wizard.documents_page
    ids = page.document_ids()
    assert len(ids) == 6  # the demo's second-opinion set: pathology, plan, imaging, labs
    page.chosen.setCurrentRow(0)
    qtbot.mouseClick(page.down_btn, Qt.MouseButton.LeftButton)
    assert page.document_ids() == [ids[1], ids[0], *ids[2:]]
    qtbot.mouseClick(page.up_btn, Qt.MouseButton.LeftButton)
    assert page.document_ids() == ids
    page.chosen.setFocus()
    page.chosen.setCurrentRow(2)
    qtbot.keyClick(page.chosen, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.document_ids() == [*ids[:2], ids[3], ids[2], *ids[4:]]
    qtbot.mouseClick(page.up_btn, Qt.MouseButton.LeftButton)
    page.chosen.setCurrentRow(5)
    qtbot.mouseClick(page.remove_btn, Qt.MouseButton.LeftButton)
    assert page.document_ids() == ids[:5]
    assert page.available.count() == 3  # the removed one and the two legal papers
    page.filter_edit.setText("will")
    visible = [
        page.available.item(i) for i in range(page.available.count()) if not page.available.item(i).isHidden()
    ]
    assert [i.text().split(" (")[0] for i in visible] == ["Last will and testament"]
    page.available.setCurrentItem(visible[0])
    qtbot.mouseClick(page.add_btn, Qt.MouseButton.LeftButton)
    assert len(page.document_ids()) == 6 and "will" in page.chosen.item(5).text()


def test_cover_build_preview_and_save(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = open_wizard(window)
    cover = wizard.cover_page
    assert cover.name_edit.text() == window.session.vault.person.name
    assert cover.oncologist_combo.currentText().startswith("Dr. Ada Fictional")
    cover.dob_edit.setText("1971-04-31")
    wizard.next(), wizard.next()
    assert wizard.currentPage() is cover
    wizard.next()
    assert wizard.currentPage() is cover and "year-month-day" in cover.error.text()
    cover.dob_edit.setText("1971-04-02")
    cover.contact_edit.setText("555-0142")
    cover.center_edit.setText("Example University Cancer Institute")
    cover.doctor_edit.setText("Dr. Rosa Second")
    cover.reason_edit.setPlainText("Progression on first-line treatment")
    cover.question1_edit.setText("What should come next for me?")
    made = wizard.choices().cover
    assert (made.doctor, made.center, made.date_of_birth, made.questions) == (
        "Dr. Rosa Second",
        "Example University Cancer Institute",
        "1971-04-02",
        ["What should come next for me?"],
    )
    wizard.options_page.add_material("Pathology blocks", "Example Regional pathology", "2026-11-20", "1Z999")
    page = go_to_build(wizard)
    assert "Dr. Rosa Second" in page.summary.text() and page.plain_warning.isVisible()
    steps: list[tuple[int, int, str]] = []
    out = tmp_path / "out" / "packet.pdf"
    out.parent.mkdir()

    original = page._progress
    monkeypatch.setattr(
        page, "_progress", lambda d, t, stage, it: (steps.append((d, t, stage)), original(d, t, stage, it))
    )
    build(qtbot, page, out, monkeypatch)
    assert page.result is not None, page.message.text()
    assert steps and steps[-1][0] == steps[-1][1]  # progress went to the end
    assert out.exists() and list(out.parent.iterdir()) == [out]
    pages = pdf_pages(out)
    assert pages == page.result.pages == page.preview_page_count()
    text = all_text(out)
    assert "Dr. Rosa Second" in text and "Pathology blocks" in text and "1971-04-02" in text
    assert "Saved as" in page.message.text() and "not encrypted" in page.message.text()
    assert window.session.vault.entries("packet")  # the packet is recorded in the vault
    assert page._data is not None and out.read_bytes() == page._data  # saved from memory as built
    wizard.accept()
    assert page.preview.page_count() == 0  # the decrypted packet is dropped on close
    assert page.preview.previewer.pid is None  # and the preview's worker has ended
    assert page._data is None  # and so is the copy in memory


def test_the_review_says_what_is_true_and_the_name_suits_every_system(qtbot, window: MainWindow) -> None:
    """Built in memory, saved only where the person chooses: "build again" replaces no file; a center's
    name with ":" or "/" still makes a file name Windows takes."""
    wizard = open_wizard(window)
    wizard.cover_page.center_edit.setText("Example Center: Breast/Oncology")
    wizard.cover_page.date_edit.setText("2026-12-01")
    page = go_to_build(wizard)
    assert (
        page.default_file_name() == "Second opinion packet - Example Center- Breast-Oncology - 2026-12-01.pdf"
    )
    qtbot.mouseClick(page.build_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.worker is None, timeout=60_000)
    assert page.result is not None, page.message.text()
    text = page.message.text()
    assert "nothing is written until you save" in text and "the file is replaced" not in text
    wizard.reject()


def test_cancel_during_build_leaves_nothing(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.packet.build as packet_build

    real = packet_build.build_packet_bytes
    waited = threading.Event()

    def slow_build(vault, choices, progress=None, cancel=None):  # type: ignore[no-untyped-def]
        progress(0, 10, "packet-document", "Report")
        waited.set()
        assert cancel.wait(20)  # until the person presses Cancel
        return real(vault, choices, progress, cancel)

    monkeypatch.setattr(packet_build, "build_packet_bytes", slow_build)
    page = go_to_build(open_wizard(window))
    out = tmp_path / "out" / "packet.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(page, "ask_save_path", lambda: str(out))
    qtbot.mouseClick(page.build_btn, Qt.MouseButton.LeftButton)
    assert page.progress_box.isVisible() and page.cancel_btn.isEnabled() and not page.build_btn.isEnabled()
    assert not page.isComplete()  # Close waits for the build
    qtbot.waitUntil(waited.is_set, timeout=10_000)
    qtbot.mouseClick(page.cancel_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.worker is None, timeout=20_000)
    assert "Nothing was saved" in page.message.text()
    assert list(out.parent.iterdir()) == [] and page.result is None
    assert not window.session.vault.entries("packet")


def test_password_protected_packet(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = open_wizard(window)
    options = wizard.options_page
    options.password_edit.setText("blue heron 42")
    options.password_again_edit.setText("blue heron 4")
    wizard.next(), wizard.next(), wizard.next()
    assert wizard.currentPage() is options
    wizard.next()
    assert wizard.currentPage() is options and "not the same" in options.error.text()
    options.password_edit.setText("blue heron 42")
    options.password_again_edit.setText("blue heron 42")
    page = go_to_build(wizard)
    assert not page.plain_warning.isVisible() and "AES-256" in page.summary.text()
    out = tmp_path / "locked.pdf"
    build(qtbot, page, out, monkeypatch)
    assert page.result is not None and page.result.encrypted, page.message.text()
    assert pdf_pages(out, "blue heron 42") == page.result.pages == page.preview_page_count()
    with pytest.raises(pdfium.PdfiumError):
        pdf_pages(out)
    assert "only with the password" in page.message.text()


def test_damaged_document_leave_out_or_stop(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n")
    window.session.vault.add_document(damaged, category="lab-result", title="Damaged labs", date="2026-11-01")
    wizard = open_wizard(window)
    assert any(
        "Damaged labs" in wizard.documents_page.chosen.item(i).text()
        for i in range(wizard.documents_page.chosen.count())
    )
    page = go_to_build(wizard)
    out = tmp_path / "packet.pdf"
    build(qtbot, page, out, monkeypatch)
    assert page.problems_box.isVisible() and page.result is None
    assert page.problems_list.count() == 1 and "Damaged labs" in page.problems_list.item(0).text()
    assert not out.exists()
    qtbot.mouseClick(page.stop_btn, Qt.MouseButton.LeftButton)
    assert (
        not page.problems_box.isVisible() and not out.exists() and "Nothing was saved" in page.message.text()
    )
    qtbot.mouseClick(page.build_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.worker is None and page.problems_box.isVisible(), timeout=60_000)
    qtbot.mouseClick(page.leave_out_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.worker is None and page.result is not None, timeout=60_000)
    assert not out.exists()
    qtbot.mouseClick(page.save_btn, Qt.MouseButton.LeftButton)
    assert [p.title for p in page.result.left_out] == ["Damaged labs"]
    assert "Left out" in page.message.text() and pdf_pages(out) == page.result.pages
    assert "Damaged labs" not in all_text(out)  # the enclosed list matches what is inside


def test_lock_closes_the_wizard(qtbot, window: MainWindow) -> None:
    wizard = open_wizard(window)
    window.lock()
    assert not wizard.isVisible()
    QApplication.processEvents()


def _files_holding(roots: list[Path], secret: bytes, but: set[Path]) -> list[Path]:
    found = []
    for root in roots:
        for path in [root] if root.is_file() else root.rglob("*"):
            if path.is_file() and not path.is_symlink() and path not in but:
                try:
                    if secret in path.read_bytes():
                        found.append(path)
                except OSError:  # another user's file in /dev/shm
                    pass
    return found


def test_no_plaintext_reaches_disk_on_the_apps_path(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built, looked over and saved the way the app does it (in memory on every platform): the only
    file that holds a document's text is the one the person saved. TMPDIR, HOME and XDG_RUNTIME_DIR are
    fresh folders (the PDF worker starts with them too); everything under tmp_path is searched (the
    vault, its cache, the settings, those folders, the output folder), and what /dev/shm gained."""
    import tempfile

    secret = b"Zephyrquill Marrowby biopsy"
    source = text_pdf(tmp_path / "source.pdf", [[secret.decode(), "Second line"], ["Page two"]])
    record = window.session.vault.add_document(
        source, category="pathology-report", title="Private pathology", date="2026-11-20"
    )
    source.unlink()  # the person's own copy outside the vault: not what is tested
    for name in ("TMPDIR", "HOME", "XDG_RUNTIME_DIR"):
        folder = tmp_path / f"fresh-{name.lower()}"
        folder.mkdir(mode=0o700)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # Python's temporary folder is looked up again
    shm = Path("/dev/shm")
    before = set(shm.iterdir()) if shm.is_dir() else set()
    wizard = open_wizard(window)
    assert record.id in wizard.documents_page.document_ids()
    page = go_to_build(wizard)
    out = tmp_path / "out" / "packet.pdf"
    out.parent.mkdir()
    build(qtbot, page, out, monkeypatch)
    assert page.result is not None, page.message.text()
    assert secret in out.read_bytes()  # the search below would find it (the text is not compressed)
    assert _files_holding([tmp_path], secret, but={out}) == []
    for _ in ("while the packet is held", "after the wizard closed"):
        gained = (set(shm.iterdir()) if shm.is_dir() else set()) - before
        assert _files_holding(sorted(gained), secret, but=set()) == []
        wizard.accept()


def test_a_very_large_packet_is_named_before_building(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """The usual set is small: no warning. With a 250-page document added, the build page warns and
    names it first among the biggest; Build stays possible (the person may go on anyway)."""
    wizard = open_wizard(window)
    page = go_to_build(wizard)
    assert page.size_warning.isHidden() and page.size_warning.text() == ""
    wizard.reject()
    vault = window.session.vault
    chart = text_pdf(tmp_path / "chart.pdf", [[f"Chart page {n}"] for n in range(250)])
    vault.add_document(chart, category="medical-other", title="Hospital chart 2019-2024", pages=250)
    wizard = open_wizard(window)
    wizard.next()
    documents = wizard.documents_page
    documents.filter_edit.setText("hospital chart")
    [item] = [
        documents.available.item(i)
        for i in range(documents.available.count())
        if not documents.available.item(i).isHidden()
    ]
    documents.available.setCurrentItem(item)
    qtbot.mouseClick(documents.add_btn, Qt.MouseButton.LeftButton)
    page = go_to_build(wizard)
    assert not page.size_warning.isHidden()
    text = page.size_warning.text()
    assert text.startswith("This packet is very large:") and "go back to step 2" in text
    assert text.split("The biggest documents: ")[1].startswith("“Hospital chart 2019-2024” (250 pages, ")
    assert page.build_btn.isEnabled()


def test_the_cover_page_starts_with_the_recorded_date_of_birth(qtbot, window: MainWindow) -> None:
    from mbc_vault.history.models import PatientDetails
    from mbc_vault.history.store import HealthHistory

    HealthHistory(window.session.vault).save(PatientDetails(date_of_birth="1961-03-14"))
    wizard = open_wizard(window)
    cover = wizard.cover_page
    assert cover.dob_edit.text() == "1961-03-14"
    cover.dob_edit.setText("1961-07-01")  # the field typed over wins
    assert wizard.choices().cover.date_of_birth == "1961-07-01"
    wizard.reject()
