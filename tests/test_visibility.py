"""The importer never widens who can see a document (issue 10, point 7).

- A category guess never files a medical document into the legal or care part because of words in its
  body: legal categories come only from the document's title (PDF title, file name) or its heading.
- `mbc-vault add --json` and the import dialog say, for each file, who will be able to see it.
- In the import dialog, a category change that lets more people see a file asks first; "no" undoes it.

The documents are real PDFs (tests/pdfmaker.py), read by the same code as `mbc-vault add`; all fictional.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from pdfmaker import text_pdf

from mbc_vault.categories import scope_of
from mbc_vault.extract import read_file
from mbc_vault.proposals import propose_category
from mbc_vault.vault import Vault
from mbc_vault.visibility import newly_visible_to, visible_names, visible_to

MARY_PASS = "mary has her own passphrase"
ALEX_PASS = "alex sees the medical part too"

PATHOLOGY_LINES = [
    "Example Regional Medical Center",
    "Insurance: Example Health Plan",
    "Patient: Jane Q. Example   DOB: 04/02/1971   MRN: 00482913",
    "SURGICAL PATHOLOGY REPORT",
    "Date of service: 2024-05-20",
    "Specimen: left breast, 10 o'clock, core needle biopsy",
    "Final diagnosis: invasive ductal carcinoma, grade 2",
    "Estrogen receptor positive (95%), progesterone receptor positive (40%), HER2 1+ (negative)",
]
CCD_LINES = [
    "Example Health Portal",
    "Continuity of Care Document",
    "Patient: Jane Q. Example   DOB: 04/02/1971",
    "Advance directives",
    "Living will on file. Health care proxy: John Example (husband).",
    "Problems",
    "Metastatic breast cancer to bone, diagnosed 2023-11-02",
    "Medications",
    "Letrozole 2.5 mg by mouth daily; palbociclib 125 mg days 1-21",
    "Results",
    "CA 15-3 38 U/mL (2024-05-01)",
]


def medical_documents(folder: Path) -> list[Path]:
    """The two documents of the issue, with neutral file names and no PDF title (so only the text counts)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        text_pdf(folder / "scan-0412.pdf", [PATHOLOGY_LINES]),
        text_pdf(folder / "portal-export.pdf", [CCD_LINES, ["Encounters", "2024-05-20 oncology visit"]]),
    ]


def legal_documents(folder: Path) -> list[Path]:
    """Legal documents the guesses must still recognise: by their heading, and by their file name."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        text_pdf(
            folder / "document-7.pdf",
            [
                [
                    "LAST WILL AND TESTAMENT",
                    "of Jane Q. Example",
                    "I, Jane Q. Example, being of sound mind",
                    "Signed 2022-02-01",
                ]
            ],
        ),
        text_pdf(
            folder / "insurance_policy_2025.pdf",
            [["Example Health Plan", "Member: Jane Q. Example", "Plan year 2025", "Deductible: $1,500"]],
        ),
    ]


# ---------------------------------------------------------------------------------------------------------
# the guesses


@pytest.mark.parametrize(
    "text, title, slug",
    [
        ("\n".join(PATHOLOGY_LINES), "", "pathology-report"),
        ("\n".join(CCD_LINES), "", "medical-other"),
        # header fields name legal things, but a field is not a title
        (
            "Insurance: Example Health Plan\nSURGICAL PATHOLOGY REPORT\nFinal diagnosis: carcinoma",
            "",
            "pathology-report",
        ),
        ("Code status: DO NOT RESUSCITATE\nAdvance directive: on file\nPROGRESS NOTE", "", "clinical-note"),
        (
            "Example Cancer Center\nPatient: Jane Example\nAdvance Directives\nLiving will on file\nCT "
            "CHEST: stable",
            "",
            "imaging-report",
        ),
        (
            "Example Cancer Center\nPrimary insurance Example Health Plan\nDISCHARGE SUMMARY",
            "",
            "discharge-summary",
        ),
        # a medical heading comes first: legal words further down are the body's
        (
            "OPERATIVE REPORT\nPOWER OF ATTORNEY for health care decisions reviewed with the patient",
            "",
            "operative-report",
        ),
        # legal words only in the body, far below: still medical, whatever they say
        (
            "Clinic letter\nDear Jane,\n"
            + "about your visit\n" * 10
            + "LAST WILL AND TESTAMENT\nINSURANCE POLICY",
            "",
            "medical-other",
        ),
        # legal documents are still recognised by their heading or their own title
        ("LAST WILL AND TESTAMENT of Jane Example", "", "will"),
        (
            "State of Example\nADVANCE HEALTH CARE DIRECTIVE\nPart 1: Power of attorney for health care",
            "",
            "advance-directive",
        ),
        ("Example Health Plan\nEXPLANATION OF BENEFITS\nClaim: MRI breast 2024-05-02", "", "insurance"),
        ("Example Health Plan\nMember: Jane Example", "insurance_policy_2025", "insurance"),
        ("I direct that", "Living will (signed copy)", "living-will"),
        (
            "Insurance: Example Health Plan\nFinal diagnosis: carcinoma",
            "pathology report.pdf",
            "pathology-report",
        ),
    ],
)
def test_legal_categories_come_only_from_the_title_or_the_heading(text: str, title: str, slug: str) -> None:
    assert propose_category(text, title=title) == slug


def test_the_two_medical_documents_are_read_as_medical(tmp_path: Path) -> None:
    """The real reader of `mbc-vault add` and the import dialog (PDFium in the worker, then the guesses)."""
    pathology, ccd = (read_file(p) for p in medical_documents(tmp_path))
    assert pathology.ok and "Insurance: Example Health Plan" in pathology.page_texts[0]
    assert ccd.ok and "Advance directives" in ccd.page_texts[0]
    assert (pathology.category, ccd.category) == ("pathology-report", "medical-other")
    will, policy = (read_file(p) for p in legal_documents(tmp_path / "legal"))
    assert (will.category, policy.category) == ("will", "insurance")


# ---------------------------------------------------------------------------------------------------------
# who can see what


@pytest.fixture
def family(vault: Vault) -> Iterator[Vault]:
    """Jane (the owner) with Mary, who holds only the legal part, and Alex, who holds medical and care."""
    vault.add_person(
        "Mary Example",
        "sister",
        ["legal"],
        can_edit=False,
        passphrase=MARY_PASS,
        work_factor=TEST_WORK_FACTOR,
    )
    vault.add_person(
        "Alex Example",
        "partner",
        ["medical", "care"],
        can_edit=False,
        passphrase=ALEX_PASS,
        work_factor=TEST_WORK_FACTOR,
    )
    yield vault


def test_visible_to_lists_you_first_then_who_holds_the_part(family: Vault) -> None:
    owner = family.person
    family.add_person(
        "Ann Example",
        "daughter",
        ["medical"],
        can_edit=False,
        passphrase="ann " + MARY_PASS,
        work_factor=TEST_WORK_FACTOR,
    )
    assert visible_names(family, "lab-result") == ["you", "Alex Example", "Ann Example"]  # then by name
    assert visible_names(family, "will") == ["you", "Mary Example"]
    assert visible_names(family, "appointments") == ["you", "Alex Example"]
    assert visible_to(family, "insurance")[0] is owner
    mary = next(p for p in family.people.values() if p.name == "Mary Example")
    assert [p.name for p in newly_visible_to(family, "pathology-report", "insurance")] == ["Mary Example"]
    assert newly_visible_to(family, "pathology-report", "lab-result") == []
    assert newly_visible_to(family, "will", "insurance") == []
    assert [p.name for p in newly_visible_to(family, "will", "pathology-report")] == [
        "Alex Example",
        "Ann Example",
    ]
    assert mary.scopes == ["legal"]
    with pytest.raises(ValueError):
        visible_to(family, "recipes")


def test_visible_to_as_a_member_shows_the_owner(family: Vault, vault_path: Path) -> None:
    with Vault.open(vault_path, MARY_PASS) as mary:
        owner_name = family.person.name
        assert owner_name == "Jane Example"
        assert visible_names(mary, "will") == ["you", owner_name]
        # the owner comes first among the others (Jane before Alex); Mary herself cannot see it
        assert visible_names(mary, "pathology-report") == [owner_name, "Alex Example"]


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # `python -m mbc_vault` from the checkout under test, without a terminal (as `mbc-vault` in CI)
    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])),
    }
    return subprocess.run(
        [sys.executable, "-m", "mbc_vault", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def test_add_json_says_who_sees_each_file_and_a_legal_only_person_never_sees_the_medical_ones(
    family: Vault, vault_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    medical = medical_documents(tmp_path / "medical")
    legal = legal_documents(tmp_path / "legal")
    family.close()
    added = _cli("add", vault_path, *medical, *legal, "--json", "--passphrase-file", passphrase_file)
    assert added.returncode == 0, added.stderr
    with Vault.open(vault_path, MARY_PASS) as mary:
        seen = {r.original_name: r.category for r in mary.records()}
        assert seen == {"document-7.pdf": "will", "insurance_policy_2025.pdf": "insurance"}
        assert all(scope_of(category) == "legal" for category in seen.values())
    (tmp_path / "mary.txt").write_text(MARY_PASS + "\n")
    listed = _cli("list", vault_path, "--json", "--passphrase-file", tmp_path / "mary.txt")
    assert listed.returncode == 0, listed.stderr
    assert sorted(row["original_name"] for row in json.loads(listed.stdout)) == [
        "document-7.pdf",
        "insurance_policy_2025.pdf",
    ]

    rows = {row["original_name"]: row for row in json.loads(added.stdout)}
    assert {name: row["category"] for name, row in rows.items()} == {
        "scan-0412.pdf": "pathology-report",
        "portal-export.pdf": "medical-other",
        "document-7.pdf": "will",
        "insurance_policy_2025.pdf": "insurance",
    }
    assert rows["scan-0412.pdf"]["visible_to"] == ["you", "Alex Example"]
    assert rows["portal-export.pdf"]["visible_to"] == ["you", "Alex Example"]
    assert rows["document-7.pdf"]["visible_to"] == ["you", "Mary Example"]
    assert rows["insurance_policy_2025.pdf"]["visible_to"] == ["you", "Mary Example"]
    with Vault.open(vault_path, PASSPHRASE) as owner:
        mary_id = next(p.id for p in owner.people.values() if p.name == "Mary Example")
        assert len(owner.records()) == 4
    assert mary_id in rows["document-7.pdf"]["visible_to_ids"]
    assert mary_id not in rows["scan-0412.pdf"]["visible_to_ids"]

    text = _cli(
        "add",
        vault_path,
        text_pdf(tmp_path / "ct.pdf", [["CT CHEST WITH CONTRAST", "Impression: stable"]]),
        "--passphrase-file",
        passphrase_file,
    )
    assert text.returncode == 0, text.stderr
    assert "(imaging-report; visible to you, Alex Example)" in text.stdout
