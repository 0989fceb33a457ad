"""Record categories and the scope (key) each belongs to."""

from __future__ import annotations

from .errors import InvalidValue

#: Scopes a person can be granted. "vault" is internal: everyone holds it (names, vault info).
SCOPES = ("medical", "legal", "care")
VAULT_SCOPE = "vault"
ALL_SCOPES = (VAULT_SCOPE, *SCOPES)

CATEGORIES: dict[str, tuple[str, str]] = {
    # slug: (scope, label)
    "pathology-report": ("medical", "Pathology report"),
    "imaging-report": ("medical", "Imaging report"),
    "lab-result": ("medical", "Lab result"),
    "genomic-test": ("medical", "Genomic test"),
    "treatment-plan": ("medical", "Treatment plan"),
    "operative-report": ("medical", "Operative report"),
    "discharge-summary": ("medical", "Discharge summary"),
    "clinical-note": ("medical", "Clinical note"),
    "medical-other": ("medical", "Other medical record"),
    "will": ("legal", "Will"),
    "living-will": ("legal", "Living will"),
    "power-of-attorney": ("legal", "Power of attorney"),
    "advance-directive": ("legal", "Advance directive"),
    "health-care-proxy": ("legal", "Health care proxy"),
    "polst": ("legal", "POLST / DNR order"),
    "insurance": ("legal", "Insurance policy"),
    "financial": ("legal", "Financial document"),
    "employment": ("legal", "Employment document"),
    "appointments": ("care", "Appointment"),
    "questions": ("care", "Questions"),
    "contacts": ("care", "Care team contact"),
    "people-to-tell": ("care", "People to tell"),
    "care-priorities": ("care", "Care priorities"),
    "care-other": ("care", "Other care note"),
}

DEFAULT_CATEGORY = "medical-other"

#: Structured entries (not documents): kind -> (scope, label). Their category is their kind.
ENTRY_KINDS: dict[str, tuple[str, str]] = {
    "diagnosis": ("medical", "Diagnosis"),
    "metastasis": ("medical", "Site of metastasis"),
    "biopsy": ("medical", "Biopsy and biomarkers"),
    "treatment-line": ("medical", "Line of treatment"),
    "medication": ("medical", "Medication or supplement"),
    "symptom": ("medical", "Symptom"),
    "lab-value": ("medical", "Lab value"),
    "clinical-trial": ("medical", "Clinical trial"),
    "allergy": ("medical", "Allergy or intolerance"),
    "condition": ("medical", "Other condition"),
    "procedure": ("medical", "Surgery or procedure"),
    "radiation": ("medical", "Radiation course"),
    "immunization": ("medical", "Immunization"),
    "visit": ("medical", "Past visit"),
    "patient-details": ("medical", "About me (date of birth)"),
    "packet": ("medical", "Second-opinion packet"),
    "appointment": ("care", "Appointment"),
    "question-list": ("care", "Question list"),
    "contact": ("care", "Care team member"),
    "person-to-tell": ("care", "Person to tell"),
    "care-priorities": ("care", "My care priorities"),
    "legal-item": ("legal", "Legal or planning paper"),
}


def scope_of(category: str) -> str:
    try:
        return CATEGORIES[category][0]
    except KeyError:
        if category in ENTRY_KINDS:
            return ENTRY_KINDS[category][0]
        raise unknown_category(category) from None


def unknown_category(category: str) -> InvalidValue:
    return InvalidValue("unknown-category", category=category, choices=", ".join(CATEGORIES))


def label_of(category: str) -> str:
    return CATEGORIES.get(category, ("", category))[1]
