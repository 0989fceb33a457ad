"""Count copies of secret strings in a live process's memory (Linux only).

`count_secrets(pid, secrets)` reads /proc/<pid>/mem through /proc/<pid>/maps and counts, for each
named secret, its copies in the forms a program keeps text in:

- UTF-8 (what the core encodes, OpenSSL's inputs, SQLite's rows), which for ASCII is also
  CPython's 1-byte ("Latin-1") str storage; for text beyond ASCII the Latin-1 form is counted too;
- UTF-16-LE: Qt's QString, and CPython's 2-byte str storage;
- UTF-32-LE: CPython's 4-byte str storage;

each as written, in lower case and in upper case (bech32 keys are handled in both; SQLite's full-text
index keeps words lower-cased). Raw byte secrets (a key's 32 bytes) are counted as they are.

Only memory that can hold what the program made at run time is read: writable mappings and anonymous,
heap, stack and memfd ones; the read-only mappings of files (the program, its libraries, fonts) are
left out, as are the kernel's [vvar] and [vsyscall]. Whoever scans must be allowed to read the
process (its parent, or the same user while the process is dumpable): see tests/secrets_child.py,
which runs the scenarios in a child process so that the scanner's own copies of the secrets are never
counted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

ENCODINGS = ("utf-8", "latin-1", "utf-16-le", "utf-32-le")
_SKIP = {"[vvar]", "[vsyscall]", "[vdso]", "[vvar_vclock]"}
_CHUNK = 1 << 20


def supported() -> bool:
    """Whether this system has /proc/<pid>/mem (Linux)."""
    return sys.platform.startswith("linux")


def forms(secret: str | bytes) -> dict[bytes, str]:
    """The byte patterns of *secret*, each with the encoding it stands for."""
    if isinstance(secret, bytes):
        return {secret: "raw"}
    out: dict[bytes, str] = {}
    for variant in dict.fromkeys((secret, secret.lower(), secret.upper())):
        for encoding in ENCODINGS:
            try:
                pattern = variant.encode(encoding)
            except UnicodeEncodeError:
                continue
            out.setdefault(pattern, encoding)
    return out


@dataclass
class Region:
    start: int
    end: int
    perms: str
    path: str

    @property
    def name(self) -> str:
        """What the region is, for a report: [heap], [stack], a library, or "anonymous"."""
        return self.path or "anonymous"


def regions(pid: int | str) -> list[Region]:
    """The mappings of *pid* that may hold data made at run time (see the module's docstring)."""
    out = []
    with open(f"/proc/{pid}/maps", encoding="utf-8", errors="replace") as maps:
        for line in maps:
            parts = line.split(maxsplit=5)
            start, end = (int(x, 16) for x in parts[0].split("-"))
            perms = parts[1]
            path = parts[5].strip() if len(parts) > 5 else ""
            if "r" not in perms or path in _SKIP:
                continue
            made_at_run_time = (
                "w" in perms
                or not path
                or path.startswith(("[", "/memfd:", "/dev/shm/"))
                or path.endswith("(deleted)")
            )
            if made_at_run_time:
                out.append(Region(start, end, perms, path))
    return out


def _contents(mem: BinaryIO, region: Region, overlap: int) -> Iterator[tuple[bytes, int]]:
    """The bytes of *region* in chunks that overlap by *overlap* bytes, each with how many of its first
    bytes are its own: a copy that starts there is counted in this chunk, a later one in the next."""
    position = region.start
    while position < region.end:
        size = min(_CHUNK, region.end - position)
        try:
            mem.seek(position)
            data = mem.read(size)
        except (OSError, OverflowError, ValueError):  # unmapped meanwhile, or not readable after all
            return
        if not data:
            return
        last = position + len(data) >= region.end or len(data) <= overlap
        own = len(data) if last else len(data) - overlap
        yield data, own
        if last:
            return
        position += own


@dataclass
class Counts:
    """Copies found: per secret, in total and per encoding and per region."""

    total: dict[str, int] = field(default_factory=dict)
    by_encoding: dict[str, dict[str, int]] = field(default_factory=dict)
    by_region: dict[str, dict[str, int]] = field(default_factory=dict)
    bytes_read: int = 0
    #: how long the count took (set by whoever times it)
    seconds: float = 0.0
    #: objects alive in the process then, by type (as the process said: tests/secrets_child.py)
    live: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, encoding: str, region: str, count: int) -> None:
        self.total[name] = self.total.get(name, 0) + count
        per = self.by_encoding.setdefault(name, {})
        per[encoding] = per.get(encoding, 0) + count
        where = self.by_region.setdefault(name, {})
        where[region] = where.get(region, 0) + count


#: the prefilter's fold: ASCII letters upper-cased, every byte that is not an ASCII letter or digit
#: dropped. It maps a copy in any of the encodings above, in any case, to the same bytes, and a chunk
#: whose fold lacks a secret's fold cannot hold the secret (folding a match gives a match)
_UPPER = bytes(range(256)).upper()
_DROP = bytes(b for b in range(256) if not (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122))
_MIN_FOLD = 8


def _fold(data: bytes) -> bytes:
    return data.translate(_UPPER, _DROP)


def count_secrets(pid: int | str, secrets: Mapping[str, str | bytes | list[str | bytes]]) -> Counts:
    """Copies of each secret (or of any of a list of them) in *pid*'s memory, by name.

    Each chunk is folded once (see _fold); only the secrets whose fold it contains are counted in
    it, form by form (a raw key of 32 random bytes folds to a few letters: it is always counted)."""
    groups: dict[bytes, list[tuple[str, bytes, str]]] = {}
    always: list[tuple[str, bytes, str]] = []
    for name, value in secrets.items():
        for one in dict.fromkeys(value if isinstance(value, list) else [value]):
            for pattern, encoding in forms(one).items():
                key = _fold(pattern)
                if len(key) < _MIN_FOLD:
                    always.append((name, pattern, encoding))
                else:
                    groups.setdefault(key, []).append((name, pattern, encoding))
    counts = Counts(total=dict.fromkeys(secrets, 0))
    longest = max([len(p) for g in [*groups.values(), always] for _, p, _ in g], default=1)
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for region in regions(pid):
            for data, own in _contents(mem, region, longest - 1):
                counts.bytes_read += own
                folded = _fold(data)
                todo = [*always, *(p for key, group in groups.items() if key in folded for p in group)]
                for name, pattern, encoding in todo:
                    found = data.count(pattern, 0, own + len(pattern) - 1)
                    if found:
                        counts.add(name, encoding, region.name, found)
    return counts
