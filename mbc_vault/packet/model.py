"""What the person chooses for a packet, what a build returns, and the problems it can report."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ..errors import VaultError


@dataclass
class Cover:
    patient_name: str = ""
    date_of_birth: str = ""
    contact: str = ""  # phone, email or address of the patient
    referring_oncologist: str = ""
    center: str = ""  # the center the packet is for
    doctor: str = ""  # the doctor it is for
    date: str = ""  # defaults to today
    reason: str = ""
    questions: list[str] = field(default_factory=list)  # the one or two questions that matter most


@dataclass
class MaterialRow:
    """One physical item sent separately: pathology slides, blocks, imaging discs."""

    item: str = ""
    requested_from: str = ""
    sent: str = ""  # date sent
    tracking: str = ""


@dataclass
class PacketChoices:
    cover: Cover = field(default_factory=Cover)
    include_summary: bool = True
    question_list_id: str | None = None
    include_priorities: bool = False
    materials: list[MaterialRow] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)  # in packet order
    page_size: str = "Letter"  # "Letter" or "A4": generated pages; documents keep their own sizes
    footer: bool = True
    #: leave out documents that cannot be included (listed in PacketResult.left_out); otherwise stop
    skip_problem_documents: bool = False
    password: str | None = dataclasses.field(default=None, repr=False)

    def to_json(self) -> dict[str, Any]:
        """The choices as stored with the packet record (never the password)."""
        data = dataclasses.asdict(self)
        data.pop("password")
        data["password_protected"] = bool(self.password)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PacketChoices:
        data = dict(data)
        data.pop("password_protected", None)
        cover = Cover(**data.pop("cover", {}))
        materials = [MaterialRow(**row) for row in data.pop("materials", [])]
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(cover=cover, materials=materials, **{k: v for k, v in data.items() if k in known})


@dataclass
class DocumentProblem:
    record_id: str
    title: str
    #: why, in English: the sentence of `error`, which follows "cannot be included:"
    reason: str
    error: VaultError

    def describe(self) -> str:
        return f'"{self.title}" ({self.record_id[:8]}) cannot be included: {self.reason}'


class PacketError(VaultError):
    """The packet cannot be built as chosen (an empty packet, a missing folder, no priorities yet...)."""


class PacketProblems(VaultError):
    """Some chosen documents cannot be included; nothing was written. Leave them out or stop."""

    def __init__(self, problems: list[DocumentProblem]) -> None:
        super().__init__(
            "documents-rejected", count=len(problems), problems="; ".join(p.describe() for p in problems)
        )
        self.problems = problems


@dataclass
class Section:
    """One part of the packet: its title (bookmark, contents, enclosed list) and pages (1-based)."""

    title: str
    kind: str  # cover, contents, summary, questions, priorities, materials, document
    first_page: int
    pages: int
    record_id: str | None = None


@dataclass
class PacketResult:
    path: str
    pages: int
    sha256: str
    size: int
    sections: list[Section]
    left_out: list[DocumentProblem]
    record_id: str | None  # the vault entry recording this packet
    encrypted: bool
    timings: dict[str, float] = field(default_factory=dict)
