"""The FHIR R4 reader: a Bundle of any type (document/IPS, transaction, collection, searchset), a single
resource, or NDJSON / `.phr` (one resource a line), read into a `PortalRead`. Core only: nothing is saved."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..cancer import vocab as cancer_vocab
from ..errors import Cancelled, InputFileError
from ..history import vocab as history_vocab
from . import codes
from . import fhir_dates as when
from .deadline import within
from .fhir_dates import Notes, parse
from .ips_resources import LINE_EXTENSION, STOP_REASON_SNOMED
from .model import Found, PortalRead

MAX_RESOURCES = 50_000
CANCEL_EVERY = 200
#: SNOMED CT "no known allergy" codes, and the IPS absent/unknown code for it
NO_KNOWN_ALLERGY = {"716186003", "409137002", "428607008", "429625007", "no-known-allergies"}
MEDICATIONS = ("MedicationStatement", "MedicationRequest", "MedicationAdministration")
#: the SNOMED CT code of why a line stopped (ips_resources.STOP_REASON_SNOMED) -> the app's reason
STOP_REASON_OF_SNOMED = {code: reason for reason, (code, _) in STOP_REASON_SNOMED.items()}

Json = dict[str, Any]


def _dict(value: object) -> Json:
    return value if isinstance(value, dict) else {}


def _concept(value: object) -> tuple[str, str]:
    """(code, name) of a CodeableConcept: the first coding's code, then its text or a display."""
    if not isinstance(value, dict):
        return "", ""
    code, name = "", str(value.get("text") or "")
    for coding in value.get("coding") or []:
        if isinstance(coding, dict):
            code = code or str(coding.get("code") or "")
            name = name or str(coding.get("display") or "")
    return code, name.strip()


def _codes(value: object) -> set[str]:
    if not isinstance(value, dict):
        return set()
    return {str(c.get("code") or "") for c in value.get("coding") or [] if isinstance(c, dict)}


def _note_lines(res: Json) -> list[str]:
    """The lines of a resource's notes (Annotation.text), in order."""
    return [
        line.strip()
        for note in res.get("note") or []
        if isinstance(note, dict)
        for line in str(note.get("text") or "").splitlines()
        if line.strip()
    ]


def _labelled(lines: list[str], label: str) -> tuple[str, list[str]]:
    """The words after "*label*: " on the first such line (as MBC Vault's IPS export writes a field the
    resource has no element for), and the other lines."""
    for number, line in enumerate(lines):
        if line.casefold().startswith(label.casefold() + ":"):
            return line[len(label) + 1 :].strip(), lines[:number] + lines[number + 1 :]
    return "", lines


def _display(value: object) -> str:
    """The display of a Reference (or the text of a CodeableConcept), "" when it has none."""
    if not isinstance(value, dict):
        return ""
    return str(value.get("display") or value.get("text") or "").strip()


def _vocab_key(words: str, vocabulary: dict[str, str]) -> str:
    """The code of *vocabulary* that *words* are (the code itself or its English label), or ""."""
    wanted = codes.plain(words)
    for code, label in vocabulary.items():
        if wanted and wanted in (codes.plain(code), codes.plain(label)):
            return code
    return ""


def _site(words: str, vocabulary: dict[str, str]) -> tuple[str, str]:
    """(site, site_other) of a body site given as words: a site of *vocabulary*, or "other" and the words."""
    words = words.strip()
    if not words:
        return "", ""
    code = _vocab_key(words, vocabulary)
    return (code, "") if code and code != "other" else ("other", words)


#: kinds whose entry has a notes field: what the reader could not take in whole is written there (for
#: the others in the notes of the entry's record)
NOTES_FIELD = ("allergy", "condition", "procedure", "radiation", "immunization", "visit")


#: text fields that a file seldom gives, left out of the data when empty
OPTIONAL_TEXT = ("notes", "place", "surgeon", "lymph_nodes_other", "intent", "technique", "dose_number")


def _found(kind: str, data: Json, key: str, label: str, origin: str, notes: Notes, read: PortalRead) -> Found:
    """The Found, with *notes* ((problem code, text) pairs from Dates) counted on *read* and written in
    the entry's notes field, or its record's notes."""
    for code, _ in notes:
        if code:
            read.problem(code)
    text = "\n".join(line for _, line in notes)
    if kind in NOTES_FIELD and text:
        data["notes"] = "\n".join(n for n in (str(data.get("notes") or ""), text) if n)
        text = ""
    for field in OPTIONAL_TEXT:  # what the file does not say stays the entry's default
        if data.get(field) == "":
            del data[field]
    return Found(kind, data, key, label, origin, notes=text)


def _too_many(data: bytes) -> bool:
    """Whether a bundle surely holds more than MAX_RESOURCES entries, found without parsing it: more
    "resource" keys than that (each entry's resource has one). Counting bytes is quick and needs no
    memory; the exact count after parsing stays."""
    if data.count(b'"resource"') <= MAX_RESOURCES:
        return False
    return sum(1 for _ in re.finditer(rb'"resource"\s*:', data)) > MAX_RESOURCES


def _resources(doc: Any, read: PortalRead) -> list[Json]:
    if isinstance(doc, dict) and doc.get("resourceType") == "Bundle":
        entries = doc.get("entry") or []
        if len(entries) > MAX_RESOURCES:
            raise InputFileError("portal-too-many-resources", name=read.name, limit=str(MAX_RESOURCES))
        return [e["resource"] for e in entries if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
    if isinstance(doc, dict) and doc.get("resourceType"):
        return [doc]
    raise InputFileError("portal-not-fhir", name=read.name)


def read_fhir(data: bytes, name: str, *, cancel: Callable[[], bool] | None = None) -> PortalRead:
    """Read a FHIR R4 file (*name* only names it in sentences) into a PortalRead; refuses files of over
    50,000 resources (before parsing them when that is plain from the bytes), and JSON that does not
    parse, and a file that takes longer than deadline.READ_SECONDS, with one InputFileError sentence.
    UTF-16 and UTF-32 are read as well as UTF-8. The size of the file is the caller's to check
    (read.py's read_portal_file refuses files and zip members over 64 MiB before reading them)."""
    check = within(name, cancel)
    if _too_many(data):
        raise InputFileError("portal-too-many-resources", name=name, limit=str(MAX_RESOURCES))
    read = PortalRead(name=name, format="fhir-bundle", original=data, media_type="application/fhir+json")
    text = data.decode(json.detect_encoding(data), errors="replace")
    resources: list[Json] = []
    doc: Any = None
    try:
        doc = json.loads(text)
    except ValueError:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) < 2 and not name.lower().endswith((".ndjson", ".phr", ".jsonl")):
            raise InputFileError("portal-invalid-json", name=name) from None
        if len(lines) > MAX_RESOURCES:
            raise InputFileError("portal-too-many-resources", name=name, limit=str(MAX_RESOURCES)) from None
        read.format, read.media_type = "ndjson", "application/x-ndjson"
        for number, line in enumerate(lines):
            if number % CANCEL_EVERY == 0 and check():
                raise Cancelled("portal-read-cancelled", name=name) from None
            try:
                item = json.loads(line)
            except ValueError:
                read.problem("portal-bad-line")
                continue
            if isinstance(item, dict) and item.get("resourceType"):
                resources.extend(_resources(item, read))
            else:
                read.problem("portal-bad-line")
    else:
        resources = _resources(doc, read)
        if doc.get("resourceType") != "Bundle":
            read.format = "fhir-resource"
        elif doc.get("type") == "document":
            read.format = "fhir-bundle"
            for res in resources:
                if res.get("resourceType") == "Composition":
                    read.title = str(res.get("title") or "")
                    read.date = parse(res.get("date"))[0]
                    profiles = " ".join(map(str, (res.get("meta") or {}).get("profile") or []))
                    if "ips" in profiles.lower() or "60591-5" in _codes(res.get("type")):
                        read.format = "ips"
                    break
    if len(resources) > MAX_RESOURCES:
        raise InputFileError("portal-too-many-resources", name=name, limit=str(MAX_RESOURCES))
    by_ref = {f"{r.get('resourceType')}/{r.get('id')}": r for r in resources if r.get("id")}
    if isinstance(doc, dict) and doc.get("resourceType") == "Bundle":  # and by fullUrl ("urn:uuid:...")
        for entry in doc.get("entry") or []:
            if isinstance(entry, dict) and isinstance(entry.get("resource"), dict) and entry.get("fullUrl"):
                by_ref.setdefault(str(entry["fullUrl"]), entry["resource"])
    unknown = 0
    line_drugs: dict[str, list[tuple[Json, Json]]] = {}  # a line of treatment's drugs: (statement, extension)
    for number, res in enumerate(resources):
        if number % CANCEL_EVERY == 0 and check():
            raise Cancelled("portal-read-cancelled", name=name)
        of_line = _line_extension(res)
        if of_line is not None:  # a drug of a line of treatment, as MBC Vault's IPS export writes one
            line_drugs.setdefault(str(of_line.get("line") or id(res)), []).append((res, of_line))
            if not of_line.get("medicationEntry"):
                continue
        found = _map(res, by_ref, read)
        if found is None:
            unknown += 1
        else:
            read.found.extend(found)
    read.found.extend(_treatment_line(drugs, read) for drugs in line_drugs.values())
    if unknown:
        read.problem("portal-unknown-resources", unknown)
    genders = [str(r.get("gender") or "") for r in resources if r.get("resourceType") == "Patient"]
    sex = next((g for g in genders if g in ("female", "male", "other")), "")
    for thing in read.found:  # the patient's sex is the diagnosis's (MBC Vault keeps it there)
        if thing.kind == "diagnosis" and sex and not thing.data.get("sex"):
            thing.data["sex"] = sex
    return read


def _line_extension(res: Json) -> Json | None:
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


def _treatment_line(drugs: list[tuple[Json, Json]], read: PortalRead) -> Found:
    """One line of treatment from the statements of its drugs (in the file's order): the drugs' names,
    the first statement's dates, the line's number, setting, best response and trial from the
    extension, and why it stopped from statusReason (or mCODE's termination reason extension)."""
    first, line = drugs[0]
    notes: Notes = []
    start, stop = when.choice(first, "effective", "Start", notes)
    names = [_concept(res.get("medicationCodeableConcept"))[1] for res, _ in drugs]
    number = line.get("number")
    data: Json = {
        "line_number": number if isinstance(number, int) and not isinstance(number, bool) else None,
        "drugs": [n for n in names if n],
        "start": start,
        "stop": stop,
        "setting": str(_dict(line.get("setting")).get("code") or ""),
        "best_response": str(_dict(line.get("bestResponse")).get("code") or ""),
        "trial_id": str(line.get("trial") or ""),
    }
    reasons = [_dict(r) for r in first.get("statusReason") or []]
    reasons += [
        _dict(e.get("valueCodeableConcept"))
        for e in first.get("extension") or []
        if isinstance(e, dict) and str(e.get("url") or "").endswith("/mcode-treatment-termination-reason")
    ]
    if reasons:
        code, words = _concept(reasons[0])
        reason = STOP_REASON_OF_SNOMED.get(code) or _vocab_key(words, cancer_vocab.STOP_REASONS)
        if not reason and words:
            reason = "other"
            data["stop_reason_other"] = words
        data["stop_reason"] = reason
    label = " + ".join(data["drugs"])
    key = codes.key("treatment-line", label, start)
    origin = ", ".join(f"{res.get('resourceType')}/{res.get('id', '')}" for res, _ in drugs)[:200]
    return _found("treatment-line", data, key, label, origin, notes, read)


def _map(res: Json, by_ref: dict[str, Json], read: PortalRead) -> list[Found] | None:
    kind = res.get("resourceType")
    origin = f"{kind}/{res.get('id', '')}"
    notes: Notes = []
    if kind in ("Composition", "Bundle", "Medication", "Specimen", "Practitioner", "Organization"):
        return []
    if kind == "Patient":
        names = res.get("name") or [{}]
        first = names[0] if isinstance(names[0], dict) else {}
        full = first.get("text") or " ".join([*first.get("given", []), first.get("family", "")]).strip()
        dob = when.birth(res.get("birthDate"), notes)
        if not (full or dob):  # nothing to keep (an IPS without "About me")
            return []
        data: Json = {"name": full, "date_of_birth": dob}
        key = codes.key("patient-details", full, dob)
        return [_found("patient-details", data, key, full, origin, notes, read)]
    if kind in MEDICATIONS:
        return [_medication(res, by_ref, origin, read)]
    if kind == "Observation":
        return _observation(res, by_ref, read, origin)
    if kind == "AllergyIntolerance":
        return [_allergy(res, origin, read)]
    if kind == "Condition":
        code, name = _concept(res.get("code"))
        onset = when.choice(res, "onset", "Onset", notes)[0]
        if _is_metastasis(code, name):
            return [_metastasis(res, name, onset, origin, notes, read)]
        if codes.is_breast_cancer(code, name):
            data = {"first_diagnosis": onset, **_cancer_fields(res, code, name)}
            return [_found("diagnosis", data, codes.key("diagnosis", onset), name, origin, notes, read)]
        status = _concept(res.get("clinicalStatus"))[0] or "active"
        status = {"remission": "in-remission", "recurrence": "active", "relapse": "active"}.get(
            status, status
        )
        abated = when.choice(res, "abatement", "Ended", notes)[0]
        data = {
            "name": name,
            "onset": onset,
            "status": status,
            "abated": abated,
            "notes": "\n".join(_note_lines(res)),
        }
        key = codes.key("condition", code or name, onset)
        return [_found("condition", data, key, name, origin, notes, read)]
    if kind == "Procedure":
        return [_procedure(res, origin, read)]
    if kind == "Immunization":
        code, name = _concept(res.get("vaccineCode"))
        day = when.choice(res, "occurrence", "Date", notes)[0]
        applied = [_dict(a) for a in res.get("protocolApplied") or []][:1] or [{}]
        dose = applied[0].get("doseNumberString", applied[0].get("doseNumberPositiveInt"))
        data = {
            "vaccine": name,
            "date": day,
            "dose_number": "" if dose is None else str(dose),
            "place": _display(res.get("location")),
            "notes": "\n".join(_note_lines(res)),
        }
        key = codes.key("immunization", code or name, day)
        return [_found("immunization", data, key, name, origin, notes, read)]
    if kind == "Encounter":
        return [_encounter(res, origin, notes, read)]
    return None


def _first_display(references: object, *path: str) -> str:
    """The first display of a list of objects holding a Reference down *path* ("location",
    "individual"): the name of a place or a person as the file gives it."""
    for each in references if isinstance(references, list) else []:
        value: object = each
        for name in path:
            value = _dict(value).get(name)
        display = str(_dict(value).get("display") or "").strip()
        if display:
            return display
    return ""


def _encounter(res: Json, origin: str, notes: Notes, read: PortalRead) -> Found:
    """An Encounter: a past visit (medical, like everything imported), proposed unticked: only if the
    person ticks it. Its type, date and time, where, with whom and why."""
    period = _dict(res.get("period"))
    start = when.day(period.get("start"), "Date", notes)
    time = parse(period.get("start"))[1] if start else ""
    types = res.get("type") or [{}]
    named = _concept(types[0])[1]
    reason = "; ".join(n for n in (_concept(r)[1] for r in res.get("reasonCode") or []) if n)
    place = _first_display(res.get("location"), "location") or str(
        _dict(res.get("serviceProvider")).get("display") or ""
    )
    data = {
        "date": start,
        "time": time,
        "visit_type": named or ("" if reason else "Visit"),
        "reason": reason,
        "place": place.strip(),
        "clinician": _first_display(res.get("participant"), "individual"),
    }
    title = named or "Visit"  # the key of an encounter as imported before visits were their own kind
    label = named or reason or title
    found = _found("visit", data, codes.key("visit", title, start), label, origin, notes, read)
    found.optional = True
    return found


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _quantity(value: object) -> str:
    """ "2.5 mg" from a FHIR Quantity, "" when it has no value."""
    if not isinstance(value, dict) or value.get("value") is None:
        return ""
    return f"{_number(value['value'])} {value.get('unit') or value.get('code') or ''}".strip()


_UNITS = {"s": "second", "min": "minute", "h": "hour", "d": "day", "wk": "week", "mo": "month", "a": "year"}


def _timing(timing: object) -> str:
    """How often, from a FHIR Timing: its code's text, or its repeat as words ("2 times a day")."""
    if not isinstance(timing, dict):
        return ""
    text = _concept(timing.get("code"))[1]
    repeat = _dict(timing.get("repeat"))
    frequency, period = repeat.get("frequency"), repeat.get("period")
    unit = _UNITS.get(str(repeat.get("periodUnit") or ""))
    if text or not (isinstance(frequency, int) and isinstance(period, (int, float)) and unit):
        return text
    times = "once" if frequency == 1 else "twice" if frequency == 2 else f"{frequency} times"
    return f"{times} a {unit}" if period == 1 else f"{times} every {_number(period)} {unit}s"


def _dose(dosage: Json) -> str:
    """The dose of a Dosage (doseAndRate doseQuantity or doseRange) or of a MedicationAdministration's
    dosage (dose); "" when it gives none."""
    for rate in dosage.get("doseAndRate") or []:
        if not isinstance(rate, dict):
            continue
        if quantity := _quantity(rate.get("doseQuantity")):
            return quantity
        dose_range = _dict(rate.get("doseRange"))
        low, high = _quantity(dose_range.get("low")), _quantity(dose_range.get("high"))
        if low or high:
            return f"{low} to {high}" if low and high else low or f"up to {high}"
    return _quantity(dosage.get("dose"))


def _medication(res: Json, by_ref: dict[str, Json], origin: str, read: PortalRead) -> Found:
    code, name = _concept(res.get("medicationCodeableConcept"))
    ref = str((res.get("medicationReference") or {}).get("reference") or "")
    if not name and ref:
        contained = {f"#{c.get('id')}": c for c in res.get("contained") or [] if isinstance(c, dict)}
        med = contained.get(ref) or by_ref.get(ref) or {}
        code, name = _concept(med.get("code"))
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
    dispense = _dict(res.get("dispenseRequest"))
    if not (start and stop) and dispense:  # how long the prescription is valid, when nothing else says
        valid_start, valid_end = when.choice(dispense, "validity", "Start", notes)
        start, stop = start or valid_start, stop or valid_end
    status = str(res.get("status") or "")
    if status and status != "active":
        notes.append(("", f"Status in the portal: {status}"))
    prescriber = ""
    for line in _note_lines(res):
        if line.startswith("Prescribed by "):  # as MBC Vault's IPS export writes it
            prescriber = line.removeprefix("Prescribed by ").strip()
    reasons = [_concept(r)[1] for r in res.get("reasonCode") or []]
    data = {
        "name": name,
        "dose": dose,
        "schedule": schedule,
        "route": _concept(first.get("route"))[1],
        "start": start,
        "stop": stop,
    }
    said = {
        "purpose": ", ".join(r for r in reasons if r),
        "prescriber": prescriber or _display(res.get("requester")),
    }
    data.update({k: v for k, v in said.items() if v})
    return _found("medication", data, codes.key("medication", name, start), name, origin, notes, read)


RECEPTOR_FIELD = {"er": "er", "pr": "pr"}


def _observation(res: Json, by_ref: dict[str, Json], read: PortalRead, origin: str) -> list[Found]:
    code, name = _concept(res.get("code"))
    receptor = codes.receptor_of(code, name)
    quantity = res.get("valueQuantity")
    concept = _concept(res.get("valueCodeableConcept"))[1] or str(res.get("valueString") or "")
    other: Json | None = None if receptor else codes.other_biomarker_of(name, concept)
    if not (receptor or other) and (not isinstance(quantity, dict) or quantity.get("value") is None):
        read.problem("portal-no-value")  # before its dates are read: they are not counted
        return []
    notes: Notes = []
    specimen = by_ref.get(str((res.get("specimen") or {}).get("reference") or ""), {})
    collection = _dict(specimen.get("collection"))
    day = when.choice(collection, "collected", "Date", notes)[0] if receptor or other or specimen else None
    day = day or when.choice(res, "effective", "Date", notes)[0]
    day = day or when.day(res.get("issued"), "Date", notes)
    site, site_other = _site(_display(collection.get("bodySite")), cancer_vocab.BIOPSY_SITES)
    where = {"site": site, "site_other": site_other} if site else {}
    if receptor:
        data = _receptor(receptor, quantity, concept, res)
        if data:
            data.update(date=day, **where)
            key = codes.key("biomarker", receptor, day)
            return [_found("biomarker", data, key, name, origin, notes, read)]
    if not other and concept and "biopsy" in codes.plain(_display(specimen.get("type"))):
        other = {"others": [{"name": name, "result": concept}]}  # any other result of a biopsy, as words
    if other:  # PIK3CA, ESR1, BRCA... as words (MBC Vault's IPS export writes them so)
        key = codes.key("biomarker", name, day)
        return [_found("biomarker", {**other, "date": day, **where}, key, name, origin, notes, read)]
    if not isinstance(quantity, dict) or quantity.get("value") is None:
        read.problem("portal-no-value")
        return []
    value = float(quantity["value"])
    test = codes.marker_of(code, name) or name
    performers = [_display(p) for p in res.get("performer") or []]
    data = {
        "date": day,
        "test": test,
        "value": value,
        "unit": str(quantity.get("unit") or quantity.get("code") or ""),
    }
    if any(performers):
        data["lab"] = next(p for p in performers if p)
    label = f"{test}: {value:g} {data['unit']}, {day or ''}".strip(", ")
    key = codes.key("lab-value", code or test, day, value)
    return [_found("lab-value", data, key, label, origin, notes, read)]


def _status(words: str) -> str:
    words = codes.plain(words)
    if "low" in words:
        return "low"
    if "neg" in words or "not detected" in words:
        return "negative"
    return "positive" if "pos" in words or "detected" in words else ""


def _receptor(receptor: str, quantity: object, concept: str, res: Json) -> Json:
    percent = quantity.get("value") if isinstance(quantity, dict) else None
    for part in res.get("component") or []:
        if isinstance(part, dict) and isinstance(part.get("valueQuantity"), dict):
            percent = percent if percent is not None else part["valueQuantity"].get("value")
    words = codes.plain(concept)
    if receptor in ("er", "pr"):
        data: Json = {}
        status = _status(words) or ("positive" if isinstance(percent, (int, float)) and percent >= 1 else "")
        if status:
            data[f"{receptor}_status"] = status
        if isinstance(percent, (int, float)):
            data[f"{receptor}_percent"] = percent
        return data
    if receptor == "ki67":
        return {"ki67_percent": percent} if isinstance(percent, (int, float)) else {}
    match = re.search(r"\b([0-3])\s*\+?", words)
    if (
        receptor in ("her2", "her2-ihc")
        and match
        and ("ihc" in words or "+" in words or receptor == "her2-ihc")
    ):
        score = match.group(1)
        return {"her2_ihc": "0" if score == "0" else score + "+"}
    if "not amplified" in words or "non-amplified" in words or "negative" in words:
        return {"her2_ish": "not-amplified"}
    if "amplified" in words or "positive" in words:
        return {"her2_ish": "amplified"}
    return {}


def _allergy(res: Json, origin: str, read: PortalRead) -> Found:
    code, name = _concept(res.get("code"))
    notes: Notes = []
    if code in NO_KNOWN_ALLERGY or _codes(res.get("code")) & NO_KNOWN_ALLERGY:
        data: Json = {"no_known": True, "status": "active"}
        return Found("allergy", data, codes.key("allergy", "no-known"), "No known allergies", origin)
    reactions = res.get("reaction") or []
    reaction, severity = "", ""
    if reactions and isinstance(reactions[0], dict):
        manifestations = reactions[0].get("manifestation") or [{}]
        reaction = _concept(manifestations[0])[1]
        severity = str(reactions[0].get("severity") or "")
    severity_said, lines = _labelled(_note_lines(res), "Severity")  # severity without a reaction
    severity = severity or _vocab_key(severity_said, history_vocab.SEVERITIES)
    if severity_said and not _vocab_key(severity_said, history_vocab.SEVERITIES):
        lines = _note_lines(res)
    status = _concept(res.get("clinicalStatus"))[0] or "active"
    category = ", ".join(map(str, res.get("category") or []))
    data = {
        "substance": name,
        "reaction": reaction,
        "severity": severity,
        "status": status,
        "category": category,
        "allergy_kind": "intolerance" if res.get("type") == "intolerance" else "allergy",
        "onset": when.choice(res, "onset", "Onset", notes)[0],
        "notes": "\n".join(lines),
    }
    return _found("allergy", data, codes.key("allergy", code or name), name, origin, notes, read)


def _procedure(res: Json, origin: str, read: PortalRead) -> Found:
    code, name = _concept(res.get("code"))
    notes: Notes = []
    start, stop = when.choice(res, "performed", "Date", notes)
    place = _display(res.get("location"))
    if codes.is_radiation(code, name):
        said = " ".join(str(n.get("text") or "") for n in res.get("note") or [] if isinstance(n, dict))
        dose = re.search(r"(\d+(?:[.,]\d+)?)\s*Gy", said)
        fractions = re.search(r"(\d+)\s*fraction", said)
        site = ", ".join(_concept(b)[1] for b in res.get("bodySite") or [])
        intent_said, lines = _labelled(_note_lines(res), "Intent")
        intent = _vocab_key(intent_said, history_vocab.RADIATION_INTENTS)
        if intent_said and not intent:
            intent, lines = "other", _note_lines(res)
        technique, lines = _labelled(lines, "Technique")
        lines = [line for line in lines if not RADIATION_DOSE_LINE.fullmatch(line)]  # read below
        data: Json = {
            "site": site,
            "start": start,
            "stop": stop,
            "intent": intent,
            "technique": technique,
            "place": place,
            "notes": "\n".join(lines),
        }
        for ext in res.get("extension") or []:
            url = str(ext.get("url", "")).lower()
            if "dose" in url and isinstance(ext.get("valueQuantity"), dict):
                data["total_dose_gy"] = float(ext["valueQuantity"]["value"])
            if "fraction" in url and isinstance(ext.get("valueUnsignedInt", ext.get("valueInteger")), int):
                data["fractions"] = ext.get("valueUnsignedInt", ext.get("valueInteger"))
        if dose and "total_dose_gy" not in data:
            data["total_dose_gy"] = float(dose.group(1).replace(",", "."))
        if fractions and "fractions" not in data:
            data["fractions"] = int(fractions.group(1))
        return _found("radiation", data, codes.key("radiation", site, start), name, origin, notes, read)
    sites = " ".join(_concept(b)[1] for b in res.get("bodySite") or [])
    words = codes.plain(f"{sites} {name}").split()
    side = "both" if "left" in words and "right" in words else "left" if "left" in words else ""
    side = side or ("right" if "right" in words else "")
    said = " ".join(str(n.get("text") or "") for n in res.get("note") or [] if isinstance(n, dict))
    plain = codes.plain(f"{name} {said}")
    nodes_said, lines = _labelled(_note_lines(res), "Lymph nodes")  # as MBC Vault's IPS export says it
    nodes, nodes_other = _vocab_key(nodes_said, history_vocab.LYMPH_NODE_PROCEDURES), ""
    if nodes_said and nodes in ("", "other"):
        nodes, nodes_other = "other", nodes_said
    elif nodes_said:
        pass  # one of the vocabulary's, said as its label
    elif code in codes.SENTINEL_NODE_SNOMED or "sentinel" in plain:
        nodes = "sentinel-node-biopsy"
    elif code in codes.AXILLARY_DISSECTION_SNOMED or "axillary" in plain:
        nodes = "axillary-dissection"
    performers = [_display(_dict(p).get("actor")) for p in res.get("performer") or []]
    data = {
        "date": start,
        "name": name,
        "side": side,
        "lymph_nodes": nodes,
        "lymph_nodes_other": nodes_other,
        "place": place,
        "surgeon": next((p for p in performers if p), ""),
        "notes": "\n".join(lines),
    }
    key = codes.key("procedure", code or name, start)
    return _found("procedure", data, key, name, origin, notes, read)


#: the line of a radiation course's notes that says its dose, as MBC Vault's IPS export writes it
RADIATION_DOSE_LINE = re.compile(r"(Total dose \d+(?:\.\d+)? Gy)?( ?in )?(\d+ fractions)?")


def _is_metastasis(code: str, name: str) -> bool:
    """Whether a Condition is a site of metastasis (mCODE's secondary cancer condition, or so named)."""
    words = codes.plain(name)
    return code == codes.SECONDARY_CANCER_SNOMED or (
        "secondary malignant" in words and not codes.is_breast_cancer(code, name)
    )


def _metastasis(
    res: Json, name: str, onset: str | None, origin: str, notes: Notes, read: PortalRead
) -> Found:
    said = ", ".join(_concept(b)[1] for b in res.get("bodySite") or [] if _concept(b)[1])
    if not said:  # "Secondary malignant neoplasm of liver"
        said = name.rsplit(" of ", 1)[1] if " of " in name else name
    site, site_other = _site(said, cancer_vocab.METASTASIS_SITES)
    found_by, lines = _labelled(_note_lines(res), "Found by")
    notes.extend(("", line) for line in lines)
    data = {"site": site, "site_other": site_other, "date_found": onset, "found_by": found_by}
    key = codes.key("metastasis", site_other or site, onset)
    return _found("metastasis", data, key, site_other or site, origin, notes, read)


#: how MBC Vault's IPS export names a histology without a code of its own: "...breast: Mucinous"
NAMED_HISTOLOGY = "Malignant neoplasm of breast: "


def _cancer_fields(res: Json, code: str, name: str) -> Json:
    """The diagnosis's fields besides its first date that the cancer's Condition gives: the histology
    (by SNOMED CT code, or named after a colon as MBC Vault's IPS export writes one without a code), the
    metastatic diagnosis from the stage summary ("Metastatic (stage IV) since 2024-05-02"), and the
    presentation from the notes."""
    data: Json = {}
    histology = {"408643008": "ductal", "278054005": "lobular"}.get(code, "")
    if not histology and name.startswith(NAMED_HISTOLOGY):
        named = name.removeprefix(NAMED_HISTOLOGY).strip()
        histology = _vocab_key(named, cancer_vocab.HISTOLOGIES) or "other"
        if histology == "other":
            data["histology_other"] = named
    if histology:
        data["histology"] = histology
    for stage in res.get("stage") or []:
        found = re.search(r"since (\d{4}-\d{2}-\d{2})", _display(_dict(stage).get("summary")))
        if found:
            data["metastatic_diagnosis"] = found.group(1)
            break
    said = codes.plain(" ".join(_note_lines(res)))
    if said.startswith("recurrence, metastatic"):
        data["presentation"] = "recurrence"
    elif said.startswith("de novo metastatic"):
        data["presentation"] = "de-novo"
    return data
