"""FHIR medications: MedicationStatement, MedicationRequest and MedicationAdministration as medications
(dose, schedule, route, dates), and the drugs of a line of treatment as MBC Vault's IPS export writes them
(ips_resources.LINE_EXTENSION) joined back into one line."""

from __future__ import annotations

from ..cancer import vocab as cancer_vocab
from . import codes
from . import fhir_dates as when
from .fhir_dates import Notes
from .fhir_values import (
    Json,
    as_dict,
    concept_of,
    display_of,
    make_found,
    note_lines,
    number_text,
    quantity_text,
    vocab_key,
)
from .ips_resources import LINE_EXTENSION, STOP_REASON_SNOMED
from .model import Found, PortalRead

MEDICATIONS = ("MedicationStatement", "MedicationRequest", "MedicationAdministration")


#: the SNOMED CT code of why a line stopped (ips_resources.STOP_REASON_SNOMED) -> the app's reason
STOP_REASON_OF_SNOMED = {code: reason for reason, (code, _) in STOP_REASON_SNOMED.items()}


def line_extension(res: Json) -> Json | None:
    """The parts of MBC Vault's line-of-treatment extension on a medication resource, by name ({"line":
    "urn:uuid:...", "number": 1, "setting": Coding...}), or None when it has none: a medication from
    another app, or one of the person's that is no drug of a line, is a medication."""
    if res.get("resourceType") not in MEDICATIONS:
        return None
    for ext in res.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == LINE_EXTENSION:
            parts: Json = {}
            for part in ext.get("extension") or []:
                if isinstance(part, dict) and part.get("url"):
                    values = [v for k, v in part.items() if k.startswith("value")]
                    parts[str(part["url"])] = values[0] if values else None
            return parts
    return None


def treatment_line(drugs: list[tuple[Json, Json]], read: PortalRead) -> Found:
    """One line of treatment from the statements of its drugs (in the file's order): the drugs' names,
    the first statement's dates, the line's number, setting, best response and trial from the
    extension, and why it stopped from statusReason (or mCODE's termination reason extension)."""
    first, line = drugs[0]
    notes: Notes = []
    start, stop = when.choice(first, "effective", "Start", notes)
    names = [concept_of(res.get("medicationCodeableConcept"))[1] for res, _ in drugs]
    number = line.get("number")
    data: Json = {
        "line_number": number if isinstance(number, int) and not isinstance(number, bool) else None,
        "drugs": [n for n in names if n],
        "start": start,
        "stop": stop,
        "setting": str(as_dict(line.get("setting")).get("code") or ""),
        "best_response": str(as_dict(line.get("bestResponse")).get("code") or ""),
        "trial_id": str(line.get("trial") or ""),
    }
    reasons = [as_dict(r) for r in first.get("statusReason") or []]
    reasons += [
        as_dict(e.get("valueCodeableConcept"))
        for e in first.get("extension") or []
        if isinstance(e, dict) and str(e.get("url") or "").endswith("/mcode-treatment-termination-reason")
    ]
    if reasons:
        code, words = concept_of(reasons[0])
        reason = STOP_REASON_OF_SNOMED.get(code) or vocab_key(words, cancer_vocab.STOP_REASONS)
        if not reason and words:
            reason = "other"
            data["stop_reason_other"] = words
        data["stop_reason"] = reason
    label = " + ".join(data["drugs"])
    key = codes.key("treatment-line", label, start)
    origin = ", ".join(f"{res.get('resourceType')}/{res.get('id', '')}" for res, _ in drugs)[:200]
    return make_found("treatment-line", data, key, label, origin, notes, read)


_UNITS = {"s": "second", "min": "minute", "h": "hour", "d": "day", "wk": "week", "mo": "month", "a": "year"}


def _timing(timing: object) -> str:
    """How often, from a FHIR Timing: its code's text, or its repeat as words ("2 times a day")."""
    if not isinstance(timing, dict):
        return ""
    text = concept_of(timing.get("code"))[1]
    repeat = as_dict(timing.get("repeat"))
    frequency, period = repeat.get("frequency"), repeat.get("period")
    unit = _UNITS.get(str(repeat.get("periodUnit") or ""))
    if text or not (isinstance(frequency, int) and isinstance(period, (int, float)) and unit):
        return text
    times = "once" if frequency == 1 else "twice" if frequency == 2 else f"{frequency} times"
    return f"{times} a {unit}" if period == 1 else f"{times} every {number_text(period)} {unit}s"


def _dose(dosage: Json) -> str:
    """The dose of a Dosage (doseAndRate doseQuantity or doseRange) or of a MedicationAdministration's
    dosage (dose); "" when it gives none."""
    for rate in dosage.get("doseAndRate") or []:
        if not isinstance(rate, dict):
            continue
        if quantity := quantity_text(rate.get("doseQuantity")):
            return quantity
        dose_range = as_dict(rate.get("doseRange"))
        low, high = quantity_text(dose_range.get("low")), quantity_text(dose_range.get("high"))
        if low or high:
            return f"{low} to {high}" if low and high else low or f"up to {high}"
    return quantity_text(dosage.get("dose"))


def medication(res: Json, by_ref: dict[str, Json], origin: str, read: PortalRead) -> Found:
    code, name = concept_of(res.get("medicationCodeableConcept"))
    ref = str((res.get("medicationReference") or {}).get("reference") or "")
    if not name and ref:
        contained = {f"#{c.get('id')}": c for c in res.get("contained") or [] if isinstance(c, dict)}
        med = contained.get(ref) or by_ref.get(ref) or {}
        code, name = concept_of(med.get("code"))
    dosage = res.get("dosage") or (res.get("dosageInstruction") or [{}])
    first = dosage[0] if isinstance(dosage, list) and dosage else dosage if isinstance(dosage, dict) else {}
    first = first if isinstance(first, dict) else {}
    text = str(first.get("text") or "").strip()
    dose = _dose(first)
    schedule = _timing(first.get("timing"))
    if first.get("asNeededBoolean") is True or isinstance(first.get("asNeededCodeableConcept"), dict):
        schedule = ", ".join(w for w in (schedule, "as needed") if w)
    if not dose:
        dose, text = text, ""
    if text and text != schedule:  # the dosage's own words keep what the parts above do not say
        schedule = "; ".join(w for w in (schedule, text) if w)
    notes: Notes = []
    start, stop = when.choice(res, "effective", "Start", notes)
    start = start or when.day(res.get("authoredOn"), "Start", notes)
    dispense = as_dict(res.get("dispenseRequest"))
    if not (start and stop) and dispense:  # how long the prescription is valid, when nothing else says
        valid_start, valid_end = when.choice(dispense, "validity", "Start", notes)
        start, stop = start or valid_start, stop or valid_end
    status = str(res.get("status") or "")
    if status and status != "active":
        notes.append(("", f"Status in the portal: {status}"))
    prescriber = ""
    for line in note_lines(res):
        if line.startswith("Prescribed by "):  # as MBC Vault's IPS export writes it
            prescriber = line.removeprefix("Prescribed by ").strip()
    reasons = [concept_of(r)[1] for r in res.get("reasonCode") or []]
    data = {
        "name": name,
        "dose": dose,
        "schedule": schedule,
        "route": concept_of(first.get("route"))[1],
        "start": start,
        "stop": stop,
    }
    said = {
        "purpose": ", ".join(r for r in reasons if r),
        "prescriber": prescriber or display_of(res.get("requester")),
    }
    data.update({k: v for k, v in said.items() if v})
    return make_found("medication", data, codes.key("medication", name, start), name, origin, notes, read)
