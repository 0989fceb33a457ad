"""Guesses for the import dialog: a title, a document date and a category from a file's text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

#: ordered: the first rule with a match wins, so specific phrases come before general ones
CATEGORY_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("living-will", ("LIVING WILL",)),
    ("will", ("LAST WILL AND TESTAMENT", "LAST WILL & TESTAMENT")),
    ("health-care-proxy", ("HEALTH CARE PROXY", "HEALTHCARE PROXY", "HEALTH CARE POWER OF ATTORNEY",
                           "MEDICAL POWER OF ATTORNEY")),
    ("power-of-attorney", ("POWER OF ATTORNEY",)),
    ("polst", ("POLST", "PHYSICIAN ORDERS FOR LIFE-SUSTAINING", "DO NOT RESUSCITATE", "DNR ORDER", "MOLST")),
    ("advance-directive", ("ADVANCE DIRECTIVE", "ADVANCE HEALTH CARE DIRECTIVE")),
    ("insurance", ("INSURANCE POLICY", "EXPLANATION OF BENEFITS", "POLICY NUMBER", "INSURANCE")),
    ("discharge-summary", ("DISCHARGE SUMMARY",)),
    ("operative-report", ("OPERATIVE REPORT", "OPERATIVE NOTE", "OP NOTE", "PROCEDURE NOTE")),
    ("genomic-test", ("GENOMIC", "ONCOTYPE", "FOUNDATIONONE", "GUARDANT", "NEXT-GENERATION SEQUENCING",
                      "GERMLINE", "TUMOR MUTATIONAL")),
    ("pathology-report", ("SURGICAL PATHOLOGY", "PATHOLOGY REPORT", "CYTOLOGY", "FINAL DIAGNOSIS")),
    ("treatment-plan", ("TREATMENT PLAN", "PLAN OF CARE", "TREATMENT SUMMARY")),
    ("imaging-report", ("RADIOLOGY", "CT CHEST", "CT ABDOMEN", "MRI", "PET/CT", "PET-CT", "BONE SCAN",
                        "MAMMOGRAM", "MAMMOGRAPHY", "ULTRASOUND", "ECHOCARDIOGRAM", "IMAGING")),
    ("lab-result", ("LAB RESULTS", "LABORATORY", "CA 15-3", "CA 27.29", "CBC", "COMPREHENSIVE METABOLIC")),
    ("clinical-note", ("PROGRESS NOTE", "CLINIC NOTE", "CONSULTATION", "OFFICE VISIT")),
]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_US = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_LONG = re.compile(r"\b([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})\b")
_BIRTH = re.compile(r"(DOB|D\.O\.B|BIRTH|BORN)\W{0,3}$", re.IGNORECASE)
_PREFERRED = re.compile(r"(DATE OF SERVICE|SERVICE DATE|REPORT DATE|COLLECTED|DATE SIGNED|SIGNED|DATED|"
                        r"DATE OF PROCEDURE|DATE OF SURGERY|EXAM DATE|DISCHARGE DATE|DATE)\W{0,3}$", re.IGNORECASE)


def propose_category(text: str) -> str:
    upper = text.upper()
    head = upper[:600]
    for scope_text in (head, upper):
        for slug, words in CATEGORY_RULES:
            if any(word in scope_text for word in words):
                return slug
    return "medical-other"


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date.isoformat() if 1900 <= year <= 2100 else None


def _candidates(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for match in _ISO.finditer(text):
        found.append((match.start(), _valid(int(match[1]), int(match[2]), int(match[3])) or ""))
    for match in _US.finditer(text):
        found.append((match.start(), _valid(int(match[3]), int(match[1]), int(match[2])) or ""))
    for match in _LONG.finditer(text):
        month = MONTHS.get(match[1].lower())
        if month:
            found.append((match.start(), _valid(int(match[3]), month, int(match[2])) or ""))
    for match in _DAY_FIRST.finditer(text):
        month = MONTHS.get(match[2].lower())
        if month:
            found.append((match.start(), _valid(int(match[3]), month, int(match[1])) or ""))
    return sorted((pos, date) for pos, date in found if date)


def propose_date(text: str) -> str | None:
    """The document's date: one labelled as a service/report/signing date, else the first date
    that is not a date of birth."""
    candidates = [(pos, date) for pos, date in _candidates(text[:20000])
                  if not _BIRTH.search(text[max(0, pos - 12):pos])]
    for pos, date in candidates:
        if _PREFERRED.search(text[max(0, pos - 24):pos]):
            return date
    return candidates[0][1] if candidates else None


def propose_title(pdf_title: str, file_name: str, text: str) -> str:
    title = re.sub(r"^Microsoft (Word|Excel) - ", "", pdf_title.strip())
    title = re.sub(r"\.(docx?|pdf|odt)$", "", title, flags=re.IGNORECASE).strip()
    if title and title.lower() not in {"untitled", "document", "scan"}:
        return title[:200]
    stem = Path(file_name).stem
    cleaned = re.sub(r"[_\s]+", " ", stem).strip()
    return cleaned[:200] or "Untitled document"
