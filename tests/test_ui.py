"""The desktop app, driven through its real dialogs and widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR
from pdfmaker import scan_pdf, text_pdf
from processes import children_when, fake_tesseract, gone
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from mbc_vault.vault import Vault
from ui.create_dialog import CreateVaultDialog
from ui.main_window import MainWindow

TIMEOUT = 20_000


def _create_vault_through_dialog(qtbot, win: MainWindow, folder: Path) -> Vault:
    dialog = CreateVaultDialog(folder, win)
    qtbot.addWidget(dialog)
    assert not dialog.create_btn.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Jane Example")
    qtbot.keyClicks(dialog.pass_edit, PASSPHRASE)
    assert "Strong" in dialog.strength.text()
    qtbot.keyClicks(dialog.again_edit, PASSPHRASE[:-1])
    assert not dialog.create_btn.isEnabled() and "differ" in dialog.match.text()
    qtbot.keyClicks(dialog.again_edit, PASSPHRASE[-1])
    assert dialog.create_btn.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.create_btn, Qt.MouseButton.LeftButton)
    assert dialog.vault is not None
    return dialog.vault


def _import(qtbot, win: MainWindow, paths: list[Path]):
    dialog = win.documents.import_paths([str(p) for p in paths])
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.import_btn.isEnabled(), timeout=TIMEOUT)
    qtbot.mouseClick(dialog.import_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    return dialog


def test_first_run_shows_the_three_choices(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    texts = [
        b.accessibleName()
        for b in (window.welcome.create_btn, window.welcome.open_btn, window.welcome.demo_btn)
    ]
    assert texts == ["Create my vault", "Open a vault someone shared with me", "Explore a demo vault"]
    assert window.who.text() == "Locked"


def test_create_import_search_preview_lock_unlock_restore(qtbot, window: MainWindow, tmp_path: Path) -> None:
    vault = _create_vault_through_dialog(qtbot, window, tmp_path / "vault")
    window.enter_vault(vault)
    assert window.who.text() == "Signed in as Jane Example · Unlocked"
    docs = tmp_path / "incoming"
    docs.mkdir()
    path_report = text_pdf(
        docs / "path.pdf",
        [["SURGICAL PATHOLOGY REPORT", "Date of service: 2024-05-20"], ["Comment: QUOKKAPLUME pattern seen"]],
    )
    ct_report = text_pdf(docs / "ct.pdf", [["RADIOLOGY REPORT CT CHEST", "Impression: stable"]])
    will = text_pdf(docs / "will.pdf", [["LAST WILL AND TESTAMENT", "Signed 2022-02-01"]])
    photo = DATA / "images/lab-report-photo.jpg"
    dialog = _import(qtbot, window, [path_report, ct_report, will, photo])
    assert dialog.report is not None and len(dialog.report.added) == 4, dialog.info.text()
    categories = {r.original_name: r.category for r in dialog.report.added}
    assert categories["path.pdf"] == "pathology-report" and categories["will.pdf"] == "will"
    dialog.accept()
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 4, timeout=TIMEOUT)

    # search a word that is only on page 2 of one PDF
    qtbot.waitUntil(lambda: window.session is not None and window.session.index is not None, timeout=TIMEOUT)
    window.go_to(window.documents)
    qtbot.keyClicks(window.documents.search_edit, "quokkaplume")
    qtbot.waitUntil(lambda: len(window.documents.results.hits) == 1, timeout=TIMEOUT)
    hit = window.documents.results.hits[0]
    assert hit.page == 2 and "QUOKKAPLUME" in hit.snippet
    window.documents.results.setCurrentRow(0)
    preview = window.documents.preview
    qtbot.waitUntil(lambda: preview.stack.currentWidget() is preview.page_view, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: preview.page_count() == 2, timeout=TIMEOUT)  # read in the preview's worker
    qtbot.waitUntil(lambda: preview.current_pdf_page() == 2, timeout=TIMEOUT)

    # a search without a word, then one that finds nothing: each says so, and the last hit's page goes
    window.documents.search_edit.setText("?!")
    qtbot.waitUntil(lambda: window.documents.results.message == "Type a word to search.", timeout=TIMEOUT)
    assert preview.stack.currentWidget() is preview.message and preview.page_count() == 0
    window.documents.search_edit.setText("wombatfeather")
    qtbot.waitUntil(
        lambda: "Nothing found for “wombatfeather”" in window.documents.results.message, timeout=TIMEOUT
    )
    window.documents.results.setCurrentRow(0)  # the line cannot be chosen
    assert preview.stack.currentWidget() is preview.message

    # trash with undo, then lock with Ctrl+L and unlock
    window.documents.search_edit.clear()
    qtbot.waitUntil(lambda: window.documents.left.currentWidget() is window.documents.table, timeout=TIMEOUT)
    window.documents.select_record(next(r.id for r in dialog.report.added if r.original_name == "ct.pdf"))
    qtbot.mouseClick(window.documents.remove_btn, Qt.MouseButton.LeftButton)
    assert window.documents.proxy.rowCount() == 3
    window.undo_stack.undo()
    assert window.documents.proxy.rowCount() == 4
    window.undo_stack.redo()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    window.lock_action.trigger()
    assert window.session is None
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.documents.model.rowCount() == 0
    assert preview.page_count() == 0 and preview.previewer.pid is None  # its pages and worker are gone
    assert window.who.text() == "Locked"

    qtbot.keyClicks(window.unlock_screen.pass_edit, "not my passphrase")
    qtbot.mouseClick(window.unlock_screen.unlock_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.unlock_screen.error.text() != "", timeout=TIMEOUT)
    assert window.unlock_screen.error.text() == "Wrong passphrase."
    window.unlock_screen.pass_edit.clear()
    qtbot.keyClicks(window.unlock_screen.pass_edit, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.pass_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session is not None, timeout=TIMEOUT)

    # restore from the trash view
    window.go_to(window.documents)
    qtbot.mouseClick(window.documents.trash_btn, Qt.MouseButton.LeftButton)
    assert window.documents.proxy.rowCount() == 1
    window.documents.table.selectRow(0)
    assert window.documents.restore_btn.isEnabled()
    qtbot.mouseClick(window.documents.restore_btn, Qt.MouseButton.LeftButton)
    assert window.documents.proxy.rowCount() == 0
    qtbot.mouseClick(window.documents.trash_btn, Qt.MouseButton.LeftButton)
    assert window.documents.proxy.rowCount() == 4
    assert window.session is not None and window.session.vault is not None
    assert window.session.vault.trash() == []


def test_bad_files_are_reported_and_the_batch_goes_on(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.enter_vault(Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR))
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    locked = DATA / "pdf-samples/005-libreoffice-writer-password/libreoffice-writer-password.pdf"
    good = text_pdf(tmp_path / "good.pdf", [["DISCHARGE SUMMARY", "Discharge date: 2025-01-09"]])
    dialog = _import(qtbot, window, [empty, locked, good, good.parent / "good.pdf"])
    report = dialog.report
    assert [r.original_name for r in report.added] == ["good.pdf"]
    text = dialog.info.text()
    assert "empty.pdf is empty" in text and "protected by a password" in text
    assert "Traceback" not in text
    dialog.accept()
    again = window.documents.import_paths([str(good)])  # said before importing, nothing to click
    assert again is not None
    qtbot.waitUntil(lambda: "Already in the vault: 1." in again.info.text(), timeout=TIMEOUT)
    assert again.table.rowCount() == 0 and not again.import_btn.isEnabled()
    again.accept()


def test_auto_lock_and_clipboard(qtbot, window: MainWindow, tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result", title="Fictional labs")
    window.settings.set_idle_minutes(10)
    window.enter_vault(vault)
    window.go_to(window.documents)
    window.documents.table.selectRow(0)
    window.copy_title()
    assert QGuiApplication.clipboard().text() == "Fictional labs"
    window.idle.set_interval_ms(300)
    window.idle.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=TIMEOUT)
    assert QGuiApplication.clipboard().text() == ""
    assert window.stack.currentWidget() is window.unlock_screen
    reason = window.unlock_screen.reason  # the unlock screen says why it locked
    assert reason.isVisible() and reason.text() == "Locked after 10 minutes without use."
    window.show_unlock(tmp_path / "v")  # chosen again: no reason left over
    assert not reason.isVisible()


def test_the_owner_unlock_screen_has_no_setup_code_hint(window: MainWindow, tmp_path: Path) -> None:
    """Once someone has unlocked this vault on this computer, the family member's setup-code hint
    is not shown to them; on a computer where nobody has, it is."""
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    vault.add_person("Sam", "son", ["legal"], work_factor=TEST_WORK_FACTOR)  # given a setup code
    owner = vault.person.id
    vault.close()
    window.show_unlock(tmp_path / "v")
    assert window.unlock_screen.code_hint.isVisible()
    window.settings.remember_person(tmp_path / "v", owner)
    window.show_unlock(tmp_path / "v")
    assert not window.unlock_screen.code_hint.isVisible()


def test_text_size_setting_scales_the_font(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    base = window._base_point_size
    window.apply_text_scale(200)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 2)
    window.apply_text_scale(100)
    assert QApplication.font().pointSizeF() == pytest.approx(base)


def test_scans_are_marked_and_ocr_makes_them_searchable(qtbot, window: MainWindow, tmp_path: Path) -> None:
    import shutil

    if shutil.which("tesseract") is None:
        pytest.fail("tesseract is not installed; `make test` installs tesseract-ocr")
    window.enter_vault(Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR))
    dialog = _import(qtbot, window, [DATA / "images/lab-report-photo.jpg"])
    dialog.accept()
    qtbot.waitUntil(lambda: window.session.index is not None, timeout=TIMEOUT)
    assert window.session.search("Reviewed") == []
    window.go_to(window.documents)
    window.documents.table.selectRow(0)
    preview = window.documents.preview
    qtbot.waitUntil(lambda: preview.ocr_bar.isVisible(), timeout=TIMEOUT)
    assert "No text (scan)" in preview.ocr_note.text() and preview.ocr_btn.isVisible()
    qtbot.mouseClick(preview.ocr_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.session.search("Reviewed")), timeout=60_000)
    hit = window.session.search("Reviewed")[0]
    assert hit.page == 1
    record_id = hit.record_id
    assert "LABORATORY" in window.session.vault.page_texts(record_id)[0].upper()


@pytest.mark.skipif(sys.platform == "win32", reason="the fake tesseract is a script with a #! line")
def test_stopping_or_locking_ends_text_recognition_and_its_processes(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Stop button, and locking the app, end the PDF worker and tesseract at once; the lock also
    ends the preview's own worker (which Stop leaves to show the next document), before it returns."""
    fake = fake_tesseract(tmp_path, monkeypatch)
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    scan = scan_pdf(tmp_path / "scan.pdf", DATA / "images/lab-report-photo.jpg", pages=2)
    vault.add_document(scan, category="lab-result", title="Labs", pages=2, page_texts=["", ""])
    window.enter_vault(vault)
    window.go_to(window.documents)
    preview = window.documents.preview
    for stop in ("button", "lock"):
        window.documents.table.selectRow(0)
        qtbot.waitUntil(lambda: preview.ocr_btn.isVisible() and preview.ocr_btn.isEnabled(), timeout=TIMEOUT)
        qtbot.mouseClick(preview.ocr_btn, Qt.MouseButton.LeftButton)
        children = children_when(str(fake))
        assert preview.ocr_stop_btn.isVisible() and not preview.ocr_btn.isVisible()
        if stop == "button":
            children = [c for c in children if c.pid != preview.previewer.pid]
            qtbot.mouseClick(preview.ocr_stop_btn, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: "cancelled" in preview.ocr_note.text(), timeout=TIMEOUT)
            qtbot.waitUntil(lambda children=children: all(gone(c) for c in children), timeout=TIMEOUT)
        else:
            window.lock()
            assert all(gone(c) for c in children)  # ended before the lock returned, the preview's too
    assert window.session is None


def test_records_show_who_added_and_changed_them(qtbot, window: MainWindow, tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    record = vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result", title="Labs")
    member, _ = vault.add_person(
        "Sam Helper",
        "son",
        ["medical"],
        can_edit=True,
        passphrase="sam's own passphrase",
        work_factor=TEST_WORK_FACTOR,
    )
    vault.close()
    with Vault.open(tmp_path / "v", "sam's own passphrase") as as_sam:
        as_sam.update_metadata(record.id, notes="Dr. asked for a copy")
    window.enter_vault(Vault.open(tmp_path / "v", PASSPHRASE))
    window.go_to(window.documents)
    window.documents.table.selectRow(0)
    index = window.documents.proxy.index(0, 0)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Added by Jane Example on" in tip and "last changed by Sam Helper on" in tip
    qtbot.waitUntil(lambda: "Sam Helper" in window.documents.preview.title.text(), timeout=TIMEOUT)


def test_the_first_steps_guide_opens_from_the_help_menu(qtbot, window: MainWindow) -> None:
    """The guide names the first things a patient does and fits the screen at 200 % text."""
    window.apply_text_scale(200)
    try:
        assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
        window.guide_action.trigger()
        guide = window.guide
        qtbot.addWidget(guide)
        assert guide.isVisible() and guide.windowTitle() == "First steps"
        text = guide.browser.toPlainText()
        for step in (
            "Import documents",
            "Find",
            "Appointments",
            "Second-opinion packet",
            "Add a person",
            "emergency kit",
        ):
            assert step in text, step
        screen = guide.screen().availableGeometry()
        assert guide.width() <= screen.width() and guide.height() <= screen.height()
        assert guide.browser.font().pointSizeF() >= 2 * window._base_point_size * 0.99  # 200 % text
        assert window.show_guide() is guide  # one guide, brought forward
        guide.reject()
    finally:
        window.apply_text_scale(100)
