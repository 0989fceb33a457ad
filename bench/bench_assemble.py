#!/usr/bin/env python3
"""Benchmark: the PDF worker's assembly job of a 20,000-page document (issues 11 and 14), in one
process, its pages copied into a new PDF ("copied": what a packet did before, and still does
without "release") or left in the staged document that holds the packet ("in place": with
"release", as the app asks). Interleaved over R rounds, each on a freshly sanitized document, the
CPU time of the job alone (time.process_time: the machine is shared) and of letting the document go
(closing it: the job does that with "release"), with the footers, one bookmark and a one-page cover
as the app sends them; the output goes to a sink that only counts.

Run: .venv/bin/python bench/bench_assemble.py [--pages 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hostilemaker import many_pages_pdf  # noqa: E402
from pdfmaker import text_pdf  # noqa: E402

from mbc_vault.pdf.assemble import assemble  # noqa: E402
from mbc_vault.pdf.protocol import Request  # noqa: E402
from mbc_vault.pdf.sanitize import Discard, sanitize  # noqa: E402


def _job(data: bytes, cover: bytes, release: bool) -> tuple[float, int]:
    """CPU seconds of one assembly (the document sanitized first, not timed) and the output's size."""
    store: dict[str, object] = {}
    sanitize(Request({"keys": ["big"]}, [data], io.BytesIO(), store))
    args = {
        "parts": [{"blob": 0}, {"key": "big"}],
        "footer": {"lead": "Jane Example · born 1970-01-01 · ", "form": None},
        "outline": [{"title": "Contents", "page": 0}, {"title": "The long document", "page": 1}],
        "title": "Records of Jane Example",
        "password": None,
        "release": release,
    }
    sink = Discard()
    start = time.process_time()
    reply = assemble(Request(args, [cover], sink, store))  # type: ignore[arg-type]
    assert reply["pages"] > 1 and (not store) == release
    for key in list(store):  # let the document go, as the job does with "release" (its cost counted)
        store.pop(key).close()
    seconds = time.process_time() - start
    return seconds, sink.size


def main() -> int:
    """Print each round's figures and the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = many_pages_pdf(Path(folder) / "pages.pdf", args.pages).read_bytes()
        cover = text_pdf(Path(folder) / "cover.pdf", [["Contents"]]).read_bytes()
    times: dict[str, list[float]] = {"copied": [], "in place": []}
    for number in range(1, args.rounds + 1):
        for name, release in (("copied", False), ("in place", True)):
            seconds, size = _job(data, cover, release)
            times[name].append(seconds)
            print(f"round {number} {name:9} {seconds:6.2f} s CPU  output {size / 2**20:6.1f} MiB", flush=True)
    old, new = statistics.median(times["copied"]), statistics.median(times["in place"])
    print(f"median: copied {old:.2f} s, in place {new:.2f} s ({new / old:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
