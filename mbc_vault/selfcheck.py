"""`mbc-vault self-check`: does this installed program work on this computer?

In a new temporary folder (removed afterwards) it goes through what a person does on the first day:
create a vault, import a PDF and a photo (both fictional, made on the spot), search, build a
password-protected packet, verify, lock, and open again. One line per step, OK or FAILED with the
reason; a step after a failed one is not run. The vault's cache stays in that folder too, so nothing
is left in the person's own folders. Used by `make package-check` on the installed bundle, by the CI
workflow on Windows and macOS, and by a person asked "does it work?".
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import VaultError, WrongPassphrase

if TYPE_CHECKING:
    from .vault import Vault

#: a word of the PDF's text that nothing else in the vault contains (the search must find it there)
SEARCH_WORD = "quillfeather"
PDF_TITLE = "Self-check: fictional pathology report"
PHOTO_TITLE = "Self-check: fictional lab slip photo"
PDF_HTML = (
    "<h1>FICTIONAL SELF-CHECK RECORD</h1><p>Not a real patient. Made by <i>mbc-vault self-check</i>.</p>"
    "<h3>Final diagnosis</h3><p>Left breast core biopsy: invasive ductal carcinoma, grade 2. "
    f"Estrogen receptor positive. Reference word: {SEARCH_WORD}.</p>"
)
PHOTO_LINES = (
    "FICTIONAL LAB SLIP (self-check)",
    "",
    "CA 15-3: 31 U/mL",
    "CEA: 2.4 ng/mL",
    "Not a real patient",
)


class CheckFailed(Exception):
    """A step's check did not hold: its message says what was expected."""


@dataclass
class _State:
    folder: Path
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    vault: Vault | None = None
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.folder / "vault"

    @property
    def cache(self) -> Path:
        return self.folder / "cache"

    def open_vault(self) -> Vault:
        if self.vault is None:
            raise CheckFailed("the vault is not open")
        return self.vault


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def _pdf_worker(state: _State) -> str:
    from .pdf.client import PdfError, PdfWorker

    with PdfWorker(time_limit=10) as worker:
        reply = worker.call("echo", {"hello": "worker"}, [b"%PDF-1.7 fictional"])
        _check(reply.get("sizes") == [18], f"the worker answered {reply!r}")
        try:
            worker.call("spin", {"seconds": 60}, time_limit=0.5)
        except PdfError as exc:
            _check(exc.code == "pdf-worker-timeout", f"a job past its time ended with {exc.code}")
        else:
            raise CheckFailed("a job past its time limit was not stopped")
        _check(worker.call("echo", {})["args"] == {}, "the worker did not start again after a stop")
    _check(worker.starts == 2, f"the worker was started {worker.starts} times, not twice")
    return "a job answered; one past its time was stopped and the worker started again"


def _create(state: _State) -> str:
    from .vault import Vault

    state.vault = Vault.create(
        state.path, state.passphrase, name="Self-check (fictional)", cache_root=state.cache
    )
    return str(state.path)


def _import(state: _State, kind: str) -> str:
    from .importer import import_files

    vault = state.open_vault()
    source = state.folder / "to-import"
    source.mkdir(exist_ok=True)
    if kind == "pdf":
        from .render.pdf import html_to_pdf

        path = source / "pathology-report.pdf"
        html_to_pdf(PDF_HTML, path, title=PDF_TITLE)
        fields = {"title": PDF_TITLE, "category": "pathology-report", "date": "2024-05-02"}
    else:
        from .render.sample import photo_jpeg

        path = source / "lab-slip.jpg"
        path.write_bytes(photo_jpeg(PHOTO_LINES))
        fields = {"title": PHOTO_TITLE, "category": "lab-result", "date": "2024-05-09"}
    report = import_files(vault, [path], overrides={path: fields})
    _check(not report.problems, "; ".join(report.messages()))
    _check(len(report.added) == 1, f"{len(report.added)} records were added, not 1")
    record = report.added[0]
    _check((record.pages or 0) >= 1, f"the {kind} has {record.pages} pages")
    state.ids[kind] = record.id
    return f"{record.media_type}, {record.pages} {'page' if record.pages == 1 else 'pages'}"


def _search(state: _State) -> str:
    from .search import build_index

    index = build_index(state.open_vault())
    try:
        hits = index.search(SEARCH_WORD)
        photo_hits = index.search("lab slip photo")
    finally:
        index.close()
    _check([h.record_id for h in hits] == [state.ids["pdf"]], f"{SEARCH_WORD!r} found {len(hits)} records")
    _check(hits[0].page == 1, f"the word was found on page {hits[0].page}, not in the PDF's text")
    _check(state.ids["photo"] in {h.record_id for h in photo_hits}, "the photo was not found by its title")
    return f"found on page {hits[0].page}"


def _packet(state: _State) -> str:
    from .packet import Cover, PacketChoices, build_packet

    out = state.folder / "packet.pdf"
    choices = PacketChoices(
        cover=Cover(reason="self-check"),
        document_ids=[state.ids["pdf"], state.ids["photo"]],
        password=secrets.token_urlsafe(12),
    )
    result = build_packet(state.open_vault(), choices, out)
    _check(out.read_bytes()[:5] == b"%PDF-", "the packet is not a PDF")
    _check(result.encrypted, "the packet is not password-protected")
    _check(result.pages >= 3, f"the packet has {result.pages} pages (a cover and two documents at least)")
    _check(not result.left_out, f"{len(result.left_out)} documents were left out")
    return f"{result.pages} pages, AES-256"


def _verify(state: _State) -> str:
    report = state.open_vault().verify()
    _check(report.ok, "; ".join(p.describe() for p in report.problems) or "not intact")
    return f"{report.records_checked} records, {report.documents_checked} documents intact"


def _lock(state: _State) -> str:
    from .vault import Vault

    vault = state.open_vault()
    vault.close()
    state.vault = None
    _check(not vault.records(), "records are still readable after locking")
    try:
        Vault.open(state.path, state.passphrase + "-wrong", cache_root=state.cache).close()
    except WrongPassphrase:
        pass
    else:
        raise CheckFailed("a wrong passphrase opened the vault")
    with Vault.open(state.path, state.passphrase, cache_root=state.cache) as again:
        count = len(again.records())
    _check(count == 2, f"after locking and opening again there are {count} documents, not 2")
    return "a wrong passphrase is refused; the right one opens both documents"


STEPS: list[tuple[str, Callable[[_State], str]]] = [
    ("start the PDF worker, stop a job past its time", _pdf_worker),
    ("create a vault", _create),
    ("import a PDF", lambda state: _import(state, "pdf")),
    ("import a photo", lambda state: _import(state, "photo")),
    ("search the PDF's text", _search),
    ("build a password-protected packet", _packet),
    ("verify the vault", _verify),
    ("lock, and open again", _lock),
]


def run_self_check(write: Callable[[str], None] = print, *, root: Path | None = None) -> bool:
    """Run every step in a new temporary folder (inside *root* if given); *write* gets one line per
    step. True only if every step held."""
    failed = False
    with tempfile.TemporaryDirectory(prefix="mbc-vault-self-check-", dir=root) as tmp:
        state = _State(Path(tmp))
        try:
            for number, (name, step) in enumerate(STEPS, 1):
                label = f"{number}/{len(STEPS)} {name}"
                if failed:
                    write(f"{label}: not run")
                    continue
                start = time.perf_counter()
                try:
                    detail = step(state)
                except (CheckFailed, VaultError, OSError) as exc:
                    failed = True
                    write(f"{label}: FAILED: {exc}")
                except Exception as exc:  # noqa: BLE001 - a self-check reports what broke, never a traceback
                    failed = True
                    write(f"{label}: FAILED: unexpected {type(exc).__name__}: {exc}")
                else:
                    write(f"{label}: OK ({detail}; {time.perf_counter() - start:.1f} s)")
        finally:
            if state.vault is not None:
                state.vault.close()
    write("Self-check FAILED." if failed else "Self-check passed: MBC Vault works on this computer.")
    return not failed
