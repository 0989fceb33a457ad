"""Vocabularies for care planning: stable codes (what entries store) and their English labels; the app
shows the labels in its own language (ui/vocab_labels.py)."""

from __future__ import annotations

ROLES = {
    "medical-oncologist": "Medical oncologist",
    "surgical-oncologist": "Surgical oncologist",
    "radiation-oncologist": "Radiation oncologist",
    "radiologist": "Radiologist",
    "pathologist": "Pathologist",
    "nurse-navigator": "Nurse navigator",
    "oncology-nurse": "Oncology nurse",
    "social-worker": "Social worker",
    "genetic-counselor": "Genetic counselor",
    "pharmacist": "Pharmacist",
    "dietitian": "Dietitian",
    "palliative-care": "Palliative care",
    "primary-care": "Primary care",
    "other": "Other",
}
LEGAL_ITEMS = {
    "will": "Will",
    "living-will": "Living will",
    "health-care-proxy": "Health care power of attorney (health care proxy)",
    "financial-poa": "Financial power of attorney",
    "advance-directive": "Advance directive",
    "polst": "POLST or DNR order",
    "health-insurance": "Health insurance policy",
    "life-insurance": "Life insurance policy",
    "disability-insurance": "Disability insurance policy",
    "employer-std": "Employer short-term disability",
    "employer-ltd": "Employer long-term disability",
}
LEGAL_STATUS = {"not-started": "Not started", "in-progress": "In progress", "signed": "Signed"}
TRIAL_STATUS = {
    "considering": "Considering",
    "screening": "Screening",
    "enrolled": "Enrolled",
    "not-eligible": "Not eligible",
    "declined": "Declined",
}
PRIORITY_QUESTIONS = {
    "aggressiveness": "How aggressive do I want treatment to be, and what would I trade for more time?",
    "quality-of-life": "What does a good day look like for me? What matters most in my daily life?",
    "pain-control": "How important is pain control to me, even if it makes me sleepy?",
    "clinical-trials": "Would I be willing to join a clinical trial?",
    "costs": "What worries me about insurance and costs?",
    "support": "Who can help me with daily life (rides, meals, children, paperwork)?",
    "communication": "How do I want my team to talk with me: direct and complete, or gently, step by step?",
}
