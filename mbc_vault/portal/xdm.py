"""IHE XDM zips (a portal's "download my records"): IHE_XDM/<subset>/DOC0001.XML... C-CDA documents,
each read by the C-CDA reader, titled from the subset's METADATA.XML when it is there (and from the
document itself when not). INDEX.HTM, README.TXT and other non-XML members are ignored; several zips
of one export are each read this way (the review finds what they share)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable

from ..errors import InputFileError, VaultError
from .ccda import read_ccda
from .ccda_parts import child, kids, words
from .deadline import ReadTooSlow
from .model import PortalRead
from .xmlsafe import parse_xml
from .zipmember import read_member


def _base(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1].upper()


def _titles(archive: zipfile.ZipFile, name: str, cancel: Callable[[], bool] | None) -> dict[str, str]:
    """Document file name (upper case) -> its title, from every METADATA.XML (ebXML registry objects);
    a metadata file that cannot be read gives no titles, never an error (but the file's time limit)."""
    titles: dict[str, str] = {}
    for member in archive.infolist():
        if _base(member.filename) != "METADATA.XML":
            continue
        try:
            label = f"{name} › {member.filename}"
            root = parse_xml(read_member(archive, member, label), label, cancel).root
        except ReadTooSlow:
            raise
        except VaultError:
            continue
        for extrinsic in root.iter("ExtrinsicObject"):
            localized = child(extrinsic, "Name", "LocalizedString")
            title = words(localized.get("value")) if localized is not None else ""
            for slot in kids(extrinsic, "Slot"):
                if (slot.get("name") or "").upper() == "URI" and title:
                    values = child(slot, "ValueList")
                    for value in values.iter("Value") if values is not None else []:
                        uri = (value.text or "").strip().split("|")[-1]
                        if uri:
                            titles[_base(uri)] = title
    return titles


def read_xdm(
    archive: zipfile.ZipFile,
    members: list[zipfile.ZipInfo],
    name: str,
    cancel: Callable[[], bool] | None = None,
) -> list[PortalRead]:
    """One PortalRead for each C-CDA document *members* of the XDM zip *name*. A document that cannot
    be read is counted on the first one read; when none can be, the first one's error is raised."""
    titles = _titles(archive, name, cancel)
    reads: list[PortalRead] = []
    failed: list[tuple[str, VaultError]] = []
    for member in sorted(members, key=lambda m: m.filename):
        try:
            label = f"{name} › {member.filename}"
            read = read_ccda(read_member(archive, member, label), label, cancel)
        except ReadTooSlow:
            raise  # the zip's time is up: the whole file is refused
        except InputFileError as error:
            failed.append((member.filename, error))
            continue
        read.title = titles.get(_base(member.filename)) or read.title
        reads.append(read)
    if not reads:
        if failed:
            raise failed[0][1]
        raise InputFileError("portal-format-unknown", label=name)
    if failed:
        reads[0].problem("portal-member-unreadable", len(failed), member=failed[0][0])
    return reads
