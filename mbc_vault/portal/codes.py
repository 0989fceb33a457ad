"""Codes that say what a portal result is, shared by every reader: LOINC for the tumor markers and the
receptor results, SNOMED CT for radiation and for breast cancer; and `key()`, the duplicate check's key.

Sources: LOINC (loinc.org) and the mCODE implementation guide (hl7.org/fhir/us/mcode), which names the
tumor-marker tests and the radiotherapy course summary.
"""

from __future__ import annotations

import re
import unicodedata

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
#: the OIDs C-CDA uses for the same code systems
LOINC_OID = "2.16.840.1.113883.6.1"
SNOMED_OID = "2.16.840.1.113883.6.96"
RXNORM_OID = "2.16.840.1.113883.6.88"
SYSTEM_OF_OID = {
    LOINC_OID: LOINC,
    SNOMED_OID: SNOMED,
    RXNORM_OID: "http://www.nlm.nih.gov/research/umls/rxnorm",
}

#: LOINC code -> the tumor-marker test name of mbc_vault/cancer/vocab.MARKERS (charted)
MARKER_LOINC = {
    "6875-9": "CA 15-3",
    "83083-6": "CA 15-3",
    "17842-6": "CA 27.29",
    "2039-6": "CEA",
    "83080-2": "CEA",
}
#: the reverse of MARKER_LOINC: a tumor-marker test name -> its first (main) LOINC code, for exports
LOINC_OF_MARKER: dict[str, str] = {}
for _code, _name in MARKER_LOINC.items():
    LOINC_OF_MARKER.setdefault(_name, _code)
#: names (normalized by `plain`) that mean a tumor marker, when the code is missing or another system's
MARKER_NAMES = {
    "ca 15-3": "CA 15-3",
    "ca15-3": "CA 15-3",
    "ca 15 3": "CA 15-3",
    "cancer antigen 15-3": "CA 15-3",
    "ca 27.29": "CA 27.29",
    "ca 27-29": "CA 27.29",
    "ca27.29": "CA 27.29",
    "ca27-29": "CA 27.29",
    "cancer antigen 27.29": "CA 27.29",
    "cea": "CEA",
    "carcinoembryonic antigen": "CEA",
    "carcinoembryonic ag": "CEA",
}

#: LOINC code -> the receptor it reports: "er", "pr", "her2-ihc", "her2-ish", "ki67"
RECEPTOR_LOINC = {
    "85337-4": "er",  # Estrogen receptor Ag [Presence] in Breast cancer specimen by Immune stain
    "16112-5": "er",  # Estrogen receptor [Interpretation] in Tissue
    "40556-3": "er",  # Estrogen receptor Ag [Units/volume] in Tissue by Immune stain
    "14228-1": "er",  # Estrogen receptor [Mass/mass] in Tissue
    "85339-0": "pr",  # Progesterone receptor Ag [Presence] in Breast cancer specimen by Immune stain
    "16113-3": "pr",  # Progesterone receptor [Interpretation] in Tissue
    "40557-1": "pr",  # Progesterone receptor Ag [Units/volume] in Tissue by Immune stain
    "48676-1": "her2",  # HER2 [Interpretation] in Tissue
    "85319-2": "her2-ihc",  # HER2 [Presence] in Breast cancer specimen by Immune stain
    "18474-7": "her2-ihc",  # HER2 Ag [Presence] in Tissue by Immune stain
    "72383-3": "her2-ihc",  # HER2 [Presence] in Tissue by Immune stain
    "85318-4": "her2-ish",  # ERBB2 gene duplication [Presence] in Breast cancer specimen by FISH
    "32996-1": "her2-ish",  # ERBB2 gene [Copy number] in Tissue by FISH (older code)
    "49683-6": "her2-ish",  # ERBB2 gene amplification [Presence] in Tissue by FISH
    "85329-1": "ki67",  # Cells.Ki-67 nuclear Ag/100 cells in Breast cancer specimen by Immune stain
    "29593-1": "ki67",  # Cells.Ki-67 nuclear Ag/100 cells in Tissue by Immune stain
}
#: names (normalized by `plain`) that mean a receptor result
RECEPTOR_NAMES = {
    "estrogen receptor": "er",
    "oestrogen receptor": "er",
    "er": "er",
    "er status": "er",
    "progesterone receptor": "pr",
    "pr": "pr",
    "pgr": "pr",
    "pr status": "pr",
    "her2": "her2",
    "her-2": "her2",
    "her2/neu": "her2",
    "erbb2": "her2",
    "her2 ihc": "her2-ihc",
    "her2 by ihc": "her2-ihc",
    "her2 fish": "her2-ish",
    "her2 ish": "her2-ish",
    "her2 by fish": "her2-ish",
    "ki-67": "ki67",
    "ki67": "ki67",
    "mib-1": "ki67",
}

#: SNOMED CT codes of radiation procedures (a Procedure with one of these is a radiation course), the
#: mCODE radiotherapy course summary's code among them
RADIATION_SNOMED = {
    "1217123003",  # Radiotherapy course of treatment (mCODE RadiotherapyCourseSummary)
    "108290001",  # Radiation oncology AND/OR radiotherapy
    "53438000",  # Radiation therapy procedure or service
    "33195004",  # Teleradiotherapy procedure
    "385798007",  # Radiation therapy care
    "1287742003",  # Radiotherapy
    "152198000",  # Brachytherapy
    "399315003",  # Radionuclide therapy
}
RADIATION_WORDS = ("radiation", "radiotherapy", "brachytherapy", "irradiation", "teletherapy", "imrt", "sbrt")

#: SNOMED CT codes of breast cancer conditions (a Condition with one of these is proposed as the
#: diagnosis, never over one already recorded); ICD-10 C50.* is recognized by `is_breast_cancer` too
BREAST_CANCER_SNOMED = {
    "254837009",  # Malignant neoplasm of breast
    "353431000119107",  # Primary malignant neoplasm of female left breast
    "353461000119102",  # Primary malignant neoplasm of female right breast
    "408643008",  # Infiltrating duct carcinoma of breast
    "278054005",  # Infiltrating lobular carcinoma of breast
    "372064008",  # Malignant neoplasm of female breast
    "93796005",  # Primary malignant neoplasm of female breast
    "1156935002",  # Metastatic malignant neoplasm of breast (secondary)
}
BREAST_CANCER_WORDS = ("breast cancer", "carcinoma of breast", "neoplasm of breast", "breast carcinoma")

#: SNOMED CT "Secondary malignant neoplastic disease" (mCODE's secondary cancer condition): a Condition
#: with it, or named a secondary malignant neoplasm, is a site of metastasis
SECONDARY_CANCER_SNOMED = "128462008"

#: SNOMED CT codes of lymph-node procedures on a surgery
SENTINEL_NODE_SNOMED = {"396487001", "237500003"}  # Sentinel lymph node biopsy
AXILLARY_DISSECTION_SNOMED = {"234262008", "79544006"}  # Excision of axillary lymph node / dissection


def plain(text: str) -> str:
    """*text* as compared: NFKC, case-folded, accents removed, spaces collapsed."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or "").casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def marker_of(code: str, name: str) -> str | None:
    """The tumor-marker test a result is (by LOINC code, then by name), or None."""
    return MARKER_LOINC.get(code.strip()) or MARKER_NAMES.get(plain(name))


def receptor_of(code: str, name: str) -> str | None:
    """The receptor result ("er", "pr", "her2", "her2-ihc", "her2-ish", "ki67") a result is, or None."""
    found = RECEPTOR_LOINC.get(code.strip())
    if found:
        return found
    words = plain(name)
    if words in RECEPTOR_NAMES:
        return RECEPTOR_NAMES[words]
    if "estrogen receptor" in words or "oestrogen receptor" in words:
        return "er"
    if "progesterone receptor" in words:
        return "pr"
    if "her2" in words or "erbb2" in words or "her-2" in words:
        if "fish" in words or "ish" in words.split() or "in situ" in words or "amplification" in words:
            return "her2-ish"
        if "immun" in words or "ihc" in words.split():
            return "her2-ihc"
        return "her2"
    if "ki-67" in words or "ki67" in words:
        return "ki67"
    return None


def is_radiation(code: str, name: str) -> bool:
    """Whether a procedure is radiation (by SNOMED CT code, then by its words)."""
    words = plain(name)
    return code.strip() in RADIATION_SNOMED or any(w in words.split() or w in words for w in RADIATION_WORDS)


def is_breast_cancer(code: str, name: str) -> bool:
    """Whether a condition is breast cancer (SNOMED CT, ICD-10 C50.*, or its words)."""
    code = code.strip().upper()
    words = plain(name)
    return (
        code in BREAST_CANCER_SNOMED
        or code.startswith("C50")
        or any(w in words for w in BREAST_CANCER_WORDS)
        or ("breast" in words and any(w in words for w in ("malignant", "carcinoma", "cancer")))
    )


def key(kind: str, *parts: object) -> str:
    """The duplicate check's key of a found thing: its kind and the parts that make it the same
    (normalized: "CA 15-3" and "ca 15-3" give one key; 38 and 38.0 too)."""

    def part(value: object) -> str:
        if isinstance(value, float):
            return f"{value:g}"
        return plain(str(value)) if value is not None else ""

    return "|".join((kind, *(part(p) for p in parts)))


#: the other biomarkers of a biopsy, by their name as MBC Vault's IPS export writes it (and common
#: spellings): name (normalized by `plain`) -> the Biopsy field
OTHER_BIOMARKER_NAMES = {
    "pik3ca": "pik3ca",
    "esr1": "esr1",
    "ntrk": "ntrk",
    "ntrk fusion": "ntrk",
    "germline brca": "germline_brca",
    "msi / mmr": "msi",
    "msi": "msi",
    "pd-l1": "pdl1",
}


def other_biomarker_of(name: str, value: str) -> dict[str, str] | None:
    """The Biopsy field and value of a PIK3CA, ESR1, NTRK, germline BRCA, MSI or PD-L1 result given as
    words ({"pik3ca": "detected"}), or None. The words are a vocabulary's code or its English label."""
    from ..cancer import vocab

    field = OTHER_BIOMARKER_NAMES.get(plain(name))
    words = plain(value)
    if field is None or not words:
        return None
    if field == "pdl1":
        return {field: value.strip()}
    choices = {"germline_brca": vocab.BRCA, "msi": vocab.MSI}.get(field, vocab.MUTATION)
    for code, label in choices.items():
        if words in (plain(code), plain(label)):
            return {field: code}
    return None


#: SNOMED CT "no known allergy" codes, and the IPS absent/unknown code for it
NO_KNOWN_ALLERGY = {"716186003", "409137002", "428607008", "429625007", "no-known-allergies"}
