"""Reading a file before import: type, page count, metadata and text, under time and memory limits.

PDFs are read by poppler's `pdftotext` (and `pdfinfo` when that fails or finds no page) in child
processes with an address-space limit, a CPU limit, a wall-clock timeout and a cap on the text they
may return, so a damaged or hostile PDF (a decompression bomb, an endless loop) cannot hang or
exhaust the app. One process per PDF: each costs a fork (preexec_fn sets the limits), see
bench/bench_index.py.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .documents import sniff_media_type
from .proposals import propose_category, propose_date, propose_title

SUPPORTED_TYPES = ("application/pdf", "image/jpeg", "image/png", "image/tiff", "text/plain")
TIME_LIMIT_S = 30.0
MEMORY_LIMIT_BYTES = 1 << 30
MAX_TEXT_BYTES = 32 << 20
MAX_PLAIN_TEXT_BYTES = 16 << 20


@dataclass
class Extracted:
    """What could be read from one file; `problem` is a plain sentence when it cannot be imported."""

    path: Path
    media_type: str = "application/octet-stream"
    pages: int | None = None
    page_texts: list[str] = field(default_factory=list)
    pdf_title: str = ""
    pdf_date: str | None = None
    problem: str = ""
    #: proposals for the import dialog (all editable)
    title: str = ""
    date: str | None = None
    category: str = "medical-other"

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def pages_without_text(self) -> list[int]:
        """1-based numbers of pages with no text layer (scans and photos)."""
        return [i + 1 for i, text in enumerate(self.page_texts) if not text.strip()]


def _limits() -> None:  # in the child, before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (int(TIME_LIMIT_S), int(TIME_LIMIT_S) + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # it may not write files


class _Failed(Exception):
    pass


def _run_limited(args: list[str], max_output: int, data: bytes | None = None) -> tuple[int, bytes, bytes]:
    """Run a reader under limits; raise _Failed("timeout"/"too-big") if it misbehaves."""
    process = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL if data is None else subprocess.PIPE,
        preexec_fn=_limits,
        env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"},
    )
    try:
        out, err = process.communicate(input=data, timeout=TIME_LIMIT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise _Failed("timeout") from None
    if len(out) > max_output:
        raise _Failed("too-big")
    return process.returncode, out, err


def _pdfinfo_value(text: str, key: str) -> str:
    match = re.search(rf"^{key}:[ \t]*(.*)$", text, re.MULTILINE)
    return match.group(1).strip() if match else ""


_HTML_HEAD_END = "</head>\n<body>\n<pre>\n"
_HTML_TAIL = "</pre>\n</body>\n</html>\n"
_HTML_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_HTML_CREATED = re.compile(r'<meta name="CreationDate" content="([^"]*)"')


def _parse_htmlmeta(output: str) -> tuple[str, str, str] | None:
    """(title, creation date, text) from `pdftotext -htmlmeta`, or None if it is not in the expected shape.

    The head (title and meta tags) is HTML-escaped by pdftotext; the text in <pre> is not (poppler
    writes it as plain text, so a page may hold "<" or "&" as they are): only the head is unescaped.
    """
    head_end = output.find(_HTML_HEAD_END)
    if head_end < 0 or not output.endswith(_HTML_TAIL):
        return None
    head = output[:head_end]
    title = _HTML_TITLE.search(head)
    created = _HTML_CREATED.search(head)
    text = output[head_end + len(_HTML_HEAD_END) : len(output) - len(_HTML_TAIL)]
    return (
        html.unescape(title.group(1)).split("\n")[0].strip() if title else "",
        html.unescape(created.group(1)).strip() if created else "",
        text,
    )


def _pdf_problem(result: Extracted) -> None:
    """pdftotext failed: ask pdfinfo why (a password, or damage), for a sentence that says what to do."""
    name = result.path.name
    try:
        code, _, err = _run_limited(["pdfinfo", str(result.path)], 1 << 20)
    except _Failed:
        code, err = 1, b""
    if code != 0 and b"password" in err.lower():
        result.problem = (
            f"{name} is protected by a password. Open it in a PDF reader, save a copy "
            "without the password, and import that copy."
        )
    elif code != 0:
        result.problem = (
            f"{name} is damaged and cannot be read. Ask for a new copy, or scan the paper original."
        )
    else:
        result.problem = (
            f"{name} is damaged and its text cannot be read. Ask for a new copy, or scan the paper."
        )


def _read_pdf(result: Extracted) -> None:
    """One reader process per PDF: `pdftotext -htmlmeta` gives the title and creation date (meta tags)
    and the text, one form feed after each page (so also the page count). pdfinfo runs only when
    that fails, to tell a password-protected file from a damaged one."""
    name = result.path.name
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        result.problem = (
            f"{name} cannot be read because poppler-utils is not installed; run `make run` to install it."
        )
        return
    try:
        code, out, _ = _run_limited(
            ["pdftotext", "-htmlmeta", "-enc", "UTF-8", "-q", str(result.path), "-"], MAX_TEXT_BYTES
        )
        if code != 0:
            _pdf_problem(result)
            return
        parsed = _parse_htmlmeta(out.decode("utf-8", "replace"))
    except _Failed as failure:
        _failed(result, failure)
        return
    # pdftotext ends every page it could load, empty ones too, with a form feed. None at all: a
    # damaged page tree, or a poppler with another layout; pdfinfo then gives the page count.
    if parsed is None or "\f" not in parsed[2]:
        _read_pdf_two_readers(result)
        return
    title, created, text = parsed
    result.pdf_title = title[:300]
    result.pdf_date = created[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", created) else None
    texts = text.split("\f")
    result.pages = len(texts) - 1
    result.page_texts = texts[: result.pages]


def _failed(result: Extracted, failure: _Failed) -> None:
    name = result.path.name
    if str(failure) == "timeout":
        result.problem = (
            f"{name} took too long to read and was stopped; it may be damaged. "
            "Ask for a new copy, or scan the paper original."
        )
    else:
        result.problem = f"{name} holds far more text than a medical record could; it was not imported."


def _read_pdf_two_readers(result: Extracted) -> None:
    """The fallback: pdfinfo for the page count and metadata, then pdftotext for the text."""
    name = result.path.name
    try:
        code, out, err = _run_limited(["pdfinfo", "-isodates", "-enc", "UTF-8", str(result.path)], 1 << 20)
        if code != 0:
            if b"password" in err.lower():
                result.problem = (
                    f"{name} is protected by a password. Open it in a PDF reader, save a copy "
                    "without the password, and import that copy."
                )
            else:
                result.problem = (
                    f"{name} is damaged and cannot be read. Ask for a new copy, or scan the paper original."
                )
            return
        info = out.decode("utf-8", "replace")
        pages = _pdfinfo_value(info, "Pages")
        result.pages = int(pages) if pages.isdigit() else None
        result.pdf_title = _pdfinfo_value(info, "Title")[:300]
        created = _pdfinfo_value(info, "CreationDate")
        result.pdf_date = created[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", created) else None
        code, out, err = _run_limited(
            ["pdftotext", "-enc", "UTF-8", "-q", str(result.path), "-"], MAX_TEXT_BYTES
        )
        if code != 0:
            result.problem = (
                f"{name} is damaged and its text cannot be read. Ask for a new copy, or scan the paper."
            )
            return
    except _Failed as failure:
        _failed(result, failure)
        return
    texts = out.decode("utf-8", "replace").split("\f")
    if texts and texts[-1].strip() == "" and len(texts) > (result.pages or 0):
        texts = texts[:-1]
    if result.pages is not None:
        texts = (texts + [""] * result.pages)[: result.pages]
    result.page_texts = texts


def read_file(path: str | os.PathLike[str]) -> Extracted:
    """Inspect one file for import. Never raises for a bad file: see `problem`."""
    path = Path(path)
    result = Extracted(path=path)
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        result.problem = f"{name} does not exist; check the name (it may have been moved)."
        return result
    except (PermissionError, IsADirectoryError):
        result.problem = f"{name} cannot be read (no permission); copy it somewhere you own and try again."
        return result
    if size == 0:
        result.problem = f"{name} is empty; there is nothing to import."
        return result
    result.media_type = sniff_media_type(head, name)
    if result.media_type not in SUPPORTED_TYPES:
        result.problem = (
            f"{name} is not a PDF, JPEG, PNG, TIFF or text file; save or print it as PDF, "
            "then import the PDF."
        )
        return result
    if result.media_type == "application/pdf":
        _read_pdf(result)
    elif result.media_type == "text/plain":
        if size > MAX_PLAIN_TEXT_BYTES:
            result.problem = f"{name} is too large for a text note; split it or save it as PDF."
            return result
        result.pages = 1
        result.page_texts = [path.read_bytes().decode("utf-8", "replace")]
    else:
        result.pages = 1
        result.page_texts = [""]
    if result.ok:
        first = "\n".join(result.page_texts[:2])
        result.title = propose_title(result.pdf_title, name, first)
        result.date = propose_date(first) or result.pdf_date
        result.category = propose_category(first, title=f"{result.pdf_title}\n{path.stem}")
    return result


def pdf_page_texts(data: bytes, pages: int | None) -> list[str] | None:
    """The text of each page of a PDF given as bytes (piped, never written to disk); None if unreadable."""
    try:
        code, out, _ = _run_limited(["pdftotext", "-enc", "UTF-8", "-q", "-", "-"], MAX_TEXT_BYTES, data)
    except _Failed:
        return None
    if code != 0:
        return None
    texts = out.decode("utf-8", "replace").split("\f")
    if pages:
        texts = (texts + [""] * pages)[:pages]
    elif texts and not texts[-1].strip():
        texts = texts[:-1]
    return texts
