"""Labels of the core's vocabularies and progress stages, shown in the app's language.

The core keeps stable codes (what entries store) with English labels (mbc_vault/cancer/vocab.py,
mbc_vault/care/vocab.py, mbc_vault/progress.py); this module marks each English label for translation,
in one context per vocabulary (the same English word may need different Spanish ones: "Other" site,
"Otra" histology), and looks the translation up. Same pattern as category_names.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from mbc_vault.cancer import vocab as cancer
from mbc_vault.cancer.models import Biopsy, Diagnosis, Metastasis, Symptom, TreatmentLine
from mbc_vault.care import vocab as care
from mbc_vault.care.models import Appointment, CarePriorities, Contact, LegalItem, QuestionList
from mbc_vault.entry_model import Model
from mbc_vault.history import vocab as history
from mbc_vault.history.models import Allergy, PatientDetails, Procedure, RadiationCourse, Visit
from mbc_vault.progress import describe

from .i18n import QT_TRANSLATE_NOOP

#: the labels of the symptoms the app offers (cancer.SYMPTOMS, a list): each English word is the code
#: symptom entries store; a person's own symptom is stored as typed and has no label
SYMPTOM_LABELS: dict[str, str] = {
    "pain": QT_TRANSLATE_NOOP("Symptoms", "Pain"),
    "fatigue": QT_TRANSLATE_NOOP("Symptoms", "Fatigue"),
    "nausea": QT_TRANSLATE_NOOP("Symptoms", "Nausea"),
    "vomiting": QT_TRANSLATE_NOOP("Symptoms", "Vomiting"),
    "loss of appetite": QT_TRANSLATE_NOOP("Symptoms", "Loss of appetite"),
    "weight": QT_TRANSLATE_NOOP("Symptoms", "Weight"),
    "shortness of breath": QT_TRANSLATE_NOOP("Symptoms", "Shortness of breath"),
    "cough": QT_TRANSLATE_NOOP("Symptoms", "Cough"),
    "headache": QT_TRANSLATE_NOOP("Symptoms", "Headache"),
    "dizziness": QT_TRANSLATE_NOOP("Symptoms", "Dizziness"),
    "confusion": QT_TRANSLATE_NOOP("Symptoms", "Confusion"),
    "vision changes": QT_TRANSLATE_NOOP("Symptoms", "Vision changes"),
    "neuropathy": QT_TRANSLATE_NOOP("Symptoms", "Neuropathy"),
    "mouth sores": QT_TRANSLATE_NOOP("Symptoms", "Mouth sores"),
    "diarrhea": QT_TRANSLATE_NOOP("Symptoms", "Diarrhea"),
    "rash": QT_TRANSLATE_NOOP("Symptoms", "Rash"),
    "hot flashes": QT_TRANSLATE_NOOP("Symptoms", "Hot flashes"),
    "joint pain": QT_TRANSLATE_NOOP("Symptoms", "Joint pain"),
    "mood": QT_TRANSLATE_NOOP("Symptoms", "Mood"),
}

# each core vocabulary and its translation context (the symptoms' labels are made here, from a list)
VOCABULARIES: list[tuple[Mapping[str, str], str]] = [
    (cancer.HISTOLOGIES, "Histologies"),
    (cancer.PRESENTATIONS, "Presentations"),
    (cancer.SEXES, "Sexes"),
    (cancer.METASTASIS_SITES, "MetastasisSites"),
    (cancer.BIOPSY_SITES, "BiopsySites"),
    (cancer.RECEPTOR_STATUS, "ReceptorStatus"),
    (cancer.HER2_IHC, "Her2Ihc"),
    (cancer.HER2_ISH, "Her2Ish"),
    (cancer.MUTATION, "MutationResults"),
    (cancer.BRCA, "BrcaResults"),
    (cancer.MSI, "MsiResults"),
    (cancer.DRUG_CLASSES, "DrugClasses"),
    (cancer.SETTINGS, "TreatmentSettings"),
    (cancer.RESPONSES, "Responses"),
    (cancer.STOP_REASONS, "StopReasons"),
    (cancer.MEDICATION_KINDS, "MedicationKinds"),
    (care.ROLES, "CareRoles"),
    (care.LEGAL_ITEMS, "LegalItems"),
    (care.LEGAL_STATUS, "LegalStatus"),
    (care.TRIAL_STATUS, "TrialStatus"),
    (care.PRIORITY_QUESTIONS, "PriorityQuestions"),
    (SYMPTOM_LABELS, "Symptoms"),
    (history.ALLERGY_CATEGORIES, "AllergyCategories"),
    (history.ALLERGY_KINDS, "AllergyKinds"),
    (history.SEVERITIES, "Severities"),
    (history.ALLERGY_STATUS, "AllergyStatus"),
    (history.CONDITION_STATUS, "ConditionStatus"),
    (history.SIDES, "Sides"),
    (history.LYMPH_NODE_PROCEDURES, "LymphNodeProcedures"),
    (history.RADIATION_INTENTS, "RadiationIntents"),
]

_LABELS = [
    QT_TRANSLATE_NOOP("Histologies", "Invasive ductal carcinoma"),
    QT_TRANSLATE_NOOP("Histologies", "Invasive lobular carcinoma"),
    QT_TRANSLATE_NOOP("Histologies", "Medullary"),
    QT_TRANSLATE_NOOP("Histologies", "Mucinous"),
    QT_TRANSLATE_NOOP("Histologies", "Tubular"),
    QT_TRANSLATE_NOOP("Histologies", "Metaplastic"),
    QT_TRANSLATE_NOOP("Histologies", "Papillary"),
    QT_TRANSLATE_NOOP("Histologies", "Inflammatory"),
    QT_TRANSLATE_NOOP("Histologies", "Paget's disease"),
    QT_TRANSLATE_NOOP("Histologies", "Other"),
    QT_TRANSLATE_NOOP("Presentations", "De novo (stage IV at first diagnosis)"),
    QT_TRANSLATE_NOOP("Presentations", "Recurrence"),
    QT_TRANSLATE_NOOP("Sexes", "Female"),
    QT_TRANSLATE_NOOP("Sexes", "Male"),
    QT_TRANSLATE_NOOP("Sexes", "Other"),
    QT_TRANSLATE_NOOP("MetastasisSites", "Bone"),
    QT_TRANSLATE_NOOP("MetastasisSites", "Liver"),
    QT_TRANSLATE_NOOP("MetastasisSites", "Lung"),
    QT_TRANSLATE_NOOP("MetastasisSites", "Brain"),
    QT_TRANSLATE_NOOP("MetastasisSites", "Lymph nodes"),
    QT_TRANSLATE_NOOP("MetastasisSites", "Skin"),
    QT_TRANSLATE_NOOP("MetastasisSites", "Other"),
    QT_TRANSLATE_NOOP("BiopsySites", "Primary breast tumor"),
    QT_TRANSLATE_NOOP("BiopsySites", "Breast (recurrence)"),
    QT_TRANSLATE_NOOP("BiopsySites", "Liver"),
    QT_TRANSLATE_NOOP("BiopsySites", "Bone"),
    QT_TRANSLATE_NOOP("BiopsySites", "Lung"),
    QT_TRANSLATE_NOOP("BiopsySites", "Brain"),
    QT_TRANSLATE_NOOP("BiopsySites", "Lymph node"),
    QT_TRANSLATE_NOOP("BiopsySites", "Skin"),
    QT_TRANSLATE_NOOP("BiopsySites", "Pleural fluid"),
    QT_TRANSLATE_NOOP("BiopsySites", "Other"),
    QT_TRANSLATE_NOOP("ReceptorStatus", "Positive"),
    QT_TRANSLATE_NOOP("ReceptorStatus", "Negative"),
    QT_TRANSLATE_NOOP("ReceptorStatus", "Low (1-10%)"),
    QT_TRANSLATE_NOOP("ReceptorStatus", "Not known"),
    QT_TRANSLATE_NOOP("Her2Ihc", "IHC 0"),
    QT_TRANSLATE_NOOP("Her2Ihc", "IHC 1+"),
    QT_TRANSLATE_NOOP("Her2Ihc", "IHC 2+"),
    QT_TRANSLATE_NOOP("Her2Ihc", "IHC 3+"),
    QT_TRANSLATE_NOOP("Her2Ihc", "Not known"),
    QT_TRANSLATE_NOOP("Her2Ish", "ISH amplified"),
    QT_TRANSLATE_NOOP("Her2Ish", "ISH not amplified"),
    QT_TRANSLATE_NOOP("Her2Ish", "ISH not done"),
    QT_TRANSLATE_NOOP("MutationResults", "Detected"),
    QT_TRANSLATE_NOOP("MutationResults", "Not detected"),
    QT_TRANSLATE_NOOP("MutationResults", "Not tested / not known"),
    QT_TRANSLATE_NOOP("BrcaResults", "Germline BRCA1 mutation"),
    QT_TRANSLATE_NOOP("BrcaResults", "Germline BRCA2 mutation"),
    QT_TRANSLATE_NOOP("BrcaResults", "No germline BRCA mutation"),
    QT_TRANSLATE_NOOP("BrcaResults", "Not tested / not known"),
    QT_TRANSLATE_NOOP("MsiResults", "MSI-H / dMMR"),
    QT_TRANSLATE_NOOP("MsiResults", "MSS / pMMR"),
    QT_TRANSLATE_NOOP("MsiResults", "Not tested / not known"),
    QT_TRANSLATE_NOOP("DrugClasses", "Hormonal therapy"),
    QT_TRANSLATE_NOOP("DrugClasses", "CDK4/6 inhibitor"),
    QT_TRANSLATE_NOOP("DrugClasses", "Other targeted therapy"),
    QT_TRANSLATE_NOOP("DrugClasses", "HER2-targeted therapy"),
    QT_TRANSLATE_NOOP("DrugClasses", "Antibody-drug conjugate"),
    QT_TRANSLATE_NOOP("DrugClasses", "Chemotherapy"),
    QT_TRANSLATE_NOOP("DrugClasses", "Immunotherapy"),
    QT_TRANSLATE_NOOP("DrugClasses", "Bone-modifying drug"),
    QT_TRANSLATE_NOOP("TreatmentSettings", "First line"),
    QT_TRANSLATE_NOOP("TreatmentSettings", "Second line"),
    QT_TRANSLATE_NOOP("TreatmentSettings", "Third line"),
    QT_TRANSLATE_NOOP("TreatmentSettings", "Fourth line or later"),
    QT_TRANSLATE_NOOP("TreatmentSettings", "Maintenance"),
    QT_TRANSLATE_NOOP("TreatmentSettings", "Clinical trial"),
    QT_TRANSLATE_NOOP("TreatmentSettings", "Adjuvant (after surgery, early stage)"),
    QT_TRANSLATE_NOOP("TreatmentSettings", "Neoadjuvant (before surgery)"),
    QT_TRANSLATE_NOOP("Responses", "Complete response"),
    QT_TRANSLATE_NOOP("Responses", "Partial response"),
    QT_TRANSLATE_NOOP("Responses", "Stable disease"),
    QT_TRANSLATE_NOOP("Responses", "Progressive disease"),
    QT_TRANSLATE_NOOP("Responses", "Not evaluated yet"),
    QT_TRANSLATE_NOOP("StopReasons", "Progression"),
    QT_TRANSLATE_NOOP("StopReasons", "Side effects"),
    QT_TRANSLATE_NOOP("StopReasons", "My choice"),
    QT_TRANSLATE_NOOP("StopReasons", "Completed"),
    QT_TRANSLATE_NOOP("StopReasons", "Other"),
    QT_TRANSLATE_NOOP("MedicationKinds", "Prescription"),
    QT_TRANSLATE_NOOP("MedicationKinds", "Over the counter"),
    QT_TRANSLATE_NOOP("MedicationKinds", "Supplement or vitamin"),
    QT_TRANSLATE_NOOP("MedicationKinds", "Herb or botanical"),
    QT_TRANSLATE_NOOP("CareRoles", "Medical oncologist"),
    QT_TRANSLATE_NOOP("CareRoles", "Surgical oncologist"),
    QT_TRANSLATE_NOOP("CareRoles", "Radiation oncologist"),
    QT_TRANSLATE_NOOP("CareRoles", "Radiologist"),
    QT_TRANSLATE_NOOP("CareRoles", "Pathologist"),
    QT_TRANSLATE_NOOP("CareRoles", "Nurse navigator"),
    QT_TRANSLATE_NOOP("CareRoles", "Oncology nurse"),
    QT_TRANSLATE_NOOP("CareRoles", "Social worker"),
    QT_TRANSLATE_NOOP("CareRoles", "Genetic counselor"),
    QT_TRANSLATE_NOOP("CareRoles", "Pharmacist"),
    QT_TRANSLATE_NOOP("CareRoles", "Dietitian"),
    QT_TRANSLATE_NOOP("CareRoles", "Palliative care"),
    QT_TRANSLATE_NOOP("CareRoles", "Primary care"),
    QT_TRANSLATE_NOOP("CareRoles", "Other"),
    QT_TRANSLATE_NOOP("LegalItems", "Will"),
    QT_TRANSLATE_NOOP("LegalItems", "Living will"),
    QT_TRANSLATE_NOOP("LegalItems", "Health care power of attorney (health care proxy)"),
    QT_TRANSLATE_NOOP("LegalItems", "Financial power of attorney"),
    QT_TRANSLATE_NOOP("LegalItems", "Advance directive"),
    QT_TRANSLATE_NOOP("LegalItems", "POLST or DNR order"),
    QT_TRANSLATE_NOOP("LegalItems", "Health insurance policy"),
    QT_TRANSLATE_NOOP("LegalItems", "Life insurance policy"),
    QT_TRANSLATE_NOOP("LegalItems", "Disability insurance policy"),
    QT_TRANSLATE_NOOP("LegalItems", "Employer short-term disability"),
    QT_TRANSLATE_NOOP("LegalItems", "Employer long-term disability"),
    QT_TRANSLATE_NOOP("LegalStatus", "Not started"),
    QT_TRANSLATE_NOOP("LegalStatus", "In progress"),
    QT_TRANSLATE_NOOP("LegalStatus", "Signed"),
    QT_TRANSLATE_NOOP("TrialStatus", "Considering"),
    QT_TRANSLATE_NOOP("TrialStatus", "Screening"),
    QT_TRANSLATE_NOOP("TrialStatus", "Enrolled"),
    QT_TRANSLATE_NOOP("TrialStatus", "Not eligible"),
    QT_TRANSLATE_NOOP("TrialStatus", "Declined"),
    QT_TRANSLATE_NOOP(
        "PriorityQuestions", "How aggressive do I want treatment to be, and what would I trade for more time?"
    ),
    QT_TRANSLATE_NOOP(
        "PriorityQuestions", "What does a good day look like for me? What matters most in my daily life?"
    ),
    QT_TRANSLATE_NOOP(
        "PriorityQuestions", "How important is pain control to me, even if it makes me sleepy?"
    ),
    QT_TRANSLATE_NOOP("PriorityQuestions", "Would I be willing to join a clinical trial?"),
    QT_TRANSLATE_NOOP("PriorityQuestions", "What worries me about insurance and costs?"),
    QT_TRANSLATE_NOOP(
        "PriorityQuestions", "Who can help me with daily life (rides, meals, children, paperwork)?"
    ),
    QT_TRANSLATE_NOOP(
        "PriorityQuestions",
        "How do I want my team to talk with me: direct and complete, or gently, step by step?",
    ),
    QT_TRANSLATE_NOOP("Progress", "Reading {0}"),
    QT_TRANSLATE_NOOP("Progress", "Importing {0}"),
    QT_TRANSLATE_NOOP("Progress", "Storing {0}"),
    QT_TRANSLATE_NOOP("Progress", "Writing the copy"),
    QT_TRANSLATE_NOOP("Progress", "Recognizing the text"),
    QT_TRANSLATE_NOOP("Progress", "Checking the records"),
    QT_TRANSLATE_NOOP("Progress", "Building the search index"),
    QT_TRANSLATE_NOOP("Progress", "Reading the documents' text again"),
    QT_TRANSLATE_NOOP("Progress", "Signing the files again"),
    QT_TRANSLATE_NOOP("Progress", "Re-encrypting"),
    QT_TRANSLATE_NOOP("Progress", "Writing the cover, summary and contents"),
    QT_TRANSLATE_NOOP("Progress", "Putting {0} pages together"),
    QT_TRANSLATE_NOOP("Progress", "Adding page numbers and bookmarks"),
    QT_TRANSLATE_NOOP("Progress", "Saving"),
    QT_TRANSLATE_NOOP("Progress", "Done"),
    QT_TRANSLATE_NOOP("AllergyCategories", "Medicine"),
    QT_TRANSLATE_NOOP("AllergyCategories", "Food"),
    QT_TRANSLATE_NOOP("AllergyCategories", "Environment (pollen, latex, animals...)"),
    QT_TRANSLATE_NOOP("AllergyCategories", "Other"),
    QT_TRANSLATE_NOOP("AllergyKinds", "Allergy"),
    QT_TRANSLATE_NOOP("AllergyKinds", "Intolerance (side effect, not an allergy)"),
    QT_TRANSLATE_NOOP("Severities", "Mild"),
    QT_TRANSLATE_NOOP("Severities", "Moderate"),
    QT_TRANSLATE_NOOP("Severities", "Severe"),
    QT_TRANSLATE_NOOP("AllergyStatus", "Active"),
    QT_TRANSLATE_NOOP("AllergyStatus", "Inactive"),
    QT_TRANSLATE_NOOP("AllergyStatus", "Resolved"),
    QT_TRANSLATE_NOOP("ConditionStatus", "Active"),
    QT_TRANSLATE_NOOP("ConditionStatus", "In remission"),
    QT_TRANSLATE_NOOP("ConditionStatus", "Resolved"),
    QT_TRANSLATE_NOOP("ConditionStatus", "Inactive"),
    QT_TRANSLATE_NOOP("Sides", "Left"),
    QT_TRANSLATE_NOOP("Sides", "Right"),
    QT_TRANSLATE_NOOP("Sides", "Both sides"),
    QT_TRANSLATE_NOOP("Sides", "Not applicable"),
    QT_TRANSLATE_NOOP("LymphNodeProcedures", "None"),
    QT_TRANSLATE_NOOP("LymphNodeProcedures", "Sentinel lymph node biopsy"),
    QT_TRANSLATE_NOOP("LymphNodeProcedures", "Axillary lymph node dissection"),
    QT_TRANSLATE_NOOP("LymphNodeProcedures", "Other"),
    QT_TRANSLATE_NOOP("RadiationIntents", "Curative"),
    QT_TRANSLATE_NOOP("RadiationIntents", "Adjuvant (after surgery)"),
    QT_TRANSLATE_NOOP("RadiationIntents", "Neoadjuvant (before surgery)"),
    QT_TRANSLATE_NOOP("RadiationIntents", "Palliative (to ease symptoms)"),
    QT_TRANSLATE_NOOP("RadiationIntents", "Other"),
]


def vocab_context(vocabulary: Mapping[str, str]) -> str:
    """The translation context of a core vocabulary ("" for any other mapping)."""
    return next((context for known, context in VOCABULARIES if known is vocabulary), "")


def vocab_label(vocabulary: Mapping[str, str], code: str, other: str = "") -> str:
    """The translated label of *code* in *vocabulary* (a dict of the core's vocab modules); "" for no
    code, the code itself if the vocabulary does not have it. *other* is the person's own words for the
    code "other" (histology_other, role_other…), shown instead of its label when given. A mapping that is
    not a core vocabulary (labels the app made itself) gives its label as it is."""
    if code == "other" and other:
        return other
    if not code:
        return ""
    label = vocabulary.get(code, code)
    context = vocab_context(vocabulary)
    return QCoreApplication.translate(context, label) if context and code in vocabulary else label


def symptom_label(symptom: str) -> str:
    """What the app calls a stored symptom: the translated label of a code ("pain" -> "Dolor"), or the
    person's own words as they typed them."""
    return vocab_label(SYMPTOM_LABELS, symptom)


def symptom_code(text: str) -> str:
    """What to store for a symptom chosen or typed: the code whose label in the app's language (or the
    code itself) is *text*, in any case; otherwise *text*, the person's own words."""
    wanted = text.strip().casefold()
    return next((code for code in SYMPTOM_LABELS if wanted in (code, symptom_label(code).casefold())), text)


def symptom_title(symptom: Symptom) -> str:
    """Symptom.title() with the symptom's label in the app's language: "Dolor (cadera): 6/10"."""
    return replace(symptom, symptom=symptom_label(symptom.symptom)).title()


def progress_text(stage: str, item: str = "") -> str:
    """What long work is doing, in the app's language ("Leyendo informe.pdf"): a progress stage code
    of mbc_vault.progress with its item (a file's name, a document's title, a page count)."""
    return describe(stage, item, lambda english: QCoreApplication.translate("Progress", english))


def line_title(line: TreatmentLine) -> str:
    """A line of treatment's name, e.g. "Line 2: capecitabine", in the app's language."""
    if not line.line_number:
        return line.regimen
    return QCoreApplication.translate("Charts", "Line {0}: {1}").format(line.line_number, line.regimen)


def entry_title(model: Model) -> str:
    """A structured entry's title in the app's language. The core stores Model.title() in English
    ("Diagnosis", "Biopsy: liver", "Appointment with Dr. Ada"); this says the same words translated,
    keeping what the person typed as it is."""
    translate = QCoreApplication.translate
    if isinstance(model, Diagnosis):
        return translate("EntryTitles", "Diagnosis")
    if isinstance(model, Metastasis):
        return vocab_label(cancer.METASTASIS_SITES, model.site, model.site_other)
    if isinstance(model, Biopsy):
        return translate("EntryTitles", "Biopsy: {0}").format(
            vocab_label(cancer.BIOPSY_SITES, model.site, model.site_other)
        )
    if isinstance(model, TreatmentLine):
        return line_title(model)
    if isinstance(model, Symptom):
        return symptom_title(model)
    if isinstance(model, Appointment):
        what = model.purpose.strip() or translate("EntryTitles", "Appointment")
        return (
            translate("EntryTitles", "{0} with {1}").format(what, model.with_whom)
            if model.with_whom.strip()
            else what
        )
    if isinstance(model, QuestionList):
        return model.name or translate("EntryTitles", "Questions")
    if isinstance(model, Contact):
        role = vocab_label(care.ROLES, model.role, model.role_other)
        return f"{model.name} ({role})" if role else model.name
    if isinstance(model, LegalItem):
        return vocab_label(care.LEGAL_ITEMS, model.item)
    if isinstance(model, CarePriorities):
        return translate("EntryTitles", "My care priorities")
    if isinstance(model, Allergy) and model.no_known:
        return translate("EntryTitles", "No known allergies")
    if isinstance(model, PatientDetails):
        return translate("EntryTitles", "About me")
    if isinstance(model, Procedure):
        side = vocab_label(history.SIDES, model.side) if model.side not in ("", "not-applicable") else ""
        return f"{model.name} ({side.lower()})" if side else model.name
    if isinstance(model, RadiationCourse):
        dose = ""
        if model.total_dose_gy is not None:
            dose = translate("EntryTitles", "{0} Gy").format(f"{model.total_dose_gy:g}")
            if model.fractions:
                dose = translate("EntryTitles", "{0} in {1} fractions").format(dose, model.fractions)
        where = translate("EntryTitles", "Radiation to {0}").format(model.site)
        return translate("EntryTitles", "{0}, {1}").format(where, dose) if dose else where
    if isinstance(model, Visit):
        return model.visit_type or model.reason or translate("EntryTitles", "Visit")
    return model.title()
