"""`mbc-vault import-records` through the real command: the review (--dry-run --json) writes nothing, the
import creates entries linked to the stored portal file, a second import adds nothing and says so, a bad
file in a batch is named and the rest is imported, and members not given the medical part find nothing
of it (a ticked visit neither)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import PASSPHRASE, TEST_WORK_FACTOR

from mbc_vault.vault import Vault, opened

DATA = Path(__file__).parent / "data" / "portal"
CLI = [sys.executable, "-m", "mbc_vault"]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MBC_VAULT_PASSPHRASE": PASSPHRASE}
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env, timeout=120)


def test_dry_run_reviews_then_import_saves_once(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    review = run("import-records", path, DATA / "mcode-breast.json", "--dry-run", "--json")
    assert review.returncode == 0, review.stderr
    plan = json.loads(review.stdout)
    assert plan["counts"]["lab-value"]["new"] == 2
    assert plan["counts"]["radiation"]["new"] == 1
    assert plan["saved"] is None
    assert any(p["code"] == "portal-no-value" for p in plan["problems"])
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.entries("lab-value") == [] and vault.records() == []

    saved = run("import-records", path, DATA / "mcode-breast.json", "--json")
    assert saved.returncode == 0, saved.stderr
    assert json.loads(saved.stdout)["saved"]["created"]["lab-value"] == 2
    with Vault.open(path, PASSPHRASE) as vault:
        (document,) = vault.records()
        assert document.category == "clinical-note"
        markers = vault.entries("lab-value")
        assert {r.data["test"] for r in markers} == {"CA 15-3"}
        assert all(r.links == [document.id] for r in markers)
        (radiation,) = vault.entries("radiation")
        assert radiation.data["total_dose_gy"] == 40.05 and radiation.data["fractions"] == 15

    again = run("import-records", path, DATA / "mcode-breast.json")
    assert again.returncode == 0
    assert "Nothing new" in again.stdout
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.entries("lab-value")) == 2 and len(vault.records()) == 1


def test_a_bad_file_is_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    bad = tmp_path / "broken.json"
    bad.write_text('{"resourceType": "Bundle", "entry": [', encoding="utf-8")
    xml = tmp_path / "ccd.xml"
    xml.write_text("<ClinicalDocument/>", encoding="utf-8")
    result = run("import-records", path, bad, xml, DATA / "mcode-breast.json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    assert any(line.startswith("broken.json: ") for line in lines)
    assert any(line.startswith("ccd.xml: ") and "C-CDA" in line for line in lines)
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.entries("lab-value")) == 2


def test_an_apple_health_export_is_read_from_its_clinical_records(tmp_path: Path) -> None:
    import zipfile

    bundle = json.loads((DATA / "mcode-breast.json").read_text(encoding="utf-8"))
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("apple_health_export/export.xml", "<HealthData/>")
        for number, entry in enumerate(bundle["entry"]):
            archive.writestr(
                f"apple_health_export/clinical-records/record-{number}.json", json.dumps(entry["resource"])
            )
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    result = run("import-records", path, export, "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["files"][0]["format"] == "apple-health"
    assert out["saved"]["created"]["lab-value"] == 2 and out["saved"]["created"]["allergy"] == 1


CCDA = DATA / "ccda-breast.xml"


def test_a_ccda_document_imports_once_into_the_medical_part(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    review = run("import-records", path, CCDA, DATA / "ccda" / "CCD-1.xml", "--dry-run", "--json")
    assert review.returncode == 0, review.stderr
    plan = json.loads(review.stdout)
    assert [f["format"] for f in plan["files"]] == ["ccda", "ccda"]
    assert plan["counts"]["lab-value"]["new"] == 7 and plan["counts"]["biopsy"]["new"] == 1
    assert plan["counts"]["diagnosis"]["new"] == 1 and plan["counts"]["radiation"]["new"] == 1
    assert {n["title"] for n in plan["notes"]} >= {"ADVANCE DIRECTIVES", "INSURANCE PROVIDERS"}
    assert any(p["code"] == "portal-vitals-left-out" for p in plan["problems"])

    saved = run("import-records", path, CCDA)
    assert saved.returncode == 0, saved.stderr
    assert "Saved 11 entries." in saved.stdout
    with Vault.open(path, PASSPHRASE) as vault:
        (document,) = vault.records()
        assert document.category == "clinical-note" and document.title == "Oncology Care Summary"
        assert "Durable power of attorney" in document.notes
        (biopsy,) = vault.entries("biopsy")
        assert biopsy.data["er_percent"] == 95 and biopsy.data["her2_ihc"] == "1+"
        (medication,) = vault.entries("medication")
        assert medication.data["name"] == "letrozole 2.5 MG Oral Tablet"
        assert medication.links == [document.id]

    again = run("import-records", path, CCDA)
    assert again.returncode == 0, again.stderr
    assert "Nothing new" in again.stdout
    with Vault.open(path, PASSPHRASE) as vault:
        assert len(vault.records()) == 1 and len(vault.entries("lab-value")) == 2


def test_a_legal_only_member_sees_nothing_of_an_imported_ccda(tmp_path: Path) -> None:
    from test_cli_entries import MEMBER_PASSPHRASE

    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR) as vault:
        member, _ = vault.add_person(
            "Sam", "son", ["legal"], passphrase=MEMBER_PASSPHRASE, work_factor=TEST_WORK_FACTOR
        )
    assert run("import-records", path, CCDA).returncode == 0
    secret = tmp_path / "sam.txt"
    secret.write_text(MEMBER_PASSPHRASE + "\n")
    env = {**os.environ}
    env.pop("MBC_VAULT_PASSPHRASE", None)
    for args in (("entries", "--json"), ("list",)):
        seen = subprocess.run(
            [*CLI, args[0], str(path), *args[1:], "--person", member.id, "--passphrase-file", str(secret)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert seen.returncode == 0, seen.stderr
        for word in ("Oncology", "letrozole", "Durable power", "Acme", "Sulfamethoxazole", "CA 15-3"):
            assert word not in seen.stdout
    entries = subprocess.run(
        [*CLI, "entries", str(path), "--json", "--person", member.id, "--passphrase-file", str(secret)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert json.loads(entries.stdout) == []


def test_a_ticked_visit_is_medical_and_a_care_only_or_legal_only_member_finds_nothing(tmp_path: Path) -> None:
    """The visits ticked (--encounters) become past visits, a medical kind, like everything imported:
    the owner lists one with its date, time, type, reason, place and clinician; a member given only the
    care part (which holds appointments) or only the legal part finds nothing of the import: no entry, no
    record, no search hit for the visit's words."""
    bundle = json.loads((DATA / "mcode-breast.json").read_text(encoding="utf-8"))
    visit = {
        "resourceType": "Encounter",
        "id": "e1",
        "type": [{"text": "Chemotherapy infusion"}],
        "period": {"start": "2024-03-05T09:30:00-05:00"},
        "reasonCode": [{"text": "Cycle 3 of paclitaxel"}],
        "participant": [{"individual": {"reference": "Practitioner/p1", "display": "Dr. Ada Fictional"}}],
        "location": [{"location": {"reference": "Location/l1", "display": "Example Infusion Center"}}],
    }
    bundle["entry"].append({"resource": visit})
    source = tmp_path / "visits.json"
    source.write_text(json.dumps(bundle), encoding="utf-8")
    path = tmp_path / "vault"
    Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    dry = json.loads(run("import-records", path, source, "--dry-run", "--json").stdout)
    assert dry["counts"]["visit"] == {"new": 1, "duplicate": 0, "chosen": 0}  # only if ticked
    assert run("import-records", path, source, "--encounters").returncode == 0
    owner = json.loads(run("entries", path, "--kind", "visit", "--json").stdout)
    assert [(e["title"], e["date"]) for e in owner] == [("Chemotherapy infusion", "2024-03-05")]
    fields = owner[0]["fields"]
    assert (fields["time"], fields["reason"], fields["place"], fields["clinician"]) == (
        "09:30",
        "Cycle 3 of paclitaxel",
        "Example Infusion Center",
        "Dr. Ada Fictional",
    )
    assert "From:" not in fields and fields["source"]["label"]  # linked to the stored portal file
    assert run("entries", path, "--kind", "appointment", "--json").stdout.strip() == "[]"
    ids = {}
    # added through the API at the tests' work factor (the CLI's `person add` is tested in test_people):
    # each member's command below then unlocks in milliseconds, not a second
    with opened(path, PASSPHRASE) as vault:
        for name, scope in (("Cara", "care"), ("Lee", "legal")):
            person, _ = vault.add_person(
                name,
                scopes=[scope],
                passphrase=f"{name} has words of their own here",
                work_factor=TEST_WORK_FACTOR,
            )
            ids[name] = person.id

    def seen(name: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "MBC_VAULT_PASSPHRASE": f"{name} has words of their own here"}
        command = [*CLI, args[0], str(path), *args[1:], "--person", ids[name]]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return done

    for name in ids:
        assert json.loads(seen(name, "entries", "--json").stdout) == [], name
        assert "No records" in seen(name, "list").stdout, name  # not the stored portal document
        for word in ("chemotherapy", "infusion", "paclitaxel", "Fictional"):
            assert json.loads(seen(name, "search", word, "--json").stdout) == [], (name, word)
