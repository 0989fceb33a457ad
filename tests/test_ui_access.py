"""Honest screens by access: a family member given some parts sees "Not shared with you" where the
other parts' facts would be, never "none recorded"; a view-only person sees no editing controls in any
section (pytest-qt, offscreen, on the demo vault)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TEST_WORK_FACTOR
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QPlainTextEdit, QWidget
from tour import sections

from mbc_vault.demo import create_demo_vault
from mbc_vault.vault import Vault
from ui.main_window import MainWindow

MEMBER_PASS = "robin reads the papers 7"
# what a control that changes the vault says (its text or accessible name)
EDITING = re.compile(
    r"\b(add|edit|update|move to (the )?trash|import|log|remove|delete|change|restore|new|carry|"
    r"save (my )?answers?)\b",
    re.IGNORECASE,
)


def _demo_with_member(tmp_path: Path, scopes: list[str], can_edit: bool = False) -> Path:
    """The demo vault, with Robin given *scopes* (view only unless *can_edit*); returns its folder."""
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=TEST_WORK_FACTOR)
    vault.add_person(
        "Robin Example",
        "friend",
        scopes,
        can_edit=can_edit,
        passphrase=MEMBER_PASS,
        work_factor=TEST_WORK_FACTOR,
    )
    vault.close()
    return tmp_path / "demo"


def _choose_first_rows(top: QWidget) -> None:
    """Choose the first row of every visible table and list (edit buttons follow a chosen row)."""
    for view in top.findChildren(QAbstractItemView):
        if view.isVisibleTo(top) and view.model() is not None and view.model().rowCount() > 0:
            view.setCurrentIndex(view.model().index(0, 0))


def _editing_controls(window: MainWindow) -> list[str]:
    found = []
    for name, _ in sections(window):
        page = window.sections.currentWidget()
        _choose_first_rows(page)
        for button in page.findChildren(QAbstractButton):
            words = f"{button.text()} {button.accessibleName()}"
            if button.isVisibleTo(window) and button.isEnabled() and EDITING.search(words):
                found.append(f"{name}: {button.text()!r}")
        for box in page.findChildren(QPlainTextEdit):
            if box.isVisibleTo(window) and box.isEnabled() and not box.isReadOnly():
                found.append(f"{name}: a text box ({box.accessibleName()!r})")
    for action in (window.import_action, window.trash_action, window.symptom_action):
        if action.isEnabled():
            found.append(f"menu: {action.text()!r}")
    return found


def test_a_view_only_member_sees_no_editing_controls_anywhere(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _demo_with_member(tmp_path, ["medical", "care", "legal"])
    window.enter_vault(Vault.open(folder, MEMBER_PASS))
    assert window.session is not None and not window.session.vault.person.can_edit
    found = _editing_controls(window)
    assert not found, "\n".join(found)
    forms: list[object] = []
    monkeypatch.setattr(
        "ui.forms.entry_form.EntryFormDialog.ask", classmethod(lambda *a, **k: forms.append(a))
    )
    window.go_to(window.legal)
    window.legal.select_item("will")
    window.legal.edit_selected()  # Enter or a double-click on the row
    window.treatment.lines.table.selectRow(0)
    window.treatment.lines.edit_selected()
    assert forms == []  # no form that would refuse only on Save


def test_the_owner_sees_the_editing_controls(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """The walk above finds editing controls where there are some."""
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=TEST_WORK_FACTOR)
    window.enter_vault(vault)
    found = "\n".join(_editing_controls(window))
    for expected in (
        "section legal: 'Update…'",
        "section legal: 'Move to trash'",
        "section cancer: 'Edit diagnosis…'",
        "section documents: 'Import documents…'",
        "section symptoms:",
        "section labs:",
        "section appointments: 'Add question'",
        "section priorities: a text box",
        "menu: '&Import documents…'",
        "menu: 'Move to &trash'",
    ):
        assert expected in found


def test_a_member_given_only_the_legal_part_is_told_what_was_not_shared(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = _demo_with_member(tmp_path, ["legal"])
    window.enter_vault(Vault.open(folder, MEMBER_PASS))
    overview = window.overview
    window.go_to(overview)
    cards = {
        "treatment": overview.treatment_card,
        "appointment": overview.appointment_card,
        "symptoms": overview.symptom_card,
        "markers": overview.marker_card,
    }
    for name, card in cards.items():
        assert "Not shared with you" in card.body.text(), name
        assert "Not shared with you" in card.accessibleDescription(), name
    everything = " ".join(c.body.text() for c in cards.values()) + overview.counts_card.body.text()
    for untrue in (
        "No ongoing line",
        "No upcoming appointment",
        "No lab values",
        "Ctrl+Shift+S",
        ": <b>0</b>",
    ):
        assert untrue not in everything
    counts = overview.counts_card.body.text()
    assert "Medical records: not shared with you" in counts and "Care notes: not shared with you" in counts
    assert re.search(r"Legal and planning: <b>[1-9]", counts)
    assert "Not shared" not in overview.legal_card.body.text()  # the part that was shared shows its facts
    assert "shared with you" in overview.summary.text()
    assert "shared with you" in window.documents.search_edit.placeholderText()
    assert not window.symptom_action.isEnabled()


def test_the_owner_overview_shows_facts_not_notes(qtbot, window: MainWindow, tmp_path: Path) -> None:
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=TEST_WORK_FACTOR)
    window.enter_vault(vault)
    overview = window.overview
    for card in (overview.treatment_card, overview.appointment_card, overview.counts_card):
        assert "hared with you" not in card.body.text()
    assert "Search words in your records" == window.documents.search_edit.placeholderText()
