"""The FHIR reader (mbc_vault/portal/fhir.py) on real samples and a fictional mCODE-style bundle."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from mbc_vault import messages
from mbc_vault.errors import InputFileError
from mbc_vault.portal import fhir
from mbc_vault.portal import read as portal_read
from mbc_vault.portal.fhir import read_fhir
from mbc_vault.portal.model import PortalRead
from mbc_vault.portal.read import read_portal_file

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


def test_too_large_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one size limit is read.py's, checked before the file is read (fhir.py has none of its own)."""
    monkeypatch.setattr(portal_read, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.json"
    big.write_bytes(b"{" + b" " * 100 + b"}")
    with pytest.raises(InputFileError) as error:
        read_portal_file(big)
    assert error.value.code == "portal-file-too-large" and "big.json" in str(error.value)
    assert not hasattr(fhir, "MAX_BYTES")


def test_a_too_large_member_of_an_apple_health_zip_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portal_read, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "export.zip"
    small = json.dumps({"resourceType": "Immunization", "vaccineCode": {"text": "Flu"}})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/clinical-records/a.json", small)
        big = json.dumps({"resourceType": "Immunization", "vaccineCode": {"text": "Flu " + "x" * 2000}})
        archive.writestr("apple_health_export/clinical-records/big.json", big)
    (read,) = read_portal_file(path)
    assert [f.kind for f in read.found] == ["immunization"]
    (problem,) = read.problems
    assert problem.code == "portal-member-unreadable" and problem.params["member"].endswith("big.json")


def test_a_damaged_member_of_an_apple_health_zip_is_named_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    good = json.dumps({"resourceType": "Immunization", "vaccineCode": {"text": "Flu"}})
    broken = json.dumps({"resourceType": "Immunization", "vaccineCode": {"text": "Tdap " * 200}})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("apple_health_export/clinical-records/a.json", good)
        archive.writestr("apple_health_export/clinical-records/broken.json", broken)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("apple_health_export/clinical-records/broken.json")
        start = member.header_offset + 30 + len(member.filename) + len(member.extra)
    for i in range(start + 2, start + member.compress_size - 2):  # its deflate data: a failed CRC
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    (read,) = read_portal_file(path)
    assert [f.data.get("vaccine") for f in read.found] == ["Flu"]
    (problem,) = read.problems
    assert problem.code == "portal-member-unreadable" and problem.params["member"].endswith("broken.json")


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


def test_100000_resources_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = json.dumps({"resource": {"resourceType": "Observation"}})
    data = '{"resourceType": "Bundle", "type": "collection", "entry": [' + ",".join([entry] * 100_000)
    data += "]}"

    def parse(text: str) -> object:
        raise AssertionError("the whole bundle was parsed")

    monkeypatch.setattr(fhir.json, "loads", parse)
    with pytest.raises(InputFileError) as error:
        read_fhir(data.encode(), "huge.json")
    assert error.value.code == "portal-too-many-resources" and "huge.json" in str(error.value)
    monkeypatch.undo()
    # the word "resource" as a value is not a resource: such a file is read
    entries = [{"resource": {"resourceType": "Condition", "code": {"text": "Asthma"}}}] * 10
    words = ["resource"] * (fhir.MAX_RESOURCES + 1)
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": entries, "words": words}
    assert len(read_fhir(json.dumps(bundle).encode(), "words.json").found) == 10


def _bundle(*resources: dict[str, object]) -> bytes:
    entries = [{"resource": {"id": str(n), **r}} for n, r in enumerate(resources)]
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}).encode()


def test_dates_of_every_precision() -> None:
    def condition(**onset: object) -> dict[str, object]:
        return {"resourceType": "Condition", "code": {"text": "Asthma"}, **onset}

    read = read_fhir(
        _bundle(
            condition(onsetDateTime="2019"),
            condition(onsetDateTime="2019-03"),
            condition(onsetDateTime="2019-03-05"),
            condition(onsetDateTime="2019-03-05T23:30:00-05:00"),
            condition(onsetPeriod={"start": "2018", "end": "2019-02"}, abatementDateTime="2020-06-01"),
            condition(onsetAge={"value": 45, "unit": "years"}),
            condition(onsetRange={"low": {"value": 40, "unit": "a"}, "high": {"value": 45, "unit": "a"}}),
            condition(onsetString="childhood"),
            condition(onsetDateTime="2019-02-30"),
            {
                "resourceType": "Immunization",
                "vaccineCode": {"text": "Flu"},
                "occurrenceString": "autumn 2020",
            },
            {"resourceType": "Immunization", "vaccineCode": {"text": "Tdap"}, "occurrenceDateTime": "2015"},
            {
                "resourceType": "Procedure",
                "code": {"text": "Port placement"},
                "performedPeriod": {"start": "2021-06"},
            },
            {
                "resourceType": "Procedure",
                "code": {"text": "Appendectomy"},
                "performedAge": {"value": 12, "unit": "a"},
            },
            {
                "resourceType": "Observation",
                "code": {"text": "CA 15-3"},
                "effectivePeriod": {"start": "2023-08-01T09:15:00Z", "end": "2023-08-01T10:00:00Z"},
                "valueQuantity": {"value": 30, "unit": "U/mL"},
            },
            {
                "resourceType": "Observation",
                "code": {"text": "CEA"},
                "effectiveDateTime": "2023",
                "valueQuantity": {"value": 2, "unit": "ng/mL"},
            },
            {"resourceType": "Observation", "code": {"text": "Note"}, "effectiveDateTime": "2023"},
            {"resourceType": "Encounter", "period": {"start": "2024-03-05T09:30:00+01:00"}},
            {"resourceType": "Patient", "name": [{"text": "Ana Fictional"}], "birthDate": "1968"},
        ),
        "dates.json",
    )
    conditions = [(f.data["onset"], f.data.get("notes", "")) for f in read.found if f.kind == "condition"]
    assert conditions == [
        ("2019-01-01", "Onset given as the year only: 2019"),
        ("2019-03-01", "Onset given as the month only: 2019-03"),
        ("2019-03-05", ""),
        ("2019-03-05", ""),  # the day as written, in its own time zone
        ("2018-01-01", "Onset given as the year only: 2018\nEnd given as the month only: 2019-02"),
        (None, "Onset: at age 45 years"),
        (None, "Onset: at age 40 a to 45 a"),
        (None, "Onset as given: childhood"),
        (None, "Onset as given: 2019-02-30"),
    ]
    assert [f.data["abated"] for f in read.found if f.kind == "condition"][4] == "2020-06-01"
    shots = {f.data["vaccine"]: f for f in read.found if f.kind == "immunization"}
    assert shots["Flu"].data["date"] is None and shots["Flu"].data["notes"] == "Date as given: autumn 2020"
    assert shots["Tdap"].data["date"] == "2015-01-01"
    procedures = {f.data["name"]: f.data for f in read.found if f.kind == "procedure"}
    assert procedures["Port placement"]["date"] == "2021-06-01"
    assert procedures["Appendectomy"]["date"] is None
    assert procedures["Appendectomy"]["notes"] == "Date: at age 12 a"
    labs = {f.data["test"]: f for f in read.found if f.kind == "lab-value"}
    assert labs["CA 15-3"].data["date"] == "2023-08-01" and labs["CA 15-3"].notes == ""
    assert labs["CEA"].data["date"] == "2023-01-01"
    assert labs["CEA"].notes == "Date given as the year only: 2023"  # no notes field: the record's notes
    (visit,) = [f for f in read.found if f.kind == "visit"]
    assert (visit.data["date"], visit.data["time"]) == ("2024-03-05", "09:30")
    (patient,) = [f for f in read.found if f.kind == "patient-details"]
    assert patient.data["date_of_birth"] is None and "1968" in patient.notes
    assert _problems(read) == {
        "portal-date-year-only": 4,  # 2019, 2018, Tdap 2015, CEA 2023 (not the result with no value)
        "portal-date-month-only": 3,
        "portal-date-as-age": 3,
        "portal-date-not-a-date": 3,
        "portal-birth-date-partial": 1,
        "portal-no-value": 1,
    }
    assert messages.text("portal-date-year-only", count=4).startswith(
        "4 date(s) gave only a year; they were kept"
    )


def test_a_receptor_dated_by_its_specimen_collected_in_a_period() -> None:
    read = read_fhir(
        _bundle(
            {"resourceType": "Specimen", "id": "s", "collection": {"collectedPeriod": {"start": "2021-02"}}},
            {
                "resourceType": "Observation",
                "code": {"coding": [{"code": "85337-4"}]},
                "specimen": {"reference": "Specimen/s"},
                "valueCodeableConcept": {"text": "Positive"},
            },
        ),
        "receptor.json",
    )
    (er,) = read.found
    assert er.data == {"er_status": "positive", "date": "2021-02-01"}
    assert er.notes == "Date given as the month only: 2021-02"


def test_medication_route_dose_timing_dates_and_status() -> None:
    read = read_fhir(
        _bundle(
            {
                "resourceType": "MedicationRequest",
                "status": "stopped",
                "medicationCodeableConcept": {"text": "ondansetron 8 mg tablet"},
                "authoredOn": "2024-01-10T10:00:00-05:00",
                "dispenseRequest": {"validityPeriod": {"start": "2024-01-10", "end": "2024-04-10"}},
                "dosageInstruction": [
                    {
                        "text": "Take 1 tablet every 8 hours if sick",
                        "timing": {"repeat": {"frequency": 1, "period": 8, "periodUnit": "h"}},
                        "asNeededBoolean": True,
                        "route": {"coding": [{"code": "26643006", "display": "Oral route"}]},
                        "doseAndRate": [{"doseQuantity": {"value": 8, "unit": "mg"}}],
                    }
                ],
            },
            {
                "resourceType": "MedicationStatement",
                "status": "active",
                "medicationCodeableConcept": {"text": "fulvestrant"},
                "effectivePeriod": {"start": "2024-02-01", "end": "2024-09-30"},
                "dosage": [
                    {
                        "timing": {"code": {"text": "every 28 days"}},
                        "route": {"text": "Intramuscular"},
                        "doseAndRate": [
                            {
                                "doseRange": {
                                    "low": {"value": 250, "unit": "mg"},
                                    "high": {"value": 500, "unit": "mg"},
                                }
                            }
                        ],
                    }
                ],
            },
            {
                "resourceType": "MedicationAdministration",
                "status": "completed",
                "medicationCodeableConcept": {"text": "zoledronic acid"},
                "effectiveDateTime": "2024-03",
                "dosage": {"route": {"text": "Intravenous"}, "dose": {"value": 4, "unit": "mg"}},
            },
        ),
        "meds.json",
    )
    meds = {f.data["name"].split()[0]: f for f in read.found}
    ondansetron = meds["ondansetron"]
    assert ondansetron.data == {
        "name": "ondansetron 8 mg tablet",
        "dose": "8 mg",
        "schedule": "once every 8 hours, as needed; Take 1 tablet every 8 hours if sick",
        "route": "Oral route",
        "start": "2024-01-10",
        "stop": "2024-04-10",
    }
    assert ondansetron.notes == "Status in the portal: stopped"
    fulvestrant = meds["fulvestrant"]
    assert (fulvestrant.data["dose"], fulvestrant.data["schedule"], fulvestrant.data["route"]) == (
        "250 mg to 500 mg",
        "every 28 days",
        "Intramuscular",
    )
    assert (fulvestrant.data["start"], fulvestrant.data["stop"], fulvestrant.notes) == (
        "2024-02-01",
        "2024-09-30",
        "",
    )
    zoledronic = meds["zoledronic"]
    assert (zoledronic.data["dose"], zoledronic.data["route"], zoledronic.data["start"]) == (
        "4 mg",
        "Intravenous",
        "2024-03-01",
    )
    assert zoledronic.notes == "Start given as the month only: 2024-03\nStatus in the portal: completed"


def test_a_secondary_cancer_is_a_site_of_metastasis_and_a_surgery_keeps_where_and_who() -> None:
    """Another system's "Secondary malignant neoplasm of liver" (no body site) and mCODE's secondary
    cancer condition with one become sites of metastasis, not other conditions; a Procedure's location,
    performer and notes are kept."""
    read = read_fhir(
        _bundle(
            {
                "resourceType": "Condition",
                "id": "m1",
                "code": {
                    "coding": [{"system": "http://snomed.info/sct", "code": "94381002"}],
                    "text": "Secondary malignant neoplasm of liver",
                },
                "onsetDateTime": "2024-05-02",
            },
            {
                "resourceType": "Condition",
                "id": "m2",
                "code": {"coding": [{"system": "http://snomed.info/sct", "code": "128462008"}]},
                "bodySite": [{"text": "Peritoneum"}],
            },
            {
                "resourceType": "Procedure",
                "id": "p1",
                "status": "completed",
                "code": {"text": "Mastectomy"},
                "performedDateTime": "2019-04-02",
                "location": {"display": "Example Hospital"},
                "performer": [{"actor": {"display": "Dr. Ana Fictional"}}],
                "note": [{"text": "Drain removed on day 5"}],
            },
        ),
        "vendor.json",
    )
    by_kind = Counter(f.kind for f in read.found)
    assert by_kind == {"metastasis": 2, "procedure": 1}
    liver, other = (f.data for f in read.found if f.kind == "metastasis")
    assert liver == {"site": "liver", "site_other": "", "date_found": "2024-05-02", "found_by": ""}
    assert other["site"] == "other" and other["site_other"] == "Peritoneum"
    (surgery,) = (f.data for f in read.found if f.kind == "procedure")
    assert surgery["place"] == "Example Hospital" and surgery["surgeon"] == "Dr. Ana Fictional"
    assert surgery["notes"] == "Drain removed on day 5"
