"""Reading and writing care entries; question-list templates."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib.resources import files

from ..entries import Entry, EntryStore
from .models import Appointment, CarePriorities, ClinicalTrial, Contact, LegalItem, PersonToTell, QuestionList

TEMPLATES_DIR = files("mbc_vault.resources") / "question_templates"


@dataclass
class Template:
    id: str
    title: str
    questions: list[str]


def question_templates() -> list[Template]:
    out = []
    for path in sorted(
        (p for p in TEMPLATES_DIR.iterdir() if p.name.endswith(".json")), key=lambda p: p.name
    ):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(Template(data["id"], data["title"], list(data["questions"])))
    return out


def list_from_template(template: Template, appointment_id: str = "") -> QuestionList:
    questions = QuestionList(
        appointment_id=appointment_id,
        name=template.title,
        questions=[{"text": q, "answer": ""} for q in template.questions],
    )
    questions.validate()
    return questions


class CarePlan(EntryStore):
    """Appointments, questions, the care team, legal papers, people to tell, priorities, trials."""

    def appointments(self) -> list[Entry[Appointment]]:
        return sorted(self.load(Appointment), key=lambda e: e.model.starts())

    def upcoming(self, now: dt.datetime | None = None) -> list[Entry[Appointment]]:
        return [e for e in self.appointments() if e.model.is_upcoming(now)]

    def past(self, now: dt.datetime | None = None) -> list[Entry[Appointment]]:
        return [e for e in reversed(self.appointments()) if not e.model.is_upcoming(now)]

    def question_lists(self, appointment_id: str | None = None) -> list[Entry[QuestionList]]:
        lists = self.load(QuestionList)
        return (
            [q for q in lists if q.model.appointment_id == appointment_id]
            if appointment_id is not None
            else lists
        )

    def contacts(self) -> list[Entry[Contact]]:
        return sorted(
            self.load(Contact), key=lambda e: (e.model.role != "medical-oncologist", e.model.name.lower())
        )

    def legal_items(self) -> list[Entry[LegalItem]]:
        return self.load(LegalItem)

    def reviews_due(self, today: dt.date | None = None) -> list[Entry[LegalItem]]:
        """Legal papers whose review is overdue or within 60 days, most urgent first."""
        due = [e for e in self.legal_items() if e.model.review_state(today)]
        return sorted(due, key=lambda e: e.model.review_by or "")

    def people_to_tell(self) -> list[Entry[PersonToTell]]:
        return sorted(self.load(PersonToTell), key=lambda e: (e.model.told, e.model.name.lower()))

    def priorities(self) -> Entry[CarePriorities] | None:
        found = self.load(CarePriorities)
        return found[-1] if found else None

    def trials(self) -> list[Entry[ClinicalTrial]]:
        return self.load(ClinicalTrial)
