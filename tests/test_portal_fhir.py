"""The FHIR reader (mbc_vault/portal/fhir.py) on real samples and a fictional mCODE-style bundle."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from mbc_vault import messages
from mbc_vault.errors import InputFileError
from mbc_vault.portal import fhir
from mbc_vault.portal.fhir import read_fhir
from mbc_vault.portal.model import PortalRead

DATA = Path(__file__).parent / "data" / "portal"


def _read(name: str) -> PortalRead:
    return read_fhir((DATA / name).read_bytes(), name)


def _problems(read: PortalRead) -> dict[str, int]:
    return {p.code: p.count for p in read.problems}


def test_mcode_breast_bundle_maps_every_kind() -> None:
    read = _read("mcode-breast.json")
    assert read.format == "fhir-bundle"
    kinds = Counter(f.kind for f in read.found)
    assert kinds == {
        "patient-details": 1,
        "diagnosis": 1,
        "biomarker": 3,
        "lab-value": 2,
        "procedure": 2,
        "radiation": 1,
        "medication": 1,
        "allergy": 1,
        "immunization": 1,
    }
    by = {f.origin: f for f in read.found}
    assert by["Patient/p1"].data == {"name": "Ana Fictional", "date_of_birth": "1968-04-09"}
    assert by["Condition/c1"].data == {"first_diagnosis": "2021-02-15"}
    assert by["Observation/er"].data == {"er_status": "positive", "er_percent": 95, "date": "2021-02-10"}
    assert by["Observation/pr"].data == {"pr_status": "positive", "pr_percent": 20, "date": "2021-02-10"}
    assert by["Observation/her2"].data == {"her2_ihc": "1+", "date": "2021-02-10"}
    ca = by["Observation/ca2"].data
    assert ca == {"date": "2023-08-01", "test": "CA 15-3", "value": 52.5, "unit": "U/mL"}
    assert by["Procedure/lump"].data["side"] == "left"
    assert by["Procedure/slnb"].data["lymph_nodes"] == "sentinel-node-biopsy"
    rt = by["Procedure/rt"].data
    assert (rt["total_dose_gy"], rt["fractions"], rt["start"], rt["stop"]) == (
        40.05,
        15,
        "2021-04-12",
        "2021-04-30",
    )
    med = by["MedicationStatement/m1"]
    assert med.data["name"] == "letrozole 2.5 mg tablet" and med.data["start"] == "2021-05-03"
    assert med.data["dose"] == "2.5 mg once daily"
    assert med.key == "medication|letrozole 2.5 mg tablet|2021-05-03"
    allergy = by["AllergyIntolerance/a1"].data
    assert (allergy["substance"], allergy["reaction"], allergy["severity"]) == (
        "Penicillin",
        "Hives",
        "moderate",
    )
    assert by["Immunization/i1"].data == {"vaccine": "Influenza vaccine", "date": "2022-10-05"}
    assert _problems(read) == {"portal-no-value": 1, "portal-unknown-resources": 1}
    assert messages.text("portal-no-value", count=1) == "1 result(s) had no value and were left out."


def test_ips_document() -> None:
    read = _read("IPS-bundle-01.json")
    assert read.format == "ips"
    assert read.date == "2017-12-11" and read.title.startswith("Patient Summary")
    kinds = Counter(f.kind for f in read.found)
    assert kinds["medication"] == 2 and kinds["allergy"] == 2 and kinds["patient-details"] == 1
    assert _problems(read)["portal-no-value"] == 6


def test_ndjson_phr_and_a_bad_line() -> None:
    read = _read("TimmySmart.phr")
    assert read.format == "ndjson"
    kinds = Counter(f.kind for f in read.found)
    assert kinds["procedure"] == 58 and kinds["immunization"] == 17
    lines = (DATA / "TimmySmart.phr").read_bytes().splitlines()
    broken = b"\n".join([lines[0], b'{"resourceType": "Obs', *lines[1:]])
    again = read_fhir(broken, "TimmySmart.phr")
    assert _problems(again)["portal-bad-line"] == 1
    assert len(again.found) == len(read.found)


def test_no_known_allergies_and_single_resource() -> None:
    res = {"resourceType": "AllergyIntolerance", "code": {"coding": [{"code": "716186003"}]}}
    read = read_fhir(json.dumps(res).encode(), "a.json")
    assert read.format == "fhir-resource"
    assert read.found[0].data["no_known"] is True


def test_invalid_json_is_one_sentence() -> None:
    with pytest.raises(InputFileError) as error:
        read_fhir(b"{not json", "records.json")
    assert error.value.code == "portal-invalid-json" and "records.json" in str(error.value)


def test_too_large_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fhir, "MAX_BYTES", 100)
    with pytest.raises(InputFileError) as error:
        read_fhir(b" " * 101, "big.json")
    assert error.value.code == "portal-file-too-large" and "big.json" in str(error.value)


def test_60000_resources_refused() -> None:
    entry = {"resource": {"resourceType": "Observation"}}
    data = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [entry] * 60_000}).encode()
    with pytest.raises(InputFileError) as error:
        read_fhir(data, "huge.json")
    assert error.value.code == "portal-too-many-resources"


def test_cancel_stops_reading() -> None:
    from mbc_vault.errors import Cancelled

    with pytest.raises(Cancelled) as error:
        read_fhir((DATA / "mcode-breast.json").read_bytes(), "mcode-breast.json", cancel=lambda: True)
    assert "mcode-breast.json" in str(error.value)
