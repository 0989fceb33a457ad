"""Benchmark of the C-CDA reader: the largest HL7 sample (CCD-1.xml) read by `read_ccda`, a 20,000-result
document that is read, and a 100,000-entry document that is refused at the entry limit; time and peak
traced memory, against a bare defusedxml ElementTree parse of the same bytes in the same run.

Then what the time limit (mbc_vault/portal/deadline.py) costs: the same reads with the Deadline's clock
check and with a check that only answers "not cancelled" (what the reader did before), interleaved,
best of 5 each; and the largest file read at all, 64 MiB (CCD-1's body repeated, just under the
element limit), read once, against deadline.READ_SECONDS.

Run: .venv/bin/python bench/bench_portal_ccda.py [--skip-64]   (--skip-64: not the largest file)
"""

from __future__ import annotations

import resource
import sys
import time
import timeit
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import defusedxml.ElementTree as SafeET

from mbc_vault.errors import InputFileError
from mbc_vault.portal import deadline, xmlsafe
from mbc_vault.portal.ccda import read_ccda

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "portal" / "ccda" / "CCD-1.xml"
NS = 'xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def make_document(entries: int) -> bytes:
    """A fictional C-CDA with *entries* CA 15-3 results in its results section."""
    entry = (
        '<entry><organizer><component><observation><code code="6875-9" displayName="CA 15-3"/>'
        '<effectiveTime value="2024%02d%02d"/><value xsi:type="PQ" value="%d" unit="U/mL"/>'
        "</observation></component></organizer></entry>"
    )
    body = "".join(entry % (1 + n % 12, 1 + n % 28, 20 + n % 50) for n in range(entries))
    return (
        f"<ClinicalDocument {NS}><title>Bench</title><component><structuredBody><component><section>"
        f'<code code="30954-2"/><title>RESULTS</title>{body}</section></component></structuredBody>'
        "</component></ClinicalDocument>"
    ).encode()


def timed(action: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """(best seconds, peak traced MiB) of *action*."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak


def refused(data: bytes) -> None:
    try:
        read_ccda(data, "many.xml")
    except InputFileError as error:
        assert error.code == "portal-too-many-entries"
    else:
        raise AssertionError("a 100,000-entry document was read")


class Unlimited(deadline.Deadline):
    """The cancel check without the clock: what read_ccda called before the time limit."""

    def __call__(self) -> bool:
        return False


class Counting(deadline.Deadline):
    """The Deadline's check, counted."""

    calls = 0

    def __call__(self) -> bool:
        self.calls += 1
        return super().__call__()


def limit_cost(label: str, data: bytes, rounds: int = 5) -> None:
    """Best of *rounds* reads with the time limit and without, interleaved; and, as the machine's load
    makes both noisy, the checks one read makes times what one check costs."""
    with_limit, without = float("inf"), float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        read_ccda(data, "bench.xml", deadline.Deadline("bench.xml"))
        with_limit = min(with_limit, time.perf_counter() - start)
        start = time.perf_counter()
        read_ccda(data, "bench.xml", Unlimited("bench.xml"))
        without = min(without, time.perf_counter() - start)
    counting = Counting("bench.xml")
    read_ccda(data, "bench.xml", counting)
    check = deadline.Deadline("bench.xml")
    one = min(timeit.repeat(check, number=100_000, repeat=5)) / 100_000
    print(
        f"time limit, {label}: with the clock check {with_limit:.3f} s, without {without:.3f} s;"
        f" ratio {with_limit / without:.3f}; {counting.calls:,} checks x {one * 1e9:.0f} ns ="
        f" {counting.calls * one * 1e6:.1f} us, {counting.calls * one / without:.5%} of the read"
    )


def largest() -> bytes:
    """The largest C-CDA read (xmlsafe.MAX_BYTES): CCD-1.xml with its structured body repeated up to it."""
    sample = SAMPLE.read_bytes()
    start = sample.index(b"<structuredBody>") + len(b"<structuredBody>")
    end = sample.index(b"</structuredBody>")
    copies = (xmlsafe.MAX_BYTES - len(sample)) // (end - start)
    return sample[:start] + sample[start:end] * copies + sample[end:]


def main() -> None:
    cases: tuple[tuple[str, bytes, Callable[[bytes], None] | None], ...] = (
        ("CCD-1.xml", SAMPLE.read_bytes(), None),
        ("20,000 results", make_document(20_000), None),
        ("100,000 entries (refused)", make_document(100_000), refused),
    )
    for label, data, action in cases:
        bare, bare_peak = timed(partial(SafeET.fromstring, data))
        took, peak = timed(partial(action, data) if action else partial(read_ccda, data, "bench.xml"))
        size = len(data) / 2**20
        print(
            f"{label}: {size:.2f} MiB; read_ccda {took:.3f} s, peak {peak:.1f} MiB; bare defusedxml parse"
            f" {bare:.3f} s, peak {bare_peak:.1f} MiB; ratio {took / bare:.1f}x"
        )
    limit_cost("CCD-1.xml", cases[0][1], rounds=20)
    limit_cost("20,000 results", cases[1][1])
    if "--skip-64" in sys.argv:
        return
    data = largest()
    start = time.perf_counter()
    read = read_ccda(data, "largest.xml")
    took = time.perf_counter() - start
    tracemalloc.start()
    read_ccda(data, "largest.xml")
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    start = time.perf_counter()
    SafeET.fromstring(data)
    bare = time.perf_counter() - start
    print(
        f"largest file: {len(data) / 2**20:.1f} MiB, {len(read.found):,} things found; read_ccda {took:.2f} s"
        f" (bare defusedxml parse {bare:.2f} s), peak traced {peak:.0f} MiB, peak RSS {rss:.0f} MiB;"
        f" limit {deadline.READ_SECONDS:g} s ="
        f" {deadline.READ_SECONDS / took:.1f}x the read"
    )


if __name__ == "__main__":
    main()
