"""Untrusted XML parsed safely for the C-CDA reader: defusedxml refuses DTDs, entity declarations and
external references (no entity bomb, no XXE, no network); the tree is limited in depth, elements and
entries, and the cancel check (a `deadline.Deadline`: the time limit too) is called while it is built.

Tags and attribute names are kept as local names (namespaces dropped), so a document with a wrong or
missing default namespace reads the same; prefixes used without a declaration (a section cut out of a
document with `xsi:type` kept) are declared on a wrapper element and read too.

What vendors send is read as well: UTF-16 and UTF-32 (with a BOM or without), any encoding Python
knows when declared (ISO-8859-1 and ASCII read as Windows-1252, as browsers do, and as UTF-8 when the
bytes are valid UTF-8), HTML's named characters (`&nbsp;`, `&eacute;`...) without a DTD, and bytes
of a "UTF-8" document that are not UTF-8 (read as Windows-1252 and counted). Everything but a UTF-8
document goes to UTF-8 first, so the fixes below work on ASCII-compatible bytes; they are made only
after a parse fails, all at once, so a clean UTF-8 document is parsed once, as it is, and a document
that needs them twice.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.entities import html5
from typing import NamedTuple
from xml.parsers.expat import errors as expat_errors

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import Cancelled, InputFileError
from .deadline import within

#: the largest XML document read: its tree takes some 8 times its size in memory (32 MiB: ~500,000
#: elements, ~250 MiB), within the import's 300 MiB; a portal's CCD of many years is a few MiB
MAX_BYTES = 32 * 1024 * 1024
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
_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(<\?xml[^>]*\?>)?")
_KNOWN = {
    b"xsi": b"http://www.w3.org/2001/XMLSchema-instance",
    b"sdtc": b"urn:hl7-org:sdtc",
    b"voc": b"urn:hl7-org:v3/voc",
}
_UNBOUND_PREFIX = expat_errors.codes[expat_errors.XML_ERROR_UNBOUND_PREFIX]

#: byte order marks, then the first bytes of "<" or whitespace without one (XML 1.0 appendix F)
_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_UNMARKED = re.compile(rb"^(?:(\x00\x00\x00[<\s])|([<\s]\x00\x00\x00)|(\x00[<\s])|([<\s]\x00))")
_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']""")
_ENCODING_ATTRIBUTE = re.compile(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*(["'])[^"']*\2""")
#: what a declared Western single-byte encoding is read as: Windows-1252 (as HTML5 reads all three)
_WESTERN = {"iso8859-1": "cp1252", "ascii": "cp1252", "cp1252": "cp1252", "iso8859-15": "iso8859-15"}
#: a byte that is not UTF-8, kept by the surrogateescape handler as U+DC80..U+DCFF, as Windows-1252
_ESCAPED = re.compile("[\udc80-\udcff]")
_AS_CP1252 = {0xDC00 + b: bytes([b]).decode("cp1252", "replace") for b in range(0x80, 0x100)}
#: HTML named character references, and the CDATA sections and comments they are not looked for in
_REFERENCE = re.compile(rb"<!\[CDATA\[.*?\]\]>|<!--.*?-->|&([A-Za-z][A-Za-z0-9]{0,40});", re.DOTALL)
_XML_NAMES = {b"amp", b"lt", b"gt", b"quot", b"apos"}
#: a named reference that is not one of XML's five (the quick look before _numbered)
_HTML_NAME = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z]")
_DECLARED_PREFIX = re.compile(rb"xmlns:([A-Za-z_][\w.-]*)\s*=")


class Parsed(NamedTuple):
    """What `parse_xml` gives."""

    root: ET.Element  # the document element (local names)
    namespace: str  # its namespace ("" for none)
    replaced: int  # bytes of a UTF-8 document that were not UTF-8, read as Windows-1252 characters


class _Limit(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class _Builder:
    """An ElementTree TreeBuilder that drops namespaces and stops at the limits."""

    def __init__(self, cancel: Callable[[], bool]) -> None:
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
        if self.elements % CHECK_EVERY == 0 and self.cancel():
            raise _Limit("portal-read-cancelled")
        return self.tree.start(local, {k.rsplit("}", 1)[-1]: v for k, v in attrs.items()})

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return self.tree.end(tag.rsplit("}", 1)[-1])

    def data(self, text: str) -> None:
        self.tree.data(text)

    def close(self) -> ET.Element:
        return self.tree.close()


def _decode_utf8(data: bytes) -> tuple[str, int]:
    """*data* as UTF-8 text, each byte that is not UTF-8 read as Windows-1252 (a Latin-1 "é" in a file
    that says UTF-8), and how many there were."""
    text = data.decode("utf-8", "surrogateescape")
    replaced = len(_ESCAPED.findall(text))
    return (text.translate(_AS_CP1252) if replaced else text), replaced


def _codec(data: bytes) -> tuple[str, int] | None:
    """(Python codec, BOM length) of *data* when it is not to be parsed as UTF-8 bytes as they are;
    None for UTF-8 (declared, or nothing declared)."""
    for mark, codec in _MARKS:
        if data.startswith(mark):
            return codec, len(mark)
    unmarked = _UNMARKED.match(data[:4])
    if unmarked and unmarked.lastindex:
        return ("utf-32-be", "utf-32-le", "utf-16-be", "utf-16-le")[unmarked.lastindex - 1], 0
    declared = _DECLARED.match(data[:1024])
    if declared is None or declared.group(1).lower() == b"utf-8":
        return None
    bom = 3 if data.startswith(codecs.BOM_UTF8) else 0
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        name = "utf-8"  # an unknown name: UTF-8 is what it most likely is
    if name in _WESTERN:
        try:
            data.decode("utf-8")  # saved as UTF-8 by a tool that kept the old declaration
        except UnicodeDecodeError:
            return _WESTERN[name], bom
        return "utf-8", bom
    if name.startswith(("utf-16", "utf-32", "utf-8")):
        return "utf-8", bom  # 8-bit bytes that say UTF-16: the bytes tell the truth
    return name, bom


def _as_utf8(data: bytes) -> tuple[bytes, int]:
    """*data* as UTF-8 bytes whose declaration names no other encoding (the same object when it is
    UTF-8 already), and how many bytes were not in the encoding a UTF-8 document said (see
    _decode_utf8)."""
    found = _codec(data)
    if found is None:
        return data, 0
    codec, bom = found
    if codec == "utf-8":
        text, replaced = _decode_utf8(data[bom:])
    else:
        text, replaced = data[bom:].decode(codec, "replace"), 0
    return _ENCODING_ATTRIBUTE.sub(r"\1", text, count=1).encode("utf-8"), replaced


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


def _numeric(match: re.Match[bytes]) -> bytes:
    name = match.group(1)
    if name is None or name in _XML_NAMES:
        return match.group(0)
    chars = html5.get(name.decode("ascii") + ";")
    if chars is None:
        return match.group(0)  # not HTML's either: the parse says the XML is damaged
    return b"".join(b"&#%d;" % ord(char) for char in chars)


def _numbered(data: bytes) -> bytes:
    """*data* with HTML's named characters (`&nbsp;`...) as numeric references (`&#160;`), outside
    CDATA sections and comments; XML's own five and unknown names are left as they are. Nothing is
    expanded: a DTD or an entity declaration stays refused."""
    return _REFERENCE.sub(_numeric, data)


def _parse_once(data: bytes, cancel: Callable[[], bool]) -> tuple[ET.Element, str]:
    builder = _Builder(cancel)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    for start in range(0, len(data), CHUNK):
        if cancel():
            raise _Limit("portal-read-cancelled")
        parser.feed(data[start : start + CHUNK])
    root: ET.Element = parser.close()
    return root, builder.namespace or ""


def _undeclared(data: bytes) -> bool:
    """Whether *data* uses a namespace prefix that it declares nowhere."""
    used = set(_PREFIXES.findall(data)) - {b"xml", b"xmlns"}
    return bool(used - set(_DECLARED_PREFIX.findall(data)))


def _mended(data: bytes, code: int | None) -> tuple[bytes, int, bool]:
    """*data* with everything mended that a parse of it may have failed on (*code*, expat's error): bytes
    that are not UTF-8, HTML's named characters, prefixes used undeclared. Returns the bytes, how many
    bytes were read as Windows-1252 and whether it is wrapped."""
    replaced = 0
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        text, replaced = _decode_utf8(data)
        data = text.encode("utf-8")
    if _HTML_NAME.search(data):
        data = _numbered(data)
    wrap = code == _UNBOUND_PREFIX or _undeclared(data)
    return (_wrapped(data) if wrap else data), replaced, wrap


def _parse(data: bytes, cancel: Callable[[], bool]) -> Parsed:
    """Parse; when that fails, mend all that can be mended (one parse more, not one a fix: a 64 MiB
    document stays within the time limit) and parse again."""
    data, replaced = _as_utf8(data)
    try:
        root, namespace = _parse_once(data, cancel)
        return Parsed(root, namespace, replaced)
    except ET.ParseError as error:
        mended, bad, wrapped = _mended(data, getattr(error, "code", None))
        if mended == data:
            raise
    root, namespace = _parse_once(mended, cancel)
    if wrapped:
        children = list(root)
        if len(children) != 1:
            raise ET.ParseError("not one document in the wrapper")
        root = children[0]
    return Parsed(root, namespace, replaced + bad)


def parse_xml(data: bytes, name: str, cancel: Callable[[], bool] | None = None) -> Parsed:
    """The root element of *data* (local names), its namespace and the count of bytes read as
    Windows-1252, or one InputFileError naming *name*: portal-xml-unsafe (a DTD, entity or external
    reference), portal-xml-invalid (not well-formed), portal-too-many-entries (past the limits),
    portal-file-too-large, portal-read-too-slow (`deadline.ReadTooSlow`, once *cancel*'s time is up
    when it is a Deadline, else after READ_SECONDS); Cancelled when *cancel* says so."""
    if len(data) > MAX_BYTES:
        raise InputFileError("portal-file-too-large", name=name, limit=f"{MAX_BYTES >> 20} MiB")
    check = within(name, cancel)
    try:
        return _parse(data, check)
    except DefusedXmlException:
        raise InputFileError("portal-xml-unsafe", name=name) from None
    except ET.ParseError:
        raise InputFileError("portal-xml-invalid", name=name) from None
    except _Limit as limit:
        if limit.code == "portal-read-cancelled":
            raise Cancelled("portal-read-cancelled", name=name) from None
        raise InputFileError(limit.code, name=name, limit=f"{MAX_ENTRIES:,}") from None
