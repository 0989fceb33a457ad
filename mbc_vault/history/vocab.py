"""Vocabularies of the health history: stable codes (what entries store) and their English labels; the
app shows the labels in its own language (ui/vocab_labels.py)."""

from __future__ import annotations

ALLERGY_CATEGORIES = {
    "medication": "Medicine",
    "food": "Food",
    "environment": "Environment (pollen, latex, animals...)",
    "other": "Other",
}
ALLERGY_KINDS = {
    "allergy": "Allergy",
    "intolerance": "Intolerance (side effect, not an allergy)",
}
SEVERITIES = {
    "mild": "Mild",
    "moderate": "Moderate",
    "severe": "Severe",
}
ALLERGY_STATUS = {
    "active": "Active",
    "inactive": "Inactive",
    "resolved": "Resolved",
}
CONDITION_STATUS = {
    "active": "Active",
    "in-remission": "In remission",
    "resolved": "Resolved",
    "inactive": "Inactive",
}
SIDES = {
    "left": "Left",
    "right": "Right",
    "both": "Both sides",
    "not-applicable": "Not applicable",
}
LYMPH_NODE_PROCEDURES = {
    "none": "None",
    "sentinel-node-biopsy": "Sentinel lymph node biopsy",
    "axillary-dissection": "Axillary lymph node dissection",
    "other": "Other",
}
RADIATION_INTENTS = {
    "curative": "Curative",
    "adjuvant": "Adjuvant (after surgery)",
    "neoadjuvant": "Neoadjuvant (before surgery)",
    "palliative": "Palliative (to ease symptoms)",
    "other": "Other",
}
