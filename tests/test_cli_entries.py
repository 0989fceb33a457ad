"""`mbc-vault entries`, run as a real subprocess: structured entries by kind, as JSON or a table, and
only those of the parts the person unlocking may see."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import PASSPHRASE, TEST_WORK_FACTOR
from test_cli import no_traceback, run

from mbc_vault.care.models import LegalItem
from mbc_vault.care.store import CarePlan
from mbc_vault.history.models import Allergy, Procedure, RadiationCourse, Visit
from mbc_vault.history.store import HealthHistory
from mbc_vault.vault import Vault

MEMBER_PASSPHRASE = "another long fictional passphrase"


def _fill(vault: Vault) -> dict[str, str]:
    history = HealthHistory(vault)
    ids = {
        "procedure": history.save(
            Procedure(date="2021-03-04", name="Lumpectomy", side="left", lymph_nodes="sentinel-node-biopsy")
        ).record.id,
        "allergy": history.save(
            Allergy(substance="Penicillin", reaction="Hives", severity="moderate")
        ).record.id,
        "radiation": history.save(
            RadiationCourse(site="left breast", total_dose_gy=40.05, fractions=15, start="2021-05-01")
        ).record.id,
        "visit": history.save(
            Visit(date="2021-02-10", visit_type="Surgical consult", clinician="Dr. Ada Fictional")
        ).record.id,
        "legal-item": CarePlan(vault).save(LegalItem(item="will", status="signed")).record.id,
    }
    return ids


def test_entries_json_lists_fields_and_filters_by_kind(
    vault: Vault, vault_path: Path, passphrase_file: Path
) -> None:
    ids = _fill(vault)
    vault.close()
    pw = ["--passphrase-file", passphrase_file]
    listed = run("entries", vault_path, "--json", *pw)
    assert listed.returncode == 0, listed.stderr
    rows = {row["id"]: row for row in json.loads(listed.stdout)}
    assert set(ids.values()) <= set(rows)
    procedure = rows[ids["procedure"]]
    assert procedure["kind"] == "procedure" and procedure["date"] == "2021-03-04"
    assert procedure["title"] == "Lumpectomy (left)"
    assert procedure["fields"]["lymph_nodes"] == "sentinel-node-biopsy"
    assert rows[ids["radiation"]]["fields"]["total_dose_gy"] == 40.05
    assert rows[ids["radiation"]]["fields"]["fractions"] == 15

    only = run("entries", vault_path, "--kind", "allergy", "--json", *pw)
    assert only.returncode == 0, only.stderr
    allergies = json.loads(only.stdout)
    assert [a["id"] for a in allergies] == [ids["allergy"]]
    assert allergies[0]["fields"]["substance"] == "Penicillin"

    table = run("entries", vault_path, "--kind", "radiation", *pw)
    assert table.returncode == 0, table.stderr
    assert (
        ids["radiation"] in table.stdout
        and "Radiation to left breast, 40.05 Gy in 15 fractions" in table.stdout
    )
    visits = run("entries", vault_path, "--kind", "visit", *pw)
    assert visits.returncode == 0, visits.stderr
    assert f"{ids['visit']}  2021-02-10  Past visit" in visits.stdout and "Surgical consult" in visits.stdout


def test_entries_unknown_kind_is_one_sentence(vault: Vault, vault_path: Path, passphrase_file: Path) -> None:
    vault.close()
    result = run("entries", vault_path, "--kind", "surgery", "--passphrase-file", passphrase_file)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stderr.strip().startswith(
        'mbc-vault: "surgery" is not a kind of entry; use one of: diagnosis'
    )
    assert "procedure" in result.stderr and result.stdout == ""


def test_entries_legal_only_member_sees_no_medical_entry(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    ids = _fill(vault)
    member, _ = vault.add_person(
        "Sam", "son", ["legal"], passphrase=MEMBER_PASSPHRASE, work_factor=TEST_WORK_FACTOR
    )
    vault.close()
    secret = tmp_path / "sam.txt"
    secret.write_text(MEMBER_PASSPHRASE + "\n")
    seen = run("entries", vault_path, "--json", "--person", member.id, "--passphrase-file", secret)
    assert seen.returncode == 0, seen.stderr
    rows = json.loads(seen.stdout)
    assert [r["id"] for r in rows] == [ids["legal-item"]]
    assert "Penicillin" not in seen.stdout and "Lumpectomy" not in seen.stdout
    assert "Surgical consult" not in seen.stdout
    none = run(
        "entries", vault_path, "--kind", "procedure", "--person", member.id, "--passphrase-file", secret
    )
    assert none.returncode == 0, none.stderr
    assert none.stdout.strip() == "No entries."
    assert PASSPHRASE not in seen.stdout
