"""Folding sync tools' conflict copies back (see docs/vault-format.md, "Sync"), the versions of a
record changed on two computers, and the choice between them.

Long on purpose: folding, listing and resolving conflicts share one set of careful checks."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import age, sync, system
from .categories import VAULT_SCOPE
from .errors import IntegrityError, RecordNotFound, VaultError
from .folder import VaultFolder
from .fsutil import atomic_write_bytes, fsync_dir, remove_file
from .keys import Keyring
from .layout import (
    CONFLICTS_DIR,
    DOCUMENTS,
    INFO,
    KEYRINGS,
    PEOPLE,
    RECORDS,
    TEXTS,
    VERSIONS_DIR,
    Problem,
    age_files,
    read_small,
    same_bytes,
)
from .records import Record, new_id

log = logging.getLogger(__name__)


@dataclass
class RecordVersion:
    """One version of a record that was changed on two synced copies of the vault."""

    version_id: str  #: 16 hex digits (sync.version_id of the record's JSON)
    record: Record
    current: bool  #: the version the vault shows (the record file)
    path: Path


class SyncFolding:
    """Conflict copies and kept versions of one unlocked folder."""

    def __init__(self, folder: VaultFolder) -> None:
        self.folder = folder
        #: what folding sync tools' copies back did, or could not do (plain sentences, not damage)
        self.sync_notes: list[str] = []

    # ------------------------------------------------------------------- sync tools' copies
    def fold_and_reload(self) -> None:
        """Fold sync tools' conflict copies back (only for people who may edit, with the lock held)."""
        if not self.folder.person.can_edit:
            return
        self.sync_notes = []
        found = sync.scan(self.folder.path)
        if not found.conflicts:
            return
        try:
            with self.folder.lock():
                changed = self.fold_sync_copies(sync.scan(self.folder.path).conflicts)
        except VaultError as exc:  # busy: the next open or reload folds them
            self.sync_notes.append(f"The sync tool's copies could not be folded back yet: {exc}")
            return
        if changed:
            self.folder.load_problems = [
                p for p in self.folder.load_problems if p.path != INFO and not p.path.startswith(PEOPLE)
            ]
            self.folder.load_people_and_info()
            self.folder.load_records()

    def fold_sync_copies(self, copies: Iterable[sync.ConflictCopy]) -> bool:
        """Fold conflict copies back into the vault (the caller holds the lock); idempotent.

        Returns whether any file changed. Nothing is deleted unless an identical copy remains
        (or, for texts, the copy is derived data that no longer matches its document).
        """
        changed = False
        for copy in copies:
            if not copy.path.exists():
                continue
            try:
                if copy.folder == RECORDS:
                    changed |= self._fold_record_copy(copy)
                elif copy.folder in sync.VERSION_FOLDERS:
                    changed |= self._fold_version_copy(copy)
                elif copy.folder == DOCUMENTS:
                    changed |= self._fold_document_copy(copy)
                elif copy.folder == TEXTS:
                    changed |= self._fold_texts_copy(copy)
                else:
                    changed |= self._fold_other_copy(copy)
            except OSError as exc:
                self.sync_notes.append(f"{copy.rel} could not be folded back ({exc}); it was left as it is.")
        return changed

    def _decrypt_copy(self, path: Path) -> tuple[bytes, bytes]:
        """(ciphertext, plaintext) of a small file; raises age errors and OSError."""
        data = read_small(path)
        plain = age.decrypt_bytes(data, self.folder.identities)
        return data, plain

    def _unreadable_copy(self, copy: sync.ConflictCopy, exc: Exception) -> bool:
        if isinstance(exc, age.NoIdentityMatch):
            self.sync_notes.append(
                f"{copy.rel} is a {copy.tool} conflict copy in a section not shared with you; "
                "it was left for someone who holds that section."
            )
        else:
            self.sync_notes.append(
                f"{copy.rel} is a {copy.tool} conflict copy that cannot be read ({exc}); "
                "it was left as it is."
            )
        return False

    def _checked_copy(self, copy: sync.ConflictCopy, record_id: str) -> tuple[bytes, bytes, Record] | None:
        """The copy's (ciphertext, plaintext, record) if its writer may write it; else a sync note and
        None."""
        try:
            return self.folder.checked_record_copy(copy.path, record_id)
        except (age.AgeError, ValueError, TypeError, KeyError) as exc:
            self._unreadable_copy(copy, exc)
        except IntegrityError as exc:
            self.sync_notes.append(f"{copy.rel} is not used: {exc}. It was left as it is.")
        return None

    def _fold_record_copy(self, copy: sync.ConflictCopy) -> bool:
        record_id = copy.original[: -len(".age")]
        target = copy.original_path
        checked = self._checked_copy(copy, record_id)
        if checked is None:
            return False
        copy_ct, copy_plain, theirs = checked
        try:
            ours_ct, ours_plain, ours = self.folder.checked_record_copy(target, record_id)
        except FileNotFoundError:
            system.replace(copy.path, target)  # the only copy: it is the record
            fsync_dir(target.parent)
            return True
        except (age.AgeError, ValueError, TypeError, KeyError, IntegrityError):
            self.sync_notes.append(
                f"{copy.rel}: the record file it is a copy of cannot be read; both were left "
                "as they are (see `mbc-vault verify`)."
            )
            return False
        if ours_plain == copy_plain:
            remove_file(copy.path)
            return True
        ours_vid, theirs_vid = sync.version_id(ours_plain), sync.version_id(copy_plain)
        theirs_newer = (theirs.modified, theirs.revision, theirs_vid) > (
            ours.modified,
            ours.revision,
            ours_vid,
        )
        loser_ct, loser_vid = (ours_ct, ours_vid) if theirs_newer else (copy_ct, theirs_vid)
        self._keep_version(record_id, loser_vid, loser_ct, CONFLICTS_DIR)
        if theirs_newer:
            system.replace(copy.path, target)
            fsync_dir(target.parent)
        else:
            remove_file(copy.path)
        return True

    def _keep_version(self, record_id: str, vid: str, ciphertext: bytes, folder: str) -> None:
        """Keep one version of a record (its record file's bytes, unchanged) unless already kept."""
        name = f"{record_id}-{vid}.age"
        if (self.folder.path / VERSIONS_DIR / name).exists():
            return  # kept already (a conflict that was resolved)
        if folder == VERSIONS_DIR:
            pending = self.folder.path / CONFLICTS_DIR / name
            if pending.exists():
                (self.folder.path / VERSIONS_DIR).mkdir(exist_ok=True)
                system.replace(pending, self.folder.path / VERSIONS_DIR / name)
                fsync_dir(self.folder.path / VERSIONS_DIR)
                return
        elif (self.folder.path / folder / name).exists():
            return
        (self.folder.path / folder).mkdir(exist_ok=True)
        atomic_write_bytes(self.folder.path / folder / name, ciphertext)

    def _fold_version_copy(self, copy: sync.ConflictCopy) -> bool:
        """Both copies folded the same conflict: the same version, made twice."""
        target = copy.original_path
        checked = self._checked_copy(copy, copy.original[:20])
        if checked is None:
            return False
        copy_ct, copy_plain, record = checked
        try:
            same = self._decrypt_copy(target)[1] == copy_plain
        except FileNotFoundError:
            same = False
        except age.AgeError:
            same = False
        if not same:
            vid = sync.version_id(copy_plain)
            if vid + ".age" == copy.original[21:] and not target.exists():
                system.replace(copy.path, target)
                fsync_dir(target.parent)
                return True
            self._keep_version(record.id, vid, copy_ct, CONFLICTS_DIR)
        remove_file(copy.path)
        return True

    @staticmethod
    def _fold_trivially(copy: sync.ConflictCopy) -> bool:
        """The copy is the only one (it takes the original's name) or the same bytes (it goes): True."""
        target = copy.original_path
        if not target.exists():
            system.replace(copy.path, target)
            fsync_dir(target.parent)
            return True
        if same_bytes(copy.path, target):
            remove_file(copy.path)
            return True
        return False

    def _fold_document_copy(self, copy: sync.ConflictCopy) -> bool:
        target = copy.original_path
        if self._fold_trivially(copy):
            return True
        doc_id = copy.original[: -len(".age")]
        try:
            with open(copy.path, "rb") as handle:
                copy_nonce = age.Decryptor(handle, self.folder.identities).nonce.hex()
        except age.AgeError as exc:
            return self._unreadable_copy(copy, exc)
        try:
            with open(target, "rb") as handle:
                target_nonce: str | None = age.Decryptor(handle, self.folder.identities).nonce.hex()
        except age.AgeError:
            target_nonce = None
        wanted = {
            r.document.nonce
            for r in [*self.folder.by_id.values(), *self.kept_version_records()]
            if r.document is not None and r.document.id == doc_id
        }
        spare = self.folder.path / DOCUMENTS / f"{new_id()}.age"
        if copy_nonce in wanted and target_nonce not in wanted:
            system.replace(target, spare)  # kept, unreferenced: verify lists it
            system.replace(copy.path, target)
        else:
            system.replace(copy.path, spare)
        fsync_dir(target.parent)
        self.sync_notes.append(
            f"{copy.rel}: a {copy.tool} conflict copy of a document that differs from the one "
            f"its record points to; kept as {DOCUMENTS}/{spare.name} (unreferenced)."
        )
        return True

    def _fold_texts_copy(self, copy: sync.ConflictCopy) -> bool:
        target = copy.original_path
        record_id = copy.original[: -len(".age")]
        if not target.exists():
            system.replace(copy.path, target)
            fsync_dir(target.parent)
            return True
        try:
            _, copy_plain = self._decrypt_copy(copy.path)
        except age.AgeError as exc:
            return self._unreadable_copy(copy, exc)
        record = self.folder.by_id.get(record_id)

        def matches(plain: bytes) -> bool:
            try:
                data = json.loads(plain)
            except ValueError:
                return False
            return (
                record is not None and data.get("record") == record_id and data.get("sha256") == record.sha256
            )

        try:
            target_plain: bytes | None = self._decrypt_copy(target)[1]
        except age.AgeError:
            target_plain = None
        if target_plain is not None and (
            target_plain == copy_plain or matches(target_plain) or not matches(copy_plain)
        ):
            remove_file(copy.path)  # derived data: the text kept matches the document (or can be rebuilt)
        else:
            system.replace(copy.path, target)
            fsync_dir(target.parent)
        return True

    def _fold_other_copy(self, copy: sync.ConflictCopy) -> bool:
        """Keys, keyrings, people, info, rotation: keep the one that reads and validates."""
        target = copy.original_path
        if self._fold_trivially(copy):
            return True
        valid_target, valid_copy = self._validates(copy, target), self._validates(copy, copy.path)
        if valid_copy is True and valid_target is False:
            damaged = target.with_name(f"{target.stem}.damaged-{secrets.token_hex(4)}.age")
            system.replace(target, damaged)
            system.replace(copy.path, target)
            fsync_dir(target.parent)
            self.sync_notes.append(
                f"{copy.rel} replaced the damaged {copy.original}, which was kept as {damaged.name}."
            )
            return True
        self.sync_notes.append(
            f"{copy.rel} is a {copy.tool} conflict copy of {copy.original} that differs from it; "
            f"{copy.original} is used and the copy was left beside it."
        )
        return False

    def _validates(self, copy: sync.ConflictCopy, path: Path) -> bool | None:
        """Whether *path* holds a valid file for *copy*'s folder; None if this person cannot tell."""
        stem = copy.original[: -len(".age")]
        try:
            vault_keys = [k.identity for k in self.folder.keyring.keys if k.scope == VAULT_SCOPE]
            if copy.folder == PEOPLE:
                return json.loads(age.decrypt_bytes(read_small(path), vault_keys)) == (
                    self.folder.info.get("people") or {}
                ).get(stem)
            if copy.folder == "" and copy.original == INFO:
                return self.folder.read_info(path, vault_keys) is not None
            if copy.folder == KEYRINGS and stem == self.folder.person.id:
                ring = Keyring.decrypt(read_small(path), self.folder.identity, self.folder.owner_key)
                ring.wipe()  # only looked at: its keys are not used
                return ring.signed and ring.person_id == stem
        except age.NoIdentityMatch:
            return None
        except (age.AgeError, OSError, ValueError, TypeError, KeyError):
            return False
        return None

    def kept_version_records(self) -> list[Record]:
        out = []
        for folder in sync.VERSION_FOLDERS:
            for file in age_files(self.folder.path / folder):
                try:
                    out.append(self.folder.checked_record_copy(file, file.name[:20])[2])
                except (age.AgeError, OSError, ValueError, TypeError, KeyError, IntegrityError):
                    continue
        return out

    def check_kept_versions(self) -> list[Problem]:
        """Every file in conflicts/ and versions/ this person can open, checked like a record."""
        problems = []
        for folder in sync.VERSION_FOLDERS:
            for file in age_files(self.folder.path / folder):
                rel = f"{folder}/{file.name}"
                try:
                    self.folder.checked_record_copy(file, file.name[:20])
                except age.NoIdentityMatch:
                    if self.folder.holds_all_scopes:
                        problems.append(Problem.of(rel, "kept-version-unopenable", record_id=file.name[:20]))
                except (age.AgeError, OSError, ValueError, TypeError, KeyError) as exc:
                    problems.append(
                        Problem.of(rel, "kept-version-damaged", record_id=file.name[:20], detail=str(exc))
                    )
                except IntegrityError as exc:
                    problems.append(
                        Problem.of(rel, "kept-version-not-used", record_id=file.name[:20], why=exc)
                    )
        return problems

    def conflicts(self) -> dict[str, list[RecordVersion]]:
        """Records changed on two synced copies, waiting for a choice: id -> its versions, the one
        shown (current) first. Only records this person can read are listed."""
        pending: dict[str, list[Path]] = {}
        for file in age_files(self.folder.path / CONFLICTS_DIR):
            pending.setdefault(file.name[:20], []).append(file)
        out: dict[str, list[RecordVersion]] = {}
        for record_id, files in sorted(pending.items()):
            versions = []
            for file, current in [
                (self.folder.path / RECORDS / f"{record_id}.age", True),
                *((f, False) for f in files),
            ]:
                try:
                    _, plain, record = self.folder.checked_record_copy(file, record_id)
                    versions.append(RecordVersion(sync.version_id(plain), record, current, file))
                except (age.AgeError, OSError, ValueError, TypeError, KeyError, IntegrityError):
                    continue
            if any(not v.current for v in versions):
                out[record_id] = versions
        return out

    def versions(self, record_id: str) -> list[RecordVersion]:
        """Every kept version of a record (the current one first), resolved conflicts included."""
        record_id = self.folder.get(record_id).id
        out = list(self.conflicts().get(record_id, []))
        if not out:
            file = self.folder.path / RECORDS / f"{record_id}.age"
            plain = self.folder.decrypt_small(file)
            out = [RecordVersion(sync.version_id(plain), Record.from_json(plain), True, file)]
        for file in age_files(self.folder.path / VERSIONS_DIR):
            if file.name.startswith(f"{record_id}-"):
                try:
                    _, plain, record = self.folder.checked_record_copy(file, record_id)
                    out.append(RecordVersion(sync.version_id(plain), record, False, file))
                except (age.AgeError, OSError, ValueError, TypeError, KeyError, IntegrityError):
                    continue
        return out

    def resolve_conflict(self, record_id: str, keep_version_id: str) -> Record:
        """Make the chosen version of a record in conflict current (as a new revision); every other
        version, and the chosen one as it was, is kept in versions/."""
        versions = self.conflicts().get(record_id)
        if not versions:
            raise RecordNotFound("no-versions-waiting", record_id=record_id)
        chosen = next((v for v in versions if v.version_id == keep_version_id), None)
        if chosen is None:
            raise RecordNotFound("version-not-found", record_id=record_id, version=keep_version_id)
        self.folder.require_edit(chosen.record.scope)
        with self.folder.lock():
            if (
                chosen.record.document is not None
                and not (self.folder.path / DOCUMENTS / f"{chosen.record.document.id}.age").exists()
            ):
                raise IntegrityError(
                    "chosen-version-document-missing", title=chosen.record.title, record_id=record_id
                )
            for version in versions:  # first keep everything, then write the choice
                self._keep_version(record_id, version.version_id, version.path.read_bytes(), VERSIONS_DIR)
            updated = Record.from_dict(chosen.record.to_dict())
            updated.revision = max(v.record.revision for v in versions) + 1
            updated.modified = self.folder.now()
            updated.modified_by = self.folder.person.id
            self.folder.write_record(updated)
            for version in versions:
                if not version.current:
                    remove_file(self.folder.path / CONFLICTS_DIR / version.path.name)
        return updated
