"""The fuzzing harness's settings and shared strategies (tests/test_fuzz_*.py use them).

Two runs of the same tests:

- the default suite: ``FUZZ_EXAMPLES`` examples per target (25), derandomized, so every run tries the
  same inputs and a failure is a failure on every machine; a few seconds in all;
- ``make fuzz``: ``MBC_VAULT_FUZZ_EXAMPLES`` examples per target (the Makefile sets it), random, with
  a deadline per example, so a slow case is reported as well as a crash; at the end it prints, per
  target, the examples run, their time and the slowest one.

Every example also runs under `bounded`: an example still running after ``HANG_SECONDS`` is stopped
with a failure naming it (a hang), instead of stopping the suite. Inputs are bounded in size by the
strategies (a few hundred KiB at most), so no example needs more than milliseconds.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

LONG_RUN = bool(os.environ.get("MBC_VAULT_FUZZ_EXAMPLES"))
FUZZ_EXAMPLES = int(os.environ.get("MBC_VAULT_FUZZ_EXAMPLES") or 25)
#: a single example that runs this long is a hang (the real figure is milliseconds)
HANG_SECONDS = 20.0

#: the settings of every fuzz target (use as a decorator above @given)
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    derandomize=not LONG_RUN,
    database=None,  # nothing written into the source tree; failures print their example
    deadline=dt.timedelta(seconds=2) if LONG_RUN else None,  # a loaded machine must not make it flaky
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=LONG_RUN,
)

F = TypeVar("F", bound=Callable[..., Any])


class Hang(AssertionError):
    """An example ran past HANG_SECONDS."""


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def fire(signum: int, frame: object) -> None:
        raise Hang(f"one example ran past {seconds:g} s: a hang")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


#: per target: examples run, seconds in them, the slowest one, the first start and the last end
#: (printed at the end of a long run)
FIGURES: dict[str, list[float]] = {}


def bounded(test: F) -> F:
    """Run each example of *test* under a wall-clock alarm, and count it (put it below @given)."""

    @wraps(test)
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            with _alarm(HANG_SECONDS):
                return test(*args, **kwargs)
        finally:
            end = time.perf_counter()
            figures = FIGURES.setdefault(test.__name__, [0, 0.0, 0.0, start, end])
            figures[0] += 1
            figures[1] += end - start
            figures[2] = max(figures[2], end - start)
            figures[4] = end

    return run  # type: ignore[return-value]


def print_figures() -> None:
    """The figures of this run, one line per target: examples run (hypothesis's shrinking runs
    included), seconds inside them, seconds from the first to the last (generating the inputs too),
    and the slowest example."""
    if not FIGURES:
        return
    out = sys.__stdout__ or sys.stdout
    out.write(f"\nFuzzing figures ({FUZZ_EXAMPLES} examples asked per target):\n")
    out.write(f"  {'target':<78} {'examples':>8} {'in tests':>8} {'wall s':>7} {'slowest ms':>10}\n")
    for name, (count, seconds, slowest, first, last) in sorted(FIGURES.items()):
        out.write(
            f"  {name:<78} {count:>8.0f} {seconds:>8.1f} {last - first:>7.1f} {slowest * 1000:>10.1f}\n"
        )
    count = sum(f[0] for f in FIGURES.values())
    seconds = sum(f[1] for f in FIGURES.values())
    wall = sum(f[4] - f[3] for f in FIGURES.values())
    out.write(f"  {'all ' + str(len(FIGURES)) + ' targets':<78} {count:>8.0f} {seconds:>8.1f} {wall:>7.1f}\n")
    out.flush()


if LONG_RUN:
    atexit.register(print_figures)


# -- shared strategies -------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, seeds: st.SearchStrategy[bytes], max_edits: int = 4) -> bytes:
    """A seed with a few edits: flipped, replaced, inserted or deleted bytes, a cut, a copied slice."""
    data = bytearray(draw(seeds))
    for _ in range(draw(st.integers(1, max_edits))):
        kind = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "duplicate", "line"]))
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and data:
            at = min(at, len(data) - 1)
            data[at] = draw(st.sampled_from(b" \n\r-=>+/0aA\x00\xff"))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        elif kind == "duplicate":
            size = draw(st.integers(1, 256))
            data[at:at] = data[at : at + size] * draw(st.integers(1, 3))
        elif kind == "line":  # repeat, drop or swap a whole text line (header lines, armor lines)
            lines = bytes(data).split(b"\n")
            n = draw(st.integers(0, len(lines) - 1))
            action = draw(st.sampled_from(["repeat", "drop", "swap"]))
            if action == "repeat":
                lines[n:n] = [lines[n]] * draw(st.integers(1, 20))
            elif action == "drop":
                del lines[n]
            elif n + 1 < len(lines):
                lines[n], lines[n + 1] = lines[n + 1], lines[n]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


#: any JSON value (what a record file or a cache entry can hold), floats included but bounded in size
json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(1 << 70), 1 << 70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
