"""The review and the saving of a portal import, over things a reader found (the readers have their own
tests): duplicates marked and skipped, nothing written by the review, the original stored in the
medical part and every entry linked to it, a second import adding nothing, a legal-only or care-only
member seeing none of it (a ticked visit neither: it is medical)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import PASSPHRASE, TEST_WORK_FACTOR

from mbc_vault.cancer.models import LabValue
from mbc_vault.cancer.store import CancerRecord
from mbc_vault.categories import ENTRY_KINDS
from mbc_vault.portal import codes
from mbc_vault.portal.model import Found, PortalRead
from mbc_vault.portal.review import plan_import
from mbc_vault.portal.save import PORTAL_CATEGORY, save_import
from mbc_vault.search import build_index
from mbc_vault.vault import Vault


def _read() -> PortalRead:
    read = PortalRead(
        name="fictional-ccd.json",
        format="fhir-bundle",
        title="Summary from Example Portal",
        date="2026-03-02",
        original=json.dumps({"resourceType": "Bundle", "fictional": True}).encode(),
        media_type="application/fhir+json",
    )
    read.found = [
        Found(
            "lab-value",
            {"date": "2026-01-05", "test": "CA 15-3", "value": 38, "unit": "U/mL"},
            codes.key("lab-value", "6875-9", "2026-01-05", 38.0),
            "CA 15-3: 38 U/mL",
        ),
        Found(
            "lab-value",
            {"date": "2026-02-05", "test": "CA 15-3", "value": 41.5, "unit": "U/mL"},
            codes.key("lab-value", "6875-9", "2026-02-05", 41.5),
            "CA 15-3: 41.5 U/mL",
        ),
        Found(
            "medication",
            {"name": "Letrozole", "dose": "2.5 mg", "start": "2025-11-01"},
            codes.key("medication", "Letrozole", "2025-11-01"),
            "Letrozole",
        ),
        Found(
            "allergy",
            {"substance": "Penicillin", "reaction": "Hives", "severity": "moderate"},
            codes.key("allergy", "penicillin"),
            "Penicillin",
        ),
        Found(
            "biomarker",
            {"date": "2025-10-10", "er_status": "positive", "er_percent": 95},
            codes.key("biomarker", "er", "2025-10-10"),
            "ER",
        ),
        Found(
            "biomarker",
            {"date": "2025-10-10", "her2_ihc": "1+"},
            codes.key("biomarker", "her2", "2025-10-10"),
            "HER2",
        ),
        Found(
            "procedure",
            {
                "date": "2025-10-20",
                "name": "Lumpectomy",
                "side": "left",
                "lymph_nodes": "sentinel-node-biopsy",
            },
            codes.key("procedure", "lumpectomy", "2025-10-20"),
            "Lumpectomy",
        ),
        Found(
            "radiation",
            {"site": "Left breast", "total_dose_gy": 40.05, "fractions": 15, "start": "2025-12-01"},
            codes.key("radiation", "left breast", "2025-12-01"),
            "Radiation",
        ),
        Found(
            "visit",
            {
                "date": "2025-09-01",
                "time": "09:30",
                "visit_type": "Oncology visit",
                "place": "Example Clinic",
            },
            codes.key("visit", "Oncology visit", "2025-09-01"),
            "Oncology visit",
            optional=True,
        ),
        Found(
            "lab-value",
            {"date": "2026-01-05", "test": "Hemoglobin", "unit": "g/dL"},
            codes.key("lab-value", "hgb", "2026-01-05", ""),
            "Hemoglobin",
        ),
        Found(
            "note",
            {"title": "Social history", "text": "Fictional narrative only."},
            "note|1",
            "Social history",
        ),
    ]
    return read


def test_the_review_lists_by_kind_and_writes_nothing(vault: Vault) -> None:
    before = len(list(vault.folder.by_id))
    plan = plan_import(vault, [_read()])
    counts = plan.counts()
    assert counts["lab-value"] == {"new": 2, "duplicate": 0, "chosen": 2}
    assert counts["biopsy"]["new"] == 1  # the two receptor results of one date joined
    biopsy = next(i for i in plan.items if i.kind == "biopsy")
    assert biopsy.data["er_status"] == "positive" and biopsy.data["her2_ihc"] == "1+"
    visit = next(i for i in plan.items if i.kind == "visit")
    assert not visit.chosen and visit.optional  # encounters only if ticked
    # the lab value with no value is not proposed, and says so
    assert [(p.code, p.count) for _, p in plan.problems()] == [("portal-entries-not-valid", 1)]
    assert [p.params["kind"] for _, p in plan.problems()] == ["Lab value"]  # its name, not "lab-value"
    assert len(list(vault.folder.by_id)) == before


def test_saving_links_every_entry_to_the_stored_original_and_a_second_import_adds_nothing(
    vault: Vault,
) -> None:
    report = save_import(vault, plan_import(vault, [_read()]))
    assert report.created == {
        "lab-value": 2,
        "medication": 1,
        "allergy": 1,
        "procedure": 1,
        "radiation": 1,
        "biopsy": 1,
    }
    (document_id,) = report.documents
    document = vault.folder.get(document_id)
    assert document.category == PORTAL_CATEGORY and "Fictional narrative only." in document.notes
    for kind in report.created:
        for record in vault.entries(kind):
            assert record.links == [document_id]
            assert record.data["source"]["document"] == document_id
            assert record.data["source"]["label"] == "Summary from Example Portal"
    again = plan_import(vault, [_read()])
    assert all(item.duplicate and not item.chosen for item in again.items if item.kind != "visit")
    second = save_import(vault, again)
    assert second.total == 0
    assert len(vault.entries("lab-value")) == 2


def test_an_entry_typed_by_hand_is_a_duplicate_and_a_diagnosis_is_never_replaced(vault: Vault) -> None:
    cancer = CancerRecord(vault)
    cancer.save(LabValue(date="2026-01-05", test="CA 15-3", value=38.0, unit="U/mL"))
    vault.add_entry("diagnosis", {"first_diagnosis": "2020-01-01"}, title="Diagnosis")
    read = _read()
    read.found.append(Found("diagnosis", {"first_diagnosis": "2025-10-01"}, "diagnosis|x", "Breast cancer"))
    plan = plan_import(vault, [read])
    typed = [i for i in plan.items if i.kind == "lab-value" and i.data["date"] == "2026-01-05"]
    assert typed and typed[0].duplicate and not typed[0].chosen
    diagnosis = next(i for i in plan.items if i.kind == "diagnosis")
    assert diagnosis.duplicate
    save_import(vault, plan)
    assert [r.data["first_diagnosis"] for r in vault.entries("diagnosis")] == ["2020-01-01"]


def test_a_legal_only_or_care_only_member_sees_nothing_of_an_import_not_even_a_ticked_visit(
    tmp_path: Path,
) -> None:
    path = tmp_path / "vault"
    owner = Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    plan = plan_import(owner, [_read()])
    plan.choose_kind("visit", True)
    assert save_import(owner, plan).created["visit"] == 1
    (visit,) = owner.entries("visit")
    assert owner.folder.get(visit.id).scope == "medical"
    members = {}
    for name, scope in (("Lee", "legal"), ("Cara", "care")):
        person, _ = owner.add_person(
            name, "sibling", [scope], passphrase=f"{name}'s own words here", work_factor=TEST_WORK_FACTOR
        )
        members[name] = person.id
    owner.close()
    for name, person_id in members.items():
        with Vault.open(path, f"{name}'s own words here", person_id=person_id) as member:
            assert member.records() == [], name
            assert [k for k in ENTRY_KINDS if member.entries(k)] == [], name
            index = build_index(member)
            try:
                for word in ("oncology", "Example Clinic", "2025-09-01", "Letrozole"):
                    assert index.query(word, limit=20).hits == [], (name, word)
            finally:
                index.close()


def test_an_appointment_imported_before_visits_were_their_own_kind_stays_and_is_not_added_again(
    vault: Vault,
) -> None:
    """An earlier version saved a ticked encounter as a care-part appointment: it is left as it is (no
    migration), and importing the same file again does not add it a second time as a visit."""
    source = {"document": "0" * 8, "label": "Summary", "date": "2026-03-02"}
    key = codes.key("appointment", "Oncology visit", "2025-09-01")
    data = {"date": "2025-09-01", "purpose": "Oncology visit", "source": {**source, "key": key}}
    vault.add_entry("appointment", data, title="Oncology visit")
    plan = plan_import(vault, [_read()])
    (visit,) = [i for i in plan.items if i.kind == "visit"]
    assert visit.duplicate and not visit.chosen
    plan.choose_kind("visit", True)
    assert "visit" not in save_import(vault, plan).created
    assert vault.entries("visit") == [] and len(vault.entries("appointment")) == 1


def test_partial_dates_are_review_lines_and_kept_in_the_notes_and_the_route_is_its_own_field(
    vault: Vault,
) -> None:
    from mbc_vault.portal.fhir import read_fhir

    resources = [
        {"resourceType": "Condition", "code": {"text": "Asthma"}, "onsetDateTime": "2019"},
        {
            "resourceType": "Observation",
            "code": {"coding": [{"code": "6875-9"}], "text": "CA 15-3"},
            "effectiveDateTime": "2023",
            "valueQuantity": {"value": 30, "unit": "U/mL"},
        },
        {"resourceType": "Procedure", "code": {"text": "Port placement"}, "performedString": "as a child"},
        {
            "resourceType": "MedicationStatement",
            "medicationCodeableConcept": {"text": "letrozole"},
            "effectivePeriod": {"start": "2021-05"},
            "dosage": [{"text": "2.5 mg once daily", "route": {"text": "Oral"}}],
        },
    ]
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]}
    plan = plan_import(vault, [read_fhir(json.dumps(bundle).encode(), "partial.json")])
    problems = {p.code: p.count for _, p in plan.problems()}
    assert problems == {"portal-date-year-only": 2, "portal-date-month-only": 1, "portal-date-not-a-date": 1}
    assert all(item.chosen for item in plan.items)
    save_import(vault, plan)
    (asthma,) = vault.entries("condition")
    assert asthma.data["onset"] == "2019-01-01"
    assert asthma.data["notes"] == "Onset given as the year only: 2019"
    (port,) = vault.entries("procedure")
    assert port.data["date"] is None and port.data["notes"] == "Date as given: as a child"
    (marker,) = vault.entries("lab-value")
    assert marker.data["date"] == "2023-01-01" and marker.notes == "Date given as the year only: 2023"
    (letrozole,) = vault.entries("medication")
    assert (letrozole.data["route"], letrozole.data["schedule"]) == ("Oral", "")
    assert letrozole.data["start"] == "2021-05-01"
    assert letrozole.notes == "Start given as the month only: 2021-05"
