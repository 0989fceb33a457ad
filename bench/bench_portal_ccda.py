"""Benchmark of the C-CDA reader: the largest HL7 sample (CCD-1.xml) read by `read_ccda`, a 20,000-result
document that is read, and a 100,000-entry document that is refused at the entry limit; time and peak
traced memory, against a bare defusedxml ElementTree parse of the same bytes in the same run.

Run: .venv/bin/python bench/bench_portal_ccda.py
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import defusedxml.ElementTree as SafeET

from mbc_vault.errors import InputFileError
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


if __name__ == "__main__":
    main()
