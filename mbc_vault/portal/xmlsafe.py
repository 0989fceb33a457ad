"""Untrusted XML parsed safely for the C-CDA reader: defusedxml refuses DTDs, entity declarations and
external references (no entity bomb, no XXE, no network); the tree is limited in depth, elements and
entries, and the cancel flag is checked while it is built.

Tags and attribute names are kept as local names (namespaces dropped), so a document with a wrong or
missing default namespace reads the same; prefixes used without a declaration (a section cut out of a
document with `xsi:type` kept) are declared on a wrapper element and read too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import Cancelled, InputFileError

MAX_BYTES = 64 * 1024 * 1024
#: a document deeper than this is not a clinical document (CDA nests some 30 levels)
MAX_DEPTH = 200
#: the elements of a tree held in memory at most (some 400 bytes each)
MAX_ELEMENTS = 1_000_000
#: `<entry>` elements at most (a portal document holds hundreds; FHIR's reader allows 50,000 resources)
MAX_ENTRIES = 50_000
CHUNK = 1 << 20
CHECK_EVERY = 4096
WRAPPER = "mbc-vault-wrapper"
_PREFIXES = re.compile(rb"[<\s/]([A-Za-z_][\w.-]*):[A-Za-z_]")
_DECLARATION = re.compile(rb"^\s*(<\?xml[^>]*\?>)?")
_KNOWN = {
    b"xsi": b"http://www.w3.org/2001/XMLSchema-instance",
    b"sdtc": b"urn:hl7-org:sdtc",
    b"voc": b"urn:hl7-org:v3/voc",
}


class _Limit(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class _Builder:
    """An ElementTree TreeBuilder that drops namespaces and stops at the limits."""

    def __init__(self, cancel: Callable[[], bool] | None) -> None:
        self.tree = ET.TreeBuilder()
        self.cancel = cancel
        self.depth = 0
        self.elements = 0
        self.entries = 0
        self.namespace: str | None = None  # the document element's namespace ("" for none)

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self.depth += 1
        self.elements += 1
        local = tag.rsplit("}", 1)[-1]
        if self.namespace is None and local != WRAPPER:
            self.namespace = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
        if local == "entry":
            self.entries += 1
            if self.entries > MAX_ENTRIES:
                raise _Limit("portal-too-many-entries")
        if self.depth > MAX_DEPTH or self.elements > MAX_ELEMENTS:
            raise _Limit("portal-too-many-entries")
        if self.elements % CHECK_EVERY == 0 and self.cancel is not None and self.cancel():
            raise _Limit("portal-read-cancelled")
        return self.tree.start(local, {k.rsplit("}", 1)[-1]: v for k, v in attrs.items()})

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return self.tree.end(tag.rsplit("}", 1)[-1])

    def data(self, text: str) -> None:
        self.tree.data(text)

    def close(self) -> ET.Element:
        return self.tree.close()


def _wrapped(data: bytes) -> bytes:
    """*data* inside a wrapper element that declares every prefix it uses (after its XML declaration)."""
    head = _DECLARATION.match(data)
    cut = head.end() if head else 0
    prefixes = set(_PREFIXES.findall(data)) - {b"xml", b"xmlns"}
    declared = b"".join(
        b' xmlns:%s="%s"' % (p, _KNOWN.get(p, b"urn:undeclared:" + p)) for p in sorted(prefixes)
    )
    return (
        data[:cut] + b"<" + WRAPPER.encode() + declared + b">" + data[cut:] + b"</" + WRAPPER.encode() + b">"
    )


def _parse_once(data: bytes, cancel: Callable[[], bool] | None) -> tuple[ET.Element, str]:
    builder = _Builder(cancel)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    for start in range(0, len(data), CHUNK):
        if cancel is not None and cancel():
            raise _Limit("portal-read-cancelled")
        parser.feed(data[start : start + CHUNK])
    root: ET.Element = parser.close()
    return root, builder.namespace or ""


def parse_xml(data: bytes, name: str, cancel: Callable[[], bool] | None = None) -> tuple[ET.Element, str]:
    """The root element of *data* (local names) and its namespace, or one InputFileError naming *name*:
    portal-xml-unsafe (a DTD, entity or external reference), portal-xml-invalid (not well-formed),
    portal-too-many-entries (past the limits), portal-file-too-large; Cancelled when *cancel* says so."""
    if len(data) > MAX_BYTES:
        raise InputFileError("portal-file-too-large", name=name, limit=f"{MAX_BYTES >> 20} MiB")
    try:
        try:
            return _parse_once(data, cancel)
        except ET.ParseError as error:
            if "unbound prefix" not in str(error):
                raise
        root, namespace = _parse_once(_wrapped(data), cancel)
        children = list(root)
        if len(children) != 1:
            raise InputFileError("portal-xml-invalid", name=name)
        return children[0], namespace
    except DefusedXmlException:
        raise InputFileError("portal-xml-unsafe", name=name) from None
    except ET.ParseError:
        raise InputFileError("portal-xml-invalid", name=name) from None
    except _Limit as limit:
        if limit.code == "portal-read-cancelled":
            raise Cancelled("portal-read-cancelled", name=name) from None
        raise InputFileError(limit.code, name=name, limit=f"{MAX_ENTRIES:,}") from None
