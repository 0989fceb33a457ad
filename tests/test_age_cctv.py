"""The C2SP CCTV age test vectors (tests/data/age-cctv, 0BSD/CC0): every vector gives its expected outcome."""

from __future__ import annotations

import hashlib
import io
import zlib
from pathlib import Path

import pytest

from mbc_vault import age

VECTORS = Path(__file__).parent / "data" / "age-cctv"
EXPECTED = {
    "success": None,
    "no match": age.NoIdentityMatch,
    "HMAC failure": age.HMACError,
    "header failure": age.HeaderError,
    "payload failure": age.PayloadError,
    "armor failure": age.ArmorError,
}


def _load(path: Path) -> tuple[dict[str, list[str]], bytes]:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.decode().splitlines():
        key, _, value = line.partition(": ")
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return fields, body


def _vectors() -> list[Path]:
    return sorted(p for p in VECTORS.iterdir() if p.name not in {"README.md"})


def test_all_vectors_present() -> None:
    assert len(_vectors()) == 143


@pytest.mark.parametrize("path", _vectors(), ids=lambda p: p.name)
def test_vector(path: Path) -> None:
    fields, body = _load(path)
    if any(i.startswith("AGE-SECRET-KEY-PQ-") for i in fields.get("identity", [])):
        pytest.skip("post-quantum hybrid recipients (mlkem768x25519) are not implemented")
    identities: list[object] = [age.X25519Identity.parse(i) for i in fields.get("identity", [])]
    identities += [age.ScryptIdentity(p.encode()) for p in fields.get("passphrase", [])]
    expect = fields["expect"][0]
    released = hashlib.sha256()
    error: Exception | None = None
    try:
        decryptor = age.Decryptor(io.BytesIO(body), identities, armored=fields.get("armored") == ["yes"])
        for chunk in decryptor.chunks():
            released.update(chunk)
    except age.AgeError as exc:
        error = exc
    wanted = EXPECTED[expect]
    if wanted is None:
        assert error is None, f"expected success, got {error!r}"
    else:
        assert type(error) is wanted, f"expected {wanted.__name__}, got {error!r}"
    if "payload" in fields:
        assert released.hexdigest() == fields["payload"][0]
