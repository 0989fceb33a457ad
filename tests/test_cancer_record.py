"""The structured cancer record: models, validation, derivations, storage, CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PASSPHRASE

from mbc_vault.cancer import derive
from mbc_vault.cancer.labs_csv import export_lab_csv, import_lab_csv
from mbc_vault.cancer.models import (
    Biopsy,
    Diagnosis,
    FieldError,
    LabValue,
    Medication,
    Metastasis,
    Symptom,
    TreatmentLine,
)
from mbc_vault.cancer.store import CancerRecord
from mbc_vault.vault import Vault


def biopsy(**kw) -> Biopsy:
    base = dict(date="2019-03-12", site="primary-breast")
    base.update(kw)
    return Biopsy(**base)


@pytest.mark.parametrize(
    "fields, expected",
    [
        (
            dict(er_status="positive", er_percent=95, pr_status="positive", her2_ihc="1+"),
            "HR+/HER2- (HER2-low)",
        ),
        (dict(er_status="positive", her2_ihc="0"), "HR+/HER2-"),
        (dict(er_status="negative", pr_status="negative", her2_ihc="3+"), "HER2+"),
        (dict(er_status="positive", her2_ihc="2+", her2_ish="amplified"), "HER2+"),
        (
            dict(er_status="negative", pr_status="negative", her2_ihc="2+", her2_ish="not-amplified"),
            "Triple-negative (HER2-low)",
        ),
        (dict(er_status="negative", pr_status="negative", her2_ihc="0"), "Triple-negative"),
        (dict(er_percent=0.5, pr_percent=0, her2_ihc="0"), "Triple-negative"),  # below 1% is negative
        (dict(er_status="low", er_percent=5, her2_ihc="0"), "HR+/HER2-"),
        (dict(er_status="positive", her2_ihc="2+"), "Not known yet"),  # 2+ needs ISH
        (dict(), "Not known yet"),
    ],
)
def test_subtype_and_her2_low(fields: dict, expected: str) -> None:
    assert derive.describe(biopsy(**fields)) == expected


def test_discordance_between_primary_and_metastasis() -> None:
    primary = biopsy(er_status="positive", er_percent=95, pr_status="positive", pr_percent=80, her2_ihc="1+")
    liver = biopsy(
        date="2024-05-20",
        site="liver",
        er_status="positive",
        er_percent=60,
        pr_status="negative",
        pr_percent=0,
        her2_ihc="0",
    )
    bone = biopsy(date="2024-06-01", site="bone", er_status="positive", pr_status="positive", her2_ihc="1+")
    found = derive.discordance([liver, primary, bone])
    assert [b.site for b, _ in found] == ["liver"]
    changes = [str(change) for change in found[0][1]]
    assert "PR changed from positive to negative." in changes
    assert "HER2-low changed: no longer HER2-low." in changes
    tnbc = biopsy(date="2025-01-01", site="lung", er_status="negative", pr_status="negative", her2_ihc="0")
    subtype_change = "The subtype changed from HR+/HER2- to Triple-negative."
    assert subtype_change in map(str, derive.differences(primary, tnbc))


@pytest.mark.parametrize(
    "model, field_name",
    [
        (Diagnosis(first_diagnosis="2019-02-30"), "first_diagnosis"),
        (Diagnosis(first_diagnosis="2020-01-01", metastatic_diagnosis="2019-01-01"), "metastatic_diagnosis"),
        (Diagnosis(histology="sarcoma"), "histology"),
        (Metastasis(site=""), "site"),
        (Metastasis(site="other"), "site_other"),
        (biopsy(er_percent="lots"), "er_percent"),
        (biopsy(er_percent=120), "er_percent"),
        (biopsy(er_status="negative", er_percent=40), "er_percent"),
        (biopsy(date=None), "date"),
        (TreatmentLine(drugs=[], start="2024-06-03"), "drugs"),
        (TreatmentLine(drugs=["letrozole"], start="2024-06-03", stop="2024-01-01"), "stop"),
        (TreatmentLine(drugs=["letrozole"], start="2024-06-03", line_number="first"), "line_number"),
        (TreatmentLine(drugs=["drug x"], start="2024-06-03", setting="clinical-trial"), "trial_id"),
        (TreatmentLine(drugs=["letrozole"], start="2024-06-03", stop_reason="progression"), "stop"),
        (Medication(name=" "), "name"),
        (Symptom(date="2025-01-01", symptom="pain", severity=11), "severity"),
        (Symptom(date="2025-01-01", symptom="", severity=3), "symptom"),
        (LabValue(date="2025-01-01", test="CA 15-3", value="high"), "value"),
        (LabValue(date="2025-01-01", test="Vitamin D", value=30), "unit"),
    ],
)
def test_validation_names_the_field(model, field_name: str) -> None:
    with pytest.raises(FieldError) as info:
        model.validate()
    assert info.value.field == field_name and str(info.value)


def test_lab_value_defaults_marker_units_and_decimal_comma() -> None:
    value = LabValue(date="2025-01-01", test="CEA", value="3,1")
    value.validate()
    assert value.value == 3.1 and value.unit == "ng/mL"


def test_entries_round_trip_through_the_vault(vault: Vault, vault_path: Path) -> None:
    record = CancerRecord(vault)
    doc = vault.add_document(
        Path(__file__).parent / "data/images/lab-report-scan.png", category="pathology-report"
    )
    record.save(
        Diagnosis(
            first_diagnosis="2019-03-12",
            metastatic_diagnosis="2024-05-20",
            presentation="recurrence",
            histology="ductal",
            sex="female",
        )
    )
    record.save(biopsy(er_status="positive", er_percent=95, her2_ihc="1+"), links=[doc.id])
    line = record.save(
        TreatmentLine(
            line_number=1, drugs=["letrozole", "palbociclib"], start="2024-06-03", setting="first-line"
        )
    )
    record.save(Symptom(date="2025-01-02", symptom="pain", location="hip", severity=4))
    record.save(LabValue(date="2025-01-02", test="CA 15-3", value=42))
    record.save(
        TreatmentLine(
            line_number=1,
            drugs=["letrozole", "palbociclib"],
            start="2024-06-03",
            stop="2025-02-01",
            setting="first-line",
            best_response="partial",
            stop_reason="progression",
        ),
        record_id=line.id,
    )
    assert vault.records() == [doc]  # entries do not show among documents
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        reopened = CancerRecord(again)
        dx = reopened.diagnosis()
        assert dx is not None and dx.model.histology == "ductal"
        lines = reopened.treatment_lines()
        assert (
            len(lines) == 1 and lines[0].model.stop_reason == "progression" and lines[0].record.revision == 2
        )
        assert lines[0].record.title == "Line 1: letrozole + palbociclib"
        assert reopened.biopsies()[0].record.links == [doc.id]
        assert reopened.symptoms()[0].model.severity == 4
        assert reopened.lab_values("CA 15-3")[0].model.value == 42
        assert reopened.lab_tests() == ["CA 15-3"]
        assert all(e.record.author == again.person.id for e in reopened.symptoms())


def test_unknown_fields_of_a_newer_program_survive(vault: Vault) -> None:
    record = CancerRecord(vault)
    entry = record.save(Symptom(date="2025-01-02", symptom="fatigue", severity=5))
    vault.update_entry(entry.id, data={**entry.record.data, "future": [1, 2]})
    loaded = record.symptoms()[0]
    assert loaded.model.extra == {"future": [1, 2]}
    saved = record.save(loaded.model, record_id=loaded.id)
    assert saved.record.data["future"] == [1, 2]


def test_lab_csv_import_is_all_or_nothing_and_export_round_trips(vault: Vault, tmp_path: Path) -> None:
    record = CancerRecord(vault)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,test,value,unit\n2025-01-02,CA 15-3,42,U/mL\n2025-13-01,CEA,3.1,ng/mL\n"
        "2025-02-02,CA 27.29,n/a,U/mL\n"
    )
    report = import_lab_csv(record, bad)
    assert report.added == [] and len(report.errors) == 2
    assert report.errors[0].startswith("row 3:") and report.errors[1].startswith("row 4:")
    assert record.lab_values() == []
    good = tmp_path / "good.csv"
    good.write_text(
        "\ufeffDate,Test,Value,Unit,Lab\n2025-01-02,CA 15-3,42,U/mL,Fictional Lab\n"
        '2025-02-02,CA 15-3,38.5,U/mL,\n\n2025-02-02,CEA,"3,1",,\n'
    )
    report = import_lab_csv(record, good)
    assert not report.errors and len(report.added) == 3
    assert import_lab_csv(record, good).skipped_duplicates == 3  # importing twice stores nothing twice
    out = tmp_path / "out.csv"
    assert export_lab_csv(record, out) == 3
    lines = out.read_text().splitlines()
    assert lines[0] == "date,test,value,unit,lab"
    assert "2025-02-02,CEA,3.1,ng/mL," in lines
    header_only = tmp_path / "wrong.csv"
    header_only.write_text("when,what\n2025-01-01,x\n")
    assert "must name the columns" in import_lab_csv(record, header_only).errors[0]


def test_other_biomarkers_typed_as_lines() -> None:
    b = biopsy(others="AKT1: not detected\n\n TMB : 4 mut/Mb \nHRD")
    b.validate()
    assert b.others == [
        {"name": "AKT1", "result": "not detected"},
        {"name": "TMB", "result": "4 mut/Mb"},
        {"name": "HRD", "result": ""},
    ]
