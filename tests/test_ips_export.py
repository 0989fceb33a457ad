"""`mbc-vault export-ips`: the care record as an International Patient Summary. The bundle validates as
FHIR R4 with fhir.resources (every resource), carries the IPS sections by LOINC, the cancer with its
biomarkers, and round-trips through `import-records` into an empty vault with the same entries. A member
without the medical part gets one sentence and no file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR

from mbc_vault.errors import Cancelled, PermissionDenied
from mbc_vault.portal.ips_export import SECTIONS, build_ips, write_ips
from mbc_vault.portal.ips_resources import LINE_EXTENSION
from mbc_vault.portal.review import MODELS
from mbc_vault.vault import Vault

CLI = [sys.executable, "-m", "mbc_vault"]
MEMBER_PASSPHRASE = "member-passphrase-for-tests-only"

#: health-history entries (and a medication) added to the demo vault (fictional), every field the IPS
#: carries filled in somewhere
HISTORY: list[tuple[str, dict[str, Any]]] = [
    ("patient-details", {"name": "Jane Q. Example", "date_of_birth": "1968-04-09"}),
    (
        "allergy",
        {
            "substance": "Penicillin",
            "reaction": "Hives",
            "severity": "moderate",
            "status": "active",
            "category": "medication",
            "onset": "1990-06-01",
            "notes": "Since childhood",
        },
    ),
    ("allergy", {"substance": "Codeine", "reaction": "Nausea", "allergy_kind": "intolerance"}),
    ("allergy", {"substance": "Latex", "severity": "mild", "category": "environment"}),  # no reaction
    (
        "condition",
        {"name": "High blood pressure", "onset": "2015-02-01", "status": "active", "notes": "On diet"},
    ),
    (
        "condition",
        {"name": "Gallstones", "onset": "2010-05-01", "abated": "2011-01-10", "status": "resolved"},
    ),
    (
        "procedure",
        {
            "name": "Lumpectomy",
            "date": "2019-04-02",
            "side": "left",
            "lymph_nodes": "sentinel-node-biopsy",
            "place": "Example Hospital",
            "surgeon": "Dr. Ana Fictional",
            "notes": "Clear margins",
        },
    ),
    ("procedure", {"name": "Port placement", "date": "2024-06-01", "side": "right", "lymph_nodes": "none"}),
    (
        "procedure",
        {
            "name": "Re-excision",
            "date": "2019-04-20",
            "side": "left",
            "lymph_nodes": "other",
            "lymph_nodes_other": "Targeted axillary node removal",
        },
    ),
    (
        "radiation",
        {
            "site": "Left breast",
            "total_dose_gy": 40.05,
            "fractions": 15,
            "start": "2019-05-06",
            "stop": "2019-05-24",
            "intent": "adjuvant",
            "technique": "3D conformal",
            "place": "Example Cancer Center",
            "notes": "Skin redness in week 3",
        },
    ),
    (
        "radiation",
        {
            "site": "Right hip",
            "total_dose_gy": 8.0,
            "fractions": 1,
            "start": "2025-10-10",
            "intent": "palliative",
        },
    ),
    ("immunization", {"vaccine": "Influenza vaccine", "date": "2025-10-01", "place": "Example Pharmacy"}),
    (
        "immunization",
        {"vaccine": "COVID-19 vaccine", "date": "2025-09-15", "dose_number": "5", "notes": "Sore arm"},
    ),
    (  # besides the demo's three lines: one without a number, in a trial, stopped for a reason of its own
        "treatment-line",
        {
            "drugs": ["capecitabine"],
            "start": "2019-01-10",
            "stop": "2019-03-20",
            "setting": "clinical-trial",
            "trial_id": "NCT09999999",
            "best_response": "partial",
            "stop_reason": "other",
            "stop_reason_other": "Study closed early",
        },
    ),
    (
        "medication",
        {
            "name": "ondansetron",
            "dose": "8 mg",
            "schedule": "as needed",
            "route": "by mouth",
            "purpose": "nausea",
            "prescriber": "Dr. A. Fictional",
            "start": "2025-09-01",
        },
    ),
]

#: the fields compared after the round trip, kind by kind: every field the IPS has a place for (those
#: it has none for are in docs/architecture.md, "The IPS export")
KEY_FIELDS = {
    "patient-details": ("name", "date_of_birth"),
    "diagnosis": (
        "first_diagnosis",
        "metastatic_diagnosis",
        "presentation",
        "histology",
        "histology_other",
        "sex",
    ),
    "metastasis": ("site", "site_other", "date_found", "found_by"),
    "biopsy": (
        "date",
        "site",
        "site_other",
        "er_status",
        "er_percent",
        "pr_status",
        "pr_percent",
        "her2_ihc",
        "her2_ish",
        "ki67_percent",
        "pdl1",
        "pik3ca",
        "esr1",
        "germline_brca",
        "msi",
        "ntrk",
        "others",
    ),
    "medication": ("name", "dose", "schedule", "route", "prescriber", "start", "stop", "purpose"),
    "treatment-line": (
        "line_number",
        "drugs",
        "start",
        "stop",
        "setting",
        "trial_id",
        "best_response",
        "stop_reason",
        "stop_reason_other",
    ),
    "lab-value": ("test", "date", "value", "unit", "lab"),
    "allergy": (
        "substance",
        "reaction",
        "severity",
        "status",
        "category",
        "allergy_kind",
        "onset",
        "no_known",
        "notes",
    ),
    "condition": ("name", "onset", "abated", "status", "notes"),
    "procedure": (
        "name",
        "date",
        "side",
        "lymph_nodes",
        "lymph_nodes_other",
        "place",
        "surgeon",
        "notes",
    ),
    "radiation": (
        "site",
        "total_dose_gy",
        "fractions",
        "start",
        "stop",
        "intent",
        "technique",
        "place",
        "notes",
    ),
    "immunization": ("vaccine", "date", "dose_number", "place", "notes"),
}


def run(*args: str | Path, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MBC_VAULT_PASSPHRASE": passphrase}
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env, timeout=180)


def add_history(vault: Vault, items: list[tuple[str, dict[str, Any]]] = HISTORY) -> None:
    for kind, data in items:
        model = MODELS[kind].from_form(dict(data))
        model.validate()
        vault.add_entry(kind, model.to_data(), title=model.title(), date=model.sort_date())


def demo_vault(path: Path) -> Vault:
    """The demo vault (its PDFs are painted with Qt: the test takes the qapp fixture) and HISTORY."""
    from mbc_vault.demo import create_demo_vault

    vault, _ = create_demo_vault(path, PASSPHRASE, work_factor=TEST_WORK_FACTOR)
    add_history(vault)
    return vault


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_bundle_is_an_ips_document_and_every_resource_validates_as_r4(tmp_path: Path, qapp: Any) -> None:
    from fhir.resources import __fhir_version__, construct_fhir_element
    from fhir.resources.bundle import Bundle

    assert __fhir_version__ == "4.0.1"
    with demo_vault(tmp_path / "demo") as vault:
        bundle = build_ips(vault)
    Bundle.parse_obj(bundle)  # the whole document, each entry's resource by its own R4 model
    for entry in bundle["entry"]:
        construct_fhir_element(entry["resource"]["resourceType"], entry["resource"])
        assert entry["fullUrl"] == "urn:uuid:" + entry["resource"]["id"]
    assert bundle["type"] == "document" and bundle["identifier"]["value"].startswith("urn:uuid:")
    composition = bundle["entry"][0]["resource"]
    assert composition["resourceType"] == "Composition"
    assert composition["type"]["coding"][0]["code"] == "60591-5"
    codes = [s["code"]["coding"][0]["code"] for s in composition["section"]]
    assert codes == ["48765-2", "10160-0", "11450-4", "47519-4", "30954-2", "11369-6"]
    urls = {e["fullUrl"] for e in bundle["entry"]}
    for section in composition["section"]:
        assert section["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">')
        assert section["entry"] and all(ref["reference"] in urls for ref in section["entry"])
    (patient,) = resources(bundle, "Patient")
    assert patient["birthDate"] == "1968-04-09" and patient["name"][0]["text"] == "Jane Q. Example"
    assert patient["gender"] == "female"


def test_the_summary_carries_the_cancer_its_biomarkers_and_coded_results(tmp_path: Path, qapp: Any) -> None:
    with demo_vault(tmp_path / "demo") as vault:
        bundle = build_ips(vault)
    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    conditions = resources(bundle, "Condition")
    (cancer,) = [c for c in conditions if c["code"].get("coding") and "breast" in c["code"]["text"]]
    metastases = [c for c in conditions if c["code"].get("coding", [{}])[0].get("code") == "128462008"]
    assert sorted(m["bodySite"][0]["text"] for m in metastases) == ["Bone", "Liver"]
    assert cancer["code"]["coding"][0] == {
        "system": "http://snomed.info/sct",
        "code": "408643008",
        "display": "Infiltrating duct carcinoma of breast",
    }
    assert cancer["onsetDateTime"] == "2019-03-12"
    assert "Metastatic (stage IV) since 2024-05-02" in cancer["stage"][0]["summary"]["text"]
    evidence = [by_url[ref["reference"]] for ref in cancer["evidence"][0]["detail"]]
    er = [o for o in evidence if o["code"].get("coding", [{}])[0].get("code") == "85337-4"]
    assert sorted(o["effectiveDateTime"] for o in er) == ["2019-03-12", "2024-05-20"]
    assert {o["component"][0]["valueQuantity"]["value"] for o in er} == {95.0, 60.0}
    assert any(o.get("valueString") == "Detected" and o["code"]["text"] == "PIK3CA" for o in evidence)
    marker = next(o for o in resources(bundle, "Observation") if o["code"]["text"] == "CA 15-3")
    assert marker["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "6875-9",
        "display": "Cancer Ag 15-3 [Units/volume] in Serum or Plasma",
    }
    assert marker["valueQuantity"] == {
        "value": 41.0,
        "unit": "U/mL",
        "system": "http://unitsofmeasure.org",
        "code": "U/mL",
    }
    radiation = [p for p in resources(bundle, "Procedure") if p["code"].get("coding")]
    assert {p["code"]["coding"][0]["code"] for p in radiation} == {"1217123003"}
    assert {p["bodySite"][0]["text"] for p in radiation} == {"Left breast", "Right hip"}
    composition = bundle["entry"][0]["resource"]
    problems = next(s for s in composition["section"] if s["code"]["coding"][0]["code"] == "11450-4")
    assert "Infiltrating duct carcinoma of breast, first diagnosed 2019-03-12" in problems["text"]["div"]
    procedures = next(s for s in composition["section"] if s["code"]["coding"][0]["code"] == "47519-4")
    assert "Lumpectomy (left), 2019-04-02, with a sentinel lymph node biopsy" in procedures["text"]["div"]
    assert (
        "Radiation to Left breast, 40.05 Gy in 15 fractions, 2019-05-06 to 2019-05-24"
        in procedures["text"]["div"]
    )
    medications = next(s for s in composition["section"] if s["code"]["coding"][0]["code"] == "10160-0")
    assert "Line 1: letrozole + palbociclib" in medications["text"]["div"]
    statements = resources(bundle, "MedicationStatement")
    assert {s["id"] for s in statements} == {r["reference"][9:] for r in medications["entry"]}
    names = sorted(s["medicationCodeableConcept"]["text"] for s in statements)
    assert names.count("fulvestrant") == 1  # a drug of the line taken now is sent once, as both
    lines: dict[str, list[dict[str, Any]]] = {}
    for statement in statements:
        for ext in statement.get("extension", []):
            if ext["url"] == LINE_EXTENSION:
                parts = {p["url"]: p for p in ext["extension"]}
                lines.setdefault(parts["line"]["valueString"], []).append({**statement, "parts": parts})
    first = next(g for g in lines.values() if g[0]["parts"].get("number", {}).get("valueUnsignedInt") == 1)
    assert [s["medicationCodeableConcept"]["text"] for s in first] == ["letrozole", "palbociclib"]
    assert first[0]["status"] == "stopped" and first[0]["effectivePeriod"] == {
        "start": "2024-06-03",
        "end": "2025-08-15",
    }
    assert first[0]["statusReason"][0]["coding"][0]["code"] == "266721009"  # mCODE's termination reason
    assert first[0]["parts"]["setting"]["valueCoding"]["code"] == "first-line"
    assert by_url[first[0]["reasonReference"][0]["reference"]] is cancer
    assert len(lines) == 4 and sum(map(len, lines.values())) == 6


def test_no_known_allergies_and_an_empty_section(tmp_path: Path) -> None:
    from fhir.resources.bundle import Bundle

    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR) as vault:
        add_history(vault, [("allergy", {"no_known": True})])
        bundle = build_ips(vault)
    Bundle.parse_obj(bundle)
    (allergy,) = resources(bundle, "AllergyIntolerance")
    assert allergy["code"]["coding"][0] == {
        "system": "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips",
        "code": "no-known-allergies",
        "display": "No known allergies",
    }
    sections = {s["code"]["coding"][0]["code"]: s for s in bundle["entry"][0]["resource"]["section"]}
    assert "No known allergies" in sections["48765-2"]["text"]["div"]
    for code in ("10160-0", "11450-4", "47519-4", "30954-2", "11369-6"):
        assert "entry" not in sections[code]
        assert sections[code]["emptyReason"]["coding"][0]["code"] == "unavailable"
    (patient,) = resources(bundle, "Patient")  # no "About me": no name or date of birth is made up
    assert "name" not in patient and "birthDate" not in patient
    assert set(SECTIONS) == {"allergies", "medications", "problems", "procedures", "results", "immunizations"}

    out = tmp_path / "ips.json"
    run("export-ips", path, "--out", out).check_returncode()
    empty = tmp_path / "empty"
    Vault.create(empty, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    imported = run("import-records", empty, out, "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["problems"] == []  # no empty "About me" reported as left out
    with Vault.open(empty, PASSPHRASE) as vault:
        (back,) = vault.entries("allergy")
        assert back.data["no_known"] is True
        assert vault.entries("patient-details") == []


def _entries(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    result = run("entries", path, "--json")
    assert result.returncode == 0, result.stderr
    out: dict[str, list[tuple[Any, ...]]] = {}
    for row in json.loads(result.stdout):
        fields = KEY_FIELDS.get(row["kind"])
        out.setdefault(row["kind"], [])
        if fields is not None:
            out[row["kind"]].append(tuple(row["fields"].get(f) for f in fields))
    return {kind: sorted(rows, key=repr) for kind, rows in out.items()}


def test_the_export_round_trips_through_import_records_into_an_empty_vault(tmp_path: Path, qapp: Any) -> None:
    source = tmp_path / "demo"
    demo_vault(source).close()
    out = tmp_path / "summary.json"
    exported = run("export-ips", source, "--out", out)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == (
        f"Wrote the International Patient Summary to {out}. This copy is not encrypted: delete it when done."
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    target = tmp_path / "empty"
    Vault.create(target, PASSPHRASE, name="Someone Else", work_factor=TEST_WORK_FACTOR).close()
    imported = run("import-records", target, out, "--json")
    assert imported.returncode == 0, imported.stderr
    plan = json.loads(imported.stdout)
    assert plan["files"][0]["format"] == "ips"
    assert not plan["failed"] and not plan["problems"]  # nothing of the summary is left out

    before, after = _entries(source), _entries(target)
    assert set(after) == set(KEY_FIELDS)
    for kind in KEY_FIELDS:
        assert after[kind] == before[kind], kind
    assert len(after["lab-value"]) == 12 and len(after["medication"]) == 7 and len(after["biopsy"]) == 2
    assert len(after["metastasis"]) == 2 and len(after["radiation"]) == 2
    assert len(after["treatment-line"]) == 4  # as lines, their drugs taken now as medications too

    again = run("import-records", target, out)
    assert again.returncode == 0 and "Nothing new" in again.stdout


def test_a_member_without_the_medical_part_gets_a_sentence_and_no_file(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR) as vault:
        add_history(vault)
        member, _ = vault.add_person(
            "Sam", "son", ["legal"], passphrase=MEMBER_PASSPHRASE, work_factor=TEST_WORK_FACTOR
        )
    out = tmp_path / "ips.json"
    result = run("export-ips", path, "--out", out, "--person", member.id, passphrase=MEMBER_PASSPHRASE)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "mbc-vault: The patient summary comes from the medical part, which you were not given; "
        "nothing was written."
    )
    assert not out.exists() and "Traceback" not in result.stderr
    with Vault.open(path, MEMBER_PASSPHRASE, person_id=member.id) as vault, pytest.raises(PermissionDenied):
        build_ips(vault)


def test_an_existing_file_needs_force_and_a_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR) as vault:
        add_history(vault)
    out = tmp_path / "ips.json"
    out.write_text("keep me", encoding="utf-8")
    refused = run("export-ips", path, "--out", out)
    assert refused.returncode == 2 and "add --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    assert run("export-ips", path, "--out", out, "--force").returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["resourceType"] == "Bundle"

    cancel = threading.Event()
    cancel.set()
    fresh = tmp_path / "cancelled.json"
    with Vault.open(path, PASSPHRASE) as vault, pytest.raises(Cancelled):
        write_ips(vault, fresh, cancel=cancel)
    assert not fresh.exists()


def test_a_histology_without_a_code_other_results_and_a_de_novo_diagnosis_come_back(tmp_path: Path) -> None:
    """What the demo does not have: a histology with no SNOMED CT code of its own (named after the cancer's
    code), a de novo metastatic diagnosis, a biopsy's MSI, NTRK, PD-L1 and a free result, a site typed as
    "other"."""
    from mbc_vault.portal.fhir import read_fhir
    from mbc_vault.portal.review import plan_import

    items: list[tuple[str, dict[str, Any]]] = [
        (
            "diagnosis",
            {
                "first_diagnosis": "2023-01-10",
                "metastatic_diagnosis": "2023-01-10",
                "presentation": "de-novo",
                "histology": "other",
                "histology_other": "Mixed ductal and lobular",
                "sex": "female",
            },
        ),
        ("metastasis", {"site": "other", "site_other": "Peritoneum", "date_found": "2023-01-05"}),
        (
            "biopsy",
            {
                "date": "2023-01-08",
                "site": "other",
                "site_other": "Peritoneal nodule",
                "er_status": "positive",
                "msi": "mss",
                "ntrk": "not-detected",
                "pdl1": "CPS 5",
                "others": [{"name": "HER2 mutation", "result": "L755S"}],
            },
        ),
    ]
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR) as vault:
        add_history(vault, items)
        data = json.dumps(build_ips(vault)).encode()
    read = read_fhir(data, "summary.json")
    with Vault.create(tmp_path / "empty", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR) as empty:
        plan = plan_import(empty, [read])
    assert not read.problems
    back = {item.kind: item.data for item in plan.items}
    for kind, given in items:
        assert {k: back[kind].get(k) for k in given} == given, kind


def test_medications_from_another_app_stay_medications() -> None:
    """A cancer drug of another app's summary (an mCODE-style statement with a termination reason and no
    MBC Vault line extension) is a medication, not a line of treatment."""
    from mbc_vault.portal.fhir import read_fhir

    statement = {
        "resourceType": "MedicationStatement",
        "id": "m1",
        "status": "stopped",
        "medicationCodeableConcept": {"text": "paclitaxel"},
        "subject": {"reference": "Patient/p1"},
        "effectivePeriod": {"start": "2020-02-03", "end": "2020-05-04"},
        "extension": [
            {
                "url": "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-treatment-termination-reason",
                "valueCodeableConcept": {
                    "coding": [{"system": "http://snomed.info/sct", "code": "407563006"}]
                },
            }
        ],
    }
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": statement}]}
    read = read_fhir(json.dumps(bundle).encode(), "other-app.json")
    assert [(f.kind, f.data["name"], f.data["start"], f.data["stop"]) for f in read.found] == [
        ("medication", "paclitaxel", "2020-02-03", "2020-05-04")
    ]
