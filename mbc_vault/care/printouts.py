"""Printable pages for care planning: a question list, the care-team contact sheet, my priorities."""

from __future__ import annotations

import html
import os

from ..entries import Entry
from ..render.pdf import html_to_pdf
from . import vocab
from .models import Appointment, CarePriorities, Contact, QuestionList


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def question_list_html(questions: QuestionList, appointment: Appointment | None, person_name: str) -> str:
    when = ""
    if appointment is not None:
        when = f"{_e(appointment.date)} {_e(appointment.time)} · {_e(appointment.title())}"
        if appointment.place:
            when += f" · {_e(appointment.place)}"
    items = []
    for number, q in enumerate(questions.questions, 1):
        answer = f"<p style='margin-left:18px'><i>{_e(q.get('answer'))}</i></p>" if q.get("answer") else ""
        lines = (
            ""
            if q.get("answer")
            else (
                "<table width='100%' cellpadding='10' cellspacing='0'>"
                + "<tr><td style='border-bottom: 1px solid #777'>&nbsp;</td></tr>" * 2
                + "</table>"
            )
        )
        items.append(f"<p><b>{number}. {_e(q['text'])}</b></p>{answer}{lines}")
    return f"<h1>{_e(questions.name)}</h1><p>{_e(person_name)}<br>{when}</p>" + "".join(items)


def write_question_list_pdf(
    questions: QuestionList, appointment: Appointment | None, person_name: str, out: str | os.PathLike[str]
) -> int:
    """Large, clear type with room to write the answers; returns the page count."""
    return html_to_pdf(
        question_list_html(questions, appointment, person_name), out, title=questions.name, base_point_size=14
    )


def contact_sheet_html(contacts: list[Entry[Contact]], person_name: str) -> str:
    rows = []
    for entry in contacts:
        c = entry.model
        reach = "<br>".join(
            _e(x)
            for x in (
                f"Phone {c.phone}" if c.phone else "",
                f"Fax {c.fax}" if c.fax else "",
                c.email,
                c.portal,
            )
            if x
        )
        call = _e(c.call_for) + (f"<br><b>After hours:</b> {_e(c.after_hours)}" if c.after_hours else "")
        rows.append(
            f"<tr><td><b>{_e(c.name)}</b><br>{_e(c.role_label())}<br><small>{_e(c.institution)}</small></td>"
            f"<td>{reach}</td><td>{call}</td></tr>"
        )
    body = "".join(rows) or "<tr><td colspan='3'>No care team members recorded yet.</td></tr>"
    return (
        f"<h1>My care team</h1><p>{_e(person_name)}</p>"
        "<table border='1' cellspacing='0' cellpadding='6' width='100%'>"
        "<thead><tr><th>Who</th><th>How to reach</th><th>Call about</th></tr></thead>" + body + "</table>"
    )


def write_contact_sheet_pdf(
    contacts: list[Entry[Contact]], person_name: str, out: str | os.PathLike[str]
) -> int:
    return html_to_pdf(
        contact_sheet_html(contacts, person_name), out, title="My care team", base_point_size=10.5
    )


def priorities_html(priorities: CarePriorities, person_name: str) -> str:
    parts = [f"<h1>My care priorities</h1><p>{_e(person_name)}</p>"]
    for key, question in vocab.PRIORITY_QUESTIONS.items():
        answer = priorities.answers.get(key)
        text = (
            f"{_e(answer['answer'])} <small>({_e(answer['date'])})</small>"
            if answer
            else "<i>Not answered yet.</i>"
        )
        parts.append(f"<p><b>{_e(question)}</b></p><p style='margin-left:18px'>{text}</p>")
    return "".join(parts)


def write_priorities_pdf(priorities: CarePriorities, person_name: str, out: str | os.PathLike[str]) -> int:
    return html_to_pdf(
        priorities_html(priorities, person_name), out, title="My care priorities", base_point_size=13
    )
