"""The searchable text of structured entries: every kind of mbc_vault/categories.ENTRY_KINDS, by its
fields (codes as their English labels) and its notes. A question list gives one row per question."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..cancer import vocab as cancer_vocab
from ..care import vocab as care_vocab
from ..history import vocab as history_vocab
from ..records import Record
from .hits import HitContext

#: fields that hold a code of a vocabulary: the label is indexed too ("ductal": "Invasive ductal...")
_FIELD_VOCABS: dict[str, Mapping[str, str]] = {
    "histology": cancer_vocab.HISTOLOGIES,
    "presentation": cancer_vocab.PRESENTATIONS,
    "site": {**cancer_vocab.METASTASIS_SITES, **cancer_vocab.BIOPSY_SITES},
    "er_status": cancer_vocab.RECEPTOR_STATUS,
    "pr_status": cancer_vocab.RECEPTOR_STATUS,
    "setting": cancer_vocab.SETTINGS,
    "best_response": cancer_vocab.RESPONSES,
    "stop_reason": cancer_vocab.STOP_REASONS,
    "medication_kind": cancer_vocab.MEDICATION_KINDS,
    "role": care_vocab.ROLES,
    "item": care_vocab.LEGAL_ITEMS,
    "status": {
        **care_vocab.LEGAL_STATUS,
        **care_vocab.TRIAL_STATUS,
        **history_vocab.ALLERGY_STATUS,
        **history_vocab.CONDITION_STATUS,
    },
    # a symptom's severity is a number (not a str, so never looked up); an allergy's is a code
    "severity": history_vocab.SEVERITIES,
    "category": history_vocab.ALLERGY_CATEGORIES,
    "allergy_kind": history_vocab.ALLERGY_KINDS,
    "side": history_vocab.SIDES,
    "lymph_nodes": history_vocab.LYMPH_NODE_PROCEDURES,
    "intent": history_vocab.RADIATION_INTENTS,
}
#: fields that are links, times or flags, not words a person searches for
_SKIPPED = {
    "contact_id",
    "appointment_id",
    "trial_record",
    "carried_from",
    "time",
    "sex",
    "questions",
    "answers",
    "source",  # where a portal entry came from: a document id and a file name, not the entry's words
}


@dataclass
class EntryRow:
    """One row of the index for an entry: *head* is its title, *body* its fields as text."""

    kind: str
    title: str
    head: str
    notes: str
    body: str
    item: int | None = None
    context: HitContext | None = None


def _texts(name: str, value: Any) -> Iterable[str]:
    if isinstance(value, str):
        if value:  # a code as its label ("ductal": "Invasive ductal carcinoma"), free text as typed
            yield _FIELD_VOCABS.get(name, {}).get(value) or value
    elif isinstance(value, list):
        for part in value:
            yield from _texts(name, part)
    elif isinstance(value, dict):
        for key, part in value.items():
            yield from _texts(str(key), part)


def _date_of(record: Record) -> str | None:
    value = record.data.get("date") if isinstance(record.data, dict) else None
    return value if isinstance(value, str) and value else None


def entry_rows(record: Record, appointments: Mapping[str, Record]) -> list[EntryRow]:
    """The rows of one entry record; *appointments* (id -> record) gives a question list its context."""
    data = record.data if isinstance(record.data, dict) else {}
    fields = [text for name, value in data.items() if name not in _SKIPPED for text in _texts(name, value)]
    if record.kind == "care-priorities":
        answers = data.get("answers")
        for key, value in answers.items() if isinstance(answers, dict) else ():
            fields.append(care_vocab.PRIORITY_QUESTIONS.get(str(key), ""))
            if isinstance(value, dict):
                fields.append(str(value.get("answer", "")))
    body = "\n".join(text for text in fields if text and text != record.title)
    rows = [EntryRow(record.kind, record.title, record.title, record.notes, body)]
    if record.kind == "question-list":
        appointment = appointments.get(str(data.get("appointment_id", "")))
        context = (
            HitContext("appointment", appointment.date or _date_of(appointment), appointment.title)
            if appointment is not None
            else HitContext("question-list", None, record.title)
        )
        rows[0].context = context
        questions = data.get("questions")
        for number, question in enumerate(questions if isinstance(questions, list) else []):
            if not isinstance(question, dict):
                continue
            text = str(question.get("text", ""))
            answer = str(question.get("answer", ""))
            if text.strip():
                rows.append(EntryRow("question", text, text, "", answer, number, context))
    return rows
