"""What a portal reader gives: the things found in one file, as entries of the care record would hold
them, and the problems met reading it. Plain data, no vault: the review (what is new, what is already in
the vault) and the saving come after."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: kinds a reader may propose: the ENTRY_KINDS of mbc_vault/categories.py that a portal file can fill,
#: plus "biomarker" (one receptor result; the review joins the biomarkers of one date into a biopsy)
#: and "note" (a narrative-only section kept as text, so that nothing is dropped silently)
FOUND_KINDS = (
    "patient-details",
    "diagnosis",
    "biomarker",
    "lab-value",
    "medication",
    "treatment-line",
    "allergy",
    "condition",
    "procedure",
    "radiation",
    "immunization",
    "visit",
    "note",
)


@dataclass
class Found:
    """One thing read from a portal file.

    *data* holds the fields of the entry model of *kind* (mbc_vault/cancer/models.py,
    mbc_vault/history/models.py...) as `Model.from_form` reads them; for "biomarker" it holds the Biopsy
    fields it fills (e.g. {"date": "2024-03-02", "er_status": "positive", "er_percent": 95}); for "note"
    {"title": ..., "text": ...}.
    *key* is what makes it the same as another thing (the duplicate check), built by `codes.key()`:
    for a lab value the code (or the name), the date and the value; for a medication the name and the
    start date.
    *label* is a short plain title for the review ("CA 15-3: 38 U/mL, 2024-05-02").
    *origin* says where in the file it was ("Results section", "Observation/6b1f...").
    *optional*: proposed unticked (encounters as past visits: only if the person ticks them).
    """

    kind: str
    data: dict[str, Any]
    key: str
    label: str
    origin: str = ""
    notes: str = ""
    optional: bool = False


@dataclass
class Problem:
    """Something a reader met and could not take in whole: *code* is a messages.py code whose sentence
    takes *count* and *params* ("3 results had no value and were left out.")."""

    code: str
    count: int = 1
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class PortalRead:
    """One portal document read: a C-CDA document, a FHIR bundle, an NDJSON file... A zip gives one a
    document in it (an IHE XDM export), or one for all of an Apple Health export's records."""

    name: str  # the file's name (for an XDM document: "export.zip › DOC0001.XML")
    format: str  # "ccda", "fhir-bundle", "fhir-resource", "ndjson", "ips", "apple-health"
    title: str = ""  # the document's own title ("Continuity of Care Document")
    date: str | None = None  # the document's date, YYYY-MM-DD
    found: list[Found] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the original bytes, stored as a document in the medical part when the import is saved
    original: bytes = b""
    media_type: str = ""  # "application/xml", "application/fhir+json", "application/x-ndjson"

    def problem(self, code: str, count: int = 1, **params: str) -> None:
        """Count one more *code* problem (the same code adds up, as one review line)."""
        for known in self.problems:
            if known.code == code and known.params == params:
                known.count += count
                return
        self.problems.append(Problem(code, count, dict(params)))
