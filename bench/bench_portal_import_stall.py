#!/usr/bin/env python3
"""Benchmark: does the GUI thread stall while a 10,000-resource portal bundle is read, reviewed and
saved through File ▸ Import records from a patient portal… (ui/portal_import_dialog.py)?

Setup as bench/bench_import_stall.py: QApplication (offscreen unless set), the app's MainWindow with
private settings, a new vault (work factor 2^10) each round, entered as in the app, and the fictional
bundle of bench/bench_portal_read.py (--resources N). The probe of bench/stall_probe.py (10 ms,
precise; each phase starts once the search index is built) records the gaps of the event loop during:

  review   from opening the dialog until its review is there (read and planned in the pool)
  save     from pressing Import until the report is there, plus 300 ms (the sections reload)
  section  going to the Health history section after the import (it reloads when shown), plus 300 ms
  idle     reference: the probe with the event loop idle, as long as review + save

Target: no gap > 100 ms in review or save. Run: .venv/bin/python bench/bench_portal_import_stall.py
[--resources N] [--rounds R] [--profile] [--where]
[--switch-interval S] (the GIL switch interval instead of the app's: 0.005 is Python's own)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="cProfile of the GUI thread, round 1")
    parser.add_argument("--where", action="store_true", help="sample the GUI thread's stack in stalls")
    parser.add_argument(
        "--switch-interval",
        type=float,
        help="the GIL switch interval in seconds instead of the app's (ui/app.py); Python's own is 0.005",
    )
    args = parser.parse_args()
    from bench_portal_read import make_bundle
    from PySide6.QtCore import QSettings, QThreadPool
    from stall_probe import StallProbe

    from mbc_vault.vault import Vault
    from ui.app import setup_application
    from ui.main_window import MainWindow
    from ui.portal_import_dialog import PortalImportDialog, open_portal_import
    from ui.settings import AppSettings

    with tempfile.TemporaryDirectory(prefix="bench-portal-stall-") as tmp:
        root = Path(tmp)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(root / name.lower())
        bundle = root / "portal-export.json"
        bundle.write_bytes(make_bundle(args.resources))
        app = setup_application([sys.argv[0]])
        if args.switch_interval is not None:
            sys.setswitchinterval(args.switch_interval)
        print(f"GIL switch interval: {sys.getswitchinterval() * 1000:g} ms")
        window = MainWindow(AppSettings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)))
        window.show()
        probe = StallProbe(
            lambda: window.session is not None and window.session.index is not None,
            args.profile,
            args.where,
        )
        saved: list[int] = []
        for number in range(args.rounds):
            vault = Vault.create(root / f"vault-{number}", "benchmark passphrase, no secret", work_factor=10)
            window.enter_vault(vault)
            holder: dict[str, PortalImportDialog | None] = {}

            def opened(holder: dict[str, PortalImportDialog | None] = holder) -> bool:
                dialog = holder.get("d")
                return dialog is not None and not dialog.working

            review_s = probe.measure(
                "review",
                lambda h=holder: h.__setitem__("d", open_portal_import(window, window.session, [bundle])),
                opened,
            )
            dialog = holder["d"]
            assert dialog is not None
            save_s = probe.measure(
                "save",
                dialog.import_btn.click,
                lambda d=dialog: d.report is not None and not d.working,
                tail_ms=300,
            )
            assert dialog.report is not None
            saved.append(dialog.report.total)
            dialog.accept()
            probe.measure("section", lambda: window.go_to(window.history), lambda: True, tail_ms=300)
            probe.idle((review_s + save_s) * 1000)
            window.lock()
            QThreadPool.globalInstance().waitForDone(30_000)
        print(f"{args.resources} resources a round, {args.rounds} rounds (a new vault each): saved {saved}")
        probe.report()
        window.close()
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
