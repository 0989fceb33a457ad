"""Fuzzing the age reader (mbc_vault/age): headers, the payload stream, armor and key strings.

Seeds are files this program writes (X25519 and passphrase recipients, several payload sizes around
the 64 KiB chunk, armored or not) and the C2SP CCTV vectors in tests/data/age-cctv. Properties:

- a hostile file raises only age.AgeError (its subclasses), never anything else, and never hangs;
- no partial results: whatever plaintext the stream releases before an error is a prefix of the
  original (every released chunk authenticated), and a file that opens gives the original whole;
- a header that parses re-encodes to exactly the bytes it was read from (strict, canonical parsing);
- round trips: encrypt then decrypt, armor then dearmor, a key printed then parsed.

Settings and the mutation strategy: tests/fuzzing.py (`make fuzz` runs these longer).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import pytest
from age_vectors import load_vector, vector_paths
from fuzzing import FUZZ, bounded, mutated
from hypothesis import example, given
from hypothesis import strategies as st

from mbc_vault import age
from mbc_vault.age import armor, bech32
from mbc_vault.age.header import COLUMNS, MAX_HEADER_BYTES, MAX_STANZAS, Stanza, b64_encode_raw, read_header

CHUNK = age.CHUNK_SIZE
#: passphrase stanzas above this are refused before any scrypt work (the cap the vault itself uses
#: for planted files); our own seeds use work factor 2 so a mutated file stays cheap to try
MAX_WORK_FACTOR = 10
IDENTITIES = [age.X25519Identity(hashlib.sha256(b"fuzz key %d" % n).digest()) for n in range(3)]
PASSPHRASE = b"fuzz passphrase"


@dataclass(frozen=True)
class Seed:
    name: str
    body: bytes
    identities: tuple[object, ...]
    armored: bool
    #: the whole plaintext when the seed opens, else None
    plaintext: bytes | None


def _payload(size: int) -> bytes:
    return (hashlib.sha256(b"payload").digest() * (size // 32 + 1))[:size]


def _own_seeds() -> list[Seed]:
    seeds = []
    for size in (0, 1, 100, CHUNK, CHUNK + 1, 2 * CHUNK):
        plain = _payload(size)
        for label, recipients, identities in (
            ("x25519", [IDENTITIES[0].recipient()], (IDENTITIES[0],)),
            ("x25519x3", [i.recipient() for i in IDENTITIES], (IDENTITIES[2],)),
            ("scrypt", [age.ScryptRecipient(PASSPHRASE, work_factor=2)], (age.ScryptIdentity(PASSPHRASE),)),
        ):
            body = age.encrypt_bytes(plain, recipients)
            seeds.append(Seed(f"own-{label}-{size}", body, identities, False, plain))
            if size <= CHUNK + 1:
                seeds.append(Seed(f"own-{label}-{size}-armored", armor.encode(body), identities, True, plain))
    return seeds


def _cctv_seeds() -> list[Seed]:
    seeds = []
    for path in vector_paths():
        fields, body = load_vector(path)
        if len(body) > 4 * CHUNK:  # stream_258_chunks: 16 MiB, too slow to try thousands of times
            continue
        identities: list[object] = [
            age.X25519Identity.parse(i)
            for i in fields.get("identity", [])
            if i.startswith("AGE-SECRET-KEY-1")
        ]
        identities += [age.ScryptIdentity(p.encode(), MAX_WORK_FACTOR) for p in fields.get("passphrase", [])]
        armored = fields.get("armored") == ["yes"]
        plaintext = None
        if fields["expect"] == ["success"] and len(identities) == len(fields.get("identity", [])) + len(
            fields.get("passphrase", [])
        ):
            plaintext = age.decrypt_bytes(body, identities, armored=armored)  # type: ignore[arg-type]
        seeds.append(Seed(f"cctv-{path.name}", body, tuple(identities), armored, plaintext))
    return seeds


SEEDS = _own_seeds() + _cctv_seeds()


def _open(body: bytes, seed: Seed) -> tuple[bytes, age.AgeError | None]:
    """Everything the stream released, and the age error that stopped it (None if it opened)."""
    released = bytearray()
    try:
        decryptor = age.Decryptor(io.BytesIO(body), seed.identities, armored=seed.armored)  # type: ignore[arg-type]
        for chunk in decryptor.chunks():
            released += chunk
    except age.AgeError as exc:
        return bytes(released), exc
    return bytes(released), None


def test_the_seeds_open_as_expected() -> None:
    """The seeds are what the fuzzer starts from: every one this program wrote opens."""
    assert len(SEEDS) > 100
    for seed in SEEDS:
        if seed.plaintext is not None:
            assert _open(seed.body, seed) == (seed.plaintext, None), seed.name


@st.composite
def _mutated_seed(draw: st.DrawFn) -> tuple[Seed, bytes]:
    seed = draw(st.sampled_from(SEEDS))
    return seed, draw(mutated(st.just(seed.body)))


@FUZZ
@given(_mutated_seed())
@bounded
def test_a_mutated_file_fails_with_an_age_error_and_releases_only_authentic_bytes(
    case: tuple[Seed, bytes],
) -> None:
    seed, body = case
    released, error = _open(body, seed)  # anything but an AgeError propagates and fails the test
    if seed.plaintext is None:
        return
    assert seed.plaintext.startswith(released), "the stream released bytes that are not the file's"
    if error is None:
        assert released == seed.plaintext


# -- the header parser alone: structured headers, sometimes far past the limits -------------------

_VCHAR = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=12)
_B64 = st.binary(max_size=80).map(b64_encode_raw)


@st.composite
def _stanza_lines(draw: st.DrawFn) -> bytes:
    """One stanza, mostly well formed: type and arguments, a body wrapped at 64 columns; sometimes
    with enough full body lines to pass the 128 KiB header limit."""
    args = draw(st.lists(_VCHAR | _B64.filter(bool), min_size=1, max_size=4))
    text = b64_encode_raw(draw(st.binary(max_size=120))).encode()
    lines = [b"-> " + " ".join(args).encode()]
    lines += [b"A" * COLUMNS] * draw(st.sampled_from([0, 0, 0, 1, 40, 2200]))
    lines += [text[i : i + COLUMNS] for i in range(0, len(text), COLUMNS)]
    if len(text) % COLUMNS == 0:
        lines.append(b"")  # the body always ends with a short (maybe empty) line
    return b"\n".join(lines) + b"\n"


@st.composite
def _headers(draw: st.DrawFn) -> bytes:
    version = draw(st.sampled_from([b"age-encryption.org/v1\n"] * 6 + [b"age-encryption.org/v2\n", b""]))
    stanzas = draw(st.lists(_stanza_lines(), max_size=3))
    count = draw(st.sampled_from([1, 1, 1, MAX_STANZAS, MAX_STANZAS + 1]))
    mac = draw(st.sampled_from([b"--- " + b64_encode_raw(bytes(32)).encode(), b"---", b"--- ", b"-- x"]))
    tail = draw(st.binary(max_size=40))
    return version + b"".join(stanzas) * count + mac + b"\n" + tail


@FUZZ
@given(_headers() | st.binary(max_size=400) | mutated(st.sampled_from([s.body[:400] for s in SEEDS])))
@example(b"age-encryption.org/v1\n" + b"-> X\n\n" * (MAX_STANZAS + 1) + b"--- " + b"A" * 43 + b"\n")
@example(b"age-encryption.org/v1\n-> X\n" + b"A" * 64 * 2200 + b"\n")
@bounded
def test_a_header_parses_strictly_or_raises_a_header_error(raw: bytes) -> None:
    src = io.BytesIO(raw)
    try:
        header = read_header(src)
    except age.HeaderError:
        assert src.tell() <= MAX_HEADER_BYTES + 1, "read past the header limit"
        return
    assert len(header.stanzas) <= MAX_STANZAS
    encoded = b"age-encryption.org/v1\n" + b"".join(s.encode() for s in header.stanzas) + b"---"
    assert encoded == header.mac_input, "a header was accepted in a form this program would not write"
    assert raw[: src.tell()] == header.mac_input + b" " + b64_encode_raw(header.mac).encode() + b"\n"


# -- round trips -------------------------------------------------------------------------------

_SIZES = st.sampled_from(
    [0, 1, 15, 16, 17, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 16]
) | st.integers(0, 3 * CHUNK)


@FUZZ
@given(
    pattern=st.binary(min_size=1, max_size=64),
    size=_SIZES,
    recipients=st.integers(1, 3),
    passphrase=st.none() | st.binary(max_size=32),
    armored=st.booleans(),
)
@bounded
def test_encrypt_then_decrypt_gives_the_plaintext_back(
    pattern: bytes, size: int, recipients: int, passphrase: bytes | None, armored: bool
) -> None:
    plain = (pattern * (size // len(pattern) + 1))[:size]
    if passphrase is not None:
        sealed = age.encrypt_bytes(plain, [age.ScryptRecipient(passphrase, work_factor=1)])
        right, wrong = [age.ScryptIdentity(passphrase)], [age.ScryptIdentity(passphrase + b"!")]
    else:
        sealed = age.encrypt_bytes(plain, [i.recipient() for i in IDENTITIES[:recipients]])
        right, wrong = [IDENTITIES[recipients - 1]], [age.X25519Identity(bytes(range(32)))]
    if armored:
        sealed = armor.encode(sealed)
    assert age.decrypt_bytes(sealed, right, armored=armored) == plain  # type: ignore[arg-type]
    with pytest.raises(age.NoIdentityMatch):
        age.decrypt_bytes(sealed, wrong, armored=armored)  # type: ignore[arg-type]


# -- armor ---------------------------------------------------------------------------------------


def _normal_armor(raw: bytes) -> bytes:
    """An armored file as this program writes it: no leading blank space, LF line ends, one final LF."""
    text = raw.lstrip(b" \t\r\n")
    if text.startswith(armor.BEGIN + b"\r\n"):
        text = text.replace(b"\r\n", b"\n")
    return text.rstrip(b" \t\r\n") + b"\n"


_ARMOR_SEEDS = [armor.encode(_payload(n)) for n in (0, 1, 47, 48, 49, 96, 200)] + [
    s.body for s in SEEDS if s.armored
]


@FUZZ
@given(
    mutated(st.sampled_from(_ARMOR_SEEDS))
    | st.binary(max_size=200)
    | st.binary(max_size=100).map(lambda b: b"  \r\n" + armor.encode(b).replace(b"\n", b"\r\n") + b"\t\n")
)
@bounded
def test_armor_decodes_strictly_or_raises_an_armor_error(raw: bytes) -> None:
    try:
        data = armor.decode(raw)
    except age.ArmorError:
        return
    assert armor.encode(data) == _normal_armor(raw), "armor accepted in a form that is not canonical"


@FUZZ
@given(st.binary(max_size=600))
@bounded
def test_armor_then_dearmor_gives_the_bytes_back(data: bytes) -> None:
    assert armor.decode(armor.encode(data)) == data


# -- key strings ---------------------------------------------------------------------------------

_KEY_TEXTS = [str(i) for i in IDENTITIES] + [str(i.recipient()) for i in IDENTITIES]


@FUZZ
@given(
    mutated(st.sampled_from([k.encode() for k in _KEY_TEXTS]), max_edits=2).map(
        lambda b: b.decode("utf-8", "replace")
    )
    | st.text(max_size=120)
)
@bounded
def test_a_key_string_parses_or_raises_an_age_error(text: str) -> None:
    for parse in (age.X25519Identity.parse, age.X25519Recipient.parse, age.parse_identities):
        try:
            parse(text)
        except age.AgeError:
            pass
    try:
        bech32.decode(text)
    except ValueError:
        pass  # bech32's documented failure; the callers above turn it into an AgeError


@FUZZ
@given(st.binary(min_size=32, max_size=32))
@bounded
def test_a_key_printed_then_parsed_is_the_same_key(secret: bytes) -> None:
    identity = age.X25519Identity(secret)
    assert age.X25519Identity.parse(str(identity)).secret == secret
    assert age.X25519Recipient.parse(str(identity.recipient())) == identity.recipient()
    assert bech32.decode(bech32.encode("age", secret)) == ("age", secret)


def test_the_stanza_encoder_writes_what_the_parser_reads() -> None:
    """A sanity check of the round-trip property above on a known header."""
    stanza = Stanza("X25519", [b64_encode_raw(bytes(32))], bytes(32))
    raw = b"age-encryption.org/v1\n" + stanza.encode() + b"--- " + b64_encode_raw(bytes(32)).encode() + b"\n"
    assert read_header(io.BytesIO(raw)).stanzas == [stanza]
