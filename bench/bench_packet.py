#!/usr/bin/env python3
"""Benchmark: building a second-opinion packet vs a plain qpdf merge of the same PDFs.

A corpus of N generated documents (bench/make_corpus.py, PySide6 offscreen) is added to a new vault
(scrypt work factor 2^12: only the build is timed). Interleaved over R rounds:

  qpdf     `qpdf --empty --pages <the plaintext PDFs> -- out.pdf` (wall time of the subprocess): the
           reference of the target. qpdf is needed by this benchmark only, never by the app.
  preserve the same with `--stream-data=preserve` (how the packet copies streams), for comparison
  packet   build_packet(vault, all documents, cover, contents, bookmarks, footers) to a file: decrypting
           every document, checking each in the PDF worker (pikepdf, through its pipe), the generated
           pages (Qt), one assembly in the worker streamed back and written (0600 file, fsync, rename)
  memory   build_packet_bytes(...): the same, the finished packet in memory (the app's path)

and reports medians and packet/qpdf ratios, per round and overall (target <= 1.5). Then, in child
processes, a ~1,000-page packet (the corpus added again and again as distinct documents, to a vault made
in a process of its own) is built to a file and in memory, and its peak memory compared with the output
size (target <= 3x): peak RSS of the builder (ru_maxrss of itself) + peak RSS of the PDF worker
(ru_maxrss of its children), and the peak of their sum sampled with psutil every 5 ms.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_packet.py [--docs 60] [--rounds 5] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


PASSPHRASE = "benchmark passphrase"


def make_vault(folder: Path, corpus: Path, repeat: int = 1):
    import pypdfium2

    from mbc_vault.vault import Vault

    vault = Vault.create(folder / "vault", PASSPHRASE, name="Jane Example", work_factor=12)
    ids = []
    files = sorted(corpus.glob("*.pdf"))
    counts = {path: len(pypdfium2.PdfDocument(str(path))) for path in files}  # as the import stores them
    for _ in range(repeat):
        for path in files:
            record = vault.add_document(
                path, category="medical-other", title=path.stem, pages=counts[path], allow_duplicate=True
            )
            ids.append(record.id)
    return vault, ids


def choices(ids):
    from mbc_vault.packet import Cover, PacketChoices

    return PacketChoices(
        cover=Cover(
            patient_name="Jane Example", date_of_birth="1971-04-02", center="Big Center", reason="Benchmark"
        ),
        document_ids=ids,
        include_summary=False,
    )


def make_child(folder: str, corpus: str, repeat: int) -> None:
    """The vault of the memory test, made in a process of its own (its peak memory is not counted)."""
    vault, ids = make_vault(Path(folder), Path(corpus), repeat)
    vault.close()
    (Path(folder) / "ids.json").write_text(json.dumps(ids))


def memory_child(folder: str, mode: str) -> None:
    """Opens the vault and builds the big packet; peaks from ru_maxrss (this process, and the PDF worker
    once it is waited for) and from sampling both with psutil every 5 ms (the peak of their sum)."""
    import threading

    import psutil

    from mbc_vault.packet import build_packet, build_packet_bytes
    from mbc_vault.render.gui import ensure_gui_application
    from mbc_vault.vault import Vault

    ensure_gui_application()  # Qt is loaded before the build, as in the app
    vault = Vault.open(Path(folder) / "vault", PASSPHRASE)
    ids = json.loads((Path(folder) / "ids.json").read_text())
    base = psutil.Process().memory_info().rss
    me, done, peak = psutil.Process(), threading.Event(), [0]

    def sample() -> None:
        while not done.wait(0.005):
            total = me.memory_info().rss
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if mode == "memory":
        result, data = build_packet_bytes(vault, choices(ids), record=False)
        assert len(data) == result.size
    else:
        result = build_packet(vault, choices(ids), Path(folder) / "big.pdf", record=False)
    done.set()
    sampler.join()
    print(
        json.dumps(
            {
                "pages": result.pages,
                "output": result.size,
                "peak_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "rss_before_build": base,
                "peak_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
                "peak_sum_sampled": peak[0],
                "timings": result.timings,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--pages", type=int, default=1000, help="size of the memory test packet")
    parser.add_argument("--make-child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--memory-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_child:
        folder, corpus_dir, repeat = args.make_child
        make_child(folder, corpus_dir, int(repeat))
        return 0
    if args.memory_child:
        memory_child(*args.memory_child)
        return 0
    from mbc_vault.packet import build_packet, build_packet_bytes
    from mbc_vault.pdf.client import PdfWorker

    work = Path(tempfile.mkdtemp(prefix="bench-packet-"))
    try:
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            subprocess.run(
                [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(corpus), str(args.docs), "1"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        files = sorted(corpus.glob("*.pdf"))
        total_mb = sum(f.stat().st_size for f in files) / 1e6
        import pypdfium2

        pages = sum(len(pypdfium2.PdfDocument(str(f))) for f in files)
        print(f"corpus: {len(files)} PDFs, {pages} pages, {total_mb:.1f} MB")
        vault, ids = make_vault(work, corpus)
        build_packet(vault, choices(ids), work / "warm.pdf", record=False)  # warm up Qt, fonts, imports
        with PdfWorker() as worker:  # the worker's start-up, for the record
            t = time.perf_counter()
            worker.call("echo")
            startup = time.perf_counter() - t
        qpdf_times, preserve_times, packet_times, memory_times, parts = [], [], [], [], []
        cpu: dict[str, list[float]] = {"qpdf": [], "packet": [], "memory": []}

        def used() -> float:  # CPU seconds of this process and of its waited-for children (qpdf, the worker)
            me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

        for round_ in range(args.rounds):
            order = ("qpdf", "packet", "preserve", "memory")
            order = order if round_ % 2 == 0 else order[::-1]
            for what in order:
                before = used()
                if what == "qpdf":
                    t = time.perf_counter()
                    subprocess.run(
                        ["qpdf", "--empty", "--pages", *map(str, files), "--", str(work / "q.pdf")],
                        check=True,
                    )
                    qpdf_times.append(time.perf_counter() - t)
                elif what == "preserve":
                    t = time.perf_counter()
                    subprocess.run(
                        [
                            "qpdf",
                            "--empty",
                            "--pages",
                            *map(str, files),
                            "--",
                            "--stream-data=preserve",
                            str(work / "q.pdf"),
                        ],
                        check=True,
                    )
                    preserve_times.append(time.perf_counter() - t)
                elif what == "memory":
                    t = time.perf_counter()
                    result, _ = build_packet_bytes(vault, choices(ids), record=False)
                    memory_times.append(time.perf_counter() - t)
                else:
                    t = time.perf_counter()
                    result = build_packet(vault, choices(ids), work / "p.pdf", record=False)
                    packet_times.append(time.perf_counter() - t)
                    parts.append(result.timings)
                if what in cpu:
                    cpu[what].append(used() - before)
            print(
                f"round {round_ + 1}: qpdf {qpdf_times[-1]:.3f} s, preserve {preserve_times[-1]:.3f} s, "
                f"packet {packet_times[-1]:.3f} s (ratio {packet_times[-1] / qpdf_times[-1]:.2f}), "
                f"in memory {memory_times[-1]:.3f} s (ratio {memory_times[-1] / qpdf_times[-1]:.2f})"
            )
        median = statistics.median
        print(
            "CPU time (s, median; all processes and threads, a measure the machine's other load moves less): "
            f"qpdf {median(cpu['qpdf']):.3f}, packet (file) {median(cpu['packet']):.3f} "
            f"({median(cpu['packet']) / median(cpu['qpdf']):.2f}x), packet (memory) "
            f"{median(cpu['memory']):.3f} ({median(cpu['memory']) / median(cpu['qpdf']):.2f}x)"
        )
        for name, times in (("packet (file)", packet_times), ("packet (memory)", memory_times)):
            ratios = [p / q for p, q in zip(times, qpdf_times, strict=True)]
            print(
                f"{name}: median {median(times):.3f} s; ratio of medians "
                f"{median(times) / median(qpdf_times):.2f}, median of per-round ratios {median(ratios):.2f} "
                f"(range {min(ratios):.2f}-{max(ratios):.2f}; target <= 1.5); / preserve "
                f"{median(times) / median(preserve_times):.2f}"
            )
        print(
            f"median: qpdf {median(qpdf_times):.3f} s, qpdf --stream-data=preserve "
            f"{median(preserve_times):.3f} s; packet pages {result.pages}; worker start-up {startup:.3f} s"
        )
        keys = ["documents", "generated", "assemble", "write"]
        print(
            "packet time by step (median s): "
            + ", ".join(f"{k} {statistics.median(p.get(k, 0) for p in parts):.3f}" for k in keys)
        )
        vault.close()

        repeat = max(1, round(args.pages / pages))
        folder = work / "mem"
        subprocess.run(
            [sys.executable, __file__, "--make-child", str(folder), str(corpus), str(repeat)], check=True
        )
        for mode in ("file", "memory"):
            child = subprocess.run(
                [sys.executable, __file__, "--memory-child", str(folder), mode],
                capture_output=True,
                text=True,
                check=True,
            )
            m = json.loads(child.stdout.strip().splitlines()[-1])
            total = m["peak_self"] + m["peak_worker"]
            mb = lambda n: f"{n / 1e6:.0f} MB"  # noqa: E731
            print(
                f"memory ({mode}): {m['pages']}-page packet of {mb(m['output'])} ({repeat} x the corpus, as "
                f"distinct documents): peak RSS of the builder {mb(m['peak_self'])} (of which "
                f"{mb(m['rss_before_build'])} before the build: Python, Qt, the open vault), of the PDF "
                f"worker {mb(m['peak_worker'])}; sum of the peaks {mb(total)} = {total / m['output']:.2f}x "
                f"the output (target <= 3x); peak of the sum, sampled: {mb(m['peak_sum_sampled'])} = "
                f"{m['peak_sum_sampled'] / m['output']:.2f}x; build {m['timings']['total']:.2f} s"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
