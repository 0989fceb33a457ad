"""The "Health history" section driven through its real forms (pytest-qt, offscreen): each kind is
added, shown, changed (undoable) and moved to the trash; a problem shows beside its field; an entry from
a portal file says where it came from; a member given only the legal part does not see the section."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from dialogs import answering, entry_of

from mbc_vault.demo import create_demo_vault
from mbc_vault.history.models import Allergy, Condition
from mbc_vault.vault import Vault
from ui.forms.entry_form import EntryFormDialog
from ui.main_window import SECTION_OF_KIND, MainWindow
from ui.sections.entry_list import EntryListBox
from ui.sections.history import HistorySection


@pytest.fixture
def history(qtbot, window: MainWindow, tmp_path: Path) -> HistorySection:
    window.enter_vault(
        Vault.create(tmp_path / "v", PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    )
    window.go_to(window.history)
    return window.history


def fill(values: dict[str, Any]) -> Callable[[EntryFormDialog], None]:
    def act(dialog: EntryFormDialog) -> None:
        for name, value in values.items():
            if isinstance(value, bool):
                dialog.widgets[name].setChecked(value)  # type: ignore[attr-defined]
            else:
                dialog.set_value(name, value)
        dialog.save_btn.click()

    return act


def cells(box: EntryListBox) -> list[list[str]]:
    model = box.model
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


KINDS = [
    ("allergies", {"substance": "Penicillin", "reaction": "Hives", "severity": "moderate"}, "Penicillin",
     {"reaction": "Rash and hives"}, "Rash and hives"),
    ("conditions", {"name": "High blood pressure", "onset": "2015-03-01"}, "High blood pressure",
     {"status": "resolved"}, "Resolved"),
    ("procedures", {"name": "Lumpectomy", "date": "2019-05-02", "side": "left",
                    "lymph_nodes": "sentinel-node-biopsy"}, "Sentinel lymph node biopsy",
     {"place": "Example Hospital"}, "Example Hospital"),
    ("radiation", {"site": "Left breast", "total_dose_gy": "40.05", "fractions": "15",
                   "start": "2019-07-01", "intent": "adjuvant"}, "40.05",
     {"fractions": "16"}, "16"),
    ("immunizations", {"vaccine": "Influenza", "date": "2025-10-01"}, "Influenza",
     {"dose_number": "booster"}, "booster"),
    ("visits", {"date": "2025-11-04", "time": "9:30", "visit_type": "Chemotherapy infusion",
                "place": "Example Infusion Center"}, "Chemotherapy infusion",
     {"clinician": "Dr. Ada Fictional"}, "Dr. Ada Fictional"),
]  # fmt: skip


@pytest.mark.parametrize(("box_name", "values", "shown", "change", "changed"), KINDS)
def test_add_change_undo_and_remove_each_kind(
    qtbot,
    history: HistorySection,
    monkeypatch: pytest.MonkeyPatch,
    box_name: str,
    values: dict[str, str],
    shown: str,
    change: dict[str, str],
    changed: str,
) -> None:
    box: EntryListBox = getattr(history, box_name)
    assert SECTION_OF_KIND[box.kind] == "history"
    answering(monkeypatch, qtbot, EntryFormDialog, fill(values), entry_of)
    box.add_btn.click()
    assert len(cells(box)) == 1 and shown in cells(box)[0]
    box.table.selectRow(0)
    answering(monkeypatch, qtbot, EntryFormDialog, fill(change), entry_of)
    box.edit_btn.click()
    assert changed in cells(box)[0]
    history.undo_stack.undo()  # the change is undone; the entry stays
    assert changed not in cells(box)[0] and shown in cells(box)[0]
    history.undo_stack.redo()
    assert changed in cells(box)[0]
    box.table.selectRow(0)
    box.remove_btn.click()
    assert cells(box) == []
    history.undo_stack.undo()
    assert len(cells(box)) == 1


def test_no_known_allergies_is_a_stated_fact(qtbot, history: HistorySection, monkeypatch) -> None:
    answering(monkeypatch, qtbot, EntryFormDialog, fill({"no_known": True}), entry_of)
    history.allergies.add_btn.click()
    assert cells(history.allergies)[0][0] == "No known allergies"
    session = history.session
    assert session is not None and session.history is not None
    assert session.history.allergies()[0].model.no_known


def test_a_problem_shows_its_sentence_beside_the_field(qtbot, history: HistorySection, monkeypatch) -> None:
    seen: list[str] = []

    def act(dialog: EntryFormDialog) -> None:
        dialog.set_value("site", "Spine")
        dialog.set_value("total_dose_gy", "lots")
        dialog.save_btn.click()
        error = dialog.errors["total_dose_gy"]
        assert error.isVisibleTo(dialog) and dialog.isVisible()  # not saved: the form stays
        seen.append(error.text())
        assert not dialog.errors["site"].isVisibleTo(dialog)
        dialog.reject()

    answering(monkeypatch, qtbot, EntryFormDialog, act, entry_of)
    history.radiation.add_btn.click()
    assert seen and seen[0] and "Traceback" not in seen[0]
    assert cells(history.radiation) == []


def test_about_me_is_stored_once_and_changed_in_place(qtbot, history: HistorySection, monkeypatch) -> None:
    assert "not recorded" in history.about.text.text()
    answering(
        monkeypatch,
        qtbot,
        EntryFormDialog,
        fill({"date_of_birth": "1968-04-09", "name": "Jane Example"}),
        entry_of,
    )
    history.about.edit_btn.click()
    assert "1968-04-09" in history.about.text.text() and "Jane Example" in history.about.text.text()
    answering(monkeypatch, qtbot, EntryFormDialog, fill({"date_of_birth": "1968-04-10"}), entry_of)
    history.about.edit_btn.click()
    session = history.session
    assert session is not None and session.history is not None
    assert session.history.date_of_birth() == "1968-04-10"
    assert len(session.history.load(type(session.history.details().model))) == 1  # type: ignore[union-attr]
    history.undo_stack.undo()
    assert "1968-04-09" in history.about.text.text()


def test_an_entry_from_a_portal_file_says_where_it_came_from(
    qtbot, history: HistorySection, monkeypatch
) -> None:
    session = history.session
    assert session is not None and session.history is not None
    source = {"document": "doc1", "label": "MyChart export.xml", "date": "2026-11-20"}
    session.history.save(Condition.from_form({"name": "Asthma", "source": source}))
    session.history.save(Allergy(substance="Latex"))
    session.entry_saved(Condition.KIND)
    lines: list[str] = []

    def act(dialog: EntryFormDialog) -> None:
        line = dialog.source_line
        lines.append(line.text() if line is not None and line.isVisibleTo(dialog) else "")
        dialog.reject()

    answering(monkeypatch, qtbot, EntryFormDialog, act, entry_of)
    for box in (history.conditions, history.allergies):
        box.table.selectRow(0)
        box.edit_btn.click()
    assert lines == ["From: MyChart export.xml, 2026-11-20", ""]


def test_a_search_hit_opens_its_row(qtbot, history: HistorySection, window: MainWindow) -> None:
    session = history.session
    assert session is not None and session.history is not None
    session.history.save(Condition(name="Asthma"))
    entry = session.history.save(Condition(name="Migraine"))
    session.entry_saved(Condition.KIND)
    window.go_to(window.overview)
    assert history.show_entry(Condition.KIND, entry.id)
    assert history.conditions.selected().id == entry.id  # type: ignore[union-attr]


def test_a_member_given_only_the_legal_part_does_not_see_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=TEST_WORK_FACTOR)
    vault.add_person(
        "Robin Example", "friend", ["legal"], passphrase="robin reads 7", work_factor=TEST_WORK_FACTOR
    )
    vault.close()
    window.enter_vault(Vault.open(tmp_path / "demo", "robin reads 7"))
    gate = window.gates[window.history]
    window.go_to(window.history)
    assert gate.currentWidget() is gate.notice
    assert not window.history.isVisibleTo(window)
    assert all(box.model.rowCount() == 0 for box in window.history.findChildren(EntryListBox))


def test_a_long_table_fits_its_columns_to_the_wide_cells_it_scrolls_to(
    qtbot, history: HistorySection, window: MainWindow
) -> None:
    """A table of more than FIT_ALL_ROWS measures the rows around the view only (fast); a wider name
    further down is not left cut off once the person scrolls to it."""
    from ui.sections.entry_list import FIT_ALL_ROWS

    assert window.session is not None and window.session.vault is not None
    vault = window.session.vault
    window.resize(1500, 900)  # room for the wide name and more: the last column stretches into the rest
    wide = "Axillary lymph node dissection, left breast"
    count = FIT_ALL_ROWS + 65
    for number in range(count):
        date = f"{2000 + number // 12:04d}-{number % 12 + 1:02d}-15"
        name = wide if number == count - 1 else "Port placement"  # the newest: the last row (oldest first)
        vault.add_entry("procedure", {"name": name, "date": date}, title=name, date=date)
    box = history.procedures
    history.refresh()
    qtbot.waitUntil(lambda: box.loading is None and box.model.rowCount() == count)
    table, last = box.table, box.model.index(count - 1, 1)
    assert last.data() == wide
    needed = table.fontMetrics().horizontalAdvance(wide)
    qtbot.wait(50)
    assert table.columnWidth(1) < needed  # measured around the view: the last row was not
    table.scrollTo(last)
    qtbot.waitUntil(lambda: table.columnWidth(1) >= needed)
    header = table.horizontalHeader()  # and the last column still takes the room left
    assert (
        header.length()
        >= table.viewport().width() - 1
        > sum(table.sizeHintForColumn(c) for c in range(header.count()))
    )
