"""What stays in memory after lock: the scenarios, each run in a child process, and their counts.

The parent (`measure`) makes a vault with one PDF, starts a child running a scenario, hands it the
passphrase on its standard input, and counts the secrets in the child's memory (tests/memscan.py)
when the child says it is "open" (everything read) and again when it is "locked". The child waits
for a line between the two, so its memory stands still while it is read. The secrets are never in
the scanned process except where the scenario itself put them: the harness types the passphrase
one character at a time (single-character strings are Python's shared objects) and overwrites its
own copies before each count, so only the program's copies are counted.

Scenarios:
- ``core``: the CLI-level Vault API: open, read the document and its page text, build the search
  index and search, then ``SearchIndex.close()``, ``Vault.close()`` and gc.
- ``app``: the app's window offscreen: type the passphrase and press Enter, open the document's
  preview, search, then Ctrl+L, and gc.

Run ``python tests/secrets_scenarios.py`` for the table in docs/performance.md ("Secrets in memory
after lock"); Linux only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memscan import Counts, count_secrets  # noqa: E402

HERE = Path(__file__).resolve().parent
PASSPHRASE = "Quietude-lamplighter 4417 marrow"
TITLE = "Zephyrine Quillfeather biopsy"
TITLE_WORD = "Quillfeather"
PAGE_TEXT = "Saltmarrow carcinoma, grade Vexley"
PAGE_WORD = "Saltmarrow"
#: a word only in the document's own bytes (its page text does not have it)
DOCUMENT_WORD = "Thistledown4471"
WORK_FACTOR = 12


# --------------------------------------------------------------------------------------- the parent
@dataclass
class Made:
    """A vault made for a measurement and the secrets to look for in it."""

    path: Path
    secrets: dict[str, str | bytes | list[str | bytes]]


def make_vault(root: Path) -> Made:
    """A vault with one PDF (title, page text and a word of its own) and what counts as its secrets."""
    sys.path.insert(0, str(HERE))
    from pdfmaker import text_pdf

    from mbc_vault.vault import Vault

    path = root / "vault"
    vault = Vault.create(
        path, PASSPHRASE, name="Memory test", work_factor=WORK_FACTOR, cache_root=root / "cache"
    )
    pdf = text_pdf(root / "biopsy.pdf", [[PAGE_TEXT, f"Specimen {DOCUMENT_WORD}"]])
    vault.add_document(pdf, category="pathology-report", title=TITLE, pages=1, page_texts=[PAGE_TEXT])
    pdf.unlink()
    keys = [vault.folder.identity, *(k.identity for k in vault.folder.keyring.keys)]
    signing = vault.folder.signing
    assert signing is not None
    secrets: dict[str, str | bytes | list[str | bytes]] = {
        "passphrase": PASSPHRASE,
        "AGE-SECRET-KEY-1": "AGE-SECRET-KEY-1",
        "identities (bech32)": [str(k)[len("AGE-SECRET-KEY-1") :] for k in keys],
        "identities (32 raw bytes)": [bytes(k.secret) for k in keys],
        "signing key (hex, raw)": [signing.seed.hex(), bytes(signing.seed)],
        "title word": TITLE_WORD,
        "page-text word": PAGE_WORD,
        "document word": DOCUMENT_WORD,
    }
    vault.close()
    return Made(path, secrets)


def child_env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        MBC_VAULT_CACHE_DIR=str(root / "cache"),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_DATA_HOME=str(root / "data-home"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(HERE.parent), env.get("PYTHONPATH")])),
    )
    env.pop("MBC_VAULT_PASSPHRASE", None)
    return env


STAGES = ("start", "open", "locked")


def measure(scenario: str, root: Path, made: Made | None = None) -> dict[str, Counts]:
    """The counts of *scenario* ("core" or "app", made in *root*) at each of STAGES: "start" (the
    program's own constants, before the passphrase), "open" (all read) and "locked"."""

    made = made or make_vault(root)
    args = [sys.executable, str(HERE / "secrets_child.py"), scenario, str(made.path)]
    if scenario == "app":
        args.append(str(root / "settings.ini"))
    out: dict[str, Counts] = {}
    with subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=child_env(root), cwd=root
    ) as child:
        assert child.stdin is not None and child.stdout is not None
        for stage in STAGES:
            line = child.stdout.readline().decode().strip()
            if line != stage:
                child.kill()
                raise RuntimeError(f"the {scenario} scenario stopped before {stage!r} (said {line!r})")
            began = time.perf_counter()
            out[stage] = count_secrets(child.pid, made.secrets)
            out[stage].seconds = time.perf_counter() - began
            child.stdin.write(b"go\n" + (PASSPHRASE.encode() + b"\n" if stage == "start" else b""))
            child.stdin.flush()
        child.stdin.close()
        if child.wait(60) != 0:
            raise RuntimeError(f"the {scenario} scenario failed (exit {child.returncode})")
    return out


def main(argv: list[str]) -> None:
    """Print the table of docs/performance.md, "Secrets in memory after lock" (--detail: where the
    copies left after lock are, by encoding and mapping)."""
    rows: dict[str, dict[str, Counts]] = {}
    for scenario in ("core", "app"):
        with tempfile.TemporaryDirectory() as tmp:
            rows[scenario] = measure(scenario, Path(tmp))
    names = list(rows["core"]["open"].total)
    heads = [f"{s} {stage}" for s in rows for stage in STAGES]
    print("| secret | " + " | ".join(heads) + " |")
    print("|---|" + "---:|" * len(heads))
    for name in names:
        cells = [str(rows[s][stage].total[name]) for s in rows for stage in STAGES]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if "--detail" in argv:
        for scenario, stages in rows.items():
            locked = stages["locked"]
            print(f"\n{scenario}, locked ({locked.bytes_read >> 20} MiB read in {locked.seconds:.1f} s):")
            for name in names:
                if locked.total[name]:
                    print(f"  {name}: {locked.by_encoding[name]} {locked.by_region[name]}")


if __name__ == "__main__":
    main(sys.argv[1:])
