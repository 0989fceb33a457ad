"""The labs and symptoms sections and the quick symptom dialog, driven through their real widgets
(offscreen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from dialogs import Questions, answering, entry_of
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from mbc_vault.cancer.models import LabValue, Symptom, TreatmentLine
from mbc_vault.render import chart as cr
from ui.forms.lab_dialog import LabValueDialog
from ui.forms.symptom_dialog import QuickSymptomDialog
from ui.sections.labs import LabsSection
from ui.sections.symptoms import TREND_DAYS, SymptomsSection
from ui.sections.timeseries import long_date
from ui.session import VaultSession

TIMEOUT = 20_000


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def labs(qtbot, session: VaultSession, undo_stack: QUndoStack) -> LabsSection:
    section = LabsSection(undo_stack)
    qtbot.addWidget(section)
    section.resize(1100, 720)
    section.set_session(session)
    section.show()
    qtbot.waitExposed(section)
    return section


@pytest.fixture
def symptoms(qtbot, session: VaultSession, undo_stack: QUndoStack) -> SymptomsSection:
    section = SymptomsSection(undo_stack)
    qtbot.addWidget(section)
    section.resize(1100, 720)
    section.set_session(session)
    section.show()
    qtbot.waitExposed(section)
    return section


def _fill_lab_dialog(qtbot, dialog: LabValueDialog, date: str, value: str, lab: str = "") -> None:
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, date)
    dialog.value_edit.clear()
    qtbot.keyClicks(dialog.value_edit, value)
    if lab:
        qtbot.keyClicks(dialog.lab_edit, lab)


def _add_lines(session: VaultSession) -> None:
    assert session.cancer is not None
    session.cancer.save(
        TreatmentLine(
            line_number=1,
            drugs=["letrozole", "palbociclib"],
            start="2023-01-10",
            stop="2024-04-22",
            stop_reason="progression",
        )
    )
    session.cancer.save(TreatmentLine(line_number=2, drugs=["capecitabine"], start="2024-05-06"))
    session.entry_saved("treatment-line")


def _save_values(session: VaultSession, values: list[tuple[str, float]], test: str = "CA 15-3") -> None:
    assert session.cancer is not None
    for date, value in values:
        session.cancer.save(LabValue(date=date, test=test, value=value, unit="U/mL"))
    session.entry_saved("lab-value")


# ------------------------------------------------------------------------------------------ labs
def test_add_values_through_the_dialog_then_table_and_chart_points(
    qtbot, labs: LabsSection, session: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert labs.empty_hint.isVisible() and labs.model.rowCount() == 0
    seen: dict[str, object] = {}

    def fill(dialog: LabValueDialog) -> None:  # "Add a value…" asks the real dialog: drive it
        seen["test"] = dialog.test_combo.currentText()
        _fill_lab_dialog(qtbot, dialog, "2024-01-10", "4x2")
        qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
        seen["error"] = dialog.errors["value"].text()
        seen["error_shown"] = dialog.errors["value"].isVisibleTo(dialog)
        seen["still_open"] = dialog.isVisible()
        _fill_lab_dialog(qtbot, dialog, "2024-01-10", "42", "City Lab")
        qtbot.keyClick(dialog.value_edit, Qt.Key.Key_Return)  # Enter saves

    answering(monkeypatch, qtbot, LabValueDialog, fill, answer=entry_of)
    qtbot.mouseClick(labs.add_btn, Qt.MouseButton.LeftButton)
    assert seen == {
        "test": "CA 15-3",
        "error": 'The value "4x2" is not a number.',
        "error_shown": True,
        "still_open": True,
    }
    assert labs.model.rowCount() == 1 and labs.chart_view.point_count() == 1
    assert not labs.empty_hint.isVisible()

    for date, value in (("2024-03-05", "35.5"), ("2023-11-20", "61")):
        dialog = LabValueDialog(session, labs, test="CA 15-3")
        qtbot.addWidget(dialog)
        _fill_lab_dialog(qtbot, dialog, date, value)
        with qtbot.waitSignal(session.entries_changed, timeout=TIMEOUT) as signal:
            qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
        assert signal.args == ["lab-value"] and dialog.result() == LabValueDialog.DialogCode.Accepted

    # a bad date is shown beside the date field and nothing is saved
    dialog = LabValueDialog(session, labs, test="CA 15-3")
    qtbot.addWidget(dialog)
    _fill_lab_dialog(qtbot, dialog, "2024-02-30", "12")
    qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
    assert "is not a date" in dialog.errors["date"].text() and dialog.entry is None

    assert labs.model.rowCount() == 3
    rows = [[labs.model.index(r, c).data() for c in range(4)] for r in range(3)]
    assert rows == [
        ["2024-03-05", "35.5", "U/mL", ""],
        ["2024-01-10", "42", "U/mL", "City Lab"],
        ["2023-11-20", "61", "U/mL", ""],
    ]
    assert labs.test_combo.currentText() == "CA 15-3 (3 values)"
    points = labs.chart_view.points
    assert points.count() == 3 and labs.chart_view.line.count() == 3
    assert [p.y() for p in points.points()] == [61.0, 42.0, 35.5]  # oldest first on the time axis
    assert labs.chart_view.y_axis.min() == 0 and labs.chart_view.y_axis.max() >= 61

    # edit the selected value; then trash it with undo
    labs.table.selectRow(1)

    def change(dialog: LabValueDialog) -> None:
        assert dialog.value_edit.text() == "42"
        dialog.value_edit.clear()
        qtbot.keyClicks(dialog.value_edit, "44")
        qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)

    answering(monkeypatch, qtbot, LabValueDialog, change, answer=entry_of)
    qtbot.mouseClick(labs.edit_btn, Qt.MouseButton.LeftButton)
    assert labs.model.index(1, 1).data() == "44" and labs.model.rowCount() == 3
    assert labs.selected_entry() is not None and labs.selected_entry().model.value == 44

    qtbot.mouseClick(labs.remove_btn, Qt.MouseButton.LeftButton)
    assert labs.model.rowCount() == 2 and labs.chart_view.point_count() == 2
    assert [r.title for r in session.vault.trash(kind=None)] == ["CA 15-3: 44 U/mL"]
    labs.undo_stack.undo()
    assert labs.model.rowCount() == 3 and labs.chart_view.point_count() == 3
    labs.undo_stack.redo()
    assert labs.model.rowCount() == 2


def test_bands_for_two_lines_of_treatment(qtbot, labs: LabsSection, session: VaultSession) -> None:
    _save_values(session, [("2023-02-01", 70), ("2023-09-01", 30), ("2024-04-01", 66), ("2024-10-01", 25)])
    assert labs.chart_view.band_series == []
    _add_lines(session)  # entries_changed("treatment-line") redraws the bands
    view = labs.chart_view
    names = [band.name() for band in view.band_series]
    assert names == ["Line 1: letrozole + palbociclib", "Line 2: capecitabine"]
    first, ongoing = (band.upperSeries().points() for band in view.band_series)
    assert first[0].x() == max(cr.day_to_msecs(cr.day("2023-01-10")), view.x_axis.min())  # cut at the axis
    assert first[-1].x() == cr.day_to_msecs(cr.day("2024-04-22") + 1)
    today = dt.date.today().toordinal()
    assert ongoing[-1].x() == cr.day_to_msecs(today + 1)  # an ongoing line reaches today
    assert view.x_axis.max() >= cr.day_to_msecs(today)
    assert all(p.y() == view.y_axis.max() for p in ongoing)
    for band in view.band_series:  # semi-transparent, so the values stay readable
        assert 0 < band.brush().color().alpha() < 128
    captions = [backing.childItems()[0].text() for backing in view._band_labels]
    # the full label where it fits, else "Line N" (which one depends on the text size; cr.fit_band_text is
    # tested with fixed widths in the core tests)
    assert [c in (band.label, band.short) for c, band in zip(captions, view.bands, strict=True)] == [
        True,
        True,
    ]
    legend = labs.legend.text()
    assert "Line 1: letrozole + palbociclib" in legend and "Line 2: capecitabine (since May 2024)" in legend
    # the band series are under the values: added first
    series = view.chart().series()
    assert series.index(view.band_series[-1]) < series.index(view.line) < series.index(view.points)


def test_hover_over_a_point_shows_its_date_and_value(qtbot, labs: LabsSection, session: VaultSession) -> None:
    _save_values(session, [("2023-02-01", 70), ("2024-03-05", 42.5), ("2024-10-01", 25)])
    view = labs.chart_view
    qtbot.waitUntil(lambda: view.chart().plotArea().width() > 100)
    where = view.point_position(1)
    qtbot.mouseMove(view.viewport(), where.toPoint())
    qtbot.waitUntil(lambda: "42.5 U/mL" in labs.hover_label.text(), timeout=TIMEOUT)
    # e.g. "Tuesday, March 5, 2024: 42.5 U/mL" (the date in the person's language)
    assert labs.hover_label.text() == f"{long_date('2024-03-05')}: 42.5 U/mL"
    assert view.hover_text == labs.hover_label.text()
    assert view.marked.count() == 1 and view.marked.points()[0].y() == 42.5
    # away from every point: the text goes back to the hint
    qtbot.mouseMove(view.viewport(), (where + QPointF(0, 120)).toPoint())
    qtbot.waitUntil(lambda: "Point at a dot" in labs.hover_label.text(), timeout=TIMEOUT)
    assert view.hover_text == ""


def test_csv_import_good_file_then_bad_file(
    qtbot, labs: LabsSection, session: VaultSession, tmp_path: Path
) -> None:
    good = tmp_path / "labs.csv"
    good.write_text(
        "date,test,value,unit,lab\n2024-01-02,CA 15-3,38,U/mL,City Lab\n"
        "2024-02-06,CA 15-3,41.5,U/mL,City Lab\n2024-02-06,CEA,3.1,ng/mL,City Lab\n"
    )
    assert labs.import_csv(good) is not None
    assert not labs.import_btn.isEnabled()  # one import at a time
    qtbot.waitUntil(lambda: labs.last_message is not None, timeout=TIMEOUT)
    assert labs.last_message.text() == "Imported 3 values from labs.csv."
    labs.last_message.accept()
    assert labs.import_btn.isEnabled()
    assert [labs.test_combo.itemText(i) for i in range(labs.test_combo.count())] == [
        "CA 15-3 (2 values)",
        "CEA (1 value)",
    ]
    assert labs.model.rowCount() == 2 and labs.chart_view.point_count() == 2

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,test,value,unit\n2024-03-01,CA 15-3,44,U/mL\n2024-13-01,CA 15-3,45,U/mL\n"
        "2024-04-01,CA 15-3,lots,U/mL\n2024-05-01,CA 15-3,47,U/mL\n"
    )
    labs.import_csv(bad)
    qtbot.waitUntil(
        lambda: labs.last_message is not None and "bad.csv" in labs.last_message.text(), timeout=TIMEOUT
    )
    box = labs.last_message
    assert box.icon() == QMessageBox.Icon.Warning and box.windowTitle() == "Nothing was imported"
    assert "Nothing was imported from bad.csv: 2 rows need fixing." in box.text()
    listed = box.informativeText().splitlines()
    assert len(listed) == 2 and listed[0].startswith("• row 3: ") and listed[1].startswith("• row 4: ")
    assert "not a number" in listed[1]
    assert len(session.cancer.lab_values()) == 3 and labs.model.rowCount() == 2  # nothing of bad.csv


def test_export_warns_that_the_file_is_not_encrypted(
    qtbot, labs: LabsSection, session: VaultSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save_values(session, [("2024-01-02", 38)])
    questions = Questions(monkeypatch)
    questions.answer(QMessageBox.StandardButton.No)
    qtbot.mouseClick(labs.export_btn, Qt.MouseButton.LeftButton)
    assert [box.icon() for box in questions.seen] == [QMessageBox.Icon.Warning]
    assert "NOT be encrypted" in questions.seen[0].text()
    target = tmp_path / "out.csv"
    monkeypatch.setattr(labs, "ask_export_target", lambda: str(target))
    qtbot.mouseClick(labs.export_btn, Qt.MouseButton.LeftButton)
    assert target.read_text() == "date,test,value,unit,lab\n2024-01-02,CA 15-3,38,U/mL,\n"


def test_values_in_another_unit_are_listed_not_drawn(labs: LabsSection, session: VaultSession) -> None:
    _save_values(session, [("2024-01-02", 3.0), ("2024-02-02", 3.5)], test="CEA")
    session.cancer.save(LabValue(date="2024-03-02", test="CEA", value=4.1, unit="µg/L"))
    session.entry_saved("lab-value")
    assert labs.model.rowCount() == 3 and labs.chart_view.point_count() == 2
    assert labs.unit_note.text() == "1 value in another unit is listed in the table but not drawn."


def test_chart_text_follows_the_window_text_size(qtbot, labs: LabsSection, session: VaultSession) -> None:
    _add_lines(session)
    _save_values(session, [("2023-02-01", 70), ("2024-03-05", 42.5)])
    view = labs.chart_view
    before = view.x_axis.labelsFont().pointSizeF()
    app = QApplication.instance()
    normal = QFont(app.font())
    larger = QFont(normal)
    larger.setPointSizeF(normal.pointSizeF() * 1.5)
    try:
        QApplication.setFont(larger)  # what View > Larger text does (MainWindow.apply_text_scale)...
        app.setStyleSheet(app.styleSheet())  # ...with a re-polish, so children under the style sheet follow
        qtbot.waitUntil(lambda: view.x_axis.labelsFont().pointSizeF() > before * 1.4)
        caption = view._band_labels[0].childItems()[0]
        assert (
            caption.font().pointSizeF() > before * 1.3
            and view.y_axis.labelsFont() == view.x_axis.labelsFont()
        )
    finally:
        QApplication.setFont(normal)
        app.setStyleSheet(app.styleSheet())


# -------------------------------------------------------------------------------------- symptoms
def test_quick_symptom_dialog_by_keyboard(qtbot, session: VaultSession) -> None:
    dialog = QuickSymptomDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.date_edit.date().toString("yyyy-MM-dd") == dt.date.today().isoformat()
    assert dialog.focusWidget() is dialog.symptom_combo
    assert not dialog.location_edit.isVisible()
    qtbot.keyClicks(dialog.symptom_combo, "pain")
    assert dialog.location_edit.isVisible()
    # Enter before a severity is chosen: the problem is shown beside the scale, nothing is saved
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible() and "severity" in dialog.errors["severity"].text().lower()
    assert dialog.focusWidget() is dialog.severity_buttons[0]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_7)
    assert dialog.severity() == 7 and dialog.focusWidget() is dialog.severity_buttons[7]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Right)
    assert dialog.severity() == 8 and dialog.severity_label.text() == "8 of 10: severe"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is dialog.location_edit  # the scale is a single Tab stop
    qtbot.keyClicks(dialog.location_edit, "lower back")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.notes_edit
    qtbot.keyClicks(dialog.notes_edit, "after gardening")
    with qtbot.waitSignal(session.entries_changed, timeout=TIMEOUT) as signal:
        qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Return)
    assert signal.args == ["symptom"]
    assert dialog.result() == QuickSymptomDialog.DialogCode.Accepted and dialog.entry is not None
    saved = session.cancer.symptoms()
    fields = [
        (s.model.date, s.model.symptom, s.model.location, s.model.severity, s.model.notes) for s in saved
    ]
    assert fields == [(dt.date.today().isoformat(), "pain", "lower back", 8, "after gardening")]


def test_symptom_dialog_stores_a_listed_symptom_by_its_code_and_other_words_as_typed(
    qtbot, session: VaultSession
) -> None:
    saved = []
    for text in ("Fatigue", "JOINT PAIN", "Tingling in my toes"):
        dialog = QuickSymptomDialog(session)
        qtbot.addWidget(dialog)
        assert dialog.symptom_combo.itemText(0) == "Pain"
        dialog.symptom_combo.setEditText(text)
        dialog.set_severity(3)
        dialog.save()
        assert dialog.entry is not None
        saved.append(dialog.entry.model.symptom)
    assert saved == ["fatigue", "joint pain", "Tingling in my toes"]


def test_symptoms_section_chart_table_bands_and_refresh(
    qtbot, symptoms: SymptomsSection, session: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert symptoms.empty_hint.isVisible()
    _add_lines(session)
    for day, severity in (("2023-03-01", 2), ("2023-03-08", 4), ("2024-05-20", 7), ("2024-06-01", 5)):
        session.cancer.save(Symptom(date=day, symptom="fatigue", severity=severity))
    session.cancer.save(Symptom(date="2024-05-21", symptom="nausea", severity=3))
    session.entry_saved("symptom")
    assert [symptoms.symptom_combo.itemText(i) for i in range(symptoms.symptom_combo.count())] == [
        "Fatigue (4 entries)",
        "Nausea (1 entry)",
    ]
    view = symptoms.chart_view
    assert symptoms.model.rowCount() == 4 and view.point_count() == 4
    assert (
        symptoms.model.index(0, 0).data() == "2024-06-01" and symptoms.model.index(0, 1).data() == "5 of 10"
    )
    assert (view.y_axis.min(), view.y_axis.max()) == (0, 10)
    assert len(view.band_series) == 2
    # the line is the average of the last TREND_DAYS days: 2024-05-20 alone, then (7+5)/2
    assert view.line.count() == 4 and view.line.points()[-1].y() == 6.0 and TREND_DAYS == 28
    assert f"average of the last {TREND_DAYS} days" in symptoms.legend.text()
    symptoms.symptom_combo.setCurrentIndex(1)
    assert symptoms.model.rowCount() == 1 and view.point_count() == 1

    # "Log a symptom…" goes through QuickSymptomDialog.ask (patched here); the section refreshes itself
    def log(session_, parent, **kwargs):
        assert kwargs["symptom"] == "nausea"
        entry = session_.cancer.save(Symptom(date="2024-05-22", symptom="nausea", severity=6))
        session_.entry_saved("symptom")
        return entry

    monkeypatch.setattr(QuickSymptomDialog, "ask", staticmethod(log))
    qtbot.mouseClick(symptoms.log_btn, Qt.MouseButton.LeftButton)
    assert symptoms.current_symptom() == "nausea" and symptoms.model.rowCount() == 2
    assert symptoms.selected_entry() is not None and symptoms.selected_entry().model.severity == 6
    qtbot.mouseClick(symptoms.remove_btn, Qt.MouseButton.LeftButton)
    assert symptoms.model.rowCount() == 1
    symptoms.undo_stack.undo()
    assert symptoms.model.rowCount() == 2 and view.point_count() == 2


def test_lock_clears_every_model_and_chart(
    qtbot, labs: LabsSection, symptoms: SymptomsSection, session: VaultSession
) -> None:
    _add_lines(session)
    _save_values(session, [("2023-02-01", 70), ("2024-03-05", 42.5)])
    session.cancer.save(Symptom(date="2024-03-05", symptom="fatigue", severity=4, notes="tired"))
    session.entry_saved("symptom")
    labs.table.selectRow(0)
    labs.chart_view.hover(labs.chart_view.point_position(0))
    assert labs.model.rowCount() == 2 and symptoms.model.rowCount() == 1 and labs.hover_label.text() != ""
    for section in (labs, symptoms):
        section.set_session(None)
        assert section.session is None and section.model.rowCount() == 0
        combo = section.test_combo if section is labs else section.symptom_combo
        assert combo.count() == 0
        view = section.chart_view
        assert view.point_count() == 0 and view.line.count() == 0 and view.marked.count() == 0
        assert view.band_series == [] and view.bands == [] and view.chart().title() == ""
        assert view.hover_text == "" and section.legend.text() == ""
        assert not section.empty_hint.isVisible()
    assert (
        not labs.add_btn.isEnabled() and not labs.import_btn.isEnabled() and not labs.export_btn.isEnabled()
    )
    assert not symptoms.log_btn.isEnabled()
    assert "42.5" not in labs.hover_label.text()
    # the old session's signals no longer reach the sections
    session.entry_saved("lab-value")
    session.entry_saved("symptom")
    assert labs.model.rowCount() == 0 and symptoms.model.rowCount() == 0
