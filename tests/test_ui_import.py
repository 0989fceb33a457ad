"""The import dialog says who will be able to see each file, and asks before a category change widens it
(pytest-qt, offscreen; the question is the real QMessageBox, answered as a person would click it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TEST_WORK_FACTOR
from dialogs import Questions
from pdfmaker import text_pdf
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QComboBox
from test_visibility import MARY_PASS, legal_documents, medical_documents

from mbc_vault.vault import Vault
from ui.app import setup_application
from ui.import_dialog import COL_CATEGORY, COL_FILE, COL_VISIBLE, ImportDialog
from ui.session import VaultSession

TIMEOUT = 20_000


@pytest.fixture
def session(vault: Vault) -> Iterator[VaultSession]:
    setup_application()
    vault.add_person(
        "Mary Example",
        "sister",
        ["legal"],
        can_edit=False,
        passphrase=MARY_PASS,
        work_factor=TEST_WORK_FACTOR,
    )
    s = VaultSession(vault)
    yield s
    QThreadPool.globalInstance().waitForDone(10_000)
    s.close()


@pytest.fixture
def dialog(qtbot, session: VaultSession, tmp_path: Path) -> ImportDialog:
    files = medical_documents(tmp_path / "in") + legal_documents(tmp_path / "in")
    files.append(text_pdf(tmp_path / "in" / "ct.pdf", [["CT CHEST WITH CONTRAST", "Impression: stable"]]))
    (tmp_path / "in" / "empty.pdf").write_bytes(b"")  # cannot be imported: nobody will see it
    files.append(tmp_path / "in" / "empty.pdf")
    dlg = ImportDialog(session, files)
    qtbot.addWidget(dlg)
    dlg.open()  # as DocumentsSection.import_paths does: the question then sits on top of a modal dialog
    qtbot.waitUntil(lambda: dlg.import_btn.isEnabled(), timeout=TIMEOUT)
    return dlg


def row_of(dialog: ImportDialog, name: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, COL_FILE).text() == name)


def combo(dialog: ImportDialog, name: str) -> QComboBox:
    return dialog.table.cellWidget(row_of(dialog, name), COL_CATEGORY)  # type: ignore[return-value]


def visible(dialog: ImportDialog, name: str) -> str:
    return dialog.table.item(row_of(dialog, name), COL_VISIBLE).text()


def choose(box: QComboBox, slug: str) -> None:
    """Pick a category (what choosing an entry of the list does: the current index changes)."""
    box.setCurrentIndex(box.findData(slug))


def test_each_file_says_who_can_see_it(dialog: ImportDialog) -> None:
    assert dialog.table.horizontalHeaderItem(COL_VISIBLE).text() == "Visible to"
    assert combo(dialog, "scan-0412.pdf").currentData() == "pathology-report"
    assert combo(dialog, "portal-export.pdf").currentData() == "medical-other"
    assert visible(dialog, "scan-0412.pdf") == "only you"
    assert visible(dialog, "portal-export.pdf") == "only you"
    assert visible(dialog, "ct.pdf") == "only you"
    assert visible(dialog, "document-7.pdf") == "you, Mary Example"
    assert visible(dialog, "insurance_policy_2025.pdf") == "you, Mary Example"
    item = dialog.table.item(row_of(dialog, "document-7.pdf"), COL_VISIBLE)
    assert item.toolTip() == "Visible to: you, Mary Example"
    assert "decides who can see it" in dialog.info.text()
    assert visible(dialog, "empty.pdf") == ""


def test_a_change_that_lets_more_people_see_a_file_asks_first(
    qtbot, dialog: ImportDialog, session: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = Questions(monkeypatch)
    seen = questions.seen
    pathology = combo(dialog, "scan-0412.pdf")

    questions.answer("Keep as it was")
    choose(pathology, "insurance")
    assert len(seen) == 1
    question = seen[0]
    assert question.windowTitle() == "Let more people see this file?"
    assert question.text() == "Let Mary Example see “scan-0412.pdf”?"
    assert question.informativeText() == (
        "Filed as “Insurance policy”, it will be visible to: you, Mary Example. "
        "Now it is visible to: only you. “Keep as it was” changes nothing."
    )
    assert question.defaultButton().text() == "Keep as it was"
    assert pathology.currentData() == "pathology-report"  # "no" undid the change
    assert visible(dialog, "scan-0412.pdf") == "only you"

    questions.answer("Change it and let them see it")
    choose(pathology, "will")
    assert len(seen) == 2 and pathology.currentData() == "will"
    assert visible(dialog, "scan-0412.pdf") == "you, Mary Example"

    # within the same part (nobody new) and back to a narrower one: no question
    choose(pathology, "insurance")
    choose(combo(dialog, "document-7.pdf"), "lab-result")
    assert len(seen) == 2
    assert visible(dialog, "document-7.pdf") == "only you"

    # many files at once: one question; "no" leaves every one of them as it was
    dialog.table.clearSelection()
    for name in ("portal-export.pdf", "ct.pdf", "insurance_policy_2025.pdf"):
        dialog.table.selectionModel().select(
            dialog.table.model().index(row_of(dialog, name), COL_FILE),
            dialog.table.selectionModel().SelectionFlag.Select,
        )
    dialog.bulk_category.setCurrentIndex(dialog.bulk_category.findData("power-of-attorney"))
    questions.answer("Keep as it was")
    qtbot.mouseClick(dialog.apply_btn, Qt.MouseButton.LeftButton)
    assert len(seen) == 3 and seen[2].windowTitle() == "Let more people see these files?"
    assert seen[2].text() == "Let Mary Example see these 2 files?"
    assert (
        seen[2]
        .informativeText()
        .startswith("Filed as “Power of attorney”, they will be visible to: you, Mary")
    )
    assert combo(dialog, "portal-export.pdf").currentData() == "medical-other"
    assert combo(dialog, "ct.pdf").currentData() == "imaging-report"
    assert combo(dialog, "insurance_policy_2025.pdf").currentData() == "insurance"

    # what is imported is what the table shows
    qtbot.mouseClick(dialog.import_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert session.vault is not None
    stored = {r.original_name: r.category for r in session.vault.records()}
    assert stored == {
        "scan-0412.pdf": "insurance",
        "portal-export.pdf": "medical-other",
        "document-7.pdf": "lab-result",
        "insurance_policy_2025.pdf": "insurance",
        "ct.pdf": "imaging-report",
    }


def test_changing_a_stored_records_category_asks_before_widening(
    qtbot, session: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Edit dialog's category change: the Documents section asks the same question first."""
    from PySide6.QtGui import QUndoStack

    from ui.sections.documents import DocumentsSection

    assert session.vault is not None
    record = session.vault.add_document(
        text_pdf(
            session.vault.path.parent / "biopsy.pdf",
            [["SURGICAL PATHOLOGY REPORT", "Liver biopsy, fictional"]],
        ),
        category="pathology-report",
        title="Liver biopsy",
    )
    section = DocumentsSection(QUndoStack())
    qtbot.addWidget(section)
    section.set_session(session)
    questions = Questions(monkeypatch)
    seen = questions.seen
    questions.answer("Keep as it was")
    assert section.confirm_widening(record, "will") is False
    assert seen[0].text() == "Let Mary Example see “Liver biopsy”?"
    assert seen[0].defaultButton().text() == "Keep as it was"
    questions.answer("Change it and let them see it")
    assert section.confirm_widening(record, "insurance") is True
    assert section.confirm_widening(record, "lab-result") is True  # the same part: nobody new, no question
    assert len(seen) == 2


def test_a_reimport_says_up_front_how_many_are_already_in_the_vault(
    qtbot, session: VaultSession, tmp_path: Path
) -> None:
    """After a crash the person imports the whole folder again: the files already stored get no row
    of their own, one line counts them, and only the new ones are imported."""
    vault = session.vault
    assert vault is not None
    folder = tmp_path / "again"
    folder.mkdir()
    files = [text_pdf(folder / f"note-{n}.pdf", [[f"PROGRESS NOTE {n} (fictional)"]]) for n in range(6)]
    for path in files[:4]:
        vault.add_document(path, category="clinical-note")
    dlg = ImportDialog(session, [folder])
    qtbot.addWidget(dlg)
    dlg.open()
    qtbot.waitUntil(lambda: dlg.import_btn.isEnabled(), timeout=TIMEOUT)
    assert dlg.info.text().startswith("Ready to import: 2 (4 already in the vault).")
    assert sorted(dlg.table.item(r, COL_FILE).text() for r in range(dlg.table.rowCount())) == [
        "note-4.pdf",
        "note-5.pdf",
    ]
    qtbot.mouseClick(dlg.import_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=TIMEOUT)
    assert dlg.report is not None and len(dlg.report.added) == 2 and not dlg.report.duplicates
    assert "already in the vault" not in dlg.info.text()  # no line each for the ones not imported again
    dlg.accept()


def test_copies_in_one_batch_are_counted_on_one_line(qtbot, session: VaultSession, tmp_path: Path) -> None:
    """Five copies of one document under different names: one is stored, the rest one line."""
    folder = tmp_path / "copies"
    folder.mkdir()
    first = text_pdf(folder / "copy-0.pdf", [["DISCHARGE SUMMARY (fictional)"]])
    for n in range(1, 5):
        (folder / f"copy-{n}.pdf").write_bytes(first.read_bytes())
    dlg = ImportDialog(session, [folder])
    qtbot.addWidget(dlg)
    dlg.open()
    qtbot.waitUntil(lambda: dlg.import_btn.isEnabled(), timeout=TIMEOUT)
    qtbot.mouseClick(dlg.import_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=TIMEOUT)
    assert dlg.report is not None and len(dlg.report.added) == 1 and len(dlg.report.duplicates) == 4
    assert dlg.info.text().splitlines() == [
        "Documents added: 1.",
        "Already in the vault, not stored twice: 4.",
    ]
    dlg.accept()


def test_imports_share_the_sessions_pdf_workers_and_none_outlives_the_lock(
    qtbot, window, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choosing files starts the session's PDF workers in the background; the import reads with them,
    a second import with the same processes; locking ends them before it returns."""
    import psutil
    from processes import gone

    folder = tmp_path / "in"
    folder.mkdir()
    first = [text_pdf(folder / f"note-{n}.pdf", [[f"PROGRESS NOTE {n} (fictional)"]]) for n in range(3)]
    second = [text_pdf(folder / f"lab-{n}.pdf", [[f"LAB RESULTS {n} (fictional)"]]) for n in range(3)]
    window.enter_vault(vault)
    session = window.session
    opened: list[ImportDialog] = []
    real_import_paths = window.documents.import_paths

    def import_paths(paths: list[str]) -> ImportDialog | None:
        dialog = real_import_paths(paths)
        assert dialog is not None
        opened.append(dialog)
        return dialog

    monkeypatch.setattr(window.documents, "import_paths", import_paths)
    early: list[int] = []

    def choose(*_: object) -> list[str]:
        """The person takes a moment to choose: the workers are running before the files are known."""
        qtbot.waitUntil(lambda: len(session.readers().pids()) == session.readers().count, timeout=TIMEOUT)
        early.extend(session.readers().pids())
        return [str(p) for p in first]

    monkeypatch.setattr("ui.sections.documents.open_files", choose)
    window.documents.choose_and_import()
    dialog = opened[-1]
    qtbot.waitUntil(lambda: dialog.import_btn.isEnabled(), timeout=TIMEOUT)
    pids = session.readers().pids()
    assert pids == early and dialog.table.rowCount() == 3
    with session.readers().borrow() as readers:
        assert readers is not None and all(r.worker.starts == 1 for r in readers)  # started once, early
    dialog.reject()
    again = window.documents.import_paths([str(p) for p in second])
    assert again is not None
    qtbot.waitUntil(lambda: again.import_btn.isEnabled(), timeout=TIMEOUT)
    assert again.table.rowCount() == 3 and session.readers().pids() == pids  # the same processes
    processes = [psutil.Process(pid) for pid in pids]
    QThreadPool.globalInstance().waitForDone(10_000)
    window.lock()
    assert window.session is None and all(gone(p) for p in processes)


def test_a_cancelled_file_chooser_ends_the_workers_it_started(
    qtbot, window, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psutil
    from processes import gone

    window.enter_vault(vault)
    session = window.session
    started: list[int] = []

    def cancel(*_: object) -> list[str]:
        """The person looks, then cancels: the workers had started meanwhile."""
        qtbot.waitUntil(lambda: len(session.readers().pids()) == session.readers().count, timeout=TIMEOUT)
        started.extend(session.readers().pids())
        return []

    monkeypatch.setattr("ui.sections.documents.open_files", cancel)
    window.documents.choose_and_import()
    processes = [psutil.Process(pid) for pid in started]
    assert processes
    qtbot.waitUntil(lambda: session.readers().pids() == [], timeout=TIMEOUT)  # once their start returned
    assert all(gone(p) for p in processes)
    assert session._readers_worker is None
