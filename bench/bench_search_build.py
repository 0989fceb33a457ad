#!/usr/bin/env python3
"""Benchmark: building the search index after unlock, today's code against the code before issue 12.

Issue 12's target: "Building the index after unlock: at most 1.5x today's per-page cost." This times
the whole `build_index(vault)` of an unlocked vault, as the app runs it after unlock
(ui/session.py: VaultSession.build_index): each document's stored page text decrypted
(`Vault.page_texts`) and indexed, and today also the vocabulary of the forgiving tier
(`SearchIndex.prepare`), on the same vault, by

  today    this tree's mbc_vault (the mbc_vault/search/ package)
  before   the last commit before issue 12's search work (eef8bf5, mbc_vault/search.py: one FTS5
           table of raw text), taken out of git with `git archive` into a temporary folder

Each build runs in a child process (PYTHONPATH = the code tree; the child checks which mbc_vault it
imported), which unlocks the vault (timed apart), builds the index once, checks it finds a word,
and then times decrypting every page text alone (`Vault.page_texts` of each document, the part both
codes share). Children run interleaved (before, today, today, before, ...), --runs of each; the
faster build of each code is kept, and the ratio of the per-page costs printed.

The vault: --records documents of 10 pages of fictional text (bench_search.make_records, seed 11: the
same pages as bench_search.py), made by today's code at scrypt work factor 2^10, in --vault (kept
and reused when it exists). The vault format is the same at both commits (layout.FORMAT_VERSION 2).

Run: .venv/bin/python bench/bench_search_build.py [--records N] [--runs R] [--vault DIR] [--before DIR]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the last commit before issue 12's search work (fd05740 made mbc_vault/search/ from search.py)
BEFORE_COMMIT = "eef8bf5cd03469a82c6173e64581e35f5f0cf0f3"
PASSPHRASE = "fictional bench passphrase"
WORK_FACTOR = 10
PROBE = "palbociclib"  # a make_corpus word on many pages


def child(vault_path: str, cache_root: str) -> int:
    """Unlock, build, check, time decryption alone; print one line of JSON."""
    import mbc_vault
    from mbc_vault.search import build_index
    from mbc_vault.vault import Vault

    start = time.perf_counter()
    vault = Vault.open(vault_path, PASSPHRASE, cache_root=Path(cache_root))
    unlock_s = time.perf_counter() - start
    start = time.perf_counter()
    index = build_index(vault)
    build_s = time.perf_counter() - start
    hits = len(index.search(PROBE))
    indexed = len(index)
    index.close()
    start = time.perf_counter()
    pages = 0
    for record in vault.records():
        pages += len(vault.page_texts(record.id) or [])
    decrypt_s = time.perf_counter() - start
    vault.close()
    print(
        json.dumps(
            {
                "module": mbc_vault.__file__,
                "unlock_s": unlock_s,
                "build_s": build_s,
                "decrypt_s": decrypt_s,
                "pages": pages,
                "records": indexed,
                "hits": hits,
            }
        )
    )
    return 0


def make_vault(path: Path, records: int) -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    from bench_search import make_records

    from mbc_vault.vault import Vault

    docs, _ = make_records(records, 11)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cache:
        vault = Vault.create(path, PASSPHRASE, work_factor=WORK_FACTOR, cache_root=Path(cache))
        for number, (record, pages) in enumerate(docs):
            vault.add_document(
                io.BytesIO(f"%PDF-1.4 fictional bench document {number}\n".encode()),
                category=record.category,
                title=record.title,
                tags=record.tags,
                notes=record.notes,
                original_name=f"{number:04d}.pdf",
                pages=len(pages),
                page_texts=pages,
            )
        vault.close()
    print(f"vault: {records} documents made in {time.perf_counter() - start:.1f} s at {path}")


def run_child(tree: Path, vault: Path, cache: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(vault), str(cache)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    module = Path(str(result["module"])).resolve()
    if not module.is_relative_to(tree.resolve()):
        raise SystemExit(f"the child imported {module}, not the code of {tree}")
    if not result["hits"] or not result["records"]:
        raise SystemExit(f"the index of {tree} finds nothing for {PROBE!r}: {result}")
    return result


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000, help="documents of 10 pages (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each code, interleaved (default 3)")
    parser.add_argument("--vault", type=Path, help="the vault (made when missing; default: a temporary one)")
    parser.add_argument(
        "--before", type=Path, help="a checkout of the code before issue 12 (default: git archive)"
    )
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="another code tree to time in the same run (for example an earlier commit's mbc_vault)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-search-build-") as scratch:
        tmp = Path(scratch)
        vault = args.vault or tmp / "vault"
        if not vault.exists() or not any(vault.iterdir()):
            make_vault(vault, args.records)
        before = args.before
        if before is None:
            before = tmp / "before"
            before.mkdir()
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", BEFORE_COMMIT, "mbc_vault"],
                capture_output=True,
                check=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(before)], input=archive, check=True)
        trees = {"before": before, "today": ROOT}
        for extra in args.also:
            name, _, folder = extra.partition("=")
            trees[name] = Path(folder)
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for attempt in range(args.runs):
            order = list(trees) if attempt % 2 == 0 else list(reversed(trees))
            for name in order:
                runs[name].append(run_child(trees[name], vault, tmp / f"cache-{name}"))
        pages = int(runs["today"][0]["pages"])
        best = {name: min(r["build_s"] for r in results) for name, results in runs.items()}
        decrypt = min(r["decrypt_s"] for results in runs.values() for r in results)
        print(f"build_index after unlock, {pages} pages, {args.runs} runs of each, interleaved (ms/page):")
        for name in trees:
            each = ", ".join(f"{1000 * r['build_s'] / pages:.3f}" for r in runs[name])
            unlock = min(r["unlock_s"] for r in runs[name])
            print(
                f"  {name:8s} {1000 * best[name] / pages:.3f} (runs {each}; unlock {unlock:.2f} s; "
                f"{runs[name][0]['records']} records indexed, {runs[name][0]['hits']} hits for {PROBE!r})"
            )
        print(f"  decrypting the page texts alone: {1000 * decrypt / pages:.3f} ms/page")
        for name in trees:
            if name != "before":
                print(f"ratio {name}/before {best[name] / best['before']:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
