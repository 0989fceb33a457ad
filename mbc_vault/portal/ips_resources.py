"""The FHIR R4 resources of an International Patient Summary, one builder a kind of entry: each takes the
entry's stored data (the model's `to_data()`) and gives plain JSON dicts. ips_export.py puts them in the
document bundle. Codes come from codes.py (LOINC, SNOMED CT); what has no code there goes as text."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from ..cancer import vocab as cancer_vocab
from . import codes

Json = dict[str, Any]

UCUM = "http://unitsofmeasure.org"
ABSENT_UNKNOWN = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"

#: units as typed -> their UCUM code (the unit is kept as typed in valueQuantity.unit either way)
UCUM_CODES = {
    "U/mL": "U/mL",
    "ng/mL": "ng/mL",
    "pg/mL": "pg/mL",
    "g/dL": "g/dL",
    "g/L": "g/L",
    "mg/dL": "mg/dL",
    "mg/L": "mg/L",
    "mmol/L": "mmol/L",
    "umol/L": "umol/L",
    "µmol/L": "umol/L",
    "U/L": "U/L",
    "IU/L": "[IU]/L",
    "%": "%",
    "fL": "fL",
    "pg": "pg",
    "10^9/L": "10*9/L",
    "x10^9/L": "10*9/L",
    "10^12/L": "10*12/L",
    "mL/min": "mL/min",
    "mL/min/1.73m2": "mL/min/{1.73_m2}",
    "mm/h": "mm/h",
}
#: the receptor results of a biopsy: field -> (LOINC code, display)
HISTOLOGY_SNOMED = {
    "ductal": ("408643008", "Infiltrating duct carcinoma of breast"),
    "lobular": ("278054005", "Infiltrating lobular carcinoma of breast"),
}
BREAST_CANCER = ("254837009", "Malignant neoplasm of breast")
RADIATION_COURSE = ("1217123003", "Radiotherapy course of treatment")
SECONDARY_CANCER = (codes.SECONDARY_CANCER_SNOMED, "Secondary malignant neoplastic disease")
#: histology -> its English label (mbc_vault/cancer/vocab.HISTOLOGIES), for those without a code above
HISTOLOGY_LABELS = cancer_vocab.HISTOLOGIES
SENTINEL = ("396487001", "Sentinel lymph node biopsy")
AXILLARY = ("234262008", "Excision of axillary lymph node")


def _condition_head(status: str) -> Json:
    """What every Condition of the export starts with: a new id, its clinical status, confirmed, on the
    problem list."""
    return {
        "resourceType": "Condition",
        "id": new_id(),
        "clinicalStatus": status_concept(CONDITION_CLINICAL, status),
        "verificationStatus": status_concept(CONDITION_VERIFICATION, "confirmed"),
        "category": [status_concept(CONDITION_CATEGORY, "problem-list-item")],
    }


def new_id() -> str:
    return str(uuid.uuid4())


def text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def concept(name: str, system: str = "", code: str = "", display: str = "") -> Json:
    """A CodeableConcept: the coding when there is a code, and the name as text."""
    out: Json = {}
    if code:
        out["coding"] = [{"system": system, "code": code, **({"display": display} if display else {})}]
    out["text"] = name or display
    return out


def status_concept(system: str, code: str) -> Json:
    return {"coding": [{"system": system, "code": code}]}


def period(start: object, end: object) -> Json:
    return {k: v for k, v in (("start", start), ("end", end)) if isinstance(v, str) and v}


def notes(*lines: str) -> list[Json]:
    joined = "\n".join(line for line in lines if line)
    return [{"text": joined}] if joined else []


def compact(res: Json) -> Json:
    """*res* without empty values (FHIR forbids empty strings, lists and objects)."""
    return {k: v for k, v in res.items() if v not in (None, "", [], {})}


def patient(data: Json, name: str, sex: str) -> Json:
    res: Json = {"resourceType": "Patient", "id": new_id()}
    if name:
        parts = name.split()
        human: Json = {"text": name}
        if len(parts) > 1:
            human.update(family=parts[-1], given=parts[:-1])
        res["name"] = [human]
    if sex in ("female", "male", "other"):
        res["gender"] = sex
    if text(data.get("date_of_birth")):
        res["birthDate"] = data["date_of_birth"]
    return res


def allergy(data: Json, subject: Json) -> Json:
    res: Json = {"resourceType": "AllergyIntolerance", "id": new_id(), "patient": subject}
    res["clinicalStatus"] = status_concept(ALLERGY_CLINICAL, text(data.get("status")) or "active")
    res["verificationStatus"] = status_concept(ALLERGY_VERIFICATION, "confirmed")
    if data.get("no_known"):
        res["code"] = concept(
            "No known allergies", ABSENT_UNKNOWN, "no-known-allergies", "No known allergies"
        )
        return res
    res["type"] = "intolerance" if data.get("allergy_kind") == "intolerance" else "allergy"
    category = text(data.get("category"))
    if category in ("food", "medication", "environment"):
        res["category"] = [category]
    res["code"] = concept(text(data.get("substance")))
    res["onsetDateTime"] = data.get("onset")
    reaction = text(data.get("reaction"))
    severity = text(data.get("severity"))
    if reaction:
        res["reaction"] = [compact({"manifestation": [{"text": reaction}], "severity": severity})]
    res["note"] = notes("" if reaction or not severity else f"Severity: {severity}", text(data.get("notes")))
    return compact(res)


def medication(data: Json, subject: Json, today: str) -> Json:
    stop = data.get("stop")
    current = not stop or str(stop) >= today
    dosage = compact(
        {
            "text": text(data.get("dose")),
            "timing": {"code": {"text": text(data.get("schedule"))}},
            "route": {"text": text(data.get("route"))},
        }
    )
    if not text(data.get("schedule")):
        dosage.pop("timing", None)
    if not text(data.get("route")):
        dosage.pop("route", None)
    res: Json = {
        "resourceType": "MedicationStatement",
        "id": new_id(),
        "status": "active" if current else "completed",
        "medicationCodeableConcept": concept(text(data.get("name"))),
        "subject": subject,
        "effectivePeriod": period(data.get("start"), stop),
        "dosage": [dosage] if dosage else [],
        "reasonCode": [{"text": text(data.get("purpose"))}] if text(data.get("purpose")) else [],
        "note": notes(f"Prescribed by {data['prescriber']}" if text(data.get("prescriber")) else ""),
    }
    return compact(res)


def condition(data: Json, subject: Json) -> Json:
    status = {"in-remission": "remission"}.get(text(data.get("status")), text(data.get("status")) or "active")
    if data.get("abated") and status == "active":
        status = "resolved"  # FHIR: an abated condition is inactive, resolved or in remission
    res: Json = {
        **_condition_head(status),
        "code": concept(text(data.get("name"))),
        "subject": subject,
        "onsetDateTime": data.get("onset"),
        "abatementDateTime": data.get("abated"),
        "note": notes(text(data.get("notes"))),
    }
    return compact(res)


def cancer(data: Json, subject: Json, metastases: list[str], evidence: list[Json]) -> Json:
    """The breast cancer as a Condition: its histology's SNOMED CT code, first diagnosis as onset, the
    metastatic stage as its stage summary, and the biopsies' receptor results as its evidence."""
    histology = text(data.get("histology"))
    code, display = HISTOLOGY_SNOMED.get(histology, BREAST_CANCER)
    named = display
    if histology and histology not in HISTOLOGY_SNOMED:  # no code of its own: its name after the cancer's
        label = text(data.get("histology_other")) if histology == "other" else HISTOLOGY_LABELS.get(histology)
        named = f"{display}: {label}" if label else display
    stage: list[Json] = []
    metastatic = text(data.get("metastatic_diagnosis"))
    if metastatic or metastases:
        words = "Metastatic (stage IV)" + (f" since {metastatic}" if metastatic else "")
        if metastases:
            words += ": " + ", ".join(metastases)
        stage = [{"summary": {"text": words}}]
    res: Json = {
        **_condition_head("active"),
        "code": concept(named, codes.SNOMED, code, display),
        "subject": subject,
        "onsetDateTime": data.get("first_diagnosis"),
        "stage": stage,
        "evidence": [{"detail": evidence}] if evidence else [],
        "note": notes(
            f"Recurrence, metastatic since {metastatic}" if data.get("presentation") == "recurrence" else "",
            "De novo metastatic" if data.get("presentation") == "de-novo" else "",
        ),
    }
    return compact(res)


def metastasis(data: Json, subject: Json, site: str) -> Json:
    """A site of metastasis as mCODE's secondary cancer condition: the SNOMED CT code of a secondary
    malignant neoplasm, the site as its body site, found on as its onset."""
    found_by = text(data.get("found_by"))
    res: Json = {
        **_condition_head("active"),
        "code": concept(SECONDARY_CANCER[1], codes.SNOMED, *SECONDARY_CANCER),
        "bodySite": [{"text": site}] if site else [],
        "subject": subject,
        "onsetDateTime": data.get("date_found"),
        "note": notes(f"Found by: {found_by}" if found_by else ""),
    }
    return compact(res)


def procedure(data: Json, subject: Json) -> Json:
    side = text(data.get("side"))
    nodes = text(data.get("lymph_nodes"))
    node_words = {
        "sentinel-node-biopsy": SENTINEL[1],
        "axillary-dissection": "Axillary lymph node dissection",
        "none": "none",
        "other": text(data.get("lymph_nodes_other")),
    }.get(nodes, "")
    res: Json = {
        "resourceType": "Procedure",
        "id": new_id(),
        "status": "completed",
        "code": concept(text(data.get("name"))),
        "subject": subject,
        "performedDateTime": data.get("date"),
        "bodySite": [
            {"text": {"left": "Left side", "right": "Right side", "both": "Left and right sides"}[side]}
        ]
        if side in ("left", "right", "both")
        else [],
        "performer": [{"actor": {"display": text(data.get("surgeon"))}}] if text(data.get("surgeon")) else [],
        "location": {"display": text(data.get("place"))} if text(data.get("place")) else None,
        "note": notes(f"Lymph nodes: {node_words}" if node_words else "", text(data.get("notes"))),
    }
    return compact(res)


def radiation(data: Json, subject: Json) -> Json:
    dose, fractions = data.get("total_dose_gy"), data.get("fractions")
    words = f"Total dose {dose:g} Gy" if isinstance(dose, (int, float)) else ""
    if fractions:
        words += (" in " if words else "") + f"{fractions} fractions"
    intent, technique = text(data.get("intent")), text(data.get("technique"))
    res: Json = {
        "resourceType": "Procedure",
        "id": new_id(),
        "status": "completed" if data.get("stop") else "in-progress",
        "code": concept(RADIATION_COURSE[1], codes.SNOMED, *RADIATION_COURSE),
        "subject": subject,
        "performedPeriod": period(data.get("start"), data.get("stop")),
        "bodySite": [{"text": text(data.get("site"))}],
        "location": {"display": text(data.get("place"))} if text(data.get("place")) else None,
        "note": notes(
            words,
            f"Intent: {intent}" if intent else "",
            f"Technique: {technique}" if technique else "",
            text(data.get("notes")),
        ),
    }
    return compact(res)


def immunization(data: Json, subject: Json) -> Json:
    day = data.get("date")
    res: Json = {
        "resourceType": "Immunization",
        "id": new_id(),
        "status": "completed",
        "vaccineCode": concept(text(data.get("vaccine"))),
        "patient": subject,
        **({"occurrenceDateTime": day} if day else {"occurrenceString": "date not recorded"}),
        "location": {"display": text(data.get("place"))} if text(data.get("place")) else None,
        "protocolApplied": [{"doseNumberString": text(data.get("dose_number"))}]
        if text(data.get("dose_number"))
        else [],
        "note": notes(text(data.get("notes"))),
    }
    return compact(res)


def quantity(value: float, unit: str) -> Json:
    out: Json = {"value": value}
    if unit:
        out["unit"] = unit
    if unit in UCUM_CODES:
        out.update(system=UCUM, code=UCUM_CODES[unit])
    return out


def observation(name: str, code: str, display: str, day: str | None, subject: Json, **value: Any) -> Json:
    res: Json = {
        "resourceType": "Observation",
        "id": new_id(),
        "status": "final",
        "category": [status_concept(OBSERVATION_CATEGORY, "laboratory")],
        "code": concept(name, codes.LOINC if code else "", code, display),
        "subject": subject,
        "effectiveDateTime": day,
        **value,
    }
    return compact(res)


LOINC_OF_MARKER = codes.LOINC_OF_MARKER
MARKER_DISPLAY = {
    "6875-9": "Cancer Ag 15-3 [Units/volume] in Serum or Plasma",
    "17842-6": "Cancer Ag 27-29 [Units/volume] in Serum or Plasma",
    "2039-6": "Carcinoembryonic Ag [Mass/volume] in Serum or Plasma",
}


def lab_value(data: Json, subject: Json) -> Json:
    test = text(data.get("test"))
    value = data.get("value")
    loinc = LOINC_OF_MARKER.get(test, "")
    res = observation(
        test,
        loinc,
        MARKER_DISPLAY.get(loinc, ""),
        data.get("date"),
        subject,
        valueQuantity=quantity(
            float(value) if isinstance(value, (int, float)) else 0.0, text(data.get("unit"))
        ),
    )
    if text(data.get("lab")):
        res["performer"] = [{"display": text(data.get("lab"))}]
    return res


def today_iso() -> str:
    return dt.date.today().isoformat()


#: MBC Vault's own extension on the MedicationStatement of each drug of a line of systemic treatment.
#: Neither R4, the IPS nor mCODE has a line of treatment (mCODE's cancer-related medications are single
#: drugs with an intent and a termination reason, grouped by nothing), so the line's number, setting,
#: best response and trial, and which statements make one line, are said here. The app has no web site:
#: the host is of the reserved .invalid domain (RFC 2606), so the URL is nobody else's.
LINE_EXTENSION = "https://mbc-vault.invalid/fhir/StructureDefinition/line-of-treatment"
LINE_SETTING_SYSTEM = "https://mbc-vault.invalid/fhir/CodeSystem/line-setting"
BEST_RESPONSE_SYSTEM = "https://mbc-vault.invalid/fhir/CodeSystem/best-response"
#: the reason a line stopped -> its SNOMED CT code, as mCODE's treatment termination reasons give it
#: (MedicationStatement.statusReason; "other" has none: its words are the text). Checked against
#: TreatmentTerminationReasonVS (HL7/fhir-mCODE-ig input/fsh/VS_Other.fsh, STU2, STU3 and STU4): the
#: first three are in it; 182992009 was in STU2 and left in 2023 (mCODE says "completed" by the
#: status alone). The binding is preferred, so it stays: it makes "completed" round-trip through
#: import-records, and other systems read the status anyway.
STOP_REASON_SNOMED = {
    "progression": ("266721009", "Absent response to treatment"),
    "side-effects": ("407563006", "Treatment not tolerated"),
    "patient-choice": ("105480006", "Refusal of treatment by patient"),
    "completed": ("182992009", "Treatment completed"),
}


def line_extension(line: Json, group: str, listed: bool) -> Json:
    """The extension of one drug of *line*: *group* (a urn:uuid) is the same on every drug of the line;
    *listed* says that the statement is one of the person's medication entries too (a drug of the line
    she takes now, recorded twice in the app but sent once)."""
    parts: list[Json] = [{"url": "line", "valueString": group}]
    number = line.get("line_number")
    if isinstance(number, int) and not isinstance(number, bool):
        parts.append({"url": "number", "valueUnsignedInt": number})
    setting = text(line.get("setting"))
    if setting:
        label = cancer_vocab.SETTINGS.get(setting, setting)
        parts.append(
            {
                "url": "setting",
                "valueCoding": {"system": LINE_SETTING_SYSTEM, "code": setting, "display": label},
            }
        )
    response = text(line.get("best_response"))
    if response:
        label = cancer_vocab.RESPONSES.get(response, response)
        coding = {"system": BEST_RESPONSE_SYSTEM, "code": response, "display": label}
        parts.append({"url": "bestResponse", "valueCoding": coding})
    if text(line.get("trial_id")):
        parts.append({"url": "trial", "valueString": text(line.get("trial_id"))})
    if listed:
        parts.append({"url": "medicationEntry", "valueBoolean": True})
    return {"url": LINE_EXTENSION, "extension": parts}


def stop_reason(line: Json) -> Json:
    """Why the line stopped, as a CodeableConcept ({} when not recorded)."""
    reason = text(line.get("stop_reason"))
    if not reason:
        return {}
    if reason == "other":
        return {"text": text(line.get("stop_reason_other")) or cancer_vocab.STOP_REASONS["other"]}
    code, display = STOP_REASON_SNOMED[reason]
    return concept(cancer_vocab.STOP_REASONS.get(reason, reason), codes.SNOMED, code, display)


def line_drug(line: Json, drug: str, subject: Json, today: str, cancer: Json | None) -> Json:
    """The MedicationStatement of one drug of a line that is not also a medication entry: the drug, the
    line's dates, its status (stopped early when it stopped for a reason other than completion), why
    it stopped, and the cancer as its reason. ips_export adds the line's extension."""
    stop = line.get("stop")
    reason = text(line.get("stop_reason"))
    status = "active" if not stop or str(stop) >= today else "completed"
    if status == "completed" and reason and reason != "completed":
        status = "stopped"
    res: Json = {
        "resourceType": "MedicationStatement",
        "id": new_id(),
        "status": status,
        "medicationCodeableConcept": concept(drug),
        "subject": subject,
        "effectivePeriod": period(line.get("start"), stop),
        "reasonReference": [cancer] if cancer else [],
    }
    return compact(res)
