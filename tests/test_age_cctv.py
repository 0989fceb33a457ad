"""The C2SP CCTV age test vectors (tests/data/age-cctv, 0BSD/CC0): every vector gives its expected outcome."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from age_vectors import load_vector, vector_paths

from mbc_vault import age

EXPECTED = {
    "success": None,
    "no match": age.NoIdentityMatch,
    "HMAC failure": age.HMACError,
    "header failure": age.HeaderError,
    "payload failure": age.PayloadError,
    "armor failure": age.ArmorError,
}


def test_all_vectors_present() -> None:
    assert len(vector_paths()) == 143


@pytest.mark.parametrize("path", vector_paths(), ids=lambda p: p.name)
def test_vector(path: Path) -> None:
    fields, body = load_vector(path)
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
