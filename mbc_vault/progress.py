"""The one home of long work's progress callback and cancel flag (core and packet code alike)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

#: progress(done, total, label): *label* names the item (never record contents in logs)
ProgressFn = Callable[[int, int, str], None]


class CancelFlag(Protocol):
    """Anything with is_set(); threading.Event is one."""

    def is_set(self) -> bool: ...
