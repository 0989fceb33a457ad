"""Hostile and broken documents in a packet: the same sentences as before the PDF worker, and a
document that stops the worker (a crash, an endless loop, a memory bomb) or breaks the assembly is
named, or left out when the person chose so, while the others still make the packet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE
from hostilemaker import looping_pdf
from pdfcheck import all_text, page_count, page_text
from pdfmaker import _pdf, text_bomb_pdf, text_pdf

from mbc_vault.packet import Cover, PacketChoices, PacketProblems, build_packet
from mbc_vault.packet import sources as packet_sources
from mbc_vault.pdf import client
from mbc_vault.vault import Vault

SAMPLES = DATA / "pdf-samples"

#: the worker, with a PDF reader that fails on marked files the way a broken library would
FAILING_READER = r"""
import ctypes
from mbc_vault.pdf import assemble, sanitize
from mbc_vault.pdf.worker import main

checked, one = sanitize.sanitize, sanitize.sanitize_one
written, assembled = sanitize.trial_write, assemble.assemble
breaking, current = set(), []

def fake_sanitize(request):
    for key, data in zip(request.args["keys"], request.blobs):
        if b"BREAK-THE-ASSEMBLY" in data:
            breaking.add(key)
    return checked(request)

def fake_sanitize_one(data, check=False):
    if b"CRASH-THE-READER" in data:
        ctypes.string_at(0)
    if b"LOOP-THE-READER" in data:
        while True:
            pass
    if b"EAT-THE-MEMORY" in data:
        eaten = []
        while True:
            eaten.append(bytearray(64 << 20))
    current[:] = [data]
    return one(data, check)

def fake_trial_write(pdf):
    if b"BREAK-THE-ASSEMBLY" in current[0]:
        raise RuntimeError("unexpected end of stream data")
    return written(pdf)

def fake_assemble(request):
    if any(part.get("key") in breaking for part in request.args["parts"]):
        ctypes.string_at(0)
    return assembled(request)

sanitize.sanitize, sanitize.sanitize_one = fake_sanitize, fake_sanitize_one
sanitize.trial_write, assemble.assemble = fake_trial_write, fake_assemble
main()
"""


@pytest.fixture
def failing_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client, "worker_command", lambda: [sys.executable, "-c", FAILING_READER])


def _add(vault: Vault, path: Path, title: str) -> str:
    return vault.add_document(path, category="lab-result", title=title, allow_duplicate=True).id


def _choices(ids: list[str], skip: bool = False) -> PacketChoices:
    cover = Cover(patient_name="Jane Example", date_of_birth="1971-04-02")
    return PacketChoices(cover=cover, document_ids=ids, include_summary=False, skip_problem_documents=skip)


def _marked(path: Path, marker: str) -> Path:
    return text_pdf(path, [[f"{marker} page text"]])


def test_hostile_documents_get_the_same_sentences(qapp, vault: Vault, tmp_path: Path) -> None:
    loop = looping_pdf(tmp_path / "loop.pdf")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n")
    ids = {
        "Good": _add(vault, text_pdf(tmp_path / "good.pdf", [["Good walrus page"]]), "Good"),
        "Bomb": _add(vault, text_bomb_pdf(tmp_path / "bomb.pdf", megabytes=300), "Bomb"),
        "Loop": _add(vault, loop, "Loop"),
        "Empty": _add(vault, empty, "Empty"),
        "Damaged": _add(vault, damaged, "Damaged"),
        "Locked": _add(
            vault, SAMPLES / "005-libreoffice-writer-password" / "libreoffice-writer-password.pdf", "Locked"
        ),
    }
    out = tmp_path / "p.pdf"
    with pytest.raises(PacketProblems) as caught:
        build_packet(vault, _choices(list(ids.values())), out)
    reasons = {p.title: p.reason for p in caught.value.problems}
    assert reasons == {
        "Loop": "the PDF is damaged (its page tree loops back on itself)",
        "Empty": "it has no pages",
        "Damaged": "the PDF is damaged (root of pages tree has no /Kids array)",
        "Locked": (
            "it is password-protected; save a copy without the password (or print it to PDF) and add "
            "that instead"
        ),
    }
    assert not out.exists() and not list(tmp_path.glob(".tmp-*"))
    # the bomb goes in as it came (as before): its content is never decoded, so it costs nothing
    result = build_packet(vault, _choices(list(ids.values()), skip=True), out)
    assert [s.title for s in result.sections if s.kind == "document"] == ["Good", "Bomb"]
    assert out.stat().st_size < (tmp_path / "bomb.pdf").stat().st_size + 200_000
    assert page_count(out) == result.pages


@pytest.mark.parametrize(
    ("marker", "reason"),
    [
        ("CRASH-THE-READER", "the PDF reader stopped on it; it may be damaged"),
        ("LOOP-THE-READER", "reading it took too long and was stopped; it may be damaged"),
        ("EAT-THE-MEMORY", "it needs far more memory than a medical record could"),
    ],
    ids=["crash", "endless-loop", "memory-bomb"],
)
def test_a_document_that_stops_the_worker_is_named_and_the_others_make_the_packet(
    qapp,
    vault: Vault,
    tmp_path: Path,
    failing_reader: None,
    monkeypatch: pytest.MonkeyPatch,
    marker: str,
    reason: str,
) -> None:
    if marker == "LOOP-THE-READER":
        monkeypatch.setattr(packet_sources, "CHECK_TIME_S", 2.0)
    first = _add(vault, text_pdf(tmp_path / "first.pdf", [["First walrus page"]]), "First")
    bad = _add(vault, _marked(tmp_path / "bad.pdf", marker), "Bad")
    last = _add(vault, text_pdf(tmp_path / "last.pdf", [["Last quokka page"]]), "Last")
    out = tmp_path / "p.pdf"
    with pytest.raises(PacketProblems) as caught:
        build_packet(vault, _choices([first, bad, last]), out)
    assert [(p.title, p.reason.split(":")[0]) for p in caught.value.problems] == [("Bad", reason)]
    assert "ask for a new copy, or scan the paper original" in caught.value.problems[0].reason
    assert not out.exists()
    # left out: the worker that held "First" was stopped, so "First" is sent again to its next process
    result = build_packet(vault, _choices([first, bad, last], skip=True), out)
    assert [p.title for p in result.left_out] == ["Bad"]
    assert [s.title for s in result.sections if s.kind == "document"] == ["First", "Last"]
    text = all_text(out)
    assert "First walrus page" in text and "Last quokka page" in text and marker not in text
    assert "Bad" not in page_text(out, 1)  # the cover lists only what is inside


def test_a_document_that_breaks_the_assembly_is_found_and_left_out(
    qapp, vault: Vault, tmp_path: Path, failing_reader: None
) -> None:
    first = _add(vault, text_pdf(tmp_path / "first.pdf", [["First walrus page"]]), "First")
    bad = _add(vault, _marked(tmp_path / "bad.pdf", "BREAK-THE-ASSEMBLY"), "Breaks it")
    last = _add(vault, text_pdf(tmp_path / "last.pdf", [["Last quokka page"]]), "Last")
    out = tmp_path / "p.pdf"
    with pytest.raises(PacketProblems) as caught:
        build_packet(vault, _choices([first, bad, last]), out)
    assert [(p.title, p.reason) for p in caught.value.problems] == [
        ("Breaks it", "the PDF is damaged (unexpected end of stream data)")
    ]
    assert not out.exists() and not list(tmp_path.glob(".tmp-*"))
    result = build_packet(vault, _choices([first, bad, last], skip=True), out)
    assert [p.title for p in result.left_out] == ["Breaks it"]
    assert [s.title for s in result.sections if s.kind == "document"] == ["First", "Last"]
    assert "Breaks it" not in page_text(out, 1)
    assert "Last quokka page" in all_text(out)


def test_a_looping_page_tree_is_refused_at_import_as_the_packet_would(
    vault: Vault, vault_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    """PDFium reads one page of a page tree that loops back on itself and says nothing; the packet's
    pikepdf cannot copy it. Import asks the same question, so the file is refused then, in words,
    through the real `mbc-vault add`, and the good file after it is still added."""
    (tmp_path / "in").mkdir()
    loop = looping_pdf(tmp_path / "in" / "loop.pdf")
    good = text_pdf(tmp_path / "in" / "good.pdf", [["Good walrus page"]])
    vault.close()
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mbc-vault"), "add", str(vault_path), str(loop), str(good)]
        + ["--passphrase-file", str(passphrase_file)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "MBC_VAULT_PASSPHRASE"},
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (
        "mbc-vault: loop.pdf is damaged and cannot be read. Ask for a new copy, or scan the paper original."
    )
    assert done.stdout.count("Added ") == 1
    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        assert [r.original_name for r in reopened.records()] == ["good.pdf"]
    finally:
        reopened.close()
