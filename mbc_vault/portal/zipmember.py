"""One member of a portal zip, read so that a damaged member (bad CRC, broken deflate data, encryption,
an unknown compression) is an InputFileError naming it, never a traceback."""

from __future__ import annotations

import zipfile
import zlib

from ..errors import InputFileError


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, label: str) -> bytes:
    """The bytes of *member*; raises InputFileError("portal-zip-damaged", label=*label*) if it cannot be
    read whole."""
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError):
        raise InputFileError("portal-zip-damaged", label=label) from None
