#!/usr/bin/env python3
"""Benchmark: start of the bundled program (`make package`) to its unlock window, on an X screen.

Each measurement starts a program as a person's desktop does: a new process, with a new empty HOME
and a minimal environment (HOME, PATH, LANG, DISPLAY), and MBC_VAULT_SCREENSHOT=FILE.png set: once its
first window is on the screen the program saves it and quits. Start time = the PNG's modification
time - the time taken just before spawning (the same clock), so the PNG's encoding is included and
the program's shutdown is not.

  bundle  build/bundle/mbc-vault/mbc-vault --open VAULT: the app at a vault's unlock screen (the vault
          is made once with the bundle's own `mbc-vault init`)
  ref     a bare PySide6 window (QMainWindow with a QLabel, same size), frozen by the same PyInstaller
          in one folder and started the same way; built once into build/bench-bundle-ref/
  source  .venv/bin/mbc-vault --open VAULT, the same app run from the source tree (information)

One warm-up round (page cache), then interleaved rounds with the order rotating; medians.
Target: bundle <= 1.0 s (absolute); also reported as bundle/ref. The CPU seconds each program used
(user + system, its whole run including shutdown, from the rusage of children) are printed too: on a
machine shared with other work, the wall time grows with the load and the CPU time much less.

Run (after `make package`): .venv/bin/python bench/bench_bundle_start.py [--rounds N]
Without DISPLAY it runs itself again under xvfb-run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "build" / "bundle" / "mbc-vault" / "mbc-vault"
REF_DIR = ROOT / "build" / "bench-bundle-ref"
TARGET_S = 1.0

REF_SCRIPT = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("A bare PySide6 window"))
    window.resize(1200, 780)
    window.show()

    def shoot():
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(25, shoot)
            return
        app.exit(0 if window.grab().save(os.environ["MBC_VAULT_SCREENSHOT"], "PNG") else 1)

    QTimer.singleShot(0, shoot)
    sys.exit(app.exec())
""")


def build_reference() -> Path:
    """The bare window frozen like the app (one folder), rebuilt when PyInstaller or PySide6 change."""
    import PyInstaller
    import PySide6

    stamp = f"{PyInstaller.__version__} {PySide6.__version__}"
    program = REF_DIR / "dist" / "bench-ref" / "bench-ref"
    if program.exists() and (REF_DIR / "stamp").read_text() == stamp:
        return program
    shutil.rmtree(REF_DIR, ignore_errors=True)
    REF_DIR.mkdir(parents=True)
    (REF_DIR / "bench-ref.py").write_text(REF_SCRIPT)
    print("building the reference program with PyInstaller (once, about a minute)...", flush=True)
    subprocess.run(
        [
            str(Path(sys.executable).parent / "pyinstaller"),
            "--noconfirm",
            "--onedir",
            "--log-level=ERROR",
            "--name=bench-ref",
            f"--workpath={REF_DIR / 'work'}",
            f"--distpath={REF_DIR / 'dist'}",
            f"--specpath={REF_DIR}",
            str(REF_DIR / "bench-ref.py"),
        ],
        check=True,
    )
    (REF_DIR / "stamp").write_text(stamp)
    return program


def environment(home: Path, shot: Path) -> dict[str, str]:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "MBC_VAULT_SCREENSHOT": str(shot)}
    for name in ("DISPLAY", "XAUTHORITY"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    return env


def start_time(command: list[str], work: Path, label: str) -> tuple[float, float]:
    """(seconds to the saved window, CPU seconds of the whole run)"""
    home = Path(tempfile.mkdtemp(prefix=f"home-{label}-", dir=work))
    shot = home / "window.png"
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = time.time_ns()
    done = subprocess.run(command, env=environment(home, shot), cwd=home, capture_output=True, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    if done.returncode != 0 or not shot.exists():
        raise SystemExit(
            f"{label} did not save its window (status {done.returncode}): {done.stderr[-2000:]!r}"
        )
    seconds = (shot.stat().st_mtime_ns - before) / 1e9
    shutil.rmtree(home)
    return seconds, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            raise SystemExit("no DISPLAY and no xvfb-run (Debian package xvfb)")
        screen = ["-a", "-s", "-screen 0 1280x900x24"]
        return subprocess.call([xvfb, *screen, sys.executable, *sys.argv])
    if not BUNDLE.exists():
        raise SystemExit(f"{BUNDLE} is missing: run `make package` first")
    reference = build_reference()
    with tempfile.TemporaryDirectory(prefix="bench-bundle-start-") as tmp:
        work = Path(tmp)
        vault, secret = work / "Bench vault", work / "passphrase.txt"
        secret.write_text("benchmark passphrase, not a secret\n")
        setup_env = environment(work, work / "unused.png")
        subprocess.run(
            [str(BUNDLE), "init", str(vault), "--passphrase-file", str(secret)],
            env=setup_env,
            check=True,
            capture_output=True,
        )
        programs = {
            "bundle": [str(BUNDLE), "--open", str(vault)],
            "ref": [str(reference)],
            "source": [str(ROOT / ".venv" / "bin" / "mbc-vault"), "--open", str(vault)],
        }
        times: dict[str, list[float]] = {name: [] for name in programs}
        cpus: dict[str, list[float]] = {name: [] for name in programs}
        names = list(programs)
        for round_ in range(args.rounds + 1):
            order = names[round_ % len(names) :] + names[: round_ % len(names)]
            for name in order:
                seconds, cpu = start_time(programs[name], work, name)
                if round_:  # the first round warms the page cache
                    times[name].append(seconds)
                    cpus[name].append(cpu)
            if round_:
                print(f"round {round_}: " + ", ".join(f"{n} {times[n][-1]:.3f} s" for n in names), flush=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    print()
    print(f"{'':8} {'median':>8} {'min':>8} {'max':>8} {'CPU s':>8}")
    for name in names:
        values, cpu = times[name], statistics.median(cpus[name])
        print(f"{name:8} {median[name]:8.3f} {min(values):8.3f} {max(values):8.3f} {cpu:8.3f}")
    ratio = median["bundle"] / median["ref"]
    met = "met" if median["bundle"] <= TARGET_S else "NOT met"
    print(f"\nbundle/ref {ratio:.2f}; bundle - ref {median['bundle'] - median['ref']:+.3f} s")
    print(f"target: bundle start to the unlock window <= {TARGET_S} s: {met} ({median['bundle']:.3f} s)")
    return 0 if median["bundle"] <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
