"""Copies of a vault synced by Syncthing, Dropbox or Nextcloud: the same record changed on both
sides, sync tools' conflict copies folded back, their temporary files ignored, unknown files
reported plainly, nothing ever lost, and files changed under an open vault noticed."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR, FakeClock

from mbc_vault import age, sync
from mbc_vault.records import Record
from mbc_vault.vault import Vault

PNG = DATA / "images" / "lab-report-scan.png"
PDF = DATA / "pdf-samples" / "001-trivial" / "minimal-document.pdf"

#: how each sync tool names its conflict copy of "<stem>.age" (real-looking names)
CONFLICT_NAMES: dict[str, Callable[[str], str]] = {
    "syncthing": lambda stem: f"{stem}.sync-conflict-20261127-124501-7XKQ3ZB.age",
    "dropbox": lambda stem: f"{stem} (Jane's MacBook Pro's conflicted copy 2026-11-27).age",
    "dropbox-numbered": lambda stem: f"{stem} (Jane’s conflicted copy 2026-11-27 (1)).age",
    "nextcloud": lambda stem: f"{stem} (conflicted copy 2026-11-27 124501).age",
    "nextcloud-user": lambda stem: f"{stem} (conflicted copy from jane 2026-11-27 124501).age",
    "owncloud-old": lambda stem: f"{stem}_conflict-20261127-124501.age",
}
TOOL = {
    "syncthing": "Syncthing",
    "dropbox": "Dropbox",
    "dropbox-numbered": "Dropbox",
    "nextcloud": "Nextcloud",
    "nextcloud-user": "Nextcloud",
    "owncloud-old": "Nextcloud",
}

TEMP_NAMES = [
    ".syncthing.{stem}.age.tmp",
    "~syncthing~{stem}.age.tmp",
    ".~{stem}.age",
    "{stem}.age.tmp",
    ".~lock.{stem}.age#",
    "{stem}.age.part",
    ".{stem}.age.~3f2a9c1b",
    ".tmp-0123456789abcdef-{stem}.age",
]


def _files(root: Path) -> dict[str, str]:
    """Every file of the vault (but the lock) and the SHA-256 of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def _open(path: Path, tmp_path: Path, cache: str = "cache-a") -> Vault:
    return Vault.open(path, PASSPHRASE, cache_root=tmp_path / cache)


def _two_sides(vault: Vault, vault_path: Path, tmp_path: Path) -> tuple[Path, str]:
    """A record, then the vault copied to a laptop (as a sync tool would)."""
    record = vault.add_document(PNG, category="lab-result", title="Blood count", page_texts=["CBC"])
    vault.close()
    laptop = tmp_path / "laptop"
    shutil.copytree(vault_path, laptop)
    return laptop, record.id


def _edit(
    path: Path, tmp_path: Path, cache: str, clock: FakeClock, record_id: str, **changes: object
) -> Record:
    """Change a record in the copy at *path*, stamped by *clock*; then the clock moves on."""
    with _open(path, tmp_path, cache) as v:
        v.clock = clock
        changed = v.update_metadata(record_id, **changes)
    clock.advance()
    return changed


# ----------------------------------------------------------------------------- names
@pytest.mark.parametrize("style", sorted(CONFLICT_NAMES))
@pytest.mark.parametrize(
    "folder, original",
    [
        ("records", "0123456789abcdef0123.age"),
        ("documents", "aaaaaaaaaabbbbbbbbbb.age"),
        ("texts", "0123456789abcdef0123.age"),
        ("keys", "0123456789abcdef0123.age"),
        ("keyrings", "0123456789abcdef0123.age"),
        ("people", "0123456789abcdef0123.age"),
        ("versions", "0123456789abcdef0123-0011223344556677.age"),
        ("", "info.age"),
        ("", "rotation.age"),
    ],
)
def test_conflict_copies_are_recognized(style: str, folder: str, original: str) -> None:
    name = CONFLICT_NAMES[style](original[:-4])
    assert sync.classify(folder, name) == "conflict"
    assert sync.conflict_original(name) == (original, TOOL[style])
    assert sync.classify(folder, original) == "canonical"


def test_names_are_strict() -> None:
    rid = "0123456789abcdef0123"
    for name in (
        f"{rid.upper()}.age",
        f"{rid}0.age",
        f"{rid[:-1]}.age",
        f"{rid}.AGE",
        f"{rid}.age.bak",
        "notes.txt",
        f"{rid}",
        "info.age",
    ):
        assert sync.classify("records", name) == "unknown", name
    assert sync.classify("", "notes.age") == "unknown"
    assert sync.classify("", "MBC-VAULT.json") == "canonical"
    # a conflict copy of something that is not a vault file is just an unknown file
    assert sync.classify("records", "holiday.sync-conflict-20261127-124501-7XKQ3ZB.jpg") == "unknown"
    assert sync.classify("", "MBC-VAULT.sync-conflict-20261127-124501-7XKQ3ZB.json") == "unknown"
    assert sync.classify("records", f"{rid}-0011223344556677.age") == "unknown"  # that name is for versions/
    for pattern in TEMP_NAMES:
        assert sync.classify("records", pattern.format(stem=rid)) == "temporary", pattern
    # a conflict copy of a conflict copy
    twice = CONFLICT_NAMES["syncthing"](CONFLICT_NAMES["dropbox"](rid)[:-4])
    assert sync.conflict_original(twice) == (f"{rid}.age", "Syncthing")


# ----------------------------------------------------------------------------- records
@pytest.mark.parametrize("style", sorted(CONFLICT_NAMES))
@pytest.mark.parametrize("newer_is_the_copy", [True, False], ids=["copy-newer", "copy-older"])
def test_same_record_edited_on_both_sides(
    vault: Vault, vault_path: Path, tmp_path: Path, clock: FakeClock, style: str, newer_is_the_copy: bool
) -> None:
    laptop, rid = _two_sides(vault, vault_path, tmp_path)
    first = _edit(vault_path, tmp_path, "cache-a", clock, rid, title="Blood count (desk)", tags=["desk"])
    second = _edit(
        laptop, tmp_path, "cache-b", clock, rid, title="Blood count (laptop)", notes="seen on the laptop"
    )
    assert first.revision == second.revision == 2 and second.modified > first.modified
    # the sync tool kept one side's file under the record's name and the other under a conflict name
    kept, copied = (vault_path, laptop) if newer_is_the_copy else (laptop, vault_path)
    conflict_name = CONFLICT_NAMES[style](rid)
    shutil.copy2(copied / "records" / f"{rid}.age", kept / "records" / conflict_name)

    with _open(kept, tmp_path, "cache-k") as v:
        assert not (kept / "records" / conflict_name).exists()
        shown = v.get(rid)
        assert shown.title == "Blood count (laptop)" and shown.notes == "seen on the laptop"  # the newer
        conflicts = v.conflicts()
        assert list(conflicts) == [rid]
        versions = conflicts[rid]
        assert [v_.current for v_ in versions] == [True, False]
        assert {x.record.title for x in versions} == {"Blood count (desk)", "Blood count (laptop)"}
        report = v.verify()
        assert (
            report.ok and report.not_in_vault == [] and report.sync_copies == [] and report.conflicts == [rid]
        )
        after_first_open = _files(kept)

    with _open(kept, tmp_path, "cache-k") as v:  # idempotent
        assert _files(kept) == after_first_open
        assert list(v.conflicts()) == [rid]
        older = next(x for x in v.conflicts()[rid] if not x.current)
        assert older.record.title == "Blood count (desk)"
        chosen = v.resolve_conflict(rid, older.version_id)
        assert chosen.title == "Blood count (desk)" and chosen.tags == ["desk"] and chosen.revision == 3
        assert v.conflicts() == {}
        assert v.get(rid).title == "Blood count (desk)"
        kept_titles = sorted(x.record.title for x in v.versions(rid))
        assert kept_titles == ["Blood count (desk)", "Blood count (desk)", "Blood count (laptop)"]
        assert v.verify().ok

    with _open(kept, tmp_path, "cache-k2") as v:
        assert v.conflicts() == {} and v.get(rid).title == "Blood count (desk)"
        # nothing lost: every version ever written is readable with the vault's keys
        contents = {
            Record.from_json(age.decrypt_bytes(p.read_bytes(), v.folder.identities)).title
            for p in (kept / "versions").glob("*.age")
        }
        assert contents == {"Blood count (desk)", "Blood count (laptop)"}
        with v.open_document(rid) as stream:
            assert stream.read() == PNG.read_bytes()
        report = v.verify()
        assert report.ok and report.unreferenced == [] and report.not_in_vault == []


def test_resolving_keeps_the_shown_version(
    vault: Vault, vault_path: Path, tmp_path: Path, clock: FakeClock
) -> None:
    laptop, rid = _two_sides(vault, vault_path, tmp_path)
    _edit(vault_path, tmp_path, "cache-a", clock, rid, title="Desk")
    _edit(laptop, tmp_path, "cache-b", clock, rid, title="Laptop")
    shutil.copy2(laptop / "records" / f"{rid}.age", vault_path / "records" / CONFLICT_NAMES["syncthing"](rid))
    with _open(vault_path, tmp_path) as v:
        current = v.conflicts()[rid][0]
        assert current.current and current.record.title == "Laptop"
        assert v.resolve_conflict(rid, current.version_id).title == "Laptop"
        assert v.conflicts() == {}
        assert sorted(x.record.title for x in v.versions(rid)) == ["Desk", "Laptop", "Laptop"]


def test_identical_record_copy_is_dropped(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    laptop, rid = _two_sides(vault, vault_path, tmp_path)
    shutil.copy2(
        vault_path / "records" / f"{rid}.age", vault_path / "records" / CONFLICT_NAMES["dropbox"](rid)
    )
    with _open(vault_path, tmp_path) as v:
        assert v.conflicts() == {} and v.get(rid).title == "Blood count"
        assert sorted(p.name for p in (vault_path / "records").iterdir()) == [f"{rid}.age"]


def test_both_sides_folded_the_same_conflict(
    vault: Vault, vault_path: Path, tmp_path: Path, clock: FakeClock
) -> None:
    """Each side folds the conflict into the same version name; the sync tool then makes a conflict
    copy of that version file (same content, other bytes): it is dropped, the version stays."""
    laptop, rid = _two_sides(vault, vault_path, tmp_path)
    _edit(vault_path, tmp_path, "cache-a", clock, rid, title="Desk")
    _edit(laptop, tmp_path, "cache-b", clock, rid, title="Laptop")
    shutil.copy2(laptop / "records" / f"{rid}.age", vault_path / "records" / CONFLICT_NAMES["syncthing"](rid))
    with _open(vault_path, tmp_path) as v:
        version = next(x for x in v.conflicts()[rid] if not x.current)
        plain = age.decrypt_bytes(version.path.read_bytes(), v.folder.identities)
        recipient = v.folder.keyring.current("medical").recipient
        other_bytes = age.encrypt_bytes(plain, [recipient])
    copy = version.path.with_name(CONFLICT_NAMES["nextcloud"](version.path.stem))
    copy.write_bytes(other_bytes)
    with _open(vault_path, tmp_path) as v:
        assert not copy.exists() and version.path.exists()
        assert [x.record.title for x in v.conflicts()[rid]] == ["Laptop", "Desk"]
        assert v.verify().ok


def test_record_edited_only_on_one_side_with_a_stale_conflict_copy(
    vault: Vault, vault_path: Path, tmp_path: Path, clock: FakeClock
) -> None:
    """A resolved conflict whose loser comes back late through the sync tool stays resolved."""
    laptop, rid = _two_sides(vault, vault_path, tmp_path)
    _edit(vault_path, tmp_path, "cache-a", clock, rid, title="Desk")
    _edit(laptop, tmp_path, "cache-b", clock, rid, title="Laptop")
    late = laptop / "records" / f"{rid}.age"
    shutil.copy2(late, vault_path / "records" / CONFLICT_NAMES["syncthing"](rid))
    with _open(vault_path, tmp_path) as v:
        desk = next(x for x in v.conflicts()[rid] if not x.current)
        v.resolve_conflict(rid, desk.version_id)
    shutil.copy2(late, vault_path / "records" / CONFLICT_NAMES["dropbox"](rid))
    with _open(vault_path, tmp_path) as v:
        assert v.conflicts() == {} and v.get(rid).title == "Desk"
        assert not (vault_path / "records" / CONFLICT_NAMES["dropbox"](rid)).exists()


def test_who_cannot_fold_leaves_the_copy_and_verify_explains(
    vault: Vault, vault_path: Path, tmp_path: Path, clock: FakeClock
) -> None:
    """A view-only person does not fold; an editor without the record's section cannot: the copy stays,
    is explained (not damage), and the owner's next open folds it."""
    viewer, _ = vault.add_person(
        "Sam", "son", ["medical"], can_edit=False, passphrase="viewer pass 1", work_factor=TEST_WORK_FACTOR
    )
    editor, _ = vault.add_person(
        "Alex", "partner", ["legal"], can_edit=True, passphrase="editor pass 1", work_factor=TEST_WORK_FACTOR
    )
    laptop, rid = _two_sides(vault, vault_path, tmp_path)
    _edit(vault_path, tmp_path, "cache-a", clock, rid, title="Desk")
    _edit(laptop, tmp_path, "cache-b", clock, rid, title="Laptop")
    copy = vault_path / "records" / CONFLICT_NAMES["syncthing"](rid)
    shutil.copy2(laptop / "records" / f"{rid}.age", copy)
    with Vault.open(vault_path, "viewer pass 1", cache_root=tmp_path / "c1") as v:
        assert copy.exists() and v.get(rid).title == "Desk"
        report = v.verify()
        assert report.ok and report.not_in_vault == []
        assert len(report.sync_copies) == 1 and "Syncthing conflict copy" in report.sync_copies[0]
    with Vault.open(vault_path, "editor pass 1", cache_root=tmp_path / "c2") as v:
        assert copy.exists()
        assert any("not shared with you" in note for note in v.sync_notes)
        assert v.verify().ok
    with _open(vault_path, tmp_path) as v:
        assert not copy.exists() and v.get(rid).title == "Laptop" and list(v.conflicts()) == [rid]


# ----------------------------------------------------------------------------- documents and texts
def test_document_conflict_copies(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    record = vault.add_document(PNG, category="lab-result", title="Scan", page_texts=["CBC"])
    other = vault.add_document(PDF, category="will", title="Will")
    vault.close()
    docs = vault_path / "documents"
    doc = docs / f"{record.document.id}.age"
    right, wrong = doc.read_bytes(), (docs / f"{other.document.id}.age").read_bytes()

    # 1. a byte-identical duplicate is dropped
    dup = docs / CONFLICT_NAMES["syncthing"](record.document.id)
    dup.write_bytes(right)
    # 2. the sync tool put the wrong bytes under the document's name and the right ones aside: swapped back
    doc.write_bytes(wrong)
    swapped = docs / CONFLICT_NAMES["nextcloud"](record.document.id)
    swapped.write_bytes(right)
    before = set(docs.iterdir())
    with _open(vault_path, tmp_path) as v:
        assert not dup.exists() and not swapped.exists()
        assert doc.read_bytes() == right
        with v.open_document(record.id) as stream:
            assert stream.read() == PNG.read_bytes()
        spare = set(docs.iterdir()) - before
        assert len(spare) == 1 and next(iter(spare)).read_bytes() == wrong  # kept, not deleted
        report = v.verify()
        assert report.ok and report.unreferenced == [f"documents/{next(iter(spare)).name}"]
        assert report.not_in_vault == [] and report.sync_copies == []

    # 3. a copy nobody points to is kept as an unreferenced document
    stray = docs / CONFLICT_NAMES["dropbox"](other.document.id)
    stray.write_bytes(right)
    with _open(vault_path, tmp_path) as v:
        assert not stray.exists()
        with v.open_document(other.id) as stream:
            assert stream.read() == PDF.read_bytes()
        assert len(v.verify().unreferenced) == 2
        with v.open_document(record.id) as stream:
            assert stream.read() == PNG.read_bytes()


def test_texts_conflict_copy(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    record = vault.add_document(PNG, category="lab-result", title="Scan", page_texts=["CBC"])
    vault.set_page_texts(record.id, ["CBC, recognized again"])
    texts = vault_path / "texts" / f"{record.id}.age"
    good = texts.read_bytes()
    stale = vault.folder.keyring.current("medical").recipient
    copy = texts.with_name(CONFLICT_NAMES["syncthing"](record.id))
    copy.write_bytes(
        age.encrypt_bytes(b'{"record": "%s", "sha256": "0", "pages": ["old"]}' % record.id.encode(), [stale])
    )
    vault.close()
    with _open(vault_path, tmp_path) as v:
        assert not copy.exists() and texts.read_bytes() == good
        assert v.page_texts(record.id) == ["CBC, recognized again"]


# ----------------------------------------------------------------------------- other folders
def test_people_and_info_copies(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    owner = vault.person.id
    vault.close()
    person_file = vault_path / "people" / f"{owner}.age"
    same = person_file.with_name(CONFLICT_NAMES["syncthing"](owner))
    shutil.copy2(person_file, same)
    info = vault_path / "info.age"
    differs = vault_path / CONFLICT_NAMES["dropbox"]("info")
    differs.write_bytes(info.read_bytes()[:-1] + bytes([info.read_bytes()[-1] ^ 1]))  # does not validate
    with _open(vault_path, tmp_path) as v:
        assert not same.exists()
        assert differs.exists() and info.exists()  # the valid one is used; the other is reported
        assert any("info.age" in note for note in v.sync_notes)
        report = v.verify()
        assert report.ok and report.not_in_vault == []
        assert [c.split(":")[0] for c in report.sync_copies] == [differs.name]
    # a damaged info.age is replaced by a valid conflict copy; the damaged one is kept aside
    good = info.read_bytes()
    differs.write_bytes(good)
    info.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))
    with _open(vault_path, tmp_path) as v:
        assert info.read_bytes() == good and not differs.exists()
        assert v.name == "Jane Example"
        damaged = [p.name for p in vault_path.iterdir() if ".damaged-" in p.name]
        assert len(damaged) == 1
        assert v.verify().not_in_vault == damaged


# ----------------------------------------------------------------------------- temporary and unknown files
def test_sync_temp_files_are_ignored(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    record = vault.add_document(PNG, category="lab-result", title="Scan", page_texts=["CBC"])
    vault.close()
    made = []
    for folder in ("records", "documents", "texts", "people", "keys", "keyrings"):
        for pattern in TEMP_NAMES:
            path = vault_path / folder / pattern.format(stem=record.id)
            path.write_bytes(b"partial")
            made.append(path)
    (vault_path / ".stfolder").mkdir()
    (vault_path / ".stversions").mkdir()
    (vault_path / ".stignore").write_text("")
    with _open(vault_path, tmp_path) as v:
        assert [r.id for r in v.records()] == [record.id] and v.load_problems == []
        report = v.verify()
        assert (
            report.ok and report.not_in_vault == [] and report.sync_copies == [] and report.unreferenced == []
        )
        assert not v.changed_on_disk()
        (vault_path / "records" / f".syncthing.{record.id}.age.tmp").write_bytes(b"more")
        assert not v.changed_on_disk()  # a sync tool's temporary file is not a change
    assert all(p.read_bytes() in (b"partial", b"more") for p in made)  # never touched


def test_unknown_files_are_not_damage(vault: Vault, vault_path: Path, tmp_path: Path) -> None:
    record = vault.add_document(PNG, category="lab-result", title="Scan")
    vault.close()
    (vault_path / "records" / "notes.txt").write_text("hello")
    (vault_path / "records" / f"{record.id.upper()}.age").write_bytes(b"x")
    (vault_path / "holiday.jpg").write_bytes(b"x")
    (vault_path / "documents" / "old").mkdir()
    with _open(vault_path, tmp_path) as v:
        assert [r.id for r in v.records()] == [record.id] and v.load_problems == []
        report = v.verify()
        assert report.ok and report.problems == []
        assert sorted(report.not_in_vault) == sorted(
            ["holiday.jpg", "documents/old/", "records/notes.txt", f"records/{record.id.upper()}.age"]
        )
    assert (vault_path / "records" / "notes.txt").read_text() == "hello"  # left alone


# ----------------------------------------------------------------------------- noticing changes
def test_own_writes_from_another_thread_are_never_taken_for_a_sync(vault: Vault) -> None:
    """The app saves a portal import in a worker thread while its watcher polls changed_on_disk on
    another: a look between a file's write and its note took the import for another computer's
    changes (and reloaded thousands of records mid-import). The first write's lock file is not a
    change either."""
    assert not vault.changed_on_disk()
    vault.add_entry("symptom", {"name": "Tired", "date": "2026-11-30"}, title="Tired")
    assert not vault.changed_on_disk()  # the writers' lock file the first write made

    def write() -> None:
        for n in range(150):
            vault.add_entry("symptom", {"name": f"Symptom {n}", "date": "2026-11-30"}, title=f"S{n}")

    writer = threading.Thread(target=write)
    writer.start()
    seen = []
    while writer.is_alive():
        seen.append(vault.changed_on_disk())
    writer.join()
    assert len(seen) > 5 and not any(seen)
    assert not vault.changed_on_disk() and len(vault.entries("symptom")) == 151


def test_changed_on_disk(vault: Vault, vault_path: Path, tmp_path: Path, clock: FakeClock) -> None:
    laptop, rid = _two_sides(vault, vault_path, tmp_path)
    with _open(vault_path, tmp_path) as v:
        assert not v.changed_on_disk()
        v.add_document(PDF, category="will", title="Will")  # our own writes do not count
        v.update_metadata(rid, tags=["mine"])
        assert not v.changed_on_disk()
        with _open(laptop, tmp_path, "cache-b") as other:
            added = other.add_document(
                PDF, category="will", title="Will from the laptop", allow_duplicate=True
            )
        for folder in ("records", "documents"):  # the sync tool brings the laptop's new files
            for file in (laptop / folder).iterdir():
                if not (vault_path / folder / file.name).exists():
                    shutil.copy2(file, vault_path / folder / file.name)
        assert v.changed_on_disk()
        v.reload()
        assert not v.changed_on_disk()
        assert v.get(added.id).title == "Will from the laptop"
        # a conflict copy arriving while open is folded on reload
        _edit(laptop, tmp_path, "cache-b", clock, rid, title="Laptop title")
        shutil.copy2(
            laptop / "records" / f"{rid}.age", vault_path / "records" / CONFLICT_NAMES["syncthing"](rid)
        )
        assert v.changed_on_disk()
        v.reload()
        assert not v.changed_on_disk()
        assert list(v.conflicts()) == [rid]
