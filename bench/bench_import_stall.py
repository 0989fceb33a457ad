#!/usr/bin/env python3
"""Benchmark: does the app's GUI thread stall while importing 50 PDFs?

Setup: QApplication (QT_QPA_PLATFORM=offscreen unless set), the app's MainWindow with private
settings, a new vault (work factor 2^10) entered as in the app (MainWindow.enter_vault: a
VaultSession, the sections listening to it, the search index built in the background), and 50
generated PDFs (bench/make_corpus.py, fixed seed). The import is driven as tests/test_ui.py::_import
does: MainWindow.documents.import_paths(files) opens ui.import_dialog.ImportDialog; when its
Import button is enabled it is clicked; the import ends when the dialog has its report. Then the
dialog is accepted (closed), as a person would.

The probe of bench/stall_probe.py (a 10 ms precise QTimer in the script's own event loop, shared
with bench/bench_portal_import_stall.py; each phase starts once the search index is built) records
the gap between its firings during:

  reading   from opening the dialog (constructor included) until Import is enabled (the files are
            read in the thread pool; the table is filled on the GUI thread)
  import    from clicking Import until the report is there, plus 300 ms for what was queued
            (the files are stored in the thread pool; the GUI thread updates the session)
  close     accepting the dialog, plus 300 ms (the documents table refreshes)
  idle      reference: the same probe, event loop idle, for as long as reading + import
  warm-read with --warm: reading as above, into a second new vault, with the session's PDF workers
            started first (VaultSession.start_readers, as when the person opens the file chooser;
            the wait for them is not counted): compare its seconds with reading's, same run

Rounds (default 3): each imports the same files into a new vault; the phases of a round follow
each other (reading, import, close, idle), so the idle reference is interleaved with the rest.
Reported per phase: duration, probe firings, max gap, 99th percentile gap (medians over rounds),
the worst gap of any round, and the number of gaps > 100 ms over all rounds.
Target: no gap > 100 ms (a stall) in any phase.

Run: .venv/bin/python bench/bench_import_stall.py [--docs N] [--rounds R] [--seed S] [--existing M]
     [--profile] [--where] [--warm]
(--existing M: M small records in the vault before the import, to see work that grows with the
vault; --profile: cProfile of the GUI thread over each phase of round 1, top project functions;
--where: the GUI thread's stack sampled in each stall)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

PASSPHRASE = "benchmark passphrase, not a secret"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--existing", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--where", action="store_true", help="sample the GUI thread's stack in stalls")
    parser.add_argument("--warm", action="store_true", help="also read with the PDF workers started first")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-stall-") as tmp:
        root = Path(tmp)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(root / name.lower())
        os.environ["MBC_VAULT_CACHE_DIR"] = str(root / "cache")
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "make_corpus.py"),
                str(root / "corpus"),
                str(args.docs),
                str(args.seed),
            ],
            check=True,
            env=dict(os.environ),
        )
        files = sorted((root / "corpus").glob("*.pdf"))
        return run(root, files, args)


def run(root: Path, files: list[Path], args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings, QThreadPool
    from stall_probe import StallProbe

    from mbc_vault.vault import Vault
    from ui.app import setup_application
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = setup_application([sys.argv[0]])
    settings = AppSettings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.show()
    probe = StallProbe(
        lambda: window.session is not None and window.session.index is not None, args.profile, args.where
    )

    added: list[int] = []
    note = root / "note.txt"
    for number in range(args.rounds):
        vault = Vault.create(root / f"vault-{number}", PASSPHRASE, name="Bench", work_factor=10)
        for existing in range(args.existing):
            note.write_text(f"Existing note {existing}: CA 15-3 42 U/mL")
            vault.add_document(note, category="lab-result", title=f"Existing {existing}")
        window.enter_vault(vault)
        holder: dict[str, object] = {}
        reading_s = probe.measure(
            "reading",
            lambda holder=holder: holder.__setitem__(
                "dialog", window.documents.import_paths([str(p) for p in files])
            ),
            lambda holder=holder: "dialog" in holder and holder["dialog"].import_btn.isEnabled(),  # type: ignore[attr-defined]
        )
        dialog = holder["dialog"]
        import_s = probe.measure(
            "import",
            lambda dialog=dialog: dialog.import_btn.click(),  # type: ignore[attr-defined]
            lambda dialog=dialog: dialog.report is not None,  # type: ignore[attr-defined]
            tail_ms=300,
        )
        added.append(len(dialog.report.added))  # type: ignore[attr-defined]
        probe.measure(
            "close",
            lambda dialog=dialog: dialog.accept(),  # type: ignore[attr-defined]
            lambda dialog=dialog: not dialog.isVisible(),  # type: ignore[attr-defined]
            tail_ms=300,
        )
        probe.idle((reading_s + import_s) * 1000)
        window.lock()
        QThreadPool.globalInstance().waitForDone(30_000)
        if args.warm:
            window.enter_vault(
                Vault.create(root / f"vault-{number}-warm", PASSPHRASE, name="Bench", work_factor=10)
            )
            session = window.session
            assert session is not None
            session.start_readers()
            probe.wait(lambda s=session: len(s.readers().pids()) == s.readers().count, 60)
            QThreadPool.globalInstance().waitForDone(30_000)  # the start itself is done
            warm: dict[str, object] = {}
            probe.measure(
                "warm-read",
                lambda warm=warm: warm.__setitem__(
                    "dialog", window.documents.import_paths([str(p) for p in files])
                ),
                lambda warm=warm: "dialog" in warm and warm["dialog"].import_btn.isEnabled(),  # type: ignore[attr-defined]
            )
            warm["dialog"].reject()  # type: ignore[attr-defined]
            window.lock()
            QThreadPool.globalInstance().waitForDone(30_000)

    print(
        f"{len(files)} PDFs imported through ImportDialog, {args.rounds} rounds (a new vault each, "
        f"{args.existing} records in it before): added {added}"
    )
    probe.report()
    window.close()
    del app
    return 0 if all(n == len(files) for n in added) else 1


if __name__ == "__main__":
    sys.exit(main())
