"""The portal XML reader takes what vendors really send (issue 15): UTF-16 and declared encodings read
as UTF-8 does, bytes that are not the UTF-8 they claim read and counted, HTML's named characters in the
narrative, and a time limit on the read of one file after which the batch goes on. Documents are
made here from the fictional tests/data/portal/ccda-breast.xml and an HL7 sample section."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mbc_vault.errors import InputFileError
from mbc_vault.portal import deadline
from mbc_vault.portal.model import PortalRead
from mbc_vault.portal.read import read_portal_file, read_portal_files

DATA = Path(__file__).parent / "data" / "portal"
BREAST = (DATA / "ccda-breast.xml").read_text(encoding="utf-8")
#: the fictional patient with accents, and a narrative with a dash, in the breast-cancer CCD
ACCENTED = BREAST.replace(
    "<given>Rosa</given><family>Example</family>", "<given>José</given><family>Núñez</family>"
)
ACCENTED = ACCENTED.replace("health care: named daughter", "health care – her daughter, Señora Núñez")
UTF8_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def what(read: PortalRead) -> list[tuple[str, object, str, str]]:
    return [(f.kind, f.data, f.key, f.label) for f in read.found]


def problems(read: PortalRead) -> dict[str, int]:
    return {p.code: p.count for p in read.problems}


def written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf16_and_declared_encodings_read_as_utf8_does(tmp_path: Path) -> None:
    (reference,) = read_portal_file(written(tmp_path, "utf8.xml", ACCENTED.encode()))
    names = [f.data["name"] for f in reference.found if f.kind == "patient-details"]
    assert names == ["José Núñez"]
    assert any("– her daughter, Señora Núñez" in str(f.data.get("text")) for f in reference.found)
    saved_as = [
        ("UTF-16", "utf-16"),  # with a BOM, as Windows tools save it
        ("UTF-16", "utf-16-le"),  # without one
        ("windows-1252", "cp1252"),
        ("ISO-8859-1", "cp1252"),  # the dash is Windows-1252's: read as browsers read it
        ("ISO-8859-1", "utf-8"),  # re-saved as UTF-8 by a tool that kept the old declaration
    ]
    for declared, codec in saved_as:
        text = ACCENTED.replace(UTF8_DECLARATION, f'<?xml version="1.0" encoding="{declared}"?>')
        (read,) = read_portal_file(written(tmp_path, f"{codec}.xml", text.encode(codec)))
        assert what(read) == what(reference), (declared, codec)
        assert problems(read) == problems(reference)
    codeine = DATA / "ccda" / "section-allergy-codeine.xml"  # a bare section: xsi: used, not declared
    (utf8,) = read_portal_file(codeine)
    sixteen = written(tmp_path, "codeine16.xml", codeine.read_text(encoding="utf-8").encode("utf-16"))
    (read,) = read_portal_file(sixteen)
    assert what(read) == what(utf8) and any(f.kind == "allergy" for f in read.found)
    bundle = DATA / "mcode-breast.json"  # FHIR JSON saved as UTF-16 too
    (fhir,) = read_portal_file(
        written(tmp_path, "b16.json", bundle.read_text(encoding="utf-8").encode("utf-16"))
    )
    assert what(fhir) == what(read_portal_file(bundle)[0])


def test_latin1_bytes_in_a_utf8_document_are_read_and_counted(tmp_path: Path) -> None:
    (read,) = read_portal_file(written(tmp_path, "latin.xml", ACCENTED.encode("cp1252")))
    assert [f.data["name"] for f in read.found if f.kind == "patient-details"] == ["José Núñez"]
    assert problems(read)["portal-encoding-repaired"] == 7  # é ú ñ, – ñ ú ñ: each byte read as a letter


def test_html_named_characters_in_the_narrative_are_read(tmp_path: Path) -> None:
    narrative = (
        "Acme&nbsp;Fictional &ndash; Caf&eacute; &copy; 2024 &amp; &lt;plan&gt; "
        "<![CDATA[kept &nbsp; as written]]><!-- a comment &nbsp; -->"
    )
    text = ACCENTED.replace("Acme Fictional Health Plan", narrative)
    (read,) = read_portal_file(written(tmp_path, "html.xml", text.encode()))
    (note,) = [f.data["text"] for f in read.found if f.kind == "note" and "Acme" in f.data["text"]]
    assert "Acme Fictional – Café © 2024 & <plan> kept &nbsp; as written" in note.replace("\xa0", " ")

    unknown = written(tmp_path, "unknown.xml", ACCENTED.replace("Acme", "&foo;Acme").encode())
    with pytest.raises(InputFileError) as error:
        read_portal_file(unknown)
    assert error.value.code == "portal-xml-invalid" and "unknown.xml" in str(error.value)
    declared = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY nbsp "&#160;">]>'
    own = written(tmp_path, "own.xml", text.replace(UTF8_DECLARATION, declared).encode())
    with pytest.raises(InputFileError) as error:
        read_portal_file(own)
    assert error.value.code == "portal-xml-unsafe"  # a DTD of its own stays refused, HTML names or not


def test_a_file_too_slow_to_read_is_named_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = written(tmp_path, "slow.xml", ACCENTED.encode())
    slow_zip = tmp_path / "slow.zip"  # an IHE XDM export: its documents share the file's time
    with zipfile.ZipFile(slow_zip, "w") as archive:
        archive.writestr("IHE_XDM/SUBSET01/DOC0001.XML", ACCENTED)
        archive.writestr("IHE_XDM/SUBSET01/DOC0002.XML", ACCENTED)
    slow_json = DATA / "mcode-breast.json"
    good = written(tmp_path, "good.xml", ACCENTED.encode())

    def lowered(_done: int, _total: int, _stage: object, item: str) -> None:
        monkeypatch.setattr(deadline, "READ_SECONDS", 0.0 if item.startswith(("slow", "mcode")) else 60.0)

    reads, failed = read_portal_files([slow, slow_zip, slow_json, good], progress=lowered)
    assert [name for name, _ in failed] == ["slow.xml", "slow.zip", "mcode-breast.json"]
    for name, error in failed:
        assert error.code == "portal-read-too-slow"
        assert str(error) == (
            f"{name} took longer than 0 seconds to read; it may be damaged. Ask the portal for a smaller "
            "download, or split it."
        )
    assert [r.name for r in reads] == ["good.xml"] and what(reads[0]) == what(read_portal_file(good)[0])
