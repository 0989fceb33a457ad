"""The FHIR R4 reader: a Bundle of any type (document/IPS, transaction, collection, searchset), a single
resource, or NDJSON / `.phr` (one resource a line), read into a `PortalRead`. Core only: nothing is saved."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..errors import Cancelled, InputFileError
from ..history import vocab as history_vocab
from . import codes
from . import fhir_dates as when
from .deadline import within
from .fhir_dates import Notes, parse
from .fhir_medications import MEDICATIONS, line_extension, medication, treatment_line
from .fhir_oncology import cancer_fields, is_metastasis, metastasis, observation
from .fhir_values import (
    Json,
    as_dict,
    coding_codes,
    concept_of,
    display_of,
    first_display,
    labelled,
    make_found,
    note_lines,
    vocab_key,
)
from .model import Found, PortalRead

MAX_RESOURCES = 50_000
CANCEL_EVERY = 200


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
                    if "ips" in profiles.lower() or "60591-5" in coding_codes(res.get("type")):
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
        of_line = line_extension(res)
        if of_line is not None:  # a drug of a line of treatment, as MBC Vault's IPS export writes one
            line_drugs.setdefault(str(of_line.get("line") or id(res)), []).append((res, of_line))
            if not of_line.get("medicationEntry"):
                continue
        found = _map(res, by_ref, read)
        if found is None:
            unknown += 1
        else:
            read.found.extend(found)
    read.found.extend(treatment_line(drugs, read) for drugs in line_drugs.values())
    if unknown:
        read.problem("portal-unknown-resources", unknown)
    genders = [str(r.get("gender") or "") for r in resources if r.get("resourceType") == "Patient"]
    sex = next((g for g in genders if g in ("female", "male", "other")), "")
    for thing in read.found:  # the patient's sex is the diagnosis's (MBC Vault keeps it there)
        if thing.kind == "diagnosis" and sex and not thing.data.get("sex"):
            thing.data["sex"] = sex
    return read


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
        return [make_found("patient-details", data, key, full, origin, notes, read)]
    if kind in MEDICATIONS:
        return [medication(res, by_ref, origin, read)]
    if kind == "Observation":
        return observation(res, by_ref, read, origin)
    if kind == "AllergyIntolerance":
        return [_allergy(res, origin, read)]
    if kind == "Condition":
        code, name = concept_of(res.get("code"))
        onset = when.choice(res, "onset", "Onset", notes)[0]
        if is_metastasis(code, name):
            return [metastasis(res, name, onset, origin, notes, read)]
        if codes.is_breast_cancer(code, name):
            data = {"first_diagnosis": onset, **cancer_fields(res, code, name)}
            return [make_found("diagnosis", data, codes.key("diagnosis", onset), name, origin, notes, read)]
        status = concept_of(res.get("clinicalStatus"))[0] or "active"
        status = {"remission": "in-remission", "recurrence": "active", "relapse": "active"}.get(
            status, status
        )
        abated = when.choice(res, "abatement", "Ended", notes)[0]
        data = {
            "name": name,
            "onset": onset,
            "status": status,
            "abated": abated,
            "notes": "\n".join(note_lines(res)),
        }
        key = codes.key("condition", code or name, onset)
        return [make_found("condition", data, key, name, origin, notes, read)]
    if kind == "Procedure":
        return [_procedure(res, origin, read)]
    if kind == "Immunization":
        code, name = concept_of(res.get("vaccineCode"))
        day = when.choice(res, "occurrence", "Date", notes)[0]
        applied = [as_dict(a) for a in res.get("protocolApplied") or []][:1] or [{}]
        dose = applied[0].get("doseNumberString", applied[0].get("doseNumberPositiveInt"))
        data = {
            "vaccine": name,
            "date": day,
            "dose_number": "" if dose is None else str(dose),
            "place": display_of(res.get("location")),
            "notes": "\n".join(note_lines(res)),
        }
        key = codes.key("immunization", code or name, day)
        return [make_found("immunization", data, key, name, origin, notes, read)]
    if kind == "Encounter":
        return [_encounter(res, origin, notes, read)]
    return None


def _encounter(res: Json, origin: str, notes: Notes, read: PortalRead) -> Found:
    """An Encounter: a past visit (medical, like everything imported), proposed unticked: only if the
    person ticks it. Its type, date and time, where, with whom and why."""
    period = as_dict(res.get("period"))
    start = when.day(period.get("start"), "Date", notes)
    time = parse(period.get("start"))[1] if start else ""
    types = res.get("type") or [{}]
    named = concept_of(types[0])[1]
    reason = "; ".join(n for n in (concept_of(r)[1] for r in res.get("reasonCode") or []) if n)
    place = first_display(res.get("location"), "location") or str(
        as_dict(res.get("serviceProvider")).get("display") or ""
    )
    data = {
        "date": start,
        "time": time,
        "visit_type": named or ("" if reason else "Visit"),
        "reason": reason,
        "place": place.strip(),
        "clinician": first_display(res.get("participant"), "individual"),
    }
    title = named or "Visit"  # the key of an encounter as imported before visits were their own kind
    label = named or reason or title
    found = make_found("visit", data, codes.key("visit", title, start), label, origin, notes, read)
    found.optional = True
    return found


def _allergy(res: Json, origin: str, read: PortalRead) -> Found:
    code, name = concept_of(res.get("code"))
    notes: Notes = []
    if code in codes.NO_KNOWN_ALLERGY or coding_codes(res.get("code")) & codes.NO_KNOWN_ALLERGY:
        data: Json = {"no_known": True, "status": "active"}
        return Found("allergy", data, codes.key("allergy", "no-known"), "No known allergies", origin)
    reactions = res.get("reaction") or []
    reaction, severity = "", ""
    if reactions and isinstance(reactions[0], dict):
        manifestations = reactions[0].get("manifestation") or [{}]
        reaction = concept_of(manifestations[0])[1]
        severity = str(reactions[0].get("severity") or "")
    severity_said, lines = labelled(note_lines(res), "Severity")  # severity without a reaction
    severity = severity or vocab_key(severity_said, history_vocab.SEVERITIES)
    if severity_said and not vocab_key(severity_said, history_vocab.SEVERITIES):
        lines = note_lines(res)
    status = concept_of(res.get("clinicalStatus"))[0] or "active"
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
    return make_found("allergy", data, codes.key("allergy", code or name), name, origin, notes, read)


def _procedure(res: Json, origin: str, read: PortalRead) -> Found:
    code, name = concept_of(res.get("code"))
    notes: Notes = []
    start, stop = when.choice(res, "performed", "Date", notes)
    place = display_of(res.get("location"))
    if codes.is_radiation(code, name):
        said = " ".join(str(n.get("text") or "") for n in res.get("note") or [] if isinstance(n, dict))
        dose = re.search(r"(\d+(?:[.,]\d+)?)\s*Gy", said)
        fractions = re.search(r"(\d+)\s*fraction", said)
        site = ", ".join(concept_of(b)[1] for b in res.get("bodySite") or [])
        intent_said, lines = labelled(note_lines(res), "Intent")
        intent = vocab_key(intent_said, history_vocab.RADIATION_INTENTS)
        if intent_said and not intent:
            intent, lines = "other", note_lines(res)
        technique, lines = labelled(lines, "Technique")
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
        return make_found("radiation", data, codes.key("radiation", site, start), name, origin, notes, read)
    sites = " ".join(concept_of(b)[1] for b in res.get("bodySite") or [])
    words = codes.plain(f"{sites} {name}").split()
    side = "both" if "left" in words and "right" in words else "left" if "left" in words else ""
    side = side or ("right" if "right" in words else "")
    said = " ".join(str(n.get("text") or "") for n in res.get("note") or [] if isinstance(n, dict))
    plain = codes.plain(f"{name} {said}")
    nodes_said, lines = labelled(note_lines(res), "Lymph nodes")  # as MBC Vault's IPS export says it
    nodes, nodes_other = vocab_key(nodes_said, history_vocab.LYMPH_NODE_PROCEDURES), ""
    if nodes_said and nodes in ("", "other"):
        nodes, nodes_other = "other", nodes_said
    elif nodes_said:
        pass  # one of the vocabulary's, said as its label
    elif code in codes.SENTINEL_NODE_SNOMED or "sentinel" in plain:
        nodes = "sentinel-node-biopsy"
    elif code in codes.AXILLARY_DISSECTION_SNOMED or "axillary" in plain:
        nodes = "axillary-dissection"
    performers = [display_of(as_dict(p).get("actor")) for p in res.get("performer") or []]
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
    return make_found("procedure", data, key, name, origin, notes, read)


#: the line of a radiation course's notes that says its dose, as MBC Vault's IPS export writes it
RADIATION_DOSE_LINE = re.compile(r"(Total dose \d+(?:\.\d+)? Gy)?( ?in )?(\d+ fractions)?")
