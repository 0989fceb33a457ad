"""The packet's pages made here rather than taken from the vault's documents: the cover sheet, the
contents, the care summary, a question list, the care priorities and the materials sheet, typeset by Qt
(render/typeset.py) from frontmatter.py's HTML into PDF parts (trusted: they go to the PDF worker as
they are)."""

from __future__ import annotations

import contextlib
import math
from typing import TYPE_CHECKING, Any

from ..errors import VaultError
from ..render import typeset
from . import frontmatter
from .model import PacketChoices, PacketError
from .sources import Part

if TYPE_CHECKING:  # pragma: no cover
    from ..vault import Vault

#: the most contents entries with one-line titles that the first contents page and each following one
#: hold (A4, the larger of the two page sizes): the first guess of the contents' length is never more
#: than it turns out to be, and is right for most packets, so the contents are typeset once
FIRST_PAGE_ENTRIES, PAGE_ENTRIES = 34, 36


def html_part(
    html: str, title: str, kind: str, page_size: str, size: float = 10.5, images: dict[str, Any] | None = None
) -> Part:
    """*html* typeset by Qt as a part of the packet (*size*: the base point size)."""
    data, pages = typeset.html_pdf(
        html, title=title, page_size=page_size, base_point_size=size, images=images
    )
    return Part(title, kind, pages, data=data, size=len(data))


def extra_parts(vault: Vault, choices: PacketChoices) -> list[Part]:
    """The generated pages between the contents and the documents: summary, questions, priorities,
    materials."""
    cover, extra = choices.cover, []
    if choices.include_summary:
        html, images = frontmatter.summary_html(vault, cover.patient_name, cover.date)
        if html:
            extra.append(html_part(html, "Care summary", "summary", choices.page_size, 9.5, images))
    if choices.question_list_id:
        extra.append(_question_part(vault, choices.question_list_id, choices))
    if choices.include_priorities:
        from ..care.printouts import priorities_html
        from ..care.store import CarePlan

        priorities = CarePlan(vault).priorities()
        if priorities is None:
            raise PacketError("no-care-priorities")
        extra.append(
            html_part(
                priorities_html(priorities.model, cover.patient_name),
                "My care priorities",
                "priorities",
                choices.page_size,
                11,
            )
        )
    if choices.materials:
        extra.append(
            html_part(
                frontmatter.materials_html(choices.materials, cover.patient_name),
                "Materials sent separately",
                "materials",
                choices.page_size,
            )
        )
    return extra


def cover_part(choices: PacketChoices, titles: list[str]) -> Part:
    """The cover sheet, listing *titles* as what is enclosed."""
    html = frontmatter.cover_html(choices.cover, titles)
    return html_part(html, "Cover sheet", "cover", choices.page_size, 11)


def _question_part(vault: Vault, list_id: str, choices: PacketChoices) -> Part:
    from ..care.models import Appointment, QuestionList
    from ..care.printouts import question_list_html

    rec = vault.get(list_id)
    if rec.kind != "question-list":
        raise PacketError("not-a-question-list", title=rec.title)
    questions = QuestionList.from_data(rec.data)
    appointment = None
    if questions.appointment_id:
        with contextlib.suppress(VaultError):
            appointment = Appointment.from_data(vault.get(questions.appointment_id).data)
    return html_part(
        question_list_html(questions, appointment, choices.cover.patient_name),
        f"Questions: {questions.name}",
        "questions",
        choices.page_size,
        12,
    )


def contents_pages_guess(entries: int) -> int:
    """How many pages the contents of *entries* parts take at least (one-line titles)."""
    if entries <= FIRST_PAGE_ENTRIES:
        return 1
    return 1 + math.ceil((entries - FIRST_PAGE_ENTRIES) / PAGE_ENTRIES)


def contents_part(body: list[Part], cover_pages: int, page_size: str) -> Part:
    """The contents pages: typeset until their own length no longer moves the page numbers (starting
    from the length the number of entries suggests)."""
    contents_pages = contents_pages_guess(len(body))
    for _ in range(5):
        first, entries = cover_pages + contents_pages + 1, []
        for index, part in enumerate(body, start=2):
            entries.append((index, part.title, first))
            first += part.pages
        data, pages = typeset.html_pdf(
            frontmatter.contents_html(entries), title="Contents", page_size=page_size
        )
        if pages == contents_pages:
            return Part("Contents", "contents", pages, data=data, size=len(data))
        contents_pages = pages
    raise PacketError("contents-layout-failed")  # pragma: no cover
