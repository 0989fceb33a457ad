#!/usr/bin/env python3
"""Benchmark: building a second-opinion packet vs a plain qpdf merge of the same PDFs.

A corpus of N generated documents (bench/make_corpus.py, PySide6 offscreen) is added to a new vault
(scrypt work factor 2^12: only the build is timed). Interleaved over R rounds:

  qpdf     `qpdf --empty --pages <the plaintext PDFs> -- out.pdf` (wall time of the subprocess): the
           reference of the target
  preserve the same with `--stream-data=preserve` (the option build_packet's merge uses), for comparison
  packet   build_packet(vault, all documents, cover, contents, bookmarks, footers): decrypting every
           document from the vault, the generated pages, the merge, the finishing pass, the output

and reports medians and packet/qpdf ratios, per round and overall (target <= 2.0). Then, in a child
process, a ~1,000-page packet (the corpus repeated) is built and its peak memory compared with the output
size (target <= 3x): peak RSS of the builder + peak RSS of its qpdf children + the memfds (in-memory files:
the decrypted documents, counted at their largest, all at once, as an upper bound; without a password the
merged packet goes from qpdf through a pipe straight into the output file, so it is in no memfd).

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


def make_vault(folder: Path, corpus: Path):
    from mbc_vault.vault import Vault

    vault = Vault.create(folder / "vault", "benchmark passphrase", name="Jane Example", work_factor=12)
    ids = []
    for path in sorted(corpus.glob("*.pdf")):
        ids.append(
            vault.add_document(path, category="medical-other", title=path.stem, allow_duplicate=True).id
        )
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


def memory_child(folder: str, corpus: str, repeat: int) -> None:
    from mbc_vault.packet import build_packet

    vault, ids = make_vault(Path(folder), Path(corpus))
    sizes = {i: vault.get(i).size for i in ids}
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = Path(folder) / "big.pdf"
    result = build_packet(vault, choices(ids * repeat), out, record=False)
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    memfd = sum(sizes.values()) * repeat
    print(
        json.dumps(
            {
                "pages": result.pages,
                "output": result.size,
                "peak_self": peak_self,
                "rss_before_build": base * 1024,
                "peak_qpdf": peak_children,
                "memfd_upper_bound": memfd,
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
    parser.add_argument("--memory-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child[0], args.memory_child[1], int(args.memory_child[2]))
        return 0
    from mbc_vault.packet import build_packet

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
        pages = sum(
            int(subprocess.run(["qpdf", "--show-npages", str(f)], capture_output=True, text=True).stdout)
            for f in files
        )
        print(f"corpus: {len(files)} PDFs, {pages} pages, {total_mb:.1f} MB")
        vault, ids = make_vault(work, corpus)
        build_packet(vault, choices(ids), work / "warm.pdf", record=False)  # warm up Qt, fonts, imports
        qpdf_times, preserve_times, packet_times, parts = [], [], [], []
        for round_ in range(args.rounds):
            order = ("qpdf", "packet", "preserve") if round_ % 2 == 0 else ("packet", "preserve", "qpdf")
            for what in order:
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
                else:
                    t = time.perf_counter()
                    result = build_packet(vault, choices(ids), work / "p.pdf", record=False)
                    packet_times.append(time.perf_counter() - t)
                    parts.append(result.timings)
            print(
                f"round {round_ + 1}: qpdf {qpdf_times[-1]:.3f} s, preserve {preserve_times[-1]:.3f} s, "
                f"packet {packet_times[-1]:.3f} s, ratio {packet_times[-1] / qpdf_times[-1]:.2f}"
            )
        ratios = [p / q for p, q in zip(packet_times, qpdf_times, strict=True)]
        median = statistics.median
        print(
            f"median: qpdf {median(qpdf_times):.3f} s, qpdf --stream-data=preserve "
            f"{median(preserve_times):.3f} s, packet {median(packet_times):.3f} s; ratio of medians "
            f"{median(packet_times) / median(qpdf_times):.2f}, median of per-round ratios "
            f"{median(ratios):.2f} (range {min(ratios):.2f}-{max(ratios):.2f}; target <= 2.0); packet / "
            f"preserve {median(packet_times) / median(preserve_times):.2f}; packet pages {result.pages}"
        )
        keys = ["documents", "generated", "merge", "finish", "write"]
        print(
            "packet time by step (median s): "
            + ", ".join(f"{k} {statistics.median(p.get(k, 0) for p in parts):.3f}" for k in keys)
        )
        vault.close()

        repeat = max(1, round(args.pages / pages))
        child = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(work / "mem"), str(corpus), str(repeat)],
            capture_output=True,
            text=True,
            check=True,
        )
        m = json.loads(child.stdout.strip().splitlines()[-1])
        total = m["peak_self"] + m["peak_qpdf"] + m["memfd_upper_bound"]
        mb = lambda n: f"{n / 1e6:.0f} MB"  # noqa: E731
        print(
            f"memory: {m['pages']}-page packet of {mb(m['output'])}: peak RSS {mb(m['peak_self'])} (of which "
            f"{mb(m['rss_before_build'])} before the build: Python, Qt, the vault), qpdf "
            f"{mb(m['peak_qpdf'])}, memfds <= {mb(m['memfd_upper_bound'])}; sum {mb(total)} = "
            f"{total / m['output']:.2f}x the output (target <= 3x); build {m['timings']['total']:.2f} s"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
