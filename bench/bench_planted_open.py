"""Opening a vault with planted files, against a clean open of the same vault in the same run (issue 11).

Planted: three key files asking for scrypt work factor 22 (each attempt would take about 21 s and
4 GB) and five records whose headers hold 10,000 recipient stanzas (about 1 MiB each). Target: at
most 2x the clean open. Both opens use the default work factor (18) and no record cache.

    .venv/bin/python bench/bench_planted_open.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from mbc_vault.vault import Vault

PASSPHRASE = "bench-passphrase-copper-maple"


def _b64(count: int) -> str:
    return base64.b64encode(os.urandom(count)).decode().rstrip("=")


def _open_seconds(path: Path) -> float:
    started = time.perf_counter()
    Vault.open(path, PASSPHRASE, use_cache=False).close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-planted-"))
    try:
        clean, planted = work / "clean", work / "planted"
        vault = Vault.create(clean, PASSPHRASE, name="Jane Example")
        for number in range(50):
            vault.add_document(
                io.BytesIO(b"note %d" % number), category="medical-other", original_name=f"n{number}.txt"
            )
        vault.close()
        shutil.copytree(clean, planted)
        for number in range(3):
            header = f"age-encryption.org/v1\n-> scrypt {_b64(16)} 22\n{_b64(32)}\n--- {_b64(32)}\n"
            (planted / "keys" / f"{number:020x}.age").write_bytes(header.encode() + os.urandom(64))
        stanzas = "".join(f"-> X25519 {_b64(32)}\n{_b64(32)}\n" for _ in range(10_000))
        big = f"age-encryption.org/v1\n{stanzas}--- {_b64(32)}\n".encode() + os.urandom(64)
        for number in range(5):
            (planted / "records" / f"{number + 1:020x}.age").write_bytes(big)
        pairs = [(_open_seconds(clean), _open_seconds(planted)) for _ in range(args.rounds)]
        ref = statistics.median(p[0] for p in pairs)
        app = statistics.median(p[1] for p in pairs)
        print(
            f"clean open {ref:.3f} s, with planted files {app:.3f} s: ratio {app / ref:.2f} (target <= 2.0)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
