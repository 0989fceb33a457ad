#!/usr/bin/env python3
"""Benchmark: does the app's GUI thread stall while importing 50 PDFs?

Setup: QApplication (QT_QPA_PLATFORM=offscreen unless set), the app's MainWindow with private
settings, a new vault (work factor 2^10) entered as in the app (MainWindow.enter_vault: a
VaultSession, the sections listening to it, the search index built in the background), and 50
generated PDFs (bench/make_corpus.py, fixed seed). The import is driven as tests/test_ui.py::_import
does: MainWindow.documents.import_paths(files) opens ui.import_dialog.ImportDialog; when its
Import button is enabled it is clicked; the import ends when the dialog has its report. Then the
dialog is accepted (closed), as a person would.

A probe QTimer (10 ms, precise) records the gap between its firings, in the script's own event
loop (QEventLoop), during:

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
     [--profile] [--warm]
(--existing M: M small records in the vault before the import, to see work that grows with the
vault; --profile: cProfile of the GUI thread over each phase of round 1, top project functions)
"""

from __future__ import annotations

import argparse
import cProfile
import io
import math
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

STALL_MS = 100.0
PASSPHRASE = "benchmark passphrase, not a secret"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]  # nearest rank


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--existing", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
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
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QThreadPool, QTimer

    from mbc_vault.vault import Vault
    from ui.app import setup_application
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = setup_application([sys.argv[0]])
    settings = AppSettings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.show()

    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def fire() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(10)
    probe.timeout.connect(fire)

    def wait(condition: Callable[[], bool], timeout_s: float = 300.0) -> None:
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(2)

        def poll() -> None:
            if condition():
                loop.quit()

        check.timeout.connect(poll)
        check.start()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        deadline.start(int(timeout_s * 1000))
        if not condition():
            loop.exec()
        check.stop()
        if not condition():
            raise TimeoutError("the import did not finish in time")

    def settle(ms: int) -> None:
        end = time.perf_counter() + ms / 1000
        wait(lambda: time.perf_counter() >= end)

    #: phase -> one (seconds, gaps) per round
    phases: dict[str, list[tuple[float, list[float]]]] = {
        n: [] for n in ("reading", "import", "close", "idle") + (("warm-read",) if args.warm else ())
    }
    profiles: dict[str, cProfile.Profile] = {}

    def measure(name: str, start: Callable[[], None], done: Callable[[], bool], tail_ms: int = 0) -> float:
        wait(lambda: window.session is not None and window.session.index is not None, 60)  # index built
        settle(50)
        gaps.clear()
        last[0] = clock.nsecsElapsed()
        probe.start()
        began = time.perf_counter()
        profiler = cProfile.Profile() if args.profile and name != "idle" and name not in profiles else None
        if profiler:
            profiles[name] = profiler
            profiler.enable()
        QTimer.singleShot(0, start)  # so that the probe is already running in this event loop
        settle(1)
        wait(done)
        if tail_ms:
            settle(tail_ms)
        probe.stop()
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - began
        phases[name].append((seconds, list(gaps)))
        return seconds

    added: list[int] = []
    note = root / "note.txt"
    for number in range(args.rounds):
        vault = Vault.create(root / f"vault-{number}", PASSPHRASE, name="Bench", work_factor=10)
        for existing in range(args.existing):
            note.write_text(f"Existing note {existing}: CA 15-3 42 U/mL")
            vault.add_document(note, category="lab-result", title=f"Existing {existing}")
        window.enter_vault(vault)
        holder: dict[str, object] = {}
        reading_s = measure(
            "reading",
            lambda holder=holder: holder.__setitem__(
                "dialog", window.documents.import_paths([str(p) for p in files])
            ),
            lambda holder=holder: "dialog" in holder and holder["dialog"].import_btn.isEnabled(),
        )  # type: ignore[attr-defined]
        dialog = holder["dialog"]
        import_s = measure(
            "import",
            lambda dialog=dialog: dialog.import_btn.click(),  # type: ignore[attr-defined]
            lambda dialog=dialog: dialog.report is not None,
            tail_ms=300,
        )  # type: ignore[attr-defined]
        added.append(len(dialog.report.added))  # type: ignore[attr-defined]
        measure(
            "close",
            lambda dialog=dialog: dialog.accept(),  # type: ignore[attr-defined]
            lambda dialog=dialog: not dialog.isVisible(),  # type: ignore[attr-defined]
            tail_ms=300,
        )
        measure("idle", lambda: None, lambda: True, tail_ms=int((reading_s + import_s) * 1000))
        window.lock()
        QThreadPool.globalInstance().waitForDone(30_000)
        if args.warm:
            window.enter_vault(
                Vault.create(root / f"vault-{number}-warm", PASSPHRASE, name="Bench", work_factor=10)
            )
            session = window.session
            assert session is not None
            session.start_readers()
            wait(lambda s=session: len(s.readers().pids()) == s.readers().count, 60)
            QThreadPool.globalInstance().waitForDone(30_000)  # the start itself is done
            warm: dict[str, object] = {}
            measure(
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
    print("per phase: median over rounds of each round's figure; 'worst' = the largest gap of any round (ms)")
    print(
        f"{'phase':8s} {'seconds':>8s} {'firings':>8s} {'max gap':>8s} {'p99 gap':>8s} {'p50 gap':>8s} "
        f"{'worst':>8s} {'>100 ms':>8s}"
    )
    stalls = 0
    for name, runs in phases.items():
        over = sum(1 for _, values in runs for g in values if g > STALL_MS)
        if name != "idle":
            stalls += over
        med = lambda fn, runs=runs: statistics.median(fn(seconds, values) for seconds, values in runs)  # noqa: E731
        print(
            f"{name:8s} {med(lambda s, v: s):8.2f} {med(lambda s, v: len(v)):8.0f} "
            f"{med(lambda s, v: max(v, default=0)):8.1f} {med(lambda s, v: percentile(v, 99)):8.1f} "
            f"{med(lambda s, v: statistics.median(v) if v else 0):8.1f} "
            f"{max(max(v, default=0) for _, v in runs):8.1f} {over:8d}"
        )
    worst = max(max(v, default=0) for n, runs in phases.items() if n != "idle" for _, v in runs)
    idle_max = max(max(v, default=0) for _, v in phases["idle"])
    print(
        f"\nworst gap {worst:.1f} ms (target: no gap > {STALL_MS:.0f} ms): "
        f"{'MET' if not stalls else 'MISSED'}; idle reference worst {idle_max:.1f} ms, worst/idle = "
        f"{worst / idle_max:.1f}"
    )

    for name, profiler in profiles.items():
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(r"ui/|mbc_vault/", 20)
        print(
            f"\n--- GUI thread, {name} phase of round 1 (cProfile; QEventLoop.exec is the script's wait) ---"
        )
        print("\n".join(out.getvalue().splitlines()[6:]))
    window.close()
    del app
    return 0 if all(n == len(files) for n in added) else 1


if __name__ == "__main__":
    sys.exit(main())
