"""The health history's entries, validated field by field like the cancer record's.

An entry read from a patient-portal file keeps where it came from in its data (an extra field
`source`: {"document": record id, "label": the file's name, "date": the document's date, "key": what
makes it the same as another}); the entry's record also links to that document.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from ..entry_model import FieldError, Model, _choice, _date, _order, _time, parse_number, parse_whole
from . import vocab


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass
class Allergy(Model):
    """An allergy or intolerance, or the stated fact "no known allergies" (no_known=True)."""

    KIND: ClassVar[str] = "allergy"
    substance: str = ""
    reaction: str = ""
    severity: str = ""
    status: str = "active"
    category: str = ""
    allergy_kind: str = "allergy"
    onset: str | None = None
    no_known: bool = False
    notes: str = ""

    def validate(self) -> None:
        self.substance = _text(self.substance)
        self.reaction = _text(self.reaction)
        if not self.no_known and not self.substance:
            raise FieldError("substance", "allergy-substance-missing")
        if self.no_known and self.substance:
            raise FieldError("no_known", "no-known-allergies-with-substance")
        _choice(self.severity, "severity", vocab.SEVERITIES, "severity")
        _choice(self.status, "status", vocab.ALLERGY_STATUS, "status")
        _choice(self.category, "category", vocab.ALLERGY_CATEGORIES, "kind of substance")
        _choice(self.allergy_kind, "allergy_kind", vocab.ALLERGY_KINDS, "allergy or intolerance")
        self.onset = _date(self.onset, "onset", "date it started")

    def title(self) -> str:
        if self.no_known:
            return "No known allergies"
        return f"{self.substance}: {self.reaction}" if self.reaction else self.substance

    def sort_date(self) -> str | None:
        return self.onset


@dataclass
class Condition(Model):
    """Another illness or health problem (the breast cancer itself is the diagnosis entry)."""

    KIND: ClassVar[str] = "condition"
    name: str = ""
    onset: str | None = None
    abated: str | None = None
    status: str = "active"
    notes: str = ""

    def validate(self) -> None:
        self.name = _text(self.name)
        if not self.name:
            raise FieldError("name", "condition-name-missing")
        self.onset = _date(self.onset, "onset", "date it started")
        self.abated = _date(self.abated, "abated", "date it ended")
        _order(self.onset, self.abated, "abated")
        _choice(self.status, "status", vocab.CONDITION_STATUS, "status")

    def title(self) -> str:
        return self.name

    def sort_date(self) -> str | None:
        return self.onset


@dataclass
class Procedure(Model):
    """A surgery or other procedure: a lumpectomy, a mastectomy, a port placement..."""

    KIND: ClassVar[str] = "procedure"
    date: str | None = None
    name: str = ""
    side: str = ""
    lymph_nodes: str = ""
    lymph_nodes_other: str = ""
    place: str = ""
    surgeon: str = ""
    notes: str = ""

    def validate(self) -> None:
        self.name = _text(self.name)
        if not self.name:
            raise FieldError("name", "procedure-name-missing")
        self.date = _date(self.date, "date", "date")
        _choice(self.side, "side", vocab.SIDES, "side")
        _choice(self.lymph_nodes, "lymph_nodes", vocab.LYMPH_NODE_PROCEDURES, "lymph-node procedure")
        if self.lymph_nodes == "other" and not _text(self.lymph_nodes_other):
            raise FieldError("lymph_nodes_other", "lymph-node-procedure-missing")

    def title(self) -> str:
        side = vocab.SIDES.get(self.side, "") if self.side not in ("", "not-applicable") else ""
        return f"{self.name} ({side.lower()})" if side else self.name

    def sort_date(self) -> str | None:
        return self.date


@dataclass
class RadiationCourse(Model):
    """One course of radiation: where, how much (total dose in Gy over a number of fractions), when, why."""

    KIND: ClassVar[str] = "radiation"
    site: str = ""
    total_dose_gy: float | None = None
    fractions: int | None = None
    start: str | None = None
    stop: str | None = None
    intent: str = ""
    technique: str = ""
    place: str = ""
    notes: str = ""

    def validate(self) -> None:
        self.site = _text(self.site)
        if not self.site:
            raise FieldError("site", "radiation-site-missing")
        self.total_dose_gy = parse_number("total_dose_gy", self.total_dose_gy, "dose-not-a-number")
        if self.total_dose_gy is not None and (
            math.isnan(self.total_dose_gy) or not 0 < self.total_dose_gy <= 200
        ):
            raise FieldError("total_dose_gy", "dose-out-of-range")
        self.fractions = parse_whole("fractions", self.fractions, "fractions-not-whole")
        if self.fractions is not None and not 1 <= self.fractions <= 100:
            raise FieldError("fractions", "fractions-out-of-range")
        self.start = _date(self.start, "start", "start date")
        self.stop = _date(self.stop, "stop", "end date")
        _order(self.start, self.stop, "stop")
        _choice(self.intent, "intent", vocab.RADIATION_INTENTS, "purpose")

    def title(self) -> str:
        dose = f"{self.total_dose_gy:g} Gy" if self.total_dose_gy is not None else ""
        if dose and self.fractions:
            dose += f" in {self.fractions} fractions"
        return f"Radiation to {self.site}" + (f", {dose}" if dose else "")

    def sort_date(self) -> str | None:
        return self.start


@dataclass
class Immunization(Model):
    KIND: ClassVar[str] = "immunization"
    vaccine: str = ""
    date: str | None = None
    dose_number: str = ""
    place: str = ""
    notes: str = ""

    def validate(self) -> None:
        self.vaccine = _text(self.vaccine)
        if not self.vaccine:
            raise FieldError("vaccine", "vaccine-missing")
        self.date = _date(self.date, "date", "date")

    def title(self) -> str:
        return self.vaccine

    def sort_date(self) -> str | None:
        return self.date


@dataclass
class Visit(Model):
    """A past visit: an encounter read from a portal file, or one the person adds. A medical entry
    (what the visit was, why, where, with whom), unlike an appointment of the care part."""

    KIND: ClassVar[str] = "visit"
    date: str | None = None
    time: str = ""  # HH:MM as the visit's record wrote it (the local time where it happened)
    visit_type: str = ""  # e.g. "Chemotherapy infusion", "Oncology follow-up"
    reason: str = ""
    place: str = ""
    clinician: str = ""
    notes: str = ""

    def validate(self) -> None:
        self.visit_type = _text(self.visit_type)
        self.reason = _text(self.reason)
        self.date = _date(self.date, "date", "date", required=True)
        self.time = _time(self.time)
        if not (self.visit_type or self.reason):
            raise FieldError("visit_type", "visit-type-missing")

    def title(self) -> str:
        return self.visit_type or self.reason or "Visit"

    def sort_date(self) -> str | None:
        return self.date


@dataclass
class PatientDetails(Model):
    """The patient's own details, stored once: the name as printed on the packet and the date of birth
    (the packet's footer reads it)."""

    KIND: ClassVar[str] = "patient-details"
    name: str = ""
    date_of_birth: str | None = None

    def validate(self) -> None:
        self.name = _text(self.name)
        self.date_of_birth = _date(self.date_of_birth, "date_of_birth", "date of birth")
        if not (self.name or self.date_of_birth):
            raise FieldError("date_of_birth", "patient-details-empty")

    def title(self) -> str:
        return "About me"


MODELS: dict[str, type[Model]] = {
    m.KIND: m for m in (Allergy, Condition, Procedure, RadiationCourse, Immunization, Visit, PatientDetails)
}
