"""Scope-key rotation: the owner's rotation record, new generations for everyone who keeps a
part, re-encryption that never crosses parts, and resuming after an interruption."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import age
from .cache import file_key
from .categories import VAULT_SCOPE
from .errors import Cancelled, IntegrityError
from .folder import VaultFolder
from .fsutil import atomic_write_bytes, open_regular, remove_file
from .keys import ScopeKey
from .layout import (
    CONFLICTS_DIR,
    DOCUMENTS,
    INFO,
    PEOPLE,
    RECORDS,
    REQUESTS,
    ROTATION,
    TEXTS,
    VERSIONS_DIR,
    Problem,
    age_files,
    detail,
    read_small,
)
from .owner import OwnerKeys
from .people import check_scopes
from .progress import CancelFlag, ProgressFn, Stage
from .records import DocumentRef, Record

log = logging.getLogger(__name__)


@dataclass
class RotationReport:
    scopes: dict[str, int] = field(default_factory=dict)  # scope -> generation now current
    files_reencrypted: int = 0
    records_checked: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems


class Rotation:
    """Key rotation of one unlocked folder (the owner's)."""

    def __init__(self, folder: VaultFolder, owner: OwnerKeys) -> None:
        self.folder, self.owner = folder, owner
        self._rotation_reencrypt = True

    # ------------------------------------------------------------------ rotation
    def pending_rotation(self) -> dict[str, int]:
        """Scopes whose rotation was started and not finished: scope -> target generation ({} if none).
        Only the owner can read it."""
        marker = self.read_rotation_record()
        return {scope: int(item["generation"]) for scope, item in marker.items()} if marker else {}

    def _marker_mac(self, body: bytes) -> str:
        return hmac.new(self.owner.signing_key().mac_key(b"rotation"), body, hashlib.sha256).hexdigest()

    def read_rotation_record(self) -> dict[str, dict[str, Any]]:
        file = self.folder.path / ROTATION
        if not file.exists():
            return {}
        self.owner.require_owner()
        try:
            outer = json.loads(age.decrypt_bytes(file.read_bytes(), [self.folder.identity]))
            body = outer["body"]
            if not hmac.compare_digest(str(outer["mac"]), self._marker_mac(body.encode("utf-8"))):
                raise ValueError("seal")
            data = json.loads(body)
            self._rotation_reencrypt = bool(data.get("reencrypt", True))
            return {
                str(s): {"generation": int(i["generation"]), "key": str(i["key"])}
                for s, i in data["scopes"].items()
            }
        except (age.AgeError, OSError, ValueError, KeyError, TypeError):
            raise IntegrityError("rotation-damaged", rotation=ROTATION, path=str(file)) from None

    def write_rotation_record(self, scopes: dict[str, dict[str, Any]], reencrypt: bool = True) -> None:
        file = self.folder.path / ROTATION
        if not scopes:
            remove_file(file)
            return
        body = json.dumps({"scopes": scopes, "reencrypt": reencrypt}, sort_keys=True)
        outer = {"body": body, "mac": self._marker_mac(body.encode("utf-8"))}
        atomic_write_bytes(
            file, age.encrypt_bytes(json.dumps(outer).encode("utf-8"), [self.folder.identity.recipient()])
        )

    def rotate_scope(
        self, scope: str, progress: ProgressFn | None = None, cancel: CancelFlag | None = None
    ) -> RotationReport:
        """Make a new generation of *scope*'s key, give it to everyone who keeps the scope, and
        re-encrypt every file of the scope to it. Safe to interrupt: resume_rotation (run by
        Vault.open for the owner) finishes it."""
        return self.rotate_scopes([scope], progress=progress, cancel=cancel)

    def rotate_scopes(
        self,
        scopes: Iterable[str],
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
        *,
        reencrypt: bool = True,
    ) -> RotationReport:
        """New generations of *scopes*; with *reencrypt* (the default) every file of them is
        re-encrypted too, without it only what is written from now on uses the new keys."""
        self.owner.require_owner()
        wanted = []
        for scope in scopes:
            if scope != VAULT_SCOPE:
                check_scopes([scope])
            if scope not in wanted:
                wanted.append(scope)
        if self.pending_rotation():
            self.resume_rotation(progress=progress, cancel=cancel)
        with self.folder.lock():
            pending = self.read_rotation_record()
            for scope in wanted:
                current = max((k.generation for k in self.folder.keyring.keys if k.scope == scope), default=0)
                pending[scope] = {"generation": current + 1, "key": str(age.X25519Identity.generate())}
            self.write_rotation_record(
                pending, reencrypt
            )  # first: the new key is never used before it is recorded
        return self.resume_rotation(progress=progress, cancel=cancel)

    def resume_rotation(
        self, progress: ProgressFn | None = None, cancel: CancelFlag | None = None
    ) -> RotationReport:
        """Finish a rotation that was started (idempotent: files already on the new key are skipped)."""
        self.owner.require_owner()
        report = RotationReport()
        with self.folder.lock():
            marker = self.read_rotation_record()
            if not marker:
                return report
            targets: dict[str, ScopeKey] = {}
            changed = False
            for scope, item in marker.items():
                key = ScopeKey(scope, item["generation"], age.X25519Identity.parse(item["key"]))
                known = [
                    k for k in self.folder.keyring.keys if k.scope == scope and k.generation == key.generation
                ]
                if known and known[0].identity.secret != key.identity.secret:
                    raise IntegrityError(
                        "rotation-generation-clash", generation=key.generation, scope=scope, rotation=ROTATION
                    )
                if not known:
                    self.folder.keyring.keys.append(key)
                    changed = True
                targets[scope] = key
                report.scopes[scope] = key.generation
            if changed:
                self.owner.write_keyring(self.folder.person)
                self.owner.my_keyring_changed()
            reencrypt = getattr(self, "_rotation_reencrypt", True)
            # the signed info names the new generations: from now on every writer uses them
            current = {k.scope: k for k in self.folder.write_keys.values()}
            current.update(targets)
            self.owner.publish(keys=list(current.values()))
            # everyone who keeps a rotated scope gets its new key (rewritten every time: idempotent)
            for person in list(self.folder.people.values()):
                if person.id == self.folder.person.id:
                    continue
                if set(person.scopes) & set(targets) or VAULT_SCOPE in targets:
                    self.owner.write_keyring(person)
            self.owner.write_keyring(self.folder.person)
        if reencrypt:
            self._reencrypt_all(targets, report, progress, cancel)
        with self.folder.lock():
            # files that could not be moved are named in the report (and by verify); not a byte of
            # them was copied, so the rotation does not stay pending to try them again on every open
            remaining = {
                s: i
                for s, i in self.read_rotation_record().items()
                if not (s in targets and i["generation"] == targets[s].generation)
            }
            self.write_rotation_record(remaining)
        return report

    def _reencrypt_all(
        self,
        targets: dict[str, ScopeKey],
        report: RotationReport,
        progress: ProgressFn | None,
        cancel: CancelFlag | None,
    ) -> None:
        by_public = {k.identity.public_key: k for k in self.folder.keyring.keys}
        todo: list[Path] = []
        for file in age_files(self.folder.path / RECORDS):
            try:
                with open_regular(file) as handle:
                    matched = age.Decryptor(handle, self.folder.keyring.identities()).public_key
            except (age.AgeError, OSError):
                continue  # damaged: verify reports it; nothing to re-encrypt
            key = by_public.get(matched)
            if key is not None and key.scope in targets:
                todo.append(file)
        # small files re-encrypted as they are (each only under its own part's new key): the vault's
        # info, people and requests, and the kept versions of records (conflicts/, versions/)
        vault_files: list[Path] = []
        if VAULT_SCOPE in targets:
            vault_files = [
                self.folder.path / INFO,
                *age_files(self.folder.path / PEOPLE),
                *age_files(self.folder.path / REQUESTS),
            ]
        vault_files += [
            f for folder in (CONFLICTS_DIR, VERSIONS_DIR) for f in age_files(self.folder.path / folder)
        ]
        total = len(todo) + len(vault_files)
        done = 0
        for file in vault_files:
            if cancel is not None and cancel.is_set():
                raise Cancelled("rotation-interrupted")
            with self.folder.lock():
                try:
                    if self._reencrypt_small(file, targets, by_public):
                        report.files_reencrypted += 1
                except (age.AgeError, OSError) as exc:
                    report.problems.append(
                        Problem.of(
                            str(file.relative_to(self.folder.path)), "file-not-reencrypted", detail=str(exc)
                        )
                    )
            done += 1
            if progress is not None:
                progress(done, total, Stage.REENCRYPT, "")
        for file in todo:
            if cancel is not None and cancel.is_set():
                raise Cancelled("rotation-interrupted")
            with self.folder.lock():
                self._reencrypt_record(file, targets, by_public, report)
            report.records_checked += 1
            done += 1
            if progress is not None:
                progress(done, total, Stage.REENCRYPT, "")

    def _reencrypt_small(
        self, file: Path, targets: dict[str, ScopeKey], by_public: dict[bytes, ScopeKey]
    ) -> bool:
        """Re-encrypt one small file in place if it is on an older generation of a rotated scope."""
        try:
            raw = read_small(file)
        except FileNotFoundError:
            return False
        decryptor = age.Decryptor(io.BytesIO(raw), self.folder.keyring.identities())
        plaintext = decryptor.read_all()
        key = by_public.get(decryptor.public_key)
        if key is None or key.scope not in targets or key.generation >= targets[key.scope].generation:
            return False
        atomic_write_bytes(file, age.encrypt_bytes(plaintext, [targets[key.scope].recipient]))
        return True

    def _reencrypt_record(
        self,
        file: Path,
        targets: dict[str, ScopeKey],
        by_public: dict[bytes, ScopeKey],
        report: RotationReport,
    ) -> None:
        """One record with its document and page texts (holding the writer lock): the new document
        file first, then the record, then the old document is deleted. The record must be one its
        writer could write, and its document must be of the record's own part, before a byte is
        written: re-encryption never carries one part's bytes under another part's key."""
        rel = f"{RECORDS}/{file.name}"
        try:
            raw = read_small(file)
            decryptor = age.Decryptor(io.BytesIO(raw), self.folder.keyring.identities())
            plaintext = decryptor.read_all()
            key = by_public.get(decryptor.public_key)
            if key is None:
                raise ValueError("no key")
            record = self.folder.accept_record(plaintext, key.scope, file, expected_id=file.stem)
        except FileNotFoundError:
            return  # purged meanwhile
        except (age.AgeError, OSError, ValueError, TypeError, KeyError) as exc:
            report.problems.append(
                Problem.of(rel, "record-file-damaged", record_id=file.stem, detail=str(exc))
            )
            return
        except IntegrityError as exc:
            report.problems.append(Problem.of(rel, "record-not-reencrypted", record_id=file.stem, why=exc))
            return
        if key.scope not in targets:
            return
        target = targets[key.scope]
        rewrite_record = key.generation < target.generation
        old_doc = None
        if record.document is not None:
            doc_path = self.folder.path / DOCUMENTS / f"{record.document.id}.age"
            try:
                with open_regular(doc_path) as handle:
                    doc_key = by_public.get(
                        age.Decryptor(handle, self.folder.keyring.identities()).public_key
                    )
                if doc_key is None or doc_key.scope != key.scope:
                    raise IntegrityError("document-other-part-not-copied")
                if doc_key.generation < target.generation:
                    with self.folder.open_record_document(record) as stream:
                        doc_id, nonce, size, sha256 = self.folder.store_document(
                            stream, target, record.size, record.title, None, None
                        )
                    if (size, sha256) != (record.size, record.sha256):
                        remove_file(self.folder.path / DOCUMENTS / f"{doc_id}.age")
                        raise IntegrityError("content-mismatch")
                    old_doc = record.document
                    record.document = DocumentRef(id=doc_id, nonce=nonce.hex())
                    record.revision += 1  # an editor holding the old version must reload (ConflictError)
                    report.files_reencrypted += 1
                    rewrite_record = True
            except (OSError, age.AgeError, IntegrityError) as exc:
                report.problems.append(
                    Problem.of(
                        f"{DOCUMENTS}/{record.document.id}.age",
                        "document-not-reencrypted",
                        record_id=record.id,
                        title=record.title,
                        detail=detail(exc),
                    )
                )
                return
        texts = self.folder.path / TEXTS / f"{record.id}.age"
        try:
            if self._reencrypt_small(texts, targets, by_public):
                report.files_reencrypted += 1
        except (age.AgeError, OSError):
            pass  # damaged search text is rebuilt from the document (reindex), not carried along
        if rewrite_record:
            # a new document id means a new record: the owner signs it (vouching for it)
            data = self.folder.signed_json(dict(record.to_dict())) if old_doc is not None else plaintext
            atomic_write_bytes(file, age.encrypt_bytes(data, [target.recipient]))
            report.files_reencrypted += 1
            if old_doc is not None:
                remove_file(self.folder.path / DOCUMENTS / f"{old_doc.id}.age")
            fresh = Record.from_json(data)
            self.folder.remember(fresh)
            try:
                self.folder.cache.put(file.name, file_key(file.stat()), fresh.to_dict())
            except FileNotFoundError:
                pass
