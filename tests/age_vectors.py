"""The age project's test vectors (tests/data/age-cctv, from C2SP/CCTV; see its README): each file is
a header of "key: value" lines, a blank line, and the age file (zlib-compressed when it says so)."""

from __future__ import annotations

import zlib
from pathlib import Path

VECTORS = Path(__file__).parent / "data" / "age-cctv"


def vector_paths() -> list[Path]:
    """Every vector file, by name."""
    return sorted(p for p in VECTORS.iterdir() if p.name != "README.md")


def load_vector(path: Path) -> tuple[dict[str, list[str]], bytes]:
    """A vector's fields (each key's values in order) and its age file's bytes."""
    head, _, body = path.read_bytes().partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode().splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return fields, body
