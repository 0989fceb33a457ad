#!/usr/bin/env python3
"""Benchmark of a portal import of a 10,000-resource FHIR bundle (issue 15): reading and reviewing,
saving, and the peak memory of the three.

  review  read_fhir + plan_import of the bundle into an empty vault        target <= 5 s
  save    save_import of that plan (the original stored once, every entry linked to it)
  api     the reference, in the same run: the same original added with Vault.add_document and the
          same entries saved one by one through the stores (EntryStore.save, what the forms do),
          each linked to it, in a fresh vault                             target save/api <= 2.0
  memory  read (of the bundle's file) + review + save in a fresh child process: peak traced memory
          (tracemalloc) and the peak RSS of the whole process (ru_maxrss)          target <= 300 MiB

Vaults at a low work factor (the key derivation is not what is measured). Rounds alternate save and api
on fresh vaults; the medians are printed.
Run: .venv/bin/python bench/bench_portal_import.py [--count N] [--rounds R] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_portal_read import make_bundle  # noqa: E402

from mbc_vault.entries import EntryStore  # noqa: E402
from mbc_vault.portal.fhir import read_fhir  # noqa: E402
from mbc_vault.portal.review import MODELS, ImportPlan, plan_import  # noqa: E402
from mbc_vault.portal.save import PORTAL_CATEGORY, save_import  # noqa: E402
from mbc_vault.vault import Vault  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a secret"
LOW_WORK_FACTOR = 10
MIB = 1 << 20


def _vault(folder: Path, name: str) -> Vault:
    return Vault.create(folder / name, PASSPHRASE, name="Bench Fictional", work_factor=LOW_WORK_FACTOR)


def _review(vault: Vault, data: bytes) -> ImportPlan:
    return plan_import(vault, [read_fhir(data, "bench.json")])


def _through_the_stores(vault: Vault, plan: ImportPlan) -> None:
    """The reference: what a person typing the same entries would store, one store save each."""
    read = plan.reads[0]
    document = vault.add_document(
        io.BytesIO(read.original),
        category=PORTAL_CATEGORY,
        title=read.name,
        original_name=read.name,
        media_type=read.media_type,
    )
    store = EntryStore(vault)
    for item in plan.items:
        if item.chosen:
            store.save(MODELS[item.kind].from_data(dict(item.data)), links=[document.id])


def _memory_child(bundle: Path) -> None:
    """Read the bundle's file, review and save it once in this (fresh) process; print the peaks."""
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as folder:
        vault = _vault(Path(folder), "memory")
        tracemalloc.start()
        save_import(vault, _review(vault, bundle.read_bytes()))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        vault.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"traced": peak / MIB, "rss": rss / 1024, "rss_base": base / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="cProfile one save_import")
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        _memory_child(args.memory_child)
        return
    data = make_bundle(args.count)
    reviews, saves, apis = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for round_number in range(args.rounds):
            vault = _vault(Path(folder), f"save{round_number}")
            start = time.perf_counter()
            plan = _review(vault, data)
            reviews.append(time.perf_counter() - start)
            chosen = sum(item.chosen for item in plan.items)
            if args.profile and round_number == 0:
                profile = cProfile.Profile()
                profile.enable()
            start = time.perf_counter()
            report = save_import(vault, plan)
            saves.append(time.perf_counter() - start)
            if args.profile and round_number == 0:
                profile.disable()
                pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
            assert report.total == chosen, (report.total, chosen)
            vault.close()
            reference = _vault(Path(folder), f"api{round_number}")
            start = time.perf_counter()
            _through_the_stores(reference, plan)
            apis.append(time.perf_counter() - start)
            reference.close()
        bundle = Path(folder) / "bench.json"
        bundle.write_bytes(data)
        child = subprocess.run(
            [sys.executable, __file__, "--memory-child", str(bundle)],
            capture_output=True,
            text=True,
            check=True,
        )
    memory = json.loads(child.stdout.strip().splitlines()[-1])
    review, save, api = (statistics.median(x) for x in (reviews, saves, apis))
    print(f"bundle: {args.count:,} resources, {len(data) / MIB:.1f} MiB; {chosen:,} entries to save")
    print(f"read + review: {review:.2f} s (target <= 5 s)")
    print(f"save_import: {save:.2f} s; the same entries through the stores: {api:.2f} s")
    print(f"ratio save/api: {save / api:.2f}x (target <= 2.0)")
    print(
        f"peak memory of read + review + save: traced {memory['traced']:.1f} MiB; peak RSS of the process "
        f"{memory['rss']:.1f} MiB ({memory['rss_base']:.1f} MiB after its imports) (target <= 300 MiB)"
    )


if __name__ == "__main__":
    main()
