"""What stays in memory after lock: the scenarios, each run in a child process, and their counts.

The parent (`measure`) makes a vault with one PDF, starts a child running a scenario
(tests/secrets_child.py), hands it the passphrase on its standard input, and counts the secrets in
the child's memory (tests/memscan.py) when the child says it is at "start" (before the passphrase:
the program's own text), "open" (everything read) and "locked". The child waits for a line after
each, so its memory stands still while it is read. The child's file holds none of the secrets, and
its harness overwrites its own copy of the passphrase once it has handed it over: only the program's
copies are counted. Children run with PYTHONHASHSEED=0, so a scenario allocates the same way each run.

Scenarios (SCENARIOS):
- ``core``: the CLI-level Vault API: open, read the document and its page text, build the search
  index and search, then ``SearchIndex.close()``, ``Vault.close()`` and gc (the closed vault is kept
  referenced, as a caller may keep it);
- ``core-release``: the same, then ``scrub.release_freed_memory()``, as the app does on lock;
- ``app``: the app's window offscreen: type the passphrase and press Enter, open the document's
  preview, search, then Ctrl+L, and gc.

Run ``python tests/secrets_scenarios.py`` for the table in docs/performance.md ("Secrets in memory
after lock"; ``--detail`` adds where the copies left are, by encoding and mapping); Linux only.
"""

from __future__ import annotations

import json
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
#: a word only in a structured entry (a question of a question list), which the search index holds too
ENTRY_WORD = "Brackenwhorl"
WORK_FACTOR = 12


# --------------------------------------------------------------------------------------- the parent
@dataclass
class Made:
    """A vault made for a measurement and the secrets to look for in it."""

    path: Path
    secrets: dict[str, str | bytes | list[str | bytes]]


def make_vault(root: Path) -> Made:
    """A vault with one PDF (title, page text and a word of its own) and one question list (a word of
    its own: the search index's entry rows), and what counts as its secrets."""
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
    vault.add_entry(
        "question-list",
        {"name": "Questions", "questions": [{"text": f"Is the {ENTRY_WORD} rash normal?", "answer": ""}]},
        title="Questions",
    )
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
        "entry word": ENTRY_WORD,
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
    env["PYTHONHASHSEED"] = "0"  # the same dicts, so the same allocations, in every run
    env.pop("MBC_VAULT_PASSPHRASE", None)
    return env


STAGES = ("start", "open", "locked")
#: the Vault API (open, read, search, SearchIndex.close and Vault.close, gc); the same, then
#: scrub.release_freed_memory() as the app does on lock; the app's window (Ctrl+L)
SCENARIOS = ("core", "core-release", "app")


def measure(scenario: str, root: Path, made: Made | None = None) -> dict[str, Counts]:
    """The counts of *scenario* (one of SCENARIOS, made in *root*) at each of STAGES: "start" (the
    program's own text, before the passphrase), "open" (all read) and "locked"."""

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
            said, _, holders = child.stdout.readline().decode().strip().partition(" ")
            if said != stage:
                child.kill()
                raise RuntimeError(f"the {scenario} scenario stopped before {stage!r} (said {said!r})")
            began = time.perf_counter()
            out[stage] = count_secrets(child.pid, made.secrets)
            out[stage].seconds = time.perf_counter() - began
            out[stage].live = json.loads(holders)
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
    for scenario in SCENARIOS:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                rows[scenario] = measure(scenario, Path(tmp))
            except RuntimeError as exc:  # e.g. core-release on a version without scrub.py
                print(f"{scenario}: {exc}", file=sys.stderr)
    names = list(rows["core"]["open"].total)
    columns = [
        ("before unlock, core / app", None, None),
        ("core: open", "core", "open"),
        ("core: `close()`", "core", "locked"),
        ("core: `close()` + release", "core-release", "locked"),
        ("app: open", "app", "open"),
        ("app: Ctrl+L", "app", "locked"),
    ]
    print("| secret | " + " | ".join(head for head, _, _ in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for name in names:
        cells = [
            f"{rows['core']['start'].total[name]} / {rows['app']['start'].total[name]}"
            if scenario is None
            else str(rows[scenario][stage].total[name])
            if scenario in rows
            else "n/a"
            for _, scenario, stage in columns
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for scenario in rows:
        print(f"objects alive after lock ({scenario}): {rows[scenario]['locked'].live or 'none'}")
    if "--detail" in argv:
        for scenario, stages in rows.items():
            locked = stages["locked"]
            print(f"\n{scenario}, locked ({locked.bytes_read >> 20} MiB read in {locked.seconds:.1f} s):")
            print(f"  objects alive: {locked.live}")
            for name in names:
                if locked.total[name]:
                    print(f"  {name}: {locked.by_encoding[name]} {locked.by_region[name]}")


if __name__ == "__main__":
    main(sys.argv[1:])
