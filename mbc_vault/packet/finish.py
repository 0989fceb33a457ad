"""The last step of a packet, asked of the PDF worker: one assembly of every part in order, with a
footer on every page, the contents page's links, one bookmark per section and, with a password,
AES-256 encryption (`mbc_vault/pdf/assemble.py`). The finished bytes come back through the worker's
pipe into a Sink here, hashed as they arrive, and go on to the output: the file the person chose
(`FileOutput`, a fsutil.PrivateFile) or memory (`MemoryOutput`, a BytesIO).

What the worker cannot do without Qt is done here: a name that Helvetica (WinAnsi) cannot show is
typeset once in DejaVu Sans and sent along as a one-line PDF (`FooterLead`).
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..fsutil import PrivateFile
from ..pdf.client import PdfWorker
from ..pdf.footer import FOOTER_SIZE, can_use_helvetica
from ..render import typeset
from .frontmatter import LINK_SCHEME
from .model import Section
from .sources import Part, memory_limit

#: time for the assembly: this much, and one more second for every ASSEMBLY_RATE bytes.
#: bench/bench_hostile.py: 20,000 pages are assembled (copied, footed, written) in about 14 s under
#: load 7 on the shared 2-core machine; the bomb's whole packet takes as long as a 1-page one (6 s)
ASSEMBLY_TIME_S = 60.0
ASSEMBLY_RATE = 4 << 20


class Target(Protocol):
    def write(self, data: bytes) -> int: ...


class Sink:
    """The finished packet as it comes from the worker: hashed (SHA-256), counted and passed on."""

    def __init__(self, target: Target) -> None:
        self.target, self.digest, self.size = target, hashlib.sha256(), 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        self.target.write(data)
        return len(data)

    def flush(self) -> None:
        pass


class FileOutput:
    """The packet written to *path* through a fsutil.PrivateFile (0600, renamed at the end)."""

    def __init__(self, path: Path, overwrite: bool) -> None:
        self.path, self.overwrite = path, overwrite
        self.file: PrivateFile | None = None

    def start(self) -> Sink:
        """A new, empty private file (one made before is removed) and the sink that writes into it."""
        self.discard()
        self.file = PrivateFile(self.path, self.overwrite)
        return Sink(self)

    def write(self, data: bytes) -> int:
        assert self.file is not None
        view = memoryview(data)
        while view:
            view = view[os.write(self.file.fd, view) :]
        return len(data)

    def commit(self) -> None:
        assert self.file is not None
        self.file.commit()  # fsync, rename, fsync the folder

    def discard(self) -> None:
        if self.file is not None:
            self.file.discard()
            self.file = None


class MemoryOutput:
    """The packet kept in memory (a BytesIO the worker's stream writes into)."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()

    def start(self) -> Sink:
        self.buffer = io.BytesIO()
        return Sink(self.buffer)

    def commit(self) -> None:
        pass

    def discard(self) -> None:
        self.buffer = io.BytesIO()


@dataclass
class FinishPlan:
    sections: list[Section]  # in order; first_page 1-based
    #: the start of every footer (the name and date of birth); None: no footers
    footer_lead: str | None
    contents_part: int | None  # index in sections of the contents pages (their links are resolved)
    title: str
    password: str | None = None


def lead_form(text: str) -> tuple[bytes, dict[str, Any]] | None:
    """*text* typeset by Qt with an embedded font when Helvetica cannot show it (else None): the PDF and
    what the worker needs to place it (width, height and baseline in points)."""
    if not text or can_use_helvetica(text):
        return None
    data, width, height, baseline = typeset.text_strip(text, FOOTER_SIZE)
    return data, {"text": text, "width": width, "height": height, "baseline": baseline}


def assemble(
    worker: PdfWorker,
    parts: list[Part],
    plan: FinishPlan,
    sink: Sink,
    on_writing: Callable[[], None] | None = None,
) -> int:
    """The packet of *parts* streamed into *sink*; returns its page count. Raises PdfError (the worker
    failed or stopped) or Cancelled."""
    blobs: list[bytes] = []
    order: list[dict[str, Any]] = []
    for part in parts:
        if part.key is not None:
            order.append({"key": part.key})
        else:
            assert part.data is not None
            order.append({"blob": len(blobs)})
            blobs.append(part.data)
    footer = None
    if plan.footer_lead is not None:
        form = lead_form(plan.footer_lead)
        if form is not None:
            form[1]["blob"] = len(blobs)
            blobs.append(form[0])
        footer = {"lead": plan.footer_lead, "form": form[1] if form else None}
    links = None
    if plan.contents_part is not None:
        contents = plan.sections[plan.contents_part]
        links = {
            "scheme": LINK_SCHEME,
            "first": contents.first_page - 1,
            "count": contents.pages,
            "targets": [s.first_page - 1 for s in plan.sections],
        }
    args = {
        "parts": order,
        "footer": footer,
        "links": links,
        "outline": [{"title": s.title, "page": s.first_page - 1} for s in plan.sections],
        "title": plan.title,
        "password": plan.password or None,
        "release": True,  # the worker lets each document go once its pages are copied
    }
    held = sum(p.size for p in parts)

    def progress(done: int, total: int) -> None:
        if on_writing is not None and done == 1:
            on_writing()

    reply = worker.call(
        "packet-assemble",
        args,
        blobs,
        out=sink,  # type: ignore[arg-type]
        progress=progress,
        time_limit=ASSEMBLY_TIME_S + held / ASSEMBLY_RATE,
        memory_limit=memory_limit(held),
    )
    return int(reply["pages"])
