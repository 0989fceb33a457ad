"""Benchmark of the FHIR reader: a 10,000-resource bundle read by `read_fhir`; time and peak memory,
with json.loads of the same bytes as the reference in the same run.

Run: .venv/bin/python bench/bench_portal_read.py
"""

from __future__ import annotations

import json
import time
import tracemalloc

from mbc_vault.portal.fhir import read_fhir


def make_bundle(count: int = 10_000) -> bytes:
    """A collection bundle of *count* fictional resources: lab values, medications, conditions, procedures."""
    entries = []
    for n in range(count):
        day = f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        kind = n % 4
        if kind == 0:
            res = {
                "resourceType": "Observation",
                "code": {"coding": [{"system": "http://loinc.org", "code": "6875-9"}], "text": "CA 15-3"},
                "effectiveDateTime": day + "T08:00:00Z",
                "valueQuantity": {"value": 20 + n % 50, "unit": "U/mL"},
            }
        elif kind == 1:
            res = {
                "resourceType": "MedicationStatement",
                "medicationCodeableConcept": {"text": f"medicine {n}"},
                "effectivePeriod": {"start": day},
            }
        elif kind == 2:
            res = {"resourceType": "Condition", "code": {"text": f"condition {n}"}, "onsetDateTime": day}
        else:
            res = {
                "resourceType": "Procedure",
                "code": {"text": "Biopsy of left breast"},
                "performedDateTime": day,
            }
        entries.append({"resource": {"id": str(n), **res}})
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}).encode()


def main() -> None:
    data = make_bundle()
    start = time.perf_counter()
    json.loads(data)
    reference = time.perf_counter() - start
    start = time.perf_counter()
    read = read_fhir(data, "bench.json")
    took = time.perf_counter() - start
    tracemalloc.start()  # a second read for the memory (tracing slows it down)
    read_fhir(data, "bench.json")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"bundle: 10,000 resources, {len(data) / 2**20:.1f} MiB; found {len(read.found)}")
    print(f"read_fhir: {took:.3f} s (json.loads alone {reference:.3f} s, ratio {took / reference:.1f}x)")
    print(f"peak traced memory during read_fhir: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
