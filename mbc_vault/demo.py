"""A demo vault of clearly fictional records, for exploring the app without real data.

Long on purpose: it is mostly the fictional records themselves, written out as data."""

from __future__ import annotations

import html
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import age
from .errors import VaultError
from .progress import ProgressFn
from .vault import Vault

PATIENT = "Jane Q. Example"
DOB = "1971-04-02"
CENTER = "Example Regional Cancer Center"
BANNER = "FICTIONAL DEMO RECORD: not a real patient, not medical advice"
WORDS = [
    "maple",
    "river",
    "lantern",
    "orchard",
    "pebble",
    "harbor",
    "meadow",
    "violet",
    "cedar",
    "sparrow",
    "copper",
    "willow",
    "amber",
    "falcon",
    "thistle",
    "juniper",
    "marble",
    "clover",
    "summit",
    "breeze",
]


@dataclass
class DemoDocument:
    file_name: str
    title: str
    category: str
    date: str
    provider: str
    tags: list[str]
    pages: list[str]  # HTML of each page


def _page(title: str, date: str, body: str) -> str:
    return (
        f"<p style='color:#a00000'><b>{BANNER}</b></p>"
        f"<h1>{html.escape(title)}</h1>"
        f"<p><b>{CENTER}</b><br>Patient: {PATIENT} &nbsp; DOB {DOB} &nbsp; MRN 00424242<br>"
        f"Date of service: {date}</p>{body}"
    )


DOCUMENTS = [
    DemoDocument(
        "2019-03-12-breast-core-biopsy.pdf",
        "Surgical pathology: left breast core biopsy",
        "pathology-report",
        "2019-03-12",
        CENTER,
        ["biopsy", "primary"],
        [
            _page(
                "SURGICAL PATHOLOGY REPORT",
                "2019-03-12",
                "<h3>Final diagnosis</h3><p>Left breast, 2 o'clock, ultrasound-guided core needle biopsy: "
                "invasive ductal carcinoma, Nottingham grade 2.</p><h3>Biomarkers</h3><ul>"
                "<li>Estrogen receptor (ER): positive, 95%</li>"
                "<li>Progesterone receptor (PR): positive, 80%</li>"
                "<li>HER2 by IHC: 1+ (HER2-low)</li><li>Ki-67: 20%</li></ul>",
            ),
            "<p style='color:#a00000'><b>"
            + BANNER
            + "</b></p><h3>Comment</h3><p>Tumor cells show a solid and cribriform growth pattern. "
            "Controls performed appropriately. Pathologist: Dr. Ada Fictional.</p>",
        ],
    ),
    DemoDocument(
        "2024-05-20-liver-biopsy.pdf",
        "Surgical pathology: liver biopsy (metastasis)",
        "pathology-report",
        "2024-05-20",
        CENTER,
        ["biopsy", "metastatic", "liver"],
        [
            _page(
                "SURGICAL PATHOLOGY REPORT",
                "2024-05-20",
                "<h3>Final diagnosis</h3><p>Liver, segment 6 lesion, CT-guided core biopsy: "
                "metastatic carcinoma consistent with breast primary.</p>"
                "<h3>Biomarkers</h3><ul><li>ER: positive, 60%</li>"
                "<li>PR: negative, 0%</li><li>HER2 by IHC: 0</li><li>Ki-67: 35%</li></ul>"
                "<p>Note: PR status differs from the 2019 primary tumor.</p>",
            ),
        ],
    ),
    DemoDocument(
        "2024-05-02-ct-chest-abdomen-pelvis.pdf",
        "CT chest, abdomen and pelvis",
        "imaging-report",
        "2024-05-02",
        "Example Imaging Associates",
        ["CT", "staging"],
        [
            _page(
                "RADIOLOGY REPORT: CT CHEST/ABDOMEN/PELVIS WITH CONTRAST",
                "2024-05-02",
                "<h3>Findings</h3><p>Two new hypodense liver lesions, the largest 2.1 cm in segment 6. "
                "Sclerotic lesion in the T9 vertebral body. No pleural effusion.</p>"
                "<h3>Impression</h3>"
                "<p>New hepatic and osseous lesions, suspicious for metastatic disease.</p>",
            ),
        ],
    ),
    DemoDocument(
        "2024-05-06-bone-scan.pdf",
        "Whole-body bone scan",
        "imaging-report",
        "2024-05-06",
        "Example Imaging Associates",
        ["bone scan"],
        [
            _page(
                "RADIOLOGY REPORT: BONE SCAN",
                "2024-05-06",
                "<h3>Impression</h3><p>Focal uptake at T9 and the right sixth rib, consistent with osseous "
                "metastases in this clinical setting.</p>",
            ),
        ],
    ),
    DemoDocument(
        "2024-06-03-treatment-plan.pdf",
        "Treatment plan: first line",
        "treatment-plan",
        "2024-06-03",
        CENTER,
        ["first line"],
        [
            _page(
                "TREATMENT PLAN",
                "2024-06-03",
                "<p>Diagnosis: hormone receptor-positive, HER2-negative metastatic breast cancer "
                "(liver, bone).</p>"
                "<ul><li>Letrozole 2.5 mg by mouth daily</li>"
                "<li>Palbociclib 125 mg daily, 21 days on, 7 off</li>"
                "<li>Denosumab 120 mg every 4 weeks for bone health</li></ul>"
                "<p>Restaging scans every 3 months. Tumor markers (CA 15-3) monthly.</p>",
            ),
        ],
    ),
    DemoDocument(
        "2024-09-10-lab-results.pdf",
        "Lab results: tumor markers",
        "lab-result",
        "2024-09-10",
        "Example Reference Laboratory",
        ["tumor markers", "CA 15-3"],
        [
            _page(
                "LABORATORY RESULTS",
                "2024-09-10",
                "<table border='1' cellpadding='4' cellspacing='0'>"
                "<tr><th>Test</th><th>Result</th><th>Reference</th></tr>"
                "<tr><td>CA 15-3</td><td>38 U/mL</td><td>&lt; 30</td></tr>"
                "<tr><td>CA 27.29</td><td>44 U/mL</td><td>&lt; 38</td></tr>"
                "<tr><td>CEA</td><td>2.9 ng/mL</td><td>&lt; 5.0</td></tr></table>",
            ),
        ],
    ),
    DemoDocument(
        "2023-11-15-advance-directive.pdf",
        "Advance directive",
        "advance-directive",
        "2023-11-15",
        "",
        ["signed"],
        [
            _page(
                "ADVANCE DIRECTIVE",
                "2023-11-15",
                "<p>I, Jane Q. Example, make this advance directive to state my wishes for medical care if I "
                "cannot speak for myself. My health care agent is John Example (spouse).</p>"
                "<p>This is a fictional demonstration form. Real forms vary by state or country.</p>",
            ),
        ],
    ),
    DemoDocument(
        "2022-02-01-last-will.pdf",
        "Last will and testament",
        "will",
        "2022-02-01",
        "",
        ["signed"],
        [
            _page(
                "LAST WILL AND TESTAMENT",
                "2022-02-01",
                "<p>I, Jane Q. Example, declare this to be my last will and testament. "
                "(Fictional demonstration document: it has no legal effect.)</p>",
            ),
        ],
    ),
]


def demo_passphrase() -> str:
    return "-".join(secrets.choice(WORDS) for _ in range(4)) + f"-{secrets.randbelow(90) + 10}"


def write_demo_pdfs(folder: Path) -> list[tuple[DemoDocument, Path]]:
    from .render.pdf import html_to_pdf

    out = []
    for doc in DOCUMENTS:
        path = folder / doc.file_name
        body = "".join(
            page if i == 0 else f"<div style='page-break-before: always'>{page}</div>"
            for i, page in enumerate(doc.pages)
        )
        html_to_pdf(body, path, title=doc.title)
        out.append((doc, path))
    return out


def create_demo_vault(
    path: str | Path,
    passphrase: str | None = None,
    *,
    progress: ProgressFn | None = None,
    work_factor: int = age.DEFAULT_SCRYPT_WORK_FACTOR,
    cache_root: Path | None = None,
) -> tuple[Vault, str]:
    """Create a vault of fictional records at *path*; returns the open vault and its passphrase."""
    from .importer import import_files

    passphrase = passphrase or demo_passphrase()
    vault = Vault.create(
        path,
        passphrase,
        name="Demo: Jane Q. Example (fictional)",
        owner_name="Jane Q. Example (demo)",
        work_factor=work_factor,
        cache_root=cache_root,
    )
    with tempfile.TemporaryDirectory(prefix="mbc-demo-") as tmp:
        pairs = write_demo_pdfs(Path(tmp))
        overrides = {
            path: {
                "title": doc.title,
                "category": doc.category,
                "date": doc.date,
                "provider": doc.provider,
                "tags": doc.tags,
            }
            for doc, path in pairs
        }
        report = import_files(vault, [p for _, p in pairs], overrides=overrides, progress=progress)
    if report.problems:  # a demo without its documents would show "0 records" and say nothing
        vault.close()
        shutil.rmtree(path, ignore_errors=True)  # made here, just now (Vault.create wants it new)
        raise VaultError("demo-documents-unreadable", problem=report.problems[0][1])
    documents = {r.original_name: r.id for r in report.added}
    add_demo_cancer_record(vault, documents)
    add_demo_care_plan(vault, documents)
    return vault, passphrase


def add_demo_care_plan(vault: Vault, documents: dict[str, str] | None = None) -> None:
    """Fictional appointments, questions, care team, legal papers, people to tell, priorities and a trial."""
    import datetime as dt

    from .care.models import Appointment, CarePriorities, ClinicalTrial, Contact, LegalItem, PersonToTell
    from .care.store import CarePlan, list_from_template, question_templates

    docs = documents or {}
    plan = CarePlan(vault)
    today = dt.date.today()
    oncologist = plan.save(
        Contact(
            name="Dr. Ada Fictional",
            role="medical-oncologist",
            institution=CENTER,
            phone="555-0100",
            after_hours="555-0199",
            email="oncology@example.org",
            call_for="fever of 38 °C (100.4 °F) or more, new pain, questions about treatment",
        )
    )
    plan.save(
        Contact(
            name="Sam Navigator",
            role="nurse-navigator",
            institution=CENTER,
            phone="555-0110",
            call_for="appointments, side effects, paperwork",
        )
    )
    plan.save(
        Contact(
            name="Example Pharmacy", role="pharmacist", phone="555-0120", call_for="refills, interactions"
        )
    )
    visit = plan.save(
        Appointment(
            date=(today + dt.timedelta(days=9)).isoformat(),
            time="09:30",
            duration_minutes=45,
            contact_id=oncologist.id,
            with_whom="Dr. Ada Fictional",
            purpose="Scan results",
            place=f"{CENTER}, 2nd floor",
        )
    )
    template = next(t for t in question_templates() if t.id == "treatment")
    questions = list_from_template(template, visit.id)
    questions.add("Is the rash from alpelisib something to worry about?")
    plan.save(questions)
    plan.save(
        Appointment(
            date=(today - dt.timedelta(days=20)).isoformat(),
            time="14:00",
            purpose="Infusion",
            with_whom="Infusion center",
            place=CENTER,
        )
    )
    plan.save(
        LegalItem(
            item="will",
            status="signed",
            date_signed="2022-02-01",
            review_by=(today - dt.timedelta(days=30)).isoformat(),
            original_location="home safe",
            copies_held_by="John Example",
        ),
        links=[d for d in (docs.get("2022-02-01-last-will.pdf"),) if d],
    )
    plan.save(
        LegalItem(
            item="advance-directive",
            status="signed",
            date_signed="2023-11-15",
            review_by=(today + dt.timedelta(days=40)).isoformat(),
            original_location="filing cabinet",
            copies_held_by="Dr. Ada Fictional; John Example",
        ),
        links=[d for d in (docs.get("2023-11-15-advance-directive.pdf"),) if d],
    )
    plan.save(LegalItem(item="health-care-proxy", status="in-progress"))
    plan.save(
        PersonToTell(
            name="Maria Example",
            relationship="sister",
            told_date="2024-05-25",
            what_to_know="The cancer has spread, treatment is working for now.",
        )
    )
    plan.save(
        PersonToTell(
            name="Work team",
            relationship="colleagues",
            what_to_know="I will work part time.",
            who_else_may_tell="John Example",
        )
    )
    priorities = CarePriorities()
    priorities.set_answer("communication", "Direct and complete, but one step at a time.", "2025-09-01")
    priorities.set_answer(
        "quality-of-life", "Being able to walk with my dog and see my grandchildren.", "2025-09-01"
    )
    plan.save(priorities)
    plan.save(
        ClinicalTrial(
            identifier="NCT09999999",
            title_text="A fictional oral SERD study",
            site=CENTER,
            contact="Sam Navigator",
            status="considering",
            eligibility_notes="Needs ESR1 mutation: mine was not detected in 2024.",
        )
    )


def add_demo_cancer_record(vault: Vault, documents: dict[str, str] | None = None) -> None:
    """Fictional structured entries that match the demo documents."""
    from .cancer.models import Biopsy, Diagnosis, LabValue, Medication, Metastasis, Symptom, TreatmentLine
    from .cancer.store import CancerRecord

    docs = documents or {}
    record = CancerRecord(vault)
    record.save(
        Diagnosis(
            first_diagnosis="2019-03-12",
            metastatic_diagnosis="2024-05-02",
            presentation="recurrence",
            histology="ductal",
            sex="female",
        )
    )
    record.save(
        Metastasis(site="liver", date_found="2024-05-02", found_by="CT chest/abdomen/pelvis; liver biopsy"),
        links=[d for d in (docs.get("2024-05-02-ct-chest-abdomen-pelvis.pdf"),) if d],
    )
    record.save(
        Metastasis(site="bone", date_found="2024-05-06", found_by="Bone scan (T9, right 6th rib)"),
        links=[d for d in (docs.get("2024-05-06-bone-scan.pdf"),) if d],
    )
    record.save(
        Biopsy(
            date="2019-03-12",
            site="primary-breast",
            er_status="positive",
            er_percent=95,
            pr_status="positive",
            pr_percent=80,
            her2_ihc="1+",
            ki67_percent=20,
            germline_brca="negative",
        ),
        links=[d for d in (docs.get("2019-03-12-breast-core-biopsy.pdf"),) if d],
    )
    record.save(
        Biopsy(
            date="2024-05-20",
            site="liver",
            er_status="positive",
            er_percent=60,
            pr_status="negative",
            pr_percent=0,
            her2_ihc="0",
            ki67_percent=35,
            pik3ca="detected",
            esr1="not-detected",
        ),
        links=[d for d in (docs.get("2024-05-20-liver-biopsy.pdf"),) if d],
    )
    record.save(
        TreatmentLine(
            line_number=0,
            drugs=["anastrozole"],
            start="2019-06-01",
            stop="2024-05-02",
            setting="adjuvant",
            best_response="not-evaluated",
            stop_reason="progression",
        )
    )
    record.save(
        TreatmentLine(
            line_number=1,
            drugs=["letrozole", "palbociclib"],
            start="2024-06-03",
            stop="2025-08-15",
            setting="first-line",
            best_response="partial",
            stop_reason="progression",
        )
    )
    record.save(
        TreatmentLine(
            line_number=2,
            drugs=["fulvestrant", "alpelisib"],
            start="2025-09-01",
            setting="second-line",
            best_response="stable",
        )
    )
    for med in (
        Medication(
            name="fulvestrant",
            dose="500 mg",
            schedule="injection every 4 weeks",
            purpose="cancer treatment",
            prescriber="Dr. A. Fictional",
            start="2025-09-01",
            cancer_related=True,
        ),
        Medication(
            name="alpelisib",
            dose="300 mg",
            schedule="once a day with food",
            purpose="cancer treatment",
            prescriber="Dr. A. Fictional",
            start="2025-09-01",
            cancer_related=True,
        ),
        Medication(
            name="denosumab",
            dose="120 mg",
            schedule="injection every 4 weeks",
            purpose="bone health",
            start="2024-06-03",
            cancer_related=True,
        ),
        Medication(
            name="metformin",
            dose="500 mg",
            schedule="twice a day",
            purpose="blood sugar (alpelisib)",
            start="2025-09-10",
        ),
        Medication(
            name="vitamin D3",
            dose="1000 IU",
            schedule="once a day",
            medication_kind="supplement",
            purpose="bones",
            start="2024-06-03",
        ),
        Medication(
            name="turmeric",
            dose="500 mg",
            schedule="once a day",
            medication_kind="herb",
            purpose="joint pain",
            start="2024-01-01",
            stop="2024-06-01",
        ),
    ):
        record.save(med)
    markers = [
        ("2024-05-10", 41),
        ("2024-07-01", 33),
        ("2024-09-10", 38),
        ("2024-11-05", 29),
        ("2025-01-07", 27),
        ("2025-03-04", 31),
        ("2025-05-06", 36),
        ("2025-07-01", 48),
        ("2025-08-12", 57),
        ("2025-10-07", 44),
        ("2025-12-02", 39),
        ("2026-02-03", 37),
    ]
    for date, value in markers:
        record.save(
            LabValue(date=date, test="CA 15-3", value=value, unit="U/mL", lab="Example Reference Laboratory")
        )
    for date, symptom, severity, where in (
        ("2025-09-20", "fatigue", 6, ""),
        ("2025-09-20", "rash", 3, ""),
        ("2025-10-02", "pain", 4, "right hip"),
        ("2025-10-15", "fatigue", 5, ""),
        ("2025-11-01", "diarrhea", 2, ""),
        ("2025-11-20", "fatigue", 4, ""),
    ):
        record.save(Symptom(date=date, symptom=symptom, severity=severity, location=where))
