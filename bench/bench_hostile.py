#!/usr/bin/env python3
"""Hostile files through the real import and packet (issue 11): outcome, wall time, peak memory.

Each file is generated here (tests/pdfmaker.py, tests/hostilemaker.py) and given to
`mbc-vault add` in a fresh copy of one vault (default scrypt work factor, as a person's vault), as a
child process. For each: the outcome (imported, or refused with the sentence it printed), the wall
time of the whole command (interpreter start, unlock, reading, storing) and the peak memory of the
whole process tree.

Memory: psutil samples the child and all its descendants every 20 ms and sums their RSS; the peak
of those sums is reported. Why sampling and not ru_maxrss: ru_maxrss is per process (summing the
command's and the PDF worker's maxima adds peaks that happen at different times, and a worker
killed for using too much is still counted at its peak), while the target is what the tree holds
at once. A 20 ms sample can miss a spike shorter than that; growing by hundreds of MB takes
longer. The largest single process's ru_maxrss (from wait4) is printed next to it as a check.

Targets: at most 10 s and 512 MiB for each file; the reference is a clean 1-page PDF imported the
same way in the same run. The packet side: `mbc-vault packet` of a 20,000-page document and of the
bomb (stored directly, as an older version imported it), against a packet of the 1-page PDF.

    .venv/bin/python bench/bench_hostile.py [--only NAME ...] [--keep DIR] [--no-packet]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "tests"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from hostilemaker import (  # noqa: E402
    ODD_NAMES,
    big_text_file,
    garbage_image,
    giant_png,
    huge_page_pdf,
    looping_pdf,
    many_pages_pdf,
    nested_pdf,
    truncated_image,
)
from pdfmaker import text_bomb_pdf, text_pdf  # noqa: E402

PASSPHRASE = "bench passphrase, not a secret"
TIME_TARGET_S = 10.0
MEMORY_TARGET = 512 << 20
SAMPLE_S = 0.02
CLI = [sys.executable, "-m", "mbc_vault"]

Maker = Callable[[Path], Path]


def _reference(path: Path) -> Path:
    return text_pdf(path, [["CT CHEST WITH CONTRAST", "Impression: stable"]])


#: (name, file name, how to make it)
CASES: list[tuple[str, str, Maker]] = [
    ("reference: clean 1-page PDF", "clean.pdf", _reference),
    ("deflate bomb (1 GiB)", "bomb.pdf", lambda p: text_bomb_pdf(p, megabytes=1024)),
    ("200,000-deep nesting", "nested.pdf", nested_pdf),
    ("looping page tree", "loop.pdf", looping_pdf),
    ("20,000 pages", "pages.pdf", many_pages_pdf),
    ("200-inch page", "huge-page.pdf", huge_page_pdf),
    ("1 GB text file", "big.txt", big_text_file),
    ("PNG claiming 100,000 x 100,000", "giant.png", giant_png),
    ("truncated PNG", "cut.png", lambda p: truncated_image(p, "lab-report-scan.png")),
    ("truncated JPEG", "cut.jpg", lambda p: truncated_image(p, "lab-report-photo.jpg")),
    ("truncated TIFF", "cut.tiff", lambda p: truncated_image(p, "lab-report-scan.tiff")),
    ("garbage PNG", "garbage.png", lambda p: garbage_image(p, b"\x89PNG\r\n\x1a\n")),
    ("garbage JPEG", "garbage.jpg", lambda p: garbage_image(p, b"\xff\xd8\xff\xe0")),
    ("garbage TIFF", "garbage.tiff", lambda p: garbage_image(p, b"II*\x00")),
    *[(f"name with {kind}", name, _reference) for kind, name in ODD_NAMES.items()],
]


@dataclass
class Run:
    seconds: float
    peak_tree: int
    peak_single: int
    code: int
    stdout: str
    stderr: str


def measure(command: list[str], env: dict[str, str]) -> Run:
    """Run *command*, sampling the RSS of its whole process tree every 20 ms."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watched = psutil.Process(child.pid)
    peak = 0
    out: dict[str, bytes] = {}

    def drain(name: str) -> None:
        stream = getattr(child, name)
        out[name] = stream.read()

    import threading

    readers = [threading.Thread(target=drain, args=(n,)) for n in ("stdout", "stderr")]
    for reader in readers:
        reader.start()
    status, usage = None, None
    while status is None:
        total = 0
        try:
            for process in [watched, *watched.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak = max(peak, total)
        pid, raw, rusage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            status, usage = raw, rusage
            break
        time.sleep(SAMPLE_S)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    return Run(
        seconds,
        peak,
        usage.ru_maxrss * 1024 if usage else 0,  # KiB on Linux
        child.returncode,
        out["stdout"].decode("utf-8", "replace"),
        out["stderr"].decode("utf-8", "replace"),
    )


def _env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        MBC_VAULT_PASSPHRASE=PASSPHRASE,
        MBC_VAULT_CACHE_DIR=str(work / "cache"),
        XDG_CONFIG_HOME=str(work / "config"),
        XDG_DATA_HOME=str(work / "data"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
    )
    return env


def _mib(size: int) -> str:
    return f"{size / (1 << 20):7.0f} MiB"


def _outcome(run: Run, done: str = "imported") -> str:
    said = " ".join(line for line in run.stderr.splitlines() if line.strip())[:400]
    if run.code == 0:
        return f"{done}" + (f"; it said: {said}" if said else "")
    return f"refused (exit {run.code}): {said}"


def _verdict(run: Run) -> str:
    ok = run.seconds <= TIME_TARGET_S and run.peak_tree <= MEMORY_TARGET
    return "ok" if ok else "MISSES TARGET"


def _print(name: str, run: Run, ref: Run, done: str = "imported") -> None:
    print(
        f"{name:34} {run.seconds:6.2f} s ({run.seconds / ref.seconds:4.1f}x)  "
        f"tree {_mib(run.peak_tree)} ({run.peak_tree / ref.peak_tree:3.1f}x)  "
        f"largest process {_mib(run.peak_single)}  {_verdict(run)}"
    )
    print(f"{'':34} {_outcome(run, done)}")


def _add_directly(vault_dir: Path, source: Path) -> str:
    """Store *source* without the reader's checks (as an older version imported it), with the page
    count the reader finds (none for the bomb)."""
    from mbc_vault.extract import read_file
    from mbc_vault.vault import Vault

    pages = read_file(source).pages
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        return vault.add_document(source, category="lab-result", title=source.stem, pages=pages).id


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="names of cases to run (substrings)")
    parser.add_argument("--no-packet", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the generated files here (made once)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    files = args.keep or work / "files"
    files.mkdir(parents=True, exist_ok=True)
    env = _env(work)
    try:
        template = work / "template"
        done = subprocess.run([*CLI, "init", str(template)], env=env, capture_output=True)
        assert done.returncode == 0, done.stderr
        print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        print(f"targets: {TIME_TARGET_S:.0f} s and {_mib(MEMORY_TARGET).strip()} per file\n")
        ref: Run | None = None
        for number, (name, file_name, make) in enumerate(CASES):
            if number and args.only and not any(o in name for o in args.only):
                continue
            folder = files / f"{number:02d}"
            folder.mkdir(exist_ok=True)
            path = folder / file_name
            if not path.exists():
                make(path)
            vault = work / f"vault-{number:02d}"
            shutil.copytree(template, vault)
            run = measure([*CLI, "add", str(vault), str(path)], env)
            ref = ref or run
            _print(name, run, ref)
            shutil.rmtree(vault)
        if not args.no_packet and ref is not None:
            print("\npacket (mbc-vault packet, one document):")
            packet_cases = [
                ("reference: clean 1-page PDF", files / "00" / "clean.pdf"),
                ("20,000 pages", files / "04" / "pages.pdf"),
                ("deflate bomb (1 GiB)", files / "01" / "bomb.pdf"),
            ]
            pref: Run | None = None
            for name, source in packet_cases:
                if not source.exists():
                    continue
                vault = work / "vault-packet"
                shutil.copytree(template, vault)
                record_id = _add_directly(vault, source)
                out = work / "packet.pdf"
                run = measure(
                    [*CLI, "packet", str(vault), "--include", record_id, "--out", str(out), "--json"],
                    env,
                )
                pref = pref or run
                built = ""
                if run.code == 0:
                    built = f"built: {json.loads(run.stdout)['pages']:,} pages, {out.stat().st_size:,} bytes"
                _print(name, run, pref, built)
                shutil.rmtree(vault)
                out.unlink(missing_ok=True)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
