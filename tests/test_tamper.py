"""Tampering and bit rot: every altered, truncated or swapped vault file is detected and
reported with the record it concerns; a document never yields wrong bytes.

One byte at a time is altered in place (and put back), then the vault is asked about it:
verify() for records, documents, page texts, people and info.age (one open Vault object,
reused), and Vault.open for keys/ and keyrings/ (they are read only while opening).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR

from mbc_vault.age.stream import CHUNK_SIZE, ENC_CHUNK_SIZE, NONCE_SIZE
from mbc_vault.errors import IntegrityError, RecordNotFound, VaultError, WrongPassphrase
from mbc_vault.vault import Vault

PDF = DATA / "pdf-samples" / "001-trivial" / "minimal-document.pdf"
PNG = DATA / "images" / "lab-report-scan.png"
PDF_TEXTS = ["Biopsy report, page one", "Page two: margins clear"]
PNG_TEXTS = ["Blood count scan"]
#: how each position is altered: a low bit, every bit, the ASCII case bit, the high bit
MASKS = (0x01, 0xFF, 0x20, 0x80)


def _mask(pos: int) -> int:
    return MASKS[pos % len(MASKS)]


def payload_start(data: bytes) -> int:
    """Offset of the first payload chunk of an age file (after the header and the 16-byte nonce)."""
    mac_line = data.index(b"\n--- ") + 1
    return data.index(b"\n", mac_line) + 1 + NONCE_SIZE


@dataclass
class Setup:
    path: Path
    vault: Vault
    pid: str
    text: str  # record ids
    text2: str
    big: str
    pdf: str
    png: str
    originals: dict[str, bytes] = field(default_factory=dict)

    def record_file(self, rid: str) -> Path:
        return self.path / "records" / f"{rid}.age"

    def document_file(self, rid: str) -> Path:
        document = self.vault.get(rid).document
        assert document is not None
        return self.path / "documents" / f"{document.id}.age"

    def texts_file(self, rid: str) -> Path:
        return self.path / "texts" / f"{rid}.age"

    def rel(self, file: Path) -> str:
        return file.relative_to(self.path).as_posix()


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    path = tmp_path / "vault"
    created = Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    pid = created.person.id
    rng = random.Random(1234)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    text = "".join(f"Question {i} for the oncologist: ask about dose {i * 7}.\n" for i in range(40))[:1024]
    text2 = "".join(f"Appointment {i}: bring the scan CD and list of medicines.\n" for i in range(40))[:1024]
    assert len(text) == len(text2) == 1024  # same size: a swap is caught by the nonce, not the size
    (inputs / "questions.txt").write_text(text)
    (inputs / "appointments.txt").write_text(text2)
    (inputs / "scan.bin").write_bytes(rng.randbytes(3 * CHUNK_SIZE + 8192))  # four payload chunks
    ids = {
        "pdf": created.add_document(
            PDF, category="pathology-report", title="Biopsy report", page_texts=PDF_TEXTS
        ).id,
        "png": created.add_document(PNG, category="lab-result", title="Blood count", page_texts=PNG_TEXTS).id,
        "text": created.add_document(inputs / "questions.txt", category="questions", title="Questions").id,
        "text2": created.add_document(
            inputs / "appointments.txt", category="appointments", title="Visits"
        ).id,
        "big": created.add_document(inputs / "scan.bin", category="imaging-report", title="CT scan").id,
    }
    created.close()
    vault = Vault.open(path, PASSPHRASE, use_cache=False)
    s = Setup(path=path, vault=vault, pid=pid, **ids)
    s.originals = {
        ids["pdf"]: PDF.read_bytes(),
        ids["png"]: PNG.read_bytes(),
        ids["text"]: (inputs / "questions.txt").read_bytes(),
        ids["text2"]: (inputs / "appointments.txt").read_bytes(),
        ids["big"]: (inputs / "scan.bin").read_bytes(),
    }
    report = vault.verify()
    assert report.ok and report.records_checked == report.documents_checked == 5 and not report.unreferenced
    yield s
    vault.close()


# ----------------------------------------------------------------------------- helpers
def flip_each(file: Path, positions: Iterable[int], check: Callable[[int], None]) -> int:
    """Alter one byte of *file* at each position in turn (in place), call check(pos), put it back."""
    original = file.read_bytes()
    count = 0
    with open(file, "r+b", buffering=0) as handle:
        for pos in positions:
            handle.seek(pos)
            handle.write(bytes([original[pos] ^ _mask(pos)]))
            try:
                check(pos)
            finally:
                handle.seek(pos)
                handle.write(original[pos : pos + 1])
            count += 1
    assert file.read_bytes() == original
    return count


def truncate_each(
    file: Path,
    lengths: Iterable[int],
    check: Callable[[int], None],
    after_restore: Callable[[], None] | None = None,
) -> None:
    original = file.read_bytes()
    for length in sorted(set(lengths)):
        assert 0 <= length < len(original)
        with open(file, "r+b") as handle:
            handle.truncate(length)
        try:
            check(length)
        finally:
            file.write_bytes(original)
            if after_restore is not None:
                after_restore()


def cut_points(data: bytes) -> list[int]:
    """Lengths to truncate an age file to: empty, inside the version line, the header's end,
    inside and at the end of the nonce, just before and inside the last tag, and one byte short."""
    start = payload_start(data)
    header_end = start - NONCE_SIZE
    points = [
        0,
        1,
        10,
        21,
        22,
        header_end - 1,
        header_end,
        header_end + 8,
        start,
        len(data) - 17,
        len(data) - 16,
        len(data) - 1,
    ]
    points += [start + k * ENC_CHUNK_SIZE for k in range(1, (len(data) - start) // ENC_CHUNK_SIZE + 1)]
    return [p for p in points if 0 <= p < len(data)]


def read_released(vault: Vault, rid: str) -> tuple[bytes, IntegrityError | None]:
    """All bytes the document stream hands out, up to the first error."""
    released = bytearray()
    try:
        with vault.open_document(rid) as stream:
            for chunk in stream.chunks():
                released += chunk
    except IntegrityError as exc:
        return bytes(released), exc
    return bytes(released), None


def problems(report_problems: Iterable[object]) -> set[tuple[str | None, str]]:
    return {(p.record_id, p.path) for p in report_problems}  # type: ignore[attr-defined]


def assert_record_damage_reported(s: Setup, rid: str, where: object) -> None:
    report = s.vault.verify()
    assert problems(report.problems) == {(rid, f"records/{rid}.age")}, where
    assert report.records_checked == 4, where
    s.vault.reload()
    assert rid not in {r.id for r in s.vault.records(include_trashed=True)}, where
    assert (rid, f"records/{rid}.age") in problems(s.vault.load_problems), where
    with pytest.raises(RecordNotFound):
        s.vault.open_document(rid)


def assert_document_damage_reported(
    s: Setup, rid: str, where: object, released_len: int | None = None
) -> None:
    report = s.vault.verify()
    assert problems(report.problems) == {(rid, s.rel(s.document_file(rid)))}, where
    assert report.documents_checked == 4, where
    # whoever reads it gets only authenticated bytes of the original, then IntegrityError
    released, error = read_released(s.vault, rid)
    assert error is not None and error.record_id == rid, where
    assert released == s.originals[rid][: len(released)], where
    if released_len is not None:
        assert len(released) == released_len, where
    with pytest.raises(IntegrityError):
        with s.vault.open_document(rid) as stream:
            stream.read_all()


def released_before(data: bytes, pos: int) -> int:
    """How many plaintext bytes an honest reader releases before reaching damage at offset *pos*."""
    start = payload_start(data)
    return 0 if pos < start else (pos - start) // ENC_CHUNK_SIZE * CHUNK_SIZE


def assert_vault_intact(s: Setup) -> None:
    s.vault.reload()
    report = s.vault.verify()
    assert report.ok and report.records_checked == 5 and report.documents_checked == 5, report.problems
    for rid, original in s.originals.items():
        with s.vault.open_document(rid) as stream:
            assert stream.read_all() == original
    assert s.vault.page_texts(s.pdf) == PDF_TEXTS and s.vault.page_texts(s.png) == PNG_TEXTS


def assert_texts_damage_reported(s: Setup, rid: str, where: object) -> None:
    assert problems(s.vault.verify().problems) == {(rid, f"texts/{rid}.age")}, where
    with pytest.raises(IntegrityError) as caught:
        s.vault.page_texts(rid)
    assert caught.value.record_id == rid


def assert_open_refused(path: Path, what: str) -> VaultError:
    with pytest.raises(VaultError) as caught:
        Vault.open(path, PASSPHRASE, use_cache=False)
    err = caught.value
    assert isinstance(err, (WrongPassphrase, IntegrityError)), (what, err)
    text = str(err)
    assert text and "\n" not in text and "Traceback" not in text
    return err


# ----------------------------------------------------------------------------- flips
def test_every_byte_of_a_record_file(setup: Setup) -> None:
    s = setup
    file = s.record_file(s.text)
    size = file.stat().st_size
    done = flip_each(file, range(size), lambda pos: assert_record_damage_reported(s, s.text, pos))
    assert done == size > 500
    assert_vault_intact(s)


def test_every_byte_of_a_small_document(setup: Setup) -> None:
    s = setup
    file = s.document_file(s.text)
    size = file.stat().st_size
    done = flip_each(file, range(size), lambda pos: assert_document_damage_reported(s, s.text, pos, 0))
    assert done == size > 1024
    assert_vault_intact(s)


def test_sampled_bytes_of_a_multi_chunk_document(setup: Setup) -> None:
    s = setup
    file = s.document_file(s.big)
    data = file.read_bytes()
    start = payload_start(data)
    chunk_starts = list(range(start, len(data), ENC_CHUNK_SIZE))
    assert len(chunk_starts) == 4
    positions = set(range(start))  # the whole header and the payload nonce
    for c in chunk_starts:
        end = min(c + ENC_CHUNK_SIZE, len(data))
        positions |= set(range(c, c + 8)) | set(range(end - 20, end)) | {(c + end) // 2}
    positions |= set(random.Random(7).sample(range(start, len(data)), 40))

    def check(pos: int) -> None:
        assert_document_damage_reported(s, s.big, pos, released_before(data, pos))

    assert flip_each(file, sorted(positions), check) == len(positions)
    # the two real files, a few header and payload positions each
    for rid in (s.pdf, s.png):
        doc = s.document_file(rid)
        raw = doc.read_bytes()
        sample = [
            0,
            21,
            30,
            payload_start(raw) - 20,
            payload_start(raw) - 1,
            payload_start(raw),
            len(raw) // 2,
            len(raw) - 1,
        ]
        flip_each(doc, sample, lambda pos, rid=rid: assert_document_damage_reported(s, rid, pos, 0))
    assert_vault_intact(s)


def test_every_byte_of_the_key_file(setup: Setup) -> None:
    s = setup
    file = s.path / "keys" / f"{s.pid}.age"
    data = file.read_bytes()
    header_end = payload_start(data) - NONCE_SIZE
    kinds: dict[str, int] = {}

    def check(pos: int) -> None:
        err = assert_open_refused(s.path, f"keys byte {pos}")
        kinds[type(err).__name__] = kinds.get(type(err).__name__, 0) + 1
        if pos >= header_end:
            # the passphrase opened the key file's stanza: this is damage, not a wrong passphrase
            assert isinstance(err, IntegrityError), (pos, err)
            assert f"keys/{s.pid}.age" in str(err)

    assert flip_each(file, range(len(data)), check) == len(data)
    assert kinds.get("IntegrityError", 0) >= len(data) - header_end
    s.vault.close()
    s.vault = Vault.open(s.path, PASSPHRASE, use_cache=False)
    assert_vault_intact(s)


def test_every_byte_of_the_keyring(setup: Setup) -> None:
    s = setup
    file = s.path / "keyrings" / f"{s.pid}.age"
    size = file.stat().st_size

    def check(pos: int) -> None:
        with pytest.raises(IntegrityError, match="keyring") as caught:
            Vault.open(s.path, PASSPHRASE, use_cache=False)
        assert caught.value.path == str(file)

    assert flip_each(file, range(size), check) == size
    Vault.open(s.path, PASSPHRASE, use_cache=False).close()


def test_every_byte_of_a_page_texts_file(setup: Setup) -> None:
    s = setup
    file = s.texts_file(s.pdf)
    size = file.stat().st_size
    assert flip_each(file, range(size), lambda pos: assert_texts_damage_reported(s, s.pdf, pos)) == size
    assert_vault_intact(s)


@pytest.mark.parametrize("which", ["people", "info"])
def test_every_byte_of_people_and_info(setup: Setup, which: str) -> None:
    s = setup
    rel = f"people/{s.pid}.age" if which == "people" else "info.age"
    file = s.path / rel
    size = file.stat().st_size

    def check(pos: int) -> None:
        report = s.vault.verify()
        assert problems(report.problems) == {(None, rel)}, pos
        if which == "people":
            # people/ holds copies of the details the owner signed into info.age: still readable,
            # and the owner's next open writes the damaged copy again from the signed info
            assert report.records_checked == report.documents_checked == 5
        else:
            # the signed info decides who holds which key: nothing is read without it
            assert report.records_checked == 0
            if pos % 16 == 0:
                with pytest.raises(IntegrityError, match="info.age"):
                    Vault.open(s.path, PASSPHRASE, use_cache=False)

    assert flip_each(file, range(size), check) == size
    if which == "people":  # the owner's next open writes a damaged copy again from the signed info
        data = bytearray(file.read_bytes())
        data[size // 2] ^= 0x01
        file.write_bytes(bytes(data))
        with Vault.open(s.path, PASSPHRASE, use_cache=False) as reopened:
            assert problems(reopened.load_problems) == set()
            assert len(reopened.records()) == 5
        assert s.vault.verify().ok
    assert_vault_intact(s)


# ----------------------------------------------------------------------------- truncation
def test_truncated_files(setup: Setup) -> None:
    s = setup
    for rid in (s.text, s.big):
        record = s.record_file(rid)
        truncate_each(
            record,
            cut_points(record.read_bytes()),
            lambda n, rid=rid: assert_record_damage_reported(s, rid, ("record cut", n)),
            after_restore=s.vault.reload,
        )
        doc = s.document_file(rid)
        data = doc.read_bytes()
        truncate_each(
            doc,
            cut_points(data),
            lambda n, rid=rid, data=data: assert_document_damage_reported(
                s, rid, ("document cut", n), released_before(data, n)
            ),
        )
    texts = s.texts_file(s.pdf)
    truncate_each(
        texts,
        cut_points(texts.read_bytes()),
        lambda n: assert_texts_damage_reported(s, s.pdf, ("texts cut", n)),
    )
    for sub in ("keys", "keyrings"):
        file = s.path / sub / f"{s.pid}.age"
        truncate_each(
            file,
            cut_points(file.read_bytes()),
            lambda n, sub=sub: assert_open_refused(s.path, f"{sub} cut to {n}"),
        )
    for rel in (f"people/{s.pid}.age", "info.age"):
        file = s.path / rel

        def check(n: int, rel: str = rel) -> None:
            assert problems(s.vault.verify().problems) == {(None, rel)}, n

        truncate_each(file, cut_points(file.read_bytes()), check)
    assert_vault_intact(s)


# ----------------------------------------------------------------------------- swaps
def swap(a: Path, b: Path) -> None:
    tmp = a.with_name(a.name + ".swap")
    os.rename(a, tmp)
    os.rename(b, a)
    os.rename(tmp, b)


def test_swapped_record_files_are_both_named(setup: Setup) -> None:
    s = setup
    a, b = s.record_file(s.text), s.record_file(s.pdf)
    swap(a, b)
    report = s.vault.verify()
    assert problems(report.problems) == {(s.text, f"records/{s.text}.age"), (s.pdf, f"records/{s.pdf}.age")}
    assert all("swapped" in p.message for p in report.problems)
    with Vault.open(s.path, PASSPHRASE) as reopened:  # with the record cache, which must not hide it
        assert {p.record_id for p in reopened.load_problems} == {s.text, s.pdf}
        assert {r.id for r in reopened.records()} == {s.text2, s.big, s.png}
    swap(a, b)
    assert_vault_intact(s)


def test_swapped_document_files_fail_before_any_byte(setup: Setup) -> None:
    s = setup
    a, b = s.document_file(s.text), s.document_file(s.text2)
    assert a.stat().st_size == b.stat().st_size
    swap(a, b)
    report = s.vault.verify()
    assert problems(report.problems) == {(s.text, s.rel(a)), (s.text2, s.rel(b))}
    for rid in (s.text, s.text2):
        # the payload nonce bound in the record differs: refused when opening, not at the end
        with pytest.raises(IntegrityError, match="swapped") as caught:
            s.vault.open_document(rid)
        assert caught.value.record_id == rid
        released, error = read_released(s.vault, rid)
        assert released == b"" and error is not None
    # a document of another size and scope is refused the same way
    c = s.document_file(s.big)
    swap(a, c)
    assert problems(s.vault.verify().problems) == {(s.text, s.rel(a)), (s.text2, s.rel(b)), (s.big, s.rel(c))}
    with pytest.raises(IntegrityError):
        s.vault.open_document(s.big)
    swap(a, c)
    swap(a, b)
    assert_vault_intact(s)


def test_swapped_page_texts_are_both_named(setup: Setup) -> None:
    s = setup
    a, b = s.texts_file(s.pdf), s.texts_file(s.png)
    swap(a, b)
    assert problems(s.vault.verify().problems) == {(s.pdf, s.rel(a)), (s.png, s.rel(b))}
    for rid in (s.pdf, s.png):
        with pytest.raises(IntegrityError, match="another document"):
            s.vault.page_texts(rid)
    swap(a, b)
    assert_vault_intact(s)


def test_record_file_swapped_with_a_document_file(setup: Setup) -> None:
    s = setup
    record, doc = s.record_file(s.text), s.document_file(s.big)
    swap(record, doc)
    report = s.vault.verify()
    assert problems(report.problems) == {(s.text, f"records/{s.text}.age"), (s.big, s.rel(doc))}
    with pytest.raises(IntegrityError):
        s.vault.open_document(s.big)
    s.vault.reload()
    assert s.text not in {r.id for r in s.vault.records()}
    swap(record, doc)
    # a record file swapped with its own document
    record, doc = s.record_file(s.text2), s.document_file(s.text2)
    swap(record, doc)
    report = s.vault.verify()
    assert problems(report.problems) == {(s.text2, f"records/{s.text2}.age")}
    swap(record, doc)
    assert_vault_intact(s)


# ----------------------------------------------------------------------------- command line
def _mbc_vault() -> str:
    exe = Path(sys.executable).parent / "mbc-vault"
    found = str(exe) if exe.exists() else shutil.which("mbc-vault")
    assert found, "mbc-vault is not installed in the venv"
    return found


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_mbc_vault(), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "MBC_VAULT_DEBUG": ""},
    )


def _flip_byte(file: Path, pos: int) -> None:
    data = bytearray(file.read_bytes())
    data[pos] ^= 0x01
    file.write_bytes(bytes(data))


def test_cli_verify_names_the_damaged_record(setup: Setup, passphrase_file: Path) -> None:
    s = setup
    v = str(s.path)
    pf = ("--passphrase-file", str(passphrase_file))
    done = _run_cli("verify", v, *pf)
    assert done.returncode == 0, done.stderr
    assert "all intact" in done.stdout

    record = s.record_file(s.png)
    original = record.read_bytes()
    _flip_byte(record, len(original) - 5)
    doc = s.document_file(s.text)
    doc_original = doc.read_bytes()
    _flip_byte(doc, payload_start(doc_original) + 3)

    done = _run_cli("verify", v, *pf)
    assert done.returncode == 1, (done.stdout, done.stderr)
    damaged = [line for line in done.stdout.splitlines() if line.startswith("DAMAGED")]
    assert len(damaged) == 2
    assert any(s.png in line for line in damaged)
    assert any(s.text in line and '"Questions"' in line for line in damaged)
    assert "2 damaged" in done.stdout

    done = _run_cli("verify", v, *pf, "--json")
    assert done.returncode == 1, done.stderr
    result = json.loads(done.stdout)
    assert result["ok"] is False
    assert {(p["record_id"], p["path"]) for p in result["problems"]} == {
        (s.png, f"records/{s.png}.age"),
        (s.text, s.rel(doc)),
    }
    assert all(p["message"] for p in result["problems"])

    record.write_bytes(original)
    doc.write_bytes(doc_original)
    done = _run_cli("verify", v, *pf, "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["problems"] == []

    # a damaged key file: exit 1 with the file named, not "wrong passphrase" (exit 3)
    key = s.path / "keys" / f"{s.pid}.age"
    key_original = key.read_bytes()
    _flip_byte(key, len(key_original) - 1)
    done = _run_cli("verify", v, *pf)
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert f"keys/{s.pid}.age" in done.stderr and "Traceback" not in done.stderr
    key.write_bytes(key_original)
    wrong = passphrase_file.with_name("wrong.txt")
    wrong.write_text("not the passphrase\n")
    assert _run_cli("verify", v, "--passphrase-file", str(wrong)).returncode == 3
