"""Search of issue 12 through the real command line: text folded the same way at indexing and at
query time (ligatures, full-width forms, accents, soft hyphens), titles first, every kind of entry,
forgiving matching behind exact hits, plain sentences, and nothing from a part not shared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEST_WORK_FACTOR
from pdfmaker import ligature_pdf, text_pdf

from mbc_vault.importer import import_files
from mbc_vault.vault import Vault

MEMBER_PASSPHRASE = "lantern orchard 7731 pebble"


def _cli(vault_path: Path, passphrase_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "mbc-vault"), "search", str(vault_path), *args]
        + ["--passphrase-file", str(passphrase_file)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def _hits(vault_path: Path, passphrase_file: Path, query: str) -> list[dict[str, object]]:
    done = _cli(vault_path, passphrase_file, query, "--json")
    assert done.returncode == 0 and not done.stderr, done.stderr
    hits: list[dict[str, object]] = json.loads(done.stdout)
    return hits


#: one entry of every kind, each with a word of its own (the kind's fields, or its notes)
ENTRIES: dict[str, tuple[dict[str, object], str, str]] = {
    "diagnosis": ({"histology": "lobular", "histology_other": "wombatoid"}, "Diagnosis", "wombatoid"),
    "metastasis": ({"site": "bone", "found_by": "tapirscan of the spine"}, "Bone", "tapirscan"),
    "biopsy": (
        {"site": "liver", "others": [{"name": "okapigene", "result": "detected"}]},
        "Biopsy",
        "okapigene",
    ),
    "treatment-line": ({"drugs": ["narwhalimab"], "stop_reason": "side-effects"}, "Line 2", "narwhalimab"),
    "medication": ({"name": "ibexoprofen", "dose": "200 mg"}, "ibexoprofen 200 mg", "ibexoprofen"),
    "symptom": ({"symptom": "rash", "location": "forearm"}, "rash: 3/10", "forearm"),
    "lab-value": (
        {"test": "CA 15-3", "value": 37.0, "unit": "U/mL", "lab": "Lemurlab"},
        "CA 15-3",
        "lemurlab",
    ),
    "clinical-trial": ({"identifier": "NCT01234567", "site": "Gibbon Institute"}, "Trial", "gibbon"),
    "packet": ({"purpose": "second opinion for the marmoset board"}, "Packet", "marmoset"),
    "appointment": (
        {"date": "2026-12-06", "purpose": "Port check", "place": "Quetzal clinic"},
        "Port check",
        "quetzal",
    ),
    "contact": ({"name": "Dr. Ocelot", "role": "pathologist"}, "Dr. Ocelot", "ocelot"),
    "person-to-tell": ({"name": "Aunt Pangolin", "what_to_know": "the plan"}, "Aunt Pangolin", "pangolin"),
    "care-priorities": (
        {"answers": {"costs": {"answer": "the dugong bills", "date": "2026-01-02"}}},
        "Mine",
        "dugong",
    ),
    "legal-item": ({"item": "will", "original_location": "the axolotl drawer"}, "Will", "axolotl"),
}


@pytest.fixture
def record_vault(vault: Vault, vault_path: Path, tmp_path: Path) -> Path:
    """A vault with documents typeset with ligatures and entries of every kind; closed for the CLI."""
    folder = tmp_path / "in"
    folder.mkdir()
    report = import_files(
        vault,
        [
            ligature_pdf(
                folder / "report.pdf",
                [
                    ["Cover page"],
                    ["Diagnosis: quokka\ufb01brosis of the left lobe", "It di\ufb00ers from 2019."],
                ],
                title="Liver biopsy",
            ),
            text_pdf(
                folder / "note.pdf",
                [["Clinic note: the liver was normal; a biopsy is planned", "zebrawood pattern seen"]],
                title="Clinic note",
            ),
        ],
    )
    assert not report.problems
    liver, note = (
        sorted(report.added, key=lambda r: r.title)[1],
        sorted(report.added, key=lambda r: r.title)[0],
    )
    # text as another extractor (pdftotext, OCR) stores it: ligatures, full-width forms, soft hyphens
    vault.set_page_texts(
        note.id,
        [
            "Clinic note: the liver was normal; a biopsy is planned\nzebrawood pattern",
            "Signed o\ufb00 by Dr. Ｈａｒｅ. Quimioterapía sugerida. A bi\u00adopsy of the ﬂank.",
        ],
    )
    vault.update_metadata(liver.id, notes="Reviewed: ﬁbrosis conﬁrmed")
    appointment = None
    for kind, (data, title, _) in ENTRIES.items():
        record = vault.add_entry(kind, data, title=title, notes=f"notes of the {kind}")
        if kind == "appointment":
            appointment = record
    assert appointment is not None
    vault.add_entry(
        "question-list",
        {
            "appointment_id": appointment.id,
            "name": "Questions",
            "questions": [
                {"text": "Should I stop the cream?", "answer": ""},
                {
                    "text": "Is the rash from alpelisib something to worry about?",
                    "answer": "Capybara lotion helps",
                },
            ],
        },
        title="Questions",
    )
    vault.add_person("Sam", "son", ["care"], passphrase=MEMBER_PASSPHRASE, work_factor=TEST_WORK_FACTOR)
    vault.close()
    return vault_path


def test_words_are_folded_the_same_at_indexing_and_query_time(
    record_vault: Path, passphrase_file: Path
) -> None:
    # typeset with ligatures: the word is found as typed, on its page, highlighted as printed
    found = _hits(record_vault, passphrase_file, "quokkafibrosis")
    assert [(h["title"], h["page"]) for h in found] == [("Liver biopsy", 2)]
    assert "quokka" in str(found[0]["snippet"]) and "fibrosis" in str(found[0]["snippet"]).replace(
        "\ufb01", "fi"
    )
    assert [h["title"] for h in _hits(record_vault, passphrase_file, "differs")][:1] == ["Liver biopsy"]
    # text stored with ligatures, full-width letters, accents and soft hyphens, and notes pasted so
    assert [h["page"] for h in _hits(record_vault, passphrase_file, "signed off")] == [2]
    assert [h["page"] for h in _hits(record_vault, passphrase_file, "Hare")] == [2]
    assert [h["page"] for h in _hits(record_vault, passphrase_file, "quimioterapia")] == [2]
    assert [h["page"] for h in _hits(record_vault, passphrase_file, "flank biopsy")] == [2]
    notes = _hits(record_vault, passphrase_file, "fibrosis confirmed")
    assert notes[0]["title"] == "Liver biopsy" and notes[0]["page"] is None
    # the snippet is the original text, the highlight around the word as printed
    done = _cli(record_vault, passphrase_file, "confirmed")
    assert "[con\ufb01rmed]" in done.stdout, done.stdout
    done = _cli(record_vault, passphrase_file, "hare")
    assert "[Ｈａｒｅ]" in done.stdout and "[bi\u00adopsy]" not in done.stdout, done.stdout


def test_titles_first_and_a_query_across_title_and_text(record_vault: Path, passphrase_file: Path) -> None:
    ranked = [
        h["title"] for h in _hits(record_vault, passphrase_file, "liver biopsy") if h["kind"] == "document"
    ]
    assert ranked[:2] == ["Liver biopsy", "Clinic note"]
    across = _hits(record_vault, passphrase_file, "clinic zebrawood")
    assert [(h["title"], h["page"]) for h in across] == [("Clinic note", 1)]


def test_every_kind_of_entry_is_found_with_its_kind(record_vault: Path, passphrase_file: Path) -> None:
    for kind, (_, _, word) in ENTRIES.items():
        hits = _hits(record_vault, passphrase_file, word)
        assert [h["kind"] for h in hits] == [kind], (kind, hits)
        assert {"kind", "id", "title", "category", "snippet", "page"} <= hits[0].keys()
    rash = _hits(record_vault, passphrase_file, "rash")
    question = next(h for h in rash if h["kind"] == "question")
    assert question["title"] == "Is the rash from alpelisib something to worry about?"
    assert question["context"] == "Appointment on 2026-12-06" and question["item"] == 1
    assert _hits(record_vault, passphrase_file, "capybara")[0]["kind"] == "question"  # its answer
    assert _hits(record_vault, passphrase_file, "notes of the symptom")[0]["kind"] == "symptom"
    assert (
        _hits(record_vault, passphrase_file, "invasive lobular")[0]["kind"] == "diagnosis"
    )  # a code's label
    text = _cli(record_vault, passphrase_file, "alpelisib").stdout
    assert "(Question · Appointment on 2026-12-06)" in text, text


def test_forgiving_matches_come_behind_exact_ones(record_vault: Path, passphrase_file: Path) -> None:
    forms = _hits(record_vault, passphrase_file, "biopsies")
    assert {h["title"] for h in forms} >= {"Liver biopsy", "Clinic note"} and not any(
        h["exact"] for h in forms
    )
    typo = _cli(record_vault, passphrase_file, "quokkafibrossis")
    assert "Did you mean quokkafibrosis?" in typo.stdout and "Liver biopsy" in typo.stdout, typo.stdout
    assert _hits(record_vault, passphrase_file, "lemurlabs")[0]["kind"] == "lab-value"
    for spelling in ("CA15-3", "ca 15.3"):
        assert [h["kind"] for h in _hits(record_vault, passphrase_file, spelling)] == ["lab-value"], spelling
    # "biopsy" as typed first (titles, then text), then "biopsies", "biopsied"... of the forgiving tier
    mixed = _hits(record_vault, passphrase_file, "biopsy")
    exact = [h["exact"] for h in mixed]
    assert exact[0] and exact == sorted(exact, reverse=True) and mixed[0]["title"] == "Liver biopsy"


@pytest.mark.parametrize(
    "typed", ['"', '"unclosed', "*", "NEAR(", "- -", "((biopsy", "AND OR NOT", "x" * 10_000]
)
def test_whatever_is_typed_gives_a_sentence(record_vault: Path, passphrase_file: Path, typed: str) -> None:
    done = _cli(record_vault, passphrase_file, typed)
    assert done.returncode == 0 and not done.stderr, done.stderr
    assert (
        done.stdout.startswith(("No matches for", "Type a word to search")) or "biopsy" in done.stdout.lower()
    )
    assert "fts5" not in (done.stdout + done.stderr).lower() and "Traceback" not in done.stderr


def test_nothing_of_a_part_not_shared(record_vault: Path, tmp_path: Path) -> None:
    member = tmp_path / "member.txt"
    member.write_text(MEMBER_PASSPHRASE + "\n")
    assert _hits(record_vault, member, "quetzal")[0]["kind"] == "appointment"  # care was shared
    for word in ("quokkafibrosis", "ibexoprofen", "axolotl", "liver"):
        assert _hits(record_vault, member, word) == [], word
    typo = _cli(record_vault, member, "ibexoprofem")  # one edit from a word of the medical part
    assert typo.stdout.strip() == "No matches for \u201cibexoprofem\u201d.", typo.stdout


@pytest.mark.qt  # the CLI paints the demo vault's PDFs with QtGui
def test_demo_vault_finds_what_people_type(tmp_path: Path) -> None:
    exe = str(Path(sys.executable).parent / "mbc-vault")
    demo = subprocess.run([exe, "demo", str(tmp_path / "demo")], capture_output=True, text=True, timeout=120)
    passphrase = tmp_path / "demo.txt"
    passphrase.write_text(demo.stdout.split("Its passphrase is: ")[1].strip() + "\n")
    expect = {
        "rash": "question",
        "differs": "document",
        "biopsies": "document",
        "pathalogy": "document",
        "HER-2": "document",
        "CA15-3": "lab-value",
    }
    for query, kind in expect.items():
        hits = _hits(tmp_path / "demo", passphrase, query)
        assert kind in {h["kind"] for h in hits}, (query, hits)
    assert "Did you mean pathology?" in _cli(tmp_path / "demo", passphrase, "pathalogy").stdout
