"""Vocabularies for the cancer record, in the words patient guides use. Free text is allowed where it
helps.

Each vocabulary maps a stable code (what entries store) to its English label (the command line and the
English printouts); the app shows the labels in its own language (ui/vocab_labels.py)."""

from __future__ import annotations

HISTOLOGIES = {
    "ductal": "Invasive ductal carcinoma",
    "lobular": "Invasive lobular carcinoma",
    "medullary": "Medullary",
    "mucinous": "Mucinous",
    "tubular": "Tubular",
    "metaplastic": "Metaplastic",
    "papillary": "Papillary",
    "inflammatory": "Inflammatory",
    "paget": "Paget's disease",
    "other": "Other",
}
PRESENTATIONS = {"de-novo": "De novo (stage IV at first diagnosis)", "recurrence": "Recurrence"}
SEXES = {"female": "Female", "male": "Male", "other": "Other"}
METASTASIS_SITES = {
    "bone": "Bone",
    "liver": "Liver",
    "lung": "Lung",
    "brain": "Brain",
    "lymph-nodes": "Lymph nodes",
    "skin": "Skin",
    "other": "Other",
}
BIOPSY_SITES = {
    "primary-breast": "Primary breast tumor",
    "breast-recurrence": "Breast (recurrence)",
    "liver": "Liver",
    "bone": "Bone",
    "lung": "Lung",
    "brain": "Brain",
    "lymph-node": "Lymph node",
    "skin": "Skin",
    "pleural-fluid": "Pleural fluid",
    "other": "Other",
}
RECEPTOR_STATUS = {
    "positive": "Positive",
    "negative": "Negative",
    "low": "Low (1-10%)",
    "unknown": "Not known",
}
HER2_IHC = {"0": "IHC 0", "1+": "IHC 1+", "2+": "IHC 2+", "3+": "IHC 3+", "unknown": "Not known"}
HER2_ISH = {"amplified": "ISH amplified", "not-amplified": "ISH not amplified", "not-done": "ISH not done"}
MUTATION = {"detected": "Detected", "not-detected": "Not detected", "unknown": "Not tested / not known"}
BRCA = {
    "brca1": "Germline BRCA1 mutation",
    "brca2": "Germline BRCA2 mutation",
    "negative": "No germline BRCA mutation",
    "unknown": "Not tested / not known",
}
MSI = {"msi-h": "MSI-H / dMMR", "mss": "MSS / pMMR", "unknown": "Not tested / not known"}

DRUG_CLASSES = {
    "hormonal": "Hormonal therapy",
    "cdk4-6-inhibitor": "CDK4/6 inhibitor",
    "other-targeted": "Other targeted therapy",
    "her2-targeted": "HER2-targeted therapy",
    "antibody-drug-conjugate": "Antibody-drug conjugate",
    "chemotherapy": "Chemotherapy",
    "immunotherapy": "Immunotherapy",
    "bone-modifying": "Bone-modifying drug",
}
#: the drugs of each class (by its code in DRUG_CLASSES)
CLASS_DRUGS: dict[str, list[str]] = {
    "hormonal": [
        "tamoxifen",
        "letrozole",
        "anastrozole",
        "exemestane",
        "fulvestrant",
        "elacestrant",
        "toremifene",
        "megestrol",
        "goserelin",
        "leuprolide",
    ],
    "cdk4-6-inhibitor": ["palbociclib", "ribociclib", "abemaciclib"],
    "other-targeted": [
        "alpelisib",
        "inavolisib",
        "capivasertib",
        "everolimus",
        "olaparib",
        "talazoparib",
    ],
    "her2-targeted": [
        "trastuzumab",
        "pertuzumab",
        "ado-trastuzumab emtansine (T-DM1)",
        "fam-trastuzumab deruxtecan (T-DXd)",
        "tucatinib",
        "lapatinib",
        "neratinib",
        "margetuximab",
    ],
    "antibody-drug-conjugate": ["sacituzumab govitecan", "datopotamab deruxtecan"],
    "chemotherapy": [
        "capecitabine",
        "paclitaxel",
        "nab-paclitaxel",
        "docetaxel",
        "eribulin",
        "gemcitabine",
        "carboplatin",
        "cisplatin",
        "vinorelbine",
        "doxorubicin",
        "pegylated liposomal doxorubicin",
        "cyclophosphamide",
        "ixabepilone",
    ],
    "immunotherapy": ["pembrolizumab", "atezolizumab"],
    "bone-modifying": ["denosumab", "zoledronic acid", "pamidronate"],
}
ALL_DRUGS = sorted({d for drugs in CLASS_DRUGS.values() for d in drugs})


def drug_class(drug: str) -> str:
    """The code of the class of *drug* (a name in ALL_DRUGS, in any case), or "" if it is not listed."""
    name = drug.strip().lower()
    return next((code for code, drugs in CLASS_DRUGS.items() if name in (d.lower() for d in drugs)), "")


SETTINGS = {
    "first-line": "First line",
    "second-line": "Second line",
    "third-line": "Third line",
    "later-line": "Fourth line or later",
    "maintenance": "Maintenance",
    "clinical-trial": "Clinical trial",
    "adjuvant": "Adjuvant (after surgery, early stage)",
    "neoadjuvant": "Neoadjuvant (before surgery)",
}
RESPONSES = {
    "complete": "Complete response",
    "partial": "Partial response",
    "stable": "Stable disease",
    "progression": "Progressive disease",
    "not-evaluated": "Not evaluated yet",
}
STOP_REASONS = {
    "progression": "Progression",
    "side-effects": "Side effects",
    "patient-choice": "My choice",
    "completed": "Completed",
    "other": "Other",
}
MEDICATION_KINDS = {
    "prescription": "Prescription",
    "over-the-counter": "Over the counter",
    "supplement": "Supplement or vitamin",
    "herb": "Herb or botanical",
}

SYMPTOMS = [
    "pain",
    "fatigue",
    "nausea",
    "vomiting",
    "loss of appetite",
    "weight",
    "shortness of breath",
    "cough",
    "headache",
    "dizziness",
    "confusion",
    "vision changes",
    "neuropathy",
    "mouth sores",
    "diarrhea",
    "rash",
    "hot flashes",
    "joint pain",
    "mood",
]

#: common tumor markers and their usual units
MARKERS = {"CA 15-3": "U/mL", "CA 27.29": "U/mL", "CEA": "ng/mL"}
