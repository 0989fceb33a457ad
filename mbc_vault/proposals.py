"""Guesses for the import dialog: a title, a document date and a category from a file's text.

A category guess decides who can see a document (its part of the vault, see `categories.scope_of`),
so it never widens that on words in a document's body: a pathology report with the header line
"Insurance: Example Health Plan", or a portal's care summary with an "Advance directives" section,
stays medical. Legal and care categories are proposed only from the document's own title (the PDF's
title, the file's name) or from its heading: its first lines, up to the first "label: value"
field; medical categories may come from anywhere in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .categories import scope_of

#: ordered: the first rule with a match wins, so specific phrases come before general ones
CATEGORY_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("living-will", ("LIVING WILL",)),
    ("will", ("LAST WILL AND TESTAMENT", "LAST WILL & TESTAMENT")),
    (
        "health-care-proxy",
        (
            "HEALTH CARE PROXY",
            "HEALTHCARE PROXY",
            "HEALTH CARE POWER OF ATTORNEY",
            "MEDICAL POWER OF ATTORNEY",
        ),
    ),
    ("power-of-attorney", ("POWER OF ATTORNEY",)),
    ("polst", ("POLST", "PHYSICIAN ORDERS FOR LIFE-SUSTAINING", "DO NOT RESUSCITATE", "DNR ORDER", "MOLST")),
    ("advance-directive", ("ADVANCE DIRECTIVE", "ADVANCE HEALTH CARE DIRECTIVE")),
    (
        "insurance",
        (
            "INSURANCE POLICY",
            "EXPLANATION OF BENEFITS",
            "SUMMARY OF BENEFITS",
            "EVIDENCE OF COVERAGE",
            "CERTIFICATE OF COVERAGE",
            "HEALTH INSURANCE CLAIM",
            "LIFE INSURANCE",
            "POLICY NUMBER",
            "INSURANCE",
        ),
    ),
    ("discharge-summary", ("DISCHARGE SUMMARY",)),
    ("operative-report", ("OPERATIVE REPORT", "OPERATIVE NOTE", "OP NOTE", "PROCEDURE NOTE")),
    (
        "genomic-test",
        (
            "GENOMIC",
            "ONCOTYPE",
            "FOUNDATIONONE",
            "GUARDANT",
            "NEXT-GENERATION SEQUENCING",
            "GERMLINE",
            "TUMOR MUTATIONAL",
        ),
    ),
    ("pathology-report", ("SURGICAL PATHOLOGY", "PATHOLOGY REPORT", "CYTOLOGY", "FINAL DIAGNOSIS")),
    ("treatment-plan", ("TREATMENT PLAN", "PLAN OF CARE", "TREATMENT SUMMARY")),
    (
        "imaging-report",
        (
            "RADIOLOGY",
            "CT CHEST",
            "CT ABDOMEN",
            "MRI",
            "PET/CT",
            "PET-CT",
            "BONE SCAN",
            "MAMMOGRAM",
            "MAMMOGRAPHY",
            "ULTRASOUND",
            "ECHOCARDIOGRAM",
            "IMAGING",
        ),
    ),
    ("lab-result", ("LAB RESULTS", "LABORATORY", "CA 15-3", "CA 27.29", "CBC", "COMPREHENSIVE METABOLIC")),
    ("clinical-note", ("PROGRESS NOTE", "CLINIC NOTE", "CONSULTATION", "OFFICE VISIT")),
    # summaries of a whole chart (patient portals): they list advance directives, insurance and so on
    (
        "medical-other",
        (
            "CONTINUITY OF CARE",
            "HEALTH SUMMARY",
            "VISIT SUMMARY",
            "PATIENT SUMMARY",
            "CLINICAL SUMMARY",
            "SUMMARY OF CARE",
        ),
    ),
]

#: words that name a legal document only when they are its title (a file name, a PDF title): in its
#: first lines they are as likely to be a medical report's header field ("Insurance ID 123")
TITLE_ONLY_WORDS = frozenset({"INSURANCE", "POLICY NUMBER"})
#: how many of a document's first non-empty lines count as its heading
HEAD_LINES = 5
#: a "label: value" line (Insurance: Example Health Plan; Code status: DNR): a field, not a heading
_FIELD_LINE = re.compile(r"^[^:]{1,48}:\s*\S")

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_US = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_LONG = re.compile(r"\b([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})\b")
_BIRTH = re.compile(r"(DOB|D\.O\.B|BIRTH|BORN)\W{0,3}$", re.IGNORECASE)
_PREFERRED = re.compile(
    r"(DATE OF SERVICE|SERVICE DATE|REPORT DATE|COLLECTED|DATE SIGNED|SIGNED|DATED|"
    r"DATE OF PROCEDURE|DATE OF SURGERY|EXAM DATE|DISCHARGE DATE|DATE)\W{0,3}$",
    re.IGNORECASE,
)


def _first_rule(text: str, *, medical: bool | None = None, title: bool = True) -> str | None:
    """The first rule (in priority order) with a word in *text*; only medical rules, or only the others."""
    for slug, words in CATEGORY_RULES:
        if medical is not None and (scope_of(slug) == "medical") != medical:
            continue
        if any(word in text for word in words if title or word not in TITLE_ONLY_WORDS):
            return slug
    return None


def head_lines(text: str, count: int = HEAD_LINES) -> list[str]:
    """The first *count* non-empty lines of *text*, stripped."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line.strip())
            if len(lines) == count:
                break
    return lines


def propose_category(text: str, title: str = "") -> str:
    """The category to propose for a document with this *text* and *title* (its PDF title and file name).

    1. A rule that matches the title wins (any category: it is the document's own name).
    2. In the first lines, a legal or care rule wins only on a heading: a line before the first
       "label: value" field and before the first line that matches a medical rule.
    3. Otherwise a medical rule: the first of the first lines that names one (a report's heading,
       "Lab results", before the words of its body, "radiology", "impression"), then the whole text.
    4. Otherwise "medical-other": never the legal or care part because of words in the body.
    """
    by_title = _first_rule(re.sub(r"[_\s]+", " ", title).upper())
    if by_title:
        return by_title
    head = [line.upper() for line in head_lines(text)]
    medical_line = next((n for n, line in enumerate(head) if _first_rule(line, medical=True)), None)
    for number, line in enumerate(head):
        if medical_line is not None and number >= medical_line:
            break
        if _FIELD_LINE.match(line):  # the fields (patient, insurance, code status…) begin: the body
            break
        other = _first_rule(line, medical=False, title=False)
        if other:
            return other
    if medical_line is not None:
        return _first_rule(head[medical_line], medical=True) or "medical-other"
    return _first_rule(text.upper(), medical=True) or "medical-other"


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
    candidates = [
        (pos, date)
        for pos, date in _candidates(text[:20000])
        if not _BIRTH.search(text[max(0, pos - 12) : pos])
    ]
    for pos, date in candidates:
        if _PREFERRED.search(text[max(0, pos - 24) : pos]):
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
