"""The C-CDA reader and IHE XDM zips: HL7's approved samples, a fictional breast-cancer CCD, the
tolerance vendors need (unknown xsi:type, nullFlavor, no namespace, odd timestamps, results only in a
table, narrative-only sections) and the attacks (entity bomb, XXE, 200 MB, 100,000 entries), each
refused with one sentence naming the file."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest

from mbc_vault import messages
from mbc_vault.errors import InputFileError, VaultError
from mbc_vault.portal.ccda import read_ccda
from mbc_vault.portal.ccda_parts import ts_date
from mbc_vault.portal.model import PortalRead
from mbc_vault.portal.read import read_portal_file, read_portal_files

DATA = Path(__file__).parent / "data" / "portal"
SAMPLES = DATA / "ccda"
NS = 'xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def read(name: str) -> PortalRead:
    path = SAMPLES / name if (SAMPLES / name).exists() else DATA / name
    return read_ccda(path.read_bytes(), name)


def kinds(result: PortalRead) -> Counter[str]:
    return Counter(f.kind for f in result.found)


def codes_of(result: PortalRead) -> dict[str, int]:
    return {p.code: p.count for p in result.problems}


def of(result: PortalRead, kind: str) -> list[dict[str, object]]:
    return [f.data for f in result.found if f.kind == kind]


def doc(body: str, root: str = f"<ClinicalDocument {NS}>") -> bytes:
    body = f"<title>Test</title><component><structuredBody>{body}</structuredBody></component>"
    return f"{root}{body}</ClinicalDocument>".encode()


def section(code: str, inner: str, title: str = "RESULTS") -> str:
    return f'<component><section><code code="{code}"/><title>{title}</title>{inner}</section></component>'


def result_entry(value: str, when: str = "20240105", code: str = "6875-9") -> str:
    return (
        f'<entry><organizer><component><observation><code code="{code}" displayName="CA 15-3"/>'
        f'<effectiveTime value="{when}"/>{value}</observation></component></organizer></entry>'
    )


def test_ccd1_reads_every_kind_with_its_real_values() -> None:
    result = read("CCD-1.xml")
    assert (result.format, result.title, result.date) == ("ccda", "Patient Chart Summary", "2013-08-15")
    assert kinds(result) == {
        "note": 8,
        "lab-value": 5,
        "condition": 4,
        "immunization": 3,
        "procedure": 3,
        "allergy": 2,
        "medication": 2,
        "patient-details": 1,
        "visit": 1,
    }
    assert of(result, "patient-details") == [{"name": "Eve Betterhalf", "date_of_birth": "1975-05-01"}]
    meds = of(result, "medication")
    assert meds[1]["name"] == "atenolol 25 MG Oral Tablet" and meds[1]["start"] == "2012-03-18"
    assert [a["substance"] for a in of(result, "allergy")] == ["Penicillin", "codeine"]
    penicillin = of(result, "allergy")[0]
    assert penicillin["reaction"] == "Nausea" and penicillin["severity"] == "severe"  # "Moderate to severe"
    hemoglobin = of(result, "lab-value")[0]
    assert (hemoglobin["test"], hemoglobin["value"], hemoglobin["unit"]) == ("Hemoglobin", 13.2, "g/dL")
    notes = [n["title"] for n in of(result, "note")]
    assert "ADVANCE DIRECTIVES" in notes and "INSURANCE PROVIDERS" in notes and "VITAL SIGNS" in notes
    assert codes_of(result)["portal-vitals-left-out"] == 8
    assert codes_of(result)["portal-immunization-not-given"] == 2
    (visit,) = [f for f in result.found if f.kind == "visit"]
    assert visit.optional  # encounters only if ticked
    assert visit.data["visit_type"].startswith("Office or other outpatient visit")
    assert {k: visit.data[k] for k in ("date", "time", "reason", "place")} == {
        "date": "2012-09-27",
        "time": "13:00",  # 201209271300-0500: the time as written, where it happened
        "reason": "Pneumonia",  # the indication (entryRelationship RSON)
        "place": "Good Health Urgent Care",  # the location's name
    }


@pytest.mark.parametrize(
    ("name", "expected", "check"),
    [
        (
            "CCD-2.xml",
            {"procedure": 3, "note": 2, "patient-details": 1, "allergy": 1},
            "Laparoscopic appendectomy",
        ),
        (
            "Consultation_Note.xml",
            {"note": 9, "lab-value": 5, "condition": 4, "allergy": 2, "medication": 2, "patient-details": 1},
            "Mixed asthma",
        ),
        ("Diagnostic_Imaging_Report.xml", {"note": 4, "patient-details": 1}, "Adam Everyman"),
        (
            "Discharge_Summary.xml",
            {
                "note": 16,
                "allergy": 3,
                "condition": 2,
                "patient-details": 1,
                "medication": 1,
                "immunization": 1,
                "procedure": 1,
            },
            "ibuprofen 600 MG Oral Tablet",
        ),
        ("Operative_Note.xml", {"note": 16, "patient-details": 1}, "Isabella Isa Jones"),
    ],
)
def test_each_hl7_sample_reads_with_its_kinds(name: str, expected: dict[str, int], check: str) -> None:
    result = read(name)
    assert dict(kinds(result)) == expected
    assert any(check in map(str, f.data.values()) for f in result.found)
    assert result.title and result.date


def test_hl7_sample_details() -> None:
    assert of(read("CCD-2.xml"), "allergy") == [{"no_known": True, "status": "active"}]
    discharge = of(read("Discharge_Summary.xml"), "allergy")
    assert [(a["substance"], a["category"], a["severity"]) for a in discharge] == [
        ("penicillin G", "medication", "severe"),
        ("codeine", "medication", "moderate"),
        ("Egg", "food", "moderate"),
    ]


def test_sections_alone_no_known_allergies_and_codeine() -> None:
    none = read("section-no-known-allergies.xml")
    assert of(none, "allergy") == [{"no_known": True, "status": "active"}]
    assert "portal-no-namespace" in codes_of(none)  # a bare section with xsi: undeclared is read too
    codeine = of(read("section-allergy-codeine.xml"), "allergy")
    assert len(codeine) == 1 and codeine[0]["substance"] == "codeine"
    assert codeine[0]["allergy_kind"] == "intolerance" and codeine[0]["reaction"] == "Nausea"


def test_breast_cancer_ccd_maps_oncology() -> None:
    result = read("ccda-breast.xml")
    assert of(result, "diagnosis") == [{"first_diagnosis": "2023-09-14"}]
    biomarkers = of(result, "biomarker")
    assert {"er_status": "positive", "er_percent": 95.0, "date": "2023-09-12"} in biomarkers
    assert {"pr_status": "positive", "date": "2023-09-12"} in biomarkers
    assert {"her2_ihc": "1+", "date": "2023-09-12"} in biomarkers
    labs = of(result, "lab-value")
    assert [(lab["test"], lab["value"], lab["date"]) for lab in labs] == [
        ("CA 15-3", 28.0, "2024-01-05"),
        ("CA 15-3", 38.5, "2024-05-02"),
    ]
    surgeries = of(result, "procedure")
    assert surgeries[0]["side"] == "left" and surgeries[0]["place"] == "Riverside Cancer Center"
    assert surgeries[1]["lymph_nodes"] == "sentinel-node-biopsy"
    radiation = of(result, "radiation")[0]
    assert (radiation["total_dose_gy"], radiation["fractions"], radiation["start"]) == (
        40.05,
        15,
        "2023-12-01",
    )
    med = of(result, "medication")[0]
    assert (med["name"], med["dose"], med["start"]) == (
        "letrozole 2.5 MG Oral Tablet",
        "2.5 mg",
        "2024-01-15",
    )
    condition = of(result, "condition")[0]
    assert condition["name"] == "Hypothyroidism" and condition["onset"] == "2019-01-01"  # nullFlavor code
    assert codes_of(result)["portal-partial-date"] == 1


@pytest.mark.parametrize(
    ("value", "date", "problem"),
    [
        ("2019", "2019-01-01", "portal-partial-date"),
        ("201903", "2019-03-01", "portal-partial-date"),
        ("20190301", "2019-03-01", None),
        ("201903011230", "2019-03-01", None),
        ("20190301123000.000-0500", "2019-03-01", None),
        ("20190301235959+1400", "2019-03-01", None),
        ("20191301", None, "portal-bad-date"),
        ("March 2019", None, "portal-bad-date"),
    ],
)
def test_timestamps_of_every_precision(value: str, date: str | None, problem: str | None) -> None:
    result = PortalRead(name="x.xml", format="ccda")
    assert ts_date(value, result) == date
    assert [p.code for p in result.problems] == ([problem] if problem else [])


def test_unknown_xsi_type_nullflavor_and_free_text_units() -> None:
    body = section(
        "30954-2",
        result_entry('<value xsi:type="SC" code="X">positive</value>')
        + result_entry('<value xsi:type="PQ" nullFlavor="UNK"/>')
        + result_entry(
            '<value xsi:type="XX-UNKNOWN" value="41" unit="units per millilitre"/>', "20190301123000.000-0500"
        )
        + result_entry('<value xsi:type="PQ" value="12"/>', "2019", code="2039-6"),
    )
    result = read_ccda(doc(body), "vendor.xml")
    labs = of(result, "lab-value")
    assert labs == [
        {"date": "2019-03-01", "test": "CA 15-3", "value": 41.0, "unit": "units per millilitre"},
        {"date": "2019-01-01", "test": "CEA", "value": 12.0, "unit": ""},
    ]
    problems = codes_of(result)
    assert problems["portal-result-not-number"] == 1 and problems["portal-no-value"] == 1
    assert problems["portal-partial-date"] == 1
    sentence = messages.render("portal-result-not-number", {"count": 1})
    assert sentence.startswith("1 result(s) were words")


def test_an_encounter_is_a_past_visit_with_whom_and_why() -> None:
    """A fictional encounter without a code: the performer's name, the encounter diagnosis as the
    reason (no indication given), the date without a time."""
    visit = (
        '<entry><encounter classCode="ENC" moodCode="EVN"><code nullFlavor="UNK"/>'
        '<effectiveTime><low value="20240305"/></effectiveTime>'
        "<performer><assignedEntity><assignedPerson><name><prefix>Dr.</prefix><given>Ada</given>"
        "<family>Fictional</family></name></assignedPerson></assignedEntity></performer>"
        '<entryRelationship typeCode="SUBJ"><act classCode="ACT" moodCode="EVN">'
        '<templateId root="2.16.840.1.113883.10.20.22.4.80"/><entryRelationship typeCode="SUBJ">'
        '<observation classCode="OBS" moodCode="EVN"><value xsi:type="CD" code="254837009" '
        'displayName="Breast cancer follow-up"/></observation></entryRelationship></act>'
        "</entryRelationship></encounter></entry>"
    )
    result = read_ccda(doc(section("46240-8", visit, "ENCOUNTERS")), "visit.xml")
    (found,) = result.found
    assert (found.kind, found.optional, found.label) == ("visit", True, "Breast cancer follow-up")
    assert found.data == {
        "date": "2024-03-05",
        "time": "",
        "visit_type": "",
        "reason": "Breast cancer follow-up",
        "place": "",
        "clinician": "Dr. Ada Fictional",
    }


def test_no_namespace_and_wrong_namespace_read_the_same() -> None:
    body = section("30954-2", result_entry('<value xsi:type="PQ" value="30" unit="U/mL"/>'))
    plain = read_ccda(
        doc(body, '<ClinicalDocument xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'), "a.xml"
    )
    wrong = read_ccda(doc(body, '<ClinicalDocument xmlns="urn:example:wrong">'), "b.xml")
    right = read_ccda(doc(body), "c.xml")
    assert of(plain, "lab-value") == of(wrong, "lab-value") == of(right, "lab-value") != []
    assert "portal-no-namespace" in codes_of(plain) and "portal-no-namespace" in codes_of(wrong)
    assert "portal-no-namespace" not in codes_of(right)


def test_results_only_in_a_table_are_read_from_it() -> None:
    table = (
        "<text><table><thead><tr><th>Test name</th><th>Value</th><th>Unit</th><th>Date</th></tr></thead>"
        "<tbody><tr><td>CA 27.29</td><td>45</td><td>U/mL</td><td>03/01/2024</td></tr>"
        "<tr><td>Hemoglobin</td><td>12.1</td><td>g/dL</td><td>2024-03-01</td></tr>"
        "<tr><td>Comment</td><td>see note</td><td></td><td></td></tr></tbody></table></text>"
    )
    result = read_ccda(doc(section("30954-2", table, "LAB RESULTS")), "table.xml")
    assert of(result, "lab-value") == [
        {"date": "2024-03-01", "test": "CA 27.29", "value": 45.0, "unit": "U/mL"},
        {"date": "2024-03-01", "test": "Hemoglobin", "value": 12.1, "unit": "g/dL"},
    ]
    assert result.problems[0].code == "portal-results-from-table" and result.problems[0].count == 2
    assert result.problems[0].params == {"section": "LAB RESULTS"}


def test_narrative_only_sections_become_notes_never_dropped() -> None:
    text = "<text><paragraph>Walks daily.</paragraph><list><item>No tobacco</item></list></text>"
    odd = "<text><table><tr><th>Remark</th></tr><tr><td>Labs pending</td></tr></table></text>"
    body = section("29762-2", text, "SOCIAL HISTORY") + section("30954-2", odd, "RESULTS")
    result = read_ccda(doc(body), "narrative.xml")
    assert of(result, "note") == [
        {"title": "SOCIAL HISTORY", "text": "Walks daily.\nNo tobacco"},
        {"title": "RESULTS", "text": "Remark\nLabs pending"},
    ]
    assert codes_of(result) == {"portal-narrative-kept": 2}


def refused(path: Path) -> VaultError:
    reads, failed = read_portal_files([path])
    assert reads == [] and len(failed) == 1
    name, error = failed[0]
    assert name == path.name and path.name in str(error) and "\n" not in str(error)
    return error


def test_entity_bomb_is_refused_in_one_sentence(tmp_path: Path) -> None:
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = tmp_path / "bomb.xml"
    dtd = f'<!DOCTYPE d [<!ENTITY lol0 "lol">{lol}]>'
    bomb.write_text(f'<?xml version="1.0"?>{dtd}<ClinicalDocument>&lol9;</ClinicalDocument>')
    assert refused(bomb).code == "portal-xml-unsafe"


def test_external_entity_is_refused_and_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = tmp_path / "xxe.xml"
    xxe.write_text(
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<ClinicalDocument {NS}><title>&x;</title><component/></ClinicalDocument>"
    )
    error = refused(xxe)
    assert error.code == "portal-xml-unsafe" and "TOP-SECRET" not in str(error)


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.xml"
    with big.open("wb") as out:
        out.write(f"<ClinicalDocument {NS}><component><structuredBody>".encode())
        chunk = b"<component><section><text>" + b"x" * (1 << 20) + b"</text></section></component>"
        for _ in range(200):
            out.write(chunk)
    assert refused(big).code == "portal-file-too-large"


def test_a_100000_entry_document_is_refused(tmp_path: Path) -> None:
    many = tmp_path / "many.xml"
    entry = result_entry('<value xsi:type="PQ" value="1" unit="U/mL"/>')
    many.write_bytes(doc(section("30954-2", entry * 100_000)))
    error = refused(many)
    assert error.code == "portal-too-many-entries" and "50,000" in str(error)


def test_damaged_and_other_xml_are_one_sentence(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.xml"
    damaged.write_text("<ClinicalDocument><component></ClinicalDocument>")
    assert refused(damaged).code == "portal-xml-invalid"
    other = tmp_path / "feed.xml"
    other.write_text("<rss><channel/></rss>")
    assert refused(other).code == "portal-not-ccda"


METADATA = """<?xml version="1.0"?>
<SubmitObjectsRequest xmlns="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"
 xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
 <rim:RegistryObjectList>{objects}</rim:RegistryObjectList></SubmitObjectsRequest>"""
OBJECT = """<rim:ExtrinsicObject id="{uri}" mimeType="text/xml">
 <rim:Slot name="URI"><rim:ValueList><rim:Value>{uri}</rim:Value></rim:ValueList></rim:Slot>
 <rim:Name><rim:LocalizedString value="{title}"/></rim:Name></rim:ExtrinsicObject>"""


def xdm(path: Path, docs: dict[str, str], titles: dict[str, str] | None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("INDEX.HTM", "<html><body>Index</body></html>")
        archive.writestr("README.TXT", "Exported records")
        archive.writestr("IHE_XDM/SUBSET01/STYLE.XSL", "<xsl:stylesheet/>")
        for member, sample in docs.items():
            archive.write(
                SAMPLES / sample if (SAMPLES / sample).exists() else DATA / sample,
                f"IHE_XDM/SUBSET01/{member}",
            )
        if titles is not None:
            objects = "".join(OBJECT.format(uri=u, title=t) for u, t in titles.items())
            archive.writestr("IHE_XDM/SUBSET01/METADATA.XML", METADATA.format(objects=objects))
    return path


def test_xdm_zip_reads_each_document_titled_from_metadata(tmp_path: Path) -> None:
    path = xdm(
        tmp_path / "export.zip",
        {"DOC0001.XML": "CCD-1.xml", "DOC0002.XML": "ccda-breast.xml"},
        {"DOC0001.XML": "Visit summary, Aug 2013"},
    )
    reads = read_portal_file(path)
    assert [r.name for r in reads] == [
        "export.zip › IHE_XDM/SUBSET01/DOC0001.XML",
        "export.zip › IHE_XDM/SUBSET01/DOC0002.XML",
    ]
    assert [r.title for r in reads] == ["Visit summary, Aug 2013", "Oncology Care Summary"]
    assert kinds(reads[1])["lab-value"] == 2 and reads[0].original == (SAMPLES / "CCD-1.xml").read_bytes()


def test_two_zips_of_one_export_without_metadata(tmp_path: Path) -> None:
    first = xdm(tmp_path / "part1.zip", {"DOC0001.XML": "CCD-2.xml"}, None)
    second = xdm(
        tmp_path / "part2.zip",
        {"DOC0002.XML": "Discharge_Summary.xml", "DOC0003.XML": "section-allergy-codeine.xml"},
        None,
    )
    reads, failed = read_portal_files([first, second])
    assert failed == []
    assert [r.title for r in reads] == [
        "Summary of Patient Chart",
        "Community Health and Hospitals: Discharge Summary",
        "Allergies, Adverse Reactions and Alerts",
    ]


def test_an_xdm_member_that_cannot_be_read_is_counted(tmp_path: Path) -> None:
    path = xdm(tmp_path / "export.zip", {"DOC0001.XML": "CCD-2.xml"}, None)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("IHE_XDM/SUBSET01/DOC0002.XML", "<ClinicalDocument><broken></ClinicalDocument>")
    reads = read_portal_file(path)
    assert len(reads) == 1 and codes_of(reads[0])["portal-member-unreadable"] == 1
    only_bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(only_bad, "w") as archive:
        archive.writestr("IHE_XDM/S/DOC0001.XML", "<!DOCTYPE x [<!ENTITY a 'b'>]><ClinicalDocument/>")
    with pytest.raises(InputFileError) as error:
        read_portal_file(only_bad)
    assert error.value.code == "portal-xml-unsafe" and "bad.zip" in str(error.value)


def test_cancel_stops_reading() -> None:
    from mbc_vault.errors import Cancelled

    with pytest.raises(Cancelled):
        read_ccda((SAMPLES / "CCD-1.xml").read_bytes(), "CCD-1.xml", cancel=lambda: True)
