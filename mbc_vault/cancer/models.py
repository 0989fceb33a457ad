"""The entries of the cancer record, validated field by field.

Each model turns into a plain dict (`to_data`) stored in a vault record's `data`, and back
(`from_data`, which keeps fields it does not know and reads a field of the wrong type as its default;
`from_form` for what a form gives, numbers still as text). `validate()` raises FieldError naming the
field and saying what to type, so a form can show the message beside that field.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import ClassVar

from ..entry_model import FieldError, Model, _choice, _date, _order, _percent, parse_number, parse_whole  # noqa: F401 (FieldError re-exported)
from . import vocab


@dataclass
class Diagnosis(Model):
    KIND: ClassVar[str] = "diagnosis"
    first_diagnosis: str | None = None
    metastatic_diagnosis: str | None = None
    presentation: str = ""  # de-novo or recurrence
    histology: str = ""
    histology_other: str = ""
    sex: str = ""

    def validate(self) -> None:
        self.first_diagnosis = _date(self.first_diagnosis, "first_diagnosis", "date of first diagnosis")
        self.metastatic_diagnosis = _date(
            self.metastatic_diagnosis, "metastatic_diagnosis", "date metastatic disease was found"
        )
        _order(self.first_diagnosis, self.metastatic_diagnosis, "metastatic_diagnosis")
        _choice(self.presentation, "presentation", vocab.PRESENTATIONS, "kind of diagnosis")
        _choice(self.histology, "histology", vocab.HISTOLOGIES, "histology")
        _choice(self.sex, "sex", vocab.SEXES, "sex")
        if (
            self.presentation == "de-novo"
            and self.first_diagnosis
            and self.metastatic_diagnosis
            and self.first_diagnosis != self.metastatic_diagnosis
        ):
            # de novo means stage IV at first diagnosis: the two dates are normally the same
            pass

    def title(self) -> str:
        return "Diagnosis"

    def sort_date(self) -> str | None:
        return self.metastatic_diagnosis or self.first_diagnosis


@dataclass
class Metastasis(Model):
    KIND: ClassVar[str] = "metastasis"
    site: str = ""
    site_other: str = ""
    date_found: str | None = None
    found_by: str = ""  # the scan or biopsy that showed it (free text; documents are linked)

    def validate(self) -> None:
        _choice(self.site, "site", vocab.METASTASIS_SITES, "site", allow_empty=False)
        if self.site == "other" and not self.site_other.strip():
            raise FieldError("site_other", "site-missing")
        self.date_found = _date(self.date_found, "date_found", "date it was found")

    def title(self) -> str:
        return self.site_other if self.site == "other" else vocab.METASTASIS_SITES.get(self.site, self.site)

    def sort_date(self) -> str | None:
        return self.date_found


@dataclass
class Biopsy(Model):
    """Biomarker results of one biopsy: a metastasis may differ from the primary tumor."""

    KIND: ClassVar[str] = "biopsy"
    TEXT_FIELDS: ClassVar[frozenset[str]] = frozenset({"others"})  # typed as lines "Name: result"
    date: str | None = None
    site: str = ""
    site_other: str = ""
    er_status: str = ""
    er_percent: float | None = None
    pr_status: str = ""
    pr_percent: float | None = None
    her2_ihc: str = ""
    her2_ish: str = ""
    ki67_percent: float | None = None
    pdl1: str = ""
    pik3ca: str = ""
    esr1: str = ""
    germline_brca: str = ""
    msi: str = ""
    ntrk: str = ""
    others: list[dict[str, str]] = field(default_factory=list)  # [{"name": ..., "result": ...}]

    def validate(self) -> None:
        self.date = _date(self.date, "date", "biopsy date", required=True)
        _choice(self.site, "site", vocab.BIOPSY_SITES, "biopsy site", allow_empty=False)
        if self.site == "other" and not self.site_other.strip():
            raise FieldError("site_other", "biopsy-site-missing")
        for name, label in (("er_status", "ER status"), ("pr_status", "PR status")):
            _choice(getattr(self, name), name, vocab.RECEPTOR_STATUS, label)
        self.er_percent = _percent(self.er_percent, "er_percent", "ER percent")
        self.pr_percent = _percent(self.pr_percent, "pr_percent", "PR percent")
        self.ki67_percent = _percent(self.ki67_percent, "ki67_percent", "Ki-67 percent")
        _choice(self.her2_ihc, "her2_ihc", vocab.HER2_IHC, "HER2 IHC score")
        _choice(self.her2_ish, "her2_ish", vocab.HER2_ISH, "HER2 ISH result")
        for name in ("pik3ca", "esr1", "ntrk"):
            _choice(getattr(self, name), name, vocab.MUTATION, name.upper() + " result")
        _choice(self.germline_brca, "germline_brca", vocab.BRCA, "germline BRCA result")
        _choice(self.msi, "msi", vocab.MSI, "MSI / MMR result")
        if self.er_status == "negative" and self.er_percent and self.er_percent >= 1:
            raise FieldError("er_percent", "er-negative-with-percent")
        if self.pr_status == "negative" and self.pr_percent and self.pr_percent >= 1:
            raise FieldError("pr_percent", "pr-negative-with-percent")
        if isinstance(self.others, str):  # typed as lines "Name: result"
            self.others = [
                dict(zip(("name", "result"), (part.strip() for part in line.split(":", 1)), strict=False))
                for line in self.others.splitlines()
                if line.strip()
            ]
        cleaned = []
        for other in self.others:
            name = str(other.get("name", "")).strip()
            if name:
                cleaned.append({"name": name, "result": str(other.get("result", "")).strip()})
        self.others = cleaned

    def title(self) -> str:
        site = self.site_other if self.site == "other" else vocab.BIOPSY_SITES.get(self.site, self.site)
        return f"Biopsy: {site}"

    def sort_date(self) -> str | None:
        return self.date


@dataclass
class TreatmentLine(Model):
    KIND: ClassVar[str] = "treatment-line"
    line_number: int | None = None
    drugs: list[str] = field(default_factory=list)
    start: str | None = None
    stop: str | None = None
    setting: str = ""
    trial_id: str = ""
    #: the clinical-trial entry this line belongs to, if any
    trial_record: str = ""
    best_response: str = ""
    stop_reason: str = ""
    stop_reason_other: str = ""

    def validate(self) -> None:
        self.line_number = parse_whole("line_number", self.line_number, "line-number-not-whole")
        if self.line_number is not None and not 0 <= self.line_number <= 50:
            raise FieldError("line_number", "line-number-out-of-range")
        self.drugs = [d.strip() for d in self.drugs if d and d.strip()]
        if not self.drugs:
            raise FieldError("drugs", "regimen-no-drugs")
        self.start = _date(self.start, "start", "start date", required=True)
        self.stop = _date(self.stop, "stop", "stop date")
        _order(self.start, self.stop, "stop")
        _choice(self.setting, "setting", vocab.SETTINGS, "setting")
        if self.setting == "clinical-trial" and not self.trial_id.strip():
            raise FieldError("trial_id", "trial-id-missing")
        _choice(self.best_response, "best_response", vocab.RESPONSES, "best response")
        _choice(self.stop_reason, "stop_reason", vocab.STOP_REASONS, "reason stopped")
        if self.stop_reason and not self.stop:
            raise FieldError("stop", "stop-date-missing")

    @property
    def regimen(self) -> str:
        return " + ".join(self.drugs)

    @property
    def ongoing(self) -> bool:
        return self.stop is None

    def title(self) -> str:
        prefix = f"Line {self.line_number}: " if self.line_number else ""
        return prefix + self.regimen

    def sort_date(self) -> str | None:
        return self.start


@dataclass
class Medication(Model):
    KIND: ClassVar[str] = "medication"
    name: str = ""
    dose: str = ""
    schedule: str = ""
    route: str = ""  # how it is taken: "by mouth", "Oral", "Intravenous"... as given
    prescriber: str = ""
    start: str | None = None
    stop: str | None = None
    purpose: str = ""
    medication_kind: str = "prescription"
    cancer_related: bool = False

    def validate(self) -> None:
        self.name = self.name.strip()
        if not self.name:
            raise FieldError("name", "medicine-name-missing")
        self.route = self.route.strip()
        self.start = _date(self.start, "start", "start date")
        self.stop = _date(self.stop, "stop", "stop date")
        _order(self.start, self.stop, "stop")
        _choice(self.medication_kind, "medication_kind", vocab.MEDICATION_KINDS, "kind")

    def current(self, today: str | None = None) -> bool:
        today = today or dt.date.today().isoformat()
        return self.stop is None or self.stop >= today

    def title(self) -> str:
        return f"{self.name} {self.dose}".strip()

    def sort_date(self) -> str | None:
        return self.start


@dataclass
class Symptom(Model):
    KIND: ClassVar[str] = "symptom"
    date: str | None = None
    symptom: str = ""
    location: str = ""
    severity: int | None = None
    notes: str = ""

    def validate(self) -> None:
        self.date = _date(self.date, "date", "date", required=True)
        self.symptom = self.symptom.strip()
        if not self.symptom:
            raise FieldError("symptom", "symptom-missing")
        try:
            self.severity = int(self.severity if self.severity is not None else "")  # None: no number
        except (TypeError, ValueError):
            raise FieldError("severity", "severity-not-a-number") from None
        if not 0 <= self.severity <= 10:
            raise FieldError("severity", "severity-out-of-range")

    def title(self) -> str:
        where = f" ({self.location})" if self.location else ""
        return f"{self.symptom}{where}: {self.severity}/10"

    def sort_date(self) -> str | None:
        return self.date


@dataclass
class LabValue(Model):
    KIND: ClassVar[str] = "lab-value"
    date: str | None = None
    test: str = ""
    value: float | None = None
    unit: str = ""
    lab: str = ""

    def validate(self) -> None:
        self.date = _date(self.date, "date", "date", required=True)
        self.test = self.test.strip()
        if not self.test:
            raise FieldError("test", "lab-test-missing")
        self.value = parse_number("value", self.value, "lab-value-not-a-number", value=self.value)
        if self.value is None or math.isnan(self.value) or math.isinf(self.value):
            raise FieldError("value", "lab-value-missing")
        if self.value < 0:
            raise FieldError("value", "lab-value-negative")
        self.unit = self.unit.strip()
        expected = vocab.MARKERS.get(self.test)
        if not self.unit and expected:
            self.unit = expected
        if not self.unit:
            raise FieldError("unit", "lab-unit-missing")

    def title(self) -> str:
        value = f"{self.value:g}" if self.value is not None else ""
        return f"{self.test}: {value} {self.unit}".strip()

    def sort_date(self) -> str | None:
        return self.date


MODELS: dict[str, type[Model]] = {
    m.KIND: m for m in (Diagnosis, Metastasis, Biopsy, TreatmentLine, Medication, Symptom, LabValue)
}
