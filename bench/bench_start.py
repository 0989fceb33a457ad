#!/usr/bin/env python3
"""Benchmark: app start to the unlock window.

Setup (once): in a temporary home (XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME,
MBC_VAULT_CACHE_DIR), a vault is created (work factor 2^10) and registered as the most recent
one with ui.settings.AppSettings.add_recent_vault, so the app opens on its unlock screen.

Each measurement is a child process, a fresh interpreter with QT_QPA_PLATFORM=offscreen and that
temporary home. The parent takes time.time() just before spawning it; the child prints time.time()
once its window is shown and one event-loop iteration has run (a 0 ms single-shot timer queued
just before the event loop starts). Start time = child's stamp - parent's stamp.

  app   the real entry point, `python -c ...` running ui.launch.main([]) (what `mbc-vault`
        with no arguments does), with QApplication.exec wrapped to queue the stamp; the child
        checks that the unlock screen is the current widget and the window is visible
  ref   a minimal PySide6 app: QApplication + QMainWindow with a QLabel, shown, same stamp

Interleaved rounds (one warm-up round first, not counted: .pyc files and the page cache), the
order alternating; medians. Target: app <= 1.0 s (absolute); also reported as app/ref.

Run: .venv/bin/python bench/bench_start.py [--rounds N] [--importtime] [--profile]
(--importtime: one more app child under `python -X importtime`, listing the slowest imports,
cumulative; --profile: one more app child under cProfile, project functions by cumulative time.
The ui/mbc_vault modules loaded at the unlock screen are always listed.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.0

SETUP = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication
    from mbc_vault.vault import Vault
    from ui.settings import AppSettings
    app = QCoreApplication([])
    app.setOrganizationName("MBC Vault")  # as ui.app.setup_application
    app.setApplicationName("MBC Vault")
    Vault.create(sys.argv[1], "benchmark passphrase, not a secret", name="Bench", work_factor=10).close()
    settings = AppSettings()
    settings.add_recent_vault(sys.argv[1])
    settings.sync()
    print(settings.recent_vaults())
""")

APP = textwrap.dedent("""
    import os, sys, time
    profiler = None
    if os.environ.get("BENCH_START_PROFILE"):
        import cProfile
        profiler = cProfile.Profile()
        profiler.enable()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    exec_ = QApplication.exec

    def stamp():
        now = time.time()
        if profiler:
            import io, pstats
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"ui/|mbc_vault/", 25)
            sys.stderr.write(out.getvalue())
        windows = [w for w in QApplication.topLevelWidgets() if hasattr(w, "unlock_screen")]
        ok = bool(windows) and windows[0].isVisible()
        ok = ok and windows[0].stack.currentWidget() is windows[0].unlock_screen
        loaded = " ".join(sorted(m for m in sys.modules if m.startswith(("ui", "mbc_vault"))))
        print(f"{now!r} {'unlock' if ok else 'NOT-UNLOCK'} {loaded}", flush=True)
        QApplication.exit(0)

    def timed_exec(*args):
        QTimer.singleShot(0, stamp)
        return exec_()

    QApplication.exec = timed_exec
    from ui.launch import main
    sys.exit(main([]))
""")

REF = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello", window))
    window.show()
    QTimer.singleShot(0, lambda: (print(f"{time.time()!r} ref", flush=True), app.quit()))
    sys.exit(app.exec())
""")


def run_child(code: str, env: dict[str, str], extra: list[str] | None = None) -> tuple[float, str, str]:
    """(seconds from spawn to the child's stamp, the rest of its stamp line, stderr)."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, *(extra or []), "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next((ln for ln in done.stdout.splitlines() if ln[:1].isdigit()), "")
    if done.returncode != 0 or not line:
        raise RuntimeError(f"child failed ({done.returncode}): {done.stdout[-500:]} {done.stderr[-2000:]}")
    stamp, _, rest = line.partition(" ")
    return float(stamp) - start, rest, done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--importtime", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        home = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "MBC_VAULT_"))}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            HOME=str(home / "home"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            MBC_VAULT_CACHE_DIR=str(home / "cache" / "mbc-vault"),
            PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        )
        (home / "home").mkdir()
        subprocess.run(
            [sys.executable, "-c", SETUP, str(home / "data" / "My vault")],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )

        _, state, _ = run_child(APP, env)  # warm-up: .pyc files, page cache
        run_child(REF, env)
        screen, _, modules = state.partition(" ")
        if screen != "unlock":
            print("the app did not open on its unlock screen", file=sys.stderr)
            return 1
        times: dict[str, list[float]] = {"app": [], "ref": []}
        for number in range(args.rounds):
            order = [("app", APP), ("ref", REF)] if number % 2 == 0 else [("ref", REF), ("app", APP)]
            for name, code in order:
                times[name].append(run_child(code, env)[0])
        app_s, ref_s = statistics.median(times["app"]), statistics.median(times["ref"])
        ratio = statistics.median(a / r for a, r in zip(times["app"], times["ref"], strict=True))
        print(
            f"{args.rounds} interleaved rounds, seconds from spawn to the window shown + one event-loop turn"
        )
        for name, values in times.items():
            print(
                f"  {name:4s} median {statistics.median(values):.3f} s   "
                f"(rounds: {', '.join(f'{v:.3f}' for v in values)})"
            )
        print(
            f"app {app_s:.3f} s (target <= {TARGET_S:.1f} s): {'MET' if app_s <= TARGET_S else 'MISSED'}; "
            f"app/ref = {ratio:.2f} (median of per-round ratios); app - ref = {app_s - ref_s:+.3f} s"
        )
        loaded = modules.split()
        print(f"project modules loaded at the unlock screen ({len(loaded)}): {' '.join(loaded)}")

        if args.importtime:
            _, _, stderr = run_child(APP, env, ["-X", "importtime"])
            rows = []
            for line in stderr.splitlines():
                if line.startswith("import time:") and "|" in line:
                    parts = [p.strip() for p in line[len("import time:") :].split("|")]
                    if parts[0].isdigit():
                        rows.append((int(parts[1]), int(parts[0]), parts[2]))
            print("\nslowest imports, cumulative (us), from python -X importtime:")
            for cumulative, own, name in sorted(rows, reverse=True)[:25]:
                print(f"  {cumulative:9d} {own:9d}  {name}")
        if args.profile:
            _, _, stderr = run_child(APP, dict(env, BENCH_START_PROFILE="1"))
            lines = stderr.splitlines()
            start = next((i for i, ln in enumerate(lines) if "ncalls" in ln), 0)
            print("\ncProfile of one app start (cumulative, project functions; imports included):")
            print("\n".join(ln for ln in lines[start:] if ln.strip()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
