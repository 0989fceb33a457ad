"""The FHIR R4 reader: a Bundle of any type (document/IPS, transaction, collection, searchset), a single
resource, or NDJSON / `.phr` (one resource a line), read into a `PortalRead`. Core only: nothing is saved."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from ..errors import Cancelled, InputFileError
from . import codes
from .model import Found, PortalRead

MAX_BYTES = 64 * 1024 * 1024
MAX_RESOURCES = 50_000
CANCEL_EVERY = 200
#: SNOMED CT "no known allergy" codes, and the IPS absent/unknown code for it
NO_KNOWN_ALLERGY = {"716186003", "409137002", "428607008", "429625007", "no-known-allergies"}
MEDICATIONS = ("MedicationStatement", "MedicationRequest", "MedicationAdministration")

Json = dict[str, Any]


def _date(value: object) -> str | None:
    """YYYY-MM-DD from a FHIR date or dateTime of full precision; None otherwise."""
    if not isinstance(value, str):
        return None
    match = re.match(r"(\d{4}-\d{2}-\d{2})", value.strip())
    return match.group(1) if match else None


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


def _period(res: Json, name: str) -> tuple[str | None, str | None]:
    period = res.get(name + "Period") or {}
    if isinstance(period, dict) and period:
        return _date(period.get("start")), _date(period.get("end"))
    return _date(res.get(name + "DateTime")), None


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
    """Read a FHIR R4 file (*name* only names it in sentences) into a PortalRead; refuses files over
    64 MiB or 50,000 resources, and JSON that does not parse, with one InputFileError sentence."""
    if len(data) > MAX_BYTES:
        raise InputFileError("portal-file-too-large", name=name, limit="64 MiB")
    read = PortalRead(name=name, format="fhir-bundle", original=data, media_type="application/fhir+json")
    text = data.decode("utf-8-sig", errors="replace")
    resources: list[Json] = []
    try:
        doc = json.loads(text)
    except ValueError:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) < 2 and not name.lower().endswith((".ndjson", ".phr", ".jsonl")):
            raise InputFileError("portal-invalid-json", name=name) from None
        if len(lines) > MAX_RESOURCES:
            raise InputFileError("portal-too-many-resources", name=name, limit=str(MAX_RESOURCES)) from None
        read.format, read.media_type = "ndjson", "application/x-ndjson"
        for line in lines:
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
                    read.date = _date(res.get("date"))
                    profiles = " ".join(map(str, (res.get("meta") or {}).get("profile") or []))
                    if "ips" in profiles.lower() or "60591-5" in _codes(res.get("type")):
                        read.format = "ips"
                    break
    if len(resources) > MAX_RESOURCES:
        raise InputFileError("portal-too-many-resources", name=name, limit=str(MAX_RESOURCES))
    by_ref = {f"{r.get('resourceType')}/{r.get('id')}": r for r in resources if r.get("id")}
    unknown = 0
    for number, res in enumerate(resources):
        if cancel is not None and number % CANCEL_EVERY == 0 and cancel():
            raise Cancelled("portal-read-cancelled", name=name)
        found = _map(res, by_ref, read)
        if found is None:
            unknown += 1
        else:
            read.found.extend(found)
    if unknown:
        read.problem("portal-unknown-resources", unknown)
    return read


def _map(res: Json, by_ref: dict[str, Json], read: PortalRead) -> list[Found] | None:
    kind = res.get("resourceType")
    origin = f"{kind}/{res.get('id', '')}"
    if kind in ("Composition", "Bundle", "Medication", "Specimen", "Practitioner", "Organization"):
        return []
    if kind == "Patient":
        names = res.get("name") or [{}]
        first = names[0] if isinstance(names[0], dict) else {}
        full = first.get("text") or " ".join([*first.get("given", []), first.get("family", "")]).strip()
        dob = _date(res.get("birthDate"))
        if not (full or dob):  # nothing to keep (an IPS without "About me")
            return []
        data: Json = {"name": full, "date_of_birth": dob}
        return [Found("patient-details", data, codes.key("patient-details", full, dob), full, origin)]
    if kind in MEDICATIONS:
        return [_medication(res, by_ref, origin)]
    if kind == "Observation":
        return _observation(res, by_ref, read, origin)
    if kind == "AllergyIntolerance":
        return [_allergy(res, origin)]
    if kind == "Condition":
        code, name = _concept(res.get("code"))
        onset = _date(res.get("onsetDateTime") or (res.get("onsetPeriod") or {}).get("start"))
        if codes.is_breast_cancer(code, name):
            data = {"first_diagnosis": onset}
            return [Found("diagnosis", data, codes.key("diagnosis", onset), name, origin)]
        status = _concept(res.get("clinicalStatus"))[0] or "active"
        status = {"remission": "in-remission", "recurrence": "active", "relapse": "active"}.get(
            status, status
        )
        data = {"name": name, "onset": onset, "status": status, "abated": _date(res.get("abatementDateTime"))}
        return [Found("condition", data, codes.key("condition", code or name, onset), name, origin)]
    if kind == "Procedure":
        return [_procedure(res, origin)]
    if kind == "Immunization":
        code, name = _concept(res.get("vaccineCode"))
        day = _date(res.get("occurrenceDateTime"))
        data = {"vaccine": name, "date": day}
        return [Found("immunization", data, codes.key("immunization", code or name, day), name, origin)]
    if kind == "Encounter":
        start = _date((res.get("period") or {}).get("start"))
        types = res.get("type") or [{}]
        title = _concept(types[0])[1] or "Visit"
        data = {"date": start, "purpose": title}
        return [
            Found("appointment", data, codes.key("appointment", title, start), title, origin, optional=True)
        ]
    return None


def _medication(res: Json, by_ref: dict[str, Json], origin: str) -> Found:
    code, name = _concept(res.get("medicationCodeableConcept"))
    ref = str((res.get("medicationReference") or {}).get("reference") or "")
    if not name and ref:
        contained = {f"#{c.get('id')}": c for c in res.get("contained") or [] if isinstance(c, dict)}
        med = contained.get(ref) or by_ref.get(ref) or {}
        code, name = _concept(med.get("code"))
    dosage = res.get("dosage") or (res.get("dosageInstruction") or [{}])
    first = dosage[0] if isinstance(dosage, list) and dosage else dosage if isinstance(dosage, dict) else {}
    dose = str(first.get("text") or "")
    route = _concept(first.get("route"))[1]
    start, stop = _period(res, "effective")
    start = start or _date(res.get("authoredOn"))
    data = {"name": name, "dose": dose, "schedule": route, "start": start, "stop": stop}
    return Found("medication", data, codes.key("medication", name, start), name, origin)


RECEPTOR_FIELD = {"er": "er", "pr": "pr"}


def _observation(res: Json, by_ref: dict[str, Json], read: PortalRead, origin: str) -> list[Found]:
    code, name = _concept(res.get("code"))
    receptor = codes.receptor_of(code, name)
    specimen = by_ref.get(str((res.get("specimen") or {}).get("reference") or ""), {})
    day = _date((specimen.get("collection") or {}).get("collectedDateTime")) if receptor else None
    day = day or _date(res.get("effectiveDateTime") or (res.get("effectivePeriod") or {}).get("start"))
    day = day or _date(res.get("issued"))
    quantity = res.get("valueQuantity")
    concept = _concept(res.get("valueCodeableConcept"))[1] or str(res.get("valueString") or "")
    if receptor:
        data = _receptor(receptor, quantity, concept, res)
        if data:
            data["date"] = day
            return [Found("biomarker", data, codes.key("biomarker", receptor, day), name, origin)]
    other = None if receptor else codes.other_biomarker_of(name, concept)
    if other:  # PIK3CA, ESR1, BRCA... as words (MBC Vault's IPS export writes them so)
        return [Found("biomarker", {**other, "date": day}, codes.key("biomarker", name, day), name, origin)]
    if not isinstance(quantity, dict) or quantity.get("value") is None:
        read.problem("portal-no-value")
        return []
    value = float(quantity["value"])
    test = codes.marker_of(code, name) or name
    data = {
        "date": day,
        "test": test,
        "value": value,
        "unit": str(quantity.get("unit") or quantity.get("code") or ""),
    }
    label = f"{test}: {value:g} {data['unit']}, {day or ''}".strip(", ")
    return [Found("lab-value", data, codes.key("lab-value", code or test, day, value), label, origin)]


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


def _allergy(res: Json, origin: str) -> Found:
    code, name = _concept(res.get("code"))
    if code in NO_KNOWN_ALLERGY or _codes(res.get("code")) & NO_KNOWN_ALLERGY:
        data: Json = {"no_known": True, "status": "active"}
        return Found("allergy", data, codes.key("allergy", "no-known"), "No known allergies", origin)
    reactions = res.get("reaction") or []
    reaction, severity = "", ""
    if reactions and isinstance(reactions[0], dict):
        manifestations = reactions[0].get("manifestation") or [{}]
        reaction = _concept(manifestations[0])[1]
        severity = str(reactions[0].get("severity") or "")
    status = _concept(res.get("clinicalStatus"))[0] or "active"
    category = ", ".join(map(str, res.get("category") or []))
    data = {
        "substance": name,
        "reaction": reaction,
        "severity": severity,
        "status": status,
        "category": category,
        "allergy_kind": "intolerance" if res.get("type") == "intolerance" else "allergy",
        "onset": _date(res.get("onsetDateTime")),
    }
    return Found("allergy", data, codes.key("allergy", code or name), name, origin)


def _procedure(res: Json, origin: str) -> Found:
    code, name = _concept(res.get("code"))
    start, stop = _period(res, "performed")
    if codes.is_radiation(code, name):
        notes = " ".join(str(n.get("text") or "") for n in res.get("note") or [] if isinstance(n, dict))
        dose = re.search(r"(\d+(?:[.,]\d+)?)\s*Gy", notes)
        fractions = re.search(r"(\d+)\s*fraction", notes)
        site = ", ".join(_concept(b)[1] for b in res.get("bodySite") or [])
        data: Json = {"site": site, "start": start, "stop": stop, "notes": notes}
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
        return Found("radiation", data, codes.key("radiation", site, start), name, origin)
    sites = " ".join(_concept(b)[1] for b in res.get("bodySite") or [])
    words = codes.plain(f"{sites} {name}").split()
    side = "both" if "left" in words and "right" in words else "left" if "left" in words else ""
    side = side or ("right" if "right" in words else "")
    notes = " ".join(str(n.get("text") or "") for n in res.get("note") or [] if isinstance(n, dict))
    plain = codes.plain(f"{name} {notes}")
    nodes = ""
    if code in codes.SENTINEL_NODE_SNOMED or "sentinel" in plain:
        nodes = "sentinel-node-biopsy"
    elif code in codes.AXILLARY_DISSECTION_SNOMED or "axillary" in plain:
        nodes = "axillary-dissection"
    elif "lymph nodes: none" in plain:  # as MBC Vault's IPS export says it
        nodes = "none"
    data = {"date": start, "name": name, "side": side, "lymph_nodes": nodes}
    return Found("procedure", data, codes.key("procedure", code or name, start), name, origin)
