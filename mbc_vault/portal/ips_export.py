"""The care record as an International Patient Summary (IPS): a FHIR R4 document Bundle, its Composition
first with the IPS sections by LOINC code (allergies, medications, problems, procedures, results,
immunizations), each with a narrative and its entries, then the Patient and every resource referenced.

Only what the person running it may see goes in: a member without the medical part is refused with one
sentence, and nothing is written. The file is plaintext by the person's choice, written like the other
exports (0600, atomically: fsutil.atomic_write_private).

Why the biopsies' receptor results hang on the cancer as Condition.evidence.detail: R4 gives a Condition
that element for "supporting information found elsewhere", which is what ER, PR and HER2 are to the
diagnosis; Observation.hasMember is for panels and derivedFrom points the other way (from the result to
what it was derived from). They are also in the results section, for systems that list results only.

A line of treatment is a MedicationStatement a drug in the medications section (its dates, status, why
it stopped as statusReason, the cancer as reasonReference), tied into one line by the app's own extension
(ips_resources.LINE_EXTENSION: no FHIR, IPS or mCODE element holds a line); fhir.py reads it back.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any

from ..cancer import vocab as cancer_vocab
from ..errors import Cancelled, InputFileError, PermissionDenied
from ..progress import CancelFlag, ProgressFn, Stage
from ..vault import Vault
from . import ips_biomarkers as bio
from . import ips_resources as res
from .codes import LOINC

Json = dict[str, Any]

IPS_BUNDLE_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips"
IPS_COMPOSITION_PROFILE = "http://hl7.org/fhir/uv/ips/StructureDefinition/Composition-uv-ips"
EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
XHTML = "http://www.w3.org/1999/xhtml"
#: the IPS sections: key -> (LOINC code, title)
SECTIONS = {
    "allergies": ("48765-2", "Allergies and intolerances"),
    "medications": ("10160-0", "Medication summary"),
    "problems": ("11450-4", "Problem list"),
    "procedures": ("47519-4", "History of procedures"),
    "results": ("30954-2", "Results"),
    "immunizations": ("11369-6", "History of immunizations"),
}
#: the entry kinds the summary reads (all in the medical part)
KINDS = (
    "patient-details",
    "diagnosis",
    "metastasis",
    "biopsy",
    "treatment-line",
    "medication",
    "lab-value",
    "allergy",
    "condition",
    "procedure",
    "radiation",
    "immunization",
)


def may_export(vault: Vault) -> bool:
    """Whether the person unlocking holds the medical part (the owner always does)."""
    person = vault.person
    return person.role == "owner" or "medical" in person.scopes


def _entries(vault: Vault, kind: str) -> list[Json]:
    """The entries' data, oldest first (the summary reads in date order)."""
    records = sorted(vault.entries(kind), key=lambda r: (r.date or "", r.created))
    return [dict(r.data) if isinstance(r.data, dict) else {} for r in records]


def _div(rows: list[str], empty: str = "") -> Json:
    items = "".join(f"<li>{html.escape(row)}</li>" for row in rows)
    body = f"<ul>{items}</ul>" if rows else f"<p>{html.escape(empty)}</p>"
    return {"status": "generated", "div": f'<div xmlns="{XHTML}">{body}</div>'}


def _when(*days: object) -> str:
    shown = [str(d) for d in days if d]
    return " to ".join(shown) if len(shown) > 1 else (f"since {shown[0]}" if shown else "date not recorded")


def _procedure_row(item: Json) -> str:
    side = {"left": " (left)", "right": " (right)", "both": " (both sides)"}.get(str(item.get("side")), "")
    nodes = {
        "sentinel-node-biopsy": ", with a sentinel lymph node biopsy",
        "axillary-dissection": ", with an axillary lymph node dissection",
    }.get(str(item.get("lymph_nodes")), "")
    return f"{item.get('name')}{side}, {item.get('date') or 'date not recorded'}{nodes}"


def _radiation_row(item: Json) -> str:
    dose, fractions = item.get("total_dose_gy"), item.get("fractions")
    row = f"Radiation to {item.get('site')}"
    row += f", {dose:g} Gy" if isinstance(dose, (int, float)) else ""
    row += f" in {fractions} fractions" if fractions else ""
    return f"{row}, {_when(item.get('start'), item.get('stop'))}"


class _Builder:
    def __init__(self, vault: Vault, progress: ProgressFn | None, cancel: CancelFlag | None) -> None:
        self.vault, self.progress, self.cancel = vault, progress, cancel
        self.resources: list[Json] = []
        self.sections: dict[str, tuple[list[str], list[str]]] = {k: ([], []) for k in SECTIONS}
        self.today = res.today_iso()
        self.cancer: Json | None = None  # the reference to the cancer's Condition, once it is made
        self.done = 0

    def add(self, section: str | None, resource: Json, row: str = "") -> Json:
        entry: Json = {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
        self.resources.append(entry)
        if section is not None:
            refs, rows = self.sections[section]
            refs.append(entry["fullUrl"])
            if row:
                rows.append(row)
        return entry

    def step(self, total: int) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("ips-cancelled")
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, total, Stage.EXPORT, "")

    def build(self) -> Json:
        data = {kind: _entries(self.vault, kind) for kind in KINDS}
        total = len(KINDS)
        details = (data["patient-details"] or [{}])[-1]
        diagnosis = (data["diagnosis"] or [{}])[-1]
        # the name and date of birth only as recorded in "About me" (not the vault owner's name: reading
        # the summary back must give the same entries, and the owner may not be the patient)
        name = res.text(details.get("name"))
        patient = self.add(None, res.patient(details, name, res.text(diagnosis.get("sex"))))
        subject = {"reference": patient["fullUrl"]}
        self.step(total)
        self._allergies(data["allergy"], subject)
        self._problems(data, diagnosis, subject)  # first: the lines of treatment name the cancer
        self.step(total)
        self._medications(data["medication"], data["treatment-line"], subject)
        self.step(total)
        for item in data["procedure"]:
            self.add("procedures", res.procedure(item, subject), _procedure_row(item))
        for item in data["radiation"]:
            self.add("procedures", res.radiation(item, subject), _radiation_row(item))
        self.step(total)
        for item in data["lab-value"]:
            value = item.get("value")
            shown = f"{value:g}" if isinstance(value, (int, float)) else ""
            row = f"{item.get('test')}: {shown} {item.get('unit') or ''}, {item.get('date') or ''}"
            self.add("results", res.lab_value(item, subject), row)
        for item in data["immunization"]:
            row = f"{item.get('vaccine')}, {item.get('date') or 'date not recorded'}"
            self.add("immunizations", res.immunization(item, subject), row)
        self.step(total)
        return self._bundle(patient, name)

    def _allergies(self, items: list[Json], subject: Json) -> None:
        for item in items:
            if item.get("no_known"):
                row = "No known allergies"
            else:
                row = str(item.get("substance") or "")
                row += f": {item['reaction']}" if item.get("reaction") else ""
                row += f" ({item['severity']})" if item.get("severity") else ""
                row += ", intolerance" if item.get("allergy_kind") == "intolerance" else ""
            self.add("allergies", res.allergy(item, subject), row)

    def _medications(self, items: list[Json], lines: list[Json], subject: Json) -> None:
        """The medications, then each line of treatment as a MedicationStatement a drug with the line's
        extension (ips_resources.LINE_EXTENSION). A drug of a line that is also a medication entry (the
        same name and dates: what she takes now) is sent once, its statement marked as both."""
        statements = [res.medication(item, subject, self.today) for item in items]
        # (medication entry, its statement): those not yet shared with a drug of a line
        listed = list(zip(items, statements, strict=True))
        rows = self.sections["medications"][1]
        extra: list[Json] = []  # the statements of drugs that are a line's only
        for line in lines:
            group = f"urn:uuid:{res.new_id()}"
            reason = res.stop_reason(line)
            for drug in line.get("drugs") or []:
                shared = next(
                    (
                        pair
                        for pair in listed
                        if res.text(pair[0].get("name")).casefold() == str(drug).strip().casefold()
                        and pair[0].get("start") == line.get("start")
                        and pair[0].get("stop") == line.get("stop")
                    ),
                    None,
                )
                if shared is not None:
                    listed.remove(shared)
                    statement = shared[1]
                else:
                    statement = res.line_drug(line, str(drug), subject, self.today, self.cancer)
                    extra.append(statement)
                statement.setdefault("extension", []).append(
                    res.line_extension(line, group, listed=shared is not None)
                )
                if reason:
                    statement["statusReason"] = [reason]
                if shared is not None and self.cancer:
                    statement["reasonReference"] = [self.cancer]
        for item, statement in zip(items, statements, strict=True):
            row = " ".join(str(item.get(k) or "") for k in ("name", "dose", "schedule")).strip()
            self.add("medications", statement, f"{row}, {_when(item.get('start'), item.get('stop'))}")
        for statement in extra:
            self.add("medications", statement)
        # the narrative tells each line as one row
        for line in lines:
            number = line.get("line_number")
            label = f"Line {number}" if number else "Adjuvant or other treatment"
            drugs = " + ".join(map(str, line.get("drugs") or []))
            said = [_when(line.get("start"), line.get("stop"))]
            if line.get("stop_reason"):
                reason_said = cancer_vocab.STOP_REASONS.get(str(line["stop_reason"]), "")
                if line["stop_reason"] == "other":
                    reason_said = res.text(line.get("stop_reason_other")) or reason_said
                said.append(f"stopped: {reason_said}")
            rows.append(f"Cancer treatment, {label}: {drugs}, {', '.join(said)}")

    def _problems(self, data: dict[str, list[Json]], diagnosis: Json, subject: Json) -> None:
        evidence: list[Json] = []
        for biopsy in data["biopsy"]:
            site = (
                res.text(biopsy.get("site_other"))
                if biopsy.get("site") == "other"
                else cancer_vocab.BIOPSY_SITES.get(str(biopsy.get("site")), "")
            )
            specimen = self.add(None, bio.specimen(biopsy, subject, site))
            for observation in bio.biomarkers(biopsy, subject, specimen):
                value = observation.get("valueCodeableConcept", {}).get("text") or observation.get(
                    "valueString"
                )
                parts = observation.get("component") or [observation]
                if "valueQuantity" in parts[0]:
                    shown = f"{parts[0]['valueQuantity']['value']:g} %"
                    value = f"{value}, {shown}" if value else shown
                test = observation["code"]["text"].split(" (")[0]
                row = f"{test}: {value} (biopsy of {site or 'a site'}, {biopsy.get('date')})"
                entry = self.add("results", observation, row)
                evidence.append({"reference": entry["fullUrl"]})
        sites = [
            res.text(m.get("site_other"))
            if m.get("site") == "other"
            else cancer_vocab.METASTASIS_SITES.get(str(m.get("site")), "")
            for m in data["metastasis"]
        ]
        if data["diagnosis"]:
            condition = res.cancer(diagnosis, subject, [s for s in sites if s], evidence)
            stage = (condition.get("stage") or [{}])[0].get("summary", {}).get("text", "")
            first = diagnosis.get("first_diagnosis") or "date not recorded"
            row = f"{condition['code']['text']}, first diagnosed {first}"
            entry = self.add("problems", condition, row + (f"; {stage}" if stage else ""))
            self.cancer = {"reference": entry["fullUrl"]}
        for item, site in zip(data["metastasis"], sites, strict=True):
            found = f", found {item['date_found']}" if item.get("date_found") else ""
            self.add("problems", res.metastasis(item, subject, site), f"Metastasis: {site}{found}")
        for item in data["condition"]:
            when = _when(item.get("onset"), item.get("abated"))
            row = f"{item.get('name')} ({item.get('status') or 'active'}), {when}"
            self.add("problems", res.condition(item, subject), row)

    def _bundle(self, patient: Json, name: str) -> Json:
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        sections = []
        for key, (code, title) in SECTIONS.items():
            refs, rows = self.sections[key]
            section: Json = {
                "title": title,
                "code": {"coding": [{"system": LOINC, "code": code, "display": title}]},
            }
            if refs or rows:
                section["text"] = _div(rows)
            if refs:
                section["entry"] = [{"reference": ref} for ref in refs]
            else:
                section["text"] = _div(rows, "Nothing recorded in MBC Vault.")
                section["emptyReason"] = {
                    "coding": [{"system": EMPTY_REASON, "code": "unavailable", "display": "Unavailable"}]
                }
            sections.append(section)
        composition = {
            "resourceType": "Composition",
            "id": res.new_id(),
            "meta": {"profile": [IPS_COMPOSITION_PROFILE]},
            "status": "final",
            "type": {"coding": [{"system": LOINC, "code": "60591-5", "display": "Patient summary Document"}]},
            "subject": {"reference": patient["fullUrl"], **({"display": name} if name else {})},
            "date": stamp,
            "author": [{"reference": patient["fullUrl"]}],
            "title": "International Patient Summary" + (f" of {name}" if name else ""),
            "section": sections,
        }
        first = {"fullUrl": f"urn:uuid:{composition['id']}", "resource": composition}
        return {
            "resourceType": "Bundle",
            "id": res.new_id(),
            "meta": {"profile": [IPS_BUNDLE_PROFILE]},
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{res.new_id()}"},
            "type": "document",
            "timestamp": stamp,
            "entry": [first, *self.resources],
        }


def build_ips(vault: Vault, progress: ProgressFn | None = None, cancel: CancelFlag | None = None) -> Json:
    """The person's care record as an IPS document Bundle (plain JSON dicts). Raises PermissionDenied
    ("ips-medical-part-needed") for a member without the medical part, Cancelled when *cancel* is set."""
    if not may_export(vault):
        raise PermissionDenied("ips-medical-part-needed")
    return _Builder(vault, progress, cancel).build()


def write_ips(
    vault: Vault,
    out: str | Path,
    *,
    overwrite: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    """Build the IPS and write it to *out* (0600, atomically; an existing file only if *overwrite*)."""
    from ..fsutil import atomic_write_private, private_target

    path = Path(out)
    private_target(path, overwrite)
    bundle = build_ips(vault, progress, cancel)
    payload = json.dumps(bundle, indent=2, ensure_ascii=False).encode("utf-8")
    try:
        atomic_write_private(path, lambda handle: handle.write(payload), overwrite)
    except PermissionError:
        raise InputFileError("output-permission-denied", path=path) from None
    return path
