#!/usr/bin/env python3
"""Benchmark: does the GUI thread stall while a 10,000-resource portal bundle is read, reviewed and
saved through File ▸ Import records from a patient portal… (ui/portal_import_dialog.py)?

Setup as bench/bench_import_stall.py: QApplication (offscreen unless set), the app's MainWindow with
private settings, a new vault (work factor 2^10) entered as in the app, and the fictional bundle of
bench/bench_portal_read.py (--resources N). A probe QTimer (10 ms, precise) records the gaps of the
event loop during:

  review   from opening the dialog until its review is there (read and planned in the pool)
  save     from pressing Import until the report is there, plus 300 ms (the sections reload)
  idle     reference: the probe with the event loop idle, as long as review + save

Target: no gap > 100 ms in review or save. Run: .venv/bin/python bench/bench_portal_import_stall.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

STALL_MS = 100.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000)
    args = parser.parse_args()
    from bench_portal_read import make_bundle
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer

    from mbc_vault.vault import Vault
    from ui.app import setup_application
    from ui.main_window import MainWindow
    from ui.portal_import_dialog import open_portal_import
    from ui.settings import AppSettings

    with tempfile.TemporaryDirectory(prefix="bench-portal-stall-") as tmp:
        root = Path(tmp)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(root / name.lower())
        bundle = root / "portal-export.json"
        bundle.write_bytes(make_bundle(args.resources))
        app = setup_application([sys.argv[0]])
        window = MainWindow(AppSettings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)))
        window.show()
        window.enter_vault(Vault.create(root / "vault", "benchmark passphrase, no secret", work_factor=10))
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

        def wait(condition: Callable[[], bool], limit_s: float = 900) -> None:
            end = time.perf_counter() + limit_s
            loop = QEventLoop()
            while not condition() and time.perf_counter() < end:
                QTimer.singleShot(2, loop.quit)
                loop.exec()

        results: dict[str, tuple[float, list[float]]] = {}

        def measure(
            name: str, start: Callable[[], None], done: Callable[[], bool], tail_s: float = 0
        ) -> None:
            gaps.clear()
            last[0] = clock.nsecsElapsed()
            probe.start()
            began = time.perf_counter()
            QTimer.singleShot(0, start)
            wait(lambda: time.perf_counter() - began > 0.005)
            wait(done)
            if tail_s:
                end = time.perf_counter() + tail_s
                wait(lambda: time.perf_counter() >= end)
            probe.stop()
            results[name] = (time.perf_counter() - began, list(gaps))

        holder: dict[str, object] = {}
        measure(
            "review",
            lambda: holder.__setitem__("d", open_portal_import(window, window.session, [bundle])),
            lambda: "d" in holder and holder["d"]._worker is None,  # type: ignore[attr-defined]
        )
        dialog = holder["d"]
        chosen = dialog.model.chosen_count()  # type: ignore[attr-defined]
        measure(
            "save",
            dialog.import_btn.click,  # type: ignore[attr-defined]
            lambda: dialog.report is not None and dialog._worker is None,  # type: ignore[attr-defined]
            tail_s=0.3,
        )
        busy = sum(seconds for seconds, _ in results.values())
        measure("idle", lambda: None, lambda: True, tail_s=busy)
        print(f"{args.resources} resources; {chosen} entries chosen; saved {dialog.report.total}")  # type: ignore[attr-defined]
        print(f"{'phase':8s} {'seconds':>8s} {'firings':>8s} {'max gap':>8s} {'>100 ms':>8s}")
        for name, (seconds, values) in results.items():
            over = sum(1 for g in values if g > STALL_MS)
            print(f"{name:8s} {seconds:8.2f} {len(values):8d} {max(values, default=0):8.1f} {over:8d}")
        worst = max(max(v, default=0) for n, (_, v) in results.items() if n != "idle")
        idle = max(results["idle"][1], default=1) or 1
        print(
            f"worst gap {worst:.1f} ms (target <= {STALL_MS:.0f} ms); "
            f"idle worst {idle:.1f} ms, ratio {worst / idle:.1f}"
        )
        dialog.accept()  # type: ignore[attr-defined]
        window.lock()
        window.close()
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
