"""Care planning sections (appointments and questions, care team, legal papers, people to tell,
priorities, trials) driven through their real forms (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfread
import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from dialogs import Questions, answering, entry_of
from pdfmaker import text_pdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout, QWidget

from mbc_vault.care import vocab
from mbc_vault.care.models import PINNED_QUESTION, Appointment, CarePriorities, QuestionList
from mbc_vault.care.store import question_templates
from mbc_vault.vault import Vault
from ui.forms.entry_form import EntryFormDialog
from ui.main_window import MainWindow
from ui.sections.appointments import AppointmentsSection
from ui.sections.care_team import CareTeamSection
from ui.sections.legal import LegalSection
from ui.sections.people_to_tell import PeopleToTellSection
from ui.sections.priorities import PrioritiesSection
from ui.sections.questions import QuestionListEditor, TemplateDialog
from ui.sections.trials import TrialsSection


def day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


@dataclass
class Care:
    """The main window (for its session, undo stack, lock and unlock) and the care sections beside it."""

    window: MainWindow
    host: QWidget
    vault_path: Path
    appointments: AppointmentsSection
    team: CareTeamSection
    legal: LegalSection
    people: PeopleToTellSection
    priorities: PrioritiesSection
    trials: TrialsSection

    def sections(self) -> list[QWidget]:
        return [self.appointments, self.team, self.legal, self.people, self.priorities, self.trials]

    def lock(self) -> None:
        for section in self.sections():
            section.set_session(None)  # type: ignore[attr-defined]
        self.window.lock()

    def unlock(self) -> None:
        self.window.enter_vault(Vault.open(self.vault_path, PASSPHRASE))
        for section in self.sections():
            section.set_session(self.window.session)  # type: ignore[attr-defined]


@pytest.fixture
def care(qtbot, window: MainWindow, tmp_path: Path) -> Iterator[Care]:
    path = tmp_path / "v"
    window.enter_vault(Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR))
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    undo = window.undo_stack
    sections = Care(
        window,
        host,
        path,
        AppointmentsSection(undo, host),
        CareTeamSection(undo, host),
        LegalSection(undo, host),
        PeopleToTellSection(undo, host),
        PrioritiesSection(undo, host),
        TrialsSection(undo, host),
    )
    for section in sections.sections():
        layout.addWidget(section)
        section.set_session(window.session)  # type: ignore[attr-defined]
    host.resize(1000, 3000)
    host.show()
    yield sections
    if window.session is not None:
        sections.lock()


def open_form(qtbot, open_it: Callable[[], None], act: Callable[[EntryFormDialog], None]) -> None:
    """Open the real form (its ask()), let *act* work in it; the form must be closed at the end."""
    problems: list[object] = []

    def run(dialog: EntryFormDialog) -> None:
        try:
            act(dialog)
        finally:
            if dialog.isVisible():  # not saved: say why, and close it
                problems.append(
                    dialog.general_error.text() or [e.text() for e in dialog.errors.values() if e.text()]
                )
                dialog.reject()

    with pytest.MonkeyPatch.context() as patch:
        seen = answering(patch, qtbot, EntryFormDialog, run, answer=entry_of)
        open_it()
    assert seen, "the form did not open"
    assert problems == []


def fill_form(
    qtbot,
    open_it: Callable[[], None],
    values: dict[str, str],
    expect_error: str | None = None,
    links: list[str] | None = None,
) -> None:
    def act(dialog: EntryFormDialog) -> None:
        for name, text in values.items():
            dialog.set_value(name, text)
        for row in range(dialog.documents.count()):
            item = dialog.documents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in (links or []):
                item.setCheckState(Qt.CheckState.Checked)
        qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
        if expect_error:
            assert dialog.isVisible() and dialog.errors[expect_error].isVisible()
            assert dialog.errors[expect_error].text()
            dialog.reject()

    open_form(qtbot, open_it, act)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pdf_text(path: Path) -> str:
    text = pdfread.pdf_text(path)
    return " ".join(unicodedata.normalize("NFKC", text).replace("’", "'").split())  # NFKC: no ligatures


def render_first_page(path: Path, tmp_path: Path) -> Path:
    page = pdfread.render_png(path, tmp_path / "page-1.png", dpi=50)
    assert page.stat().st_size > 3000
    return page


def question_texts(questions: QuestionListEditor) -> list[str]:
    current = questions.current_list()
    return [q["text"] for q in current.model.questions] if current else []


def test_appointment_questions_answers_and_carry_over(qtbot, care: Care, tmp_path: Path, monkeypatch) -> None:
    team, section = care.team, care.appointments
    questions = section.question_editor
    fill_form(
        qtbot,
        team.contacts.add,
        {"name": "Dr. A. Fictional", "role": "medical-oncologist", "phone": "555-0100"},
    )
    oncologist = care.window.session.care.contacts()[0]
    fill_form(
        qtbot,
        section.appointments.add,
        {"date": day(3), "time": "9:75", "purpose": "Scan results"},
        expect_error="time",
    )
    fill_form(
        qtbot,
        section.appointments.add,
        {
            "date": day(3),
            "time": "9:30",
            "duration_minutes": "45",
            "with_whom": "Dr. A. Fictional (Medical oncologist)",
            "purpose": "Scan results",
            "place": "Example Cancer Center, 2nd floor",
        },
    )
    fill_form(
        qtbot,
        section.appointments.add,
        {"date": day(24), "time": "14:00", "with_whom": "Dr. B. Placeholder", "purpose": "Second opinion"},
    )
    plan = care.window.session.care
    first, second = plan.upcoming()
    assert first.model.contact_id == oncologist.id and first.model.with_whom == "Dr. A. Fictional"
    assert first.model.time == "09:30" and first.model.duration_minutes == 45
    assert second.model.contact_id == "" and second.model.with_whom == "Dr. B. Placeholder"
    assert section.appointments.model.rowCount() == 2
    assert section.selected_appointment().id == first.id  # the next appointment is chosen at once
    assert not questions.carry_btn.isEnabled()  # no list yet

    # a list from a template; it belongs to the chosen appointment
    template = next(t for t in question_templates() if t.id == "side-effects")

    def pick(dialog: TemplateDialog) -> None:
        dialog.setTextValue(template.title)
        dialog.accept()

    answering(monkeypatch, qtbot, TemplateDialog, pick)
    click(qtbot, questions.new_list_btn)
    assert [q.model.name for q in plan.question_lists(first.id)] == [template.title]
    assert question_texts(questions) == template.questions + [PINNED_QUESTION]
    assert questions.questions.rowCount() == len(template.questions) + 1

    # a question of my own, typed and entered with the keyboard: it goes before the pinned one
    qtbot.keyClicks(questions.question_edit, "Can I travel in June?")
    qtbot.keyClick(questions.question_edit, Qt.Key.Key_Return)
    texts = question_texts(questions)
    assert texts[-2:] == ["Can I travel in June?", PINNED_QUESTION]
    assert [q["text"] for q in plan.question_lists(first.id)[0].model.questions][
        -2
    ] == "Can I travel in June?"
    assert questions.questions.currentRow() == len(texts) - 2
    click(qtbot, questions.add_question_btn)  # nothing typed: the message is beside the box
    assert questions.question_error.isVisible() and "Type the question" in questions.question_error.text()

    # answers during the visit: Save, and an answer typed before moving to another question is kept
    questions.questions.setCurrentCell(0, 0)
    questions.answer_edit.setPlainText("Tiredness and low blood counts")
    click(qtbot, questions.save_answer_btn)
    questions.questions.setCurrentCell(1, 0)
    questions.answer_edit.setPlainText("Rest, fluids, walk a little")
    questions.questions.setCurrentCell(2, 0)
    qtbot.waitUntil(lambda: questions.questions.item(1, 1).text() == "Rest, fluids, walk a little")
    saved = plan.question_lists(first.id)[0].model.questions
    assert [q["answer"] for q in saved[:2]] == [
        "Tiredness and low blood counts",
        "Rest, fluids, walk a little",
    ]
    assert questions.questions.item(0, 1).text() == "Tiredness and low blood counts"
    open_now = len(template.questions) + 1 - 2
    assert section.appointments.model.index(0, 5).data() == str(open_now)
    care.window.undo_stack.undo()  # the second answer is undone
    qtbot.waitUntil(lambda: questions.questions.item(1, 1).text() == "")
    care.window.undo_stack.redo()
    qtbot.waitUntil(lambda: questions.questions.item(1, 1).text() == "Rest, fluids, walk a little")

    # carry the unanswered questions over to the next appointment (its list is created)
    source = questions.current_list()
    click(qtbot, questions.carry_btn)
    lists = plan.question_lists(second.id)
    assert len(lists) == 1
    moved = lists[0].model.questions
    assert [q["text"] for q in moved] == template.questions[2:] + ["Can I travel in June?", PINNED_QUESTION]
    assert all(q.get("carried_from") == source.id for q in moved[:-1])
    assert "carried over to Second opinion" in questions.feedback.text()
    click(qtbot, questions.carry_btn)  # not twice
    assert "already on the list" in questions.feedback.text()
    assert len(plan.question_lists(second.id)[0].model.questions) == len(moved)
    section.select_appointment(second.id)
    assert question_texts(questions) == [q["text"] for q in moved]
    assert "(carried over)" in questions.questions.item(0, 0).text()
    questions.questions.setCurrentCell(len(moved) - 1, 0)
    assert not questions.remove_question_btn.isEnabled()  # the pinned question stays

    # the printable list (not encrypted: the path question says so) and the calendar file
    section.select_appointment(first.id)
    out = tmp_path / "questions.pdf"
    asked: list[str] = []
    monkeypatch.setattr(questions, "ask_save_path", lambda title, name, filt: asked.append(name) or str(out))
    click(qtbot, questions.pdf_btn)
    qtbot.waitUntil(lambda: out.exists() and "Saved" in questions.feedback.text(), timeout=20_000)
    text = pdf_text(out)
    assert template.title in text and "Can I travel in June?" in text and PINNED_QUESTION in text
    assert "Tiredness and low blood counts" in text and "Jane Example" in text and "Scan results" in text
    assert asked == [f"questions-{day(3)}.pdf"]
    render_first_page(out, tmp_path)
    ics = tmp_path / "appointments.ics"
    monkeypatch.setattr(section, "ask_save_path", lambda title, name, filt: str(ics))
    click(qtbot, section.export_btn)
    qtbot.waitUntil(lambda: ics.exists(), timeout=20_000)
    data = ics.read_text(encoding="utf-8")
    assert data.count("BEGIN:VEVENT") == 2 and "SUMMARY:Scan results with Dr. A. Fictional" in data

    # past view, and lock drops everything
    section.show_past.setChecked(True)
    assert section.appointments.model.rowCount() == 0 and questions.questions.rowCount() == 0
    section.show_upcoming.setChecked(True)
    care.lock()
    assert section.appointments.model.rowCount() == 0 and questions.questions.rowCount() == 0
    assert questions.list_combo.count() == 0 and questions.answer_edit.toPlainText() == ""


def test_lock_keeps_an_answer_typed_but_not_saved(qtbot, care: Care) -> None:
    plan = care.window.session.care
    appointment = plan.save(Appointment(date=day(2), purpose="Check-up"))
    plan.save(QuestionList(appointment_id=appointment.id, name="Mine", questions=[{"text": "Scan when?"}]))
    care.window.session.entry_saved("appointment")
    questions = care.appointments.question_editor
    assert question_texts(questions) == ["Scan when?", PINNED_QUESTION]
    questions.questions.setCurrentCell(0, 0)
    questions.answer_edit.setPlainText("In March")
    care.lock()
    care.unlock()
    assert [
        q["answer"] for q in care.window.session.care.question_lists(appointment.id)[0].model.questions
    ] == ["In March", ""]
    assert questions.questions.item(0, 1).text() == "In March"


def test_care_team_bad_email_then_fixed_and_contact_sheet(
    qtbot, care: Care, tmp_path: Path, monkeypatch
) -> None:
    section = care.team

    def act(dialog: EntryFormDialog) -> None:
        dialog.set_value("name", "Robin Sample")
        dialog.set_value("role", "nurse-navigator")
        dialog.set_value("phone", "555-0110")
        dialog.set_value("after_hours", "555-0199")
        dialog.set_value("email", "robin at example")
        dialog.widgets["call_for"].setPlainText("Rides, appointments, anything you are unsure about")
        qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.errors["email"].isVisible() and "email address" in dialog.errors["email"].text()
        assert dialog.focusWidget() is dialog.widgets["email"]
        dialog.set_value("email", "robin@example.org")
        qtbot.mouseClick(dialog.save_btn, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

    open_form(qtbot, section.contacts.add, act)
    fill_form(
        qtbot,
        section.contacts.add,
        {
            "name": "Dr. A. Fictional",
            "role": "medical-oncologist",
            "institution": "Example Cancer Center",
            "phone": "555-0100",
        },
    )
    assert section.contacts.model.rowCount() == 2
    assert section.contacts.model.index(0, 0).data() == "Dr. A. Fictional"  # the oncologist first
    assert section.contacts.model.index(1, 1).data() == "Nurse navigator"
    assert care.window.session.care.contacts()[1].model.email == "robin@example.org"
    out = tmp_path / "team.pdf"
    monkeypatch.setattr(section, "ask_save_path", lambda title, name, filt: str(out))
    click(qtbot, section.pdf_btn)
    qtbot.waitUntil(lambda: out.exists() and "Saved" in section.feedback.text(), timeout=20_000)
    text = pdf_text(out)
    assert (
        "My care team" in text
        and "Robin Sample" in text
        and "555-0199" in text
        and "Dr. A. Fictional" in text
    )
    render_first_page(out, tmp_path)


def test_legal_checklist_review_overdue_and_trash(qtbot, care: Care) -> None:
    section = care.legal
    assert section.table.rowCount() == len(vocab.LEGAL_ITEMS) == 11
    assert [section.table.item(r, 0).text() for r in range(11)] == list(vocab.LEGAL_ITEMS.values())
    assert all(section.status_text(key) == "Not started" for key in vocab.LEGAL_ITEMS)
    assert "not legal advice" in section.disclaimer.text()
    assert not section.summary.isVisible()
    document = care.window.session.vault.add_document(
        text_pdf(care.vault_path.parent / "will.pdf", [["Last will and testament (fictional)"]]),
        category="will",
        title="My will (scan)",
        date="2019-04-02",
    )
    section.select_item("will")
    assert not section.remove_btn.isEnabled()
    fill_form(
        qtbot,
        section.edit_selected,
        {"status": "in-progress", "date_signed": "2019-04-02"},
        expect_error="status",
    )
    fill_form(
        qtbot,
        section.edit_selected,
        {
            "status": "signed",
            "date_signed": "2019-04-02",
            "review_by": day(-10),
            "original_location": "Fire safe",
            "copies_held_by": "Sam",
        },
        links=[document.id],
    )
    assert section.status_text("will") == "Signed"
    assert section.review_text("will") == f"{day(-10)}\nReview overdue"
    row = list(vocab.LEGAL_ITEMS).index("will")
    assert section.table.item(row, 3).foreground().color().name() == "#a30000"
    assert section.table.item(row, 6).text() == "1"
    assert section.summary.isVisible() and "Will" in section.summary.text()
    entry = care.window.session.care.legal_items()[0]
    assert entry.record.links == [document.id] and care.window.session.vault.get(entry.id).scope == "legal"
    section.select_item("health-care-proxy")
    fill_form(
        qtbot, section.edit_selected, {"status": "signed", "date_signed": "2024-01-10", "review_by": day(20)}
    )
    assert section.review_text("health-care-proxy").endswith("Review soon")
    assert "Coming up for a look soon" in section.summary.text()
    section.select_item("will")
    click(qtbot, section.remove_btn)
    assert section.status_text("will") == "Not started" and section.review_text("will") == ""
    care.window.undo_stack.undo()
    assert section.status_text("will") == "Signed"
    care.lock()
    assert section.status_text("will") == "Not started" and not section.summary.isVisible()


def test_people_to_tell_with_the_keyboard_only(qtbot, care: Care) -> None:
    section = care.people

    def act_all(dialog: EntryFormDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.widgets["name"])
        steps = [
            ("Sam", "relationship"),
            ("brother", "told"),
            (None, "told_date"),
            (day(-3), "what_to_know"),
            ("The plan, and how he can help with rides", "who_else_may_tell"),
        ]
        for text, next_field in steps:
            widget = QApplication.focusWidget()
            if text is not None:
                qtbot.keyClicks(widget, text)
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dialog.widgets[next_field], next_field
        qtbot.keyClicks(QApplication.focusWidget(), "Alex")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter saves the form

    section.people.add_btn.setFocus()
    open_form(qtbot, lambda: qtbot.keyClick(section.people.add_btn, Qt.Key.Key_Space), act_all)
    people = care.window.session.care.people_to_tell()
    assert len(people) == 1
    sam = people[0].model
    assert (sam.name, sam.relationship, sam.told, sam.told_date) == ("Sam", "brother", True, day(-3))
    assert sam.what_to_know == "The plan, and how he can help with rides" and sam.who_else_may_tell == "Alex"
    assert section.people.model.index(0, 2).data() == f"Yes, {day(-3)}"
    fill_form(qtbot, section.people.add, {"name": " "}, expect_error="name")
    fill_form(qtbot, section.people.add, {"name": "Aunt Lee", "relationship": "aunt"})
    assert [section.people.model.index(r, 0).data() for r in range(2)] == [
        "Aunt Lee",
        "Sam",
    ]  # not told first
    assert section.people.model.index(0, 2).data() == "Not yet"


def test_priorities_saved_and_reloaded_after_lock(qtbot, care: Care, tmp_path: Path, monkeypatch) -> None:
    plan = care.window.session.care
    older = CarePriorities()
    older.set_answer("communication", "Gently, step by step.", today="2024-01-05")
    older.set_answer("support", "Sam for rides.", today="2024-01-05")
    plan.save(older)
    care.window.session.entry_saved(CarePriorities.KIND)
    section = care.priorities
    assert section.boxes["communication"].toPlainText() == "Gently, step by step."
    assert section.dates["support"].text() == "Last changed 2024-01-05"
    assert section.dates["costs"].text() == "Not answered yet."
    assert not section.save_btn.isEnabled()
    section.boxes["communication"].setPlainText("Direct and complete, please.")
    section.boxes["quality-of-life"].setFocus()
    qtbot.keyClicks(section.boxes["quality-of-life"], "Walking the dog")
    assert section.save_btn.isEnabled() and section.feedback.text() == "Not saved yet."
    click(qtbot, section.save_btn)
    today = dt.date.today().isoformat()
    assert section.dates["communication"].text() == f"Last changed {today}"
    assert section.dates["support"].text() == "Last changed 2024-01-05"  # unchanged answers keep their date
    assert len(plan.load(CarePriorities)) == 1  # one entry, changed
    assert set(q for q in vocab.PRIORITY_QUESTIONS) == set(section.boxes)

    care.lock()
    assert all(box.toPlainText() == "" and not box.isEnabled() for box in section.boxes.values())
    care.unlock()
    assert section.boxes["communication"].toPlainText() == "Direct and complete, please."
    assert section.boxes["quality-of-life"].toPlainText() == "Walking the dog"
    assert section.dates["quality-of-life"].text() == f"Last changed {today}"
    assert section.dates["support"].text() == "Last changed 2024-01-05"

    out = tmp_path / "priorities.pdf"
    monkeypatch.setattr(section, "ask_save_path", lambda title, name, filt: str(out))
    click(qtbot, section.pdf_btn)
    qtbot.waitUntil(lambda: out.exists() and "Saved" in section.feedback.text(), timeout=20_000)
    assert f"Direct and complete, please. ({today})" in pdf_text(out)


def test_trial_added_with_a_linked_document(qtbot, care: Care) -> None:
    section = care.trials
    consent = care.window.session.vault.add_document(
        text_pdf(care.vault_path.parent / "consent.pdf", [["Consent form (fictional)"]]),
        category="clinical-note",
        title="Trial consent form",
        date="2025-03-01",
    )
    fill_form(qtbot, section.trials.add, {"identifier": "NCT123"}, expect_error="identifier")
    fill_form(
        qtbot,
        section.trials.add,
        {
            "identifier": "nct01234567",
            "title_text": "A fictional study",
            "site": "Example Cancer Center",
            "contact": "Research nurse, 555-0150",
            "status": "screening",
        },
        links=[consent.id],
    )
    assert section.trials.model.rowCount() == 1
    assert [section.trials.model.index(0, c).data() for c in range(6)] == [
        "NCT01234567",
        "A fictional study",
        "Example Cancer Center",
        "Screening",
        "Research nurse, 555-0150",
        "1",
    ]
    trial = care.window.session.care.trials()[0]
    assert trial.record.links == [consent.id]
    section.trials.table.selectRow(0)
    fill_form(qtbot, section.trials.edit_selected, {"status": "enrolled"})
    assert section.trials.model.index(0, 3).data() == "Enrolled"
    care.window.undo_stack.undo()
    assert section.trials.model.index(0, 3).data() == "Screening"


def test_saving_a_file_says_it_is_not_encrypted(
    qtbot, care: Care, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real question before any export: Cancel there saves nothing."""
    questions = Questions(monkeypatch)
    questions.answer(QMessageBox.StandardButton.Cancel)
    click(qtbot, care.team.pdf_btn)
    assert len(questions.seen) == 1 and "will not be encrypted" in questions.seen[0].text()
    assert not care.team.feedback.isVisible() and not list(tmp_path.glob("*.pdf"))
