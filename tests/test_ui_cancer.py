"""“My cancer” and “Treatment”, driven through their real form dialogs (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pdfread
import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from dialogs import answering, entry_of
from PySide6.QtCore import Qt

from mbc_vault.vault import Vault
from ui.forms.entry_form import EntryFormDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The main window (conftest) with a new, empty vault open."""
    window.enter_vault(
        Vault.create(tmp_path / "v", PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    )
    return window


def fill_form(
    qtbot,
    open_it: Callable[[], None],
    values: dict[str, str],
    drugs: list[str] | None = None,
    expect_error: str | None = None,
) -> EntryFormDialog:
    """Open the real form (its ask()), type into it, press Save (and check a field error first if asked)."""

    def act(dialog: EntryFormDialog) -> None:
        for name, text in values.items():
            dialog.set_value(name, text)
        for drug in drugs or []:
            editor = dialog.widgets["drugs"]
            editor.edit.setText(drug)  # (typing would open the completer popup)
            qtbot.mouseClick(editor.add_btn, Qt.MouseButton.LeftButton)
        if expect_error:
            qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
            assert dialog.isVisible() and dialog.errors[expect_error].isVisible()
            assert dialog.errors[expect_error].text()
            dialog.reject()
            return
        qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # not saved: say why, and close it
            problems.append(
                dialog.general_error.text() or [e.text() for e in dialog.errors.values() if e.text()]
            )
            dialog.reject()

    problems: list[object] = []
    with pytest.MonkeyPatch.context() as patch:
        seen = answering(patch, qtbot, EntryFormDialog, act, answer=entry_of)
        open_it()
    assert seen, "the form did not open"
    assert problems == []
    return seen[0]


def test_diagnosis_biopsies_and_discordance(qtbot, window: MainWindow) -> None:
    section = window.cancer
    window.go_to(section)
    fill_form(
        qtbot, section.edit_diagnosis, {"first_diagnosis": "2019-02-30"}, expect_error="first_diagnosis"
    )
    assert window.session.cancer.diagnosis() is None
    fill_form(
        qtbot,
        section.edit_diagnosis,
        {
            "first_diagnosis": "2019-03-12",
            "metastatic_diagnosis": "2024-05-02",
            "presentation": "recurrence",
            "histology": "lobular",
        },
    )
    assert "Invasive lobular carcinoma" in section.diagnosis_text.text()
    fill_form(
        qtbot,
        section.biopsies.add,
        {
            "date": "2019-03-12",
            "site": "primary-breast",
            "er_status": "positive",
            "er_percent": "95",
            "pr_status": "positive",
            "pr_percent": "80",
            "her2_ihc": "1+",
        },
    )
    fill_form(
        qtbot,
        section.biopsies.add,
        {"date": "2024-05-20", "site": "liver", "er_status": "negative", "er_percent": "40"},
        expect_error="er_percent",
    )
    fill_form(
        qtbot,
        section.biopsies.add,
        {
            "date": "2024-05-20",
            "site": "liver",
            "er_status": "negative",
            "er_percent": "0",
            "pr_status": "negative",
            "pr_percent": "0",
            "her2_ihc": "0",
        },
    )
    assert section.biopsies.model.rowCount() == 2
    subtypes = [section.biopsies.model.index(r, 6).data() for r in range(2)]
    assert subtypes == ["HR+/HER2- (HER2-low)", "Triple-negative"]
    assert section.discordance.isVisible()
    assert "ER changed from positive to negative" in section.discordance.text()
    assert "subtype changed from HR+/HER2- to Triple-negative" in section.discordance.text()


def test_treatment_lines_edit_undo_trash(qtbot, window: MainWindow) -> None:
    section = window.treatment
    window.go_to(section)
    fill_form(
        qtbot,
        section.lines.add,
        {"line_number": "1", "start": "2024-06-03", "setting": "first-line"},
        drugs=["letrozole", "palbociclib"],
    )
    assert section.lines.model.rowCount() == 1
    assert section.lines.model.index(0, 1).data() == "letrozole + palbociclib"
    assert section.timeline.entries and "2024-06-03 to now" in section.timeline.accessibleDescription()
    section.lines.table.selectRow(0)
    fill_form(
        qtbot,
        section.lines.edit_selected,
        {"stop": "2025-08-15", "stop_reason": "progression", "best_response": "partial"},
    )
    assert section.lines.model.index(0, 3).data() == "2025-08-15"
    window.undo_stack.undo()  # the edit is undone: the line is ongoing again
    assert section.lines.model.index(0, 3).data() == "ongoing"
    window.undo_stack.redo()
    assert section.lines.model.index(0, 6).data() == "Progression"
    section.lines.table.selectRow(0)
    qtbot.mouseClick(section.lines.remove_btn, Qt.MouseButton.LeftButton)
    assert section.lines.model.rowCount() == 0
    window.undo_stack.undo()
    assert section.lines.model.rowCount() == 1


def test_medications_and_printable_list(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    section = window.treatment
    fill_form(
        qtbot,
        section.medications.add,
        {"name": "vitamin D3", "dose": "1000 IU", "schedule": "daily", "medication_kind": "supplement"},
    )
    fill_form(
        qtbot, section.medications.add, {"name": "turmeric", "start": "2024-01-01", "stop": "2024-06-01"}
    )
    assert section.medications.model.rowCount() == 1  # only what is taken now
    section.current_only.setChecked(False)
    assert section.medications.model.rowCount() == 2
    out = tmp_path / "meds.pdf"
    monkeypatch.setattr(section, "ask_pdf_path", lambda: str(out))
    section.save_medication_list()
    qtbot.waitUntil(lambda: out.exists(), timeout=20_000)
    text = pdfread.pdf_text(out)
    assert "vitamin D3" in text and "1000 IU" in text and "turmeric" not in text


def test_lock_drops_the_entries(qtbot, window: MainWindow) -> None:
    fill_form(qtbot, window.treatment.lines.add, {"start": "2024-06-03"}, drugs=["letrozole"])
    assert window.treatment.lines.model.rowCount() == 1
    window.lock()
    assert window.treatment.lines.model.rowCount() == 0 and window.treatment.timeline.entries == []
    assert window.cancer.biopsies.model.rowCount() == 0


def test_a_line_of_treatment_can_point_to_its_trial(qtbot, window: MainWindow) -> None:
    from mbc_vault.care.models import ClinicalTrial
    from mbc_vault.care.store import CarePlan

    trial = CarePlan(window.session.vault).save(
        ClinicalTrial(identifier="NCT01234567", title_text="Fictional study", status="enrolled")
    )
    fill_form(
        qtbot,
        window.treatment.lines.add,
        {
            "start": "2025-01-02",
            "setting": "clinical-trial",
            "trial_id": "NCT01234567",
            "trial_record": trial.id,
        },
        drugs=["study drug"],
    )
    line = window.session.cancer.treatment_lines()[0]
    assert line.model.trial_record == trial.id and line.model.setting == "clinical-trial"


def test_log_a_symptom_from_anywhere(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.forms.symptom_dialog import QuickSymptomDialog

    window.go_to(window.documents)
    assert window.symptom_action.shortcut().toString() == "Ctrl+Shift+S"

    def act(dialog: QuickSymptomDialog) -> None:
        dialog.symptom_combo.setCurrentText("pain")
        dialog.location_edit.setText("left hip")
        dialog.set_severity(6)
        qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Return)  # Enter saves

    seen = answering(monkeypatch, qtbot, QuickSymptomDialog, act, answer=entry_of)
    window.symptom_action.trigger()
    assert len(seen) == 1
    entries = window.session.cancer.symptoms()
    assert [(e.model.symptom, e.model.location, e.model.severity) for e in entries] == [
        ("pain", "left hip", 6)
    ]
    assert window.symptoms.isEnabled()
