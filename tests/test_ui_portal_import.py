"""File ▸ Import records from a patient portal… driven through the real dialog (pytest-qt, offscreen)
with real portal files (tests/data/portal): the review tree shows each kind with its count; unticked
kinds and rows are not saved; a second import marks everything as already in the vault and says
"Nothing new"; cancelling while reading writes nothing; a bad file is named and the rest imports; an
imported entry's form says where it came from; a member without the medical part cannot open it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from dialogs import answering, entry_of
from PySide6.QtCore import Qt

from mbc_vault.vault import Vault
from ui.forms.entry_form import EntryFormDialog
from ui.main_window import MainWindow
from ui.models.portal_review import COL_ENTRY, COL_NOTE, PortalReviewModel
from ui.portal_import_dialog import START_AFTER_SHOWN_MS, PortalImportDialog, open_portal_import

DATA = Path(__file__).parent / "data" / "portal"
MCODE = DATA / "mcode-breast.json"
IPS = DATA / "IPS-bundle-01.json"
TIMMY = DATA / "TimmySmart.phr"
TIMEOUT = 60_000


@pytest.fixture
def vault_window(window: MainWindow, tmp_path: Path) -> MainWindow:
    window.enter_vault(
        Vault.create(tmp_path / "v", PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    )
    return window


def _open(qtbot, window: MainWindow, paths: list[Path]) -> PortalImportDialog:
    dialog = open_portal_import(window, window.session, paths)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.working, timeout=TIMEOUT)  # read and reviewed
    return dialog


def _save(qtbot, dialog: PortalImportDialog) -> None:
    assert dialog.import_btn.isEnabled()
    dialog.import_btn.click()
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.working, timeout=TIMEOUT)


def _kinds(model: PortalReviewModel) -> dict[str, str]:
    return {kind: model.index(row, COL_ENTRY).data() for row, kind in enumerate(model.kinds)}


def _vault(window: MainWindow) -> Vault:
    assert window.session is not None and window.session.vault is not None
    return window.session.vault


def test_the_tree_shows_each_kind_with_its_count_and_nothing_is_written_before_import(
    qtbot, vault_window: MainWindow
) -> None:
    dialog = _open(qtbot, vault_window, [MCODE])
    model = dialog.model
    assert model is not None and dialog.tree.model() is model and dialog.tree.isVisibleTo(dialog)
    assert not dialog.tree.tabKeyNavigation()  # one Tab stop: the arrow keys move inside
    kinds = _kinds(model)
    assert kinds["medication"] == "Medications (1)"
    assert kinds["lab-value"] == "Lab values (2)"
    assert kinds["procedure"] == "Surgeries and procedures (2)"
    first = model.index(model.kind_row("lab-value"), COL_ENTRY)
    assert model.rowCount(first) == 2
    assert model.index(0, COL_ENTRY, first).data() == "CA 15-3: 38 U/mL"
    assert model.index(0, 1, first).data() == "2023-05-02"
    assert "entries will be added" in dialog.info.text()
    assert "result(s) had no value" in dialog.problems_text.text()  # the CLI's line, by file
    assert "mcode-breast.json" in dialog.problems_text.text()
    vault = _vault(vault_window)
    assert not vault.entries("medication") and not vault.records()  # nothing until Import
    dialog.reject()


def test_unticked_kinds_and_rows_are_left_out_and_the_sections_reload(
    qtbot, vault_window: MainWindow
) -> None:
    window = vault_window
    dialog = _open(qtbot, window, [MCODE, IPS])
    model = dialog.model
    assert model is not None
    # a whole kind unticked with Space on its row (the tree's keyboard)
    immunizations = model.index(model.kind_row("immunization"), COL_ENTRY)
    dialog.tree.setFocus()
    dialog.tree.setCurrentIndex(immunizations)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert model.data(immunizations, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    child = model.index(0, COL_ENTRY, immunizations)
    assert model.data(child, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    # one medication row unticked: its kind shows partly ticked
    medications = model.index(model.kind_row("medication"), COL_ENTRY)
    row = model.index(0, COL_ENTRY, medications)
    left_out = model.item(row)
    assert left_out is not None
    model.setData(row, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.data(medications, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    new_meds = sum(1 for item in model.groups[model.kind_row("medication")] if not item.duplicate)
    chosen = model.chosen_count()
    assert f"{chosen} entries will be added" in dialog.info.text()
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)  # Enter presses Import, the default button
    qtbot.waitUntil(lambda: dialog.report is not None and not dialog.working, timeout=TIMEOUT)
    vault = _vault(window)
    assert vault.entries("immunization") == []
    names = [record.data["name"] for record in vault.entries("medication")]
    assert len(names) == new_meds - 1 and left_out.data["name"] not in names
    assert dialog.info.text().startswith(f"Saved {chosen} entries.")
    assert dialog.report is not None and dialog.report.total == chosen
    # a hidden section reloads when it is shown (once, not once a kind)
    window.go_to(window.history)
    assert window.history.allergies.model.rowCount() == len(vault.entries("allergy")) > 0
    assert window.treatment is not None
    # search finds the imported entries, indexed a slice at a time between events
    session = window.session
    assert session is not None
    allergy = vault.entries("allergy")[0]
    word = allergy.data["substance"].split()[-1].strip("()")
    qtbot.waitUntil(lambda: any(h.id == allergy.id for h in session.find(word).hits), timeout=TIMEOUT)
    assert not session._pending_entries
    dialog.accept()


def test_a_second_import_marks_everything_as_already_in_the_vault(qtbot, vault_window: MainWindow) -> None:
    first = _open(qtbot, vault_window, [MCODE])
    _save(qtbot, first)
    first.accept()
    count = len(_vault(vault_window).records(kind=None))
    again = _open(qtbot, vault_window, [MCODE])
    model = again.model
    assert model is not None
    assert again.info.text() == "Nothing new: everything in these files is already in the vault."
    assert not again.import_btn.isEnabled()
    medications = model.index(model.kind_row("medication"), COL_ENTRY)
    assert medications.data() == "Medications (0)"
    assert model.index(medications.row(), COL_NOTE).data() == "1 already in your vault"
    duplicate = model.index(0, COL_ENTRY, medications)
    assert model.index(0, COL_NOTE, medications).data() == "Already in your vault"
    assert model.data(duplicate, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not model.flags(duplicate) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(duplicate, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    again.start_saving()  # refused: nothing new
    assert not again.working and len(_vault(vault_window).records(kind=None)) == count
    again.reject()


def test_cancel_while_reading_writes_nothing(qtbot, vault_window: MainWindow, tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        from bench_portal_read import make_bundle
    finally:
        sys.path.pop(0)
    big = tmp_path / "big-portal-export.json"
    big.write_bytes(make_bundle(10_000))
    dialog = open_portal_import(vault_window, vault_window.session, [big, MCODE])
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.working  # the reading starts once the dialog is on screen
    qtbot.waitUntil(lambda: dialog._worker is not None, timeout=TIMEOUT)
    dialog.cancel_btn.click()  # while the worker reads
    qtbot.waitUntil(lambda: not dialog.working and not dialog.isVisible(), timeout=TIMEOUT)
    assert dialog.result() == 0 and dialog.plan is None and dialog.report is None
    vault = _vault(vault_window)
    assert vault.records(kind=None) == []


def test_closed_before_reading_starts_reads_nothing(qtbot, vault_window: MainWindow) -> None:
    dialog = open_portal_import(vault_window, vault_window.session, [MCODE])
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.cancel_btn.click()  # at once: the reading has not started yet
    assert not dialog.isVisible() and dialog._worker is None
    qtbot.wait(START_AFTER_SHOWN_MS * 4)
    assert dialog._worker is None and dialog.plan is None and not dialog.working
    assert _vault(vault_window).records(kind=None) == []


def test_a_vault_locked_before_reading_starts_closes_the_dialog(qtbot, vault_window: MainWindow) -> None:
    """The session closes (the lock) before the dialog is on screen, so the lock's closing of open
    dialogs missed it: when the reading is due, the dialog closes instead of staying on "Reading the
    files…" for good."""
    dialog = PortalImportDialog(vault_window.session, [MCODE], vault_window)  # not shown yet
    qtbot.addWidget(dialog)
    vault_window.session.close()
    dialog.open()
    assert dialog.isVisible() and dialog.working
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert dialog.result() == 0 and dialog._worker is None and dialog.plan is None and not dialog.working


def test_a_bad_file_is_named_and_the_rest_imports(qtbot, vault_window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "damaged download.json"
    bad.write_text('{"resourceType": "Bundle", "entry": [', encoding="utf-8")
    dialog = _open(qtbot, vault_window, [bad, IPS, TIMMY])
    assert dialog.failed_text.isVisibleTo(dialog)
    failed = dialog.failed_text.text()
    assert failed.startswith("damaged download.json: ") and "JSON is damaged" in failed
    assert len(failed.splitlines()) == 1
    _save(qtbot, dialog)
    vault = _vault(vault_window)
    assert vault.entries("condition") and vault.entries("immunization")
    titles = {record.title for record in vault.records()}
    assert "Patient Summary as of December 11, 2017 14:30" in titles  # the IPS stored as its document
    assert len(vault.records()) == 2  # the IPS and the .phr, not the damaged file
    dialog.accept()


def test_the_imported_entry_says_where_it_came_from(qtbot, vault_window: MainWindow, monkeypatch) -> None:
    window = vault_window
    dialog = _open(qtbot, window, [MCODE])
    _save(qtbot, dialog)
    dialog.accept()
    window.go_to(window.history)
    box = window.history.allergies
    assert box.model.rowCount() == 1
    lines: list[str] = []

    def act(form: EntryFormDialog) -> None:
        line = form.source_line
        lines.append(line.text() if line is not None and line.isVisibleTo(form) else "")
        form.reject()

    answering(monkeypatch, qtbot, EntryFormDialog, act, entry_of)
    box.table.selectRow(0)
    box.edit_btn.click()
    assert lines == ["From: mcode-breast.json"]


def test_encounters_start_unticked_and_are_added_only_when_ticked_as_past_visits(
    qtbot, vault_window: MainWindow, tmp_path: Path
) -> None:
    visits = tmp_path / "visits.ndjson"  # fictional: two past visits and one lab result
    visits.write_text(
        '{"resourceType": "Encounter", "id": "e1", "period": {"start": "2024-02-01"},'
        ' "type": [{"text": "Oncology follow-up"}]}\n'
        '{"resourceType": "Encounter", "id": "e2", "period": {"start": "2024-05-01"},'
        ' "type": [{"text": "Radiation planning"}],'
        ' "location": [{"location": {"display": "Example Cancer Center"}}]}\n'
        '{"resourceType": "Observation", "id": "o1", "code": {"text": "CA 15-3"},'
        ' "effectiveDateTime": "2024-02-01", "valueQuantity": {"value": 31, "unit": "U/mL"}}\n',
        encoding="utf-8",
    )
    dialog = _open(qtbot, vault_window, [visits])
    model = dialog.model
    assert model is not None
    kind = model.index(model.kind_row("visit"), COL_ENTRY)
    assert kind.data() == "Past visits (2)"
    assert model.data(kind, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(0, COL_NOTE, kind).data() == "Added only if you tick it"
    assert "Care and appointments" not in dialog.problems_text.text()  # no part but the medical one
    assert dialog.info.text().startswith("1 entry will be added.")
    second = model.index(1, COL_ENTRY, kind)
    model.setData(second, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.data(kind, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    _save(qtbot, dialog)
    vault = _vault(vault_window)
    assert [record.data["visit_type"] for record in vault.entries("visit")] == ["Radiation planning"]
    assert vault.entries("appointment") == []
    assert len(vault.entries("lab-value")) == 1
    dialog.accept()
    vault_window.go_to(vault_window.history)  # the Health history section reloads when chosen
    table = vault_window.history.visits.model
    assert [table.index(0, c).data() for c in range(table.columnCount())] == [
        "2024-05-01",
        "Radiation planning",
        "Example Cancer Center",
        "",
    ]


def test_a_medical_only_writer_may_tick_visits(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """Visits were left out of the review for someone without the care part (appointments were not
    theirs to add); a past visit is medical, so a member who may edit the medical part adds it."""
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    vault.add_person(
        "Robin Example",
        "friend",
        ["medical"],
        can_edit=True,
        passphrase="robin writes 7",
        work_factor=TEST_WORK_FACTOR,
    )
    vault.close()
    window.enter_vault(Vault.open(tmp_path / "v", "robin writes 7"))
    visit = tmp_path / "visit.json"
    visit.write_text(
        '{"resourceType": "Encounter", "period": {"start": "2024-02-01"}, "type": [{"text": "Port check"}]}',
        encoding="utf-8",
    )
    dialog = _open(qtbot, window, [visit])
    assert dialog.model is not None
    row = dialog.model.kind_row("visit")
    assert row >= 0
    dialog.model.set_kind_chosen(row, True)
    _save(qtbot, dialog)
    assert [r.title for r in _vault(window).entries("visit")] == ["Port check"]
    dialog.accept()


def test_a_member_without_the_medical_part_cannot_import(qtbot, window: MainWindow, tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    vault.add_person(
        "Robin Example", "friend", ["legal"], passphrase="robin reads 7", work_factor=TEST_WORK_FACTOR
    )
    vault.close()
    window.enter_vault(Vault.open(tmp_path / "v", PASSPHRASE))
    assert window.portal_action.isEnabled()
    window.lock()
    window.enter_vault(Vault.open(tmp_path / "v", "robin reads 7"))
    assert not window.portal_action.isEnabled()
    assert open_portal_import(window, window.session, [MCODE]) is None


def test_the_overview_reloads_once_after_an_import_and_shows_what_it_stored(
    qtbot, vault_window: MainWindow, monkeypatch
) -> None:
    """An import stores files and entries: one reload of the overview for both (it was two: one for
    the files, one for the entries, each walking thousands of records after a large import)."""
    from ui.sections.overview import OverviewSection

    window = vault_window
    refreshes: list[int] = []
    reload = OverviewSection.refresh

    def counted(section: OverviewSection) -> None:
        refreshes.append(1)
        reload(section)

    monkeypatch.setattr(OverviewSection, "refresh", counted)
    window.go_to(window.overview)
    window.overview.set_session(window.session)  # connected to the counted refresh
    refreshes.clear()
    dialog = _open(qtbot, window, [MCODE, IPS])
    _save(qtbot, dialog)
    qtbot.wait(50)  # what the report queued
    assert len(refreshes) == 1
    vault = _vault(window)
    assert len(vault.records()) == 2  # the two files, stored as medical documents
    assert "Medical records: <b>2</b>" in window.overview.counts_card.body.text()
    assert "CA 15-3" in window.overview.marker_card.body.text()  # the imported lab values
    dialog.accept()
    window.go_to(window.documents)  # the documents section reloads when shown
    assert window.documents.model.rowCount() == 2


def test_a_long_section_reads_its_entries_a_slice_at_a_time_and_lists_every_row(
    qtbot, vault_window: MainWindow, monkeypatch
) -> None:
    """A table of many entries reads them a slice at a turn of the event loop (no thread: its Python
    made the window's paint wait for the GIL), fills once all are read, and lists every one; a reload
    reads none again; a search hit's row is there at once; a read cut by the lock shows nothing."""
    from ui.sections.entry_list import EntryListBox

    window = vault_window
    monkeypatch.setattr(EntryListBox, "DECODE_STEP", 1)  # as for thousands of entries
    dialog = _open(qtbot, window, [MCODE, IPS, TIMMY])
    _save(qtbot, dialog)
    dialog.accept()
    vault = _vault(window)
    names = sorted(record.data["name"] for record in vault.entries("condition"))
    assert len(names) > 1
    window.go_to(window.history)
    box = window.history.conditions
    assert box.loading is not None and len(box.loading) == len(names)  # nothing read yet
    qtbot.waitUntil(lambda: box.loading is None, timeout=TIMEOUT)
    model = box.model
    assert sorted(model.index(row, 0).data() for row in range(model.rowCount())) == names
    # read once: a reload finds every entry read (the same objects), until one changes
    before = {entry.id: entry for entry in window.session.history.conditions()}
    box.load()
    qtbot.waitUntil(lambda: box.loading is None, timeout=TIMEOUT)
    assert all(before[entry.id] is entry for entry in window.session.history.conditions())
    changed = vault.entries("condition")[0]
    vault.update_entry(changed.id, data={**changed.data, "name": "Renamed condition"})
    after = {entry.id: entry for entry in window.session.history.conditions()}
    assert after[changed.id] is not before[changed.id] and after[changed.id].model.name == "Renamed condition"
    # a search hit's row is chosen at once, the load finished here
    box.load()
    assert box.loading is not None
    assert box.select(vault.entries("condition")[0].id) and box.loading is None
    # a read the lock cuts short shows nothing
    box.load()
    assert box.loading is not None
    window.lock()
    qtbot.wait(50)
    assert box.loading is None and box.model.rowCount() == 0


def test_the_import_keeps_the_heap_out_of_collections_until_the_lock(qtbot, vault_window: MainWindow) -> None:
    """The import freezes what the app holds (gc.freeze), so no full collection walks thousands of
    records on the GUI thread; the lock unfreezes and collects: nothing kept by a reference cycle
    during the import outlives it."""
    import gc
    import weakref

    class Held:
        """Garbage in a reference cycle, holding what the review read from the portal file."""

    window = vault_window
    dialog = _open(qtbot, window, [MCODE])
    held = Held()
    held.me, held.plan = held, dialog.plan  # type: ignore[attr-defined]
    alive = weakref.ref(held)
    del held
    _save(qtbot, dialog)  # frozen when Import is pressed
    assert gc.get_freeze_count() > 0
    gc.collect()
    assert alive() is not None  # frozen: no collection frees it before the lock
    dialog.accept()
    window.lock()
    qtbot.waitUntil(lambda: gc.get_freeze_count() == 0 and alive() is None, timeout=TIMEOUT)
