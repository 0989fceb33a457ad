"""The biopsies of the care record as FHIR R4 resources for the IPS: a Specimen a biopsy, and its
results as Observations (ER, PR, HER2 IHC and ISH, Ki-67 by LOINC; PIK3CA, ESR1, BRCA... as words that
codes.other_biomarker_of reads back)."""

from __future__ import annotations

from typing import Any

from ..cancer import vocab as cancer_vocab
from . import codes
from .ips_resources import compact, new_id, observation, quantity, text

Json = dict[str, Any]

RECEPTOR_CODES = {
    "er": ("85337-4", "Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain"),
    "pr": ("85339-0", "Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain"),
    "her2_ihc": ("85319-2", "HER2 [Presence] in Breast cancer specimen by Immune stain"),
    "her2_ish": ("85318-4", "ERBB2 gene duplication [Presence] in Breast cancer specimen by FISH"),
    "ki67": ("85329-1", "Cells.Ki-67 nuclear Ag/100 cells in Breast cancer specimen by Immune stain"),
}
STATUS_CONCEPT = {
    "positive": {
        "coding": [{"system": codes.SNOMED, "code": "10828004", "display": "Positive"}],
        "text": "Positive",
    },
    "negative": {
        "coding": [{"system": codes.SNOMED, "code": "260385009", "display": "Negative"}],
        "text": "Negative",
    },
    "low": {"text": "Low positive (1-10%)"},
}
#: histology -> the SNOMED CT code of the diagnosis (codes.BREAST_CANCER_SNOMED)


def biomarkers(data: Json, subject: Json, specimen: Json | None) -> list[Json]:
    """The receptor results of one biopsy as Observations (ER, PR, HER2 IHC and ISH, Ki-67), each
    linked to the biopsy's Specimen; the other results (PIK3CA, ESR1, BRCA...) as coded text."""
    day = data.get("date")
    out: list[Json] = []
    extra: Json = {"specimen": {"reference": specimen["fullUrl"]}} if specimen else {}
    for receptor, label in (("er", "ER"), ("pr", "PR")):
        status, percent = text(data.get(f"{receptor}_status")), data.get(f"{receptor}_percent")
        code, display = RECEPTOR_CODES[receptor]
        has_percent = isinstance(percent, (int, float))
        percent = percent if isinstance(percent, (int, float)) else 0.0
        if status in STATUS_CONCEPT:
            value: Json = {"valueCodeableConcept": STATUS_CONCEPT[status]}
            if has_percent:
                part = {
                    "code": {"text": "Percent of tumor cells stained"},
                    "valueQuantity": quantity(percent, "%"),
                }
                value["component"] = [part]
        elif has_percent:
            value = {"valueQuantity": quantity(percent, "%")}
        else:
            continue
        out.append(observation(f"{label} ({display})", code, display, day, subject, **extra, **value))
    ihc = text(data.get("her2_ihc"))
    if ihc in ("0", "1+", "2+", "3+"):
        code, display = RECEPTOR_CODES["her2_ihc"]
        value = {"valueCodeableConcept": {"text": f"IHC {ihc}"}}
        out.append(observation("HER2 by IHC", code, display, day, subject, **extra, **value))
    ish = text(data.get("her2_ish"))
    if ish in ("amplified", "not-amplified"):
        code, display = RECEPTOR_CODES["her2_ish"]
        value = {"valueCodeableConcept": {"text": "Amplified" if ish == "amplified" else "Not amplified"}}
        out.append(observation("HER2 by ISH", code, display, day, subject, **extra, **value))
    ki67 = data.get("ki67_percent")
    if isinstance(ki67, (int, float)):
        code, display = RECEPTOR_CODES["ki67"]
        out.append(
            observation("Ki-67", code, display, day, subject, **extra, valueQuantity=quantity(ki67, "%"))
        )
    # the other results as words: a vocabulary's English label ("Not detected"), read back by
    # codes.other_biomarker_of; the free "others" as typed
    labels = {"germline_brca": cancer_vocab.BRCA, "msi": cancer_vocab.MSI}
    others = [
        (name, text(data.get(field)), labels.get(field, cancer_vocab.MUTATION))
        for name, field in (
            ("PIK3CA", "pik3ca"),
            ("ESR1", "esr1"),
            ("NTRK", "ntrk"),
            ("Germline BRCA", "germline_brca"),
            ("MSI / MMR", "msi"),
        )
    ]
    others += [("PD-L1", text(data.get("pdl1")), {})]
    others += [
        (text(o.get("name")), text(o.get("result")), {})
        for o in data.get("others") or []
        if isinstance(o, dict)
    ]
    for name, result, vocabulary in others:
        if name and result and result != "unknown":
            words = vocabulary.get(result, result)
            out.append(observation(name, "", "", day, subject, **extra, valueString=words))
    return out


def specimen(data: Json, subject: Json, site: str) -> Json:
    return compact(
        {
            "resourceType": "Specimen",
            "id": new_id(),
            "type": {"text": "Biopsy"},
            "subject": subject,
            "collection": compact(
                {"collectedDateTime": data.get("date"), "bodySite": {"text": site} if site else None}
            ),
        }
    )
