"""Facts about a file to be imported (page count, title, date), read in a separate process
under time and memory limits, so a hostile or broken PDF cannot hang or exhaust the program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TIME_LIMIT_S = 20.0
MEMORY_LIMIT_BYTES = 1 << 30


@dataclass
class FileFacts:
    pages: int | None = None
    title: str = ""
    date: str | None = None
    encrypted: bool = False
    #: why the file could not be read (a phrase to follow its name), else ""
    problem: str = ""


def _limit_resources() -> None:  # runs in the child before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (int(TIME_LIMIT_S), int(TIME_LIMIT_S) + 1))


def inspect_file(path: Path, media_type: str) -> FileFacts:
    if media_type != "application/pdf":
        return FileFacts(pages=1 if media_type.startswith("image/") else None)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mbc_vault.inspect_worker", str(path)],
            capture_output=True, timeout=TIME_LIMIT_S, preexec_fn=_limit_resources,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
    except subprocess.TimeoutExpired:
        return FileFacts(problem="it took too long to read; it may be damaged")
    if done.returncode != 0:
        return FileFacts(problem="it could not be read as a PDF; it may be damaged")
    try:
        data = json.loads(done.stdout)
    except ValueError:
        return FileFacts(problem="it could not be read as a PDF; it may be damaged")
    return FileFacts(**data)
