#!/usr/bin/env python3
"""Benchmark: reading and indexing PDFs for import (extraction + full-text index, no encryption).

Corpus: N generated fictional medical-record PDFs (bench/make_corpus.py, fixed seed; text and
scanned-looking ones, 1 to 18 pages). Interleaved over R rounds, the order rotating every round
(the machine is shared: only figures taken in the same run are compared):

  ref      `pdftotext FILE OUT` for each file, one after the other (subprocess.run); poppler is
           the reference only, the app does not use it
  index    what the app does to read and index a batch: extract.read_files(files) (PDFium in
           extract.batch_workers() PDF worker processes side by side, 2 on a machine with 2 cores or
           more, each started once for the batch, each file's bytes piped to one of them, limits per
           file, then the title/date/category proposals), then SearchIndex.add(record, page_texts)
           into a fresh in-memory index
  index1   the same with one PDF worker for the whole batch (the path before; information)
  warm     the same as index with readers started once before the rounds and kept for every round
           (extract.Reader.start, read_files(readers=...)): what starting the workers early and once
           saves; information (the app does not keep its readers yet)
  import   import_files(vault, files) into a fresh vault (work factor 2^10): reading, SHA-256,
           encryption of document, record and page text, fsync; for information only

Target: index/ref <= 1.2 (median of the per-round ratios). Each pass is measured twice: wall time,
and the CPU seconds of the process tree (this process, user + system, all threads, plus every child
it waited for: pdftotext, the PDF workers). CPU seconds depend far less on what else the shared
machine runs, so both ratios are printed.

After the rounds, each part of the index path is timed alone over the whole corpus (same run,
same reference) to show what dominates, including `read_file_each`: one worker per file (what
`read_file` does when called file by file).

Needs pdftotext (Debian: poppler-utils) for the reference.
Run: .venv/bin/python bench/bench_index.py [--docs N] [--rounds R] [--seed S] [--no-import] [--no-parts]
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mbc_vault import extract  # noqa: E402
from mbc_vault.extract import read_file, read_files  # noqa: E402
from mbc_vault.importer import import_files  # noqa: E402
from mbc_vault.records import Record  # noqa: E402
from mbc_vault.search import SearchIndex  # noqa: E402
from mbc_vault.vault import Vault  # noqa: E402

TARGET = 1.2
PASSPHRASE = "benchmark passphrase, not a secret"


def make_corpus(out: Path, docs: int, seed: int) -> list[Path]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(out), str(docs), str(seed)],
        check=True,
        env=env,
    )
    return sorted(out.glob("*.pdf"))


def run_reference(files: list[Path], scratch: Path) -> None:
    out = scratch / "out.txt"
    for path in files:
        subprocess.run(["pdftotext", str(path), str(out)], check=True)
    out.unlink(missing_ok=True)


def run_index(
    files: list[Path], workers: int | None = None, readers: list[extract.Reader] | None = None
) -> SearchIndex:
    """read_files + SearchIndex.add; *workers*: the most PDF workers side by side (default: the app's);
    *readers*: readers started before (read_files(readers=...)) instead of new ones."""
    index = SearchIndex()
    saved = extract.BATCH_WORKERS
    extract.BATCH_WORKERS = workers or saved
    try:
        read = read_files(files, readers=readers)
    finally:
        extract.BATCH_WORKERS = saved
    for number, facts in enumerate(read):
        if facts.ok:
            record = Record(id=f"{number:020x}", category=facts.category, title=facts.title)
            index.add(record, facts.page_texts)
    return index


def run_import(files: list[Path], scratch: Path, number: int) -> None:
    vault = Vault.create(
        scratch / f"vault-{number}", PASSPHRASE, work_factor=10, cache_root=scratch / "cache"
    )
    try:
        report = import_files(vault, files)
        assert len(report.added) == len(files), report.messages()
    finally:
        vault.close()
        shutil.rmtree(scratch / f"vault-{number}", ignore_errors=True)
        shutil.rmtree(scratch / "cache", ignore_errors=True)


def tree_cpu() -> float:
    """CPU seconds (user + system) of this process and of every child it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def live_cpu(readers: Sequence[extract.Reader]) -> float:
    """CPU seconds so far of the readers' worker processes that are still running (psutil)."""
    import psutil

    total = 0.0
    for reader in readers:
        if reader.worker.pid is not None:
            times = psutil.Process(reader.worker.pid).cpu_times()
            total += times.user + times.system
    return total


def timed_both(fn: Callable[[], object], live: Sequence[extract.Reader] = ()) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of one call. The workers read_files starts
    and pdftotext have ended (and been waited for) when it returns, so their CPU is counted; the
    workers of *live* readers (started before, still running) are read with psutil."""
    cpu, start = tree_cpu() + live_cpu(live), time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    if isinstance(result, SearchIndex):
        result.close()
    return elapsed, tree_cpu() + live_cpu(live) - cpu


def parts(files: list[Path], scratch: Path) -> dict[str, tuple[float, float]]:
    """Each part of the index path alone over the corpus, interleaved with the reference:
    name -> (median wall seconds, median CPU seconds of the process tree)."""
    import io

    from mbc_vault.pdf import reading
    from mbc_vault.pdf.client import PdfWorker
    from mbc_vault.pdf.protocol import Request

    facts = read_files(files)
    blobs = [p.read_bytes() for p in files]

    def proposals() -> None:
        from mbc_vault.proposals import propose_category, propose_date, propose_title

        for f in facts:
            first = "\n".join(f.page_texts[:2])
            propose_title(f.pdf_title, f.path.name, first)
            propose_date(first)
            propose_category(first, title=f"{f.pdf_title}\n{f.path.stem}")

    def index_add() -> None:
        index = SearchIndex()
        for number, f in enumerate(facts):
            index.add(Record(id=f"{number:020x}", category=f.category, title=f.title), f.page_texts)
        index.close()

    def in_process() -> None:  # PDFium alone: no process, no pipe
        for blob in blobs:
            reading.read(Request({}, [blob], io.BytesIO(), {}))

    def through_worker() -> None:  # one worker, bytes through the pipe, no proposals
        with PdfWorker() as worker:
            for blob in blobs:
                worker.call("read", {}, [blob], out=io.BytesIO())

    def two_workers() -> None:  # two raw workers side by side, no proposals (what read_files does)
        import threading

        def half(part: list[bytes]) -> None:
            with PdfWorker() as worker:
                for blob in part:
                    worker.call("read", {}, [blob], out=io.BytesIO())

        threads = [threading.Thread(target=half, args=(blobs[start::2],)) for start in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def worker_start() -> None:  # start a worker and load PDFium in it, once
        with PdfWorker() as worker:
            worker.call("read", {}, [blobs[0]], out=io.BytesIO())

    steps: dict[str, Callable[[], object]] = {
        "ref": lambda: run_reference(files, scratch),
        "pdfium_in_process": in_process,
        "pdfium_one_worker": through_worker,
        "pdfium_two_workers": two_workers,
        "worker_start_once": worker_start,
        "read_file_each": lambda: [read_file(p) for p in files],
        "proposals": proposals,
        "index_add": index_add,
    }
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in steps}
    for _ in range(3):
        for name, fn in steps.items():
            samples[name].append(timed_both(fn))
    return {
        name: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
        for name, values in samples.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-import", action="store_true", help="skip the import_files rounds")
    parser.add_argument("--no-parts", action="store_true", help="skip timing the parts alone")
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        print("pdftotext is not installed (Debian: poppler-utils)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        root = Path(tmp)
        os.environ["MBC_VAULT_CACHE_DIR"] = str(root / "cache")
        t0 = time.perf_counter()
        files = make_corpus(root / "corpus", args.docs, args.seed)
        size = sum(p.stat().st_size for p in files)
        facts = read_files(files)
        pages = sum(f.pages or 0 for f in facts)
        scans = sum(1 for f in facts if f.page_texts and not any(t.strip() for t in f.page_texts))
        chars = sum(len(t) for f in facts for t in f.page_texts)
        print(
            f"corpus: {len(files)} PDFs (seed {args.seed}), {size / 2**20:.1f} MiB, {pages} pages, "
            f"{scans} scanned-looking, {chars / 1e6:.2f} M characters of text "
            f"(generated in {time.perf_counter() - t0:.1f} s)"
        )
        assert all(f.ok for f in facts), [f.problem for f in facts if not f.ok]

        steps: list[tuple[str, Callable[[int], object]]] = [
            ("ref", lambda r: run_reference(files, root)),
            ("index", lambda r: run_index(files)),
            ("index1", lambda r: run_index(files, workers=1)),
            ("warm", lambda r: run_index(files, readers=warm)),
        ]
        if not args.no_import:
            steps.append(("import", lambda r: run_import(files, root, r)))
        times: dict[str, list[float]] = {name: [] for name, _ in steps}
        cpus: dict[str, list[float]] = {name: [] for name, _ in steps}
        run_reference(files, root)  # warm the page cache and the binaries
        run_index(files).close()
        # readers started before the rounds and kept, as a caller that starts them early would
        warm = [extract.Reader().start() for _ in range(extract.batch_workers(len(files)))]
        load = os.getloadavg()[0]
        for number in range(args.rounds):
            shift = number % len(steps)
            for name, fn in steps[shift:] + steps[:shift]:
                wall, cpu = timed_both(functools.partial(fn, number), warm)
                times[name].append(wall)
                cpus[name].append(cpu)
        ratios = {
            name: statistics.median(t / r for t, r in zip(times[name], times["ref"], strict=True))
            for name in times
        }
        cpu_ratios = {
            name: statistics.median(t / r for t, r in zip(cpus[name], cpus["ref"], strict=True))
            for name in cpus
        }

        print(
            f"\n{args.rounds} interleaved rounds over {len(files)} files; medians; ratio = median of "
            f"per-round (x / ref); cpu = CPU seconds of the process tree; load average "
            f"{load:.1f} before, {os.getloadavg()[0]:.1f} after"
        )
        print(f"{'':8s} {'wall s':>8s} {'ms/file':>8s} {'ratio':>6s} {'cpu s':>8s} {'ratio':>6s}")
        for name in times:
            median, cpu = statistics.median(times[name]), statistics.median(cpus[name])
            print(
                f"{name:8s} {median:8.3f} {1000 * median / len(files):8.1f} {ratios[name]:6.2f} "
                f"{cpu:8.3f} {cpu_ratios[name]:6.2f}"
            )
        for reader in warm:
            reader.close()
        met = ratios["index"] <= TARGET
        print(f"\nindex/ref = {ratios['index']:.2f}  (target <= {TARGET}): {'MET' if met else 'MISSED'}")
        print(f"index/ref in CPU seconds = {cpu_ratios['index']:.2f}")
        if "import" in ratios:
            print(f"import/ref = {ratios['import']:.2f}  (information; includes encryption and fsync)")

        if args.no_parts:
            return 0
        print(
            "\nparts of the index path, each alone over the corpus (median of 3, ratio to ref of this pass;"
            " wall, then CPU seconds of the process tree):"
        )
        alone = parts(files, root)
        for name, (wall, cpu) in alone.items():
            print(
                f"  {name:30s} {wall:7.3f} s {1000 * wall / len(files):7.1f} ms/file "
                f"{wall / alone['ref'][0]:6.2f}   cpu {cpu:7.3f} s {cpu / alone['ref'][1]:6.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
