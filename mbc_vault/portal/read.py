"""Which reader a portal file needs, found from its first bytes (not its name): a zip (an Apple Health
export, or IHE XDM of C-CDA documents), JSON (a FHIR bundle or resource), NDJSON / .phr, or XML
(C-CDA). One bad file is
reported by name and the batch goes on."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputFileError, VaultError
from ..progress import CancelFlag, ProgressFn, Stage
from .deadline import Deadline, ReadTooSlow
from .model import PortalRead
from .zipmember import read_member

_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: a portal file larger than this is refused before it is read
MAX_FILE_BYTES = 64 * 1024 * 1024
#: a zip is refused past this many members or this many bytes unpacked (a zip bomb)
MAX_ZIP_MEMBERS = 20_000
MAX_ZIP_BYTES = 256 * 1024 * 1024


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputFileError("input-missing", path=path) from None
    if path.is_dir():
        raise InputFileError("input-is-folder", path=path)
    if size > MAX_FILE_BYTES:
        raise InputFileError("portal-file-too-large", name=path.name, limit=f"{MAX_FILE_BYTES >> 20} MiB")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputFileError("input-unreadable", path=path) from None
    if not data.strip():
        raise InputFileError("input-empty", label=path)
    return data


def _fhir(data: bytes, name: str, check: Deadline) -> PortalRead:
    from .fhir import read_fhir

    return read_fhir(data, name, cancel=check)


def _ccda(data: bytes, name: str, check: Deadline) -> PortalRead:
    from .ccda import read_ccda

    return read_ccda(data, name, cancel=check)


def _zip(data: bytes, name: str, check: Deadline) -> list[PortalRead]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise InputFileError("portal-zip-damaged", label=name) from None
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_ZIP_BYTES:
        raise InputFileError("portal-zip-too-large", label=name)
    clinical = [
        m for m in members if "clinical-records/" in m.filename and m.filename.lower().endswith(".json")
    ]
    if clinical:  # an Apple Health export: one read for all its clinical records
        combined = PortalRead(
            name=name,
            format="apple-health",
            title="Apple Health records",
            original=data,
            media_type="application/zip",
        )
        for member in clinical:
            if check():
                break
            if member.file_size > MAX_FILE_BYTES:  # the one size limit of a portal file, as for files
                combined.problem("portal-member-unreadable", 1, member=member.filename)
                continue
            try:
                label = f"{name} › {member.filename}"
                part = _fhir(read_member(archive, member, label), label, check)
            except ReadTooSlow:
                raise  # the export's time is up: the whole file is refused
            except VaultError:
                combined.problem("portal-member-unreadable", 1, member=member.filename)
                continue
            combined.found.extend(part.found)
            for problem in part.problems:
                combined.problem(problem.code, problem.count, **problem.params)
        return [combined]
    documents = [
        m for m in members if m.filename.upper().endswith(".XML") and "METADATA" not in m.filename.upper()
    ]
    if documents:  # an IHE XDM export: C-CDA documents
        from .xdm import read_xdm

        return read_xdm(archive, documents, name, cancel=check)
    raise InputFileError("portal-format-unknown", label=name)


def _first(data: bytes) -> bytes:
    """The first character of *data* that is not a BOM or whitespace, as one ASCII byte when it is one
    (in UTF-8, or in UTF-16 or UTF-32 with or without a BOM: Windows tools save XML and JSON so)."""
    head = data[:64]
    for mark, codec in _MARKS:
        if head.startswith(mark):
            head = head[len(mark) :].decode(codec, "replace").encode("utf-8", "replace")
            break
    else:
        if head[:1] == b"\x00" or head[1:2] == b"\x00":
            head = head.replace(b"\x00", b"")  # UTF-16 or UTF-32 without a BOM: the ASCII left
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]


def read_portal_file(path: Path, cancel: CancelFlag | None = None) -> list[PortalRead]:
    """The portal documents in one file (a zip may hold several). Raises a VaultError naming the file;
    the whole read has one time limit (deadline.READ_SECONDS)."""
    data = _read_bytes(path)
    name = path.name
    check = Deadline(name, cancel.is_set if cancel is not None else None)
    first = _first(data)
    if data[:4] == b"PK\x03\x04":
        return _zip(data, name, check)
    if first in (b"{", b"["):
        return [_fhir(data, name, check)]
    if first == b"<":
        return [_ccda(data, name, check)]
    raise InputFileError("portal-format-unknown", label=name)


def read_portal_files(
    paths: Iterable[Path], progress: ProgressFn | None = None, cancel: CancelFlag | None = None
) -> tuple[list[PortalRead], list[tuple[str, VaultError]]]:
    """Read every file; a file that cannot be read is listed with its error and the rest go on."""
    paths = list(paths)
    reads: list[PortalRead] = []
    failed: list[tuple[str, VaultError]] = []
    for done, path in enumerate(paths):
        if cancel is not None and cancel.is_set():
            break
        if progress is not None:
            progress(done, len(paths), Stage.READ, path.name)
        try:
            reads.extend(read_portal_file(path, cancel))
        except VaultError as error:
            failed.append((path.name, error))
    if progress is not None:
        progress(len(paths), len(paths), Stage.READ, "")
    return reads, failed
