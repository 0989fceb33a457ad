"""Care entries: appointments and question lists, the care team, legal and planning papers,
people to tell, care priorities and clinical trials. Validated like the cancer-record models."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..entry_model import FieldError, Model, _choice, _date, _order, _time
from . import vocab

PINNED_QUESTION = "Is there anything I haven't asked that I should know?"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+()\-.\s/x]{5,}$")
_NCT = re.compile(r"^NCT\d{8}$")


@dataclass
class Appointment(Model):
    KIND: ClassVar[str] = "appointment"
    date: str | None = None
    time: str = ""  # HH:MM, local time
    duration_minutes: int = 60
    contact_id: str = ""  # a care-team entry, if chosen
    with_whom: str = ""  # free text (or the contact's name, kept for printing)
    purpose: str = ""
    place: str = ""
    notes: str = ""

    def validate(self) -> None:
        self.date = _date(self.date, "date", "date", required=True)
        self.time = _time(self.time)
        try:
            self.duration_minutes = int(self.duration_minutes)
        except (TypeError, ValueError):
            raise FieldError("duration_minutes", "duration-not-a-number") from None
        if not 5 <= self.duration_minutes <= 24 * 60:
            raise FieldError("duration_minutes", "duration-out-of-range")
        if not (self.purpose.strip() or self.with_whom.strip()):
            raise FieldError("purpose", "appointment-purpose-missing")

    def starts(self) -> dt.datetime:
        hour, minute = (int(x) for x in (self.time or "00:00").split(":"))
        return dt.datetime.combine(dt.date.fromisoformat(self.date or "1970-01-01"), dt.time(hour, minute))

    def is_upcoming(self, now: dt.datetime | None = None) -> bool:
        now = now or dt.datetime.now()
        end = self.starts() + dt.timedelta(minutes=self.duration_minutes)
        return end >= now if self.time else self.starts().date() >= now.date()

    def title(self) -> str:
        what = self.purpose.strip() or "Appointment"
        return f"{what} with {self.with_whom}" if self.with_whom.strip() else what

    def sort_date(self) -> str | None:
        return self.date


@dataclass
class QuestionList(Model):
    """Questions for one appointment; the pinned question always stays last."""

    KIND: ClassVar[str] = "question-list"
    appointment_id: str = ""
    name: str = ""
    questions: list[dict[str, Any]] = field(default_factory=list)  # {"text", "answer", "carried_from"}

    def validate(self) -> None:
        self.name = self.name.strip() or "Questions"
        cleaned = []
        for q in self.questions:
            text = str(q.get("text", "")).strip()
            if text and text != PINNED_QUESTION:
                cleaned.append(
                    {
                        "text": text,
                        "answer": str(q.get("answer", "")).strip(),
                        **({"carried_from": q["carried_from"]} if q.get("carried_from") else {}),
                    }
                )
        pinned = next((q for q in self.questions if str(q.get("text", "")).strip() == PINNED_QUESTION), None)
        cleaned.append({"text": PINNED_QUESTION, "answer": str((pinned or {}).get("answer", "")).strip()})
        self.questions = cleaned

    def add(self, text: str) -> None:
        """Add a question before the pinned last one."""
        text = text.strip()
        if not text:
            raise FieldError("questions", "question-empty")
        self.validate()
        self.questions.insert(len(self.questions) - 1, {"text": text, "answer": ""})

    def unanswered(self) -> list[dict[str, Any]]:
        return [q for q in self.questions if not q.get("answer") and q["text"] != PINNED_QUESTION]

    def carry_over_to(self, other: QuestionList, source_id: str = "") -> int:
        """Copy this list's unanswered questions into *other* (not twice); returns how many moved."""
        other.validate()
        present = {q["text"] for q in other.questions}
        moved = 0
        for question in self.unanswered():
            if question["text"] not in present:
                other.questions.insert(
                    len(other.questions) - 1,
                    {"text": question["text"], "answer": "", "carried_from": source_id},
                )
                moved += 1
        return moved

    def title(self) -> str:
        return self.name or "Questions"


@dataclass
class Contact(Model):
    KIND: ClassVar[str] = "contact"
    name: str = ""
    role: str = ""
    role_other: str = ""
    institution: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    portal: str = ""
    address: str = ""
    call_for: str = ""
    after_hours: str = ""

    def validate(self) -> None:
        self.name = self.name.strip()
        if not self.name:
            raise FieldError("name", "contact-name-missing")
        _choice(self.role, "role", vocab.ROLES, "role")
        for name in ("phone", "fax", "after_hours"):
            value = getattr(self, name).strip()
            setattr(self, name, value)
            if value and not _PHONE.match(value):
                raise FieldError(name, "phone-not-valid")
        self.email = self.email.strip()
        if self.email and not _EMAIL.match(self.email):
            raise FieldError("email", "email-not-valid")

    def role_label(self) -> str:
        return self.role_other if self.role == "other" and self.role_other else vocab.ROLES.get(self.role, "")

    def title(self) -> str:
        role = self.role_label()
        return f"{self.name} ({role})" if role else self.name


@dataclass
class LegalItem(Model):
    KIND: ClassVar[str] = "legal-item"
    item: str = ""
    status: str = "not-started"
    date_signed: str | None = None
    review_by: str | None = None
    original_location: str = ""
    copies_held_by: str = ""
    notes: str = ""

    def validate(self) -> None:
        _choice(self.item, "item", vocab.LEGAL_ITEMS, "paper", allow_empty=False)
        _choice(self.status, "status", vocab.LEGAL_STATUS, "status", allow_empty=False)
        self.date_signed = _date(self.date_signed, "date_signed", "date signed")
        self.review_by = _date(self.review_by, "review_by", "review-by date")
        _order(self.date_signed, self.review_by, "review_by")
        if self.date_signed and self.status != "signed":
            raise FieldError("status", "signed-date-without-status")

    def review_state(self, today: dt.date | None = None, soon_days: int = 60) -> str:
        """'overdue', 'soon' (within *soon_days*), or ''."""
        if not self.review_by:
            return ""
        today = today or dt.date.today()
        due = dt.date.fromisoformat(self.review_by)
        if due < today:
            return "overdue"
        return "soon" if (due - today).days <= soon_days else ""

    def title(self) -> str:
        return vocab.LEGAL_ITEMS.get(self.item, self.item)

    def sort_date(self) -> str | None:
        return self.review_by


@dataclass
class PersonToTell(Model):
    KIND: ClassVar[str] = "person-to-tell"
    name: str = ""
    relationship: str = ""
    told: bool = False
    told_date: str | None = None
    what_to_know: str = ""
    who_else_may_tell: str = ""

    def validate(self) -> None:
        self.name = self.name.strip()
        if not self.name:
            raise FieldError("name", "person-name-missing")
        self.told_date = _date(self.told_date, "told_date", "date you told them")
        if self.told_date:
            self.told = True

    def title(self) -> str:
        return self.name


@dataclass
class CarePriorities(Model):
    """Answers to the questions guides ask a person to think through; each answer keeps its date."""

    KIND: ClassVar[str] = "care-priorities"
    answers: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> {"answer", "date"}

    def validate(self) -> None:
        cleaned = {}
        for key, value in self.answers.items():
            if key not in vocab.PRIORITY_QUESTIONS:
                continue
            answer = str(value.get("answer", "")).strip()
            if answer:
                cleaned[key] = {
                    "answer": answer,
                    "date": _date(value.get("date"), key, "date") or dt.date.today().isoformat(),
                }
        self.answers = cleaned

    def set_answer(self, key: str, answer: str, today: str | None = None) -> None:
        old = self.answers.get(key, {})
        if old.get("answer") != answer.strip():
            self.answers[key] = {"answer": answer.strip(), "date": today or dt.date.today().isoformat()}

    def title(self) -> str:
        return "My care priorities"


@dataclass
class ClinicalTrial(Model):
    KIND: ClassVar[str] = "clinical-trial"
    identifier: str = ""
    title_text: str = ""
    site: str = ""
    contact: str = ""
    status: str = "considering"
    eligibility_notes: str = ""

    def validate(self) -> None:
        self.identifier = self.identifier.strip().upper()
        if not (self.identifier or self.title_text.strip()):
            raise FieldError("identifier", "trial-identifier-missing")
        if self.identifier.startswith("NCT") and not _NCT.match(self.identifier):
            raise FieldError("identifier", "nct-number-not-valid")
        _choice(self.status, "status", vocab.TRIAL_STATUS, "status", allow_empty=False)

    def title(self) -> str:
        parts = [p for p in (self.identifier, self.title_text.strip()) if p]
        return ": ".join(parts)


MODELS: dict[str, type[Model]] = {
    m.KIND: m
    for m in (Appointment, QuestionList, Contact, LegalItem, PersonToTell, CarePriorities, ClinicalTrial)
}
