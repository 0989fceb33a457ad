"""Fuzzing what guesses from a file's bytes or name: the media-type sniffer, the import dialog's
proposals, the lab-values CSV reader and the sync tools' conflict names (mbc_vault/sync.py).

Properties: no exception (the CSV reader answers with sentences, never raises), no hang on bounded
inputs, and round trips: a text file is text however its first 4 KiB end, lab values exported then
read are the same values (whatever the line ends), a conflict name built from a canonical name
parses back to it. Settings: tests/fuzzing.py (`make fuzz` runs these longer).
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
from fuzzing import FUZZ, bounded
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mbc_vault import sync
from mbc_vault.cancer.labs_csv import HEADER, MAX_CSV_BYTES, lab_csv_text, read_lab_csv
from mbc_vault.cancer.models import LabValue
from mbc_vault.categories import CATEGORIES
from mbc_vault.documents import ARCHIVE_NAMES, MEDIA_TYPES_BY_SUFFIX, sniff_media_type
from mbc_vault.entry_model import FieldError
from mbc_vault.proposals import propose_category, propose_date, propose_title

MEDIA_TYPES = {*MEDIA_TYPES_BY_SUFFIX.values(), *ARCHIVE_NAMES, "application/octet-stream"}
MAGIC = {
    b"%PDF-1.7\n": "application/pdf",
    b"\xff\xd8\xff\xe0": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"II*\x00": "image/tiff",
    b"MM\x00*": "image/tiff",
}
#: tests that write one file in tmp_path, the same for every example (so sharing the fixture is fine)
FUZZ_FILES = settings(
    FUZZ, suppress_health_check=[*FUZZ.suppress_health_check, HealthCheck.function_scoped_fixture]
)
#: how much of a file the importer reads to sniff it (extract.read_file, Vault.add_document)
HEAD = 4096
_NAMES = st.sampled_from(
    ["", "scan", "report.pdf", "photo.JPG", "x.tiff", "notes.txt", "a.heic", ".pdf"]
) | st.text(max_size=30)


# -- the media-type sniffer ----------------------------------------------------------------------


@FUZZ
@given(st.sampled_from(list(MAGIC)) | st.just(b""), st.binary(max_size=300), _NAMES)
@bounded
def test_the_sniffer_always_answers_a_known_type_and_magic_wins(magic: bytes, tail: bytes, name: str) -> None:
    head = magic + tail
    media = sniff_media_type(head, name)
    assert media in MEDIA_TYPES
    if magic and b"%PDF-" not in head[:1024]:
        assert media == MAGIC[magic]


_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="%"), min_size=1, max_size=40)


@FUZZ
@given(_TEXT, st.integers(0, 3000), st.sampled_from(["note", "note.md", "", "letter.txt"]))
@example("ñ", 2049, "note")  # 4098 bytes, the first 4096 end at a character
@example(
    "0\x80\x80\x80\x80\U00010000" + "0", 293, "note"
)  # found by the fuzzer: the first 4096 bytes end inside a character
@example("€", 1366, "note")  # the same, simplest: 4098 bytes, the first 4096 end inside a "€"
@bounded
def test_a_text_file_is_text_however_its_first_bytes_end(pattern: str, repeat: int, name: str) -> None:
    data = (pattern * repeat).encode("utf-8")
    if not data or any(data.startswith(m[:4]) for m in MAGIC):
        return
    assert sniff_media_type(data[:HEAD], name) == "text/plain"


# -- the import dialog's guesses -----------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "LIVING WILL",
        "Insurance:",
        "PATHOLOGY REPORT",
        "Date of service: ",
        "DOB: ",
        "2024-02-30",
        "03/04/2024",
    ]
    + ["March 5, 2024", "5 Mar 2024", "9999-99-99", "\n", " ", ":", "CBC", "00/00/0000", "Untitled"]
)
_DOCUMENT_TEXT = st.lists(_WORDS | st.text(max_size=20), max_size=30).map("".join)


@FUZZ
@given(_DOCUMENT_TEXT, st.integers(1, 400), _DOCUMENT_TEXT, st.text(max_size=60))
@bounded
def test_the_proposals_always_give_a_category_a_real_date_or_none_and_a_title(
    text: str, repeat: int, pdf_title: str, file_name: str
) -> None:
    body = text * repeat  # up to a few hundred KiB of text: what a long report gives
    assert propose_category(body, pdf_title + file_name) in CATEGORIES
    date = propose_date(body)
    assert date is None or 1900 <= dt.date.fromisoformat(date).year <= 2100
    title = propose_title(pdf_title, file_name, body)
    assert isinstance(title, str) and 0 < len(title) <= 200


# -- the lab-values CSV --------------------------------------------------------------------------

_CELL = st.sampled_from(
    ["", " ", "2024-03-01", "CA 15-3", "CEA", "42", "3,1", "-1", "n/a", "U/mL", '"', "a,b"]
) | (st.text(max_size=12))
_ROW = st.lists(_CELL, max_size=6)


@st.composite
def _csv_files(draw: st.DrawFn) -> bytes:
    header = draw(
        st.sampled_from([HEADER, HEADER[:4], ["Date", "Test", "Value", "Unit"], ["when", "what"], []])
    )
    rows = [header, *draw(st.lists(_ROW, max_size=8))]
    line_end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = line_end.join(",".join(row) for row in rows)
    if draw(st.booleans()):  # one very long cell, quoted or not
        text += (
            line_end
            + "2024-01-01,CEA,"
            + draw(st.sampled_from(['"', ""]))
            + "1" * draw(st.sampled_from([10, 131073, 300_000]))
        )
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return text.encode(encoding, "replace")


@FUZZ_FILES
@given(_csv_files() | st.binary(max_size=300))
@example(b'date,test,value,unit\n"' + b"x" * 200_000 + b'",a,1,u\n')
@bounded
def test_a_lab_csv_reads_as_validated_values_or_sentences(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "labs.csv"
    path.write_bytes(raw)
    values, errors = read_lab_csv(path)
    for error in errors:
        assert error.startswith("row ") or error.startswith("labs.csv"), error
    for value in values:
        checked = LabValue.from_data(value.to_data())
        checked.validate()
        assert checked.to_data() == value.to_data()


_LAB_TEXT = st.text(st.characters(codec="utf-8"), max_size=12).filter(lambda t: "\r\n" not in t)


@st.composite
def _lab_values(draw: st.DrawFn) -> LabValue:
    value = LabValue.from_form(
        {
            "date": draw(st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31))).isoformat(),
            "test": draw(_LAB_TEXT | st.sampled_from(["CA 15-3", "CEA", "Hemoglobin"])),
            "value": draw(st.floats(min_value=0, max_value=1e12, allow_nan=False) | st.integers(0, 10**9)),
            "unit": draw(_LAB_TEXT | st.sampled_from(["U/mL", "g/dL"])),
            "lab": draw(_LAB_TEXT).strip(),
        }
    )
    try:
        value.validate()
    except FieldError:
        value = LabValue(date="2024-01-01", test="CEA", value=1.5, unit="ng/mL")
    return value


@FUZZ_FILES
@given(st.lists(_lab_values(), max_size=6), st.sampled_from(["\n", "\r\n", "\r"]))
@example([LabValue(date="2024-01-01", test="Viral load", value=1234567.0, unit="copies/mL")], "\n")
@example([LabValue(date="2000-01-01", test="0", value=0.0, unit="0\r0", lab="")], "\n")
@example([LabValue(date="2024-01-01", test="CEA", value=3.1, unit="ng/mL")], "\r")  # was csv.Error
@bounded
def test_lab_values_exported_then_read_are_the_same_values(
    tmp_path: Path, values: list[LabValue], line_end: str
) -> None:
    path = tmp_path / "labs.csv"
    text = lab_csv_text(values)
    if line_end != "\r\n":  # the file as an editor that changed its line ends (not inside quotes) saved it
        rows = text.split("\r\n")
        text = line_end.join(rows)
    path.write_bytes(text.encode("utf-8"))
    read, errors = read_lab_csv(path)
    assert errors == []
    assert [v.to_data() for v in read] == [v.to_data() for v in values]


def test_a_lab_csv_past_the_limit_is_refused_with_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"date,test,value,unit\n" + b"2024-01-01,CEA,1,ng/mL\n" * (MAX_CSV_BYTES // 20))
    assert read_lab_csv(path) == ([], ["big.csv is too large for a lab-values file."])


# -- sync tools' names ---------------------------------------------------------------------------

_HEX = st.text("0123456789abcdef", min_size=20, max_size=20)
_HEX16 = st.text("0123456789abcdef", min_size=16, max_size=16)


@st.composite
def _canonical(draw: st.DrawFn) -> tuple[str, str]:
    folder = draw(st.sampled_from(["", *sync.ID_FOLDERS, *sync.VERSION_FOLDERS]))
    if folder == "":
        return folder, draw(st.sampled_from(sync.ROOT_AGE_FILES))
    if folder in sync.VERSION_FOLDERS:
        return folder, f"{draw(_HEX)}-{draw(_HEX16)}.age"
    return folder, f"{draw(_HEX)}.age"


_WHO = st.text(string.ascii_letters + string.digits + " ._-\u2019'é", min_size=1, max_size=16).filter(
    lambda w: w.strip() == w and "'s " not in w
)
_STAMP = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2099, 12, 31))


@st.composite
def _conflict_name(draw: st.DrawFn, name: str) -> tuple[str, str]:
    """A conflict copy of *name* as one of the sync tools names it: (the copy's name, the tool)."""
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, dot + ext) if stem else (name, "")
    when = draw(_STAMP)
    day, time = when.strftime("%Y-%m-%d"), when.strftime("%H%M%S")
    who = draw(_WHO)
    device = draw(st.text(string.ascii_uppercase + string.digits, min_size=7, max_size=7))
    forms = {
        "Syncthing": f"{stem}.sync-conflict-{when:%Y%m%d}-{time}-{device}{ext}",
        "Dropbox": draw(
            st.sampled_from(
                [
                    f"{stem} ({who}'s conflicted copy {day}){ext}",
                    f"{stem} ({who}\u2019s conflicted copy {day} ({draw(st.integers(1, 99))})){ext}",
                    f"{stem} (Case Conflict){ext}",
                    f"{stem} (Selective Sync Conflict {draw(st.integers(1, 9))}){ext}",
                ]
            )
        ),
        "Nextcloud": draw(
            st.sampled_from(
                [
                    f"{stem} (conflicted copy {day} {time}){ext}",
                    f"{stem} (conflicted copy from {who} {day} {time}){ext}",
                    f"{stem} (case clash from {who} {day} {time}){ext}",
                    f"{stem}_conflict-{when:%Y%m%d}-{time}{ext}",
                ]
            )
        ),
    }
    tool = draw(st.sampled_from(sorted(forms)))
    return forms[tool], tool


@FUZZ
@given(st.data())
@bounded
def test_a_conflict_name_built_from_a_canonical_name_parses_back_to_it(data: st.DataObject) -> None:
    folder, name = data.draw(_canonical())
    assert sync.is_canonical(folder, name) and sync.classify(folder, name) == "canonical"
    copy, tool = data.draw(_conflict_name(name))
    assert sync.conflict_original(copy) == (name, tool)
    assert sync.classify(folder, copy) == "conflict"
    twice, outer = data.draw(_conflict_name(copy))  # a conflict copy of a conflict copy
    assert sync.conflict_original(twice) == (name, outer)
    assert sync.classify(folder, twice) == "conflict"


_NAME_PARTS = st.sampled_from(
    [".sync-conflict-", " (", ")", "'s conflicted copy ", "conflicted copy", "_conflict-", ".age", "."]
    + ["20240101-120000", "-ABCDEFG", "0123456789abcdef0123", ".tmp", ".~", " ", "("]
)


@FUZZ
@given(
    st.sampled_from(["", *sync.ID_FOLDERS, *sync.VERSION_FOLDERS, "elsewhere"]),
    st.lists(_NAME_PARTS | st.text(max_size=8), max_size=40).map("".join) | st.text(max_size=255),
    st.integers(1, 8),
)
@bounded
def test_any_file_name_is_classified_without_error(folder: str, name: str, repeat: int) -> None:
    name = name * repeat  # up to a few KiB: far past what a file system allows
    kind = sync.classify(folder, name)
    assert kind in {"canonical", "conflict", "temporary", "unknown"}
    original = sync.conflict_original(name)
    if kind == "conflict":
        assert original is not None and sync.is_canonical(folder, original[0])
    sync.is_temporary(name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("0123456789abcdef0123.sync-conflict-20240101-120000-ABCDEFG.age", "0123456789abcdef0123.age"),
        ("info (Jane's conflicted copy 2024-01-01).age", "info.age"),
        ("0123456789abcdef0123_conflict-20240101-120000.age", "0123456789abcdef0123.age"),
    ],
)
def test_known_conflict_names(name: str, expected: str) -> None:
    """Anchors for the generated forms above, from the tools' documentation."""
    assert sync.conflict_original(name)[0] == expected  # type: ignore[index]
