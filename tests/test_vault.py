"""The core vault API: round trips of real files, metadata, trash, passphrases, format versions."""

from __future__ import annotations

import hashlib
import io
import json
import threading
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR, FakeClock

from mbc_vault import age
from mbc_vault.errors import (
    Cancelled,
    ConflictError,
    DuplicateDocument,
    InputFileError,
    NotAVault,
    RecordNotFound,
    UnsupportedFormat,
    VaultExists,
    WrongPassphrase,
)
from mbc_vault.records import Record
from mbc_vault.vault import MARKER, Vault

REAL_FILES = sorted(DATA.glob("pdf-samples/*/*.pdf")) + sorted(DATA.glob("images/*"))


def test_create_and_reopen_as_owner(vault: Vault, vault_path: Path) -> None:
    assert vault.person.role == "owner"
    assert vault.person.name == "Jane Example"
    assert sorted(vault.person.scopes) == ["care", "legal", "medical"]
    vault.close()
    again = Vault.open(vault_path, PASSPHRASE)
    assert again.person.id == vault.person.id
    assert again.name == "Jane Example"
    again.close()


def test_wrong_passphrase_is_refused(vault: Vault, vault_path: Path) -> None:
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        Vault.open(vault_path, PASSPHRASE + "x")


def test_create_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "letter.txt").write_text("keep me")
    with pytest.raises(VaultExists):
        Vault.create(tmp_path / "full", PASSPHRASE, work_factor=TEST_WORK_FACTOR)
    assert (tmp_path / "full" / "letter.txt").read_text() == "keep me"


def test_open_refuses_a_plain_folder_and_a_newer_format(
    tmp_path: Path, vault: Vault, vault_path: Path
) -> None:
    with pytest.raises(NotAVault):
        Vault.open(tmp_path, PASSPHRASE)
    marker = json.loads((vault_path / MARKER).read_text())
    marker["version"] = 99
    (vault_path / MARKER).write_text(json.dumps(marker))
    with pytest.raises(UnsupportedFormat, match="newer"):
        Vault.open(vault_path, PASSPHRASE)


@pytest.mark.parametrize("source", REAL_FILES, ids=lambda p: p.name)
def test_real_files_round_trip_byte_identical(vault: Vault, source: Path, tmp_path: Path) -> None:
    record = vault.add_document(source, category="imaging-report", title=source.stem)
    assert record.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert record.size == source.stat().st_size
    with vault.open_document(record.id) as stream:
        assert stream.read_all() == source.read_bytes()
    out = vault.export_document(record.id, tmp_path / ("out-" + source.name))
    assert out.read_bytes() == source.read_bytes()


def test_media_types_are_sniffed(vault: Vault) -> None:
    kinds = {
        p.suffix: vault.add_document(p, category="lab-result").media_type
        for p in [
            DATA / "images/lab-report-photo.jpg",
            DATA / "images/lab-report-scan.png",
            DATA / "images/lab-report-scan.tiff",
            DATA / "pdf-samples/001-trivial/minimal-document.pdf",
        ]
    }
    assert kinds == {
        ".jpg": "image/jpeg",
        ".png": "image/png",
        ".tiff": "image/tiff",
        ".pdf": "application/pdf",
    }


def test_stream_source_and_chunk_boundaries(vault: Vault) -> None:
    for size in (1, age.CHUNK_SIZE - 1, age.CHUNK_SIZE, age.CHUNK_SIZE + 1, 3 * age.CHUNK_SIZE):
        data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
        record = vault.add_document(
            io.BytesIO(data), category="clinical-note", title=f"n{size}", original_name=f"n{size}.txt"
        )
        assert vault.open_document(record.id).read_all() == data
        # io.RawIOBase interface reads the same bytes in small pieces
        with vault.open_document(record.id) as stream:
            pieces = iter(lambda: stream.read(1000), b"")
            assert b"".join(pieces) == data


def test_metadata_survives_reopen(vault: Vault, vault_path: Path) -> None:
    record = vault.add_document(
        DATA / "images/lab-report-scan.png",
        category="lab-result",
        title="CA 15-3 March",
        date="2026-03-14",
        provider="Fictional Cancer Center",
        tags=["markers", "2026"],
        notes="rising",
    )
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        got = again.get(record.id)
        assert (got.title, got.date, got.provider, got.tags, got.notes) == (
            "CA 15-3 March",
            "2026-03-14",
            "Fictional Cancer Center",
            ["markers", "2026"],
            "rising",
        )
        assert got.author == got.modified_by == again.person.id
        assert got.original_name == "lab-report-scan.png"


def test_duplicate_content_is_reported_not_stored(vault: Vault, vault_path: Path) -> None:
    first = vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result")
    docs_before = sorted((vault_path / "documents").iterdir())
    with pytest.raises(DuplicateDocument) as info:
        vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result")
    assert info.value.existing_id == first.id
    assert sorted((vault_path / "documents").iterdir()) == docs_before
    assert len(vault.records()) == 1


def test_bad_input_files(vault: Vault, tmp_path: Path, vault_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError, match="empty"):
        vault.add_document(empty, category="lab-result")
    with pytest.raises(InputFileError, match="does not exist"):
        vault.add_document(tmp_path / "missing.pdf", category="lab-result")
    with pytest.raises(InputFileError, match="folder"):
        vault.add_document(tmp_path, category="lab-result")
    with pytest.raises(ValueError, match="not a category"):
        vault.add_document(DATA / "images/lab-report-scan.png", category="recipes")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result", date="14/03/2026")
    assert vault.records() == []
    assert list((vault_path / "documents").iterdir()) == []


def test_cancel_leaves_nothing(vault: Vault, vault_path: Path) -> None:
    cancel = threading.Event()
    seen = []

    def progress(done: int, total: int, stage: str, item: str) -> None:
        seen.append(done)
        if done >= 2 * age.CHUNK_SIZE:
            cancel.set()

    with pytest.raises(Cancelled):
        vault.add_document(
            io.BytesIO(b"z" * (10 * age.CHUNK_SIZE)),
            category="lab-result",
            original_name="big.txt",
            progress=progress,
            cancel=cancel,
        )
    assert seen and vault.records() == []
    assert list((vault_path / "documents").iterdir()) == []


def test_trash_restore_purge(vault: Vault, vault_path: Path) -> None:
    record = vault.add_document(DATA / "images/lab-report-scan.png", category="will", title="Will 2024")
    vault.remove(record.id)
    assert vault.records() == [] and [r.id for r in vault.trash()] == [record.id]
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert [r.id for r in again.trash()] == [record.id]
        again.restore(record.id)
        assert [r.id for r in again.records()] == [record.id]
        again.remove(record.id)
        again.purge(record.id)
        assert again.records(include_trashed=True) == []
    assert list((vault_path / "records").iterdir()) == []
    assert list((vault_path / "documents").iterdir()) == []


def test_entries_of_a_kind_follow_adds_changes_trash_purge_and_reopen(vault: Vault, vault_path: Path) -> None:
    """vault.entries(kind) lists one kind from its own index: it must follow every change."""
    first = vault.add_entry("condition", {"name": "Asthma"}, title="Asthma", date="2001-02-03")
    second = vault.add_entry("condition", {"name": "Migraine"}, title="Migraine", date="2010-05-06")
    allergy = vault.add_entry("allergy", {"substance": "Penicillin"}, title="Penicillin")
    document = vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result", title="Scan")

    def ids(kind: str, v: Vault = vault, **options: bool) -> list[str]:
        return [r.id for r in v.entries(kind, **options)]

    assert ids("condition") == [second.id, first.id] and ids("allergy") == [allergy.id]
    assert ids("document") == [document.id] and vault.count_entries("condition") == 2
    vault.update_entry(first.id, data={"name": "Asthma, mild"}, title="Asthma, mild")
    assert [r.title for r in vault.entries("condition")] == ["Migraine", "Asthma, mild"]
    vault.remove(second.id)
    assert ids("condition") == [first.id] and ids("condition", include_trashed=True) == [second.id, first.id]
    vault.purge(second.id)
    assert ids("condition", include_trashed=True) == [first.id] and vault.count_entries("condition") == 1
    vault.close()
    with Vault.open(vault_path, PASSPHRASE) as again:
        assert ids("condition", again) == [first.id] and ids("allergy", again) == [allergy.id]
        assert ids("diagnosis", again) == [] and again.count_entries("diagnosis") == 0
        again.folder.load_records()  # read again from the folder (after a sync): the same, once each
        assert ids("condition", again) == [first.id] and ids("document", again) == [document.id]


def test_an_entry_is_read_from_its_record_once_until_it_changes(vault: Vault) -> None:
    """EntryStore keeps what it read from each record with the vault's records: a reload gives the same
    entries (a table of thousands is not read again at each show); a change, a trash, a purge, a sync
    reading the folder again and the close are each followed."""
    from mbc_vault.history.models import Condition
    from mbc_vault.history.store import HealthHistory

    history = HealthHistory(vault)
    asthma = history.save(Condition(name="Asthma", onset="2001-02-03"))
    migraine = history.save(Condition(name="Migraine", onset="2010-05-06"))
    first = {e.id: e for e in history.conditions()}
    again = {e.id: e for e in HealthHistory(vault).conditions()}  # another store of the same vault
    assert all(again[i] is first[i] for i in first) and first[asthma.id].model.name == "Asthma"
    history.save(Condition(name="Asthma, mild", onset="2001-02-03"), record_id=asthma.id)
    changed = {e.id: e for e in history.conditions()}
    assert changed[asthma.id].model.name == "Asthma, mild" and changed[migraine.id] is first[migraine.id]
    vault.remove(migraine.id)
    assert [e.id for e in history.conditions()] == [asthma.id]
    vault.purge(migraine.id)
    assert migraine.id not in vault.folder.decoded
    vault.folder.load_records()  # the folder read again: new records, read again
    reread = history.conditions()
    assert reread[0].model.name == "Asthma, mild" and reread[0] is not changed[asthma.id]
    vault.close()
    assert vault.folder.decoded == {}


def test_what_the_vault_stamps_comes_from_its_clock(vault: Vault, clock: FakeClock) -> None:
    vault.clock = clock
    added = vault.add_document(DATA / "images/lab-report-scan.png", category="will", title="Will 2024")
    at_first = clock().isoformat(timespec="microseconds")
    assert added.created == added.modified == at_first
    clock.advance(3600)
    changed = vault.update_metadata(added.id, title="Will 2025")
    assert changed.created == at_first and changed.modified == clock().isoformat(timespec="microseconds")
    clock.advance(3600)
    assert vault.remove(added.id).trashed == clock().isoformat(timespec="microseconds")
    person, _ = vault.add_person(
        "Sam", "son", ["legal"], passphrase="sam pass 1", work_factor=TEST_WORK_FACTOR
    )
    assert person.created == clock().isoformat(timespec="microseconds")


def test_update_metadata_and_scope_move(vault: Vault, vault_path: Path) -> None:
    source = DATA / "pdf-samples/001-trivial/minimal-document.pdf"
    record = vault.add_document(source, category="medical-other", title="Scan")
    updated = vault.update_metadata(
        record.id,
        title="Health care proxy",
        category="health-care-proxy",
        tags=["signed", "signed", " "],
        date="2025-01-02",
    )
    assert updated.revision == 2 and updated.tags == ["signed"] and updated.scope == "legal"
    assert updated.document is not None and record.document is not None
    assert updated.document.id != record.document.id  # re-encrypted for the legal scope
    assert len(list((vault_path / "documents").iterdir())) == 1
    assert vault.open_document(record.id).read_all() == source.read_bytes()
    with pytest.raises(ValueError, match="cannot be changed"):
        vault.update_metadata(record.id, sha256="0" * 64)


def test_conflicting_edit_from_another_program_is_refused(vault: Vault, vault_path: Path) -> None:
    record = vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result", title="Labs")
    with Vault.open(vault_path, PASSPHRASE) as other:
        other.update_metadata(record.id, title="Labs (other window)")
    with pytest.raises(ConflictError, match="changed by someone else"):
        vault.update_metadata(record.id, title="Labs (this window)")
    vault.reload()
    assert vault.get(record.id).title == "Labs (other window)"


def test_unknown_fields_survive_a_round_trip(vault: Vault, vault_path: Path) -> None:
    record = vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result", title="Labs")
    # A newer program added a field this one does not know.
    data = record.to_dict() | {"future_field": {"nested": [1, 2]}, "schema": 1}
    newer = Record.from_dict(data)
    assert {k: v for k, v in newer.extra.items() if k != "signature"} == {"future_field": {"nested": [1, 2]}}
    assert newer.extra["signature"]["by"] == vault.person.id  # the writer's signature travels with it
    assert Record.from_json(newer.to_json()).to_dict() == newer.to_dict()
    vault.folder.write_record(newer)  # as the newer program would have stored it
    vault.close()
    with Vault.open(vault_path, PASSPHRASE, use_cache=False) as again:
        edited = again.update_metadata(record.id, notes="checked")
    assert {k: v for k, v in edited.extra.items() if k != "signature"} == {"future_field": {"nested": [1, 2]}}


def test_change_passphrase(vault: Vault, vault_path: Path) -> None:
    vault.change_passphrase("a brand new passphrase", work_factor=TEST_WORK_FACTOR)
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, PASSPHRASE)
    Vault.open(vault_path, "a brand new passphrase").close()


def test_id_prefix_lookup(vault: Vault) -> None:
    record = vault.add_document(DATA / "images/lab-report-scan.png", category="lab-result")
    assert vault.get(record.id[:6]).id == record.id
    with pytest.raises(RecordNotFound):
        vault.get("zzzz")


def test_cache_is_used_and_rebuilt(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    records = [
        vault.add_document(
            io.BytesIO(f"note {i}".encode()), category="clinical-note", original_name=f"{i}.txt"
        )
        for i in range(5)
    ]
    vault.close()
    cache_files = list((tmp_path / "cache").rglob("*.age"))
    assert len(cache_files) == 1
    assert cache_files[0].read_bytes().startswith(b"age-encryption.org/v1\n")
    with Vault.open(vault_path, PASSPHRASE) as warm:
        assert {r.id for r in warm.records()} == {r.id for r in records}
    cache_files[0].write_bytes(b"garbage")  # a damaged cache costs speed, never records
    with Vault.open(vault_path, PASSPHRASE) as rebuilt:
        assert {r.id for r in rebuilt.records()} == {r.id for r in records}
