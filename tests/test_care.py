"""Care planning core: models, question lists, legal reviews, iCalendar, printouts (rendered and read
back)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pdfread
import pytest

from mbc_vault.cancer.models import FieldError
from mbc_vault.care.ics import to_ics, write_ics
from mbc_vault.care.models import (
    PINNED_QUESTION,
    Appointment,
    CarePriorities,
    ClinicalTrial,
    Contact,
    LegalItem,
    PersonToTell,
    QuestionList,
)
from mbc_vault.care.printouts import write_contact_sheet_pdf, write_priorities_pdf, write_question_list_pdf
from mbc_vault.care.store import CarePlan, list_from_template, question_templates
from mbc_vault.vault import Vault


def test_templates_ship_and_end_with_the_pinned_question() -> None:
    templates = question_templates()
    assert {t.id for t in templates} == {
        "after-diagnosis",
        "treatment",
        "receptors-her2",
        "side-effects",
        "living-with-mbc",
        "advanced-decisions",
        "second-opinion",
    }
    for template in templates:
        questions = list_from_template(template)
        assert len(questions.questions) == len(template.questions) + 1
        assert questions.questions[-1]["text"] == PINNED_QUESTION


def test_pinned_question_stays_last_and_carry_over() -> None:
    first = QuestionList(
        name="Visit 1",
        questions=[
            {"text": PINNED_QUESTION, "answer": ""},
            {"text": "What is my scan schedule?", "answer": "Every 3 months"},
        ],
    )
    first.add("Can I travel in June?")
    first.validate()
    assert [q["text"] for q in first.questions] == [
        "What is my scan schedule?",
        "Can I travel in June?",
        PINNED_QUESTION,
    ]
    second = QuestionList(name="Visit 2")
    assert first.carry_over_to(second, "rec1") == 1
    assert first.carry_over_to(second, "rec1") == 0  # not twice
    assert second.questions[0] == {"text": "Can I travel in June?", "answer": "", "carried_from": "rec1"}
    assert second.questions[-1]["text"] == PINNED_QUESTION
    with pytest.raises(FieldError):
        second.add("  ")


@pytest.mark.parametrize(
    "model, field_name",
    [
        (Appointment(date="2026-02-30", purpose="scan"), "date"),
        (Appointment(date="2026-03-02", time="25:00", purpose="scan"), "time"),
        (Appointment(date="2026-03-02"), "purpose"),
        (Appointment(date="2026-03-02", purpose="x", duration_minutes="long"), "duration_minutes"),
        (Contact(name=""), "name"),
        (Contact(name="Dr. A", email="not-an-email"), "email"),
        (Contact(name="Dr. A", phone="call me"), "phone"),
        (LegalItem(item="will", status="in-progress", date_signed="2024-01-01"), "status"),
        (
            LegalItem(item="will", status="signed", date_signed="2024-01-01", review_by="2023-01-01"),
            "review_by",
        ),
        (LegalItem(item="boat"), "item"),
        (PersonToTell(name=" "), "name"),
        (ClinicalTrial(identifier="NCT123"), "identifier"),
        (ClinicalTrial(), "identifier"),
    ],
)
def test_validation_names_the_field(model, field_name: str) -> None:
    with pytest.raises(FieldError) as info:
        model.validate()
    assert info.value.field == field_name


def test_legal_reviews_and_store(vault: Vault) -> None:
    plan = CarePlan(vault)
    today = dt.date.today()
    plan.save(
        LegalItem(
            item="will",
            status="signed",
            date_signed="2020-01-01",
            review_by=(today - dt.timedelta(days=10)).isoformat(),
        )
    )
    plan.save(
        LegalItem(
            item="health-care-proxy",
            status="signed",
            date_signed="2024-01-01",
            review_by=(today + dt.timedelta(days=30)).isoformat(),
        )
    )
    plan.save(
        LegalItem(
            item="living-will", status="in-progress", review_by=(today + dt.timedelta(days=400)).isoformat()
        )
    )
    due = plan.reviews_due()
    assert [(e.model.item, e.model.review_state()) for e in due] == [
        ("will", "overdue"),
        ("health-care-proxy", "soon"),
    ]
    assert vault.get(due[0].id).scope == "legal"
    trial = plan.save(
        ClinicalTrial(identifier="nct01234567", title_text="A fictional study", status="screening")
    )
    assert trial.model.identifier == "NCT01234567" and vault.get(trial.id).scope == "medical"
    person = plan.save(PersonToTell(name="Sam", relationship="brother", told_date="2025-01-05"))
    assert person.model.told and vault.get(person.id).scope == "care"


def test_ics_export(tmp_path: Path, vault: Vault) -> None:
    plan = CarePlan(vault)
    plan.save(
        Appointment(
            date="2026-03-02",
            time="9:30",
            duration_minutes=45,
            with_whom="Dr. A. Fictional",
            purpose="Results, scans",
            place="Example Cancer Center; 2nd floor",
            notes="Bring the medication list\nand questions",
        )
    )
    plan.save(Appointment(date="2026-04-01", purpose="Infusion"))
    text = to_ics(plan.appointments(), now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART:20260302T093000\r\nDTEND:20260302T101500" in text
    assert "SUMMARY:Results\\, scans with Dr. A. Fictional" in text
    assert "LOCATION:Example Cancer Center\\; 2nd floor" in text
    assert "DESCRIPTION:Bring the medication list\\nand questions" in text
    assert "DTSTART;VALUE=DATE:20260401" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    out = tmp_path / "appointments.ics"
    assert write_ics(plan.appointments(), out) == 2 and out.read_bytes().count(b"BEGIN:VEVENT") == 2


def _pdf_text(path: Path) -> str:
    return pdfread.pdf_text(path)


def _render_first_page(path: Path, tmp_path: Path) -> Path:
    return pdfread.render_png(path, tmp_path / "page-1.png", dpi=40)


def test_printouts_render(qapp, tmp_path: Path) -> None:
    template = next(t for t in question_templates() if t.id == "treatment")
    questions = list_from_template(template)
    questions.questions[0]["answer"] = "Letrozole and palbociclib, by mouth"
    appointment = Appointment(
        date="2026-03-02", time="09:30", with_whom="Dr. A. Fictional", purpose="Results"
    )
    pdf = tmp_path / "questions.pdf"
    pages = write_question_list_pdf(questions, appointment, "Jane Example", pdf)
    text = _pdf_text(pdf)
    assert pages >= 1 and "Questions about treatment" in text
    assert PINNED_QUESTION in " ".join(text.replace("’", "'").split())
    assert "Letrozole and palbociclib" in text
    png = _render_first_page(pdf, tmp_path)
    assert png.stat().st_size > 2000
    contacts = tmp_path / "team.pdf"
    from mbc_vault.entries import Entry
    from mbc_vault.records import Record

    team = [
        Entry(
            Record(id="x", category="contact", title=""),
            Contact(
                name="Dr. A. Fictional",
                role="medical-oncologist",
                institution="Example Cancer Center",
                phone="555-0100",
                after_hours="555-0199",
                call_for="fever over 38 °C, new pain",
            ),
        )
    ]
    assert write_contact_sheet_pdf(team, "Jane Example", contacts) == 1
    assert "Dr. A. Fictional" in _pdf_text(contacts) and "555-0199" in _pdf_text(contacts)
    priorities = CarePriorities()
    priorities.set_answer("communication", "Direct and complete, please.", today="2025-02-01")
    out = tmp_path / "priorities.pdf"
    write_priorities_pdf(priorities, "Jane Example", out)
    assert "Direct and complete, please. (2025-02-01)" in _pdf_text(out)
