"""What the PDF worker can do: job name → "module:function". Each function takes a
`protocol.Request` and returns a JSON-able dict, or raises `protocol.JobError(code, **params)`.
Modules are imported in the worker only when a job of theirs is first asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .protocol import JobError, Request

JOBS: dict[str, str] = {
    # checks of the worker itself (tests/test_pdf_worker.py)
    "echo": "mbc_vault.pdf.selftest:echo",
    "stream": "mbc_vault.pdf.selftest:stream",
    "hog": "mbc_vault.pdf.selftest:hog",
    "spin": "mbc_vault.pdf.selftest:spin",
    "crash": "mbc_vault.pdf.selftest:crash",
    "write-file": "mbc_vault.pdf.selftest:write_file",
    "limits": "mbc_vault.pdf.selftest:limits",
    # reading PDFs with pypdfium2 (import, reindexing, text recognition)
    "read": "mbc_vault.pdf.reading:read",
    "render": "mbc_vault.pdf.reading:render",
    "read-load": "mbc_vault.pdf.reading:load",
    # photos and scans with Pillow: decoded whole at import, made pages for the packet
    "image-check": "mbc_vault.pdf.images:check",
    "image-pages": "mbc_vault.pdf.images:pages",
    # the app's preview pane (mbc_vault/preview.py)
    "preview-open": "mbc_vault.pdf.pages:open_document",
    "preview-page": "mbc_vault.pdf.pages:draw_page",
    "preview-close": "mbc_vault.pdf.pages:close_document",
    # the second-opinion packet (mbc_vault/packet/build.py)
    "packet-sanitize": "mbc_vault.pdf.sanitize:sanitize",
    "packet-assemble": "mbc_vault.pdf.assemble:assemble",
}


def find(name: str) -> Callable[[Request], dict[str, Any]]:
    target = JOBS.get(name)
    if target is None:
        raise JobError("pdf-job-unknown", job=name)
    module, _, function = target.partition(":")
    try:
        loaded = importlib.import_module(module)
    except ImportError:  # a copy built without the job's library (a bundle that left Pillow out)
        raise JobError("pdf-job-unknown", job=name) from None
    job: Callable[[Request], dict[str, Any]] = getattr(loaded, function)
    return job
