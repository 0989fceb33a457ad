"""The GUI-stall probe shared by bench/bench_import_stall.py and bench/bench_portal_import_stall.py.

A precise 10 ms QTimer records the gaps between its firings in the script's own event loop
(QEventLoop) while a phase runs: a gap far over 10 ms is the GUI thread busy (or waiting for the
GIL). `measure()` first waits until the window has settled (the search index built, then a moment),
so that a phase is not charged with what unlocking left queued; `report()` prints per phase the
median over rounds of each round's figures, the worst gap of any round and the gaps over STALL_MS,
and the garbage collections of 10 ms or more during each phase (gc.callbacks: on any thread, a
collection holds the GIL, so the GUI thread waits for it too).
"""

from __future__ import annotations

import collections
import cProfile
import gc
import io
import math
import pstats
import statistics
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer

STALL_MS = 100.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]  # nearest rank


class StallProbe:
    """Phases measured by name: `phases[name]` holds one (seconds, gaps in ms) per round."""

    def __init__(self, settled: Callable[[], bool], profile: bool = False, where: bool = False) -> None:
        #: the window has nothing left from before a phase (e.g. its search index is built)
        self.settled = settled
        self.profile = profile
        #: the GUI thread's Python stack, sampled every 20 ms while the probe is late by over 60 ms
        #: (where a stall is; a stack ending in the script's wait is Qt's C++ or the GIL held elsewhere)
        self.stacks: collections.Counter[tuple[str, ...]] = collections.Counter()
        self._probing = False
        if where:
            threading.Thread(target=self._sample, args=(threading.get_ident(),), daemon=True).start()
        self.phases: dict[str, list[tuple[float, list[float]]]] = {}
        self.profiles: dict[str, cProfile.Profile] = {}
        self._gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = self._clock.nsecsElapsed()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._fire)
        #: phase -> (generation, ms, on the GUI thread?) of each collection of GC_MS or more
        self.collections: dict[str, list[tuple[int, float, bool]]] = {}
        self._phase = ""
        self._gc_began = 0.0
        self._gui_thread = threading.get_ident()
        gc.callbacks.append(self._gc)

    #: garbage collections at least this long are listed per phase
    GC_MS = 10.0

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_began = time.perf_counter()
            return
        ms = (time.perf_counter() - self._gc_began) * 1000
        if self._probing and ms >= self.GC_MS:
            self.collections.setdefault(self._phase, []).append(
                (info["generation"], ms, threading.get_ident() == self._gui_thread)
            )

    def _fire(self) -> None:
        now = self._clock.nsecsElapsed()
        self._gaps.append((now - self._last) / 1e6)
        self._last = now

    def _sample(self, gui_thread: int) -> None:
        while True:
            time.sleep(0.02)
            if not self._probing or (self._clock.nsecsElapsed() - self._last) / 1e6 < 60:
                continue
            frame = sys._current_frames().get(gui_thread)
            if frame is not None:
                stack = traceback.extract_stack(frame)[-12:]
                self.stacks[tuple(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack)] += 1

    def wait(self, condition: Callable[[], bool], timeout_s: float = 900.0) -> None:
        """Run the event loop until *condition* holds (checked every 2 ms); TimeoutError after *timeout_s*."""
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(2)
        check.timeout.connect(lambda: loop.quit() if condition() else None)
        check.start()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        deadline.start(int(timeout_s * 1000))
        if not condition():
            loop.exec()
        check.stop()
        if not condition():
            raise TimeoutError("the phase did not finish in time")

    def settle(self, ms: float) -> None:
        end = time.perf_counter() + ms / 1000
        self.wait(lambda: time.perf_counter() >= end)

    def measure(
        self, name: str, start: Callable[[], None], done: Callable[[], bool], tail_ms: float = 0
    ) -> float:
        """Settle, then probe from *start* (run from the event loop) until *done*, plus *tail_ms* for
        what it queued; returns the phase's seconds."""
        self.wait(self.settled, 120)
        self.settle(50)
        self._gaps.clear()
        self._last = self._clock.nsecsElapsed()
        self._timer.start()
        self._phase = name
        self._probing = True
        began = time.perf_counter()
        profiler = None
        if self.profile and name != "idle" and name not in self.profiles:
            profiler = self.profiles[name] = cProfile.Profile()
            profiler.enable()
        QTimer.singleShot(0, start)  # so that the probe is already running in this event loop
        self.settle(1)
        self.wait(done)
        if tail_ms:
            self.settle(tail_ms)
        self._timer.stop()
        self._probing = False
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - began
        self.phases.setdefault(name, []).append((seconds, list(self._gaps)))
        return seconds

    def idle(self, ms: float) -> None:
        """The reference: the probe with the event loop idle for *ms*."""
        self.measure("idle", lambda: None, lambda: True, tail_ms=ms)

    def report(self) -> int:
        """Print the table and the verdict; returns the number of stalls outside the idle phase."""
        print(
            "per phase: median over rounds of each round's figure; 'worst' = the largest gap of a round (ms)"
        )
        print(
            f"{'phase':9s} {'seconds':>8s} {'firings':>8s} {'max gap':>8s} {'p99 gap':>8s} {'p50 gap':>8s} "
            f"{'worst':>8s} {'>100 ms':>8s}"
        )
        stalls = 0
        for name, runs in self.phases.items():
            over = sum(1 for _, values in runs for g in values if g > STALL_MS)
            if name != "idle":
                stalls += over

            def med(fn: Callable[[float, list[float]], float], runs: list = runs) -> float:  # type: ignore[type-arg]
                return statistics.median(fn(seconds, values) for seconds, values in runs)

            print(
                f"{name:9s} {med(lambda s, v: s):8.2f} {med(lambda s, v: len(v)):8.0f} "
                f"{med(lambda s, v: max(v, default=0)):8.1f} {med(lambda s, v: percentile(v, 99)):8.1f} "
                f"{med(lambda s, v: statistics.median(v) if v else 0):8.1f} "
                f"{max(max(v, default=0) for _, v in runs):8.1f} {over:8d}"
            )
        worst = max(
            (max(v, default=0) for n, runs in self.phases.items() if n != "idle" for _, v in runs), default=0
        )
        idle_max = max((max(v, default=0) for _, v in self.phases.get("idle", [])), default=0) or 1.0
        print(
            f"\nworst gap {worst:.1f} ms (target: no gap > {STALL_MS:.0f} ms): "
            f"{'MET' if not stalls else 'MISSED'}; idle reference worst {idle_max:.1f} ms, worst/idle = "
            f"{worst / idle_max:.1f}"
        )
        for name, found in self.collections.items():
            rounds = len(self.phases.get(name, [])) or 1
            full = [ms for generation, ms, _ in found if generation == 2]
            print(
                f"garbage collections >= {self.GC_MS:.0f} ms in {name} ({rounds} rounds): {len(found)}, "
                f"{len(full)} of generation 2, worst {max(ms for _, ms, _ in found):.1f} ms, "
                f"{sum(1 for *_, gui in found if gui)} on the GUI thread"
            )
        for stack, count in self.stacks.most_common(8):
            print(f"\n{count} samples of 20 ms in a stall, innermost last:\n  " + "\n  ".join(stack))
        for name, profiler in self.profiles.items():
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"ui/|mbc_vault/", 20)
            print(f"\n--- GUI thread, {name} phase of round 1 (cProfile; QEventLoop.exec: waiting) ---")
            print("\n".join(out.getvalue().splitlines()[6:]))
        return stalls
